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
