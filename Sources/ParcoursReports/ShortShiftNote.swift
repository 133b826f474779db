// SPDX-License-Identifier: GPL-3.0-or-later
//
// Why a shift stays short, in plain words, from what the roster shows: of the participants allowed
// in the activity, who was away, who worked elsewhere, who had reached a limit, who was left free.

import ParcoursScenario

extension WeekPlan {
    /// One sentence for a short shift, e.g. "2 missing (3 of at least 5). Of the 9 participants
    /// allowed here, 4 work elsewhere then, 2 are away, 3 have reached their weekly maximum."
    public func shortfallNote(_ shift: ShiftView) -> String {
        let activity = scenario.activities[shift.activity]
        let allowed = scenario.participants.indices.filter { scenario.participants[$0].mayWork(in: activity) }
        var away = 0, elsewhere = 0, weekly = 0, daily = 0, days = 0, free = 0
        for p in allowed where !shift.participants.contains(p) {
            if WeekPlan.absence(scenario.participants[p].availability, in: shift.period) != nil { away += 1 }
            else if place[p][shift.period.index] != nil { elsewhere += 1 }
            else if hours(participant: p) + shift.period.hours > scenario.participants[p].hours.max + 1e-9 { weekly += 1 }
            else if hours(participant: p, on: shift.period.day) + shift.period.hours > scenario.maxHoursPerDay(scenario.participants[p]) + 1e-9 { daily += 1 }
            else if hours(participant: p, on: shift.period.day) == 0 && daysWorked(p) >= scenario.maxDays(scenario.participants[p]) { days += 1 }
            else { free += 1 }
        }
        var head = "\(shift.missing) missing (\(shift.participants.count) of at least \(shift.demand.min))."
        let parts = [
            count(elsewhere, "works elsewhere then", "work elsewhere then"),
            count(away, "is away", "are away"),
            count(weekly, "has reached their weekly maximum", "have reached their weekly maximum"),
            count(daily, "has reached their daily cap", "have reached their daily cap"),
            count(days, "has reached their days cap", "have reached their days cap"),
            count(free, "is free and within their limits", "are free and within their limits"),
        ].compactMap { $0 }
        if allowed.isEmpty {
            head += " No participant has the skills and clearance this activity requires."
        } else if !parts.isEmpty {
            head += " Of the \(allowed.count) participant\(allowed.count == 1 ? "" : "s") allowed here, " + listed(parts) + "."
        }
        if free > 0, scenario.supervisionRatio(activity) > 0, shift.supervisors.isEmpty, !hasFreeSupervisor(for: shift) {
            head += " No supervisor of this activity is free then."
        }
        return head
    }

    /// A supervisor of the activity, available, running nothing else then and below their weekly maximum.
    func hasFreeSupervisor(for shift: ShiftView) -> Bool {
        scenario.supervisors.indices.contains { s in
            let who = scenario.supervisors[s]
            return who.activities.contains(scenario.activities[shift.activity].id)
                && WeekPlan.absence(who.availability, in: shift.period) == nil
                && supervising[s][shift.period.index] == nil
                && hours(supervisor: s) + shift.period.hours <= (who.maxHours ?? .infinity) + 1e-9
        }
    }

    func daysWorked(_ p: Int) -> Int {
        scenario.calendar.days.filter { hours(participant: p, on: $0) > 0 }.count
    }

    private func count(_ n: Int, _ one: String, _ many: String) -> String? {
        n == 0 ? nil : "\(n) \(n == 1 ? one : many)"
    }

    private func listed(_ parts: [String]) -> String {
        parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
}
