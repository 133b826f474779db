// SPDX-License-Identifier: GPL-3.0-or-later
//
// Each short shift: who could have worked it and why each did not, and whether supervision or
// mentoring was what bound.

import ParcoursScenario
import ParcoursRoster

extension RosterFacts {
    func shiftExplanation(_ a: Int, at t: Period) -> ShiftExplanation {
        let here = Set(people[a][t.index])
        let candidates = scenario.participants.indices.filter { !here.contains($0) }.map { p in
            Candidate(participant: scenario.participants[p].id, name: scenario.participants[p].displayName,
                      reason: whyNot(p, in: a, at: t).reason([t]))
        }
        let able = scenario.supervisors.indices.filter { scenario.supervisors[$0].activities.contains(scenario.activities[a].id) }
        let supervisors = scenario.supervisionRatio(scenario.activities[a]) == 0 ? [] : able.map { s in
            SupervisorWhereabouts(supervisor: scenario.supervisors[s].id, name: scenario.supervisors[s].name ?? scenario.supervisors[s].id,
                                  whereabouts: whereabouts(s, at: t))
        }
        let binding = supervisionBinds(a, at: t)?.reason([t]) ?? candidates.first { $0.reason.kind == .mentoring }?.reason
        return ShiftExplanation(activity: scenario.activities[a].id, activityName: scenario.activities[a].name ?? scenario.activities[a].id,
                                day: t.day, slot: t.slot, min: demand[a][t.index]?.min ?? 0, people: here.count,
                                candidates: candidates, supervisors: supervisors, binding: binding)
    }
}

/// The explanations a roster can carry without the solver: every person, every short shift.
public enum RosterExplainer {
    public static func people(_ scenario: Scenario, _ roster: Roster) -> [PersonExplanation] {
        let facts = RosterFacts(scenario, roster)
        return scenario.participants.indices.map(facts.personExplanation)
    }

    public static func shortShifts(_ scenario: Scenario, _ roster: Roster) -> [ShiftExplanation] {
        let facts = RosterFacts(scenario, roster)
        return facts.shortShifts.map { facts.shiftExplanation($0.activity, at: $0.period) }
    }

    /// People and short shifts of a roster with assignments; nothing for an infeasible one.
    public static func explain(_ scenario: Scenario, _ roster: Roster) -> Explanations {
        guard roster.hasSolution else { return Explanations() }
        return Explanations(people: people(scenario, roster), shifts: shortShifts(scenario, roster))
    }

    /// One sentence on who could have worked a short shift and why they did not, for reports:
    /// e.g. "Not there: Paul (p07) works in plonge; Amina K. (p01) is not available."
    public static func shortShiftSentence(_ scenario: Scenario, _ roster: Roster, activity: String, day: Day, slot: String) -> String? {
        let facts = RosterFacts(scenario, roster)
        guard let a = facts.activityIndex[activity], let t = scenario.calendar.period(day: day, slot: slot) else { return nil }
        let shift = facts.shiftExplanation(a, at: t)
        let relevant = shift.candidates.filter { ![.requirement, .restriction].contains($0.reason.kind) }
        guard !relevant.isEmpty || shift.binding != nil else { return nil }
        var parts = relevant.prefix(6).map(\.reason.text)
        if relevant.count > 6 { parts.append("and \(relevant.count - 6) more.") }
        if let binding = shift.binding, !parts.contains(binding.text) { parts.insert(binding.text, at: 0) }
        return parts.joined(separator: " ")
    }
}
