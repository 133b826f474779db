// SPDX-License-Identifier: GPL-3.0-or-later
//
// A goal over a pathway, caught up by the engine after a week that fell behind.

import Foundation
import Testing
import ParcoursHistory
import ParcoursScenario
@testable import ParcoursEngine

/// p (no contract minimum or target: working costs 2 an hour off target) and A, open both
/// slots of Monday and Tuesday for one person; p's pathway asks 32 h in A by 2026-12-18.
private func pathwayWeek(_ date: String, aOpen: Bool = true) -> Scenario {
    var p = person("p", max: 16)
    p.pathway = Pathway(start: "2026-11-23", goals: [PathwayGoal(.activity("A"), hours: 32, by: "2026-12-18")])
    var s = week([p], [activity("A", slots: ["am", "pm"], min: 0, max: 1)], days: [.mon, .tue])
    s.week = date
    if !aOpen { s.activities[0].open = [] }
    return s
}

private func hoursInA(_ r: Roster) -> Int { r.assignments.filter { $0.place == .activity("A") }.count * 4 }

@Test func aPathwayGoalThatFellBehindIsCaughtUpTheWeekAfter() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-pathway-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = try History(path: dir.appendingPathComponent("parcours.db").path)
    // On time, week 1 asks 8 h: two slots.
    let onTime = PathwayGoals.applying(try PathwayGoals.shares(pathwayWeek("2026-11-23"), history: history), to: pathwayWeek("2026-11-23"))
    #expect(hoursInA(solve(onTime)) == 8)
    // Week 1 as it went: A closed, nothing done; published.
    let closed = pathwayWeek("2026-11-23", aOpen: false)
    let nothing = solve(closed)
    #expect(nothing.hasSolution && hoursInA(nothing) == 0)
    try history.publish(closed, nothing)
    // Week 2 asks 10.75 h (32 over the 3 weeks left): p works three slots, 12 h.
    let shares = try PathwayGoals.shares(pathwayWeek("2026-11-30"), history: history)
    #expect(shares.map(\.hours) == [10.75])
    let caughtUp = solve(PathwayGoals.applying(shares, to: pathwayWeek("2026-11-30")))
    #expect(caughtUp.status == .optimal && hoursInA(caughtUp) == 12)
    // Without the history, the week is solved as the contract says: no pathway goal, no work.
    #expect(hoursInA(solve(pathwayWeek("2026-11-30"))) == 0)
}

/// p: 12–28 h a week, 20 h on average over 4 weeks; A open every half-day of Monday to Friday for
/// one person, and in week 1 (a big order) needed in seven of them (28 h).
private func contractWeek(_ date: String, bigOrder: Bool) -> Scenario {
    var p = person("p", min: 12, max: 28, target: 20)
    p.pathway = Pathway(start: "2026-11-02", contract: AveragedContract(average: 20, weeks: 4))
    var a = activity("A", slots: ["am", "pm"], min: 0, max: 1)
    if bigOrder {
        a.open = [OpenBlock(days: [.mon, .tue, .wed], slots: ["am", "pm"], min: 1, max: 1),
                  OpenBlock(days: [.thu], slots: ["am"], min: 1, max: 1),
                  OpenBlock(days: [.thu], slots: ["pm"], min: 0, max: 1), OpenBlock(days: [.fri], slots: ["am", "pm"], min: 0, max: 1)]
    }
    var s = week([p], [a], days: [.mon, .tue, .wed, .thu, .fri])
    s.week = date
    return s
}

@Test func theAveragedContractIsHonouredOverFourWeeks() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-contract-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = try History(path: dir.appendingPathComponent("parcours.db").path)
    var hours: [Double] = []
    for (n, date) in ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"].enumerated() {
        let week = contractWeek(date, bigOrder: n == 0)
        let targets = try PathwayGoals.contractTargets(week, history: history)
        let roster = solve(PathwayGoals.applying(targets, to: week))
        #expect(roster.status == .optimal)
        try history.publish(week, roster)
        hours.append(Double(roster.assignments.count) * 4)
    }
    // 28 h in the week of the big order, then 12 (40 − 28 over two weeks), then 20 and 20: 20 on average.
    #expect(hours == [28, 12, 20, 20])
    #expect(hours.reduce(0, +) / 4 == 20)
    // Without the history, each week aims at the band's own target (20 h).
    let alone = solve(contractWeek("2026-11-09", bigOrder: false))
    #expect(alone.assignments.count * 4 == 20)
}

/// p (working costs 2 an hour off a target of 0) and the haccp training on Monday afternoon;
/// p's pathway asks to attend it by 2026-12-18.
private func trainingWeek(_ date: String) -> Scenario {
    var p = person("p", max: 16)
    p.pathway = Pathway(start: "2026-11-23", goals: [PathwayGoal(.training("haccp"), hours: 0, by: "2026-12-18")])
    var s = week([p], [activity("A", min: 0)], days: [.mon],
                 trainings: [Training(id: "haccp", seats: 2, sessions: [TimeRef(day: .mon, slot: "pm")])])
    s.week = date
    return s
}

@Test func aTrainingByADateIsAttendedWhenAskedAndNotAskedOnceAttended() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-training-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = try History(path: dir.appendingPathComponent("parcours.db").path)
    let enrolled = { (r: Roster) in r.assignments.contains { $0.place == .training("haccp") } }
    // Without the history the week is the contract's: no goal, and 4 h off target cost 8: not enrolled.
    #expect(!enrolled(solve(trainingWeek("2026-11-23"))))
    // Asked in week 1 (weight 1.25: missing it costs 10 × 1.25 × 4 = 50): enrolled.
    let s1 = trainingWeek("2026-11-23")
    let asked = PathwayGoals.applying(try PathwayGoals.shares(s1, history: history), to: s1)
    let first = solve(asked)
    #expect(first.status == .optimal && enrolled(first))
    try history.publish(asked, first)
    // Attended: week 2 asks nothing, and the training is left to others.
    let s2 = trainingWeek("2026-11-30")
    let shares = try PathwayGoals.shares(s2, history: history)
    #expect(shares.map(\.attended) == ["2026-11-23"])
    let second = solve(PathwayGoals.applying(shares, to: s2))
    #expect(second.status == .optimal && !enrolled(second))
}
