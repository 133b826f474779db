// SPDX-License-Identifier: GPL-3.0-or-later
//
// Typed reading of a YAML tree (Yams' composed nodes, which keep line and column) with every
// problem reported to a sink instead of thrown: a reader returns `nil` for a value it could not
// read, notes why and where, and the caller goes on so that one run lists every mistake.
//
// Scalars are interpreted here, not by YAML's type resolution: `08:00`, `2026-11-23` and `"26"`
// read as the contract means them whether quoted or not.

import Yams

/// The keys of one YAML mapping, checked against what is allowed.
struct Fields {
    let node: Node
    private(set) var values: [String: Node] = [:]
    private(set) var keyNodes: [String: Node] = [:]
    /// Keys in file order.
    private(set) var order: [String] = []

    init(node: Node) { self.node = node }

    mutating func add(_ key: String, keyNode: Node, value: Node) {
        values[key] = value; keyNodes[key] = keyNode; order.append(key)
    }

    subscript(_ key: String) -> Node? { values[key] }
    func has(_ key: String) -> Bool { values[key] != nil }
}

/// Where each field of each entity was written, for checks that run after parsing (references,
/// fixed items against availability, …). Paths look like `participants/p01/skills/cuisine`.
struct SourceMap {
    private(set) var entries: [String: SourceLocation] = [:]
    /// Entities with a field that could not be read: checks that depend on them are skipped, so that
    /// one mistake is reported once and not again as its consequences.
    private(set) var broken: Set<String> = []

    mutating func markBroken(_ path: String) { broken.insert(path) }
    func isBroken(_ path: String) -> Bool { broken.contains(path) }

    mutating func record(_ path: String, _ location: SourceLocation?) {
        if let location { entries[path] = location }
    }

    /// The location of `path`, or of its closest recorded parent.
    func location(_ path: String) -> SourceLocation? {
        var key = Substring(path)
        while true {
            if let found = entries[String(key)] { return found }
            guard let slash = key.lastIndex(of: "/") else { return nil }
            key = key[..<slash]
        }
    }

    /// Forgets everything recorded under `path` (an entity that a variant removes or replaces).
    mutating func remove(under path: String) {
        entries = entries.filter { $0.key != path && !$0.key.hasPrefix(path + "/") }
    }

    mutating func merge(_ other: SourceMap) {
        entries.merge(other.entries) { _, new in new }
        broken.formUnion(other.broken)
    }
}

final class YAMLReader {
    let file: String
    let sink: DiagnosticSink
    var sources = SourceMap()

    init(file: String, sink: DiagnosticSink) { self.file = file; self.sink = sink }

    // MARK: Locations and messages

    func location(_ node: Node?) -> SourceLocation? {
        guard let node else { return nil }
        if let mark = node.mark { return SourceLocation(file: file, line: mark.line, column: mark.column) }
        return synthetic[ObjectIdentifier(Self.storedTag(node))]?.location
    }

    /// The tag a node was built with (`node.tag` would first resolve it, matching regular expressions).
    private static func storedTag(_ node: Node) -> Tag {
        switch node {
        case .scalar(let s): return s.tag
        case .mapping(let m): return m.tag
        case .sequence(let s): return s.tag
        case .alias(let a): return a.tag
        }
    }

    // MARK: Nodes built from other sources (CSV cells), located by their own tag object

    private var synthetic: [ObjectIdentifier: (tag: Tag, location: SourceLocation)] = [:]
    /// One constructor for every synthetic tag: `Tag(.implicit)` builds a new one (its tables take
    /// kilobytes) for each tag, which made a 36,000-row spreadsheet take gigabytes.
    private let constructor = Constructor.default

    private func tag(at location: SourceLocation) -> Tag {
        let tag = Tag(.implicit, .default, constructor)
        synthetic[ObjectIdentifier(tag)] = (tag, location)
        return tag
    }

    /// Forgets the synthetic nodes built so far, once they have been read (their errors are
    /// reported, their places recorded): a spreadsheet's rows are read one at a time.
    func forgetSyntheticNodes() { synthetic.removeAll(keepingCapacity: true) }

    func scalar(_ text: String, at location: SourceLocation) -> Node {
        .scalar(.init(text, tag(at: location), .plain))
    }

    func mapping(_ pairs: [(String, Node)], at location: SourceLocation) -> Node {
        .mapping(.init(pairs.map { (scalar($0.0, at: location), $0.1) }, tag(at: location)))
    }

    /// A scalar at the same place as `node` (a part of a shorthand such as `tue.am`).
    func derived(_ text: String, from node: Node) -> Node {
        if let mark = node.mark { return .scalar(.init(text, .implicit, .plain, mark)) }
        guard let location = location(node) else { return .scalar(.init(text, .implicit, .plain)) }
        return scalar(text, at: location)
    }

    func sequence(_ nodes: [Node], at location: SourceLocation) -> Node {
        .sequence(.init(nodes, tag(at: location)))
    }

    func error(_ node: Node?, _ message: String, value: String? = nil, fix: String? = nil) {
        sink.error(location(node), message, value: value, fix: fix)
    }

    func warning(_ node: Node?, _ message: String, value: String? = nil, fix: String? = nil) {
        sink.warning(location(node), message, value: value, fix: fix)
    }

    func record(_ path: String, _ node: Node?) { sources.record(path, location(node)) }

    /// A short rendering of a node for "found '…'".
    func shown(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.count > 60 ? String(s.string.prefix(57)) + "..." : s.string
        case .mapping: return "a mapping {…}"
        case .sequence: return "a list […]"
        case .alias: return "an alias"
        }
    }

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    // MARK: Structure

    /// Reads a mapping, reporting unknown keys (with "did you mean"), missing required keys and
    /// duplicate keys. Returns `nil` when the node is not a mapping.
    func fields(_ node: Node, known: [String], required: [String] = [], what: String,
                fixForWrongType: String? = nil) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping of keys to values", value: shown(node),
                  fix: fixForWrongType ?? "write it as `key: value` lines or `{key: value, …}`; allowed keys: "
                    + known.joined(separator: ", "))
            return nil
        }
        var result = Fields(node: node)
        for (keyNode, value) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                error(keyNode, "a key of \(what) must be a plain word", value: shown(keyNode))
                continue
            }
            let key = keyScalar.string
            if result.has(key) {
                error(keyNode, "\(what) has the key '\(key)' twice", value: key, fix: "keep only one of them")
                continue
            }
            guard known.contains(key) else {
                error(keyNode, "unknown key '\(key)' in \(what)", value: key,
                      fix: closest(to: key, among: known).map { "did you mean '\($0)'?" }
                        ?? "allowed keys are: \(known.joined(separator: ", "))")
                continue
            }
            result.add(key, keyNode: keyNode, value: value)
        }
        for key in required where !result.has(key) {
            error(node, "\(what) needs '\(key)'", fix: "add `\(key): …`")
        }
        return result
    }

    /// A list; a missing value (`key:` with nothing after it) is an empty list.
    func sequence(_ node: Node, what: String) -> [Node]? {
        if isNull(node) { return [] }
        guard case .sequence(let seq) = node else {
            error(node, "\(what) must be a list", value: shown(node), fix: "write it as `[a, b]` or as lines starting with `- `")
            return nil
        }
        return Array(seq)
    }

    // MARK: Scalars

    func string(_ node: Node, what: String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let s) = node else {
            error(node, "\(what) must be a single value", value: shown(node), fix: "write a word or a quoted text")
            return nil
        }
        if !allowEmpty && isNull(node) {
            error(node, "\(what) is empty", fix: "write a value after the colon")
            return nil
        }
        return s.string
    }

    static func isValidIdentifier(_ text: String) -> Bool {
        (1...64).contains(text.count) && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "."
        }
    }

    /// An entity id: 1–64 characters from `A-Z a-z 0-9 _ - .`.
    func identifier(_ node: Node, what: String) -> String? {
        guard let text = string(node, what: what) else { return nil }
        guard Self.isValidIdentifier(text) else {
            let fixed = String(accentFolded(text).map { $0 == " " ? "-" : $0 }.filter { String($0).unicodeScalars.allSatisfy { s in
                ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == "-" || s == "." } }.prefix(64))
            error(node, "\(what) is not a valid id: ids have 1 to 64 characters among letters A-Z a-z, digits, '_', '-' and '.'",
                  value: text, fix: fixed.isEmpty ? "choose a short id such as 'p01'" : "write it as '\(fixed)' (put a readable form in `name`)")
            return nil
        }
        return text
    }

    /// A list of ids, each with its node.
    func identifiers(_ node: Node, what: String) -> [(String, Node)]? {
        guard let items = sequence(node, what: what) else { return nil }
        return items.compactMap { item in identifier(item, what: "an entry of \(what)").map { ($0, item) } }
    }

    /// `true` or `false` (also `yes`/`no`, any case).
    func boolean(_ node: Node, what: String) -> Bool? {
        guard let text = string(node, what: what) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "\(what) must be true or false", value: text, fix: "write `\(what): true`")
            return nil
        }
    }

    /// A decimal number in `range` (hours, priorities, weights).
    func number(_ node: Node, what: String, range: NumberRange) -> Double? {
        guard let text = string(node, what: what) else { return nil }
        guard let value = Self.decimal(text) else {
            let hint = text.contains(",") ? "write decimals with a point, e.g. \(text.replacingOccurrences(of: ",", with: "."))"
                : "write a number such as 4 or 3.5"
            error(node, "\(what) must be a number", value: text, fix: hint)
            return nil
        }
        return within(range, value, text: text, node: node, what: what) ? value : nil
    }

    /// A whole number in `range` (counts, levels, ratios).
    func integer(_ node: Node, what: String, range: NumberRange) -> Int? {
        guard let text = string(node, what: what) else { return nil }
        guard let value = Self.decimal(text) else {
            error(node, "\(what) must be a whole number", value: text, fix: "write a number such as 2")
            return nil
        }
        // The range first: a number too large for an Int (2^63 or more) is simply out of range.
        guard within(range, value, text: text, node: node, what: what) else { return nil }
        guard value == value.rounded(), let whole = Int(exactly: value) else {
            error(node, "\(what) must be a whole number", value: text,
                  fix: "write \(format(value.rounded(.down))) or \(format(value.rounded(.up)))")
            return nil
        }
        return whole
    }

    /// Whether `value` lies in `range`; if not, says so at `node`.
    private func within(_ range: NumberRange, _ value: Double, text: String, node: Node, what: String) -> Bool {
        if value < range.lowest {
            error(node, "\(what) must be at least \(format(range.lowest))", value: shownNumber(text), fix: "use a value \(range.text)")
            return false
        }
        if value > range.highest {
            error(node, "\(what) must be at most \(format(range.highest)): \(range.reason)", value: shownNumber(text),
                  fix: "use a value \(range.text)")
            return false
        }
        return true
    }

    /// A number as written, shortened when it is very long.
    private func shownNumber(_ text: String) -> String { text.count > 30 ? String(text.prefix(27)) + "..." : text }

    /// Plain decimal notation only: no NaN, infinities, hexadecimal or exponents a planner would not
    /// write. A string of digits too long for a Double reads as infinity (out of every range).
    static func decimal(_ text: String) -> Double? {
        let t = text.trimmingSpaces
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(t), !value.isNaN else { return nil }
        return value
    }

    // MARK: Time

    func day(_ node: Node, calendar: Calendar?, what: String) -> Day? {
        guard let text = string(node, what: what) else { return nil }
        guard let day = Day(rawValue: text.lowercased()) else {
            error(node, "\(what) is not a day", value: text,
                  fix: suggestion(for: text, among: (calendar?.days ?? Day.allCases).map(\.rawValue), what: "days"))
            return nil
        }
        if let calendar, !calendar.days.contains(day) {
            error(node, "\(what) '\(text)' is not a day of this week's calendar", value: text,
                  fix: "use one of \(calendar.days.map(\.rawValue).joined(separator: ", ")) or add it to calendar.days")
            return nil
        }
        return day
    }

    func slot(_ node: Node, calendar: Calendar, what: String) -> String? {
        guard let text = string(node, what: what) else { return nil }
        let ids = calendar.slots.map(\.id)
        guard ids.contains(text) else {
            error(node, "\(what) '\(text)' is not a slot of the calendar", value: text,
                  fix: suggestion(for: text, among: ids, what: "slots"))
            return nil
        }
        return text
    }

    /// `all` or a list of days of the calendar; `nil` result = all. Returns `.failure` on an error.
    func days(_ node: Node, calendar: Calendar, what: String) -> [Day]?? {
        if case .scalar(let s) = node, s.string == "all" { return .some(nil) }
        guard let items = sequence(node, what: what) else { return nil }
        var days: [Day] = []
        var ok = true
        for item in items {
            if let d = day(item, calendar: calendar, what: "a day of \(what)") { days.append(d) } else { ok = false }
        }
        return ok ? .some(days) : nil
    }

    func slots(_ node: Node, calendar: Calendar, what: String) -> [String]?? {
        if case .scalar(let s) = node, s.string == "all" { return .some(nil) }
        guard let items = sequence(node, what: what) else { return nil }
        var slots: [String] = []
        var ok = true
        for item in items {
            if let s = slot(item, calendar: calendar, what: "a slot of \(what)") { slots.append(s) } else { ok = false }
        }
        return ok ? .some(slots) : nil
    }

    func format(_ value: Double) -> String { NumberRange.format(value) }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
