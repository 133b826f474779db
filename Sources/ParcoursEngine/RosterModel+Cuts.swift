// SPDX-License-Identifier: GPL-3.0-or-later
//
// Cuts that tighten the relaxation of `RosterModel` without removing any roster.

import Modelling
import ParcoursScenario

extension RosterModel {
    // MARK: Tightening (valid for every roster; they only cut the relaxation)

    /// Hours come in whole periods. Over the weekly totals p can reach (per day within the daily cap,
    /// then summed, up to hours.max), the contract and target costs together lie above the lower
    /// convex hull of their values; likewise a goal's shortfall over the hours it can reach. Each hull
    /// edge that the continuous costs undercut becomes a cut.
    mutating func addReachableHoursCuts() throws(ModelError) {
        let wc = scenario.weights.contract, wt = scenario.weights.target
        for (p, participant) in scenario.participants.enumerated() {
            let u = under[p], o = off[p]
            guard (u != nil && wc > 0) || (o != nil && wt > 0), let reach = reachableWeeklyHours(p) else { continue }
            let band = HoursBand(min: participant.hours.min - paid[p], max: participant.hours.max, target: participant.hours.target - paid[p])
            let cost: (Double) -> Double = { h in
                (u != nil ? wc * max(0, band.min - h) : 0) + (o != nil ? wt * abs(h - band.target) : 0)
            }
            let h = hours(p)
            for (n, line) in lowerHullCuts(points: reach.hours, cost: cost, breakpoints: [band.min, band.target]).enumerated() {
                var lhs = -line.slope * h
                if let u { lhs.add(u, times: wc) }
                if let o { lhs.add(o, times: wt) }
                try model.add(lhs >= line.intercept, name: "reach[\(participant.id),\(n + 1)]")
            }
        }
        for goal in goalShortfalls {
            let parts = goal.achieved.merged().map(\.coefficient)
            guard let reach = ReachableHours.subsetSums(parts) else { continue }
            let lines = lowerHullCuts(points: reach.hours, cost: { max(0, goal.needed - $0) }, breakpoints: [goal.needed])
            for (n, line) in lines.enumerated() {
                try model.add(goal.short - line.slope * goal.achieved >= line.intercept,
                              name: "reach[\(scenario.participants[goal.participant].id),goal\(goal.goal + 1),\(n + 1)]")
            }
        }
    }

    /// The weekly totals p can reach: per day, sums of that day's possible periods within the daily
    /// cap; the week, sums over days, within hours.max. Nil when a slot is not in quarter hours.
    func reachableWeeklyHours(_ p: Int) -> ReachableHours? {
        let participant = scenario.participants[p]
        var week = ReachableHours()
        for d in scenario.calendar.days.indices {
            guard let day = reachableDailyHours(p, day: d, cap: scenario.maxHoursPerDay(participant)) else { return nil }
            week = week.plus(day).capped(at: participant.hours.max)
        }
        return week
    }

    /// The totals p can reach on a day: sums of that day's possible periods within `cap`. Nil when
    /// a slot is not in quarter hours.
    func reachableDailyHours(_ p: Int, day d: Int, cap: Double) -> ReachableHours? {
        let possible = index.periods.filter { $0.dayIndex == d && !occupancy(p, $0).isConstant }.map(\.hours)
        return ReachableHours.subsetSums(possible, atMost: cap)
    }
}
