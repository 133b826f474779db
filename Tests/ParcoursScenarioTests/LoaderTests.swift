// SPDX-License-Identifier: GPL-3.0-or-later
//
// One small valid scenario per feature of contract §1–3, each loading to the expected values.

import Foundation
import Testing
@testable import ParcoursScenario

/// A minimal valid header plus `body`.
func scenarioText(_ body: String, header: String = "parcours: 1\nname: Test\n") -> String { header + body }

func load(_ body: String) throws -> Scenario {
    try ScenarioLoader.load(yaml: scenarioText(body), file: "test.yaml")
}

/// The errors of a text that must not load.
func errors(_ text: String, file: String = "test.yaml", variants: [Variant] = []) -> [ScenarioDiagnostic] {
    do {
        _ = try ScenarioLoader.load(yaml: text, file: file, variants: variants)
        return []
    } catch {
        return error.errors
    }
}

@Suite struct LoadingEachFeature {
    @Test func minimalScenarioTakesEveryDefault() throws {
        let s = try load("")
        #expect(s.name == "Test")
        #expect(s.calendar == Calendar())
        #expect(s.calendar.slots.map(\.hours) == [4, 4])
        #expect(s.rules == Rules(supervisionRatio: 8, maxHoursPerDay: 8))
        #expect(s.weights == Weights(coverage: 100, contract: 50, goals: 10, target: 2, preference: 1, stability: 5))
        #expect(s.participants.isEmpty && s.baseline == nil && s.week == nil)
    }

    @Test func jsonIsAcceptedAsYAML() throws {
        let s = try ScenarioLoader.load(yaml: #"{"parcours": 1, "name": "J", "participants": [{"id": "p1", "hours": 10}]}"#)
        #expect(s.participants.map(\.hours) == [HoursBand(exactly: 10)])
    }

    @Test func weekAndTimesReadTheSameQuotedOrNot() throws {
        let a = try load("week: 2026-11-23\ncalendar: {slots: [{id: am, start: 08:00, end: 12:00}]}\n")
        let b = try load("week: \"2026-11-23\"\ncalendar: {slots: [{id: am, start: \"08:00\", end: \"12:00\"}]}\n")
        #expect(a == b)
        #expect(a.week == "2026-11-23" && a.calendar.slots == [Slot(id: "am", start: "08:00", end: "12:00", hours: 4)])
    }

    @Test func slotHoursDefaultToEndMinusStartUnlessGiven() throws {
        let s = try load("""
        calendar:
          days: [mon, wed, sat]
          slots:
            - {id: am, start: "08:00", end: "11:30"}
            - {id: pm, start: "13:00", end: "16:30", hours: 3.25}
        """)
        #expect(s.calendar.days == [.mon, .wed, .sat])
        #expect(s.calendar.slots.map(\.hours) == [3.5, 3.25])
        #expect(s.calendar.periods.count == 6)
    }

    @Test func rulesAndWeightsOverrideDefaultsOneByOne() throws {
        let s = try load("rules: {supervision_ratio: 6}\nweights: {coverage: 150, stability: 0}\n")
        #expect(s.rules == Rules(supervisionRatio: 6, maxHoursPerDay: 8))
        #expect(s.weights.coverage == 150 && s.weights.stability == 0 && s.weights.contract == 50)
    }

    @Test func hoursShorthandAndBandWithTargetDefaultingToMin() throws {
        let s = try load("""
        participants:
          - {id: a, hours: 26}
          - {id: b, hours: {min: 20, max: 26}}
          - {id: c, hours: {min: 20, max: 26, target: 24}}
        """)
        #expect(s.participants.map(\.hours) == [HoursBand(exactly: 26), HoursBand(min: 20, max: 26, target: 20),
                                                HoursBand(min: 20, max: 26, target: 24)])
    }

    @Test func participantWithEveryField() throws {
        let s = try load("""
        skills: [{id: cuisine, name: Cuisine}, {id: hygiene}]
        activities:
          - {id: cuisine, open: [{days: all, slots: all, min: 0, max: 2}]}
          - {id: jardin, open: [{days: all, slots: all, min: 0, max: 2}]}
        trainings:
          - {id: haccp, seats: 4, sessions: [{day: thu, slot: pm}]}
        participants:
          - id: p01
            name: "Amina K."
            hours: {min: 8, max: 16, target: 12}
            capacity: {max_hours_per_day: 4, max_days: 3}
            availability:
              unavailable: [{day: tue, slot: am, reason: "rendez-vous CIP"}, {day: wed}]
            skills: {cuisine: 2, hygiene: 1}
            restrictions: [heavy-lifting]
            goals:
              - {activity: cuisine, hours: 8}
              - {skill: hygiene, hours: 4, weight: 2}
              - {training: haccp}
            preferences: {likes: [jardin], dislikes: [cuisine]}
            avoid: [p02]
            fixed: [{day: mon, slot: am, activity: cuisine}, {training: haccp}]
          - {id: p02, hours: 10}
        """)
        let p = s.participants[0]
        #expect(p.name == "Amina K.")
        #expect(p.capacity == Capacity(maxHoursPerDay: 4, maxDays: 3))
        #expect(p.availability == .except([TimeRef(day: .tue, slot: "am", reason: "rendez-vous CIP"), TimeRef(day: .wed)]))
        #expect(p.skills == ["cuisine": 2, "hygiene": 1])
        #expect(p.restrictions == ["heavy-lifting"])
        #expect(p.goals == [Goal(.activity("cuisine", hours: 8)), Goal(.skill("hygiene", hours: 4), weight: 2), Goal(.training("haccp"))])
        #expect(p.likes == ["jardin"] && p.dislikes == ["cuisine"] && p.avoid == ["p02"])
        #expect(p.fixed == [FixedItem(place: .activity("cuisine"), day: .mon, slot: "am"), FixedItem(place: .training("haccp"))])
        #expect(s.skills == [Skill(id: "cuisine", name: "Cuisine"), Skill(id: "hygiene")])
        #expect(s.maxHoursPerDay(s.participants[1]) == 8 && s.maxDays(s.participants[1]) == 5)
    }

    @Test func availabilityWhitelistAndShorthands() throws {
        let s = try load("""
        participants:
          - {id: a, hours: 8, availability: {available: [{day: mon}, tue.am, thu]}}
        """)
        #expect(s.participants[0].availability == .only([TimeRef(day: .mon), TimeRef(day: .tue, slot: "am"), TimeRef(day: .thu)]))
        let mondayPM = s.calendar.period(day: .mon, slot: "pm")!, tuesdayPM = s.calendar.period(day: .tue, slot: "pm")!
        #expect(s.participants[0].availability.allows(mondayPM))
        #expect(!s.participants[0].availability.allows(tuesdayPM))
    }

    @Test func supervisorsWithAndWithoutCap() throws {
        let s = try load("""
        activities: [{id: cuisine, open: [{days: all, slots: all, min: 0, max: 2}]}]
        supervisors:
          - {id: marc, name: Marc, activities: [cuisine], availability: {unavailable: [fri]}, max_hours: 35}
          - {id: lea, activities: [cuisine]}
        """)
        #expect(s.supervisors[0] == Supervisor(id: "marc", name: "Marc", activities: ["cuisine"],
                                               availability: .except([TimeRef(day: .fri)]), maxHours: 35))
        #expect(s.supervisors[1].maxHours == nil && s.supervisors[1].availability == .always)
    }

    @Test func activityWithEveryFieldAndLaterOpenBlocksWinning() throws {
        let s = try load("""
        skills: [{id: cuisine}, {id: hygiene}]
        activities:
          - id: cuisine
            name: "Cuisine – repas traiteur"
            site: atelier
            tags: [heavy-lifting, food]
            develops: [cuisine, hygiene]
            requires: {hygiene: 1}
            mentoring: {skill: cuisine, level: 2, ratio: 3}
            supervision_ratio: 0
            priority: 2
            open:
              - {days: all, slots: all, min: 2, max: 6}
              - {days: [fri], slots: [am], min: 5, max: 8}
              - {days: [wed], slots: all, min: 0, max: 0}
        """)
        let a = s.activities[0]
        #expect(a.site == "atelier" && a.tags == ["heavy-lifting", "food"] && a.develops == ["cuisine", "hygiene"])
        #expect(a.requires == ["hygiene": 1] && a.mentoring == Mentoring(skill: "cuisine", level: 2, ratio: 3))
        #expect(s.supervisionRatio(a) == 0 && a.priority == 2)
        let c = s.calendar
        #expect(a.demand(in: c.period(day: .mon, slot: "am")!) == ShiftDemand(min: 2, max: 6))
        #expect(a.demand(in: c.period(day: .fri, slot: "am")!) == ShiftDemand(min: 5, max: 8))
        #expect(a.demand(in: c.period(day: .fri, slot: "pm")!) == ShiftDemand(min: 2, max: 6))
        #expect(a.demand(in: c.period(day: .wed, slot: "am")!) == nil)
    }

    @Test func trainingWithEveryField() throws {
        let s = try load("""
        skills: [{id: hygiene}, {id: francais}]
        trainings:
          - id: haccp
            name: HACCP
            teaches: [hygiene]
            seats: 8
            min_participants: 3
            prerequisites: {francais: 1}
            sessions: [{day: thu, slot: pm}, {day: tue, slot: pm}]
        """)
        let k = s.trainings[0]
        #expect(k == Training(id: "haccp", name: "HACCP", teaches: ["hygiene"], seats: 8, minParticipants: 3,
                              prerequisites: ["francais": 1], sessions: [TimeRef(day: .thu, slot: "pm"), TimeRef(day: .tue, slot: "pm")]))
        #expect(s.sessionPeriods(k).map(\.description) == ["tue pm", "thu pm"])
    }

    @Test func inlineBaseline() throws {
        let s = try load("""
        activities: [{id: cuisine, open: [{days: all, slots: all, min: 0, max: 2}]}]
        trainings: [{id: haccp, seats: 4, sessions: [{day: thu, slot: pm}]}]
        participants: [{id: p01, hours: 8}]
        baseline:
          - {participant: p01, day: mon, slot: am, activity: cuisine}
          - {participant: p01, day: thu, slot: pm, training: haccp}
        """)
        #expect(s.baseline == [BaselineEntry(participant: "p01", day: .mon, slot: "am", place: .activity("cuisine")),
                               BaselineEntry(participant: "p01", day: .thu, slot: "pm", place: .training("haccp"))])
    }

    @Test func baselineFromARosterFileRelativeToTheScenario() throws {
        let dir = try temporaryDirectory()
        try #"{"format": "parcours.roster/1", "scenario": "Test", "status": "optimal", "assignments": [{"participant": "p01", "day": "tue", "slot": "pm", "activity": "cuisine"}]}"#
            .write(toFile: dir + "/published.json", atomically: true, encoding: .utf8)
        try scenarioText("""
        activities: [{id: cuisine, open: [{days: all, slots: all, min: 0, max: 2}]}]
        participants: [{id: p01, hours: 8}]
        baseline: published.json
        """).write(toFile: dir + "/week.yaml", atomically: true, encoding: .utf8)
        let s = try ScenarioLoader.load(file: dir + "/week.yaml")
        #expect(s.baseline == [BaselineEntry(participant: "p01", day: .tue, slot: "pm", place: .activity("cuisine"))])
    }

    @Test func skillsShorthandListOfIds() throws {
        #expect(try load("skills: [cuisine, hygiene]\n").skills == [Skill(id: "cuisine"), Skill(id: "hygiene")])
    }

    @Test func summaryCountsShiftsAndHours() throws {
        let s = try load("""
        activities: [{id: cuisine, open: [{days: all, slots: [am], min: 1, max: 2}]}]
        participants: [{id: p01, hours: {min: 4, max: 12}, capacity: {max_days: 2}}]
        supervisors: [{id: marc, activities: [cuisine], max_hours: 10}]
        """)
        let summary = ScenarioSummary(s)
        #expect(summary.shifts == 5)
        #expect(summary.demandedHours == 20 && summary.shiftCapacityHours == 40)
        #expect(summary.availableHours == 12)       // 2 days × 8 h, capped by the contract's 12 h
        #expect(summary.supervisorHours == 10)
        #expect(summary.text.contains("5 open shifts"))
    }
}

func temporaryDirectory() throws -> String {
    let dir = NSTemporaryDirectory() + "parcours-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

@Suite struct PlannerDocumentation {
    /// The YAML examples of docs/scenario-format.md: the scenario loads, the ramp-up gives the
    /// capacity the guide says, and the variant applies to the scenario.
    @Test func examplesLoad() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
        let blocks = page.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 3)
        let scenario = try ScenarioLoader.load(yaml: blocks[0], file: "example.yaml")
        #expect(scenario.participants.count == 2 && scenario.activities.count == 2 && scenario.calendar.slots[1].hours == 3.25)
        // "a week dated 2026-10-05 is p07's week 5, so p07 works at most 4 days of 6 h".
        let rampUp = try ScenarioLoader.load(yaml: "parcours: 1\nname: R\nweek: 2026-10-05\nparticipants:\n" + blocks[1], file: "ramp-up.yaml")
        #expect(rampUp.maxDays(rampUp.participants[0]) == 4 && rampUp.maxHoursPerDay(rampUp.participants[0]) == 6)
        let variant = try ScenarioLoader.variant(yaml: blocks[2])
        let changed = try ScenarioLoader.load(yaml: blocks[0], file: "example.yaml", variants: [variant])
        #expect(changed.participants.map(\.id) == ["p01", "p31"])
        #expect(changed.participants[0].avoid.isEmpty)
        #expect(changed.rules.supervisionRatio == 10 && changed.weights.coverage == 200)
    }
}
