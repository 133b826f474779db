// SPDX-License-Identifier: GPL-3.0-or-later
//
// A first roster without a solver, for weeks of any size: decisions fixed one by one under bound
// propagation (`Propagation`), so that each one is kept only when every hard rule can still hold.
// First the shifts, dearest shortfall first, each filled to its minimum with the people furthest
// below their own minimum (a supervisor added when the shift needs one); then each person still
// below their minimum, or their target, placed where there is room; then every decision left
// open is closed (at 0 where the rules allow it). Deterministic: the same week gives the same
// roster. On a 1000-person week it takes about a second, and leaves a fifth of the shortfall
// everyone idle does.

import Modelling
import ParcoursScenario

struct GreedyRoster {
    let built: RosterModel

    init(_ built: RosterModel) { self.built = built }

    /// The roster as a point of the model, its slacks at their cheapest propagated bound (which may
    /// miss a row propagation did not see: check it); nil when propagation finds the week
    /// impossible.
    func point() -> [Double]? {
        let model = built.model
        guard var rules = Propagation(model) else { return nil }
        var cost = [Double](repeating: 0, count: model.variables.count)
        for t in model.objective { cost[t.variable.index] += t.coefficient }
        let shifts = built.index.shifts, people = built.scenario.participants, activities = built.scenario.activities
        var hours = [Double](repeating: 0, count: people.count)
        var staffed = [Int](repeating: 0, count: shifts.count)
        func isOn(_ v: Variable) -> Bool { rules.lower[v.index] > 0.5 }
        for a in built.assignments where isOn(a.variable) {
            hours[a.participant] += shifts[a.shift].period.hours
            staffed[a.shift] += 1
        }

        var supervised = [Int](repeating: 0, count: shifts.count), novices = [Int](repeating: 0, count: shifts.count)
        for v in built.supervisions where isOn(v.variable) { supervised[v.shift] += 1 }
        func isNovice(_ a: RosterModel.Assignment) -> Bool {
            guard let m = activities[shifts[a.shift].activity].mentoring else { return false }
            return people[a.participant].level(m.skill) < m.level
        }
        for a in built.assignments where isOn(a.variable) && isNovice(a) { novices[a.shift] += 1 }

        /// Shifts that could not get one more supervisor: fixings only ever narrow what is left,
        /// so they never can again, and their next candidates need not try every supervisor.
        var unsupervisable = Set<Int>()
        /// Puts assignment i on, with the supervisors its shift then needs fixed on at once (left
        /// open, two shifts could count on the same one) and, for a novice, enough experienced
        /// people there already; false, and nothing changed, when that cannot be done.
        func assign(_ i: Int) -> Bool {
            let a = built.assignments[i], v = a.variable.index, shift = shifts[a.shift]
            guard !rules.isFixed(v) else { return false }
            let needsSupervisor = shift.ratio > 0 && staffed[a.shift] + 1 > shift.ratio * supervised[a.shift]
            if needsSupervisor, unsupervisable.contains(a.shift) { return false }
            let novice = isNovice(a)
            if novice, let m = activities[shift.activity].mentoring,
               novices[a.shift] + 1 > m.ratio * (staffed[a.shift] - novices[a.shift]) { return false }
            let mark = rules.checkpoint
            var added = 0
            func addSupervisor() -> Bool {
                for s in built.supervisionsOfShift[a.shift] where !rules.isFixed(built.supervisions[s].variable.index) {
                    if rules.fix(built.supervisions[s].variable.index, at: 1) { added += 1; return true }
                }
                return false
            }
            while shift.ratio > 0, staffed[a.shift] + 1 > shift.ratio * (supervised[a.shift] + added) {
                guard addSupervisor() else { unsupervisable.insert(a.shift); rules.undo(to: mark); return false }
            }
            guard rules.fix(v, at: 1) else { rules.undo(to: mark); return false }
            hours[a.participant] += shift.period.hours
            staffed[a.shift] += 1
            supervised[a.shift] += added
            if novice { novices[a.shift] += 1 }
            return true
        }
        func behind(_ p: Int) -> Double { max(0, people[p].hours.min - built.paid[p] - hours[p]) }

        // The shifts, dearest shortfall first, each to its minimum.
        let order = shifts.indices.filter { built.shortfallOfShift[$0] != nil }
            .sorted { (-cost[built.shortfallOfShift[$0]!.index], $0) < (-cost[built.shortfallOfShift[$1]!.index], $1) }
        for si in order where staffed[si] < shifts[si].min {
            let candidates = built.assignmentsOfShift[si].sorted {
                let (p, q) = (built.assignments[$0].participant, built.assignments[$1].participant)
                return (-behind(p), hours[p], $0) < (-behind(q), hours[q], $1)
            }
            for i in candidates where staffed[si] < shifts[si].min { _ = assign(i) }
        }
        // The people below their minimum, then below their target, where there is room: shifts
        // still short first, dearest first.
        func shortfallCost(_ si: Int) -> Double { built.shortfallOfShift[si].map { cost[$0.index] } ?? 0 }
        for wanted in [\HoursBand.min, \HoursBand.target] {
            for p in people.indices.sorted(by: { (-behind($0), $0) < (-behind($1), $1) }) {
                let goal = people[p].hours[keyPath: wanted] - built.paid[p]
                guard hours[p] < goal - 1e-9 else { continue }
                let options = built.assignmentsAt[p].joined().sorted { i, j in
                    let (s, t) = (built.assignments[i].shift, built.assignments[j].shift)
                    return (staffed[s] >= shifts[s].min ? 1 : 0, -shortfallCost(s), i) < (staffed[t] >= shifts[t].min ? 1 : 0, -shortfallCost(t), j)
                }
                for i in options where hours[p] < goal - 1e-9 {
                    let si = built.assignments[i].shift
                    // Up to the minimum whatever it takes; up to the target without passing it.
                    guard staffed[si] < shifts[si].max,
                          wanted == \HoursBand.min || hours[p] + shifts[si].period.hours <= goal + 1e-9 else { continue }
                    _ = assign(i)
                }
            }
        }
        // Every decision left open closed, at 0 where the rules allow: assignments, enrolments,
        // then supervision (the last supervisor a shift's people need is then forced on).
        let decisions = built.assignments.map(\.variable) + built.enrolments.map(\.variable) + built.supervisions.map(\.variable)
        for v in decisions where !rules.isFixed(v.index) {
            if !rules.fix(v.index, at: 0), !rules.fix(v.index, at: 1) { return nil }
        }
        // The rest (slacks, days worked, trainings that run) at their cheapest propagated bound.
        var point = [Double](repeating: 0, count: model.variables.count)
        for j in point.indices {
            let lo = rules.lower[j], up = rules.upper[j]
            let x = cost[j] < 0 ? (up.isFinite ? up : lo) : (lo.isFinite ? lo : up)
            guard x.isFinite else { return nil }
            point[j] = x
        }
        return point
    }
}
