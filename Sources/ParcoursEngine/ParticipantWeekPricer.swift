// SPDX-License-Identifier: GPL-3.0-or-later
//
// The pricing problem of the decomposition bound, solved exactly by a dynamic programme: given a
// reduced cost for every variable, one participant's cheapest week. GLPK's branch-and-cut needs
// seconds for some of these 30-variable MIPs (shifts of 4 h and 3.5 h with the same value per hour
// leave thousands of equally good weeks to enumerate); the programme takes milliseconds.
//
// A week is built day by day. A day is one choice per period (idle, one of the shifts the
// participant may work then, or the session of a chosen training); what the following days need
// to know of the days before is the hours so far, the days worked so far and each goal's hours so
// far (capped at what the goal asks). The trainings — few, and spanning days — are chosen first,
// each subset in turn. The hard rules kept: one place at a time (H1), weekly hours (H2), the
// daily cap (H3), the days cap (H4), pins and frozen periods (the variables' bounds). The soft
// terms: the contract's, the target's and each goal's shortfall, from the totals at the end.
// Weeks the programme does not cover (many trainings, too many states) are left to the MIP.

import Modelling
import ParcoursScenario

struct ParticipantWeekPricer: Sendable {
    /// Hours and goal hours in ten-thousandths (exact for any hour figure of four decimals).
    private static let scale = 10_000.0
    private static func units(_ hours: Double) -> Int { Int((hours * scale).rounded()) }

    private struct Choice: Sendable {
        var variable: Int
        var hours: Int
        var goals: [Int]
        var pinned: Bool
    }
    private struct Period: Sendable {
        var index: Int
        var day: Int
        var shifts: [Choice]
    }
    private struct Training: Sendable {
        var variable: Int
        var periods: [Int]
        /// Session hours by day.
        var hoursByDay: [Int: Int]
        var goals: [Int]
        var pinned: Bool
    }
    /// A slack: `coefficient × variable` hours of shortfall, the variable whole when `whole`.
    private struct Slack: Sendable {
        var variable: Int
        var coefficient: Double
        var whole: Bool
        func value(forShortfall hours: Double) -> Double {
            let v = max(0, hours) / coefficient
            return whole ? (v - 1e-9).rounded(.up) : v
        }
    }
    private struct Goal: Sendable {
        var slack: Slack
        var needed: Int
    }
    private struct Week: Sendable {
        var days: Int
        var periods: [[Period]]               // by day
        var trainings: [Training]
        var works: [Int?]                     // the days-worked variable of each day, if any
        var maxHours: Int
        var dailyCap: Int
        var maxDays: Int?
        var contract: (slack: Slack, minimum: Double)?
        var target: (slack: Slack, hours: Double)?
        var goals: [Goal]
    }
    private let weeks: [Week?]

    init(_ built: RosterModel) {
        let model = built.model
        func lower(_ v: Variable) -> Double { model.definition(v).lower ?? 0 }
        func upper(_ v: Variable) -> Double { model.definition(v).upper ?? .infinity }
        func slack(_ e: LinearExpression?) -> Slack? {
            guard let e, e.terms.count == 1 else { return nil }
            let t = e.terms[0]
            return Slack(variable: t.variable.index, coefficient: t.coefficient, whole: model.definition(t.variable).kind != .continuous)
        }
        var weeks: [Week?] = []
        let scenario = built.scenario
        for (p, participant) in scenario.participants.enumerated() {
            let goalsOfP = built.goalShortfalls.filter { $0.participant == p }
            // Daily limits by kind of work are rows the programme does not keep: the MIP prices those weeks.
            guard participant.limits.isEmpty, goalsOfP.allSatisfy({ slack($0.short) != nil }),
                  built.under[p] == nil || slack(built.under[p]) != nil, built.off[p] == nil || slack(built.off[p]) != nil else {
                weeks.append(nil)
                continue
            }
            let contributions = goalsOfP.map { g in
                Dictionary(g.achieved.merged().map { ($0.variable.index, $0.coefficient) }, uniquingKeysWith: +)
            }
            func goalHours(_ v: Variable) -> [Int] { contributions.map { Self.units($0[v.index] ?? 0) } }
            var periods = Array(repeating: [Period](), count: scenario.calendar.days.count)
            for t in built.index.periods {
                let shifts = built.assignmentsAt[p][t.index].map { built.assignments[$0].variable }
                    .filter { upper($0) > 0.5 }
                    .map { Choice(variable: $0.index, hours: Self.units(t.hours), goals: goalHours($0), pinned: lower($0) > 0.5) }
                periods[t.dayIndex].append(Period(index: t.index, day: t.dayIndex, shifts: shifts))
            }
            let trainings = built.enrolmentsOf[p].map { built.enrolments[$0] }.filter { upper($0.variable) > 0.5 }.map { e in
                let sessions = built.index.sessions[e.training]
                var byDay: [Int: Int] = [:]
                for t in sessions { byDay[t.dayIndex, default: 0] += Self.units(t.hours) }
                return Training(variable: e.variable.index, periods: sessions.map(\.index), hoursByDay: byDay,
                                goals: goalHours(e.variable), pinned: lower(e.variable) > 0.5)
            }
            let works = built.worksOnDay[p].map { $0?.index }
            weeks.append(Week(
                days: scenario.calendar.days.count, periods: periods, trainings: trainings, works: works,
                maxHours: Self.units(participant.hours.max), dailyCap: Self.units(scenario.maxHoursPerDay(participant)),
                maxDays: works.contains { $0 != nil } ? scenario.maxDays(participant) : nil,
                // Paid absences count as worked hours: the slacks measure what is left after them.
                contract: slack(built.under[p]).map { ($0, participant.hours.min - built.paid[p]) },
                target: slack(built.off[p]).map { ($0, participant.hours.target - built.paid[p]) },
                goals: goalsOfP.map { Goal(slack: slack($0.short)!, needed: Self.units($0.needed)) }))
        }
        self.weeks = weeks
    }

    /// Participant p's cheapest week at these reduced costs (by variable index): the values of its
    /// variables that are not 0; nil when the programme does not cover the week.
    func price(_ p: Int, reducedCosts rc: [Double]) -> [Int: Double]? {
        guard let found = weeksByTrainings(p, rc, eachVariable: false) else { return nil }
        var best: (cost: Double, values: [Int: Double])?
        for week in found where best == nil || week.cost < best!.cost - 1e-9 { best = (week.cost, week.values) }
        return best?.values
    }

    /// Participant p's cheapest week at these reduced costs, and for each of p's shifts and
    /// trainings (by variable index) the cost of the cheapest week that has it (absent: no week
    /// keeps the rules with it). Nil when the programme does not cover the week.
    func cheapestWeeks(_ p: Int, reducedCosts rc: [Double]) -> (cost: Double, with: [Int: Double])? {
        guard let found = weeksByTrainings(p, rc, eachVariable: true), let trainings = weeks[p]?.trainings else { return nil }
        var cost = Double.infinity
        var with: [Int: Double] = [:]
        for week in found {
            cost = min(cost, week.cost)
            for (v, c) in week.each { with[v] = min(with[v] ?? .infinity, c) }
            for k in week.trainings { with[trainings[k].variable] = min(with[trainings[k].variable] ?? .infinity, week.cost) }
        }
        return cost.isFinite ? (cost, with) : nil
    }

    /// The programme's cheapest week for each set of trainings p can follow (the sets without one
    /// left out), in the sets' order; nil when the programme does not cover p's week.
    private func weeksByTrainings(_ p: Int, _ rc: [Double], eachVariable: Bool)
        -> [(trainings: [Int], cost: Double, values: [Int: Double], each: [Int: Double])]? {
        guard p < weeks.count, let week = weeks[p], let subsets = Self.trainingSubsets(week.trainings) else { return nil }
        // Days-worked variables cost nothing in any roster; a negative one would pay for idle days.
        guard week.works.allSatisfy({ $0.map { rc[$0] >= -1e-12 } ?? true }) else { return nil }
        var found: [(trainings: [Int], cost: Double, values: [Int: Double], each: [Int: Double])] = []
        for chosen in subsets {
            let occupied = Set(chosen.flatMap { week.trainings[$0].periods })
            switch bestWeek(week, trainings: chosen, occupied: occupied, rc, eachVariable: eachVariable) {
            case .beyondReach: return nil
            case .impossible: continue
            case .found(let cost, let values, let each): found.append((chosen, cost, values, each))
            }
        }
        return found
    }

    /// Every set of trainings one person can follow at once (no two sessions in one period, every
    /// pinned one in); nil past 64 sets (the MIP decides such weeks).
    private static func trainingSubsets(_ trainings: [Training]) -> [[Int]]? {
        var sets: [[Int]] = []
        func extend(_ k: Int, _ chosen: [Int], _ occupied: Set<Int>) -> Bool {
            guard k < trainings.count else {
                sets.append(chosen)
                return sets.count <= 64
            }
            if !trainings[k].pinned, !extend(k + 1, chosen, occupied) { return false }
            guard occupied.isDisjoint(with: trainings[k].periods) else { return true }
            return extend(k + 1, chosen + [k], occupied.union(trainings[k].periods))
        }
        return extend(0, [], []) ? sets : nil
    }

    /// One day's possibilities, the cheapest of each outcome.
    private struct DayOption {
        var hours: Int
        var worked: Bool
        var goals: [Int]
        var cost: Double
        var shifts: [Int]
        /// What the days after need to know of this one (its hours, whether it is worked, its goal hours).
        var outcome: State { State(hours: hours, days: worked ? 1 : 0, goals: goals) }
        static func precedes(_ a: DayOption, _ b: DayOption) -> Bool {
            if a.cost != b.cost { return a.cost < b.cost }
            if a.hours != b.hours { return a.hours < b.hours }
            if a.worked != b.worked { return !a.worked }
            if a.goals != b.goals { return a.goals.lexicographicallyPrecedes(b.goals) }
            return a.shifts.lexicographicallyPrecedes(b.shifts)
        }
    }
    private struct State: Hashable {
        var hours: Int
        var days: Int
        var goals: [Int]
        /// A fixed order, so that ties are broken the same way every time.
        static func precedes(_ a: State, _ b: State) -> Bool {
            if a.hours != b.hours { return a.hours < b.hours }
            if a.days != b.days { return a.days < b.days }
            return a.goals.lexicographicallyPrecedes(b.goals)
        }
    }
    private struct Label {
        var cost: Double
        var parent: Int
        var option: Int
    }

    /// What the programme found for one choice of trainings.
    private enum Outcome {
        /// The cheapest week's cost and values; with `eachVariable`, the cheapest week with each shift.
        case found(cost: Double, values: [Int: Double], each: [Int: Double])
        /// No week keeps the rules with these trainings.
        case impossible
        /// Too many possibilities for the programme (the MIP decides).
        case beyondReach
    }

    private func bestWeek(_ week: Week, trainings chosen: [Int], occupied: Set<Int>, _ rc: [Double],
                          eachVariable: Bool = false) -> Outcome {
        let goalCount = week.goals.count
        var startGoals = Array(repeating: 0, count: goalCount)
        var trainingHours = Array(repeating: 0, count: week.days)
        var trainingCost = 0.0
        for k in chosen {
            let training = week.trainings[k]
            trainingCost += rc[training.variable]
            for (d, h) in training.hoursByDay { trainingHours[d] += h }
            for g in 0..<goalCount { startGoals[g] += training.goals[g] }
        }
        // Day options.
        var optionsByDay: [[DayOption]] = []
        // Every option of each day within its cap (for the cheapest week with each shift).
        var allOptionsByDay: [[DayOption]] = []
        for d in 0..<week.days {
            var partial = [DayOption(hours: trainingHours[d], worked: trainingHours[d] > 0 || week.periods[d].contains { occupied.contains($0.index) },
                                     goals: Array(repeating: 0, count: goalCount), cost: 0, shifts: [])]
            for period in week.periods[d] where !occupied.contains(period.index) {
                let pinned = period.shifts.filter(\.pinned)
                guard pinned.count <= 1 else { return .impossible }
                let choices: [Choice?] = pinned.isEmpty ? [nil] + period.shifts.map { $0 } : [pinned[0]]
                var next: [DayOption] = []
                for option in partial {
                    for choice in choices {
                        guard let c = choice else { next.append(option); continue }
                        var o = option
                        o.hours += c.hours
                        o.worked = true
                        for g in 0..<goalCount { o.goals[g] += c.goals[g] }
                        o.cost += rc[c.variable]
                        o.shifts.append(c.variable)
                        next.append(o)
                    }
                }
                guard next.count <= 20_000 else { return .beyondReach }
                partial = next
            }
            // The cheapest option of each outcome, within the daily cap.
            var cheapest: [State: DayOption] = [:]
            for o in partial where o.hours <= week.dailyCap {
                let key = o.outcome
                if let held = cheapest[key], held.cost <= o.cost { continue }
                cheapest[key] = o
            }
            // In a fixed order (the dictionary's is not), so that ties are broken the same way every time.
            optionsByDay.append(cheapest.values.sorted(by: DayOption.precedes))
            if eachVariable { allOptionsByDay.append(partial.filter { $0.hours <= week.dailyCap }) }
        }
        // Days in turn: the cheapest way to each state, with the way back.
        var layers: [[State: Label]] = [[State(hours: 0, days: 0, goals: startGoals.indices.map { min(startGoals[$0], week.goals[$0].needed) }):
                                            Label(cost: trainingCost, parent: -1, option: -1)]]
        var orders: [[State]] = [layers[0].keys.sorted(by: State.precedes)]
        /// The state after `option` on day d from `state`, and what the day's work costs beyond its
        /// shifts; nil past the weekly hours or the days cap.
        func step(_ state: State, _ option: DayOption, day d: Int) -> (state: State, cost: Double)? {
            let hours = state.hours + option.hours, days = state.days + (option.worked ? 1 : 0)
            guard hours <= week.maxHours, week.maxDays.map({ days <= $0 }) ?? true else { return nil }
            let goals = (0..<goalCount).map { min(week.goals[$0].needed, state.goals[$0] + option.goals[$0]) }
            return (State(hours: hours, days: week.maxDays == nil ? 0 : days, goals: goals),
                    option.worked ? week.works[d].map { rc[$0] } ?? 0 : 0)
        }
        for d in 0..<week.days {
            var next: [State: Label] = [:]
            for (s, state) in orders[d].enumerated() {
                let label = layers[d][state]!
                for (k, option) in optionsByDay[d].enumerated() {
                    guard let (key, extra) = step(state, option, day: d) else { continue }
                    let cost = label.cost + option.cost + extra
                    if let held = next[key], held.cost <= cost + 1e-12 { continue }
                    next[key] = Label(cost: cost, parent: s, option: k)
                }
            }
            guard next.count <= 200_000 else { return .beyondReach }
            layers.append(next)
            orders.append(next.keys.sorted(by: State.precedes))
        }
        // The week's soft terms from its totals.
        func ending(_ state: State) -> (cost: Double, values: [Int: Double]) {
            var cost = 0.0
            var values: [Int: Double] = [:]
            let hours = Double(state.hours) / Self.scale
            if let (slack, minimum) = week.contract {
                let v = slack.value(forShortfall: minimum - hours)
                cost += rc[slack.variable] * v
                values[slack.variable] = v
            }
            if let (slack, target) = week.target {
                let v = slack.value(forShortfall: abs(hours - target))
                cost += rc[slack.variable] * v
                values[slack.variable] = v
            }
            for (g, goal) in week.goals.enumerated() {
                let v = goal.slack.value(forShortfall: Double(goal.needed - state.goals[g]) / Self.scale)
                cost += rc[goal.slack.variable] * v
                values[goal.slack.variable] = v
            }
            return (cost, values)
        }
        let endings = orders[week.days].map(ending)
        var best: (cost: Double, state: Int, values: [Int: Double])?
        for (s, state) in orders[week.days].enumerated() {
            let end = endings[s]
            let cost = layers[week.days][state]!.cost + end.cost
            if best == nil || cost < best!.cost - 1e-9 { best = (cost, s, end.values) }
        }
        guard var (_, s, values) = best else { return .impossible }
        // The way back: each day's shifts, and whether it was worked.
        for d in stride(from: week.days, to: 0, by: -1) {
            let label = layers[d][orders[d][s]]!
            let option = optionsByDay[d - 1][label.option]
            for v in option.shifts { values[v] = 1 }
            if option.worked, let w = week.works[d - 1] { values[w] = 1 }
            s = label.parent
        }
        for k in chosen { values[week.trainings[k].variable] = 1 }
        var each: [Int: Double] = [:]
        if eachVariable {
            // Backwards, the cheapest way from each state to the week's end; then each day's
            // option at its cheapest with a way in (forwards) and a way out (backwards).
            var after: [State: Double] = Dictionary(uniqueKeysWithValues: zip(orders[week.days], endings.map(\.cost)))
            for d in stride(from: week.days - 1, through: 0, by: -1) {
                var before: [State: Double] = [:]
                // The cheapest completion around each of the day's outcomes, its own cost aside.
                var around = Array(repeating: Double.infinity, count: optionsByDay[d].count)
                for state in orders[d] {
                    let into = layers[d][state]!.cost
                    var out = Double.infinity
                    for (k, option) in optionsByDay[d].enumerated() {
                        guard let (key, extra) = step(state, option, day: d), let rest = after[key] else { continue }
                        out = min(out, option.cost + extra + rest)
                        around[k] = min(around[k], into + extra + rest)
                    }
                    before[state] = out
                }
                let outcome = Dictionary(uniqueKeysWithValues: optionsByDay[d].enumerated().map { ($1.outcome, $0) })
                for option in allOptionsByDay[d] {
                    guard let k = outcome[option.outcome] else { continue }
                    let cost = option.cost + around[k]
                    for v in option.shifts where cost < each[v] ?? .infinity { each[v] = cost }
                }
                after = before
            }
        }
        return .found(cost: best!.cost, values: values.filter { $0.value != 0 }, each: each)
    }
}
