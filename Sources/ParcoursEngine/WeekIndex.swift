// SPDX-License-Identifier: GPL-3.0-or-later
//
// The scenario seen as sets the model and the checker both need: periods, open shifts, sessions.
// Pure reading of the contract's definitions; no modelling decisions here.

import ParcoursScenario

/// An open shift: one activity in one period where its `open` blocks give max > 0.
public struct Shift: Sendable, Equatable {
    public var activity: Int
    public var period: Period
    public var min: Int
    public var max: Int
    /// Participants per supervisor; 0 = needs none.
    public var ratio: Int
}

/// Lookup tables over a scenario: ids to positions, open shifts, training sessions.
public struct WeekIndex: Sendable {
    public let scenario: Scenario
    public let periods: [Period]
    public let shifts: [Shift]
    /// `shiftAt[activity][period.index]`: the open shift, if any.
    public let shiftAt: [[Int?]]
    /// Session periods of each training, in calendar order.
    public let sessions: [[Period]]
    public let participantIndex: [String: Int]
    public let activityIndex: [String: Int]
    public let trainingIndex: [String: Int]
    public let supervisorIndex: [String: Int]

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        periods = scenario.calendar.periods
        var shifts: [Shift] = []
        var shiftAt: [[Int?]] = []
        for (a, activity) in scenario.activities.enumerated() {
            var row = [Int?](repeating: nil, count: periods.count)
            for t in periods {
                guard let demand = activity.demand(in: t) else { continue }
                row[t.index] = shifts.count
                shifts.append(Shift(activity: a, period: t, min: demand.min, max: demand.max,
                                    ratio: scenario.supervisionRatio(activity)))
            }
            shiftAt.append(row)
        }
        self.shifts = shifts
        self.shiftAt = shiftAt
        sessions = scenario.trainings.map { scenario.sessionPeriods($0) }
        participantIndex = Self.positions(scenario.participants.map(\.id))
        activityIndex = Self.positions(scenario.activities.map(\.id))
        trainingIndex = Self.positions(scenario.trainings.map(\.id))
        supervisorIndex = Self.positions(scenario.supervisors.map(\.id))
    }

    private static func positions(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (i, id) in ids.enumerated() where result[id] == nil { result[id] = i }
        return result
    }

    /// Total hours of a training's sessions (hours(k) in the contract).
    public func trainingHours(_ k: Int) -> Double { sessions[k].reduce(0) { $0 + $1.hours } }

    public func period(_ day: Day, _ slot: String) -> Period? { scenario.calendar.period(day: day, slot: slot) }
}
