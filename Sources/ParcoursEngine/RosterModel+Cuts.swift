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

    /// The most hours p's possible periods of a day reach under their daily cap (8 h of 3.75 h
    /// slots: 7.5 h); the cap itself when a slot is not in quarter hours.
    func reachableDailyCap(_ p: Int, day d: Int) -> Double {
        let limit = scenario.maxHoursPerDay(scenario.participants[p])
        return reachableDailyHours(p, day: d, cap: limit)?.hours.last ?? limit
    }

    /// The periods of day d in which p can be occupied (not fixed either way).
    func possiblePeriods(_ p: Int, day d: Int) -> [Period] {
        index.periods.filter { $0.dayIndex == d && !occupancy(p, $0).isConstant }
    }

    /// The most hours whole periods reach under p's weekly maximum (22 h of 4 h slots: 20 h); the
    /// maximum itself when a slot is not in quarter hours.
    func weeklyCap(_ p: Int) -> Double {
        let most = scenario.participants[p].hours.max
        return reachableWeeklyHours(p)?.hours.last.map { min($0, most) } ?? most
    }

    /// The totals p can reach on a day: sums of that day's possible periods within `cap`. Nil when
    /// a slot is not in quarter hours.
    func reachableDailyHours(_ p: Int, day d: Int, cap: Double) -> ReachableHours? {
        let possible = possiblePeriods(p, day: d).map(\.hours)
        return ReachableHours.subsetSums(possible, atMost: cap)
    }
}

extension RosterModel {
    /// A daily cap counts hours, but people work whole periods: with a 4 h cap, a 4 h morning and a
    /// 3.75 h afternoon, p works one of the two (`am + pm ≤ 1`), where the hours row alone allows
    /// half of each. For every set S of a day's periods that the cap cannot hold all of, the number
    /// of S's periods p is occupied in is at most the most that fit, k(S) (the smallest first), times
    /// works(p,d) where the days cap made one: a cover inequality of the cap's knapsack. Only sets
    /// that no larger set with the same k contains, and only where the hours row does not already
    /// say it (periods of one length, which `roundRowsOverIntegers` rounds). Days of more than
    /// `coverPeriodsAtMost` possible periods are left to the hours row.
    mutating func addDailyCoverCuts() throws(ModelError) {
        for (p, participant) in scenario.participants.enumerated() {
            for (d, day) in scenario.calendar.days.enumerated() {
                let periods = possiblePeriods(p, day: d)
                guard periods.count >= 2, periods.count <= Self.coverPeriodsAtMost,
                      Set(periods.map(\.hours)).count > 1 else { continue }
                let covers = Self.dailyCovers(hours: periods.map(\.hours), cap: reachableDailyCap(p, day: d))
                for (n, cover) in covers.enumerated() {
                    var lhs = LinearExpression()
                    for i in cover.members { lhs.add(occupancy(p, periods[i])) }
                    let name = HardRule.dailyCap.constraintName(participant.id, day.rawValue, "cover\(n + 1)")
                    if let w = worksOnDay[p][d] {
                        try model.add(lhs - Double(cover.most) * w <= 0, name: name)
                    } else {
                        try model.add(lhs <= Double(cover.most), name: name)
                    }
                }
            }
        }
    }

    /// Days with more possible periods than this get no cover cuts (2^n sets).
    static let coverPeriodsAtMost = 6

    /// The sets of periods (indices into `hours`) that `cap` cannot hold all of, each with the most
    /// of its periods that fit (its smallest first): only the sets no larger set with the same most
    /// contains.
    static func dailyCovers(hours: [Double], cap: Double) -> [(members: [Int], most: Int)] {
        let n = hours.count
        var most = [Int](repeating: 0, count: 1 << n)
        for mask in 1..<(1 << n) {
            let sorted = (0..<n).filter { mask & (1 << $0) != 0 }.map { hours[$0] }.sorted()
            var total = 0.0, k = 0
            for h in sorted where total + h <= cap + 1e-9 { total += h; k += 1 }
            most[mask] = k
        }
        var covers: [(members: [Int], most: Int)] = []
        for mask in 1..<(1 << n) where most[mask] < mask.nonzeroBitCount {
            let dominated = (0..<n).contains { i in mask & (1 << i) == 0 && most[mask | (1 << i)] == most[mask] }
            guard !dominated else { continue }
            covers.append(((0..<n).filter { mask & (1 << $0) != 0 }, most[mask]))
        }
        return covers
    }
}

extension RosterModel {
    /// The weekly cap counts hours, but people work whole periods: under 20 h of 3.5 h afternoons and
    /// 4 h mornings, p works at most 5 periods, where the hours row alone allows 5.7 of the short
    /// ones. The periods p is occupied in number at most K(p), the most of p's possible periods that
    /// fit the weekly cap (the smallest first) with each day's under the daily cap, on at most
    /// max_days days; likewise a supervisor's shifts under their max_hours. Only where the hours row
    /// alone allows more (a cardinality cut of the weekly cap's knapsack: the relaxation's bound
    /// rose from 29534 to 31758 on a 45-person week of 3.5 h afternoons, as SCIP's own cuts of
    /// this kind take it).
    mutating func addWeeklyPeriodCuts() throws(ModelError) {
        for (p, participant) in scenario.participants.enumerated() {
            let cap = weeklyCap(p)
            var days: [[Double]] = []
            var lhs = LinearExpression()
            for d in scenario.calendar.days.indices {
                let periods = possiblePeriods(p, day: d)
                for t in periods { lhs.add(occupancy(p, t)) }
                days.append(periods.map(\.hours))
            }
            guard let most = Self.mostPeriods(days: days, weeklyCap: cap, dailyCap: { reachableDailyCap(p, day: $0) },
                                               maxDays: scenario.maxDays(participant)) else { continue }
            try model.add(lhs <= Double(most), name: HardRule.weeklyHours.constraintName(participant.id, "periods"))
        }
        for (s, supervisor) in scenario.supervisors.enumerated() {
            guard let cap = supervisor.maxHours else { continue }
            let periods = index.periods.filter { !supervisionsAt[s][$0.index].isEmpty }
            guard let most = Self.mostPeriods(days: [periods.map(\.hours)], weeklyCap: cap, dailyCap: { _ in .infinity }, maxDays: 1) else { continue }
            let all = supervisionsAt[s].flatMap { $0 }
            try model.add(LinearExpression(sum: all.map { (supervisions[$0].variable, 1.0) }) <= Double(most),
                          name: HardRule.weeklyHours.constraintName(supervisor.id, "periods"))
        }
    }

    /// The most periods of `days` (each day's periods' hours) whose hours fit `weeklyCap`, each day's
    /// within `dailyCap(day)`, on at most `maxDays` days; nil when the weekly cap alone, relaxed,
    /// allows no more than that (the smallest periods first, the last one in part).
    static func mostPeriods(days: [[Double]], weeklyCap: Double, dailyCap: (Int) -> Double, maxDays: Int) -> Int? {
        let tolerance = 1e-9
        var relaxed = 0.0, left = weeklyCap
        for h in days.flatMap({ $0 }).sorted() where left > tolerance {
            relaxed += min(1, left / h)
            left -= min(h, left)
        }
        // fewest[j][c]: the fewest hours of c periods on j days (the smallest of each day's first).
        let none = Double.infinity
        let total = days.map(\.count).reduce(0, +)
        var fewest = [[Double]](repeating: [Double](repeating: none, count: total + 1), count: maxDays + 1)
        fewest[0][0] = 0
        for (d, hours) in days.enumerated() {
            var options: [(count: Int, hours: Double)] = []
            var sum = 0.0
            for (c, h) in hours.sorted().enumerated() {
                sum += h
                guard sum <= dailyCap(d) + tolerance else { break }
                options.append((c + 1, sum))
            }
            guard !options.isEmpty else { continue }
            for j in stride(from: maxDays - 1, through: 0, by: -1) {
                for c in stride(from: total, through: 0, by: -1) where fewest[j][c] < none {
                    for option in options where c + option.count <= total {
                        fewest[j + 1][c + option.count] = min(fewest[j + 1][c + option.count], fewest[j][c] + option.hours)
                    }
                }
            }
        }
        var most = 0
        for row in fewest { for (c, h) in row.enumerated() where h <= weeklyCap + tolerance { most = max(most, c) } }
        return Double(most) < relaxed - 1e-6 ? most : nil
    }
}
