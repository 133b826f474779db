// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a planner trips on (issue 14): the week as they write it, and spreadsheets as French Excel
// and LibreOffice export them (BOM, `;`, CRLF, Windows-1252, decimal commas).

import Foundation
import Testing
@testable import ParcoursScenario

/// Loads a scenario file written to a fresh folder, with extra files beside it.
func loadWithFiles(_ body: String, files: [String: [UInt8]] = [:]) throws(ScenarioError) -> LoadedScenario {
    let dir = (try? temporaryDirectory()) ?? NSTemporaryDirectory()
    for (name, bytes) in files { _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes)) }
    let file = dir + "/week.yaml"
    try? scenarioText(body).write(toFile: file, atomically: true, encoding: .utf8)
    return try ScenarioLoader.read(file: file)
}

func diagnostics(_ body: String, files: [String: [UInt8]] = [:]) -> [ScenarioDiagnostic] {
    do { return try loadWithFiles(body, files: files).warnings } catch { return error.diagnostics }
}

/// Bytes as Windows-1252 writes them (every character of `text` is in Latin-1 here).
func windows1252(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }

let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

@Suite struct TheWeekAsAPlannerWritesIt {
    @Test func didYouMeanFoldsAccentsAndSuggestsTheDeclaredId() throws {
        let found = errors(scenarioText("""
        activities: [{id: marche, open: [{days: all, slots: all, min: 0, max: 2}]}]
        participants: [{id: p01, hours: 8, goals: [{activity: marché, hours: 4}]}]
        """))
        #expect(found.count == 1)
        #expect(found[0].value == "marché")
        #expect(found[0].fix == "write it as 'marche' (put a readable form in `name`)")
        #expect(closest(to: "Marché", among: ["march", "marche"]) == "marche")
        #expect(closest(to: "competences", among: ["compétences"]) == "compétences")
    }

    @Test func sessionsAndFixedItemsTakeThePeriodShortForms() throws {
        let s = try load("""
        activities: [{id: cuisine, open: [{days: all, slots: all, min: 0, max: 2}]}]
        trainings: [{id: fle, seats: 4, sessions: [tue.pm, thu.pm, {day: fri.am}]}]
        participants: [{id: p01, hours: 20, fixed: [{day: mon.am, activity: cuisine}, {day: tue.pm, training: fle}],
                        availability: {unavailable: [wed.am]}}]
        """)
        #expect(s.trainings[0].sessions == [TimeRef(day: .tue, slot: "pm"), TimeRef(day: .thu, slot: "pm"), TimeRef(day: .fri, slot: "am")])
        #expect(s.participants[0].fixed == [FixedItem(place: .activity("cuisine"), day: .mon, slot: "am"),
                                            FixedItem(place: .training("fle"), day: .tue, slot: "pm")])
        let found = errors(scenarioText("trainings: [{id: fle, seats: 4, sessions: [tue.soir]}]\n"))
        #expect(found.map(\.message) == ["the slot in sessions 'soir' is not a slot of the calendar"])
    }

    @Test func maxZeroClosesAShiftWithoutMin() throws {
        let s = try load("""
        activities: [{id: cuisine, open: [{days: all, slots: all, min: 1, max: 3}, {days: [mon], slots: [am], max: 0}]}]
        """)
        let monAM = s.calendar.period(day: .mon, slot: "am")!, monPM = s.calendar.period(day: .mon, slot: "pm")!
        #expect(s.activities[0].demand(in: monAM) == nil)
        #expect(s.activities[0].demand(in: monPM) == ShiftDemand(min: 1, max: 3))
        let found = errors(scenarioText("activities: [{id: cuisine, open: [{days: all, slots: all, max: 3}]}]\n"))
        #expect(found.count == 1)
        #expect(found[0].message.hasPrefix("an open block needs 'min'"))
    }

    @Test func aWeekDateOffTheFirstDayIsWarned() throws {
        let warnings = diagnostics("week: 2026-03-17\n")
        #expect(warnings.count == 1)
        #expect(warnings[0].severity == .warning)
        #expect(warnings[0].message == "week is 2026-03-17, a Tuesday, but the calendar's first day is mon: the week is dated from mon 2026-03-23")
        #expect(warnings[0].fix?.contains("`week: 2026-03-16`") == true)
        #expect(diagnostics("week: 2026-03-16\n").isEmpty)
        #expect(diagnostics("week: 2026-03-17\ncalendar: {days: [tue, wed]}\n").isEmpty)
    }
}

@Suite struct SpreadsheetsAsExported {
    let week = """
    skills: [{id: cuisine}, {id: francais}]
    activities: [{id: cuisine, tags: [standing], open: [{days: all, slots: all, min: 0, max: 2}]}]
    trainings: [{id: haccp, seats: 4, sessions: [thu.pm]}]
    participants: {csv: people.csv}

    """

    @Test func anEmptyHoursMinCellIsToldInColumnsAndRows() throws {
        let csv = "id;hours_min;hours_max\r\np01;;26\r\np02;20;\r\n"
        let found = diagnostics(week, files: ["people.csv": bom + Array(csv.utf8)])
        #expect(found.map(\.message) == ["row 2 has no contract minimum: its `hours_min` cell (column 2) is empty",
                                         "row 3 has no contract maximum: its `hours_max` cell (column 3) is empty"])
        #expect(found[0].location?.line == 2 && found[0].location?.column == 2)
        #expect(found.allSatisfy { $0.fix?.contains("add `") == false })
        let noHours = diagnostics(week, files: ["people.csv": Array("id;name\r\np01;Amina\r\n".utf8)])
        #expect(noHours.map(\.message) == ["the spreadsheet has no column for the weekly hours"])
    }

    @Test func windows1252IsReadWithANote() throws {
        // French Excel, "CSV (point-virgule)": Windows-1252, `;`, CRLF, decimal commas, French headers.
        let csv = "Nom;Id;Heures min;Heures max;Compétences;Restrictions;Indisponibilités\r\n"
            + "Amélie Léger;p01;17,5;24;cuisine:2;standing;tue.am\r\nJosé Müller;p02;20;26;;;\r\n"
        let loaded = try loadWithFiles(week, files: ["people.csv": windows1252(csv)])
        let p = loaded.scenario.participants
        #expect(p.map(\.displayName) == ["Amélie Léger", "José Müller"])
        #expect(p[0].hours == HoursBand(min: 17.5, max: 24, target: 17.5))
        #expect(p[0].skills == ["cuisine": 2] && p[0].restrictions == ["standing"])
        #expect(p[0].availability == .except([TimeRef(day: .tue, slot: "am")]))
        #expect(loaded.warnings.map(\.severity) == [.note, .warning])
        #expect(loaded.warnings[0].message.contains("read as Windows-1252"))
        // Amélie is restricted from `standing`, the tag of the only activity: validate says so (issue #12).
        #expect(loaded.warnings[1].message.hasPrefix("'p01' may work in no open shift this week: 'cuisine' carries the tag 'standing'"))
        // UTF-16 (Excel's "Unicode text") is neither: refused.
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("id;hours\r\np01;8\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let refused = diagnostics(week, files: ["people.csv": utf16])
        #expect(refused.count == 1 && refused[0].message.contains("is neither UTF-8 nor Windows-1252"))
    }

    @Test func frenchHeadersAreAliases() throws {
        // LibreOffice: UTF-8 with BOM, `;`, LF, accents kept or dropped.
        let csv = "Id;Nom;Heures;Competences;Indisponibilités\np01;Zoé;12,5;francais:1;wed\n"
        let p = try loadWithFiles(week, files: ["people.csv": bom + Array(csv.utf8)]).scenario.participants
        #expect(p == [Participant(id: "p01", name: "Zoé", hours: HoursBand(exactly: 12.5), availability: .except([TimeRef(day: .wed)]),
                                  skills: ["francais": 1])])
        #expect(ParticipantsCSV.normalise("Heures max") == "hours_max" && ParticipantsCSV.normalise("Restrictions") == "restrictions")
    }

    @Test func pinsAndLimitsInTheSpreadsheet() throws {
        let csv = "id;hours;fixed;limits\r\np01;20;mon.am:cuisine;standing:4\r\np02;20;\"training:haccp;tue.pm:cuisine\";\"standing:3,5\"\r\n"
        let p = try loadWithFiles(week, files: ["people.csv": bom + Array(csv.utf8)]).scenario.participants
        #expect(p[0].fixed == [FixedItem(place: .activity("cuisine"), day: .mon, slot: "am")])
        #expect(p[1].fixed == [FixedItem(place: .training("haccp")), FixedItem(place: .activity("cuisine"), day: .tue, slot: "pm")])
        #expect(p[0].limits == ["standing": 4] && p[1].limits == ["standing": 3.5])
        let bad = diagnostics(week, files: ["people.csv": Array("id;hours;fixed\np01;20;cuisine\n".utf8)])
        #expect(bad.map(\.message) == ["the pin 'cuisine' is not written DAY.SLOT:activity or training:ID"])
        #expect(bad[0].location?.line == 2 && bad[0].location?.column == 3)
    }

    @Test func aListMixesSpreadsheetsAndYAMLEntries() throws {
        let body = week.replacingOccurrences(of: "participants: {csv: people.csv}", with: """
        participants:
          - {csv: people.csv}
          - {id: p09, hours: 10, fixed: [{day: mon.am, activity: cuisine}]}
        """)
        let p = try loadWithFiles(body, files: ["people.csv": Array("id;hours\np01;20\np02;8\n".utf8)]).scenario.participants
        #expect(p.map(\.id) == ["p01", "p02", "p09"])
        let twice = body.replacingOccurrences(of: "id: p09", with: "id: p02")
        let found = diagnostics(twice, files: ["people.csv": Array("id;hours\np01;20\np02;8\n".utf8)])
        #expect(found.count == 1 && found[0].message.hasPrefix("the participant id 'p02' is used twice (first at "))
    }
}

@Suite struct OptionalFieldsOfTheModel {
    @Test func openToLimitsAndPaidAreRead() throws {
        let s = try load("""
        skills: [{id: francais}]
        activities: [{id: cuisine, tags: [standing], open: [{days: all, slots: all, min: 0, max: 2}]}]
        trainings:
          - {id: fle, teaches: [francais], seats: 4, sessions: [tue.pm], open_to: goals}
          - {id: haccp, seats: 4, sessions: [thu.pm], open_to: [p02]}
        participants:
          - {id: p01, hours: 20, limits: {standing: 4}, goals: [{skill: francais, hours: 4}],
             availability: {unavailable: [{day: thu, paid: true, reason: malade}, wed.am]}}
          - {id: p02, hours: 20}
        """)
        #expect(s.trainings[0].openTo == .goals && s.trainings[1].openTo == .participants(["p02"]))
        #expect(s.trainings[0].isOpen(to: s.participants[0]) && !s.trainings[0].isOpen(to: s.participants[1]))
        #expect(!s.trainings[1].isOpen(to: s.participants[0]) && s.trainings[1].isOpen(to: s.participants[1]))
        #expect(s.participants[0].limits == ["standing": 4])
        #expect(s.paidHours(s.participants[0]) == 8 && s.paidHours(s.participants[1]) == 0)
        let found = errors(scenarioText("""
        trainings: [{id: fle, seats: 4, sessions: [tue.pm], open_to: [p07]}]
        supervisors: [{id: marc, activities: [], availability: {unavailable: [{day: tue, paid: true}]}}]
        """))
        #expect(found.map(\.message) == ["`paid` belongs to an `unavailable` entry of a participant (an absence that counts as worked)",
                                         "training 'fle' (open_to) names the participant 'p07', which is not declared"])
    }
}
