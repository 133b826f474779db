// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a roster says, period by period, in the shape explanations ask it: where each person is,
// who is in each shift, who supervises where, each person's hours. Pure reading of scenario and
// roster; no solver.

import ParcoursScenario
import ParcoursRoster

/// Where a participant is in one period.
enum Place: Equatable {
    case activity(Int)
    case training(Int)
}

struct RosterFacts {
    let scenario: Scenario
    let periods: [Period]
    /// `demand[activity][period]`: the open shift's staffing, nil when closed.
    let demand: [[ShiftDemand?]]
    let sessions: [[Period]]
    private(set) var place: [[Place?]]
    private(set) var people: [[[Int]]]            // [activity][period] -> participants
    private(set) var supervising: [[Int?]]        // [supervisor][period] -> activity
    private(set) var bosses: [[Int]]              // [activity][period] -> supervisors there
    private(set) var enrolled: [[Int]]            // [training] -> participants
    private(set) var dayHours: [[Double]]         // [participant][day]
    private(set) var supervisorHours: [Double]
    let participantIndex: [String: Int]
    let activityIndex: [String: Int]

    init(_ scenario: Scenario, _ roster: Roster) {
        self.scenario = scenario
        periods = scenario.calendar.periods
        let T = periods.count, P = scenario.participants.count, A = scenario.activities.count
        demand = scenario.activities.map { a in scenario.calendar.periods.map { a.demand(in: $0) } }
        sessions = scenario.trainings.map { scenario.sessionPeriods($0) }
        participantIndex = Self.positions(scenario.participants.map(\.id))
        activityIndex = Self.positions(scenario.activities.map(\.id))
        let trainingIndex = Self.positions(scenario.trainings.map(\.id))
        let supervisorIndex = Self.positions(scenario.supervisors.map(\.id))
        place = Array(repeating: Array(repeating: nil, count: T), count: P)
        people = Array(repeating: Array(repeating: [], count: T), count: A)
        supervising = Array(repeating: Array(repeating: nil, count: T), count: scenario.supervisors.count)
        bosses = Array(repeating: Array(repeating: 0, count: T), count: A)
        enrolled = Array(repeating: [], count: scenario.trainings.count)
        dayHours = Array(repeating: Array(repeating: 0, count: scenario.calendar.days.count), count: P)
        supervisorHours = Array(repeating: 0, count: scenario.supervisors.count)
        for a in roster.assignments {
            guard let p = participantIndex[a.participant], let t = scenario.calendar.period(day: a.day, slot: a.slot),
                  place[p][t.index] == nil else { continue }
            switch a.place {
            case .activity(let id):
                guard let i = activityIndex[id] else { continue }
                place[p][t.index] = .activity(i)
                people[i][t.index].append(p)
            case .training(let id):
                guard let k = trainingIndex[id] else { continue }
                place[p][t.index] = .training(k)
                if !enrolled[k].contains(p) { enrolled[k].append(p) }
            }
            dayHours[p][t.dayIndex] += t.hours
        }
        for s in roster.supervision {
            guard let i = supervisorIndex[s.supervisor], let t = scenario.calendar.period(day: s.day, slot: s.slot),
                  let a = activityIndex[s.activity], supervising[i][t.index] == nil else { continue }
            supervising[i][t.index] = a
            bosses[a][t.index] += 1
            supervisorHours[i] += t.hours
        }
        for k in enrolled.indices { enrolled[k].sort() }
    }

    private static func positions(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (i, id) in ids.enumerated() where result[id] == nil { result[id] = i }
        return result
    }

    func hours(_ p: Int) -> Double { dayHours[p].reduce(0, +) }
    func daysWorked(_ p: Int) -> Int { dayHours[p].filter { $0 > 0 }.count }

    /// Open shifts below their minimum, in activity then period order.
    var shortShifts: [(activity: Int, period: Period)] {
        scenario.activities.indices.flatMap { a in
            periods.compactMap { t in
                guard let d = demand[a][t.index], people[a][t.index].count < d.min else { return nil }
                return (a, t)
            }
        }
    }

    /// Supervisors of the activity who are available then, supervise nothing else and are below their weekly maximum.
    func freeSupervisors(of a: Int, at t: Period) -> [Int] {
        scenario.supervisors.indices.filter { s in
            let who = scenario.supervisors[s]
            return who.activities.contains(scenario.activities[a].id) && who.availability.allows(t)
                && supervising[s][t.index] == nil && supervisorHours[s] + t.hours <= (who.maxHours ?? .infinity) + 1e-9
        }
    }

    func avoids(_ p: Int, _ q: Int) -> Bool {
        let a = scenario.participants[p], b = scenario.participants[q]
        return a.avoid.contains(b.id) || b.avoid.contains(a.id)
    }
}

// MARK: Names

extension RosterFacts {
    /// "Amina K. (p01)", or the id alone when the person has no name.
    func who(_ p: Int) -> String { Self.named(scenario.participants[p].name, scenario.participants[p].id) }
    func supervisorName(_ s: Int) -> String { Self.named(scenario.supervisors[s].name, scenario.supervisors[s].id) }
    func activityName(_ a: Int) -> String { Self.named(scenario.activities[a].name, scenario.activities[a].id) }
    func trainingName(_ k: Int) -> String { Self.named(scenario.trainings[k].name, scenario.trainings[k].id) }

    static func named(_ name: String?, _ id: String) -> String { Naming.named(name, id) }

    /// Why a person is away then, from their availability: nil when available, "" without a reason given.
    static func absence(_ availability: Availability, in t: Period) -> String? {
        switch availability {
        case .always: return nil
        case .only(let refs): return refs.contains { $0.covers(t) } ? nil : ""
        case .except(let refs): return refs.first { $0.covers(t) }.map { $0.reason ?? "" }
        }
    }
}

/// Hours as the contract writes them: 4, 3.25.
func hoursText(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
}

/// "a, b and c".
func listed(_ parts: [String]) -> String { Naming.listed(parts) }

/// How explanations name people and list them, shared with the engine's explanations.
public enum Naming {
    /// "Amina K. (p01)", or the id alone when the person has no name.
    public static func named(_ name: String?, _ id: String) -> String {
        guard let name, !name.isEmpty, name != id else { return id }
        return "\(name) (\(id))"
    }

    /// "a, b and c".
    public static func listed(_ parts: [String]) -> String {
        parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
}
