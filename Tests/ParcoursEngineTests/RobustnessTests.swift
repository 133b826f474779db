// SPDX-License-Identifier: GPL-3.0-or-later
//
// Issue #16: no argument or file makes a command trap, and no output is lost or corrupted — the
// time limit and gap have ranges, an output is checked before the solve and never written over an
// input, an overwrite keeps the file's mode and writes through links, a roster never holds a
// non-finite number, and `verify` reads any roster file without trapping or flooding.

import Foundation
import Testing
import ParcoursScenario
@testable import ParcoursEngine

@Suite(.serialized) struct CommandLineMisuse {
    @Test(arguments: ["-1", "1e16", "1e308", "0"])
    func aTimeLimitOutOfRangeIsAnsweredWithTheRange(_ limit: String) throws {
        let week = try writeTemporary(whatIfWeek, name: "week.yaml")
        let run = try parcours(["solve", week, "--time-limit", limit])
        #expect(run.status == 64)
        let shown = limit == "1e16" ? "1e+16" : limit == "1e308" ? "1e+308" : limit
        #expect(run.stderr.hasPrefix("Error: --time-limit takes seconds above 0 and at most 604800, a week; not \(shown)\n"),
                "\(run.stderr)")
    }

    @Test func aGapAbove1IsRefused() throws {
        let week = try writeTemporary(whatIfWeek, name: "week.yaml")
        let run = try parcours(["solve", week, "--gap", "1e308"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --gap takes a relative gap from 0 to 1, e.g. 0.01 for 1 %; not 1e+308\n"))
        #expect(try parcours(["compare", week, "--sweep", "participants=1,2", "--time-limit", "-5"]).status == 64)
    }

    @Test func theOutputIsNeverAnInputEvenThroughALink() throws {
        let week = try writeTemporary(whatIfWeek, name: "week.yaml")
        let dir = (week as NSString).deletingLastPathComponent
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.yaml", withDestinationPath: week)
        for output in [week, dir + "/link.yaml", dir + "/./week.yaml"] {
            let run = try parcours(["solve", week, "-o", output])
            #expect(run.status == 64)
            #expect(run.stderr == "error: cannot write '\(output)': it is the input '\(week)'; writing there would replace it\n"
                + "    fix: choose another file name for the output\n")
        }
        let trace = try parcours(["solve", week, "--trace", week])
        #expect(trace.status == 64 && trace.stderr.contains("it is the input"))
        #expect(try String(contentsOfFile: week, encoding: .utf8) == whatIfWeek)
    }

    @Test func aVariantAndASpreadsheetAreInputsToo() throws {
        let week = try writeTemporary(whatIfWeek, name: "week.yaml")
        let dir = (week as NSString).deletingLastPathComponent
        try "variant: v\nchanges: []\n".write(toFile: dir + "/v.yaml", atomically: true, encoding: .utf8)
        let run = try parcours(["solve", week, "--variant", dir + "/v.yaml", "-o", dir + "/v.yaml"])
        #expect(run.status == 64 && run.stderr.contains("it is the input '\(dir)/v.yaml'"))
        let loaded = try ScenarioLoader.read(file: week, variants: [dir + "/v.yaml"])
        #expect(loaded.files == [week, dir + "/v.yaml"])
    }

    @Test func anOutputFolderThatDoesNotExistIsRefusedBeforeTheSolve() throws {
        let week = try writeTemporary(whatIfWeek, name: "week.yaml")
        let run = try parcours(["solve", week, "-o", "/no/such/dir/r.json"])
        #expect(run.status == 64)
        // Refused before solving: no summary of a solve on stderr.
        #expect(run.stderr == "error: cannot write '/no/such/dir/r.json': the folder '/no/such/dir' does not exist\n"
            + "    fix: create it first, or write elsewhere\n")
    }

    @Test func anOverwriteKeepsTheModeAndWritesThroughALink() throws {
        let week = try writeTemporary(whatIfWeek, name: "week.yaml")
        let dir = (week as NSString).deletingLastPathComponent
        let roster = dir + "/roster.json", link = dir + "/latest.json"
        try "old".write(toFile: roster, atomically: false, encoding: .utf8)
        #expect(chmod(roster, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "roster.json")
        let run = try parcours(["solve", week, "--reproducible", "-o", link])
        #expect(run.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: roster)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "roster.json")
        #expect(try String(contentsOfFile: roster, encoding: .utf8).hasPrefix("{\n  \"format\": \"parcours.roster/1\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["latest.json", "roster.json", "week.yaml"])
    }

    @Test func verifyOfAHugeMissingCountIsAnErrorNotATrap() throws {
        let week = try writeTemporary(whatIfWeek, name: "week.yaml")
        let dir = (week as NSString).deletingLastPathComponent
        let roster = """
        {"format": "parcours.roster/1", "status": "feasible", "objective": 0, "assignments": [],
         "unmet": [{"activity": "cuisine", "day": "mon", "slot": "am", "missing": 1e21}]}
        """
        try roster.write(toFile: dir + "/r.json", atomically: true, encoding: .utf8)
        let run = try parcours(["verify", week, dir + "/r.json"])
        #expect(run.status == 65)
        #expect(run.stderr == "\(dir)/r.json: error: unmet[0].missing must be a whole number of people from 0 to 999999, not 1e+21\n")
    }
}

@Suite struct RosterFiles {
    @Test func noBoundMeansNoBoundKeyAndNothingNonFinite() throws {
        var roster = Roster(scenario: "x", status: .feasible, solver: .init(name: "GLPK", version: "5.0", seconds: 0))
        roster.objective = 12
        roster.bound = -.infinity
        roster.gap = .infinity
        roster.terms = TermValues()
        let json = roster.json()
        #expect(!json.contains("\"bound\"") && !json.contains("\"gap\""))
        #expect(!json.contains("inf") && !json.contains("nan"))
        let back = try Roster.read(data: Data(json.utf8))
        #expect(back.bound == nil && back.gap == nil && back.objective == 12)
        roster.bound = 10
        roster.gap = 0.2
        #expect(roster.json().contains("  \"bound\": 10,\n  \"gap\": 0.2,\n"))
    }

    @Test func moreAssignmentsThanTheWeeksPairsAreRefused() throws {
        let scenario = try whatIf()
        let entry = "{\"participant\": \"ana\", \"day\": \"mon\", \"slot\": \"am\", \"activity\": \"cuisine\"}"
        let text = "{\"format\": \"parcours.roster/1\", \"status\": \"feasible\", \"assignments\": ["
            + Array(repeating: entry, count: 13).joined(separator: ", ") + "]}"
        #expect(throws: RosterReadError.self) { try Roster.read(data: Data(text.utf8), file: "r.json", for: scenario) }
        do { _ = try Roster.read(data: Data(text.utf8), file: "r.json", for: scenario) } catch {
            #expect(error.description == "r.json: error: the roster has 13 assignments, more than the week's 12 (participant, period) "
                + "pairs (3 participants × 4 periods): it is not a roster of this week")
        }
    }

    @Test func verifySummarisesPastItsLimit() throws {
        let scenario = try whatIf()
        // Everyone everywhere in cuisine: over its max, outside its open periods, unsupervised.
        var assignments: [Roster.Assignment] = []
        for p in scenario.participants { for t in scenario.calendar.periods {
            assignments.append(.init(participant: p.id, day: t.day, slot: t.slot, place: .activity("cuisine")))
        } }
        var roster = Roster(scenario: "x", status: .feasible, solver: .init(name: "", version: "", seconds: 0))
        roster.assignments = assignments
        let verification = RosterVerification(scenario: scenario, roster: roster)
        let all = verification.violations.count + verification.mismatches.count
        #expect(all > 5)
        let lines = verification.report(limit: 5)
        #expect(lines.count == 6)
        #expect(lines.last?.hasPrefix("… and \(all - 5) more (") == true)
        #expect(verification.report(limit: all) == verification.violations.map { "violation \($0)" } + verification.mismatches.map { "mismatch: \($0)" })
    }

    @Test func aSweepOutOfRangeIsAnErrorNotATrap() {
        guard case .failure(let e) = Sweep.parse("rules.supervision_ratio=1e20") else { Issue.record("accepted"); return }
        #expect(e.description == "rules.supervision_ratio takes values from 0 to 999999 (counts and ratios are below 1000000), not 1e+20")
        guard case .failure = Sweep.parse("participants=-9223372036854775807..9223372036854775807") else { Issue.record("accepted"); return }
        guard case .failure = Sweep.parse("rules.max_hours_per_day=25") else { Issue.record("accepted"); return }
    }

    @Test func aSweepGivesOneLabelledScenarioPerValue() throws {
        let base = try matrixWeek("fractional-016")
        guard case .success(let versions) = Sweep.parse("rules.supervision_ratio=6..8").flatMap({ $0.versions(of: base) }) else {
            Issue.record("refused"); return
        }
        #expect(versions.map(\.label) == ["rules.supervision_ratio=6", "rules.supervision_ratio=7", "rules.supervision_ratio=8"])
        #expect(versions.map(\.scenario.rules.supervisionRatio) == [6, 7, 8])
    }

    @Test func numbersAtTheTopOfTheirRangesBuildAModel() throws {
        // What validate accepts, the engine handles: the largest hours, caps and counts.
        let scenario = try ScenarioLoader.load(yaml: """
        parcours: 1
        name: Extremes
        calendar: {days: [mon, tue], slots: [{id: day, hours: 24}]}
        rules: {supervision_ratio: 999999, max_hours_per_day: 24}
        weights: {coverage: 999999}
        activities: [{id: a, priority: 999999, open: [{days: all, slots: all, min: 999999, max: 999999}]}]
        supervisors: [{id: s, activities: [a], max_hours: 168}]
        participants: [{id: p, hours: {min: 168, max: 168}, capacity: {max_hours_per_day: 24, max_days: 7}}]
        """, file: "extremes.yaml")
        let export = try ModelExport(scenario)
        #expect(export.variables > 0)
    }
}

/// Seeded fuzzing of what `verify` and `solve` read after the loader: tampered rosters, and weeks whose
/// numbers are replaced by extreme ones (a week that loads must build its model).
@Suite struct TamperedInputs {
    static let numbers = ["-1", "0", "0.5", "1e21", "1e400", "-1e21", "99999999999999999999", "9223372036854775807", "168", "1000000",
                          "null", "true", "\"x\"", "[]", "{}"]

    /// A roster JSON text with one token (a number, a string, or a whole assignment) changed.
    static func tamper(_ text: String, _ g: inout SplitMix64) -> String {
        var lines = text.components(separatedBy: "\n")
        let i = g.below(lines.count)
        switch g.below(4) {
        case 0:
            // The value after one of the line's colons.
            let colons = lines[i].indices.filter { lines[i][$0] == ":" }
            if !colons.isEmpty {
                let colon = colons[g.below(colons.count)]
                let rest = lines[i][lines[i].index(after: colon)...]
                let end = rest.firstIndex(where: { $0 == "," || $0 == "}" }) ?? rest.endIndex
                lines[i] = String(lines[i][...colon]) + " " + numbers[g.below(numbers.count)] + String(rest[end...])
            }
        case 1:
            let words = ["mon", "sun", "am", "night", "ana", "nobody", "cuisine", "haccp", "optimal", "no_solution", ""]
            lines[i] = lines[i].replacingOccurrences(of: ["\"ana\"", "\"mon\"", "\"am\"", "\"cuisine\"", "\"feasible\"", "\"optimal\""][g.below(6)],
                                                     with: "\"\(words[g.below(words.count)])\"")
        case 2:
            lines.insert(contentsOf: Array(repeating: lines[i], count: 1 + g.below(20)), at: i)
        default:
            lines.remove(at: i)
        }
        return lines.joined(separator: "\n")
    }

    @Test func tamperedRostersAreReadOrRefusedNeverATrap() throws {
        let scenario = try whatIf()
        // The solved roster, with an unmet shift too so that `missing` is tampered with as well.
        let roster = RosterEngine().solve(scenario, options: EngineOptions(timeLimit: 30)).json(timing: false)
            .replacingOccurrences(of: "\"unmet\": []", with: "\"unmet\": [\n    {\"activity\": \"cuisine\", \"day\": \"mon\", \"slot\": \"am\", \"missing\": 1}\n  ]")
        #expect(roster.contains("\"missing\": 1}"))
        var g = SplitMix64(seed: 20261218)
        var outcomes = [0, 0]
        for _ in 0..<1500 {
            var text = roster
            for _ in 0..<(1 + g.below(3)) { text = Self.tamper(text, &g) }
            do {
                let read = try Roster.read(data: Data(text.utf8), file: "tampered.json", for: scenario)
                _ = RosterVerification(scenario: scenario, roster: read).report()
                outcomes[0] += 1
            } catch {
                outcomes[1] += 1
                #expect(error.description.hasPrefix("tampered.json: error: ") && error.message.count > 10)
            }
        }
        #expect(outcomes[0] > 0 && outcomes[1] > 0)
    }

    @Test func weeksWithExtremeNumbersLoadAndBuildOrGiveLocatedErrors() throws {
        var g = SplitMix64(seed: 20261219)
        // Every number of the what-if week, and of a few fields it leaves out, at the places numbers go.
        let base = whatIfWeek + """
        rules: {supervision_ratio: 2, max_hours_per_day: 8}
        weights: {coverage: 100, target: 2}
        trainings: [{id: haccp, seats: 2, min_participants: 1, sessions: [{day: tue, slot: pm}]}]

        """
        let places = base.ranges(of: #/\b\d+(\.\d+)?\b/#).map { $0 }
        var outcomes = [0, 0]
        for _ in 0..<600 {
            var text = base
            let chosen = Set((0..<(1 + g.below(3))).map { _ in g.below(places.count) })
            for place in chosen.map({ places[$0] }).sorted(by: { $0.lowerBound > $1.lowerBound }) {
                text.replaceSubrange(place, with: Self.numbers[g.below(10)])
            }
            do {
                let scenario = try ScenarioLoader.load(yaml: text, file: "extreme.yaml")
                _ = try? ModelExport(scenario)
                outcomes[0] += 1
            } catch {
                outcomes[1] += 1
                for e in error.errors where e.location == nil { Issue.record("unlocated: \(e)\n--- week:\n\(text)") }
            }
        }
        #expect(outcomes[0] > 0 && outcomes[1] > 0)
    }
}
