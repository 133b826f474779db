// SPDX-License-Identifier: GPL-3.0-or-later
//
// A participant's pathway plan (an optional field, not part of the contract: without it a week
// means what the contract says): when the pathway started, and how their capacity grows week by
// week — two half-days a week, then four, then full days. This week's capacity follows from the
// plan and the scenario's `week`.

/// One step of a ramp-up: from this week of the pathway on, these caps (a cap left out is the
/// participant's `capacity`).
public struct RampUpStep: Sendable, Equatable {
    /// The week of the pathway the step starts in (1 = the week holding the pathway's first day).
    public var fromWeek: Int
    public var maxDays: Int?
    public var maxHoursPerDay: Double?

    public init(fromWeek: Int, maxDays: Int? = nil, maxHoursPerDay: Double? = nil) {
        self.fromWeek = fromWeek; self.maxDays = maxDays; self.maxHoursPerDay = maxHoursPerDay
    }
}

/// Hours to reach over the pathway, by a date: so many hours in the kitchen before the end of
/// the quarter; or a training to attend by a date (the hygiene training in the first year).
/// Each week asks for the share still missing (counted from the history of published weeks:
/// `parcours solve --history`).
public struct PathwayGoal: Sendable, Equatable {
    public enum Subject: Sendable, Equatable {
        /// Hours in that activity.
        case activity(String)
        /// Hours in activities developing the skill and sessions of trainings teaching it.
        case skill(String)
        /// Attending that training (once).
        case training(String)

        public var isTraining: Bool { if case .training = self { true } else { false } }
    }
    public var subject: Subject
    /// The hours to reach (0 for a training).
    public var hours: Double
    /// The last day, YYYY-MM-DD: the week holding it is the goal's last week.
    public var by: String
    public var weight: Double

    public init(_ subject: Subject, hours: Double, by: String, weight: Double = 1) {
        self.subject = subject; self.hours = hours; self.by = by; self.weight = weight
    }
}

/// Contract hours modulated over weeks: `average` hours a week over any `weeks` weeks in a row
/// (this one and those published before it), each week within the participant's `hours` band.
public struct AveragedContract: Sendable, Equatable {
    public var average: Double
    public var weeks: Int
    public init(average: Double, weeks: Int) { self.average = average; self.weeks = weeks }
}

public struct Pathway: Sendable, Equatable {
    /// The pathway's first day, YYYY-MM-DD.
    public var start: String
    /// In order of `fromWeek`, each week once.
    public var rampUp: [RampUpStep]
    public var goals: [PathwayGoal]
    public var contract: AveragedContract?

    public init(start: String, rampUp: [RampUpStep] = [], goals: [PathwayGoal] = [], contract: AveragedContract? = nil) {
        self.start = start; self.rampUp = rampUp; self.goals = goals; self.contract = contract
    }

    /// Whether the history of published weeks changes what this week asks (goals or contract).
    public var needsHistory: Bool { !goals.isEmpty || contract != nil }

    /// Which week of the pathway the week whose first day is `week` is: 1 for the seven days that
    /// hold `start`, 2 for the seven after, 0 or less before it. Nil when a date does not read.
    public func weekNumber(of week: String) -> Int? {
        guard let first = CivilDate(iso: week), let start = CivilDate(iso: start) else { return nil }
        let days = first.daysSinceEpoch + 6 - start.daysSinceEpoch
        return (days >= 0 ? days / 7 : -((-days + 6) / 7)) + 1
    }

    /// The step in force in week `n` of the pathway: the last one starting in or before it.
    public func step(inWeek n: Int) -> RampUpStep? { rampUp.last { $0.fromWeek <= n } }
}

/// Fairness over weeks as this week applies it: each participant's weight on this week's hours
/// in disliked minus liked activities — how far their disliked-minus-liked hours a week, over the
/// last `weeks` published weeks, lie above the group's average (0 at or below it), to a quarter.
/// Set from the history (`parcours solve --history` with `weights.fairness` > 0).
public struct FairnessOverWeeks: Sendable, Equatable {
    public var weeks: Int
    /// Participant id → weight (those left out: 0).
    public var weights: [String: Double]

    public init(weeks: Int, weights: [String: Double] = [:]) { self.weeks = weeks; self.weights = weights }

    public func weight(of participant: String) -> Double { weights[participant] ?? 0 }
}

extension Scenario {
    /// A participant's capacity this week: their `capacity`, with the caps of their ramp-up's step
    /// for this week of their pathway in place of those it names.
    public func capacity(_ p: Participant) -> Capacity {
        guard let pathway = p.pathway, let week, let n = pathway.weekNumber(of: week), let step = pathway.step(inWeek: n) else {
            return p.capacity
        }
        return Capacity(maxHoursPerDay: step.maxHoursPerDay ?? p.capacity.maxHoursPerDay, maxDays: step.maxDays ?? p.capacity.maxDays)
    }
}
