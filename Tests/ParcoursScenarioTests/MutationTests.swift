// SPDX-License-Identifier: GPL-3.0-or-later
//
// Thousands of random byte and field mutations of valid scenarios (the shipped ones and the test
// bases): the loader must never crash or hang, and must end either with a scenario or with errors
// that all carry a location.

import Foundation
import Testing
@testable import ParcoursScenario

/// SplitMix64: a small deterministic generator, so that a failure can be replayed.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}

/// The repository's `Scenarios/` folder, found from this file's path.
func shippedScenarioFiles() -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let dir = root.appendingPathComponent("Scenarios").path
    guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix("scenario.yaml") }.sorted().map { dir + "/" + $0 }
}

enum Mutation: CaseIterable {
    case deleteCharacter, insertCharacter, replaceCharacter, deleteLine, duplicateLine, swapLines, replaceToken, indentLine

    static let alphabet = Array(":-[]{}\"', \n\t#&*!|>%@`0123456789.aZé\u{0}")
    static let tokens = ["", "-1", "0", "1e9", "999999999999999999999", "nan", "all", "null", "~", "[]", "{}", "mon", "sun",
                         "am", "p01", "cuisine", "\"08:00\"", "25:00", "2026-13-01", "true", "x y", "&a", "*a", "!!binary",
                         // Numbers at and past the ranges' ends, and past Int and Double (issue #16).
                         "9223372036854775808", "99999999999999999999", "-9223372036854775809", "168", "168.25", "24.5", "999999",
                         "1000000", "0.000001", String(repeating: "9", count: 400)]

    func apply(to text: String, random g: inout SplitMix64) -> String {
        var chars = Array(text.unicodeScalars)
        var lines = text.components(separatedBy: "\n")
        switch self {
        case .deleteCharacter where !chars.isEmpty:
            chars.remove(at: g.below(chars.count))
        case .insertCharacter:
            chars.insert(Mutation.alphabet[g.below(Mutation.alphabet.count)].unicodeScalars.first!, at: g.below(chars.count + 1))
        case .replaceCharacter where !chars.isEmpty:
            chars[g.below(chars.count)] = Mutation.alphabet[g.below(Mutation.alphabet.count)].unicodeScalars.first!
        case .deleteLine:
            lines.remove(at: g.below(lines.count))
            return lines.joined(separator: "\n")
        case .duplicateLine:
            let i = g.below(lines.count)
            lines.insert(lines[i], at: i)
            return lines.joined(separator: "\n")
        case .swapLines:
            lines.swapAt(g.below(lines.count), g.below(lines.count))
            return lines.joined(separator: "\n")
        case .indentLine:
            let i = g.below(lines.count)
            lines[i] = (g.below(2) == 0 ? "  " : "") + String(lines[i].dropFirst(g.below(3)))
            return lines.joined(separator: "\n")
        case .replaceToken:
            // Replace a value after a colon with a token of another type or range.
            let i = g.below(lines.count)
            if let colon = lines[i].lastIndex(of: ":") {
                lines[i] = String(lines[i][...colon]) + " " + Mutation.tokens[g.below(Mutation.tokens.count)]
            }
            return lines.joined(separator: "\n")
        default:
            break
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: chars)
        return String(result)
    }
}

@Suite struct MutatedScenarios {
    func bases() throws -> [(name: String, text: String, directory: String)] {
        var result: [(String, String, String)] = [("variant base", variantBase, ".")]
        for file in shippedScenarioFiles() {
            result.append((file, try String(contentsOfFile: file, encoding: .utf8), ScenarioLoader.directoryOf(file)))
        }
        return result
    }

    @Test func neverCrashAndAlwaysLocateTheirErrors() throws {
        var g = SplitMix64(state: 20261122)
        var loaded = 0, rejected = 0
        let bases = try bases()
        let perBase = max(400, 4000 / bases.count)
        for base in bases {
            for _ in 0..<perBase {
                var text = base.text
                for _ in 0..<(1 + g.below(3)) {
                    text = Mutation.allCases[g.below(Mutation.allCases.count)].apply(to: text, random: &g)
                }
                do {
                    _ = try ScenarioLoader.load(yaml: text, file: "mutant.yaml", directory: base.directory)
                    loaded += 1
                } catch {
                    rejected += 1
                    #expect(!error.errors.isEmpty)
                    for e in error.errors where e.location == nil {
                        Issue.record("unlocated error in a mutant of \(base.name): \(e)\n--- mutant:\n\(text)")
                    }
                }
            }
        }
        // Both outcomes occur: the mutations are neither all harmless nor all fatal.
        #expect(loaded > 0 && rejected > 0)
        #expect(loaded + rejected == perBase * bases.count)
    }

    /// Loads `cases` seeded mutants of `base`: each loads or fails with errors that all have a place,
    /// and both outcomes occur.
    func mutants(of base: String, seed: UInt64, cases: Int, what: String, load: (String) throws(ScenarioError) -> Void) {
        var g = SplitMix64(state: seed)
        var outcomes = [0, 0]
        for _ in 0..<cases {
            var text = base
            for _ in 0..<(1 + g.below(3)) { text = Mutation.allCases[g.below(Mutation.allCases.count)].apply(to: text, random: &g) }
            do {
                try load(text)
                outcomes[0] += 1
            } catch {
                outcomes[1] += 1
                for e in error.errors where e.location == nil { Issue.record("unlocated error in a mutant \(what): \(e)\n--- mutant:\n\(text)") }
            }
        }
        #expect(outcomes[0] > 0 && outcomes[1] > 0, "\(what): \(outcomes[0]) loaded, \(outcomes[1]) rejected")
    }

    /// Mutants of a variant with every kind of change, applied to the variant tests' base.
    @Test func mutatedVariantsNeverCrashAndLocateTheirErrors() {
        let base = """
        variant: "every change"
        changes:
          - patch: {participant: p01, hours: {min: 8, max: 20}, capacity: {max_hours_per_day: 8, max_days: 3}}
          - patch: {activity: cuisine, supervision_ratio: 4, priority: 2, open: [{days: [mon], slots: all, min: 1, max: 2}]}
          - patch: {training: haccp, seats: 3, min_participants: 1}
          - remove: {participant: p02}
          - add: {participant: {id: p31, hours: 20, skills: {hygiene: 2}}}
          - rules: {supervision_ratio: 10, max_hours_per_day: 7.5}
          - weights: {coverage: 200, goals: 12.5}
        """
        mutants(of: base, seed: 20261216, cases: 1500, what: "variant") { text throws(ScenarioError) in
            let variant = try ScenarioLoader.variant(yaml: text, file: "mutant.yaml")
            _ = try ScenarioLoader.load(yaml: variantBase, file: "test.yaml", variants: [variant])
        }
    }

    /// Mutants of a spreadsheet with every column (and a quoted cell over two lines), read through a
    /// scenario as a planner's would be.
    @Test func mutatedSpreadsheetsNeverCrashAndLocateTheirErrors() throws {
        let (dir, week) = try ParticipantsFromSpreadsheets().scenario(csv: "")
        let base = """
        id,name,hours_min,hours_max,hours_target,max_hours_per_day,max_days,skills,unavailable,goals,restrictions,likes,avoid,hours
        p01,"Amina K.",20,26,24,4,4,"cuisine:2;hygiene:1",tue.am;thu,"activity:cuisine:8;skill:hygiene:4:2;training:haccp",,,,
        p02,"Ben
        (new)",,,,,,,,training:haccp,heavy,cuisine,p01,"12,5"
        """
        mutants(of: base, seed: 20261217, cases: 1500, what: "spreadsheet") { text throws(ScenarioError) in
            _ = FileManager.default.createFile(atPath: dir + "/people.csv", contents: Data(text.utf8))
            _ = try ScenarioLoader.load(file: week)
        }
    }

    @Test func bytesThatAreNotUTF8AreAnErrorNotACrash() throws {
        let dir = try temporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir + "/bad.yaml", contents: Data([0x70, 0x61, 0xFF, 0xFE, 0x3A, 0x20, 0x31]))
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(file: dir + "/bad.yaml") }
        do { _ = try ScenarioLoader.load(file: dir + "/bad.yaml") } catch {
            #expect(error.errors.first?.message.contains("not UTF-8") == true)
        }
    }
}
