// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the loader says about a file: every problem at once, each with where it is, what was found
// and what would fix it — written for a planner, not a programmer.

import Foundation

/// A place in an input file. Lines and columns start at 1; CSV files use the row as the line and
/// the field's position as the column.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file; self.line = line; self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem (or warning) found in a scenario, a variant, a CSV file or a baseline roster.
public struct ScenarioDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// A note says how a file was read (its encoding, say): nothing to fix.
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var location: SourceLocation?
    /// What is wrong, in plain words.
    public var message: String
    /// The offending value as written, if there is one.
    public var value: String?
    /// What would fix it.
    public var fix: String?

    public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String,
                value: String? = nil, fix: String? = nil) {
        self.severity = severity; self.location = location; self.message = message
        self.value = value; self.fix = fix
    }

    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let value { text += " (found '\(value)')" }
        if let fix { text += "\n    fix: \(fix)" }
        return text
    }
}

/// Loading failed: the list of every error found (warnings are included for context).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ScenarioDiagnostic]

    public init(_ diagnostics: [ScenarioDiagnostic]) { self.diagnostics = diagnostics }

    public var errors: [ScenarioDiagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let count = errors.count
        return diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(count) error\(count == 1 ? "" : "s") found.\n"
    }
}

/// Collects diagnostics while a file is read, so that all of them are reported together.
final class DiagnosticSink {
    private(set) var diagnostics: [ScenarioDiagnostic] = []

    var hasErrors: Bool { errorCount > 0 }
    var errorCount: Int { diagnostics.count(where: { $0.severity == .error }) }

    func error(_ location: SourceLocation?, _ message: String, value: String? = nil, fix: String? = nil) {
        diagnostics.append(ScenarioDiagnostic(.error, at: location, message, value: value, fix: fix))
    }

    func warning(_ location: SourceLocation?, _ message: String, value: String? = nil, fix: String? = nil) {
        diagnostics.append(ScenarioDiagnostic(.warning, at: location, message, value: value, fix: fix))
    }

    func note(_ location: SourceLocation?, _ message: String, fix: String? = nil) {
        diagnostics.append(ScenarioDiagnostic(.note, at: location, message, fix: fix))
    }

    func append(_ other: [ScenarioDiagnostic]) { diagnostics += other }
}

/// "Did you mean …?": the candidate that is the same word without accents and case (`marché` for
/// `marche`), else the closest within a small edit distance of the accent-folded forms, or `nil`.
func closest(to word: String, among candidates: [String]) -> String? {
    let lowered = accentFolded(word).lowercased()
    if let same = candidates.first(where: { accentFolded($0).lowercased() == lowered }) { return same }
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, accentFolded(candidate).lowercased())
        let limit = max(1, min(3, candidate.count / 3))
        if distance <= limit, best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    if best == nil, lowered.count >= 4 {
        // A shortened key: `supervision` for `supervision_ratio`.
        best = candidates.first { $0.lowercased().hasPrefix(lowered) }.map { ($0, 0) }
    }
    return best?.0
}

/// A word without its accents and ligatures, as a planner would type it on an English keyboard:
/// `Compétences` → `Competences`, `cœur` → `coeur`.
func accentFolded(_ word: String) -> String {
    var out = ""
    for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
        switch scalar {
        case "œ": out += "oe"
        case "Œ": out += "OE"
        case "æ": out += "ae"
        case "Æ": out += "AE"
        case "ß": out += "ss"
        default:
            if scalar.properties.generalCategory != .nonspacingMark { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}

/// A "did you mean" fix sentence, or a list of what is allowed when nothing is close.
func suggestion(for word: String, among candidates: [String], what: String) -> String {
    if let match = closest(to: word, among: candidates) { return "did you mean '\(match)'?" }
    if candidates.isEmpty { return "declare it first" }
    let shown = candidates.prefix(12).joined(separator: ", ")
    return "use one of the \(what): \(shown)\(candidates.count > 12 ? ", …" : "")"
}

/// Levenshtein distance on characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
