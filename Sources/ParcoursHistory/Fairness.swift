// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fairness over weeks, from the history of published weeks: those whose last weeks held more
// disliked (and less liked) work than the others get a weight on this week's disliked-minus-liked
// hours, so that the engine gives the disliked work to the others this week. The weight is how
// far a person's disliked-minus-liked hours a week, over the last `rules.fairness_weeks`
// published weeks, lie above the group's average (the group: this week's participants with likes
// or dislikes, each counted over the weeks they were in); 0 at or below it. The engine sees one
// more linear term, `fairness`, only when `weights.fairness` > 0 and a history is given.

import ParcoursScenario

/// One participant's recent weeks, as fairness over weeks reads them.
public struct FairnessShare: Sendable, Equatable {
    public var participant: String
    /// The published weeks they were in, among the last ones counted.
    public var weeks: Int
    /// Hours in disliked minus hours in liked activities, a week on average over those weeks.
    public var perWeek: Double
    /// The group's average of `perWeek`.
    public var average: Double
    /// This week's weight on their disliked-minus-liked hours: perWeek − average, to a quarter, at least 0.
    public var weight: Double

    /// "p01: 16 h a week of disliked minus liked work over 1 published week (the group's average: 0 h): weight 16"
    /// (the hours to a hundredth).
    public var text: String {
        let hundredth = { (x: Double) in Progress.number((x * 100).rounded() / 100) }
        return "\(participant): \(hundredth(perWeek)) h a week of disliked minus liked work over \(weeks) published week\(weeks == 1 ? "" : "s") "
            + "(the group's average: \(hundredth(average)) h): weight \(Progress.number(weight))"
    }
}

public enum Fairness {
    /// Each participant with likes or dislikes who was in one of the last published weeks, with
    /// this week's weight. Empty when `weights.fairness` is 0.
    public static func shares(_ scenario: Scenario, history: History?) throws(HistoryError) -> [FairnessShare] {
        guard scenario.weights.fairness > 0, let week = scenario.week, let history else { return [] }
        let recent = try history.recentWork(weeks: scenario.rules.fairnessWeeks, before: week)
        var balances: [(participant: String, weeks: Int, perWeek: Double)] = []
        for p in scenario.participants where !(p.likes.isEmpty && p.dislikes.isEmpty) {
            guard let weeks = recent.weeksIn[p.id], weeks > 0 else { continue }
            let hours = recent.hours[p.id] ?? [:]
            let balance = p.dislikes.reduce(0) { $0 + (hours[$1] ?? 0) } - p.likes.reduce(0) { $0 + (hours[$1] ?? 0) }
            balances.append((p.id, weeks, balance / Double(weeks)))
        }
        guard !balances.isEmpty else { return [] }
        let average = balances.reduce(0) { $0 + $1.perWeek } / Double(balances.count)
        return balances.map { b in
            // To a quarter, as the pathway goals' weights: the objective's step stays a plain decimal.
            FairnessShare(participant: b.participant, weeks: b.weeks, perWeek: b.perWeek, average: average,
                          weight: max(0, ((b.perWeek - average) * 4).rounded() / 4))
        }
    }

    /// The scenario solved with fairness over weeks (its `fairness` set, even to no weight at
    /// all: the roster then reports the term), when `weights.fairness` > 0 and a history is given.
    public static func applying(_ shares: [FairnessShare], to scenario: Scenario) -> Scenario {
        guard scenario.weights.fairness > 0 else { return scenario }
        var s = scenario
        var weights: [String: Double] = [:]
        for share in shares where share.weight > 0 { weights[share.participant] = share.weight }
        s.fairness = FairnessOverWeeks(weeks: scenario.rules.fairnessWeeks, weights: weights)
        return s
    }
}
