// SPDX-License-Identifier: GPL-3.0-or-later
//
// Issue #16: what a user writes never traps, and every mistake is a located error. Numbers out of
// their range (2^63 and more, 1e20 hours), and spreadsheets with a skills cell `:`, a row longer than
// the header, a quoted cell over several lines, a quote never closed.

import Foundation
import Testing
@testable import ParcoursScenario

@Suite struct NumbersOutOfRange {
    @Test func anIntegerOf2To63OrMoreIsOutOfRangeNotATrap() {
        let found = errors(scenarioText("rules: {supervision_ratio: 99999999999999999999}\n"))
        #expect(found.map(\.description) == [
            "test.yaml:3:28: error: rules.supervision_ratio must be at most 999999: counts and ratios are below 1000000 "
                + "(found '99999999999999999999')\n    fix: use a value from 0 to 999999",
        ])
    }

    @Test func anIntegerOf2To63InAVariantIsALocatedErrorInTheVariant() throws {
        let variant = try ScenarioLoader.variant(yaml: "variant: x\nchanges:\n  - rules: {supervision_ratio: 9223372036854775808}\n",
                                                 file: "v.yaml")
        let found = errors(variantBase, variants: [variant])
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "v.yaml", line: 3, column: 32))
        #expect(found.first?.message == "rules.supervision_ratio must be at most 999999: counts and ratios are below 1000000")
    }

    @Test func hoursOf1e20AreRejectedByValidate() {
        let found = errors(scenarioText("""
        rules: {max_hours_per_day: 100000000000000000000}
        participants:
          - {id: p01, hours: {min: 0, max: 99999999999999999999}}
          - {id: p02, hours: 20, capacity: {max_hours_per_day: 25}}
        """))
        #expect(found.map(\.message) == [
            "rules.max_hours_per_day must be at most 24: a day has 24 hours",
            "hours.max must be at most 168: a week has 168 hours",
            "capacity.max_hours_per_day must be at most 24: a day has 24 hours",
        ])
        #expect(found.map(\.fix) == ["use a value from 0 to 24", "use a value from 0 to 168", "use a value from 0 to 24"])
        #expect(found.map { $0.location?.line } == [3, 5, 6])
    }

    @Test func everyKindOfNumberHasItsTop() {
        let found = errors(scenarioText("""
        calendar: {slots: [{id: am, hours: 24.25}]}
        weights: {coverage: 1000000}
        skills: [cuisine]
        participants:
          - {id: p01, hours: 169, capacity: {max_days: 8}, skills: {cuisine: 1000000}, goals: [{skill: cuisine, hours: 200, weight: 2e3}]}
        supervisors: [{id: marc, max_hours: 168.5}]
        activities: [{id: cuisine, priority: 1000000, open: [{days: all, slots: all, min: 0, max: 1000000}]}]
        trainings: [{id: haccp, seats: 1000000, sessions: [{day: mon, slot: am}]}]
        """))
        #expect(found.map(\.message) == [
            "the slot's hours must be at most 24: a day has 24 hours",
            "weights.coverage must be at most 999999: weights and priorities are below 1000000",
            "hours must be at most 168: a week has 168 hours",
            "capacity.max_days must be at most 7: a week has 7 days",
            "the level of 'cuisine' in skills must be at most 999999: levels are below 1000000",
            "the goal's weight must be a number",
            "max_hours must be at most 168: a week has 168 hours",
            "priority must be at most 999999: weights and priorities are below 1000000",
            "the block's max must be at most 999999: counts and ratios are below 1000000",
            "seats must be at most 999999: counts and ratios are below 1000000",
        ])
    }

    @Test func aWholeNumberWrittenWithDecimalsStillGetsItsFix() {
        let found = errors(scenarioText("trainings: [{id: haccp, seats: 2.5, sessions: [{day: mon, slot: am}]}]\n"))
        #expect(found.first?.message == "seats must be a whole number")
        #expect(found.first?.fix == "write 2 or 3")
    }

    @Test func thePlannersGuideListsEveryRange() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
        for range in [NumberRange.weeklyHours, .dailyHours, .days, .count, .level, .weight] {
            #expect(guide.contains(range.text), "the guide does not give the range \(range.text) (\(range.reason))")
        }
    }
}

@Suite struct SpreadsheetFaults {
    func load(csv: String) throws -> (csv: String, errors: [ScenarioDiagnostic], participants: [Participant]) {
        let dir = try temporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir + "/people.csv", contents: Data(csv.utf8))
        let file = dir + "/week.yaml"
        try scenarioText("skills: [cuisine]\nparticipants: {csv: people.csv}\n").write(toFile: file, atomically: true, encoding: .utf8)
        do { return (dir + "/people.csv", [], try ScenarioLoader.load(file: file).participants) } catch {
            return (dir + "/people.csv", error.errors, [])
        }
    }

    @Test func aSkillsCellOfAColonIsAnError() throws {
        let (csv, found, _) = try load(csv: "id,hours,skills\np1,12,:\n")
        #expect(found.map(\.description) == [
            "\(csv):2:3: error: the skill ':' has no name (found ':')\n    fix: write skill:level, e.g. cuisine:2 (a skill without a level is level 1)",
        ])
    }

    @Test func aRowWithMoreCellsThanTheHeaderNamesItsRowAndHintsAtDecimalCommas() throws {
        let (csv, found, _) = try load(csv: "id,hours\np1,12,5\n")
        #expect(found.map(\.description) == [
            "\(csv):2:3: error: the row on line 2 has 3 cells, but the first line names 2 columns (found '5')\n"
                + "    fix: a decimal comma splits a number in two in a comma-separated file: write 12.5, put the cell in quotes (\"12,5\") "
                + "or export with semicolons",
        ])
    }

    @Test func emptyCellsPastTheHeaderAreHarmless() throws {
        let (_, found, people) = try load(csv: "id,hours\np1,12,,\n")
        #expect(found.isEmpty)
        #expect(people.map(\.hours) == [HoursBand(exactly: 12)])
    }

    @Test func errorsAfterAQuotedCellOverSeveralLinesNameTheFilesLine() throws {
        let (csv, found, _) = try load(csv: "id,name,hours\np1,\"Amina\nK.\",12\np2,Ben,huit\n")
        #expect(found.map(\.location) == [SourceLocation(file: csv, line: 4, column: 3)])
        #expect(found.first?.message == "hours must be a number")
    }

    @Test func aQuoteNeverClosedSaysWhereItOpened() throws {
        let (csv, found, _) = try load(csv: "id,name,hours\np1,Ana,12\np2,\"Ben,8\np3,Eva,8\n")
        #expect(found.map(\.description) == [
            "\(csv):3:2: error: the quote that opens this cell is never closed, so the rest of the file would be one cell\n"
                + "    fix: close the cell with a quote (\"); a quote inside a quoted cell is written twice (\"\")",
        ])
    }

    @Test func quotesLineEndingsAndBlankLines() {
        let records = CSVRecords("id;name\r\n\r\n\"p\"\"1\";\"a;b\"\rp2;x\"y", delimiter: UInt8(ascii: ";"))
        #expect(records.records.map(\.cells) == [["id", "name"], [""], ["p\"1", "a;b"], ["p2", "x\"y"]])
        #expect(records.records.map(\.line) == [1, 2, 3, 4])
        #expect(records.unclosedQuote == nil)
        #expect(CSVRecords.delimiter(of: "id;name,x;y\r\na,b,c,d,e") == UInt8(ascii: ";"))
    }

    @Test func aLargeSpreadsheetReadsInLinearTime() throws {
        // 36,000 rows took 26 s and 1.8 GB before the reader was rewritten; the rows here are read
        // twice in sizes 1× and 4×, and the larger may not take much more than 4 times as long.
        func rows(_ n: Int) -> String {
            "id,hours,skills,avoid\n" + (0..<n).map { "p\($0),20,cuisine:1,p\(($0 + 1) % n)" }.joined(separator: "\n")
        }
        let clock = ContinuousClock()
        var counts: [Int] = []
        let small = try clock.measure { counts.append(try load(csv: rows(2000)).participants.count) }
        let large = try clock.measure { counts.append(try load(csv: rows(8000)).participants.count) }
        #expect(counts == [2000, 8000])
        #expect(large < small * 8, "2000 rows: \(small), 8000 rows: \(large)")
    }
}
