// SPDX-License-Identifier: GPL-3.0-or-later
//
// The history of published weeks on a hand-checked week: Monday and Tuesday, a 4-hour morning
// and a 3.25-hour afternoon, a kitchen and a training on Tuesday afternoon.
//   amina  mon am kitchen, mon pm kitchen, tue pm haccp   10.5 h; kitchen goal 8 h, gets 4 + 3.25 = 7.25
//   bruno  mon am kitchen                                  4 h; haccp goal (3.25 h) not met

import Foundation
import Testing
import ParcoursRoster
import ParcoursScenario
@testable import ParcoursHistory

private func week(_ start: String? = "2026-11-23") -> Scenario {
    Scenario(
        name: "Atelier – semaine \(start ?? "?")",
        week: start,
        calendar: Calendar(days: [.mon, .tue], slots: [
            Slot(id: "am", start: "08:00", end: "12:00", hours: 4),
            Slot(id: "pm", start: "13:00", end: "16:15", hours: 3.25),
        ]),
        participants: [
            Participant(id: "amina", name: "Amina K.", hours: HoursBand(min: 10, max: 16, target: 12),
                        goals: [Goal(.activity("kitchen", hours: 8))]),
            Participant(id: "bruno", hours: HoursBand(min: 10, max: 16, target: 12), goals: [Goal(.training("haccp"))]),
        ],
        activities: [Activity(id: "kitchen", supervisionRatio: 0, open: [OpenBlock(min: 1, max: 3)])],
        trainings: [Training(id: "haccp", seats: 4, sessions: [TimeRef(day: .tue, slot: "pm")])]
    )
}

private func roster(_ scenario: Scenario, _ lines: [(String, Day, String, Roster.Assignment.Place)], status: Roster.Status = .feasible) -> Roster {
    var r = Roster(scenario: scenario.name, status: status, solver: Roster.SolverInfo(name: "GLPK", version: "5.0", seconds: 0.1))
    r.objective = status == .infeasible ? nil : 100
    r.assignments = lines.map { Roster.Assignment(participant: $0.0, day: $0.1, slot: $0.2, place: $0.3) }
    return r
}

private let firstRoster: [(String, Day, String, Roster.Assignment.Place)] = [
    ("amina", .mon, "am", .activity("kitchen")), ("amina", .mon, "pm", .activity("kitchen")),
    ("amina", .tue, "pm", .training("haccp")), ("bruno", .mon, "am", .activity("kitchen")),
]

/// A history in a new temporary directory, removed after `body`.
private func withHistory(_ body: (History, String) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-history-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("parcours.db").path
    try body(try History(path: path), path)
}

@Test func aPublishedWeekReadsBackWithItsHoursGoalsAndTrainings() throws {
    try withHistory { history, _ in
        let s = week()
        let published = try history.publish(s, roster(s, firstRoster))
        #expect(published == PublishedWeek(week: "2026-11-23", scenario: s.name, status: "feasible", objective: 100,
                                           assignments: 4, participants: 2))
        #expect(try history.weeks() == [published])
        let weeks = try history.pathways()
        #expect(weeks.map(\.participant) == ["amina", "bruno"])
        #expect(weeks[0] == ParticipantWeek(week: "2026-11-23", participant: "amina", name: "Amina K.", hours: 10.5,
                                            minimum: 10, target: 12, maximum: 16,
                                            goals: [GoalWeek(kind: .activity, subject: "kitchen", asked: 8, achieved: 7.25)],
                                            trainings: ["haccp"]))
        #expect(weeks[1].hours == 4 && weeks[1].trainings.isEmpty)
        #expect(weeks[1].goals == [GoalWeek(kind: .training, subject: "haccp", asked: 3.25, achieved: 0)])
    }
}

@Test func publishingAWeekAgainReplacesIt() throws {
    try withHistory { history, _ in
        let s = week()
        try history.publish(s, roster(s, firstRoster))
        try history.publish(s, roster(s, [("bruno", .tue, "pm", .training("haccp"))]))
        #expect(try history.weeks().map(\.assignments) == [1])
        let weeks = try history.pathways()
        #expect(weeks.map(\.hours) == [0, 3.25])
        #expect(weeks[1].trainings == ["haccp"] && weeks[1].goals.allSatisfy(\.isMet))
    }
}

@Test func twoWeeksAreTwoWeeksOfEachPathwayOldestFirst() throws {
    try withHistory { history, path in
        let later = week("2026-11-30"), earlier = week()
        try history.publish(later, roster(later, [("amina", .mon, "am", .activity("kitchen"))]))
        try history.publish(earlier, roster(earlier, firstRoster))
        #expect(try history.weeks().map(\.week) == ["2026-11-23", "2026-11-30"])
        let amina = try history.pathways(participant: "amina")
        #expect(amina.map(\.week) == ["2026-11-23", "2026-11-30"] && amina.map(\.hours) == [10.5, 4])
        // The goal summed over the weeks: 7.25 + 4 of 8 + 8 h.
        #expect(Progress.cumulated(amina) == [GoalWeek(kind: .activity, subject: "kitchen", asked: 16, achieved: 11.25)])
        // The file opened again (the migrator finds it up to date) holds the same.
        #expect(try History(path: path).pathways(participant: "amina") == amina)
    }
}

@Test func aWeekWithoutItsFirstDayIsRefusedWithAFix() throws {
    try withHistory { history, _ in
        let s = week(nil)
        let error = #expect(throws: HistoryError.self) { try history.publish(s, roster(s, firstRoster)) }
        #expect(error?.fix.contains("week: YYYY-MM-DD") == true)
        let weeks = try history.weeks()
        #expect(weeks.isEmpty)
    }
}

@Test func aRosterWithoutAssignmentsToPublishIsRefusedAndThePreviousWeekStays() throws {
    try withHistory { history, _ in
        let s = week()
        try history.publish(s, roster(s, firstRoster))
        #expect(throws: HistoryError.self) { try history.publish(s, roster(s, [], status: .infeasible)) }
        #expect(try history.weeks().map(\.assignments) == [4])
    }
}

@Test func aFileThatIsNotAHistoryIsAnErrorNamingIt() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-history-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("notes.db").path
    try "not a database, only some notes\n".write(toFile: path, atomically: true, encoding: .utf8)
    let error = #expect(throws: HistoryError.self) { _ = try History(path: path) }
    #expect(error?.path == path && error?.fix.isEmpty == false)
}

@Test func progressAsTextAndCSVShowsEachWeekAndTheSumOfTheGoals() throws {
    try withHistory { history, _ in
        let earlier = week(), later = week("2026-11-30")
        try history.publish(earlier, roster(earlier, firstRoster))
        try history.publish(later, roster(later, [("amina", .mon, "am", .activity("kitchen"))]))
        let progress = Progress(try history.pathways())
        let text = progress.text
        #expect(text.contains("Amina K. (amina)\n  2026-11-23  10.5 h of 10–16 h (target 12); goals: kitchen 7.25/8 h (short); trainings: haccp\n"))
        #expect(text.contains("  over 2 weeks: 14.5 h against a target of 24 h; goals: kitchen 11.25/16 h (short)\n"))
        #expect(text.contains("bruno\n  2026-11-23  4 h of 10–16 h (target 12); goals: training haccp not attended\n"))
        let rows = progress.csv().dropFirst().split(separator: "\r\n").map(String.init)
        #expect(rows.first == Progress.columns.joined(separator: ","))
        #expect(rows.contains("2026-11-23,amina,Amina K.,10.5,10,12,16,activity,kitchen,8,7.25,haccp"))
        #expect(rows.count == 1 + 4)
    }
}

/// amina's pathway asks 32 h in the kitchen by Friday 2026-12-18: four weeks from 2026-11-23.
private func pathwayWeek(_ start: String) -> Scenario {
    var s = week(start)
    s.participants[0].pathway = Pathway(start: "2026-11-23", goals: [PathwayGoal(.activity("kitchen"), hours: 32, by: "2026-12-18")])
    return s
}

@Test func aPathwayGoalAsksTheShareLeftOverTheWeeksLeftAndMoreAfterAWeekThatFellBehind() throws {
    try withHistory { history, _ in
        // Week 1, nothing published: 32 h over 4 weeks, at 1 + 1/4 of the weight.
        let first = try PathwayGoals.shares(pathwayWeek("2026-11-23"), history: history)
        #expect(first.map(\.hours) == [8] && first.map(\.weight) == [1.25] && first.map(\.weeksLeft) == [4])
        // Week 1 published without the kitchen: week 2 asks 32 h over 3 weeks, 10.67 rounded up to 10.75.
        let one = pathwayWeek("2026-11-23")
        try history.publish(one, roster(one, [("amina", .tue, "pm", .training("haccp"))]))
        let second = try PathwayGoals.shares(pathwayWeek("2026-11-30"), history: history)
        #expect(second.map(\.achieved) == [0] && second.map(\.hours) == [10.75])
        // Week 2 published with 11.25 h of kitchen: week 3 asks the 20.75 h left over 2 weeks.
        let two = pathwayWeek("2026-11-30")
        try history.publish(two, roster(two, [("amina", .mon, "am", .activity("kitchen")), ("amina", .mon, "pm", .activity("kitchen")),
                                               ("amina", .tue, "am", .activity("kitchen"))]))
        let third = try PathwayGoals.shares(pathwayWeek("2026-12-07"), history: history)
        #expect(third.map(\.achieved) == [11.25] && third.map(\.hours) == [10.5] && third.map(\.weight) == [1.5])
        #expect(third[0].text == "amina: kitchen 32 h by 2026-12-18: 11.25 h so far, 20.75 h in 2 weeks left: 10.5 h this week (weight 1.5)")
        // The share becomes one more weekly goal of hers; after the date, nothing is asked.
        let applied = PathwayGoals.applying(third, to: pathwayWeek("2026-12-07"))
        #expect(applied.participants[0].goals.last == Goal(.activity("kitchen", hours: 10.5), weight: 1.5,
                                                           plan: PathwayGoal(.activity("kitchen"), hours: 32, by: "2026-12-18")))
        let late = try PathwayGoals.shares(pathwayWeek("2026-12-21"), history: history)
        #expect(late.map(\.hours) == [0] && late[0].text.contains("the date has passed"))
        #expect(PathwayGoals.applying(late, to: pathwayWeek("2026-12-21")).participants[0].goals.count == 1)
    }
}

@Test func progressAsHTMLHasAChartPerPersonAndEscapesTheirNames() throws {
    try withHistory { history, _ in
        var earlier = week(), later = week("2026-11-30")
        earlier.participants[0].name = "<b>Amina</b> & Co"
        later.participants[0].name = "<b>Amina</b> & Co"
        try history.publish(earlier, roster(earlier, firstRoster))
        try history.publish(later, roster(later, [("amina", .mon, "am", .activity("kitchen"))]))
        let html = Progress(try history.pathways()).html()
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("&lt;b&gt;Amina&lt;/b&gt; &amp; Co (amina)") && !html.contains("<b>Amina"))
        // A bar per week, labelled by its day and month.
        #expect(html.contains(">11-23<") && html.contains(">11-30<"))
        #expect(html.contains("over 2 weeks"))
        #expect(Progress(try history.pathways()).html() == html)
    }
}
