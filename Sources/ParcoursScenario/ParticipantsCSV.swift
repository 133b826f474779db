// SPDX-License-Identifier: GPL-3.0-or-later
//
// Participants from a spreadsheet export: `participants: {csv: participants.csv}`.
// Each row becomes the same YAML tree a planner would have written by hand, with every cell
// keeping its row and column, so the participant is read and checked by the same code as in a
// scenario file and every message names the CSV row and column.
//
// Columns (header names, any case; `hours min` and `hours-min` also work):
//   id, name, hours | hours_min + hours_max [+ hours_target], max_hours_per_day, max_days,
//   skills (cuisine:2;hygiene:1 — a skill without a level means level 1), restrictions,
//   unavailable | available (tue.am;thu), goals (activity:cuisine:8;skill:hygiene:4:2;training:haccp
//   — kind:id:hours[:weight], training:id[:weight]), likes, dislikes, avoid.
// Separators: comma, semicolon or tab between cells (detected from the header line); inside a
// cell, lists are separated by `;`, `,` or `|` (a spreadsheet quotes such cells). Decimal commas
// (3,5) are accepted in number cells. UTF-8, with or without a byte-order mark.

import SwiftCSV
import Yams

enum ParticipantsCSV {
    static let columns = ["id", "name", "hours", "hours_min", "hours_max", "hours_target", "max_hours_per_day", "max_days",
                          "skills", "restrictions", "available", "unavailable", "goals", "likes", "dislikes", "avoid"]

    /// The delimiter used in the header line (outside quotes): the most frequent of `;`, `,` and tab.
    static func delimiter(of text: String) -> CSVDelimiter {
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if c == "\n" || c == "\r" { if !quoted { break } }
            if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        if counts["\t"]! > max(counts[";"]!, counts[","]!) { return .tab }
        return counts[";"]! > counts[","]! ? .semicolon : .comma
    }

    static func normalise(_ header: String) -> String {
        header.trimmingSpaces.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }.reduce(into: "") { $0.append($1) }
    }

    /// Reads the participants of a CSV text; problems go to `parser.reader`'s sink, located in `parser.reader.file`.
    static func participants(_ text: String, parser: ScenarioParser) -> [Participant] {
        let reader = parser.reader
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: body, delimiter: delimiter(of: body), loadColumns: false)
        } catch {
            reader.sink.error(SourceLocation(file: reader.file, line: 1, column: 1), "the spreadsheet could not be read: \(error)",
                              fix: "export it again as CSV (UTF-8), with a header line")
            return []
        }
        // Column positions by normalised header name.
        var position: [String: Int] = [:]
        for (i, raw) in csv.header.enumerated() {
            let name = normalise(raw)
            let here = SourceLocation(file: reader.file, line: 1, column: i + 1)
            if name.isEmpty { continue }
            guard columns.contains(name) else {
                reader.sink.error(here, "unknown column '\(raw)'", value: raw,
                                  fix: closest(to: name, among: columns).map { "did you mean '\($0)'?" }
                                    ?? "the columns are: \(columns.joined(separator: ", "))")
                continue
            }
            if position[name] != nil {
                reader.sink.error(here, "the column '\(raw)' appears twice", value: raw, fix: "keep one of them")
                continue
            }
            position[name] = i
        }
        guard position["id"] != nil else {
            reader.sink.error(SourceLocation(file: reader.file, line: 1, column: 1), "the spreadsheet has no `id` column",
                              value: csv.header.joined(separator: ","), fix: "the first line must name the columns, among them `id`")
            return []
        }

        var nodes: [Node] = []
        for (r, row) in csv.rows.enumerated() {
            let line = r + 2
            if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            func cell(_ name: String) -> (text: String, at: SourceLocation)? {
                guard let i = position[name], i < row.count else { return nil }
                let text = row[i].trimmingSpaces
                return text.isEmpty ? nil : (text, SourceLocation(file: reader.file, line: line, column: i + 1))
            }
            func number(_ c: (text: String, at: SourceLocation)) -> Node {
                let t = c.text.filter { $0 != " " }
                let decimalComma = t.filter { $0 == "," }.count == 1 && !t.contains(".")
                return reader.scalar(decimalComma ? t.replacingOccurrences(of: ",", with: ".") : c.text, at: c.at)
            }
            func list(_ c: (text: String, at: SourceLocation)) -> [Node] {
                c.text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" }).map { String($0).trimmingSpaces }
                    .filter { !$0.isEmpty }.map { reader.scalar($0, at: c.at) }
            }
            let rowAt = SourceLocation(file: reader.file, line: line, column: 1)
            var pairs: [(String, Node)] = []
            for name in ["id", "name"] { if let c = cell(name) { pairs.append((name, reader.scalar(c.text, at: c.at))) } }
            if let c = cell("hours") {
                pairs.append(("hours", number(c)))
                for other in ["hours_min", "hours_max", "hours_target"] {
                    if let o = cell(other) {
                        reader.sink.error(o.at, "row \(line) gives both `hours` and `\(other)`", value: o.text,
                                          fix: "fill either `hours` (fixed weekly hours) or `hours_min`/`hours_max`/`hours_target`")
                    }
                }
            } else if cell("hours_min") != nil || cell("hours_max") != nil || cell("hours_target") != nil {
                var band: [(String, Node)] = []
                for (column, key) in [("hours_min", "min"), ("hours_max", "max"), ("hours_target", "target")] {
                    if let c = cell(column) { band.append((key, number(c))) }
                }
                pairs.append(("hours", reader.mapping(band, at: rowAt)))
            }
            var capacity: [(String, Node)] = []
            for key in ["max_hours_per_day", "max_days"] { if let c = cell(key) { capacity.append((key, number(c))) } }
            if !capacity.isEmpty { pairs.append(("capacity", reader.mapping(capacity, at: rowAt))) }
            var availability: [(String, Node)] = []
            for key in ["available", "unavailable"] {
                if let c = cell(key) { availability.append((key, reader.sequence(list(c), at: c.at))) }
            }
            if !availability.isEmpty { pairs.append(("availability", reader.mapping(availability, at: rowAt))) }
            if let c = cell("skills") {
                let levels: [(String, Node)] = list(c).compactMap { item in
                    guard case .scalar(let s) = item else { return nil }
                    let parts = s.string.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces }
                    return (parts[0], reader.scalar(parts.count > 1 ? parts[1] : "1", at: c.at))
                }
                pairs.append(("skills", reader.mapping(levels, at: c.at)))
            }
            for key in ["restrictions", "avoid"] {
                if let c = cell(key) { pairs.append((key, reader.sequence(list(c), at: c.at))) }
            }
            var preferences: [(String, Node)] = []
            for key in ["likes", "dislikes"] {
                if let c = cell(key) { preferences.append((key, reader.sequence(list(c), at: c.at))) }
            }
            if !preferences.isEmpty { pairs.append(("preferences", reader.mapping(preferences, at: rowAt))) }
            if let c = cell("goals") {
                var goals: [Node] = []
                for item in list(c) {
                    guard case .scalar(let s) = item else { continue }
                    let parts = s.string.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                    let kind = parts[0].lowercased()
                    var goal: [(String, Node)] = []
                    switch (kind, parts.count) {
                    case ("training", 2...3):
                        goal.append(("training", reader.scalar(parts[1], at: c.at)))
                        if parts.count == 3 { goal.append(("weight", reader.scalar(parts[2], at: c.at))) }
                    case ("activity", 3...4), ("skill", 3...4):
                        goal.append((kind, reader.scalar(parts[1], at: c.at)))
                        goal.append(("hours", reader.scalar(parts[2], at: c.at)))
                        if parts.count == 4 { goal.append(("weight", reader.scalar(parts[3], at: c.at))) }
                    default:
                        reader.sink.error(c.at, "the goal '\(s.string)' is not written kind:id:hours", value: s.string,
                                          fix: "write activity:cuisine:8, skill:hygiene:4 (optionally :weight) or training:haccp")
                        continue
                    }
                    goals.append(reader.mapping(goal, at: c.at))
                }
                pairs.append(("goals", reader.sequence(goals, at: c.at)))
            }
            nodes.append(reader.mapping(pairs, at: rowAt))
        }
        return parser.entities(reader.sequence(nodes, at: SourceLocation(file: reader.file, line: 1, column: 1)), kind: .participant) { f, path, id in
            var participant = Participant(id: id, hours: HoursBand(exactly: 0))
            parser.participantFields(f, path: path, into: &participant)
            return participant
        }
    }
}
