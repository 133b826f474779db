// SPDX-License-Identifier: GPL-3.0-or-later
//
// The one-screen summary that `parcours validate` prints: what the week contains, and whether the
// demand fits the people available — before anything is solved.

public struct ScenarioSummary: Sendable {
    public var name: String
    public var participants: Int
    public var supervisors: Int
    public var activities: Int
    /// Open (activity, period) pairs.
    public var shifts: Int
    public var trainings: Int
    public var sessions: Int
    /// Σ over shifts of min × hours: what the orders need at least.
    public var demandedHours: Double
    /// Σ over shifts of max × hours: what the workshops can take.
    public var shiftCapacityHours: Double
    /// Σ over participants of the hours they could work at most (contract max, availability, daily and days caps).
    public var availableHours: Double
    /// Σ of contract minimums.
    public var contractMinimumHours: Double
    public var supervisorHours: Double
    public var baselineAssignments: Int?

    public init(_ s: Scenario) {
        name = s.name
        participants = s.participants.count
        supervisors = s.supervisors.count
        activities = s.activities.count
        trainings = s.trainings.count
        sessions = s.trainings.reduce(0) { $0 + s.sessionPeriods($1).count }
        let periods = s.calendar.periods
        var shifts = 0, demanded = 0.0, capacity = 0.0
        for a in s.activities {
            for t in periods {
                guard let d = a.demand(in: t) else { continue }
                shifts += 1
                demanded += Double(d.min) * t.hours
                capacity += Double(d.max) * t.hours
            }
        }
        self.shifts = shifts
        demandedHours = demanded
        shiftCapacityHours = capacity
        availableHours = s.participants.reduce(0) { total, p in
            let cap = s.maxHoursPerDay(p)
            let perDay = s.calendar.days.map { day in
                min(cap, periods.filter { $0.day == day && p.availability.allows($0) }.reduce(0) { $0 + $1.hours })
            }.sorted(by: >)
            return total + min(p.hours.max, perDay.prefix(max(0, s.maxDays(p))).reduce(0, +))
        }
        contractMinimumHours = s.participants.reduce(0) { $0 + $1.hours.min }
        supervisorHours = s.supervisors.reduce(0) { total, sup in
            let free = periods.filter { sup.availability.allows($0) }.reduce(0) { $0 + $1.hours }
            return total + min(sup.maxHours ?? free, free)
        }
        baselineAssignments = s.baseline?.count
    }

    public var text: String {
        func h(_ x: Double) -> String { YAMLReader.formatHours((x * 100).rounded() / 100) }
        var lines = [
            "\(name): valid",
            "  participants   \(participants)",
            "  supervisors    \(supervisors) (\(h(supervisorHours)) h available)",
            "  activities     \(activities), \(shifts) open shifts",
            "  trainings      \(trainings), \(sessions) sessions",
            "  demand         \(h(demandedHours)) h at the shifts' minimum, \(h(shiftCapacityHours)) h at their maximum",
            "  participants   \(h(availableHours)) h available at most, \(h(contractMinimumHours)) h of contract minimums",
        ]
        if demandedHours > availableHours {
            lines.append("  note           the minimum demand exceeds the hours available: some shifts will stay short")
        }
        if let baselineAssignments { lines.append("  baseline       \(baselineAssignments) published assignments") }
        return lines.joined(separator: "\n") + "\n"
    }
}
