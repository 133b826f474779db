// SPDX-License-Identifier: GPL-3.0-or-later
//
// Deliberately infeasible weeks, one per kind of conflict (issue #12): each loads (validate warns
// at most), the engine finds no roster, and `ConflictExplainer` reports exactly the planted rules —
// a conflict (every other rule relaxed, still no roster) and a minimal one (relaxing any one of
// them gives a roster) — each with the line where it is written and a fix.

import Foundation
import Testing
import ParcoursScenario
import ParcoursExplain
@testable import ParcoursEngine

/// A planted week written to a file and loaded as `parcours` loads it.
private func planted(_ yaml: String, _ name: String) throws -> LoadedScenario {
    let file = NSTemporaryDirectory() + "parcours-conflict-\(name)-\(ProcessInfo.processInfo.processIdentifier).yaml"
    try yaml.write(toFile: file, atomically: true, encoding: .utf8)
    return try ScenarioLoader.read(file: file)
}

/// The line of `yaml` (from 1) holding `needle`.
private func line(_ needle: String, in yaml: String) -> Int? {
    yaml.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
}

/// The conflict reported for a planted week, after checking that the engine finds no roster and
/// that the reported set is a conflict and a minimal one.
private func reportedConflict(_ loaded: LoadedScenario, frozenBefore: Period? = nil) -> [ConflictItem] {
    var options = EngineOptions(timeLimit: 30)
    options.frozenBefore = frozenBefore
    #expect(solve(loaded.scenario, options).status == .infeasible)
    let explainer = ConflictExplainer()
    let conflicts = explainer.conflicts(loaded.scenario, frozenBefore: frozenBefore, locations: loaded.locations)
    let (week, tried) = explainer.instances(loaded.scenario, frozenBefore: frozenBefore)
    let rules = tried.flatMap { $0.members.isEmpty ? [$0] : $0.members }   // a frozen period, person by person
    let core = conflicts.compactMap { c in rules.first { $0.text == c.text } }
    #expect(core.count == conflicts.count && !core.isEmpty)
    // A conflict: every other rule relaxed, there is still no roster.
    var alone = week
    for r in rules where !conflicts.contains(where: { $0.text == r.text }) { r.relax(&alone) }
    #expect(explainer.feasible(alone) == false)
    // Minimal: relaxing any one of its rules too gives a roster (and so does relaxing it alone in the week).
    for r in core {
        var relaxed = alone
        r.relax(&relaxed)
        #expect(explainer.feasible(relaxed) == true, "\(r.text)")
        var inWeek = week
        r.relax(&inWeek)
        #expect(explainer.feasible(inWeek) == true, "\(r.text)")
    }
    return conflicts
}

// MARK: One week per kind

private let noMentorYAML = """
parcours: 1
name: a beginner pinned where nobody can mentor
calendar: {days: [mon]}
skills: [{id: four}]
participants:
  - id: p21
    name: Léa M.
    hours: {min: 0, max: 8}
    fixed: [{day: mon, slot: am, activity: boulangerie}]
  - id: p22
    hours: {min: 0, max: 8}
    skills: {four: 1}
activities:
  - id: boulangerie
    supervision_ratio: 0
    mentoring: {skill: four, level: 2, ratio: 2}
    open: [{days: all, slots: all, min: 0, max: 3}]

"""

@Test func aPinnedBeginnerWithNoMentorPossible() throws {
    // H8: nobody has four level 2, so a beginner may never be in the bakery; Léa is pinned there.
    let loaded = try planted(noMentorYAML, "mentor")
    let conflicts = reportedConflict(loaded)
    #expect(conflicts.map(\.rule) == ["H12", "H8"])
    #expect(conflicts.map(\.text) == ["Léa M. (p21) is pinned to boulangerie on mon am.",
                                      "boulangerie takes at most 2 people below four level 2 per person at or above it."])
    #expect(conflicts.map { $0.location?.line } == [line("fixed: [{day: mon, slot: am, activity: boulangerie}]", in: noMentorYAML),
                                                    line("mentoring:", in: noMentorYAML)])
    #expect(conflicts.map(\.fix) == ["unpin Léa M. (p21) from boulangerie on mon am", "pin a mentor (four 2) to boulangerie on mon am too"])
}

private let belowMinimumYAML = """
parcours: 1
name: a class that cannot reach its minimum
calendar: {days: [tue]}
skills: [{id: fr}]
participants:
  - id: p07
    name: Tesfay A.
    hours: {min: 0, max: 8}
    skills: {fr: 1}
    fixed: [{training: fle}]
  - id: p08
    hours: {min: 0, max: 8}
trainings:
  - id: fle
    seats: 8
    min_participants: 2
    prerequisites: {fr: 1}
    sessions: [{day: tue, slot: pm}]

"""

@Test func aPinnedEnrolmentInATrainingBelowItsMinimum() throws {
    // H10: the class runs only with two; the only other person lacks its prerequisite.
    let loaded = try planted(belowMinimumYAML, "minimum")
    let conflicts = reportedConflict(loaded)
    #expect(conflicts.map(\.rule) == ["H12", "H10"])
    #expect(conflicts.map(\.text) == ["Tesfay A. (p07) is pinned to the training fle.", "fle runs only with at least 2 participants."])
    #expect(conflicts.map { $0.location?.line } == [line("fixed: [{training: fle}]", in: belowMinimumYAML),
                                                    line("min_participants: 2", in: belowMinimumYAML)])
    #expect(conflicts.map(\.fix) == ["unpin Tesfay A. (p07) from fle", "lower the min_participants of fle"])
}

private let avoidYAML = """
parcours: 1
name: two who avoid each other pinned to one class
calendar: {days: [tue]}
participants:
  - id: p09
    name: Ahmad S.
    hours: {min: 0, max: 8}
    avoid: [p10]
    fixed: [{training: fle}]
  - id: p10
    name: Yonas T.
    hours: {min: 0, max: 8}
    fixed: [{training: fle}]
trainings:
  - {id: fle, seats: 8, sessions: [{day: tue, slot: pm}]}

"""

@Test func twoWhoAvoidEachOtherPinnedToOneTraining() throws {
    // H11 applies to trainings too (validate only sees it for a shift).
    let loaded = try planted(avoidYAML, "avoid")
    let conflicts = reportedConflict(loaded)
    #expect(conflicts.map(\.rule) == ["H12", "H12", "H11"])
    #expect(conflicts.map(\.text) == ["Ahmad S. (p09) is pinned to the training fle.", "Yonas T. (p10) is pinned to the training fle.",
                                      "Ahmad S. (p09) and Yonas T. (p10) avoid each other: never in the same activity or training at once."])
    #expect(conflicts[2].location?.line == line("avoid: [p10]", in: avoidYAML))
    #expect(conflicts[2].location?.column == 13)  // the id p10 in the list
    #expect(conflicts[2].fix == "pin Ahmad S. (p09) or Yonas T. (p10) elsewhere")
}

private let supervisorHoursYAML = """
parcours: 1
name: two pinned half-days and a supervisor with four hours
calendar: {days: [mon]}
participants:
  - id: p13
    name: Paul D.
    hours: {min: 0, max: 8}
    fixed: [{day: mon, slot: am, activity: boulangerie}, {day: mon, slot: pm, activity: boulangerie}]
supervisors:
  - {id: k01, name: Anne, activities: [boulangerie], max_hours: 4}
activities:
  - {id: boulangerie, open: [{days: all, slots: all, min: 0, max: 3}]}

"""

@Test func twoPinnedHalfDaysAndASupervisorWithFourHours() throws {
    // H2 for a supervisor: Anne can run one of the two pinned half-days, not both.
    let loaded = try planted(supervisorHoursYAML, "supervisor-hours")
    let conflicts = reportedConflict(loaded)
    #expect(conflicts.map(\.rule) == ["H12", "H12", "H9", "H2", "H9"])
    #expect(conflicts.map(\.text) == [
        "Paul D. (p13) is pinned to boulangerie on mon am.", "Paul D. (p13) is pinned to boulangerie on mon pm.",
        "boulangerie on mon am needs a supervisor for every 8 participants, and only Anne (k01) can supervise it.",
        "the supervisor Anne (k01) supervises at most 4 h a week.",
        "boulangerie on mon pm needs a supervisor for every 8 participants, and only Anne (k01) can supervise it.",
    ])
    #expect(conflicts[3].location?.line == line("max_hours: 4", in: supervisorHoursYAML))
    #expect(conflicts[3].fix == "raise the max_hours of Anne (k01)")
}

// MARK: Caps, with a published morning kept (`--freeze-before`)

/// One person pinned in the afternoon of a week whose published morning is kept; `capacity` and
/// `hours` set the cap that breaks.
private func frozenMorningYAML(hours: String, capacity: String, pin: String = "{day: mon, slot: pm, activity: epicerie}") -> String {
    """
    parcours: 1
    name: a published morning kept and a pin after it
    calendar: {days: [mon, tue]}
    participants:
      - id: p12
        name: Christophe L.
        hours: \(hours)
        capacity: \(capacity)
        fixed: [\(pin)]
    activities:
      - {id: epicerie, supervision_ratio: 0, open: [{days: all, slots: all, min: 0, max: 3}]}
      - {id: cuisine, supervision_ratio: 0, open: [{days: all, slots: all, min: 0, max: 3}]}
    baseline:
      - {participant: p12, day: mon, slot: am, activity: cuisine}

    """
}

private let keptMorning = "Christophe L. (p12)'s published assignment to cuisine on mon am is kept (frozen before mon pm)."

@Test func aPinPastTheDailyCapAfterAFrozenMorning() throws {
    let yaml = frozenMorningYAML(hours: "{min: 0, max: 16}", capacity: "{max_hours_per_day: 4}")
    let loaded = try planted(yaml, "daily-cap")
    let monPM = try #require(loaded.scenario.calendar.period(day: .mon, slot: "pm"))
    // Without the freeze the morning may change: no conflict.
    #expect(solve(loaded.scenario).status != .infeasible)
    #expect(ConflictExplainer().conflicts(loaded.scenario).isEmpty)
    let conflicts = reportedConflict(loaded, frozenBefore: monPM)
    #expect(conflicts.map(\.rule) == ["H12", "frozen", "H3"])
    #expect(conflicts.map(\.text) == ["Christophe L. (p12) is pinned to epicerie on mon pm.", keptMorning,
                                      "Christophe L. (p12) works at most 4 h a day."])
    #expect(conflicts.map { $0.location?.line } == [line("fixed:", in: yaml), line("- {participant: p12", in: yaml), line("capacity:", in: yaml)])
    #expect(conflicts[1].fix == "freeze before mon am instead (--freeze-before mon.am), so that it can change")
    #expect(conflicts[2].fix == "raise Christophe L. (p12)'s capacity.max_hours_per_day")
}

@Test func aPinPastTheWeeklyMaximumAfterAFrozenMorning() throws {
    let yaml = frozenMorningYAML(hours: "{min: 0, max: 4}", capacity: "{max_hours_per_day: 8}")
    let loaded = try planted(yaml, "weekly-max")
    let conflicts = reportedConflict(loaded, frozenBefore: loaded.scenario.calendar.period(day: .mon, slot: "pm"))
    #expect(conflicts.map(\.rule) == ["H12", "frozen", "H2"])
    #expect(conflicts[1].text == keptMorning)
    #expect(conflicts[2].text == "Christophe L. (p12) works at most 4 h a week (hours.max).")
    #expect(conflicts[2].location?.line == line("hours:", in: yaml))
    #expect(conflicts[2].fix == "raise Christophe L. (p12)'s hours.max")
}

@Test func aPinPastTheDaysCapAfterAFrozenMonday() throws {
    let yaml = frozenMorningYAML(hours: "{min: 0, max: 16}", capacity: "{max_days: 1}", pin: "{day: tue, slot: am, activity: epicerie}")
    let loaded = try planted(yaml, "days-cap")
    let conflicts = reportedConflict(loaded, frozenBefore: loaded.scenario.calendar.period(day: .tue, slot: "am"))
    #expect(conflicts.map(\.rule) == ["H12", "frozen", "H4"])
    #expect(conflicts.map(\.text) == ["Christophe L. (p12) is pinned to epicerie on tue am.",
                                      "Christophe L. (p12)'s published assignment to cuisine on mon am is kept (frozen before tue am).",
                                      "Christophe L. (p12) works at most 1 days (capacity.max_days)."])
    #expect(conflicts[2].fix == "raise Christophe L. (p12)'s capacity.max_days")
}

@Test func aPinInAPublishedIdlePeriodThatIsFrozen() throws {
    // Christophe was idle on Monday afternoon in the published roster; the freeze keeps it.
    let yaml = frozenMorningYAML(hours: "{min: 0, max: 16}", capacity: "{max_hours_per_day: 8}")
    let loaded = try planted(yaml, "idle")
    let conflicts = reportedConflict(loaded, frozenBefore: loaded.scenario.calendar.period(day: .tue, slot: "am"))
    #expect(conflicts.map(\.rule) == ["H12", "frozen"])
    #expect(conflicts[1].text == "Christophe L. (p12) was idle on mon pm in the published roster, which is kept (frozen before tue am).")
    #expect(conflicts[1].fix == "freeze before mon pm instead (--freeze-before mon.pm), so that it can change")
    #expect(conflicts[1].location?.line == line("- id: p12", in: yaml))
}

@Test func explainTakesFreezeBeforeLikeSolve() throws {
    let file = try writeTemporary(frozenMorningYAML(hours: "{min: 0, max: 16}", capacity: "{max_hours_per_day: 4}"), name: "week.yaml")
    let frozen = try parcours(["explain", file, "--freeze-before", "mon.pm"])
    #expect(frozen.status == 2, "\(frozen.stderr)")
    #expect(frozen.stdout.contains("    frozen: \(keptMorning) (\(file):14:5)"), "\(frozen.stdout)")
    #expect(frozen.stdout.contains("Fix: unpin Christophe L. (p12) from epicerie on mon pm, or freeze before mon am instead"))
    // Without the freeze the week has a roster.
    #expect(try parcours(["explain", file, "--no-resources"]).status == 0)
}
