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
        out.append(terms.reported.map { "  \($0.rawValue) \(JSON.number(terms[$0]))" }.joined(separator: "\n"))
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
        let under = scenario.participants.indices.filter { report.hours[$0] + scenario.paidHours(scenario.participants[$0]) < scenario.participants[$0].hours.min - 1e-9 }
        if !under.isEmpty {
            out.append("under their contract minimum (\(under.count)):")
            for p in under {
                let who = scenario.participants[p], paid = scenario.paidHours(who)
                out.append("  \(who.id) \(JSON.number(report.hours[p])) h\(paid > 0 ? " + \(JSON.number(paid)) h paid" : "") of \(JSON.number(who.hours.min)) h")
            }
        }
        let paid = Roster.PaidAbsence.list(for: scenario)
        if !paid.isEmpty {
            out.append("paid absences, counted as worked in the contract and target terms (\(paid.count)):")
            for a in paid { out.append("  \(a.participant) \(JSON.number(a.hours)) h") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The whole roster as a grid: a line per person (their name; the id where two share a name),
    /// a column per period under its day and date, and the week's hours last (paid absences shown
    /// beside them). When the grid is wider than `width`, it is cut by day into blocks that fit.
    public func table(for scenario: Scenario, width: Int = 100) -> String {
        let grid = TextGrid(roster: self, scenario: scenario)
        return grid.render(width: width)
    }
}

/// The cells of the text grid, and their layout by day.
struct TextGrid {
    let scenario: Scenario
    /// Row labels and cells, participants then supervisors.
    var labels: [String] = []
    var cells: [[String]] = []
    var hours: [String] = []
    let supervisorsFrom: Int

    init(roster: Roster, scenario: Scenario) {
        self.scenario = scenario
        let periods = scenario.calendar.periods
        var place: [String: [Int: String]] = [:]
        for a in roster.assignments {
            guard let t = scenario.calendar.period(day: a.day, slot: a.slot) else { continue }
            switch a.place {
            case .activity(let id): place[a.participant, default: [:]][t.index] = id
            case .training(let id): place[a.participant, default: [:]][t.index] = "[\(id)]"
            }
        }
        var supervising: [String: [Int: String]] = [:]
        for s in roster.supervision {
            guard let t = scenario.calendar.period(day: s.day, slot: s.slot) else { continue }
            supervising[s.supervisor, default: [:]][t.index] = s.activity
        }
        let people = scenario.participants.map { ($0.id, $0.displayName) } + scenario.supervisors.map { ($0.id, $0.name ?? $0.id) }
        var count: [String: Int] = [:]
        for (_, name) in people { count[name, default: 0] += 1 }
        labels = people.map { id, name in count[name]! > 1 ? id : name }
        supervisorsFrom = scenario.participants.count
        for p in scenario.participants {
            let paid = p.paidAbsences
            cells.append(periods.map { t in place[p.id]?[t.index] ?? (paid.contains { $0.covers(t) } ? "paid" : ".") })
            let worked = periods.reduce(0.0) { place[p.id]?[$1.index] == nil ? $0 : $0 + $1.hours }
            let paidHours = scenario.paidHours(p)
            hours.append(JSON.number(worked) + (paidHours > 0 ? "+\(JSON.number(paidHours)) paid" : ""))
        }
        for s in scenario.supervisors {
            cells.append(periods.map { supervising[s.id]?[$0.index] ?? "." })
            hours.append(JSON.number(periods.reduce(0.0) { supervising[s.id]?[$1.index] == nil ? $0 : $0 + $1.hours }))
        }
    }

    /// `mon 23 Nov` with the week's date, else `mon`.
    func dayLabel(_ day: Day) -> String {
        guard let week = scenario.week.flatMap(CivilDate.init(iso:)) else { return day.rawValue }
        let date = week.adding(days: (day.number - week.weekday.number + 7) % 7)
        return "\(day.rawValue) \(date.short)"
    }

    func render(width: Int) -> String {
        let slots = scenario.calendar.slots.map(\.id), days = scenario.calendar.days
        let whoWidth = max(3, labels.map(\.count).max() ?? 0)
        let hoursWidth = max(5, hours.map(\.count).max() ?? 0)
        // Column widths per (day, slot), the last slot of a day widened to fit the day's label.
        var columnWidth = [[Int]](repeating: [], count: days.count)
        for d in days.indices {
            columnWidth[d] = slots.indices.map { s in max(slots[s].count, cells.map { $0[d * slots.count + s].count }.max() ?? 0) }
            let span = columnWidth[d].reduce(0, +) + 2 * (slots.count - 1)
            columnWidth[d][slots.count - 1] += max(0, dayLabel(days[d]).count - span)
        }
        let dayWidth = columnWidth.map { $0.reduce(0, +) + 2 * (slots.count - 1) }
        // Days in blocks that fit `width`; the hours column goes with the last block.
        var blocks: [[Int]] = [[]]
        var used = whoWidth
        for d in days.indices {
            let extra = 2 + dayWidth[d] + (d == days.count - 1 ? 2 + hoursWidth : 0)
            if !blocks[blocks.count - 1].isEmpty && used + extra > width {
                blocks.append([]); used = whoWidth
            }
            blocks[blocks.count - 1].append(d); used += 2 + dayWidth[d]
        }
        func pad(_ text: String, _ n: Int) -> String { text.padding(toLength: max(n, text.count), withPad: " ", startingAt: 0) }
        var out: [String] = []
        for (b, block) in blocks.enumerated() {
            let last = b == blocks.count - 1
            if b > 0 { out.append("") }
            var dayLine = pad("", whoWidth), slotLine = pad("who", whoWidth)
            for d in block {
                dayLine += "  " + pad(dayLabel(days[d]), dayWidth[d])
                slotLine += "  " + slots.indices.map { pad(slots[$0], columnWidth[d][$0]) }.joined(separator: "  ")
            }
            if last { slotLine += "  " + pad("hours", hoursWidth) }
            out.append(dayLine.trimmingTrailingSpaces)
            out.append(slotLine.trimmingTrailingSpaces)
            for r in labels.indices {
                if r == supervisorsFrom && !scenario.supervisors.isEmpty { out.append("-- supervisors") }
                var line = pad(labels[r], whoWidth)
                for d in block {
                    line += "  " + slots.indices.map { pad(cells[r][d * slots.count + $0], columnWidth[d][$0]) }.joined(separator: "  ")
                }
                if last { line += "  " + String(repeating: " ", count: hoursWidth - hours[r].count) + hours[r] }
                out.append(line.trimmingTrailingSpaces)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
