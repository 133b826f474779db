// SPDX-License-Identifier: GPL-3.0-or-later
//
// One test per hard rule (contract §4): a tiny week where that rule alone changes the roster.
// Each comment says what the roster would be without the rule.

import Testing
import ParcoursScenario
@testable import ParcoursEngine

/// The default weights: each objective below is the rule's effect in hours, times its term's weight
/// (a change of weights does not break a rule's test).
private let w = Weights()

@Test func h1OnePlaceAtATime() {
    // Without H1, p would cover both A and B on Monday morning.
    var p = person("p")
    p.availability = .except([TimeRef(day: .mon, slot: "pm")])
    let r = solve(week([p], [activity("A", priority: 2), activity("B")]))
    #expect(r.status == .optimal)
    #expect(lines(r) == ["p mon am A"])
    #expect(unmet(r) == ["B mon am 1"])
    #expect(r.objective == 4 * w.coverage + 4 * w.target)  // B short 4 h, p's 4 h off target
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
    #expect(r.objective == 4 * w.coverage + 4 * w.target)  // A short 4 h, p's 4 h off target
}

/// Marc supervises A, which wants one person in the morning and two in the afternoon.
private func supervisorHoursWeek(maxHours: Double?) -> Scenario {
    let marc = Supervisor(id: "marc", activities: ["A"], maxHours: maxHours)
    return week([person("p"), person("q")], [Activity(id: "A", supervisionRatio: 8, priority: 1,
        open: [OpenBlock(slots: ["am"], min: 1, max: 1), OpenBlock(slots: ["pm"], min: 2, max: 2)])], supervisors: [marc])
}

@Test func h2SupervisorWeeklyHours() {
    // Without max_hours 4, Marc would supervise both periods.
    let r = solve(supervisorHoursWeek(maxHours: 4))
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

/// A on Monday morning, B (priority 2) on Tuesday morning, p able to work `maxDays` days.
private func daysWeek(maxDays: Int) -> Scenario {
    var p = person("p")
    p.capacity = Capacity(maxDays: maxDays)
    let a = Activity(id: "A", supervisionRatio: 0, open: [OpenBlock(days: [.mon], slots: ["am"], min: 1, max: 1)])
    let b = Activity(id: "B", supervisionRatio: 0, priority: 2, open: [OpenBlock(days: [.tue], slots: ["am"], min: 1, max: 1)])
    return week([p], [a, b], days: [.mon, .tue])
}

@Test func h4DaysCap() {
    let r = solve(daysWeek(maxDays: 1))
    #expect(lines(r) == ["p tue am B"])
    #expect(unmet(r) == ["A mon am 1"])
}

/// p and q (who dislikes A) each with a 4 h minimum, A taking `max` people.
private func shiftCapWeek(max: Int) -> Scenario {
    var q = person("q", min: 4, target: 4)
    q.dislikes = ["A"]
    return week([person("p", min: 4, target: 4), q], [activity("A", max: max)])
}

@Test func h5ShiftCap() {
    // Without max 1, q would join p (q's contract minimum).
    let r = solve(shiftCapWeek(max: 1))
    #expect(lines(r) == ["p mon am A"])
    #expect(r.objective == 4 * w.contract + 4 * w.target)  // q: 4 h under the minimum and off target
}

@Test func h5OnlyOpenShifts() {
    // A is closed in the afternoon by a later block with max 0.
    let a = Activity(id: "A", supervisionRatio: 0, open: [OpenBlock(min: 1, max: 1), OpenBlock(slots: ["pm"], min: 0, max: 0)])
    let r = solve(week([person("p", min: 8, target: 8)], [a]))
    #expect(lines(r) == ["p mon am A"])
}

/// A wants two people with hygiene 1; p has it, q at `qLevel`.
private func hygieneWeek(qLevel: Int) -> Scenario {
    var p = person("p"), q = person("q")
    p.skills = ["hygiene": 1]
    q.skills = ["hygiene": qLevel]
    var a = activity("A", min: 2, max: 2)
    a.requires = ["hygiene": 1]
    return week([p, q], [a], skills: ["hygiene"])
}

@Test func h6Requirements() {
    let r = solve(hygieneWeek(qLevel: 0))
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

/// A wants three; p alone is a cuisine mentor (level 2), for `ratio` others; r dislikes A.
private func mentoringWeek(ratio: Int) -> Scenario {
    var p = person("p"), q = person("q"), r = person("r")
    p.skills = ["cuisine": 2]
    r.dislikes = ["A"]
    var a = activity("A", min: 3, max: 3)
    a.mentoring = Mentoring(skill: "cuisine", level: 2, ratio: ratio)
    return week([p, q, r], [a], skills: ["cuisine"])
}

@Test func h8Mentoring() {
    // Without mentoring, q and r would both join p (A wants 3).
    let roster = solve(mentoringWeek(ratio: 1))
    #expect(lines(roster) == ["p mon am A", "q mon am A"])
    #expect(unmet(roster) == ["A mon am 1"])
    #expect(roster.objective == 4 * w.coverage + 8 * w.target)  // A short one for 4 h, p's and q's 4 h off target
}

/// A wants two (q dislikes it), Marc supervises `ratio` people.
private func supervisionWeek(ratio: Int) -> Scenario {
    var q = person("q")
    q.dislikes = ["A"]
    return week([person("p"), q], [activity("A", min: 2, max: 2, ratio: ratio)],
                supervisors: [Supervisor(id: "marc", activities: ["A"])])
}

@Test func h9Supervision() {
    // One supervisor at 1:1: only one participant, where two are wanted.
    let r = solve(supervisionWeek(ratio: 1))
    #expect(lines(r) == ["p mon am A"])
    #expect(r.supervision == [Roster.SupervisionEntry(supervisor: "marc", day: .mon, slot: "am", activity: "A")])
    #expect(r.objective == 4 * w.coverage + 4 * w.target)  // A short one for 4 h, p's 4 h off target
}

@Test func h9NoSupervisorNoShift() {
    // Marc cannot supervise A: nobody may work there.
    let r = solve(week([person("p")], [activity("A", ratio: 8)], supervisors: [Supervisor(id: "marc", activities: ["B"])]))
    #expect(lines(r).isEmpty)
    #expect(r.supervision.isEmpty)
    #expect(unmet(r) == ["A mon am 1"])
}

/// p and q both want T (q's goal weighs twice), which has `seats` seats.
private func seatsWeek(seats: Int) -> Scenario {
    var p = person("p"), q = person("q")
    p.goals = [Goal(.training("T"))]
    q.goals = [Goal(.training("T"), weight: 2)]
    let t = Training(id: "T", seats: seats, sessions: [TimeRef(day: .mon, slot: "am")])
    return week([p, q], [], trainings: [t])
}

@Test func h10Seats() {
    // One seat: only q (goal weight 2) gets it.
    let r = solve(seatsWeek(seats: 1))
    #expect(lines(r) == ["q mon am training T"])
    #expect(r.enrollments == [Roster.Enrollment(training: "T", participants: ["q"])])
    #expect(r.objective == 4 * w.goals + 4 * w.target)  // p's goal 4 h short, q's 4 h off target
}

/// p wants T, which runs with two at least; q can give `qMax` hours.
private func groupWeek(qMax: Double) -> Scenario {
    var p = person("p")
    p.goals = [Goal(.training("T"))]
    let t = Training(id: "T", seats: 5, minParticipants: 2, sessions: [TimeRef(day: .mon, slot: "am"), TimeRef(day: .mon, slot: "pm")])
    return week([p, person("q", max: qMax)], [], trainings: [t])
}

@Test func h10MinimumGroupSize() {
    // p alone cannot make T run (min 2); q cannot work at all.
    let r = solve(groupWeek(qMax: 0))
    #expect(lines(r).isEmpty)
    #expect(r.objective == 8 * w.goals)  // the goal's 8 h short
}

/// p and q both want T, which needs francais 1: p has it, q at `qLevel` (none: not at all).
private func prerequisiteWeek(qLevel: Int?) -> Scenario {
    var p = person("p"), q = person("q")
    p.goals = [Goal(.training("T"))]
    q.goals = [Goal(.training("T"))]
    p.skills = ["francais": 1]
    if let qLevel { q.skills = ["francais": qLevel] }
    let t = Training(id: "T", seats: 5, prerequisites: ["francais": 1],
                     sessions: [TimeRef(day: .mon, slot: "am"), TimeRef(day: .mon, slot: "pm")])
    return week([p, q], [], trainings: [t], skills: ["francais"])
}

@Test func h10PrerequisitesAndAttendance() {
    let r = solve(prerequisiteWeek(qLevel: nil))
    #expect(lines(r) == ["p mon am training T", "p mon pm training T"])
}

/// A wants two; p likes it, r dislikes it, and p avoids q when `avoid`.
private func avoidWeek(avoid: Bool) -> Scenario {
    var p = person("p"), r = person("r")
    p.likes = ["A"]
    if avoid { p.avoid = ["q"] }
    r.dislikes = ["A"]
    return week([p, person("q"), r], [activity("A", min: 2, max: 2)])
}

@Test func h11Avoid() {
    // Without avoid, p and q (no dislikes) would share A.
    let roster = solve(avoidWeek(avoid: true))
    #expect(lines(roster) == ["p mon am A", "r mon am A"])
    #expect(roster.objective == 8 * w.target + 4 * w.preference - 4 * w.preference)  // p's and r's 4 h off target; p likes A, r dislikes it
}

@Test func h12Fixed() {
    // Without the pin, p would cover A (priority 2).
    var p = person("p")
    p.fixed = [FixedItem(place: .activity("B"), day: .mon, slot: "am")]
    let r = solve(week([p], [activity("A", priority: 2), activity("B", min: 0)]))
    #expect(lines(r) == ["p mon am B"])
    #expect(r.objective == 2 * 4 * w.coverage + 4 * w.target)  // A (priority 2) short 4 h, p's 4 h off target
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

// MARK: Negative cases
// Each rule's week with what triggers the rule taken away: the roster the rule's comment says it
// prevents, so that each test above fails if its rule is not what changed the roster.

@Test func h1OnePlaceAtATimeLeavesDifferentPeriodsFree() {
    let r = solve(week([person("p")], [activity("A", priority: 2), activity("B", slots: ["pm"])]))
    #expect(lines(r) == ["p mon am A", "p mon pm B"])
    #expect(unmet(r).isEmpty)
}

@Test func h1AvailableEverywhereWorksEveryPeriod() {
    let r = solve(week([person("p")], [activity("A", slots: ["am", "pm"])]))
    #expect(lines(r) == ["p mon am A", "p mon pm A"])
    #expect(unmet(r).isEmpty)
}

@Test func h2WithEightHoursWorksBothPeriods() {
    let r = solve(week([person("p", max: 8)], [activity("A"), activity("B", slots: ["pm"], priority: 2)]))
    #expect(lines(r) == ["p mon am A", "p mon pm B"])
    #expect(unmet(r).isEmpty)
}

@Test func h2SupervisorWithoutAWeeklyMaximumSupervisesBothPeriods() {
    let r = solve(supervisorHoursWeek(maxHours: nil))
    #expect(r.supervision.map { "\($0.supervisor) \($0.slot)" } == ["marc am", "marc pm"])
    #expect(lines(r).count == 3)
    #expect(unmet(r).isEmpty)
}

@Test func h3WithoutADailyCapWorksTheWholeDay() {
    let r = solve(week([person("p")], [activity("A"), activity("B", slots: ["pm"], priority: 2)]))
    #expect(lines(r) == ["p mon am A", "p mon pm B"])
}

/// The days week with no cap of its own, and a pathway whose ramp-up allows one day in its first
/// four weeks and two from its fifth; the week is dated `week`.
private func rampUpDaysWeek(week date: String) -> Scenario {
    var s = daysWeek(maxDays: 2)
    s.week = date
    s.participants[0].capacity = Capacity()
    s.participants[0].pathway = Pathway(start: "2026-09-07", rampUp: [RampUpStep(fromWeek: 1, maxDays: 1), RampUpStep(fromWeek: 5, maxDays: 2)])
    return s
}

@Test func h4TheRampUpsStepIsTheDaysCapOfThisWeekOfThePathway() {
    // Week 2 of the pathway: one day, the dearer B.
    let early = solve(rampUpDaysWeek(week: "2026-09-14"))
    #expect(lines(early) == ["p tue am B"])
    #expect(RosterVerification(scenario: rampUpDaysWeek(week: "2026-09-14"), roster: early).isValid)
    // Week 5: two days, both shifts — a roster the checker refuses for week 2.
    let later = solve(rampUpDaysWeek(week: "2026-10-05"))
    #expect(lines(later) == ["p mon am A", "p tue am B"])
    #expect(!RosterVerification(scenario: rampUpDaysWeek(week: "2026-09-14"), roster: later).isValid)
}

@Test func h4TwoDaysAllowBothDays() {
    let r = solve(daysWeek(maxDays: 2))
    #expect(lines(r) == ["p mon am A", "p tue am B"])
    #expect(unmet(r).isEmpty)
}

@Test func h5ARoomierShiftTakesBoth() {
    let r = solve(shiftCapWeek(max: 2))
    #expect(lines(r) == ["p mon am A", "q mon am A"])
}

@Test func h5AShiftLeftOpenIsWorked() {
    let a = Activity(id: "A", supervisionRatio: 0, open: [OpenBlock(min: 1, max: 1)])
    let r = solve(week([person("p", min: 8, target: 8)], [a]))
    #expect(lines(r) == ["p mon am A", "p mon pm A"])
}

@Test func h6WithTheSkillBothWork() {
    let r = solve(hygieneWeek(qLevel: 1))
    #expect(lines(r) == ["p mon am A", "q mon am A"])
    #expect(unmet(r).isEmpty)
}

@Test func h7WithoutTheRestrictionBothWork() {
    var a = activity("A", min: 2, max: 2)
    a.tags = ["heavy-lifting"]
    let r = solve(week([person("p"), person("q")], [a]))
    #expect(lines(r) == ["p mon am A", "q mon am A"])
}

@Test func h8WithTwoLearnersPerMentorAllThreeWork() {
    let roster = solve(mentoringWeek(ratio: 2))
    #expect(lines(roster) == ["p mon am A", "q mon am A", "r mon am A"])
    #expect(unmet(roster).isEmpty)
}

@Test func h9AtTwoPerSupervisorBothWork() {
    let r = solve(supervisionWeek(ratio: 2))
    #expect(lines(r) == ["p mon am A", "q mon am A"])
    #expect(unmet(r).isEmpty)
}

@Test func h9ASupervisorOfTheActivityOpensTheShift() {
    let r = solve(week([person("p")], [activity("A", ratio: 8)], supervisors: [Supervisor(id: "marc", activities: ["A"])]))
    #expect(lines(r) == ["p mon am A"])
    #expect(r.supervision == [Roster.SupervisionEntry(supervisor: "marc", day: .mon, slot: "am", activity: "A")])
}

@Test func h10TwoSeatsTakeBoth() {
    let r = solve(seatsWeek(seats: 2))
    #expect(lines(r) == ["p mon am training T", "q mon am training T"])
}

@Test func h10AGroupOfTwoRuns() {
    let r = solve(groupWeek(qMax: 8))
    #expect(lines(r) == ["p mon am training T", "p mon pm training T", "q mon am training T", "q mon pm training T"])
}

@Test func h10WithThePrerequisiteBothAttend() {
    let r = solve(prerequisiteWeek(qLevel: 1))
    #expect(lines(r) == ["p mon am training T", "p mon pm training T", "q mon am training T", "q mon pm training T"])
}

@Test func h11WithoutAvoidTheyShare() {
    let roster = solve(avoidWeek(avoid: false))
    #expect(lines(roster) == ["p mon am A", "q mon am A"])
}

@Test func h12WithoutThePinThePriorityShiftIsCovered() {
    let r = solve(week([person("p")], [activity("A", priority: 2), activity("B", min: 0)]))
    #expect(lines(r) == ["p mon am A"])
}
