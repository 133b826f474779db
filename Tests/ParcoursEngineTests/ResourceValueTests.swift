// SPDX-License-Identifier: GPL-3.0-or-later
//
// What one more resource is worth (issue #12), one kind per tiny week: the value `explain`
// reports equals the objective of the week minus the objective of the week with that one unit
// added, both solved by the engine, and the hand-computed difference. (One more supervisor is in
// ExplanationTests.swift.)

import Testing
import ParcoursScenario
import ParcoursExplain
@testable import ParcoursEngine

/// The value reported for the first resource of `kind`, and the gain of a re-solve with `add` applied.
private func valued(_ s: Scenario, _ kind: ResourceValue.Kind, adding add: (inout Scenario) -> Void) throws -> (ResourceValue, Double) {
    let explanations = WeekExplainer().explain(s, solve(s))
    let value = try #require(explanations.resources.first { $0.kind == kind }, "\(explanations.resources)")
    var more = s
    add(&more)
    let options = ResourceValuation().options
    let without = try #require(RosterEngine().solve(s, options: options).objective)
    let with = try #require(RosterEngine().solve(more, options: options).objective)
    return (value, without - with)
}

@Test func oneMorePeriodOnAWeeklyMaximumIsWorthTheShiftItCovers() throws {
    // p (max 4 h, target 4 h) works one of two shifts; the other is short: coverage 400.
    // With 4 more hours p works both: target |8 − 4| × 2 = 8. The value: 400 − 8 = 392.
    let s = week([person("p", max: 4, target: 4)], [activity("A", slots: ["am", "pm"])])
    let (value, gain) = try valued(s, .weeklyMax) { $0.participants[0].hours.max += 4 }
    #expect(value.resource == "4 more hours on p's weekly maximum")
    #expect(value.objectiveGain == gain)
    #expect(gain == 392)
    #expect(value.coveredHours == 4)
    // Negative: nobody at their maximum, nothing to value of that kind.
    let roomy = week([person("p", max: 8, target: 4)], [activity("A", slots: ["am", "pm"])])
    #expect(!WeekExplainer().explain(roomy, solve(roomy)).resources.contains { $0.kind == .weeklyMax })
}

@Test func oneMoreTrainingSeatIsWorthTheGoalItMeets() throws {
    // Two want the 4-hour training K, which has one seat: one goal missed (10 × 4 = 40), and the
    // enrolled one's target (|4 − 0| × 2 = 8): 48. With two seats: 8 + 8 = 16. The value: 32.
    var p = person("p", max: 8), q = person("q", max: 8)
    p.goals = [Goal(.training("K"))]; q.goals = [Goal(.training("K"))]
    let k = Training(id: "K", name: "Français", seats: 1, sessions: [TimeRef(day: .mon, slot: "pm")])
    let s = week([p, q], [activity("A", min: 0)], trainings: [k])
    let (value, gain) = try valued(s, .trainingSeat) { $0.trainings[0].seats += 1 }
    #expect(value.resource == "one more seat in Français (K)")
    #expect(value.objectiveGain == gain)
    #expect(gain == 32)
    #expect(value.coveredHours == 0)
    // Negative: two seats already, no seat to value.
    var two = s
    two.trainings[0].seats = 2
    #expect(!WeekExplainer().explain(two, solve(two)).resources.contains { $0.kind == .trainingSeat })
}

@Test func oneMorePersonAbleToDoAnActivityIsWorthTheShiftTheyFill() throws {
    // A needs hygiene level 1 and nobody has it: A is short (400) and p idle (target |0 − 4| × 2 = 8).
    // With p trained, p works A: 0. The value: 408.
    var a = activity("A")
    a.requires = ["hygiene": 1]
    let s = week([person("p", max: 8, target: 4)], [a], skills: ["hygiene"])
    let (value, gain) = try valued(s, .qualifiedPerson) { $0.participants[0].skills["hygiene"] = 1 }
    #expect(value.resource == "p able to work in A (hygiene level 1)")
    #expect(value.objectiveGain == gain)
    #expect(gain == 408)
    #expect(value.coveredHours == 4)
    // Negative: p already qualified, nothing is short.
    var trained = s
    trained.participants[0].skills = ["hygiene": 1]
    #expect(WeekExplainer().explain(trained, solve(trained)).resources.isEmpty)
}
