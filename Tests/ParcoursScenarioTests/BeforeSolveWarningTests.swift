// SPDX-License-Identifier: GPL-3.0-or-later
//
// What `validate` catches before a solve (issue #12, item 5): a pin no available supervisor can
// run, a training nobody eligible can attend, a participant with nowhere to work. Each is a
// warning (the file loads) at the line and column of the item, with a fix; each has its negative;
// and the shipped weeks get none of them.

import Foundation
import Testing
@testable import ParcoursScenario

/// The warnings of a text that loads (a failure to load is recorded).
private func warnings(_ body: String) -> [ScenarioDiagnostic] {
    do {
        return try ScenarioLoader.read(yaml: scenarioText(body), file: "test.yaml", directory: ".", variants: [], baseline: nil).warnings
    } catch {
        Issue.record("does not load:\n\(error.description)")
        return []
    }
}

/// The phrases of the three new warnings.
private let beforeSolvePhrases = ["so no roster can hold this pin", "every session of training", "may work in no open shift"]

private func pinned(supervisor: String) -> String {
    """
    activities:
      - {id: boulangerie, open: [{days: all, slots: all, min: 0, max: 3}]}
    supervisors:
    \(supervisor)
    participants:
      - id: p13
        hours: 8
        fixed: [{day: mon, slot: am, activity: boulangerie}]
    """
}

@Suite struct WarningsBeforeASolve {
    @Test func aPinNoAvailableSupervisorCanRun() {
        let found = warnings(pinned(supervisor: "  - {id: k01, activities: [boulangerie], availability: {unavailable: [{day: mon, slot: am}]}}"))
        #expect(found.count == 1)
        let w = found[0]
        #expect(w.severity == .warning)
        #expect(w.message == "'p13' is fixed in 'boulangerie' on mon am, which needs a supervisor (1 per 8 participants), but no supervisor "
                + "of 'boulangerie' is available then ('k01' is not available then), so no roster can hold this pin")
        #expect(w.location == SourceLocation(file: "test.yaml", line: 10, column: 13))  // the fixed item
        #expect(w.fix == "make 'k01' available on mon am, add 'boulangerie' to the activities of a supervisor who is, or move the fixed item")
        // Nobody supervises the activity at all.
        let nobody = warnings(pinned(supervisor: "  - {id: k02, activities: []}"))
        #expect(nobody.map(\.message) == ["'p13' is fixed in 'boulangerie' on mon am, which needs a supervisor (1 per 8 participants), "
                                          + "but no supervisor can supervise 'boulangerie', so no roster can hold this pin"])
        #expect(nobody.first?.fix == "add 'boulangerie' to the activities of a supervisor available on mon am, or move the fixed item")
        // A supervisor whose weekly hours cannot cover the half-day is not there either.
        #expect(warnings(pinned(supervisor: "  - {id: k01, activities: [boulangerie], max_hours: 2}")).first?.message
                    .contains("'k01' has max_hours 2, less than the period's 4 h") == true)
        // Negatives: k01 there, or an activity that needs no supervisor.
        #expect(warnings(pinned(supervisor: "  - {id: k01, activities: [boulangerie], availability: {unavailable: [{day: mon, slot: pm}]}}")).isEmpty)
        #expect(warnings("rules: {supervision_ratio: 0}\n" + pinned(supervisor: "  - {id: k02, activities: []}")).isEmpty)
    }

    @Test func aTrainingAGoalAsksForThatNobodyEligibleCanAttend() {
        let body = """
        skills: [{id: fr}]
        trainings:
          - {id: fle, seats: 4, prerequisites: {fr: 1}, sessions: [{day: tue, slot: pm}, {day: thu, slot: pm}]}
        participants:
          - {id: p1, hours: 8, goals: [{training: fle}]}
          - {id: p2, hours: 8, skills: {fr: 1}, availability: {unavailable: [thu]}}
          - {id: p3, hours: 4, skills: {fr: 1}}
        """
        let found = warnings(body)
        #expect(found.count == 1)
        #expect(found.first?.message == "nobody can attend every session of training 'fle' (1 below fr level 1, 1 not available on thu pm, "
                + "1 with an hours.max below its 8 h), so it never runs and the goals of 'p1' that ask for it are missed")
        #expect(found.first?.location == SourceLocation(file: "test.yaml", line: 5, column: 10))  // the training's id
        #expect(found.first?.fix == "lower its prerequisites, move its sessions to when people are available, widen its open_to, or remove the training")
        // Only one can attend and the training needs two: left to `explain` (small weeks have many).
        #expect(warnings(body.replacingOccurrences(of: "seats: 4,", with: "seats: 4, min_participants: 2,")
            .replacingOccurrences(of: "{id: p3, hours: 4,", with: "{id: p3, hours: 8,")).isEmpty)
        // Open to nobody who could come.
        #expect(warnings(body.replacingOccurrences(of: "seats: 4,", with: "seats: 4, open_to: [p1],")).first?.message
                    .contains("(1 below fr level 1, 2 not in its open_to)") == true)
        // Negatives: nobody asks for it (it merely stays empty); p3 with the hours to attend.
        #expect(warnings(body.replacingOccurrences(of: ", goals: [{training: fle}]", with: "")).isEmpty)
        #expect(warnings(body.replacingOccurrences(of: "{id: p3, hours: 4,", with: "{id: p3, hours: 8,")).isEmpty)
        // A skill goal for a skill it teaches asks for it too.
        #expect(warnings("skills: [{id: fr}, {id: oral}]\n" + body.replacingOccurrences(of: "skills: [{id: fr}]\n", with: "")
            .replacingOccurrences(of: "prerequisites:", with: "teaches: [oral], prerequisites:")
            .replacingOccurrences(of: "goals: [{training: fle}]", with: "goals: [{skill: oral, hours: 4}]")).count == 1)
    }

    @Test func aParticipantWithNoOpenShiftTheyMayWork() {
        let body = """
        skills: [{id: hygiene}]
        activities:
          - {id: cuisine, requires: {hygiene: 1}, open: [{days: all, slots: all, min: 0, max: 3}]}
          - {id: chantier, tags: [heavy], open: [{days: all, slots: all, min: 0, max: 3}]}
          - {id: marche, open: [{days: [fri], slots: [am], min: 0, max: 3}]}
        participants:
          - {id: p06, hours: 8}
          - {id: p07, hours: 8, restrictions: [heavy], availability: {unavailable: [fri]}}
        """
        let found = warnings(body)
        #expect(found.count == 1)
        #expect(found.first?.message == "'p07' may work in no open shift this week: 'cuisine' requires hygiene level 1 (they have 0); "
                + "'chantier' carries the tag 'heavy', one of their restrictions; 'marche' is open only when they are not available")
        #expect(found.first?.location == SourceLocation(file: "test.yaml", line: 10, column: 10))  // p07's id
        #expect(found.first?.fix == "give them the level an activity requires, lift a restriction or widen their availability "
                + "(as it is, only a training can give them hours)")
        // A daily cap shorter than every open period keeps them out too.
        #expect(warnings(body.replacingOccurrences(of: "availability: {unavailable: [fri]}", with: "capacity: {max_hours_per_day: 3}"))
                    .first?.message.hasSuffix("'marche' is open only in periods longer than their daily cap of 3 h") == true)
        // Negatives: available on Friday morning; or qualified for the kitchen; or no hours to give.
        #expect(warnings(body.replacingOccurrences(of: "[fri]}", with: "[thu]}")).isEmpty)
        #expect(warnings(body.replacingOccurrences(of: "restrictions: [heavy],", with: "restrictions: [heavy], skills: {hygiene: 1},")).isEmpty)
        #expect(warnings(body.replacingOccurrences(of: "{id: p07, hours: 8,", with: "{id: p07, hours: 0,")).isEmpty)
    }

    @Test func theShippedWeeksGetNoneOfThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenarios = root.appendingPathComponent("Scenarios").path
        var weeks = shippedScenarioFiles().map { ($0, [String]()) }
        weeks += (1...4).map { ("\(scenarios)/pathway/week-\($0).yaml", []) }
        let variants = try FileManager.default.contentsOfDirectory(atPath: "\(scenarios)/replanning/variants").sorted()
        weeks += variants.map { ("\(scenarios)/replanning/scenario.yaml", ["\(scenarios)/replanning/variants/\($0)"]) }
        #expect(weeks.count >= 12)
        for (file, variant) in weeks {
            let loaded = try ScenarioLoader.read(file: file, variants: variant)
            let noisy = loaded.warnings.filter { w in beforeSolvePhrases.contains { w.message.contains($0) } }
            #expect(noisy.isEmpty, "\(file) \(variant): \(noisy.map(\.description).joined(separator: "\n"))")
        }
    }
}
