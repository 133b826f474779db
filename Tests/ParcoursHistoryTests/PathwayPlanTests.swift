// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the history gives the pathway plans, on hand-checked weeks of Monday and Tuesday (a
// 4-hour morning, a 3.25-hour afternoon): a skill goal counts the training sessions teaching the
// skill, a training by a date is asked until attended, `progress` sums a pathway goal against
// the plan's own figure and shows the ramp-up's capacity step, fairness reads the last weeks.

import Foundation
import Testing
import ParcoursRoster
import ParcoursScenario
@testable import ParcoursHistory

/// amina (pathway from 2026-11-23) and bruno; plonge develops hygiene; the haccp training (Tuesday
/// afternoon, teaching hygiene) is in the week's file only when `haccp`.
private func week(_ start: String, haccp: Bool = true, goals: [PathwayGoal] = [], rampUp: [RampUpStep] = []) -> Scenario {
    var amina = Participant(id: "amina", name: "Amina K.", hours: HoursBand(min: 0, max: 16, target: 8),
                            capacity: Capacity(maxHoursPerDay: 8))
    amina.pathway = Pathway(start: "2026-11-23", rampUp: rampUp, goals: goals)
    return Scenario(
        name: "Atelier \(start)", week: start,
        calendar: Calendar(days: [.mon, .tue], slots: [
            Slot(id: "am", start: "08:00", end: "12:00", hours: 4),
            Slot(id: "pm", start: "13:00", end: "16:15", hours: 3.25),
        ]),
        skills: [Skill(id: "hygiene")],
        participants: [amina, Participant(id: "bruno", hours: HoursBand(min: 0, max: 16, target: 8))],
        activities: [Activity(id: "plonge", develops: ["hygiene"], supervisionRatio: 0, open: [OpenBlock(min: 0, max: 2)]),
                     Activity(id: "kitchen", supervisionRatio: 0, open: [OpenBlock(min: 0, max: 2)])],
        trainings: haccp ? [Training(id: "haccp", teaches: ["hygiene"], seats: 4, sessions: [TimeRef(day: .tue, slot: "pm")])] : []
    )
}

private func roster(_ scenario: Scenario, _ lines: [(String, Day, String, Roster.Assignment.Place)]) -> Roster {
    var r = Roster(scenario: scenario.name, status: .feasible, solver: Roster.SolverInfo(name: "GLPK", version: "5.0", seconds: 0.1))
    r.objective = 0
    r.assignments = lines.map { Roster.Assignment(participant: $0.0, day: $0.1, slot: $0.2, place: $0.3) }
    return r
}

private func withHistory(_ body: (History, String) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-plans-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("parcours.db").path
    try body(try History(path: path), path)
}

@Test func aSkillGoalCountsTheSessionsOfATrainingTeachingTheSkillEvenWhenItIsNoLongerInTheWeeksFile() throws {
    try withHistory { history, _ in
        let hygiene = [PathwayGoal(.skill("hygiene"), hours: 20, by: "2026-12-11")]
        // Week 1: 4 h of plonge (develops hygiene), 3.25 h of the haccp training (teaches it), 4 h of kitchen (neither).
        let one = week("2026-11-23", goals: hygiene)
        try history.publish(one, roster(one, [("amina", .mon, "am", .activity("plonge")), ("amina", .tue, "pm", .training("haccp")),
                                               ("amina", .tue, "am", .activity("kitchen"))]))
        // Week 2's file has no haccp: the history still knows what it taught. 20 − 7.25 = 12.75 h over 2 weeks left.
        let shares = try PathwayGoals.shares(week("2026-11-30", haccp: false, goals: hygiene), history: history)
        #expect(shares.map(\.achieved) == [7.25])
        #expect(shares.map(\.hours) == [6.5])
        // Activities alone: only the plonge.
        #expect(try history.hours(of: "amina", in: ["plonge"], before: "2026-11-30") == 4)
        #expect(try history.hours(of: "amina", in: ["plonge"], teaching: "hygiene", before: "2026-11-30") == 7.25)
        #expect(try history.hours(of: "amina", in: ["plonge"], teaching: "cuisine", before: "2026-11-30") == 4)
    }
}

@Test func aTrainingByADateIsAskedInTheWeeksHoldingItUntilAttended() throws {
    try withHistory { history, _ in
        let haccp = [PathwayGoal(.training("haccp"), hours: 0, by: "2026-12-11", weight: 2)]
        // Week 1 holds the training: asked, with the weight grown for 3 weeks left (2 × 4/3, to a quarter).
        let first = try PathwayGoals.shares(week("2026-11-23", goals: haccp), history: history)
        #expect(first.map(\.hours) == [3.25] && first.map(\.weight) == [2.75] && first.map(\.weeksLeft) == [3])
        #expect(first[0].text == "amina: training haccp by 2026-12-11: not attended yet, 3 weeks left: asked this week (weight 2.75)")
        let applied = PathwayGoals.applying(first, to: week("2026-11-23", goals: haccp))
        #expect(applied.participants[0].goals == [Goal(.training("haccp"), weight: 2.75, plan: haccp[0])])
        // Published without her in it; week 2's file has no haccp: nothing asked, and said so.
        let one = week("2026-11-23", goals: haccp)
        try history.publish(one, roster(one, [("amina", .mon, "am", .activity("kitchen"))]))
        let absent = try PathwayGoals.shares(week("2026-11-30", haccp: false, goals: haccp), history: history)
        #expect(absent.map(\.hours) == [0] && !absent[0].runsThisWeek)
        #expect(absent[0].text == "amina: training haccp by 2026-12-11: not attended yet, and not in this week's file: nothing asked this week")
        #expect(PathwayGoals.applying(absent, to: week("2026-11-30", haccp: false, goals: haccp)).participants[0].goals.isEmpty)
        // Week 2 had it after all, and she attended: week 3 asks nothing.
        let two = week("2026-11-30", goals: haccp)
        try history.publish(two, roster(two, [("amina", .tue, "pm", .training("haccp"))]))
        let done = try PathwayGoals.shares(week("2026-12-07", goals: haccp), history: history)
        #expect(done.map(\.hours) == [0] && done[0].attended == "2026-11-30")
        #expect(done[0].text == "amina: training haccp by 2026-12-11: attended in the week of 2026-11-30, nothing asked")
        #expect(PathwayGoals.applying(done, to: week("2026-12-07", goals: haccp)).participants[0].goals.isEmpty)
    }
}

@Test func progressSumsAPathwayGoalAgainstThePlansFigureAndShowsTheCapacityStep() throws {
    try withHistory { history, _ in
        let kitchen = [PathwayGoal(.activity("kitchen"), hours: 20, by: "2026-12-04"), PathwayGoal(.training("haccp"), hours: 0, by: "2026-12-04")]
        let rampUp = [RampUpStep(fromWeek: 1, maxDays: 2, maxHoursPerDay: 4), RampUpStep(fromWeek: 2, maxDays: 3)]
        // Week 1 asks 10 h of kitchen (20 over 2 weeks) and the training: 4 h of kitchen given, the training attended.
        let one = week("2026-11-23", goals: kitchen, rampUp: rampUp)
        let s1 = PathwayGoals.applying(try PathwayGoals.shares(one, history: history), to: one)
        try history.publish(s1, roster(s1, [("amina", .mon, "am", .activity("kitchen")), ("amina", .tue, "pm", .training("haccp"))]))
        // Week 2 asks the 16 h left: 8 h given.
        let two = week("2026-11-30", goals: kitchen, rampUp: rampUp)
        let s2 = PathwayGoals.applying(try PathwayGoals.shares(two, history: history), to: two)
        #expect(s2.participants[0].goals.map(\.kind) == [.activity("kitchen", hours: 16)])
        try history.publish(s2, roster(s2, [("amina", .mon, "am", .activity("kitchen")), ("amina", .tue, "am", .activity("kitchen"))]))
        let weeks = try history.pathways(participant: "amina")
        #expect(weeks.map(\.capacity) == [CapacityStep(pathwayWeek: 1, maxDays: 2, maxHoursPerDay: 4),
                                          CapacityStep(pathwayWeek: 2, maxDays: 3, maxHoursPerDay: 8)])
        #expect(weeks[0].goals.map(\.planBy) == ["2026-12-04", "2026-12-04"] && weeks[0].goals.map(\.planHours) == [20, nil])
        let text = Progress(try history.pathways()).text
        #expect(text.contains("  2026-11-23  7.25 h of 0–16 h (target 8); goals: kitchen 4/10 h (short), training haccp attended; "
                              + "trainings: haccp; capacity: 2 days, 4 h a day (pathway week 1)\n"))
        #expect(text.contains("  2026-11-30  8 h of 0–16 h (target 8); goals: kitchen 8/16 h (short); capacity: 3 days, 8 h a day (pathway week 2)\n"))
        // The plan's 20 h by its date, not the 26 h of the weekly asks summed; the training once.
        #expect(text.contains("  over 2 weeks: 15.25 h against a target of 16 h; goals: kitchen 12/20 h by 2026-12-04, "
                              + "training haccp by 2026-12-04: attended\n"))
        // bruno has neither plan nor ramp-up: his lines are as before.
        #expect(text.contains("bruno\n  2026-11-23  0 h of 0–16 h (target 8)\n  2026-11-30  0 h of 0–16 h (target 8)\n"))
        let rows = Progress(try history.pathways()).csv().dropFirst().split(separator: "\r\n").map(String.init)
        #expect(rows.first == (Progress.columns + Progress.planColumns + Progress.capacityColumns).joined(separator: ","))
        #expect(rows.contains("2026-11-23,amina,Amina K.,7.25,0,8,16,activity,kitchen,10,4,haccp,20,2026-12-04,1,2,4"))
        #expect(rows.contains("2026-11-30,bruno,,0,0,8,16,,,,,,,,,,"))
    }
}

@Test func aHistoryWrittenBeforeThePathwayPlansIsMigratedOnOpening() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-v1-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("parcours.db").path
    _ = try History(path: path, migratingUpTo: "v1: published weeks")
    let history = try History(path: path)
    let one = week("2026-11-23", rampUp: [RampUpStep(fromWeek: 1, maxDays: 1)])
    try history.publish(one, roster(one, [("amina", .mon, "am", .activity("kitchen"))]))
    #expect(try history.pathways(participant: "amina").map(\.capacity) == [CapacityStep(pathwayWeek: 1, maxDays: 1, maxHoursPerDay: 8)])
}

@Test func fairnessWeighsThoseWhoseLastWeeksHeldMoreDislikedWorkThanTheGroup() throws {
    try withHistory { history, _ in
        var s = week("2026-11-23")
        s.weights.fairness = 1
        s.participants[0].dislikes = ["plonge"]
        s.participants[1].dislikes = ["plonge"]; s.participants[1].likes = ["kitchen"]
        // Week 1: amina 7.25 h of plonge, bruno 7.25 h of kitchen.
        try history.publish(s, roster(s, [("amina", .mon, "am", .activity("plonge")), ("amina", .mon, "pm", .activity("plonge")),
                                          ("bruno", .mon, "am", .activity("kitchen")), ("bruno", .mon, "pm", .activity("kitchen"))]))
        var next = s
        next.week = "2026-11-30"
        // amina +7.25 h a week, bruno −7.25: the average is 0, amina's weight 7.25, bruno's none.
        let shares = try Fairness.shares(next, history: history)
        #expect(shares.map(\.participant) == ["amina", "bruno"] && shares.map(\.perWeek) == [7.25, -7.25] && shares.map(\.weight) == [7.25, 0])
        #expect(shares[0].text == "amina: 7.25 h a week of disliked minus liked work over 1 published week (the group's average: 0 h): weight 7.25")
        #expect(Fairness.applying(shares, to: next).fairness == FairnessOverWeeks(weeks: 4, weights: ["amina": 7.25]))
        // Off (weight 0): nothing read, the scenario unchanged.
        next.weights.fairness = 0
        #expect(try Fairness.shares(next, history: history).isEmpty)
        #expect(Fairness.applying(shares, to: next) == next)
        // Only the last `fairness_weeks` published weeks count: one week of nothing after it, looking back one week.
        next.weights.fairness = 1
        try history.publish(next, roster(next, [("amina", .mon, "am", .activity("kitchen"))]))
        var third = next
        third.week = "2026-12-07"; third.rules.fairnessWeeks = 1
        #expect(try Fairness.shares(third, history: history).map(\.weight) == [0, 0])
        third.rules.fairnessWeeks = 2
        // Over two weeks: amina 3.625 h a week, bruno −3.625: 3.625 to the nearest quarter, half away from zero, is 3.75.
        #expect(try Fairness.shares(third, history: history).map(\.weight) == [3.75, 0])
    }
}
