// SPDX-License-Identifier: GPL-3.0-or-later
//
// The independent checker finds each broken rule in a hand-made roster.

import Testing
import ParcoursScenario
@testable import ParcoursEngine

private func at(_ p: String, _ slot: String, _ a: String, day: Day = .mon) -> Roster.Assignment {
    Roster.Assignment(participant: p, day: day, slot: slot, place: .activity(a))
}

private func rules(_ s: Scenario, _ a: [Roster.Assignment], _ sup: [Roster.SupervisionEntry] = []) -> [HardRule] {
    RosterCheck(s).check(a, sup).violations.map(\.rule)
}

@Test func checkerFindsEachBrokenRule() {
    var p = person("p", max: 4), q = person("q")
    p.capacity = Capacity(maxHoursPerDay: 4, maxDays: 1)
    p.availability = .except([TimeRef(day: .tue)])
    q.restrictions = ["heavy"]
    p.avoid = ["q"]
    var a = activity("A", slots: ["am", "pm"], min: 0, max: 1)
    a.requires = ["hygiene": 1]
    a.tags = ["heavy"]
    let s = week([p, q], [a, activity("B", min: 0, max: 2)], days: [.mon, .tue], skills: ["hygiene"])
    #expect(rules(s, [at("p", "am", "A"), at("p", "am", "B")]).contains(.onePlaceAtATime))
    #expect(rules(s, [at("p", "am", "B", day: .tue)]).contains(.onePlaceAtATime))
    #expect(rules(s, [at("p", "am", "B"), at("p", "pm", "A")]).contains(.weeklyHours))
    #expect(rules(s, [at("p", "am", "B"), at("p", "pm", "A")]).contains(.dailyCap))
    #expect(rules(s, [at("q", "am", "A"), at("p", "am", "A")]).contains(.shiftCap))
    #expect(rules(s, [at("q", "pm", "B")]).contains(.shiftCap))  // B is closed in the afternoon
    #expect(rules(s, [at("q", "am", "A")]) == [.requirements, .restrictions])
    #expect(rules(s, [at("p", "am", "B"), at("q", "am", "B")]) == [.avoid])
    #expect(rules(s, [at("q", "am", "B")]) == [])
}

@Test func checkerFindsDaysMentoringSupervisionTrainingAndPins() {
    var p = person("p", max: 40), q = person("q"), r = person("r")
    p.capacity = Capacity(maxDays: 1)
    p.fixed = [FixedItem(place: .training("T"))]
    var a = activity("A", min: 0, max: 3, ratio: 1)
    a.mentoring = Mentoring(skill: "cuisine", level: 2, ratio: 1)
    let t = Training(id: "T", seats: 1, minParticipants: 2, sessions: [TimeRef(day: .mon, slot: "pm"), TimeRef(day: .tue, slot: "pm")])
    let s = week([p, q, r], [a], days: [.mon, .tue], supervisors: [Supervisor(id: "marc", activities: ["A"])],
                 trainings: [t], skills: ["cuisine"])
    let marc = Roster.SupervisionEntry(supervisor: "marc", day: .mon, slot: "am", activity: "A")
    #expect(rules(s, [at("p", "am", "A"), at("p", "am", "A", day: .tue)], [marc]).contains(.daysCap))
    #expect(rules(s, [at("q", "am", "A"), at("r", "am", "A")], [marc]).contains(.mentoring))
    #expect(rules(s, [at("q", "am", "A"), at("r", "am", "A")], [marc]).contains(.supervision))
    #expect(rules(s, [], [marc]) == [.supervision, .fixed])  // a supervisor with nobody; p not enrolled
    let session = Roster.Assignment(participant: "q", day: .mon, slot: "pm", place: .training("T"))
    #expect(rules(s, [session]).filter { $0 == .trainings }.count == 2)  // misses tuesday; alone below minimum
}

@Test func checkerAgreesWithTheEngineOnTerms() {
    var p = person("p", min: 4, target: 6)
    p.likes = ["A"]
    p.goals = [Goal(.activity("B", hours: 4), weight: 2)]
    let s = week([p, person("q")], [activity("A", slots: ["am", "pm"], min: 1, max: 2, priority: 3), activity("B", min: 1)])
    let r = solve(s)
    let report = RosterCheck(s).check(r.assignments, r.supervision)
    #expect(report.violations.isEmpty)
    #expect(report.terms == r.terms)
    #expect(r.objective == report.terms.total)
}
