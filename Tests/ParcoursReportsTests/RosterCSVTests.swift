// SPDX-License-Identifier: GPL-3.0-or-later

import Testing
import ParcoursRoster
import ParcoursScenario
@testable import ParcoursReports

/// The participant rows of a sheet read back as "person day slot kind place".
func assignmentLines(_ rows: [[String]]) -> [String] {
    let header = rows[0]
    func column(_ name: String) -> Int { header.firstIndex(of: name)! }
    return rows.dropFirst().map { row in
        [row[column("role")], spreadsheetValue(row[column("person")]), row[column("day")], row[column("slot")],
         row[column("kind")], row[column("place")]].joined(separator: " ")
    }
}

func rosterLines(_ roster: Roster) -> [String] {
    roster.assignments.map { a -> String in
        switch a.place {
        case .activity(let id): return "participant \(a.participant) \(a.day.rawValue) \(a.slot) activity \(id)"
        case .training(let id): return "participant \(a.participant) \(a.day.rawValue) \(a.slot) training \(id)"
        }
    } + roster.supervision.map { "supervisor \($0.supervisor) \($0.day.rawValue) \($0.slot) supervision \($0.activity)" }
}

@Suite struct RosterCSVTests {
    @Test(arguments: [",", ";", "\t"] as [Character])
    func readBackTheSheetReproducesTheAssignments(separator: Character) {
        let csv = RosterCSV(reportPlan(), separator: separator)
        let rows = parseCSV(csv.assignments, separator: separator)
        #expect(rows[0] == RosterCSV.assignmentColumns)
        #expect(rows.dropFirst().allSatisfy { $0.count == RosterCSV.assignmentColumns.count })
        #expect(Set(assignmentLines(rows)) == Set(rosterLines(reportRoster())))
        #expect(rows.count - 1 == reportRoster().assignments.count + reportRoster().supervision.count)
    }

    @Test func aRowHasTheDateTimesPlaceAndSupervisor() {
        let rows = parseCSV(RosterCSV(reportPlan()).assignments)
        #expect(rows[1] == ["participant", "amina", "Amina K.", "2026-11-23", "mon", "am", "08:00", "12:00", "4", "activity",
                            "kitchen", "Cuisine – repas", "Atelier", "Marc D."])
        #expect(rows.contains(["participant", "amina", "Amina K.", "2026-11-24", "tue", "pm", "13:00", "16:15", "3.25", "training",
                               "haccp", "HACCP", "", ""]))
    }

    @Test func theSheetIsUTF8WithABOMAndCRLF() {
        let text = RosterCSV(reportPlan()).assignments
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.unicodeScalars.enumerated().contains { i, u in
            u == "\n" && (i == 0 || Array(text.unicodeScalars)[i - 1] != "\r")
        }, "a line ends with a bare LF")
    }

    @Test func frenchSpreadsheetsGetSemicolonsAndDecimalCommas() {
        let text = RosterCSV(reportPlan(), separator: ";").assignments
        #expect(text.contains(";13:00;16:15;3,25;training;"))
        let totals = parseCSV(RosterCSV(reportPlan(), separator: ";").totals, separator: ";")
        #expect(totals[2].prefix(4) == ["participant", "bruno", "Bruno L.", "7,25"])
    }

    @Test func totalsGiveHoursAgainstTheContractAndGoalsMet() {
        let rows = parseCSV(RosterCSV(reportPlan()).totals)
        #expect(rows[0] == RosterCSV.totalsColumns)
        // amina: kitchen 7.25 of 8 h, hygiene 3.25 of 4 h (the HACCP session); bruno: enrolled in HACCP.
        #expect(rows[1] == ["participant", "amina", "Amina K.", "14.5", "12", "14", "16", "within contract", "0", "2", "10.5", "12"])
        #expect(rows[2] == ["participant", "bruno", "Bruno L.", "7.25", "10", "12", "16", "under minimum", "1", "1", "3.25", "3.25"])
        #expect(rows[3] == ["participant", "chloe", "Chloé M.", "4", "0", "4", "8", "within contract", "0", "0", "0", "0"])
        #expect(rows[4] == ["supervisor", "marc", "Marc D.", "11.25", "", "", "20", "within maximum", "", "", "", ""])
    }

    @Test func hostileNamesGiveNoLiveFormulaAndSurviveTheRoundTrip() {
        let names = ReportNames.hostile
        let csv = RosterCSV(reportPlan(names))
        for sheet in [csv.assignments, csv.totals] {
            let rows = parseCSV(sheet)
            for cell in rows.joined() {
                #expect(!RosterCSV.startsLikeFormula(cell), "a live formula: \(cell)")
            }
            #expect(rows.dropFirst().allSatisfy { $0.count == rows[0].count }, "a comma, quote or newline split a row")
            let shown = Set(rows.joined().map(spreadsheetValue))
            for name in [names.amina, names.bruno, names.chloe, names.marc] { #expect(shown.contains(name), "\(name) did not survive") }
        }
        #expect(Set(assignmentLines(parseCSV(csv.assignments))) == Set(rosterLines(reportRoster())))
        #expect(csv.text("-12") == "'-12" && csv.text("@x") == "'@x" && csv.text("+1") == "'+1" && csv.text("\tx") == "'\tx")
        #expect(csv.text("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }
}
