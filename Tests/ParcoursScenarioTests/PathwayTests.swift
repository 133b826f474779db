// SPDX-License-Identifier: GPL-3.0-or-later
//
// A pathway's ramp-up (an optional field): this week's capacity follows from the week of the
// pathway. p01's pathway starts on Monday 2026-09-07: the week of 2026-09-07 is its week 1,
// 2026-10-05 its week 5, 2026-11-02 its week 9.

import Testing
@testable import ParcoursScenario

private func rampUpWeek(_ week: String?, start: String = "2026-09-07", steps: String = """
        - {from_week: 1, max_days: 2, max_hours_per_day: 4}
        - {from_week: 5, max_days: 4}
        - {from_week: 9, max_days: 5, max_hours_per_day: 7}
""") -> String {
    """
    parcours: 1
    name: Test
    \(week.map { "week: \($0)" } ?? "")
    participants:
      - id: p01
        hours: {min: 8, max: 35}
        capacity: {max_hours_per_day: 6}
        pathway:
          start: \(start)
          ramp_up:
    \(steps)
    """
}

@Test func theRampUpGivesEachWeekOfThePathwayItsStepsCapacity() throws {
    for (week, days, daily) in [("2026-09-07", 2, 4.0), ("2026-10-05", 4, 6.0), ("2026-11-02", 5, 7.0), ("2026-09-28", 2, 4.0)] {
        let s = try ScenarioLoader.load(yaml: rampUpWeek(week))
        let p = s.participants[0]
        #expect(s.maxDays(p) == days, "week of \(week)")
        // Week 5's step names no daily cap: the participant's own capacity (6 h) holds.
        #expect(s.maxHoursPerDay(p) == daily, "week of \(week)")
    }
}

@Test func theWeekOfThePathwayCountsTheSevenDaysHoldingItsStartAsWeekOne() {
    // A pathway that starts on a Wednesday: the week of the Monday before is its week 1.
    let plan = Pathway(start: "2026-09-09")
    #expect(plan.weekNumber(of: "2026-09-07") == 1)
    #expect(plan.weekNumber(of: "2026-09-14") == 2)
    #expect(plan.weekNumber(of: "2026-08-31") == 0)
    #expect(plan.weekNumber(of: "2026-08-24") == -1)
}

@Test func withoutAPathwayTheCapacityIsTheParticipants() throws {
    let s = try ScenarioLoader.load(yaml: "parcours: 1\nname: T\nweek: 2026-10-05\nparticipants:\n  - {id: p01, hours: 20, capacity: {max_days: 3}}\n")
    #expect(s.maxDays(s.participants[0]) == 3 && s.maxHoursPerDay(s.participants[0]) == 8)
}

@Test func aRampUpWithoutTheWeeksDateIsALocatedErrorWithAFix() {
    let found = errors(rampUpWeek(nil))
    let error = found.first { $0.message.contains("needs the week's date") }
    #expect(error?.location?.line == 9)   // the pathway's first line
    #expect(error?.fix?.contains("week: YYYY-MM-DD") == true)
}

@Test func rampUpStepsOutOfOrderAreALocatedError() {
    let found = errors(rampUpWeek("2026-10-05", steps: """
            - {from_week: 5, max_days: 4}
            - {from_week: 1, max_days: 2}
    """))
    let error = found.first { $0.message.contains("must follow each other") }
    #expect(error?.location?.line == 12)   // the second step's from_week
    #expect(error?.value == "1")
}

@Test func aWeekBeforeThePathwayIsAWarningAndLeavesTheCapacityAsWritten() throws {
    let loaded = try ScenarioLoader.read(yaml: rampUpWeek("2026-08-31"), file: "test.yaml", directory: ".", variants: [], baseline: nil)
    #expect(loaded.warnings.contains { $0.message.contains("after this week") && $0.location?.line == 9 })
    #expect(loaded.scenario.maxDays(loaded.scenario.participants[0]) == 5)   // every day of the calendar
    #expect(loaded.scenario.maxHoursPerDay(loaded.scenario.participants[0]) == 6)
}

@Test func aPathwayReadsItsGoalsAndItsAveragedContract() throws {
    let s = try ScenarioLoader.load(yaml: """
        parcours: 1
        name: T
        week: 2026-11-09
        activities: [{id: cuisine, develops: [cuisine]}]
        skills: [{id: cuisine}]
        participants:
          - id: p01
            hours: {min: 20, max: 30}
            pathway:
              start: 2026-09-07
              goals: [{activity: cuisine, hours: 120, by: 2026-12-18}, {skill: cuisine, hours: 40, by: 2027-03-31, weight: 2}]
              contract: {average: 26, weeks: 4}
        """)
    let plan = try #require(s.participants[0].pathway)
    #expect(plan.goals == [PathwayGoal(.activity("cuisine"), hours: 120, by: "2026-12-18"),
                           PathwayGoal(.skill("cuisine"), hours: 40, by: "2027-03-31", weight: 2)])
    #expect(plan.contract == AveragedContract(average: 26, weeks: 4))
    #expect(plan.needsHistory && plan.rampUp.isEmpty)
}

@Test func aPathwayGoalNamingAnUndeclaredActivityIsALocatedError() {
    let found = errors("parcours: 1\nname: T\nparticipants:\n  - id: p01\n    hours: 20\n    pathway:\n      start: 2026-09-07\n"
                       + "      goals: [{activity: cusine, hours: 10, by: 2026-12-18}]\n")
    #expect(found.contains { $0.message.contains("'cusine'") && $0.location?.line == 8 })
}

@Test func aPathwayGoalForATrainingHasADateAndNoHours() throws {
    let s = try ScenarioLoader.load(yaml: """
        parcours: 1
        name: T
        week: 2026-11-09
        trainings: [{id: haccp, seats: 4, sessions: [{day: mon, slot: pm}]}]
        participants:
          - id: p01
            hours: {min: 20, max: 30}
            pathway: {start: 2026-09-07, goals: [{training: haccp, by: 2027-06-30, weight: 2}]}
        """)
    #expect(s.participants[0].pathway?.goals == [PathwayGoal(.training("haccp"), hours: 0, by: "2027-06-30", weight: 2)])
    let head = "parcours: 1\nname: T\nparticipants:\n  - id: p01\n    hours: 20\n    pathway:\n      start: 2026-09-07\n"
    // A training is attended, not counted in hours; an activity's goal needs its hours.
    let withHours = errors(head + "      goals: [{training: haccp, hours: 7, by: 2027-06-30}]\n")
    #expect(withHours.contains { $0.message.contains("not for hours") && $0.location?.line == 8 && $0.fix?.contains("remove `hours`") == true })
    let withoutHours = errors(head + "      goals: [{activity: cuisine, by: 2027-06-30}]\n")
    #expect(withoutHours.contains { $0.message.contains("needs `hours`") && $0.location?.line == 8 })
}

@Test func aPathwayTrainingNotInThisWeeksFileIsAWarningNamingTheLine() throws {
    let loaded = try ScenarioLoader.read(yaml: """
        parcours: 1
        name: T
        week: 2026-11-09
        trainings: [{id: haccp, seats: 4, sessions: [{day: mon, slot: pm}]}]
        participants:
          - id: p01
            hours: {min: 20, max: 30}
            pathway:
              start: 2026-09-07
              goals: [{training: secourisme, by: 2027-06-30}]
        """, file: "test.yaml", directory: ".", variants: [], baseline: nil)
    #expect(loaded.warnings.contains {
        $0.message.contains("names the training 'secourisme', which is not in this week's file: it asks nothing this week") && $0.location?.line == 10
    })
    // In the week's file, no warning.
    let declared = try ScenarioLoader.read(yaml: """
        parcours: 1
        name: T
        trainings: [{id: haccp, seats: 4, sessions: [{day: mon, slot: pm}]}]
        participants:
          - id: p01
            hours: {min: 20, max: 30}
            pathway: {start: 2026-09-07, goals: [{training: haccp, by: 2027-06-30}]}
        """, file: "test.yaml", directory: ".", variants: [], baseline: nil)
    #expect(declared.warnings.isEmpty)
}

@Test func fairnessOverWeeksIsOffUnlessWeighted() throws {
    let base = "parcours: 1\nname: T\nparticipants: [{id: p01, hours: 20}]\n"
    let plain = try ScenarioLoader.load(yaml: base)
    #expect(plain.weights.fairness == 0 && plain.rules.fairnessWeeks == 4 && plain.fairness == nil)
    let weighted = try ScenarioLoader.load(yaml: base + "weights: {fairness: 2}\nrules: {fairness_weeks: 6}\n")
    #expect(weighted.weights.fairness == 2 && weighted.rules.fairnessWeeks == 6)
    // Weighed at the load, the history gives the weights: the file alone sets none.
    #expect(weighted.fairness == nil)
    #expect(errors(base + "rules: {fairness_weeks: 0}\n").contains { $0.message.contains("rules.fairness_weeks") && $0.location?.line == 4 })
}
