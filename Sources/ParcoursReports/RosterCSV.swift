// SPDX-License-Identifier: GPL-3.0-or-later
//
// The roster for spreadsheets (`--format csv`): one row per assignment, and a totals sheet with a
// row per person. UTF-8 with a byte-order mark (so that Excel reads the accents), CRLF line ends,
// RFC 4180 quoting. A text cell that starts with = + - @ (or a tab or carriage return) is
// neutralised with a leading apostrophe, since spreadsheets run such a cell as a formula. With
// `;` as separator (French spreadsheets) numbers are written with a decimal comma.

import ParcoursRoster
import ParcoursScenario

public struct RosterCSV: Sendable {
    public static let separators: [Character] = [",", ";", "\t"]
    public static let assignmentColumns = ["role", "person", "name", "date", "day", "slot", "start", "end", "hours",
                                           "kind", "place", "place_name", "site", "supervisors"]
    public static let totalsColumns = ["role", "person", "name", "hours", "min", "target", "max", "status",
                                       "goals_met", "goals", "goal_hours_achieved", "goal_hours_asked"]

    public let plan: WeekPlan
    public let separator: Character
    private let dates: WeekDates

    public init(_ plan: WeekPlan, separator: Character = ",") {
        precondition(Self.separators.contains(separator), "the CLI checks --csv-separator")
        self.plan = plan
        self.separator = separator
        dates = WeekDates(plan.scenario)
    }

    private var scenario: Scenario { plan.scenario }

    // MARK: Sheets

    /// Every assignment of every participant, then every supervised shift, in calendar order.
    public var assignments: String {
        var rows = [Self.assignmentColumns.map(text)]
        for (p, who) in scenario.participants.enumerated() {
            for t in plan.periods {
                guard let place = plan.place[p][t.index] else { continue }
                rows.append(assignmentRow(role: "participant", id: who.id, name: who.displayName, period: t, place: place,
                                          supervisors: plan.supervisors(of: p, in: t)))
            }
        }
        for (s, who) in scenario.supervisors.enumerated() {
            for t in plan.periods {
                guard let a = plan.supervising[s][t.index] else { continue }
                rows.append(assignmentRow(role: "supervisor", id: who.id, name: who.displayName, period: t,
                                          place: .activity(a), supervisors: [], kind: "supervision"))
            }
        }
        return sheet(rows)
    }

    /// A row per participant (hours against min / target / max, goals met) and per supervisor.
    public var totals: String {
        var rows = [Self.totalsColumns.map(text)]
        for (p, who) in scenario.participants.enumerated() {
            let hours = plan.hours(participant: p), goals = plan.goals(participant: p)
            let status = hours < who.hours.min - 1e-9 ? "under minimum" : hours > who.hours.max + 1e-9 ? "above maximum" : "within contract"
            rows.append([text("participant"), text(who.id), text(who.displayName), number(hours), number(who.hours.min),
                         number(who.hours.target), number(who.hours.max), text(status),
                         number(Double(goals.filter(\.isMet).count)), number(Double(goals.count)),
                         number(goals.reduce(0) { $0 + min($1.achieved, $1.asked) }), number(goals.reduce(0) { $0 + $1.asked })])
        }
        for (s, who) in scenario.supervisors.enumerated() {
            let hours = plan.hours(supervisor: s)
            let status = who.maxHours.map { hours > $0 + 1e-9 ? "above maximum" : "within maximum" } ?? "no maximum"
            rows.append([text("supervisor"), text(who.id), text(who.displayName), number(hours), "", "",
                         who.maxHours.map(number) ?? "", text(status), "", "", "", ""])
        }
        return sheet(rows)
    }

    private func assignmentRow(role: String, id: String, name: String, period t: Period, place: Place,
                               supervisors: [Int], kind: String? = nil) -> [String] {
        let placeID: String, placeName: String, site: String, placeKind: String
        switch place {
        case .activity(let a):
            let activity = scenario.activities[a]
            (placeID, placeName, site, placeKind) = (activity.id, activity.name ?? activity.id, activity.site ?? "", "activity")
        case .training(let k):
            let training = scenario.trainings[k]
            (placeID, placeName, site, placeKind) = (training.id, training.name ?? training.id, "", "training")
        }
        return [text(role), text(id), text(name), text(dates.date(of: t.day)?.description ?? ""), text(t.day.rawValue), text(t.slot),
                text(dates.start(of: t)?.description ?? ""), text(dates.end(of: t)?.description ?? ""), number(t.hours),
                text(kind ?? placeKind), text(placeID), text(placeName), text(site),
                text(supervisors.map { scenario.supervisors[$0].displayName }.joined(separator: " / "))]
    }

    // MARK: Cells

    /// A byte-order mark, then the rows joined by the separator, each line ended by CRLF.
    private func sheet(_ rows: [[String]]) -> String { Self.sheet(rows, separator: separator) }

    /// A text cell: neutralised if a spreadsheet would read it as a formula, quoted if needed.
    public func text(_ value: String) -> String { Self.text(value, separator: separator) }

    /// A number as the contract writes it, with a decimal comma when the separator is `;`.
    public func number(_ x: Double) -> String { Self.number(x, separator: separator) }

    /// A text cell of any sheet with this separator (the history's progress sheet too).
    public static func text(_ value: String, separator: Character) -> String {
        let safe = startsLikeFormula(value) ? "'" + value : value
        let needsQuotes = safe.contains(separator) || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        return needsQuotes ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }

    public static func number(_ x: Double, separator: Character) -> String {
        let plain = JSON.number(x)
        return separator == ";" ? plain.replacingOccurrences(of: ".", with: ",") : plain
    }

    /// Rows as a sheet: a byte-order mark (so that Excel reads UTF-8), CRLF line ends.
    public static func sheet(_ rows: [[String]], separator: Character) -> String {
        "\u{FEFF}" + rows.map { $0.joined(separator: String(separator)) + "\r\n" }.joined()
    }

    /// = + - @ start a formula in Excel, LibreOffice and Google Sheets; a tab or CR can hide one.
    public static func startsLikeFormula(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first else { return false }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first)
    }
}
