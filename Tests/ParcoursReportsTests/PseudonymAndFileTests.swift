// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing
import ParcoursRoster
import ParcoursScenario
@testable import ParcoursReports

@Suite struct PseudonymTests {
    /// Every output of a pseudonymized week, in every format.
    func everyOutput(_ names: ReportNames) throws -> [String] {
        let scenario = reportWeek(names), pseudonyms = Pseudonyms(scenario)
        let plan = WeekPlan(scenario: pseudonyms.apply(to: scenario), roster: pseudonyms.apply(to: reportRoster()))
        let calendar = try RosterCalendar(plan, stamp: Date(timeIntervalSince1970: 0))
        let csv = RosterCSV(plan)
        return [HTMLReport(plan, options: .init(showReasons: true)).html, HTMLReport(plan, options: .init(showReasons: true, perPerson: true)).html,
                csv.assignments, csv.totals] + (0..<3).map(calendar.participant) + [calendar.supervisor(0)]
    }

    @Test(arguments: [ReportNames(), ReportNames.hostile])
    func pseudonymizedOutputsHoldNoNameIdOrReason(names: ReportNames) throws {
        let secrets = [names.amina, names.bruno, names.chloe, names.marc, names.reason, "amina", "bruno", "chloe", "marc", "médical", "Amina", "Chlo"]
        for output in try everyOutput(names) {
            for secret in secrets { #expect(!output.contains(secret), "'\(secret)' leaked") }
            #expect(output.contains("P0") || output.contains("S01"), "no pseudonym at all")
        }
    }

    @Test func pseudonymsAreStableAndCoverTheRoster() {
        let a = Pseudonyms(reportWeek()), b = Pseudonyms(reportWeek(.hostile))
        #expect(a.participants == ["amina": "P01", "bruno": "P02", "chloe": "P03"])
        #expect(a.participants == b.participants && a.supervisors == ["marc": "S01"])
        let roster = a.apply(to: reportRoster())
        #expect(Set(roster.assignments.map(\.participant)) == ["P01", "P02", "P03"])
        #expect(roster.enrollments[0].participants == ["P01", "P02"])
        #expect(a.replacingIds(in: "amina's pinned items conflict with marc.") == "P01's pinned items conflict with S01.")
    }
}

@Suite struct WeekDatesTests {
    @Test func datesFollowTheFirstDayOfTheWeek() {
        #expect(CivilDate(iso: "2026-11-23")?.weekday == .mon)
        #expect(CivilDate(iso: "2024-02-29")?.weekday == .thu)
        #expect(CivilDate(iso: "2026-02-29") == nil && CivilDate(iso: "2026-1-02") == nil)
        #expect(CivilDate(iso: "2026-12-31")?.adding(days: 1).description == "2027-01-01")
        let dates = WeekDates(reportWeek())
        #expect(dates.date(of: .tue)?.description == "2026-11-24")
        #expect(dates.date(of: .sun)?.description == "2026-11-29")
        #expect(dates.label(of: .mon) == "Mon 23 Nov")
        var noWeek = reportWeek()
        noWeek.week = nil
        #expect(WeekDates(noWeek).label(of: .mon) == "Mon")
    }
}

@Suite struct OutputFileTests {
    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "parcours-reports-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func writesReplaceTheFileAndLeaveNoTemporary() throws {
        let dir = try folder(), path = dir + "/week.html"
        try OutputFile.write("first", to: path)
        try OutputFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["week.html"])
    }

    @Test func aMissingFolderIsAnErrorWithAFix() throws {
        let path = try folder() + "/nowhere/week.html"
        #expect {
            try OutputFile.write("x", to: path)
        } throws: { ($0 as? OutputFileError)?.fix.isEmpty == false }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
