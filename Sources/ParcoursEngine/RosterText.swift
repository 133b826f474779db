// SPDX-License-Identifier: GPL-3.0-or-later
//
// The roster for people: a short summary for the terminal, and a full text listing.

import Foundation
import ParcoursScenario

extension Roster {
    /// A few lines: status, objective and each term, unmet shifts, people under their minimum.
    public func summary(for scenario: Scenario) -> String {
        var out: [String] = []
        let seconds = JSON.number((solver.seconds * 100).rounded() / 100)
        out.append("\(scenario.name): \(status.rawValue) in \(seconds) s")
        if let explanation { out.append(explanation) }
        guard hasSolution, let terms, let objective else { return out.joined(separator: "\n") + "\n" }
        var head = "objective \(JSON.number(objective))"
        if let bound, let gap, gap > 0 { head += " (bound \(JSON.number(bound)), gap \(JSON.number((gap * 10000).rounded() / 100)) %)" }
        out.append(head)
        out.append(ObjectiveTerm.allCases.map { "  \($0.rawValue) \(JSON.number(terms[$0]))" }.joined(separator: "\n"))
        let report = RosterCheck(scenario).check(assignments, supervision)
        out.append("\(assignments.count) assignments, \(supervision.count) supervised shifts, "
            + "\(enrollments.count) training(s) running")
        if unmet.isEmpty {
            out.append("every shift reaches its minimum")
        } else {
            let hours = unmet.reduce(0.0) { sum, u in sum + Double(u.missing) * (scenario.calendar.period(day: u.day, slot: u.slot)?.hours ?? 0) }
            out.append("unmet shifts (\(unmet.count), \(JSON.number(hours)) person-hours):")
            for u in unmet { out.append("  \(u.activity) \(u.day.rawValue) \(u.slot): \(u.missing) missing") }
        }
        let under = scenario.participants.indices.filter { report.hours[$0] < scenario.participants[$0].hours.min - 1e-9 }
        if !under.isEmpty {
            out.append("under their contract minimum (\(under.count)):")
            for p in under {
                let who = scenario.participants[p]
                out.append("  \(who.id) \(JSON.number(report.hours[p])) h of \(JSON.number(who.hours.min)) h")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The whole roster as a table: a line per participant, a column per period.
    public func table(for scenario: Scenario) -> String {
        let periods = scenario.calendar.periods
        var cell: [String: [Int: String]] = [:]
        for a in assignments {
            guard let t = scenario.calendar.period(day: a.day, slot: a.slot) else { continue }
            switch a.place {
            case .activity(let id): cell[a.participant, default: [:]][t.index] = id
            case .training(let id): cell[a.participant, default: [:]][t.index] = "[\(id)]"
            }
        }
        for s in supervision {
            guard let t = scenario.calendar.period(day: s.day, slot: s.slot) else { continue }
            cell[s.supervisor, default: [:]][t.index] = s.activity
        }
        let people = scenario.participants.map(\.id) + scenario.supervisors.map(\.id)
        let header = ["who"] + periods.map { "\($0.day.rawValue) \($0.slot)" }
        let rows = people.map { id in [id] + periods.map { cell[id]?[$0.index] ?? "." } }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ r: [String]) -> String {
            zip(r, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        for (i, r) in rows.enumerated() {
            if i == scenario.participants.count && !scenario.supervisors.isEmpty { out += "-- supervisors\n" }
            out += line(r) + "\n"
        }
        return out
    }
}
