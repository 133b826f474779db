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
