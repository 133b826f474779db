// SPDX-License-Identifier: GPL-3.0-or-later
//
// The week explained: one tiny week per reason a person or a shift stays short (each with the
// week where that reason is gone), a planted conflict in an infeasible week, the value of one
// more supervisor, the `explanations` key, and the same bytes twice.

import Foundation
import Testing
import ParcoursScenario
import ParcoursExplain
@testable import ParcoursEngine

/// The explanation of one participant in the solved week.
private func explained(_ scenario: Scenario, _ id: String) -> PersonExplanation {
    let roster = solve(scenario)
    return RosterExplainer.people(scenario, roster).first { $0.participant == id }!
}

/// Every reason kind for the person's hours and goals.
private func kinds(_ person: PersonExplanation) -> Set<Reason.Kind> {
    Set(person.reasons.map(\.kind) + person.goals.flatMap { $0.reasons.map(\.kind) })
}

private func wanting(_ id: String, hours: Double = 8) -> Participant { person(id, max: 8, target: hours) }

// MARK: A person's shortfall, one reason each

@Test func personUnavailable() {
    var p = wanting("p")
    p.name = "Amina K."
    p.availability = .except([TimeRef(day: .mon, slot: "pm", reason: "rendez-vous CIP")])
    let e = explained(week([p], [activity("A", slots: ["am", "pm"])]), "p")
    #expect(e.hours == 4)
    #expect(e.reasons.map(\.kind) == [.unavailable])
    #expect(e.reasons[0].text == "Amina K. (p) is not available on mon pm (rendez-vous CIP).")
    // Negative: available all day, the target is reached and nothing is explained.
    #expect(explained(week([wanting("p")], [activity("A", slots: ["am", "pm"])]), "p").reasons.isEmpty)
}

@Test func personDailyCap() {
    var p = wanting("p")
    p.capacity = Capacity(maxHoursPerDay: 4)
    let e = explained(week([p], [activity("A", slots: ["am", "pm"])]), "p")
    #expect(e.reasons.map(\.kind) == [.dailyCap])
    #expect(e.reasons[0].text.contains("p is at their daily cap of 4 h on mon"))
    #expect(!kinds(explained(week([wanting("p")], [activity("A", slots: ["am", "pm"])]), "p")).contains(.dailyCap))
}

@Test func personDaysCap() {
    var p = wanting("p")
    p.capacity = Capacity(maxDays: 1)
    let e = explained(week([p], [activity("A")], days: [.mon, .tue]), "p")
    #expect(kinds(e).contains(.daysCap))
    #expect(!kinds(explained(week([wanting("p")], [activity("A")], days: [.mon, .tue]), "p")).contains(.daysCap))
}

@Test func personLacksRequiredSkill() {
    var a = activity("A", slots: ["am", "pm"])
    a.requires = ["hygiene": 1]
    let e = explained(week([wanting("p", hours: 4)], [a], skills: ["hygiene"]), "p")
    #expect(e.hours == 0)
    #expect(kinds(e) == [.requirement])
    #expect(e.reasons[0].text == "A requires hygiene level 1 and p has level 0 on mon am, mon pm.")
    var q = wanting("p", hours: 4)
    q.skills = ["hygiene": 1]
    #expect(explained(week([q], [a], skills: ["hygiene"]), "p").reasons.isEmpty)
}

@Test func personRestriction() {
    var a = activity("A", slots: ["am", "pm"])
    a.tags = ["heavy-lifting"]
    var p = wanting("p", hours: 4)
    p.restrictions = ["heavy-lifting"]
    let e = explained(week([p], [a]), "p")
    #expect(kinds(e) == [.restriction])
    #expect(e.reasons[0].text.contains("carries the tag heavy-lifting, one of p's restrictions"))
    #expect(explained(week([wanting("p", hours: 4)], [a]), "p").reasons.isEmpty)
}

@Test func personAvoidPair() {
    var p = wanting("p", hours: 4), q = wanting("q", hours: 4)
    p.avoid = ["q"]
    let a = activity("A", min: 2, max: 2)
    let roster = solve(week([p, q], [a]))
    let people = RosterExplainer.people(week([p, q], [a]), roster)
    let left = people.first { $0.hours == 0 }!
    #expect(left.reasons.first?.kind == .avoid)
    #expect(left.reasons.last?.kind == .closed)  // nothing open in the afternoon
    #expect(left.reasons[0].text.contains("avoid each other"))
    // Negative: without the pair both work.
    #expect(RosterExplainer.people(week([wanting("p", hours: 4), wanting("q", hours: 4)], [a]),
                                   solve(week([wanting("p", hours: 4), wanting("q", hours: 4)], [a]))).allSatisfy { $0.reasons.isEmpty })
}

@Test func personShiftFull() {
    let a = activity("A", min: 1, max: 1)
    let s = week([wanting("p", hours: 4), wanting("q", hours: 4)], [a])
    let left = RosterExplainer.people(s, solve(s)).first { $0.hours == 0 }!
    #expect(left.reasons.map(\.kind) == [.shiftFull, .closed])
    let roomy = week([wanting("p", hours: 4), wanting("q", hours: 4)], [activity("A", min: 1, max: 2)])
    #expect(RosterExplainer.people(roomy, solve(roomy)).allSatisfy { $0.reasons.isEmpty })
}

@Test func personSupervisionBinds() {
    let a = activity("A", ratio: 8)
    let marc = Supervisor(id: "marc", name: "Marc", activities: ["A"], availability: .except([TimeRef(day: .mon, slot: "am")]))
    let e = explained(week([wanting("p", hours: 4)], [a], supervisors: [marc]), "p")
    #expect(e.reasons.map(\.kind) == [.supervision, .closed])
    #expect(e.reasons[0].text.contains("Marc (marc) is not available"))
    let here = Supervisor(id: "marc", activities: ["A"])
    #expect(explained(week([wanting("p", hours: 4)], [a], supervisors: [here]), "p").reasons.isEmpty)
}

@Test func goalLostToHigherPriority() {
    var p = person("p", max: 8)
    p.goals = [Goal(.activity("A", hours: 4))]
    let s = week([p], [activity("A"), activity("B", priority: 5)])
    let e = explained(s, "p")
    #expect(e.goals[0].missing == 4)
    #expect(e.goals[0].reasons.map(\.kind) == [.higherPriority])
    #expect(e.goals[0].reasons[0].text.contains("went to B on mon am, which has a higher priority (5 against 1)"))
    // Negative: with equal priorities the goal decides, and it is met.
    #expect(explained(week([p], [activity("A"), activity("B")]), "p").goals[0].missing == 0)
}

@Test func trainingGoalFull() {
    var p = person("p", max: 8), q = person("q", max: 8)
    p.goals = [Goal(.training("K"))]; q.goals = [Goal(.training("K"))]
    let k = Training(id: "K", seats: 1, sessions: [TimeRef(day: .mon, slot: "pm")])
    let s = week([p, q], [activity("A", min: 0)], trainings: [k])
    let left = RosterExplainer.people(s, solve(s)).first { $0.goals[0].missing > 0 }!
    #expect(left.goals[0].reasons.map(\.kind) == [.trainingFull])
    var two = k
    two.seats = 2
    let roomy = week([p, q], [activity("A", min: 0)], trainings: [two])
    #expect(RosterExplainer.people(roomy, solve(roomy)).allSatisfy { $0.goals[0].missing == 0 })
}

@Test func trainingGoalBelowMinimumAndPrerequisite() {
    var p = person("p", max: 8), q = person("q", max: 8)
    p.goals = [Goal(.training("K"))]; q.goals = [Goal(.training("K"))]
    p.skills = ["fr": 1]
    let k = Training(id: "K", seats: 4, minParticipants: 2, prerequisites: ["fr": 1], sessions: [TimeRef(day: .mon, slot: "pm")])
    let s = week([p, q], [activity("A", min: 0)], trainings: [k], skills: ["fr"])
    let people = RosterExplainer.people(s, solve(s))
    #expect(people[0].goals[0].reasons.map(\.kind) == [.trainingBelowMinimum])
    #expect(people[0].goals[0].reasons[0].text.contains("at least 2 participants"))
    #expect(people[1].goals[0].reasons.map(\.kind) == [.prerequisite])
    #expect(people[1].goals[0].reasons[0].text == "K needs fr level 1 first and q has level 0.")
    // Negative: q qualified, the training runs for both.
    q.skills = ["fr": 1]
    let both = week([p, q], [activity("A", min: 0)], trainings: [k], skills: ["fr"])
    #expect(RosterExplainer.people(both, solve(both)).allSatisfy { $0.goals[0].missing == 0 })
}

// MARK: A short shift

@Test func shortShiftNamesWhoCouldHaveWorkedIt() {
    // A in the afternoon needs 3 with skill s: one is away, one lacks the skill, one has spent their
    // 4 h in B (priority 5) in the morning, one works in D (priority 3) at the same time.
    var away = person("away", max: 8), capped = person("capped", max: 4), busy = person("busy", max: 8)
    away.availability = .except([TimeRef(day: .mon, reason: "formation CACES")])
    busy.availability = .except([TimeRef(day: .mon, slot: "am")])
    away.skills = ["s": 1]; capped.skills = ["s": 1]; busy.skills = ["s": 1]
    var a = activity("A", slots: ["pm"], min: 3, max: 3)
    a.requires = ["s": 1]
    let d = Activity(id: "D", name: "Boulangerie", tags: ["heavy"], supervisionRatio: 0, priority: 3, open: [OpenBlock(slots: ["pm"], min: 1, max: 1)])
    var b = activity("B", priority: 5)
    b.tags = ["heavy"]
    var unskilled = person("unskilled", max: 8)
    unskilled.restrictions = ["heavy"]
    let s = week([away, unskilled, capped, busy], [a, b, d], skills: ["s"])
    let roster = solve(s)
    let shift = RosterExplainer.shortShifts(s, roster).first { $0.activity == "A" }!
    #expect(shift.missing == 3)
    let reasons = Dictionary(uniqueKeysWithValues: shift.candidates.map { ($0.participant, $0.reason) })
    #expect(reasons["away"]?.kind == .unavailable)
    #expect(reasons["unskilled"]?.kind == .requirement)
    #expect(reasons["capped"]?.kind == .weeklyMax)
    #expect(reasons["busy"]?.kind == .higherPriority)
    #expect(reasons["busy"]?.text == "the hours of busy went to Boulangerie (D) on mon pm, which has a higher priority (3 against 1).")
    // Negative: a shift that reaches its minimum is not explained.
    #expect(!RosterExplainer.shortShifts(s, roster).contains { $0.activity == "B" })
}

@Test func shortShiftBoundBySupervisionSaysWhereTheSupervisorWas() {
    let a = activity("A", ratio: 8), b = activity("B", priority: 3, ratio: 8)
    let marc = Supervisor(id: "marc", name: "Marc", activities: ["A", "B"])
    let s = week([person("p", max: 8), person("q", max: 8)], [a, b], supervisors: [marc])
    let roster = solve(s)
    let shift = RosterExplainer.shortShifts(s, roster).first { $0.activity == "A" }!
    #expect(shift.binding?.kind == .supervision)
    #expect(shift.binding?.text.contains("Marc (marc) supervises B") == true)
    #expect(shift.supervisors.map(\.whereabouts) == ["supervises B"])
    // Negative: a second supervisor, nothing is short.
    let s2 = week([person("p", max: 8), person("q", max: 8)], [a, b], supervisors: [marc, Supervisor(id: "lea", activities: ["A"])])
    #expect(RosterExplainer.shortShifts(s2, solve(s2)).isEmpty)
}

// MARK: An infeasible week

private let infeasibleYAML = """
parcours: 1
name: pinned without a supervisor
calendar: {days: [mon]}
participants:
  - id: p13
    name: Paul D.
    hours: {min: 0, max: 8}
    fixed: [{day: mon, slot: am, activity: boulangerie}]
  - id: p14
    hours: {min: 0, max: 8}
supervisors:
  - id: k01
    activities: [boulangerie]
    availability: {unavailable: [{day: mon, slot: am}]}
  - id: k02
    activities: [cuisine]
activities:
  - id: boulangerie
    open: [{days: all, slots: all, min: 1, max: 3}]
  - id: cuisine
    open: [{days: all, slots: all, min: 1, max: 3}]

"""

private func loadedInfeasibleWeek() throws -> LoadedScenario {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("explain-infeasible-\(ProcessInfo.processInfo.processIdentifier).yaml").path
    try infeasibleYAML.write(toFile: file, atomically: true, encoding: .utf8)
    return try ScenarioLoader.read(file: file)
}

@Test func infeasibleWeekNamesTheMinimalConflictWithLinesAndFix() throws {
    let loaded = try loadedInfeasibleWeek()
    let roster = solve(loaded.scenario)
    #expect(roster.status == .infeasible)
    let conflicts = ConflictExplainer().conflicts(loaded.scenario, locations: loaded.locations)
    #expect(conflicts.map(\.rule) == ["H12", "H9", "H1"])
    #expect(conflicts[0].text == "Paul D. (p13) is pinned to boulangerie on mon am.")
    #expect(conflicts[0].location?.line == 8)
    #expect(conflicts[1].text.contains("only k01 can supervise it"))
    #expect(conflicts[2].text == "the supervisor k01 is not available on mon am.")
    #expect(conflicts[2].location?.line == 14)
    #expect(conflicts.map(\.fix) == ["unpin Paul D. (p13) from boulangerie on mon am", "make another supervisor of boulangerie available on mon am",
                                     "make the supervisor k01 available on mon am"])
    // Minimal: relaxing any one of them makes the week feasible (checked by the explainer's own solve).
    let explainer = ConflictExplainer()
    let rules = explainer.ruleInstances(loaded.scenario)
    for c in conflicts {
        var relaxed = loaded.scenario
        rules.first { $0.text == c.text }!.relax(&relaxed)
        #expect(explainer.feasible(relaxed) == true, "\(c.text)")
    }
    // A feasible week has no conflict.
    var fixedWeek = loaded.scenario
    fixedWeek.participants[0].fixed = []
    #expect(ConflictExplainer().conflicts(fixedWeek).isEmpty)
}

// MARK: What one more resource is worth

@Test func oneMoreSupervisorIsWorthTheShiftItOpens() {
    let a = activity("A", min: 2, max: 4, ratio: 8)
    let marc = Supervisor(id: "marc", activities: ["A"], availability: .except([TimeRef(day: .mon, slot: "am")]))
    var capped = person("r", max: 4, target: 4)
    capped.availability = .except([TimeRef(day: .mon, slot: "pm")])
    let s = week([person("p", max: 8, target: 4), person("q", max: 8, target: 4), capped], [a, activity("B", slots: ["pm"])], supervisors: [marc])
    let roster = solve(s)
    let explanations = WeekExplainer().explain(s, roster)
    let best = try! #require(explanations.resources.first)
    #expect(best.kind == .supervisorHalfDay)
    #expect(best.resource == "one more supervisor of A on mon am")
    // Against a re-solve with one more unit, by hand.
    var more = s
    more.supervisors.append(Supervisor(id: "extra", activities: ["A"], availability: .only([TimeRef(day: .mon, slot: "am")])))
    let valuation = ResourceValuation()
    let gain = RosterEngine().solve(s, options: valuation.options).objective! - RosterEngine().solve(more, options: valuation.options).objective!
    #expect(best.objectiveGain == gain)
    #expect(gain > 0)
    #expect(best.coveredHours == 8)
}

// MARK: The roster's `explanations` key

@Test func explanationsKeyIsValidJSONAndTheSameTwice() throws {
    var p = person("p", max: 8, target: 8)
    p.name = "Amina \"K.\""
    p.availability = .except([TimeRef(day: .mon, slot: "pm")])
    let s = week([p, person("q", max: 4)], [activity("A", slots: ["am", "pm"], min: 2, max: 2, ratio: 8)],
                 supervisors: [Supervisor(id: "marc", activities: ["A"])])
    func once() -> String {
        var roster = RosterEngine().solve(s, options: ResourceValuation().options)
        roster.explanations = WeekExplainer().explain(s, roster)
        return roster.json(timing: false)
    }
    let text = once()
    #expect(text == once())
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let explanations = try #require(root["explanations"] as? [String: Any])
    for key in ["people", "shifts", "conflicts", "resources"] { #expect(explanations[key] is [Any], "\(key)") }
    let people = try #require(explanations["people"] as? [[String: Any]])
    #expect(people.first?["name"] as? String == "Amina \"K.\"")
    #expect((people.first?["reasons"] as? [[String: Any]])?.first?["kind"] as? String == "unavailable")
    // Read back, the roster is the same without the key (readers ignore it).
    #expect(try Roster.read(data: Data(text.utf8)).assignments.count == (root["assignments"] as? [Any])?.count)
}

@Test func renderedTextNamesPeopleAndShifts() {
    var p = person("p", max: 8, target: 8)
    p.name = "Amina K."
    p.availability = .except([TimeRef(day: .mon, slot: "pm")])
    let s = week([p], [activity("A", slots: ["am", "pm"])])
    let text = RosterExplainer.explain(s, solve(s)).rendered(.text)
    #expect(text.contains("Amina K. (p): 4 h (min 0, target 8, max 8), 4 h under the target."))
    #expect(text.contains("A on mon pm: 0 of at least 1, 1 missing."))
    #expect(text.contains("Not available: Amina K. (p) is not available on mon pm."))
    let markdown = RosterExplainer.explain(s, solve(s)).rendered(.markdown)
    #expect(markdown.contains("## Short shifts (1)"))
}
