// SPDX-License-Identifier: GPL-3.0-or-later
//
// Each person's week: hours against min / target / max, each goal met or missed, and the reason
// for every shortfall, from the week's data and the roster.

import ParcoursScenario
import ParcoursRoster

extension RosterFacts {
    func personExplanation(_ p: Int) -> PersonExplanation {
        let who = scenario.participants[p], h = hours(p)
        return PersonExplanation(participant: who.id, name: who.displayName, hours: h, min: who.hours.min,
                                 target: who.hours.target, max: who.hours.max,
                                 goals: who.goals.map { goalOutcome(p, $0) },
                                 reasons: h < who.hours.target - 1e-9 ? whyFewerHours(p) : [])
    }

    /// For every period p is free: why they do not work then.
    func whyFewerHours(_ p: Int) -> [Reason] {
        var list = BlockerList()
        for t in periods where place[p][t.index] == nil {
            if let limit = personalLimit(p, at: t) { list.add(limit, t); continue }
            let open = scenario.activities.indices.filter { demand[$0][t.index] != nil }
            if open.isEmpty { list.add(Blocker(.closed, "no activity is open {when}."), t); continue }
            for a in open { list.add(whyNot(p, in: a, at: t), t) }
        }
        return list.reasons
    }

    func goalOutcome(_ p: Int, _ goal: Goal) -> GoalOutcome {
        switch goal.kind {
        case .activity(let id, let wanted):
            guard let a = activityIndex[id] else { return GoalOutcome(goal: "\(hoursText(wanted)) h in \(id)", wanted: wanted, achieved: 0) }
            let achieved = periods.filter { place[p][$0.index] == .activity(a) }.reduce(0) { $0 + $1.hours }
            var outcome = GoalOutcome(goal: "\(hoursText(wanted)) h in \(activityName(a))", wanted: wanted, achieved: achieved)
            if achieved < wanted - 1e-9 { outcome.reasons = whyNotMore(p, in: [a]) }
            return outcome
        case .skill(let skill, let wanted):
            let developing = scenario.activities.indices.filter { scenario.activities[$0].develops.contains(skill) }
            let teaching = scenario.trainings.indices.filter { scenario.trainings[$0].teaches.contains(skill) }
            let achieved = periods.filter { t in
                switch place[p][t.index] {
                case .activity(let a)?: return developing.contains(a)
                case .training(let k)?: return teaching.contains(k)
                case nil: return false
                }
            }.reduce(0) { $0 + $1.hours }
            var outcome = GoalOutcome(goal: "\(hoursText(wanted)) h developing \(skill)", wanted: wanted, achieved: achieved)
            guard achieved < wanted - 1e-9 else { return outcome }
            if developing.isEmpty && teaching.isEmpty {
                outcome.reasons = [Reason(.closed, "no activity develops \(skill) and no training teaches it this week.")]
                return outcome
            }
            var reasons = whyNotMore(p, in: developing, skipping: { t in
                if case .training(let k)? = place[p][t.index] { return teaching.contains(k) }
                return false
            })
            for k in teaching where !enrolled[k].contains(p) { reasons += whyNotEnrolled(p, in: k).map { $0.reason([]) } }
            outcome.reasons = reasons
            return outcome
        case .training(let id):
            guard let k = scenario.trainings.firstIndex(where: { $0.id == id }) else {
                return GoalOutcome(goal: "enrolment in \(id)", wanted: 0, achieved: 0)
            }
            let wanted = sessions[k].reduce(0) { $0 + $1.hours }
            let isIn = enrolled[k].contains(p)
            var outcome = GoalOutcome(goal: "enrolment in \(trainingName(k))", wanted: wanted, achieved: isIn ? wanted : 0)
            if !isIn { outcome.reasons = whyNotEnrolled(p, in: k).map { $0.reason([]) } }
            return outcome
        }
    }

    /// Why p is not in any of these activities more often: over each of their open periods that p
    /// does not already spend in one of them.
    private func whyNotMore(_ p: Int, in activities: [Int], skipping skip: (Period) -> Bool = { _ in false }) -> [Reason] {
        var list = BlockerList()
        for t in periods where !skip(t) {
            if case .activity(let b)? = place[p][t.index], activities.contains(b) { continue }
            let open = activities.filter { demand[$0][t.index] != nil }
            for a in open { list.add(whyNot(p, in: a, at: t), t) }
        }
        return list.reasons
    }
}
