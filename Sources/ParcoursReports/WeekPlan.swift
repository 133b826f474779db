// SPDX-License-Identifier: GPL-3.0-or-later
//
// The week as the reports read it: who is where in each period, who supervises each shift, how
// many hours each person works, how far each goal got. Counted from the roster's lists alone, as a
// planner would with the printout in hand; every format (HTML, CSV, ICS) reads this one value.

import ParcoursRoster
import ParcoursScenario

/// Where a participant is in one period.
public enum Place: Sendable, Equatable {
    case activity(Int)
    case training(Int)
}

/// One open shift of an activity: its staffing against its demand.
public struct ShiftView: Sendable, Equatable {
    public var activity: Int
    public var period: Period
    public var demand: ShiftDemand
    /// Participant indices, in scenario order.
    public var participants: [Int]
    /// Supervisor indices, in scenario order.
    public var supervisors: [Int]
    public var missing: Int { max(0, demand.min - participants.count) }
    public var isShort: Bool { missing > 0 }
}

/// One goal of a participant, with what the roster gives it.
public struct GoalProgress: Sendable, Equatable {
    public var goal: Goal
    /// Hours asked (a training goal asks the training's hours).
    public var asked: Double
    public var achieved: Double
    public var isMet: Bool { achieved >= asked - 1e-9 }
}

public struct WeekPlan: Sendable {
    public let scenario: Scenario
    public let roster: Roster
    public let periods: [Period]
    /// place[p][t]: what participant p does in period t.
    public let place: [[Place?]]
    /// supervising[s][t]: the activity supervisor s runs in period t.
    public let supervising: [[Int?]]
    /// Every open shift, activity by activity, in period order.
    public let shifts: [ShiftView]

    private let activityIndex: [String: Int]
    private let trainingIndex: [String: Int]
    private let shiftIndex: [ShiftKey: Int]

    private struct ShiftKey: Hashable { var activity: Int; var period: Int }

    public init(scenario: Scenario, roster: Roster) {
        self.scenario = scenario
        self.roster = roster
        let periods = scenario.calendar.periods
        self.periods = periods
        let activityIndex = Self.index(scenario.activities.map(\.id))
        let trainingIndex = Self.index(scenario.trainings.map(\.id))
        let participantIndex = Self.index(scenario.participants.map(\.id))
        let supervisorIndex = Self.index(scenario.supervisors.map(\.id))
        self.activityIndex = activityIndex
        self.trainingIndex = trainingIndex

        var place = Array(repeating: [Place?](repeating: nil, count: periods.count), count: scenario.participants.count)
        for a in roster.assignments {
            guard let p = participantIndex[a.participant], let t = scenario.calendar.period(day: a.day, slot: a.slot) else { continue }
            switch a.place {
            case .activity(let id): place[p][t.index] = activityIndex[id].map(Place.activity)
            case .training(let id): place[p][t.index] = trainingIndex[id].map(Place.training)
            }
        }
        var supervising = Array(repeating: [Int?](repeating: nil, count: periods.count), count: scenario.supervisors.count)
        for s in roster.supervision {
            guard let who = supervisorIndex[s.supervisor], let t = scenario.calendar.period(day: s.day, slot: s.slot) else { continue }
            supervising[who][t.index] = activityIndex[s.activity]
        }
        self.place = place
        self.supervising = supervising

        var shifts: [ShiftView] = []
        var shiftIndex: [ShiftKey: Int] = [:]
        for (a, activity) in scenario.activities.enumerated() {
            for t in periods {
                guard let demand = activity.demand(in: t) else { continue }
                let here = place.indices.filter { place[$0][t.index] == .activity(a) }
                let supervisors = supervising.indices.filter { supervising[$0][t.index] == a }
                shiftIndex[ShiftKey(activity: a, period: t.index)] = shifts.count
                shifts.append(ShiftView(activity: a, period: t, demand: demand, participants: here, supervisors: supervisors))
            }
        }
        self.shifts = shifts
        self.shiftIndex = shiftIndex
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Lookups

    /// The open shift of an activity in a period, if it is open then.
    public func shift(activity: Int, period: Period) -> ShiftView? {
        shiftIndex[ShiftKey(activity: activity, period: period.index)].map { shifts[$0] }
    }

    public func activity(id: String) -> Int? { activityIndex[id] }
    public func training(id: String) -> Int? { trainingIndex[id] }

    /// The supervisors of the shift a participant works in, in a period (none for a training).
    public func supervisors(of p: Int, in period: Period) -> [Int] {
        guard case .activity(let a)? = place[p][period.index] else { return [] }
        return shift(activity: a, period: period)?.supervisors ?? []
    }

    /// The availability entry that keeps a person away in a period (`nil` when available).
    /// For a whitelist (`available: [...]`) there is no entry, hence no reason: a blank one is returned.
    public static func absence(_ availability: Availability, in period: Period) -> TimeRef? {
        switch availability {
        case .always: return nil
        case .except(let refs): return refs.first { $0.covers(period) }
        case .only(let refs): return refs.contains { $0.covers(period) } ? nil : TimeRef(day: period.day, slot: period.slot)
        }
    }

    // MARK: Hours

    /// H(p): the hours of every activity period and training session of a participant.
    public func hours(participant p: Int) -> Double {
        periods.reduce(0) { sum, t in place[p][t.index] == nil ? sum : sum + t.hours }
    }

    public func hours(supervisor s: Int) -> Double {
        periods.reduce(0) { sum, t in supervising[s][t.index] == nil ? sum : sum + t.hours }
    }

    /// Hours of a participant on one day.
    public func hours(participant p: Int, on day: Day) -> Double {
        periods.reduce(0) { sum, t in t.day == day && place[p][t.index] != nil ? sum + t.hours : sum }
    }

    // MARK: Goals

    /// Each goal of a participant with the hours asked and achieved (contract §5's counting).
    public func goals(participant p: Int) -> [GoalProgress] {
        scenario.participants[p].goals.map { goal in
            switch goal.kind {
            case .activity(let id, let asked):
                let achieved = periods.reduce(0.0) { sum, t in
                    place[p][t.index] == activityIndex[id].map(Place.activity) ? sum + t.hours : sum
                }
                return GoalProgress(goal: goal, asked: asked, achieved: achieved)
            case .skill(let skill, let asked):
                let achieved = periods.reduce(0.0) { sum, t in develops(place[p][t.index], skill) ? sum + t.hours : sum }
                return GoalProgress(goal: goal, asked: asked, achieved: achieved)
            case .training(let id):
                guard let k = trainingIndex[id] else { return GoalProgress(goal: goal, asked: 0, achieved: 0) }
                let asked = scenario.sessionPeriods(scenario.trainings[k]).reduce(0) { $0 + $1.hours }
                let enrolled = periods.contains { place[p][$0.index] == .training(k) }
                return GoalProgress(goal: goal, asked: asked, achieved: enrolled ? asked : 0)
            }
        }
    }

    private func develops(_ place: Place?, _ skill: String) -> Bool {
        switch place {
        case .activity(let a): return scenario.activities[a].develops.contains(skill)
        case .training(let k): return scenario.trainings[k].teaches.contains(skill)
        case nil: return false
        }
    }

    // MARK: Trainings

    /// The participants enrolled in a training (in any of its sessions), in scenario order.
    public func enrolled(training k: Int) -> [Int] {
        place.indices.filter { p in periods.contains { place[p][$0.index] == .training(k) } }
    }
}

extension Supervisor {
    /// The name to print: `name`, or the id without one (as for participants).
    public var displayName: String { name ?? id }
}
