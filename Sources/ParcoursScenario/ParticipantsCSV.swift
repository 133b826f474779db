// SPDX-License-Identifier: GPL-3.0-or-later
//
// Participants from a spreadsheet export: `participants: {csv: participants.csv}`.
// Each row becomes the same YAML tree a planner would have written by hand, with every cell
// keeping its row and column, so the participant is read and checked by the same code as in a
// scenario file and every message names the CSV row and column.
//
// Columns (header names, any case, accents or not; `hours min` and `hours-min` also work; French
// aliases `Nom`, `Heures min`, `Compétences`, … in `frenchAliases`):
//   id, name, hours | hours_min + hours_max [+ hours_target], max_hours_per_day, max_days,
//   skills (cuisine:2;hygiene:1 — a skill without a level means level 1), restrictions,
//   unavailable | available (tue.am;thu), goals (activity:cuisine:8;skill:hygiene:4:2;training:haccp
//   — kind:id:hours[:weight], training:id[:weight]), likes, dislikes, avoid,
//   fixed (mon.am:cuisine;training:haccp), limits (standing:4).
// Errors about the weekly hours and the id are said in the sheet's words (rows, columns).
// Separators: comma, semicolon or tab between cells (detected from the header line, see
// CSVRecords); a row with more cells than the header is an error (a decimal comma in a
// comma-separated file, most often), fewer cells mean empty ones; inside a
// cell, lists are separated by `;`, `,` or `|` (a spreadsheet quotes such cells). Decimal commas
// (3,5) are accepted in number cells. UTF-8, with or without a byte-order mark, or Windows-1252
// (decoded by the loader, with a note).

import Yams

enum ParticipantsCSV {
    static let columns = ["id", "name", "hours", "hours_min", "hours_max", "hours_target", "max_hours_per_day", "max_days",
                          "skills", "restrictions", "available", "unavailable", "goals", "likes", "dislikes", "avoid",
                          "fixed", "limits"]

    /// French headers, as a French sheet names its columns (after `normalise`: no accents, `_`).
    static let frenchAliases = ["nom": "name", "heures": "hours", "heures_min": "hours_min", "heures_max": "hours_max",
                                "heures_cible": "hours_target", "competences": "skills", "restrictions": "restrictions",
                                "indisponibilites": "unavailable", "disponibilites": "available", "objectifs": "goals"]

    /// A header as the column it names: any case, without accents, spaces and `-` as `_`, French aliases resolved.
    static func normalise(_ header: String) -> String {
        let name = accentFolded(header.trimmingSpaces).lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }
            .reduce(into: "") { $0.append($1) }
        return frenchAliases[name] ?? name
    }

    /// Reads the participants of a CSV text; problems go to `parser.reader`'s sink, located in `parser.reader.file`.
    static func participants(_ text: String, parser: ScenarioParser) -> [Participant] {
        let reader = parser.reader
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let delimiter = CSVRecords.delimiter(of: body)
        let csv = CSVRecords(body, delimiter: delimiter)
        if let open = csv.unclosedQuote {
            reader.sink.error(SourceLocation(file: reader.file, line: open.line, column: open.cell),
                              "the quote that opens this cell is never closed, so the rest of the file would be one cell",
                              fix: "close the cell with a quote (\"); a quote inside a quoted cell is written twice (\"\")")
        }
        var records = csv.records.drop { $0.isBlank }
        guard let headerRecord = records.popFirst() else {
            if csv.unclosedQuote == nil {
                reader.sink.error(SourceLocation(file: reader.file, line: 1, column: 1), "the spreadsheet is empty",
                                  fix: "export it again as CSV (UTF-8), with a header line naming the columns, among them `id`")
            }
            return []
        }
        let header = headerRecord.cells
        // Column positions by normalised header name.
        var position: [String: Int] = [:]
        for (i, raw) in header.enumerated() {
            let name = normalise(raw)
            let here = SourceLocation(file: reader.file, line: headerRecord.lines[i], column: i + 1)
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
            reader.sink.error(SourceLocation(file: reader.file, line: headerRecord.line, column: 1), "the spreadsheet has no `id` column",
                              value: header.joined(separator: String(UnicodeScalar(delimiter))),
                              fix: "the first line must name the columns, among them `id`")
            return []
        }
        let columnsOfHours = checkHoursColumns(position, header: header, at: SourceLocation(file: reader.file, line: headerRecord.line, column: 1),
                                               sink: reader.sink)

        var participants: [Participant] = []
        var seen: [String: SourceLocation] = [:]
        for record in records where !record.isBlank {
            let row = record.cells, line = record.line
            if let extra = row.indices.dropFirst(header.count).first(where: { !row[$0].trimmingSpaces.isEmpty }) {
                reader.sink.error(SourceLocation(file: reader.file, line: record.lines[extra], column: extra + 1),
                                  "the row on line \(line) has \(row.count) cells, but the first line names \(header.count) columns",
                                  value: row[extra],
                                  fix: delimiter == UInt8(ascii: ",")
                                    ? "a decimal comma splits a number in two in a comma-separated file: write 12.5, "
                                      + "put the cell in quotes (\"12,5\") or export with semicolons"
                                    : "put a cell that contains the separator in quotes, or remove the extra cells")
                continue
            }
            func cell(_ name: String) -> (text: String, at: SourceLocation)? {
                guard let i = position[name], i < row.count else { return nil }
                let text = row[i].trimmingSpaces
                return text.isEmpty ? nil : (text, SourceLocation(file: reader.file, line: record.lines[i], column: i + 1))
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
            /// Where an empty cell is, with the column's header as written (for messages in the sheet's words).
            func emptyCell(_ name: String) -> (at: SourceLocation, column: String) {
                guard let i = position[name] else { return (SourceLocation(file: reader.file, line: line, column: 1), name) }
                return (SourceLocation(file: reader.file, line: i < row.count ? record.lines[i] : line, column: i + 1), header[i].trimmingSpaces)
            }
            let rowAt = SourceLocation(file: reader.file, line: line, column: 1)
            guard cell("id") != nil else {
                let empty = emptyCell("id")
                reader.sink.error(empty.at, "row \(line) has no id: its `\(empty.column)` cell (column \(empty.at.column)) is empty",
                                  fix: "give every row an id such as p01 (letters without accents, digits, '_', '-', '.')")
                continue
            }
            var pairs: [(String, Node)] = []
            for name in ["id", "name"] { if let c = cell(name) { pairs.append((name, reader.scalar(c.text, at: c.at))) } }
            if !columnsOfHours {
                pairs.append(("hours", reader.scalar("0", at: rowAt)))   // reported once, at the header
            } else if let missing = missingHoursCell(cell, hasHoursColumn: position["hours"] != nil) {
                let empty = emptyCell(missing)
                reader.sink.error(empty.at, "row \(line) has no \(missing == "hours" ? "weekly hours" : "contract " + (missing == "hours_min" ? "minimum" : "maximum")): "
                                  + "its `\(empty.column)` cell (column \(empty.at.column)) is empty",
                                  fix: missing == "hours" ? "fill `\(empty.column)` with the weekly hours, e.g. 26, or the contract band columns"
                                    : "fill `\(empty.column)`, or leave the band empty and give fixed weekly hours in `hours`")
                pairs.append(("hours", reader.scalar("0", at: rowAt)))
            } else if let c = cell("hours") {
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
                    let parts = s.string.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                    guard let skill = parts.first, !skill.isEmpty else {
                        reader.sink.error(c.at, "the skill '\(s.string)' has no name", value: s.string,
                                          fix: "write skill:level, e.g. cuisine:2 (a skill without a level is level 1)")
                        return nil
                    }
                    return (skill, reader.scalar(parts.count > 1 ? parts[1] : "1", at: c.at))
                }
                pairs.append(("skills", reader.mapping(levels, at: c.at)))
            }
            if let c = cell("limits") { pairs.append(("limits", hoursByTag(c, reader: reader))) }
            if let c = cell("fixed") { pairs.append(("fixed", pins(c, reader: reader))) }
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
            // Each row is read as soon as it is built, so that the rows' trees are never all in memory.
            participants += parser.entities(reader.sequence([reader.mapping(pairs, at: rowAt)], at: rowAt), kind: .participant,
                                            seen: &seen) { f, path, id in
                var participant = Participant(id: id, hours: HoursBand(exactly: 0))
                parser.participantFields(f, path: path, into: &participant)
                return participant
            }
            reader.forgetSyntheticNodes()
        }
        return participants
    }

    /// The weekly hours need a `hours` column or both `hours_min` and `hours_max`: said once, at the header.
    private static func checkHoursColumns(_ position: [String: Int], header: [String], at: SourceLocation, sink: DiagnosticSink) -> Bool {
        if position["hours"] != nil || (position["hours_min"] != nil && position["hours_max"] != nil) { return true }
        let band = ["hours_min", "hours_max"].filter { position[$0] != nil }
        sink.error(at, band.count == 1 ? "the spreadsheet has a `\(band[0])` column but no `\(band[0] == "hours_min" ? "hours_max" : "hours_min")`"
                   : "the spreadsheet has no column for the weekly hours",
                   value: header.joined(separator: " | "),
                   fix: "add a column `hours` (fixed weekly hours) or the columns `hours_min` and `hours_max` (in French: `Heures min`, `Heures max`)")
        return false
    }

    /// The hours column a row leaves empty: `hours` when no hours cell is filled, the other end of
    /// the band when only one is; `nil` when the row gives its hours.
    private static func missingHoursCell(_ cell: (String) -> (text: String, at: SourceLocation)?, hasHoursColumn: Bool) -> String? {
        if cell("hours") != nil { return nil }
        let min = cell("hours_min") != nil, max = cell("hours_max") != nil
        if !min && !max { return cell("hours_target") != nil || !hasHoursColumn ? "hours_min" : "hours" }
        return min ? (max ? nil : "hours_max") : "hours_min"
    }

    /// `standing:4;heavy:2` — hours a day per activity tag.
    private static func hoursByTag(_ c: (text: String, at: SourceLocation), reader: YAMLReader) -> Node {
        var pairs: [(String, Node)] = []
        for item in c.text.split(whereSeparator: { $0 == ";" || $0 == "|" }).map({ String($0).trimmingSpaces }) where !item.isEmpty {
            let parts = item.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2 else {
                reader.sink.error(c.at, "the limit '\(item)' is not written tag:hours", value: item, fix: "write for example standing:4")
                continue
            }
            let hours = parts[1].filter { $0 == "," }.count == 1 && !parts[1].contains(".") ? parts[1].replacingOccurrences(of: ",", with: ".") : parts[1]
            pairs.append((parts[0], reader.scalar(hours, at: c.at)))
        }
        return reader.mapping(pairs, at: c.at)
    }

    /// `mon.am:cuisine;training:haccp` — pinned shifts (DAY.SLOT:activity) and enrolments (training:ID).
    private static func pins(_ c: (text: String, at: SourceLocation), reader: YAMLReader) -> Node {
        var items: [Node] = []
        for item in c.text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" }).map({ String($0).trimmingSpaces }) where !item.isEmpty {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            if parts.count == 2, parts[0].lowercased() == "training" {
                items.append(reader.mapping([("training", reader.scalar(parts[1], at: c.at))], at: c.at))
            } else if parts.count == 2, parts[0].contains(".") {
                items.append(reader.mapping([("day", reader.scalar(parts[0], at: c.at)), ("activity", reader.scalar(parts[1], at: c.at))], at: c.at))
            } else {
                reader.sink.error(c.at, "the pin '\(item)' is not written DAY.SLOT:activity or training:ID", value: item,
                                  fix: "write for example mon.am:cuisine or training:haccp")
            }
        }
        return reader.sequence(items, at: c.at)
    }
}
