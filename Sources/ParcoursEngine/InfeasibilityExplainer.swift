// SPDX-License-Identifier: GPL-3.0-or-later
//
// Why a week has no valid roster, in plain words.
//
// Without pinned items the empty roster is always valid (every demand, minimum and goal is a soft
// term), so infeasibility always comes from `fixed` items (or frozen published periods). The
// explainer first looks for the usual causes person by person and shift by shift; if none shows,
// it searches a smallest set of pinned items that cannot hold together (a deletion filter).

import Modelling
import ParcoursScenario

struct InfeasibilityExplainer {
    let solver: any Solver
    /// At most this many pinned items are tried one by one.
    var maximumItems = 40

    func explain(_ scenario: Scenario, frozenBefore: Period?) -> String {
        let reasons = obviousConflicts(scenario)
        if !reasons.isEmpty {
            return "No roster can satisfy every hard rule: " + reasons.joined(separator: "; ") + "."
        }
        let items = scenario.participants.indices.flatMap { p in scenario.participants[p].fixed.indices.map { (p, $0) } }
        if frozenBefore != nil, feasible(scenario, keeping: [], frozenBefore: frozenBefore) == false {
            return "The published assignments before the frozen period cannot be kept under today's rules; "
                + "freeze fewer periods or correct the baseline."
        }
        guard !items.isEmpty, items.count <= maximumItems else {
            return "No roster can satisfy every hard rule together with the \(items.count) pinned (fixed) items; "
                + "remove some fixed items and solve again to see which ones conflict."
        }
        var core = items
        for item in items {
            let trial = core.filter { $0 != item }
            if feasible(scenario, keeping: trial, frozenBefore: frozenBefore) == false { core = trial }
        }
        let described = core.map { describe(scenario.participants[$0.0], scenario.participants[$0.0].fixed[$0.1]) }
        return "No roster can satisfy every hard rule: these pinned items cannot all hold together: "
            + described.joined(separator: "; ") + ". Unpin one of them, or relax the capacity, availability "
            + "or supervision that stands in the way."
    }

    /// Solves the week with only the listed pinned items and a zero objective.
    private func feasible(_ scenario: Scenario, keeping items: [(Int, Int)], frozenBefore: Period?) -> Bool? {
        var trial = scenario
        for p in trial.participants.indices {
            let keep = Set(items.filter { $0.0 == p }.map(\.1))
            trial.participants[p].fixed = scenario.participants[p].fixed.enumerated().filter { keep.contains($0.offset) }.map(\.element)
        }
        trial.weights = Weights(coverage: 0, contract: 0, goals: 0, target: 0, preference: 0, stability: 0)
        guard let built = try? RosterModel(scenario: trial, frozenBefore: frozenBefore) else { return nil }
        if !built.impossible.isEmpty { return false }
        let result = solver.solve(built.model, options: SolveOptions(timeLimit: 10))
        switch result.termination {
        case .infeasible: return false
        case _ where result.solution != nil: return true
        default: return nil
        }
    }

    private func describe(_ p: Participant, _ item: FixedItem) -> String {
        switch item.place {
        case .activity(let a): return "\(p.id) in \(a) on \(item.day?.rawValue ?? "?") \(item.slot ?? "?")"
        case .training(let k): return "\(p.id) enrolled in \(k)"
        }
    }

    /// Conflicts visible without a solver: a person's pinned hours, days and periods, a shift's
    /// pinned people against its max and its possible supervisors, seats, avoid pairs.
    func obviousConflicts(_ scenario: Scenario) -> [String] {
        let index = WeekIndex(scenario)
        var reasons: [String] = []
        var pinnedInShift: [Int: [String]] = [:]
        var pinnedInTraining: [Int: [String]] = [:]
        for participant in scenario.participants {
            var periods: [Int: String] = [:]
            func occupy(_ t: Period, _ what: String) {
                if let other = periods[t.index] {
                    reasons.append("\(participant.id) is pinned to both \(other) and \(what) on \(t)")
                }
                periods[t.index] = what
            }
            for item in participant.fixed {
                switch item.place {
                case .activity(let id):
                    guard let d = item.day, let s = item.slot, let t = index.period(d, s) else { continue }
                    occupy(t, id)
                    if let a = index.activityIndex[id], let si = index.shiftAt[a][t.index] { pinnedInShift[si, default: []].append(participant.id) }
                case .training(let id):
                    guard let k = index.trainingIndex[id] else { continue }
                    pinnedInTraining[k, default: []].append(participant.id)
                    for t in index.sessions[k] { occupy(t, id) }
                }
            }
            let pinned = index.periods.filter { periods[$0.index] != nil }
            let total = pinned.reduce(0) { $0 + $1.hours }
            if total > participant.hours.max + 1e-9 {
                reasons.append("\(participant.id)'s pinned items add up to \(JSON.number(total)) h, above their weekly maximum of \(JSON.number(participant.hours.max)) h")
            }
            let cap = scenario.maxHoursPerDay(participant)
            for (d, day) in scenario.calendar.days.enumerated() {
                let h = pinned.filter { $0.dayIndex == d }.reduce(0) { $0 + $1.hours }
                if h > cap + 1e-9 {
                    reasons.append("\(participant.id)'s pinned items on \(day.rawValue) add up to \(JSON.number(h)) h, above their daily cap of \(JSON.number(cap)) h")
                }
            }
            let days = Set(pinned.map(\.dayIndex)).count
            if days > scenario.maxDays(participant) {
                reasons.append("\(participant.id) is pinned on \(days) days, above their cap of \(scenario.maxDays(participant)) days")
            }
        }
        for (si, people) in pinnedInShift.sorted(by: { $0.key < $1.key }) {
            let shift = index.shifts[si]
            let activity = scenario.activities[shift.activity]
            if people.count > shift.max {
                reasons.append("\(people.count) people are pinned to \(activity.id) on \(shift.period), whose maximum is \(shift.max)")
            }
            if shift.ratio > 0 {
                let able = scenario.supervisors.filter { $0.activities.contains(activity.id) && $0.availability.allows(shift.period) }
                if people.count > shift.ratio * able.count {
                    reasons.append("\(people.count) people are pinned to \(activity.id) on \(shift.period), but only \(able.count) supervisor(s) "
                        + "can be there at 1:\(shift.ratio)")
                }
            }
        }
        for (k, people) in pinnedInTraining.sorted(by: { $0.key < $1.key }) where people.count > scenario.trainings[k].seats {
            reasons.append("\(people.count) people are pinned to \(scenario.trainings[k].id), which has \(scenario.trainings[k].seats) seats")
        }
        for participant in scenario.participants {
            for other in participant.avoid where other > participant.id {
                guard let q = index.participantIndex[other] else { continue }
                let mine = Set(participant.fixed.map { "\($0.place)\($0.day?.rawValue ?? "")\($0.slot ?? "")" })
                if scenario.participants[q].fixed.contains(where: { mine.contains("\($0.place)\($0.day?.rawValue ?? "")\($0.slot ?? "")") }) {
                    reasons.append("\(participant.id) and \(other) avoid each other but are pinned to the same place")
                }
            }
        }
        return reasons
    }
}
