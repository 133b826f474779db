// SPDX-License-Identifier: GPL-3.0-or-later
//
// What-if and replanning on a hand-checked two-day week.
//
// The base week (mon, tue; am/pm of 4 h): cuisine needs exactly 2 people on mon am and tue am and
// one supervisor per 2 (marc); jardin takes one person on mon pm. Ana and Ben (target 8 h, like
// cuisine) work cuisine both mornings; Eva (at most 4 h, likes jardin) takes jardin mon pm. That
// roster is the unique optimum: terms all 0 except preference −20.

import Testing
import ParcoursScenario
@testable import ParcoursEngine

let whatIfWeek = """
parcours: 1
name: What-if week
calendar: {days: [mon, tue]}
activities:
  - {id: cuisine, supervision_ratio: 2, open: [{days: all, slots: [am], min: 2, max: 2}]}
  - {id: jardin, supervision_ratio: 0, open: [{days: [mon], slots: [pm], min: 0, max: 1}]}
supervisors:
  - {id: marc, activities: [cuisine]}
participants:
  - {id: ana, hours: {min: 4, max: 8, target: 8}, preferences: {likes: [cuisine]}}
  - {id: ben, hours: {min: 4, max: 8, target: 8}, preferences: {likes: [cuisine]}}
  - {id: eva, hours: {min: 0, max: 4, target: 4}, preferences: {likes: [jardin]}}

"""

func whatIf(_ changes: String? = nil, extra: String = "") throws -> Scenario {
    let variants = try changes.map { [try ScenarioLoader.variant(yaml: "variant: test\nchanges:\n" + $0)] } ?? []
    return try ScenarioLoader.load(yaml: whatIfWeek + extra, file: "week.yaml", variants: variants)
}

/// "eva mon pm: jardin → rest" for each move between two rosters.
func moves(_ scenario: Scenario, from before: Roster, to after: Roster) -> [String] {
    RosterChanges(scenario: scenario, before: before.assignments, after: after.assignments).moves
        .map { "\($0.participant) \($0.day.rawValue) \($0.slot): \($0.before) → \($0.after)" }
}

@Suite struct WhatIf {
    let base: Roster

    init() throws { base = solve(try whatIf()) }

    @Test func theBaseWeekIsTheHandCheckedOptimum() throws {
        #expect(base.status == .optimal)
        #expect(lines(base) == ["ana mon am cuisine", "ana tue am cuisine", "ben mon am cuisine", "ben tue am cuisine", "eva mon pm jardin"])
        #expect(base.objective == -20)
    }

    @Test func supervisorOffOnTuesdayCancelsTuesdaysCuisine() throws {
        let s = try whatIf("  - patch: {supervisor: marc, availability: {unavailable: [tue]}}\n")
        let r = solve(s)
        #expect(moves(s, from: base, to: r) == ["ana tue am: cuisine → rest", "ben tue am: cuisine → rest"])
        #expect(Comparison.newlyShort(base: base, variant: r) == ["cuisine tue am (2 missing, was 0)"])
    }

    @Test func addingAParticipantWithAContractMinimumDisplacesAFlexibleOne() throws {
        let s = try whatIf("  - add: {participant: {id: dan, hours: 4, preferences: {likes: [jardin]}}}\n")
        #expect(moves(s, from: base, to: solve(s)) == ["eva mon pm: jardin → rest", "dan mon pm: rest → jardin"])
    }

    @Test func removingAParticipantLeavesOneShiftShort() throws {
        let s = try whatIf("  - remove: {participant: ben}\n")
        let r = solve(s)
        // Eva (4 h) covers one of the two mornings instead of jardin; either morning is optimal.
        #expect(r.status == .optimal)
        #expect(r.unmet.map(\.missing) == [1])
        #expect(r.assignments.filter { $0.participant == "eva" }.map(\.place) == [.activity("cuisine")])
    }

    @Test func patchingOpeningHoursMovesThePeople() throws {
        let s = try whatIf("  - patch: {activity: jardin, open: [{days: [tue], slots: [pm], min: 0, max: 1}]}\n")
        #expect(moves(s, from: base, to: solve(s)) == ["eva mon pm: jardin → rest", "eva tue pm: rest → jardin"])
    }

    @Test func rulesAndWeightsChangeTheRoster() throws {
        // With a ratio of 1 (on the activity, or through the rules), cuisine takes one person per supervisor.
        let ratio = try whatIf("  - patch: {activity: cuisine, supervision_ratio: 1}\n")
        #expect(solve(ratio).unmet.map(\.missing) == [1, 1])
        let viaRules = try ScenarioLoader.load(yaml: whatIfWeek.replacingOccurrences(of: "supervision_ratio: 2, ", with: ""),
                                               variants: [try ScenarioLoader.variant(yaml: "variant: r\nchanges:\n  - rules: {supervision_ratio: 1}\n")])
        #expect(solve(viaRules).unmet.map(\.missing) == [1, 1])
        // Five times the preference weight: the same roster, five times its (only) term.
        let weights = solve(try whatIf("  - weights: {preference: 5}\n"))
        #expect(lines(weights) == lines(base) && weights.objective == -100)
    }

    @Test func parallelAndSequentialComparisonsAreIdentical() throws {
        let versions: [(label: String, scenario: Scenario)] = [
            ("base", try whatIf()),
            ("marc off tue", try whatIf("  - patch: {supervisor: marc, availability: {unavailable: [tue]}}\n")),
            ("dan joins", try whatIf("  - add: {participant: {id: dan, hours: 4}}\n")),
            ("no jardin", try whatIf("  - remove: {activity: jardin}\n")),
        ]
        let options = EngineOptions(timeLimit: 30)
        for format in Comparison.Format.allCases {
            let sequential = Comparison.solve(versions, options: options, parallel: 1).render(format, timing: false)
            let parallel = Comparison.solve(versions, options: options, parallel: 2).render(format, timing: false)
            #expect(sequential == parallel)
            #expect(sequential.contains("marc off tue"))
        }
        let text = Comparison.solve(versions, options: options, parallel: 2).render(.text, timing: false)
        #expect(text.contains("shorter shifts: cuisine tue am (2 missing, was 0)"))
        #expect(text.contains("goal hours achieved"))
    }
}

@Suite struct Replanning {
    /// The published roster is the base optimum; then Ben is sick on Tuesday.
    func sickBen(freezeBefore: String?) throws -> (Scenario, Roster, Roster) {
        let published = solve(try whatIf())
        let baseline = published.assignments.map { a -> String in
            guard case .activity(let id) = a.place else { return "" }
            return "  - {participant: \(a.participant), day: \(a.day.rawValue), slot: \(a.slot), activity: \(id)}\n"
        }.joined()
        let s = try whatIf("  - patch: {participant: ben, availability: {unavailable: [tue]}}\n", extra: "baseline:\n" + baseline)
        var options = EngineOptions(timeLimit: 30)
        options.frozenBefore = freezeBefore.map { f in
            let parts = f.split(separator: ".")
            return s.calendar.period(day: Day(rawValue: String(parts[0]))!, slot: String(parts[1]))!
        }
        return (s, published, solve(s, options))
    }

    @Test func sicknessChangesOnlyWhatMustChange() throws {
        let (s, published, replanned) = try sickBen(freezeBefore: nil)
        #expect(replanned.status == .optimal)
        // Eva leaves jardin for Tuesday's cuisine, and Ben takes jardin to keep his hours.
        #expect(moves(s, from: published, to: replanned) == [
            "ben mon pm: rest → jardin", "ben tue am: cuisine → rest", "eva mon pm: jardin → rest", "eva tue am: rest → cuisine",
        ])
        #expect(replanned.terms?[.stability] == 20)
        #expect(RosterChanges(scenario: s, baseline: s.baseline!, roster: replanned).text.contains("ben:\n    mon pm: rest → jardin"))
    }

    @Test func frozenPeriodsKeepThePublishedRoster() throws {
        let (s, published, replanned) = try sickBen(freezeBefore: "tue.am")
        #expect(replanned.status == .optimal)
        #expect(moves(s, from: published, to: replanned) == ["ben tue am: cuisine → rest"])
        let monday = { (r: Roster) in r.assignments.filter { $0.day == .mon } }
        #expect(monday(replanned) == monday(published))
        #expect(unmet(replanned) == ["cuisine tue am 1"])
    }

    @Test func rosterOutputIsByteIdenticalAcrossRuns() throws {
        let s = try whatIf()
        #expect(solve(s).json(timing: false) == solve(s).json(timing: false))
    }
}
