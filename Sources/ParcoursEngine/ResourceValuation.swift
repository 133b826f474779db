// SPDX-License-Identifier: GPL-3.0-or-later
//
// What one more resource is worth: one more supervisor half-day, one more period on a
// participant's weekly maximum, one more training seat, one more person able to do an activity.
// Candidates come from the explanations of the roster (a short shift that supervision bound, a
// person at their maximum who could have filled it, a full training someone wanted, a free
// person who lacked the skill), ranked first by a cheap estimate (what the shortfall they target
// costs); the best few are then re-solved with the extra unit, under the engine's work limit so
// the values are the same on every machine.

import ParcoursScenario
import ParcoursExplain

public struct ResourceValuation: Sendable {
    /// Re-solves at most (besides the week itself).
    public var candidates = 5
    /// Each re-solve: a work limit (nodes, then rounds) with a time limit as a safety net.
    public var options: EngineOptions

    public init() {
        options = EngineOptions(timeLimit: 5)
        options.nodeLimit = 200
        options.effort = 2
        options.threads = 1
    }

    struct Option {
        var kind: ResourceValue.Kind
        var resource: String
        var estimate: Double
        var add: (inout Scenario) -> Void
    }

    /// The ranked values, best first; empty when nothing is short.
    public func values(_ scenario: Scenario, _ roster: Roster, explanations: Explanations) -> [ResourceValue] {
        let options = Array(self.options(scenario, roster, explanations)
            .sorted { $0.estimate != $1.estimate ? $0.estimate > $1.estimate : $0.resource < $1.resource }.prefix(candidates))
        guard !options.isEmpty else { return [] }
        let engine = RosterEngine()
        let base = engine.solve(scenario, options: self.options)
        guard let baseObjective = base.objective else { return [] }
        let values = options.compactMap { option -> ResourceValue? in
            var trial = scenario
            option.add(&trial)
            let solved = engine.solve(trial, options: self.options)
            guard let objective = solved.objective else { return nil }
            let proven = base.status == .optimal && solved.status == .optimal
            return ResourceValue(kind: option.kind, resource: option.resource, objectiveGain: baseObjective - objective,
                                 coveredHours: unmetHours(base, scenario) - unmetHours(solved, trial), estimate: !proven)
        }
        return values.sorted {
            $0.objectiveGain != $1.objectiveGain ? $0.objectiveGain > $1.objectiveGain
                : $0.coveredHours != $1.coveredHours ? $0.coveredHours > $1.coveredHours : $0.resource < $1.resource
        }
    }

    func unmetHours(_ roster: Roster, _ scenario: Scenario) -> Double {
        roster.unmet.reduce(0) { $0 + Double($1.missing) * (scenario.calendar.period(day: $1.day, slot: $1.slot)?.hours ?? 0) }
    }

    /// Every candidate unit, with the cost of the shortfall it targets as its estimate.
    func options(_ scenario: Scenario, _ roster: Roster, _ explanations: Explanations) -> [Option] {
        var result: [Option] = []
        var seen = Set<String>()
        func offer(_ o: Option) { if seen.insert(o.resource).inserted { result.append(o) } }
        let busy = Set(roster.assignments.map { "\($0.participant) \($0.day.rawValue) \($0.slot)" })
        for shift in explanations.shifts {
            guard let a = scenario.activities.firstIndex(where: { $0.id == shift.activity }),
                  let t = scenario.calendar.period(day: shift.day, slot: shift.slot) else { continue }
            let activity = scenario.activities[a]
            let value = scenario.weights.coverage * activity.priority * t.hours
            let ratio = scenario.supervisionRatio(activity)
            if shift.binding?.kind == .supervision {
                offer(Option(kind: .supervisorHalfDay, resource: "one more supervisor of \(shift.activityName) on \(t)",
                             estimate: value * Double(min(shift.missing, ratio))) { s in
                    s.supervisors.append(Supervisor(id: "extra.\(activity.id).\(t.day.rawValue).\(t.slot)", activities: [activity.id],
                                                    availability: .only([TimeRef(day: t.day, slot: t.slot)])))
                })
            }
            // Where supervision bound, more hours or skills would not help without a supervisor.
            guard shift.binding?.kind != .supervision else { continue }
            for c in shift.candidates.filter({ $0.reason.kind == .weeklyMax }).prefix(2) {
                guard let p = scenario.participants.firstIndex(where: { $0.id == c.participant }) else { continue }
                offer(Option(kind: .weeklyMax, resource: "\(JSON.number(t.hours)) more hours on \(Self.named(c.name, c.participant))'s weekly maximum",
                             estimate: value) { s in s.participants[p].hours.max += t.hours })
            }
            if let c = shift.candidates.first(where: { $0.reason.kind == .requirement && !busy.contains("\($0.participant) \(t.day.rawValue) \(t.slot)") }),
               let p = scenario.participants.firstIndex(where: { $0.id == c.participant }) {
                let needs = activity.requires.sorted { $0.key < $1.key }
                offer(Option(kind: .qualifiedPerson, resource: "\(Self.named(c.name, c.participant)) able to work in \(shift.activityName) ("
                             + needs.map { "\($0.key) level \($0.value)" }.joined(separator: ", ") + ")", estimate: value) { s in
                    for (skill, level) in needs where s.participants[p].level(skill) < level { s.participants[p].skills[skill] = level }
                })
            }
        }
        for (k, training) in scenario.trainings.enumerated() {
            let enrolled = roster.enrollments.first { $0.training == training.id }?.participants ?? []
            guard enrolled.count >= training.seats, training.seats > 0 else { continue }
            let hours = scenario.sessionPeriods(training).reduce(0) { $0 + $1.hours }
            let wanting = scenario.participants.flatMap { p in
                p.goals.filter { $0.kind == .training(training.id) && !enrolled.contains(p.id) }.map(\.weight)
            }
            guard let best = wanting.max() else { continue }
            offer(Option(kind: .trainingSeat, resource: "one more seat in \(Self.named(training.name ?? training.id, training.id))",
                         estimate: scenario.weights.goals * best * hours) { s in s.trainings[k].seats += 1 })
        }
        return result
    }

    static func named(_ name: String, _ id: String) -> String { Naming.named(name, id) }
}

/// The whole explanation of a week: what the roster shows, why an infeasible week is, and what
/// one more resource would be worth.
public struct WeekExplainer: Sendable {
    /// Re-solve the week with one more unit of each of a few resources.
    public var resources = true
    public var valuation = ResourceValuation()
    public var conflicts = ConflictExplainer()
    /// Replanning: the published states before this period are kept (`--freeze-before`), in the
    /// conflict search and in the re-solves.
    public var frozenBefore: Period?

    public init() {}

    public func explain(_ scenario: Scenario, _ roster: Roster, locations: ScenarioLocations = ScenarioLocations()) -> Explanations {
        var explanations = RosterExplainer.explain(scenario, roster)
        if roster.status == .infeasible {
            explanations.conflicts = conflicts.conflicts(scenario, frozenBefore: frozenBefore, locations: locations)
        }
        if resources && roster.hasSolution {
            var valuation = self.valuation
            valuation.options.frozenBefore = frozenBefore
            explanations.resources = valuation.values(scenario, roster, explanations: explanations)
        }
        return explanations
    }
}
