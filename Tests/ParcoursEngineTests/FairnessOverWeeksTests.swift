// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fairness over weeks, solved: four weeks in a row of the same small week, where the preferences
// alone give all the plonge to the same person every week, and fairness over weeks spreads it.

import Foundation
import Testing
import ParcoursHistory
import ParcoursScenario
@testable import ParcoursEngine

/// Monday and Tuesday, two 4-hour slots: plonge and cuisine each need exactly one person in each
/// of the four periods, and ana and ben work all four (16 h, exactly). Both dislike the plonge;
/// ben likes the cuisine. Per period, ana in the plonge costs 4 − 4 = 0 (her dislike, his like),
/// ben in it 4 (his dislike, no like): the preferences alone put ana in the plonge all week.
private func plongeWeek(_ date: String, fairness: Double) -> Scenario {
    var ana = person("ana", min: 16, max: 16, target: 16), ben = person("ben", min: 16, max: 16, target: 16)
    ana.dislikes = ["plonge"]
    ben.dislikes = ["plonge"]; ben.likes = ["cuisine"]
    var s = week([ana, ben], [activity("plonge", slots: ["am", "pm"]), activity("cuisine", slots: ["am", "pm"])], days: [.mon, .tue],
                 weights: Weights(fairness: fairness))
    s.week = date
    return s
}

/// Each person's plonge hours, week by week, solving and publishing four weeks in a row.
private func plongeHours(fairness: Double) throws -> (ana: [Int], ben: [Int], rosters: [(Scenario, Roster)]) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-fairness-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = try History(path: dir.appendingPathComponent("parcours.db").path)
    var ana: [Int] = [], ben: [Int] = [], rosters: [(Scenario, Roster)] = []
    for date in ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"] {
        let s = plongeWeek(date, fairness: fairness)
        let applied = Fairness.applying(try Fairness.shares(s, history: history), to: s)
        let roster = solve(applied)
        #expect(roster.status == .optimal)
        try history.publish(applied, roster)
        let plonge = roster.assignments.filter { $0.place == .activity("plonge") }
        ana.append(plonge.filter { $0.participant == "ana" }.count * 4)
        ben.append(plonge.filter { $0.participant == "ben" }.count * 4)
        rosters.append((applied, roster))
    }
    return (ana, ben, rosters)
}

@Test func withoutFairnessOverWeeksTheSamePersonGetsTheDislikedWorkEveryWeek() throws {
    let (ana, ben, rosters) = try plongeHours(fairness: 0)
    #expect(ana == [16, 16, 16, 16] && ben == [0, 0, 0, 0])
    // Off, the week is the contract's: no fairness term, none in the roster's JSON.
    #expect(rosters.allSatisfy { $0.0.fairness == nil && $0.1.terms?.values[.fairness] == nil })
    #expect(!rosters[1].1.json(timing: false).contains("fairness"))
}

@Test func fairnessOverWeeksSpreadsTheDislikedWork() throws {
    let (ana, ben, rosters) = try plongeHours(fairness: 1)
    // Week 2: ana had 16 h of plonge a week, ben −16 (16 h of liked cuisine): ana's weight 16, the
    // plonge goes to ben. Week 3, over two weeks: ana 8, ben 0, average 4: ana's weight 4 still
    // outweighs ben's 1 an hour of dislike and lost like. Week 4, over three: 16/3 each, no weight.
    #expect(ana == [16, 0, 0, 16] && ben == [0, 16, 16, 0])
    #expect(ana.reduce(0, +) == 32 && ben.reduce(0, +) == 32)
    #expect(rosters.map { $0.0.fairness?.weight(of: "ana") } == [0, 16, 4, 0])
    // The term is reported (0 in week 1, with no week before), recomputed by the checker, and the
    // objective is the sum of the seven terms.
    for (s, roster) in rosters {
        #expect(roster.terms?.values[.fairness] == 0)
        #expect(roster.json(timing: false).contains("\"stability\": 0, \"fairness\": 0}"))
        let verification = RosterVerification(scenario: s, roster: roster)
        #expect(verification.isValid, "\(verification.violations) \(verification.mismatches)")
    }
    // Week 3 checked against the week without fairness: ana in the plonge would cost her weight 4 an hour.
    let (s3, r3) = rosters[2]
    var anaInPlonge = r3
    anaInPlonge.assignments = r3.assignments.map { a in
        var a = a
        a.participant = a.participant == "ana" ? "ben" : "ana"
        return a
    }
    #expect(RosterCheck(s3).check(anaInPlonge.assignments, anaInPlonge.supervision).terms[.fairness] == 4 * 16)
    // The objective's step stays exact with the weights.
    #expect(try RosterModel(scenario: s3).objectiveStep != nil)
}
