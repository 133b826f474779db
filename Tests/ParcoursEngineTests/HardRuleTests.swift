// SPDX-License-Identifier: GPL-3.0-or-later
//
// One test per hard rule (contract §4): a tiny week where that rule alone changes the roster.
// Each comment says what the roster would be without the rule.

import Testing
import ParcoursScenario
@testable import ParcoursEngine

@Test func h1OnePlaceAtATime() {
    // Without H1, p would cover both A and B on Monday morning.
    var p = person("p")
    p.availability = .except([TimeRef(day: .mon, slot: "pm")])
    let r = solve(week([p], [activity("A", priority: 2), activity("B")]))
    #expect(r.status == .optimal)
    #expect(lines(r) == ["p mon am A"])
    #expect(unmet(r) == ["B mon am 1"])
    #expect(r.objective == 408)  // B short 4 h × 100, p's 4 h off target × 2
}

@Test func h1OnlyWhenAvailable() {
    var p = person("p")
    p.availability = .only([TimeRef(day: .mon, slot: "pm")])
    let r = solve(week([p], [activity("A", slots: ["am", "pm"])]))
    #expect(lines(r) == ["p mon pm A"])
    #expect(unmet(r) == ["A mon am 1"])
}

@Test func h2WeeklyHours() {
    // Without H2 (max 4 h), p would work both periods.
    let r = solve(week([person("p", max: 4)], [activity("A"), activity("B", slots: ["pm"], priority: 2)]))
    #expect(lines(r) == ["p mon pm B"])
    #expect(unmet(r) == ["A mon am 1"])
    #expect(r.objective == 408)
}

@Test func h2SupervisorWeeklyHours() {
    // Without max_hours 4, Marc would supervise both periods.
    let marc = Supervisor(id: "marc", activities: ["A"], maxHours: 4)
    let r = solve(week([person("p"), person("q")], [Activity(id: "A", supervisionRatio: 8, priority: 1,
        open: [OpenBlock(slots: ["am"], min: 1, max: 1), OpenBlock(slots: ["pm"], min: 2, max: 2)])], supervisors: [marc]))
    #expect(r.supervision.map { "\($0.supervisor) \($0.slot)" } == ["marc pm"])
    #expect(lines(r) == ["p mon pm A", "q mon pm A"])
    #expect(unmet(r) == ["A mon am 1"])
}

@Test func h3DailyCap() {
    var p = person("p")
    p.capacity = Capacity(maxHoursPerDay: 4)
    let r = solve(week([p], [activity("A"), activity("B", slots: ["pm"], priority: 2)]))
    #expect(lines(r) == ["p mon pm B"])
    #expect(unmet(r) == ["A mon am 1"])
}

@Test func h4DaysCap() {
    var p = person("p")
    p.capacity = Capacity(maxDays: 1)
    let a = Activity(id: "A", supervisionRatio: 0, open: [OpenBlock(days: [.mon], slots: ["am"], min: 1, max: 1)])
    let b = Activity(id: "B", supervisionRatio: 0, priority: 2, open: [OpenBlock(days: [.tue], slots: ["am"], min: 1, max: 1)])
    let r = solve(week([p], [a, b], days: [.mon, .tue]))
    #expect(lines(r) == ["p tue am B"])
    #expect(unmet(r) == ["A mon am 1"])
}

@Test func h5ShiftCap() {
    // Without max 1, q would join p (q's contract minimum).
    var q = person("q", min: 4, target: 4)
    q.dislikes = ["A"]
    let r = solve(week([person("p", min: 4, target: 4), q], [activity("A", max: 1)]))
    #expect(lines(r) == ["p mon am A"])
    #expect(r.objective == 208)  // q: 4 h under the minimum × 50 + 4 h off target × 2
}

@Test func h5OnlyOpenShifts() {
    // A is closed in the afternoon by a later block with max 0.
    let a = Activity(id: "A", supervisionRatio: 0, open: [OpenBlock(min: 1, max: 1), OpenBlock(slots: ["pm"], min: 0, max: 0)])
    let r = solve(week([person("p", min: 8, target: 8)], [a]))
    #expect(lines(r) == ["p mon am A"])
}

@Test func h6Requirements() {
    var p = person("p"), q = person("q")
    p.skills = ["hygiene": 1]
    q.skills = ["hygiene": 0]
    var a = activity("A", min: 2, max: 2)
    a.requires = ["hygiene": 1]
    let r = solve(week([p, q], [a], skills: ["hygiene"]))
    #expect(lines(r) == ["p mon am A"])
    #expect(unmet(r) == ["A mon am 1"])
}

@Test func h7Restrictions() {
    var q = person("q")
    q.restrictions = ["heavy-lifting"]
    var a = activity("A", min: 2, max: 2)
    a.tags = ["heavy-lifting"]
    let r = solve(week([person("p"), q], [a]))
    #expect(lines(r) == ["p mon am A"])
}

@Test func h8Mentoring() {
    // Without mentoring, q and r would both join p (A wants 3).
    var p = person("p"), q = person("q"), r = person("r")
    p.skills = ["cuisine": 2]
    r.dislikes = ["A"]
    var a = activity("A", min: 3, max: 3)
    a.mentoring = Mentoring(skill: "cuisine", level: 2, ratio: 1)
    let roster = solve(week([p, q, r], [a], skills: ["cuisine"]))
    #expect(lines(roster) == ["p mon am A", "q mon am A"])
    #expect(unmet(roster) == ["A mon am 1"])
    #expect(roster.objective == 416)
}

@Test func h9Supervision() {
    // One supervisor at 1:1: only one participant, where two are wanted.
    var q = person("q")
    q.dislikes = ["A"]
    let r = solve(week([person("p"), q], [activity("A", min: 2, max: 2, ratio: 1)],
                       supervisors: [Supervisor(id: "marc", activities: ["A"])]))
    #expect(lines(r) == ["p mon am A"])
    #expect(r.supervision == [Roster.SupervisionEntry(supervisor: "marc", day: .mon, slot: "am", activity: "A")])
    #expect(r.objective == 408)
}

@Test func h9NoSupervisorNoShift() {
    // Marc cannot supervise A: nobody may work there.
    let r = solve(week([person("p")], [activity("A", ratio: 8)], supervisors: [Supervisor(id: "marc", activities: ["B"])]))
    #expect(lines(r).isEmpty)
    #expect(r.supervision.isEmpty)
    #expect(unmet(r) == ["A mon am 1"])
}

@Test func h10Seats() {
    // One seat: only q (goal weight 2) gets it.
    var p = person("p"), q = person("q")
    p.goals = [Goal(.training("T"))]
    q.goals = [Goal(.training("T"), weight: 2)]
    let t = Training(id: "T", seats: 1, sessions: [TimeRef(day: .mon, slot: "am")])
    let r = solve(week([p, q], [], trainings: [t]))
    #expect(lines(r) == ["q mon am training T"])
    #expect(r.enrollments == [Roster.Enrollment(training: "T", participants: ["q"])])
    #expect(r.objective == 48)  // p's goal 4 h × 10, q's 4 h off target × 2
}

@Test func h10MinimumGroupSize() {
    // p alone cannot make T run (min 2); q cannot work at all.
    var p = person("p")
    p.goals = [Goal(.training("T"))]
    let t = Training(id: "T", seats: 5, minParticipants: 2, sessions: [TimeRef(day: .mon, slot: "am"), TimeRef(day: .mon, slot: "pm")])
    let r = solve(week([p, person("q", max: 0)], [], trainings: [t]))
    #expect(lines(r).isEmpty)
    #expect(r.objective == 80)  // the goal's 8 h × 10
}

@Test func h10PrerequisitesAndAttendance() {
    var p = person("p"), q = person("q")
    p.goals = [Goal(.training("T"))]
    q.goals = [Goal(.training("T"))]
    p.skills = ["francais": 1]
    let t = Training(id: "T", seats: 5, prerequisites: ["francais": 1],
                     sessions: [TimeRef(day: .mon, slot: "am"), TimeRef(day: .mon, slot: "pm")])
    let r = solve(week([p, q], [], trainings: [t], skills: ["francais"]))
    #expect(lines(r) == ["p mon am training T", "p mon pm training T"])
}

@Test func h11Avoid() {
    // Without avoid, p and q (no dislikes) would share A.
    var p = person("p"), q = person("q"), r = person("r")
    p.likes = ["A"]
    p.avoid = ["q"]
    r.dislikes = ["A"]
    let roster = solve(week([p, q, r], [activity("A", min: 2, max: 2)]))
    #expect(lines(roster) == ["p mon am A", "r mon am A"])
    #expect(roster.objective == 16)
}

@Test func h12Fixed() {
    // Without the pin, p would cover A (priority 2).
    var p = person("p")
    p.fixed = [FixedItem(place: .activity("B"), day: .mon, slot: "am")]
    let r = solve(week([p], [activity("A", priority: 2), activity("B", min: 0)]))
    #expect(lines(r) == ["p mon am B"])
    #expect(r.objective == 808)
}

@Test func conflictingPinsAreExplained() {
    var p = person("p")
    p.fixed = [FixedItem(place: .activity("A"), day: .mon, slot: "am"), FixedItem(place: .activity("B"), day: .mon, slot: "am")]
    let r = solve(week([p], [activity("A"), activity("B")]))
    #expect(r.status == .infeasible)
    #expect(r.assignments.isEmpty)
    #expect(r.explanation?.contains("p is pinned to both A and B on mon am") == true)
}

@Test func pinsBeyondSupervisionAreExplainedBySearch() {
    // Each pin alone is fine; together they need two supervisors where Marc is alone.
    var p = person("p"), q = person("q")
    p.fixed = [FixedItem(place: .activity("A"), day: .mon, slot: "am")]
    q.fixed = [FixedItem(place: .activity("B"), day: .mon, slot: "am")]
    let r = solve(week([p, q], [activity("A", ratio: 8), activity("B", ratio: 8)],
                       supervisors: [Supervisor(id: "marc", activities: ["A", "B"])]))
    #expect(r.status == .infeasible)
    #expect(r.explanation?.contains("p in A on mon am; q in B on mon am") == true)
}
