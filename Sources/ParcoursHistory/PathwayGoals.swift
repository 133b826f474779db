// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a pathway plan asks of this week, from the history of the weeks published before it:
// - a goal over the pathway: what is left, spread over the weeks left until the goal's date (a
//   week that fell behind leaves more for the weeks after it), at a weight that grows as the
//   date nears (twice the goal's in its last week), as one more weekly goal (contract §5);
// - a training by a date: asked as a weekly training goal (at the same growing weight) in a week
//   whose file holds the training, until the history shows it attended;
// - an averaged contract: the target that brings the average of the last weeks to the contract's.
// The engine sees an ordinary week: without `--history`, the plan asks nothing more and the week
// is solved as the contract says.

import ParcoursScenario

/// One pathway goal as this week asks it.
public struct PathwayGoalShare: Sendable, Equatable {
    public var participant: String
    public var goal: PathwayGoal
    /// Hours given by the weeks published before this one.
    public var achieved: Double
    /// Weeks from this one to the one holding the goal's date, both counted.
    public var weeksLeft: Int
    /// This week's share: what is left over the weeks left, rounded up to a quarter hour (0 when
    /// nothing is left or the date has passed). For a training: its hours this week when it is
    /// asked, else 0.
    public var hours: Double
    public var weight: Double
    /// For a training: the week it was attended (nil: not yet).
    public var attended: String? = nil
    /// For a training: whether this week's file holds it.
    public var runsThisWeek: Bool = true

    /// "p07: cuisine 120 h by 2026-12-18: 38 h so far, 82 h in 6 weeks left: 13.75 h this week (weight 1.25)".
    public var text: String {
        let what = switch goal.subject {
        case .activity(let id): id
        case .skill(let id): "skill \(id)"
        case .training(let id): "training \(id)"
        }
        if goal.subject.isTraining {
            let head = "\(participant): \(what) by \(goal.by)"
            if let attended { return head + ": attended in the week of \(attended), nothing asked" }
            if weeksLeft < 1 { return head + ": not attended, and the date has passed: nothing asked this week" }
            if !runsThisWeek { return head + ": not attended yet, and not in this week's file: nothing asked this week" }
            return head + ": not attended yet, \(weeksLeft) week\(weeksLeft == 1 ? "" : "s") left: asked this week (weight \(Progress.number(weight)))"
        }
        let head = "\(participant): \(what) \(Progress.number(goal.hours)) h by \(goal.by): \(Progress.number(achieved)) h so far"
        if weeksLeft < 1 { return head + ", the date has passed: nothing asked this week" }
        if hours == 0 { return head + ": reached" }
        return head + ", \(Progress.number(goal.hours - achieved)) h in \(weeksLeft) week\(weeksLeft == 1 ? "" : "s") left: "
            + "\(Progress.number(hours)) h this week (weight \(Progress.number(weight)))"
    }
}

public enum PathwayGoals {
    /// Each pathway goal of the week's participants, as this week asks it (with no history: as
    /// the first week of a pathway set asks it, nothing done yet).
    public static func shares(_ scenario: Scenario, history: History?) throws(HistoryError) -> [PathwayGoalShare] {
        guard let week = scenario.week, let first = CivilDate(iso: week) else {
            let goals = scenario.participants.contains { !($0.pathway?.goals.isEmpty ?? true) }
            if !goals { return [] }
            throw HistoryError(path: history?.path ?? scenario.name, message: "the scenario '\(scenario.name)' has pathway goals but no `week`, which says how far along they are",
                               fix: "add `week: YYYY-MM-DD` (the first day of the week) to the scenario")
        }
        var shares: [PathwayGoalShare] = []
        for p in scenario.participants {
            for goal in p.pathway?.goals ?? [] {
                let last = CivilDate(iso: goal.by)?.daysSinceEpoch ?? first.daysSinceEpoch
                let weeksLeft = last >= first.daysSinceEpoch ? (last - first.daysSinceEpoch) / 7 + 1 : 0
                // To a quarter, as the hours: the objective's step stays a plain decimal.
                let grown = weeksLeft < 1 ? goal.weight : (goal.weight * (1 + 1 / Double(weeksLeft)) * 4).rounded() / 4
                if case .training(let id) = goal.subject {
                    let attended = try history?.attended(p.id, training: id, before: week)
                    let training = scenario.trainings.first { $0.id == id }
                    let hours = training.map { scenario.sessionPeriods($0).reduce(0) { $0 + $1.hours } } ?? 0
                    let asks = attended == nil && weeksLeft >= 1 && training != nil
                    shares.append(PathwayGoalShare(participant: p.id, goal: goal, achieved: 0, weeksLeft: weeksLeft,
                                                   hours: asks ? hours : 0, weight: grown, attended: attended, runsThisWeek: training != nil))
                    continue
                }
                let (activities, trainings, skill): (Set<String>, Set<String>, String?) = switch goal.subject {
                case .activity(let id): ([id], [], nil)
                case .skill(let skill): (Set(scenario.activities.filter { $0.develops.contains(skill) }.map(\.id)),
                                         Set(scenario.trainings.filter { $0.teaches.contains(skill) }.map(\.id)), skill)
                case .training: ([], [], nil)
                }
                let achieved = try history?.hours(of: p.id, in: activities, trainings: trainings, teaching: skill, before: week) ?? 0
                let left = max(0, goal.hours - achieved)
                let hours = weeksLeft < 1 ? 0 : (left / Double(weeksLeft) * 4).rounded(.up) / 4
                shares.append(PathwayGoalShare(participant: p.id, goal: goal, achieved: achieved, weeksLeft: weeksLeft,
                                               hours: hours, weight: grown))
            }
        }
        return shares
    }

    /// The scenario with each share that asks something added to its participant's goals.
    public static func applying(_ shares: [PathwayGoalShare], to scenario: Scenario) -> Scenario {
        var s = scenario
        for share in shares where share.hours > 0 {
            guard let p = s.participants.firstIndex(where: { $0.id == share.participant }) else { continue }
            let kind: Goal.Kind = switch share.goal.subject {
            case .activity(let id): .activity(id, hours: share.hours)
            case .skill(let id): .skill(id, hours: share.hours)
            case .training(let id): .training(id)
            }
            s.participants[p].goals.append(Goal(kind, weight: share.weight, plan: share.goal))
        }
        return s
    }
}

/// An averaged contract as this week asks it: the target that brings the average of this week
/// and the weeks published before it (as many as the contract counts, less this one) to the
/// contract's average, within the participant's band.
public struct ContractTarget: Sendable, Equatable {
    public var participant: String
    public var contract: AveragedContract
    /// The hours of the weeks counted before this one, latest first.
    public var before: [Double]
    public var target: Double

    /// "p03: 26 h a week on average over 4 weeks: 3 weeks before gave 70 h, so a target of 30 h this week".
    public var text: String {
        let head = "\(participant): \(Progress.number(contract.average)) h a week on average over \(contract.weeks) weeks"
        let sum = before.reduce(0, +)
        let weeks = before.isEmpty ? "no week before" : "\(before.count) week\(before.count == 1 ? "" : "s") before gave \(Progress.number(sum)) h"
        return head + ": \(weeks), so a target of \(Progress.number(target)) h this week"
    }
}

extension PathwayGoals {
    public static func contractTargets(_ scenario: Scenario, history: History?) throws(HistoryError) -> [ContractTarget] {
        guard let week = scenario.week else { return [] }
        var targets: [ContractTarget] = []
        for p in scenario.participants {
            guard let contract = p.pathway?.contract else { continue }
            let before = try history?.recentHours(of: p.id, weeks: contract.weeks - 1, before: week) ?? []
            let wanted = contract.average * Double(before.count + 1) - before.reduce(0, +)
            let target = min(p.hours.max, max(p.hours.min, (wanted * 4).rounded() / 4))
            targets.append(ContractTarget(participant: p.id, contract: contract, before: before, target: target))
        }
        return targets
    }

    /// The scenario with each participant's target set from their averaged contract.
    public static func applying(_ targets: [ContractTarget], to scenario: Scenario) -> Scenario {
        var s = scenario
        for t in targets {
            guard let p = s.participants.firstIndex(where: { $0.id == t.participant }) else { continue }
            s.participants[p].hours.target = t.target
        }
        return s
    }
}
