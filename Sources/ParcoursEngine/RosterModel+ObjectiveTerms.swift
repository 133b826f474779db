// SPDX-License-Identifier: GPL-3.0-or-later
//
// The objective's terms (contract §5) as `RosterModel` builds them, one function per
// `ObjectiveTerm`, each a weighted sum of hours.

import Modelling
import ParcoursScenario

extension RosterModel {
    // MARK: Objective terms

    /// coverage = W × Σ priority × hours(t) × max(0, min − participants).
    mutating func coverageTerm() throws(ModelError) -> LinearExpression {
        var e = LinearExpression()
        let w = scenario.weights.coverage
        for (si, shift) in index.shifts.enumerated() where shift.min > 0 {
            let cost = w * scenario.activities[shift.activity].priority * shift.period.hours
            let people = participants(in: si)
            if people.isConstant {
                e.constant += cost * Double(shift.min)
                continue
            }
            let short = try model.addVariable("short[\(shiftName(si))]", .integer, lower: 0, upper: Double(shift.min))
            shortfallOfShift[si] = short
            try model.add(people + short >= Double(shift.min), name: "coverage[\(shiftName(si))]")
            try addUnsupervisedShortfallCut(si, short)
            e.add(short, cost)
        }
        return e
    }

    /// A shift needing supervision is short of min − ratio × supervisors at best, and of all its min
    /// without one. With j = ⌊min / ratio⌋ supervisors the shortfall is min − j × ratio, with j + 1 it is
    /// none: the hull edge between them, short >= (min − j × ratio) × (j + 1 − supervisors), is valid
    /// for every roster and cuts off the relaxation's fractional supervisors staffing whole shifts.
    mutating func addUnsupervisedShortfallCut(_ si: Int, _ short: Variable) throws(ModelError) {
        let shift = index.shifts[si]
        guard shift.ratio > 0, shift.min % shift.ratio != 0 else { return }
        let j = shift.min / shift.ratio, rest = Double(shift.min - j * shift.ratio)
        try model.add(LinearExpression(short) + rest * supervisors(in: si) >= rest * Double(j + 1),
                      name: "coverage[\(shiftName(si)),supervised]")
    }

    /// contract = W × Σ max(0, hours.min − H(p) − paid(p)), paid(p) the hours of p's paid absences.
    mutating func contractTerm() throws(ModelError) -> LinearExpression {
        var e = LinearExpression()
        for (p, participant) in scenario.participants.enumerated() where participant.hours.min - paid[p] > 0 {
            let minimum = participant.hours.min - paid[p]
            let under = try hourSlack("under[\(participant.id)]", upper: minimum)
            try model.add(hours(p) + under >= minimum, name: "contract[\(participant.id)]")
            e.add(under, times: scenario.weights.contract)
            self.under[p] = under
        }
        return e
    }

    /// target = W × Σ |H(p) + paid(p) − hours.target|.
    mutating func targetTerm() throws(ModelError) -> LinearExpression {
        var e = LinearExpression()
        for (p, participant) in scenario.participants.enumerated() {
            let h = hours(p), goal = participant.hours.target - paid[p]
            if h.isConstant { e.constant += scenario.weights.target * abs(goal); continue }
            let off = try hourSlack("off[\(participant.id)]", upper: max(abs(goal), participant.hours.max - goal))
            try model.add(h - off <= goal, name: "target[\(participant.id),over]")
            try model.add(h + off >= goal, name: "target[\(participant.id),under]")
            e.add(off, times: scenario.weights.target)
            self.off[p] = off
        }
        return e
    }

    /// goals = W × Σ weight × shortfall (hours short of an activity or skill goal; hours(k) × (1 − e)
    /// for a training goal).
    mutating func goalsTerm() throws(ModelError) -> LinearExpression {
        var e = LinearExpression()
        let w = scenario.weights.goals
        for (p, participant) in scenario.participants.enumerated() {
            for (g, goal) in participant.goals.enumerated() where goal.weight > 0 {
                let achieved: LinearExpression
                let needed: Double
                switch goal.kind {
                case .training(let kid):
                    guard let k = index.trainingIndex[kid] else { continue }
                    let hk = index.trainingHours(k)
                    e.constant += w * goal.weight * hk
                    if let i = enrolmentsOf[p].first(where: { enrolments[$0].training == k }) {
                        e.add(enrolments[i].variable, -w * goal.weight * hk)
                    }
                    continue
                case .activity(let aid, let h):
                    needed = h
                    achieved = activityHours(p, aid)
                case .skill(let skill, let h):
                    needed = h
                    achieved = skillHours(p, skill)
                }
                guard needed > 0 else { continue }
                if achieved.isConstant { e.constant += w * goal.weight * needed; continue }
                let short = try hourSlack("goalShort[\(participant.id),\(g + 1)]", upper: needed)
                try model.add(achieved + short >= needed, name: "goal[\(participant.id),\(g + 1)]")
                e.add(short, times: w * goal.weight)
                goalShortfalls.append((p, g, short, achieved, needed))
            }
        }
        return e
    }

    func activityHours(_ p: Int, _ aid: String) -> LinearExpression {
        guard let a = index.activityIndex[aid] else { return LinearExpression() }
        var e = LinearExpression()
        for t in index.periods {
            for i in assignmentsAt[p][t.index] where index.shifts[assignments[i].shift].activity == a {
                e.add(assignments[i].variable, t.hours)
            }
        }
        return e
    }

    /// Hours in activities developing the skill plus sessions of enrolled trainings teaching it.
    /// H1 makes each period count at most once.
    func skillHours(_ p: Int, _ skill: String) -> LinearExpression {
        var e = LinearExpression()
        for t in index.periods {
            for i in assignmentsAt[p][t.index] where scenario.activities[index.shifts[assignments[i].shift].activity].develops.contains(skill) {
                e.add(assignments[i].variable, t.hours)
            }
        }
        for i in enrolmentsOf[p] where scenario.trainings[enrolments[i].training].teaches.contains(skill) {
            e.add(enrolments[i].variable, index.trainingHours(enrolments[i].training))
        }
        return e
    }

    /// preference = W × Σ (hours in disliked − hours in liked activities).
    func preferenceTerm() -> LinearExpression {
        var e = LinearExpression()
        let w = scenario.weights.preference
        for (p, participant) in scenario.participants.enumerated() {
            for aid in participant.dislikes { e.add(activityHours(p, aid), times: w) }
            for aid in participant.likes { e.add(activityHours(p, aid), times: -w) }
        }
        return e
    }

    /// fairness = W × Σ_p c(p) × (hours in disliked − hours in liked activities), c(p) the weight
    /// fairness over weeks gives p this week (Parcours's own; nil when the week is solved without it).
    func fairnessTerm() -> LinearExpression? {
        guard let fairness = scenario.fairness else { return nil }
        var e = LinearExpression()
        let w = scenario.weights.fairness
        for (p, participant) in scenario.participants.enumerated() {
            let c = fairness.weight(of: participant.id)
            guard c != 0 else { continue }
            for aid in participant.dislikes { e.add(activityHours(p, aid), times: w * c) }
            for aid in participant.likes { e.add(activityHours(p, aid), times: -w * c) }
        }
        return e
    }

    /// stability = W × number of (participant, period) whose state differs from the baseline.
    func stabilityTerm() -> LinearExpression {
        guard scenario.baseline != nil else { return LinearExpression() }
        var e = LinearExpression()
        let w = scenario.weights.stability
        for p in scenario.participants.indices {
            for t in index.periods {
                switch baseline.state(p, t) {
                case .idle:
                    e.add(occupancy(p, t), times: w)
                case .activity(let a):
                    e.constant += w
                    for i in assignmentsAt[p][t.index] where index.shifts[assignments[i].shift].activity == a {
                        e.add(assignments[i].variable, -w)
                    }
                case .training(let k):
                    e.constant += w
                    guard index.sessions[k].contains(t) else { continue }
                    for i in enrolmentsOf[p] where enrolments[i].training == k { e.add(enrolments[i].variable, -w) }
                }
            }
        }
        return e
    }
}
