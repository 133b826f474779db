// SPDX-License-Identifier: GPL-3.0-or-later
//
// A hand-checked week for the reports: Monday and Tuesday 2026-11-23/24, a 4-hour morning and a
// 3.25-hour afternoon; a kitchen that needs 2 people and a supervisor, a garden that needs 1,
// a training on Tuesday afternoon. The roster is written by hand, so every total is known:
//   amina  mon am kitchen, mon pm kitchen, tue am garden, tue pm haccp   14.5 h (min 12)
//   bruno  mon am kitchen, tue pm haccp                                    7.25 h (min 10: under)
//   chloe  away on Monday ("rendez-vous médical"), tue am kitchen          4 h
//   marc   supervises kitchen mon am, mon pm, tue am                       11.25 h
// Kitchen: mon am 2 (ok), mon pm 1 (short by 1), tue am 1 (short by 1), tue pm 0 (short by 2);
// garden (mornings): mon am 0 (short by 1), tue am 1 (ok).

import ParcoursRoster
import ParcoursScenario
@testable import ParcoursReports

struct ReportNames {
    var amina = "Amina K."
    var bruno = "Bruno L."
    var chloe = "Chloé M."
    var marc = "Marc D."
    var reason = "rendez-vous médical"

    /// Names that try to break every format.
    static let hostile = ReportNames(
        amina: "<script>alert('x')</script> & Co",
        bruno: "=cmd|' /C calc'!A0",
        chloe: "Chloé, \"la\"; M.\nsecond line",
        marc: "@SUM(1+1)*cmd|' /C calc'!A0",
        reason: "<img src=x onerror=alert(1)>; thérapie, CMP\nlundi")
}

func reportWeek(_ names: ReportNames = ReportNames()) -> Scenario {
    Scenario(
        name: "Atelier test – semaine 48",
        week: "2026-11-23",
        timezone: "Europe/Paris",
        calendar: Calendar(days: [.mon, .tue], slots: [
            Slot(id: "am", start: "08:00", end: "12:00", hours: 4),
            Slot(id: "pm", start: "13:00", end: "16:15", hours: 3.25),
        ]),
        skills: [Skill(id: "hygiene", name: "Hygiène")],
        participants: [
            Participant(id: "amina", name: names.amina, hours: HoursBand(min: 12, max: 16, target: 14),
                        goals: [Goal(.activity("kitchen", hours: 8)), Goal(.skill("hygiene", hours: 4))]),
            Participant(id: "bruno", name: names.bruno, hours: HoursBand(min: 10, max: 16, target: 12),
                        goals: [Goal(.training("haccp"))]),
            Participant(id: "chloe", name: names.chloe, hours: HoursBand(min: 0, max: 8, target: 4),
                        availability: .except([TimeRef(day: .mon, reason: names.reason)])),
        ],
        supervisors: [Supervisor(id: "marc", name: names.marc, activities: ["kitchen"], maxHours: 20)],
        activities: [
            Activity(id: "kitchen", name: "Cuisine – repas", site: "Atelier", supervisionRatio: 8,
                     open: [OpenBlock(min: 2, max: 3)]),
            Activity(id: "garden", name: "Jardin", site: "Parcelles", supervisionRatio: 0,
                     open: [OpenBlock(slots: ["am"], min: 1, max: 2)]),
        ],
        trainings: [Training(id: "haccp", name: "HACCP", teaches: ["hygiene"], seats: 4,
                             sessions: [TimeRef(day: .tue, slot: "pm")])]
    )
}

func reportRoster() -> Roster {
    func a(_ p: String, _ d: Day, _ s: String, _ place: Roster.Assignment.Place) -> Roster.Assignment {
        Roster.Assignment(participant: p, day: d, slot: s, place: place)
    }
    var roster = Roster(scenario: "Atelier test – semaine 48", status: .feasible,
                        solver: Roster.SolverInfo(name: "GLPK", version: "5.0", seconds: 0.1))
    roster.objective = 612.5
    roster.bound = 600
    roster.gap = 0.02
    roster.terms = TermValues([.coverage: 525, .contract: 137.5, .target: -50])
    roster.assignments = [
        a("amina", .mon, "am", .activity("kitchen")), a("amina", .mon, "pm", .activity("kitchen")),
        a("amina", .tue, "am", .activity("garden")), a("amina", .tue, "pm", .training("haccp")),
        a("bruno", .mon, "am", .activity("kitchen")), a("bruno", .tue, "pm", .training("haccp")),
        a("chloe", .tue, "am", .activity("kitchen")),
    ]
    roster.supervision = [
        Roster.SupervisionEntry(supervisor: "marc", day: .mon, slot: "am", activity: "kitchen"),
        Roster.SupervisionEntry(supervisor: "marc", day: .mon, slot: "pm", activity: "kitchen"),
        Roster.SupervisionEntry(supervisor: "marc", day: .tue, slot: "am", activity: "kitchen"),
    ]
    roster.enrollments = [Roster.Enrollment(training: "haccp", participants: ["amina", "bruno"])]
    roster.unmet = [
        Roster.Unmet(activity: "garden", day: .mon, slot: "am", missing: 1),
        Roster.Unmet(activity: "kitchen", day: .mon, slot: "pm", missing: 1),
        Roster.Unmet(activity: "kitchen", day: .tue, slot: "am", missing: 1),
        Roster.Unmet(activity: "kitchen", day: .tue, slot: "pm", missing: 2),
    ]
    return roster
}

func reportPlan(_ names: ReportNames = ReportNames()) -> WeekPlan {
    WeekPlan(scenario: reportWeek(names), roster: reportRoster())
}

// MARK: Reading the formats back

/// RFC 4180 rows of a sheet (after the byte-order mark), with CRLF line ends.
func parseCSV(_ text: String, separator: Character = ",") -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, afterQuote = false
    var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    chars.append("\u{0}")  // a sentinel ends the last row
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false; afterQuote = true }
            } else { cell.append(c) }
        } else if c == "\"" && cell.isEmpty && !afterQuote {
            quoted = true
        } else if c == separator {
            row.append(cell); cell = ""; afterQuote = false
        } else if c == "\r\n" || c == "\n" || c == "\u{0}" {
            if !(c == "\u{0}" && row.isEmpty && cell.isEmpty) { row.append(cell); rows.append(row) }
            row = []; cell = ""; afterQuote = false
        } else {
            cell.append(c)
        }
        i += 1
    }
    return rows
}

/// A neutralised cell as the spreadsheet shows it: the leading apostrophe removed.
func spreadsheetValue(_ cell: String) -> String {
    guard cell.hasPrefix("'"), let next = cell.dropFirst().unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(next) else { return cell }
    return String(cell.dropFirst())
}

/// An ICS file's content lines, unfolded (RFC 5545 §3.1).
func unfoldICS(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
}

/// A TEXT value unescaped (RFC 5545 §3.3.11).
func unescapeICS(_ value: String) -> String {
    var out = "", escaping = false
    for c in value {
        if escaping {
            out.append(c == "n" || c == "N" ? "\n" : c)
            escaping = false
        } else if c == "\\" { escaping = true } else { out.append(c) }
    }
    return out
}

struct ICSEvent {
    var fields: [String: String]
    subscript(_ name: String) -> String? { fields[name] }
}

/// The VEVENTs of a calendar, each as property name → value (parameters dropped).
func parseICS(_ text: String) -> [ICSEvent] {
    var events: [ICSEvent] = [], current: [String: String]?
    for line in unfoldICS(text) {
        if line == "BEGIN:VEVENT" { current = [:]; continue }
        if line == "END:VEVENT" { events.append(ICSEvent(fields: current ?? [:])); current = nil; continue }
        guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
        let name = line[..<colon].split(separator: ";").first.map(String.init) ?? ""
        current?[name] = String(line[line.index(after: colon)...])
    }
    return events
}
