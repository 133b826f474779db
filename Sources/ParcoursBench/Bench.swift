// SPDX-License-Identifier: GPL-3.0-or-later
//
// The quality gate: solve a suite of weeks, tabulate size, result and cost, and compare with a
// committed baseline. Quality (a lost `optimal`, a worse objective) is deterministic and fails the
// gate; cost (time, memory, solver work) is noisy on shared machines and is only reported.

import Foundation
import ParcoursEngine
import ParcoursScenario

/// One solved week of a bench suite.
public struct BenchResult: Sendable, Equatable {
    public var name: String
    public var participants: Int
    public var variables: Int
    public var constraints: Int
    public var status: Roster.Status
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    public var seconds: Double
    /// Peak resident memory of the solve in MiB (the process's peak when it cannot be reset).
    public var peakMemoryMB: Double
    public var simplexIterations: Int
    public var nodes: Int
}

public enum Bench {
    /// Solves each case in order, one at a time (so that time and memory are the case's own).
    public static func run(_ cases: [(name: String, scenario: Scenario)], options: EngineOptions,
                           progress: ((BenchResult) -> Void)? = nil) -> [BenchResult] {
        cases.map { c in
            PeakMemory.reset()
            let roster = RosterEngine().solve(c.scenario, options: options)
            let result = BenchResult(
                name: c.name, participants: c.scenario.participants.count,
                variables: roster.statistics?.variables ?? 0, constraints: roster.statistics?.constraints ?? 0,
                status: roster.status, objective: roster.objective, bound: roster.bound, gap: roster.gap,
                seconds: roster.solver.seconds, peakMemoryMB: PeakMemory.megabytes(),
                simplexIterations: roster.statistics?.simplexIterations ?? 0, nodes: roster.statistics?.nodes ?? 0)
            progress?(result)
            return result
        }
    }

    /// The table printed by `parcours bench`.
    public static func table(_ results: [BenchResult]) -> String {
        let header = ["case", "people", "vars", "rows", "status", "objective", "bound", "gap", "seconds", "peak MB", "iterations", "nodes"]
        let rows = results.map { r in
            [r.name, "\(r.participants)", "\(r.variables)", "\(r.constraints)", r.status.rawValue,
             r.objective.map(JSON.number) ?? "-", r.bound.map(JSON.number) ?? "-",
             r.gap.map { String(format: "%.4f", $0) } ?? "-", String(format: "%.2f", r.seconds),
             String(format: "%.0f", r.peakMemoryMB), "\(r.simplexIterations)", "\(r.nodes)"]
        }
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == 0 || i == 4 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// The committed reference of a bench suite: what each case achieved.
public struct BenchBaseline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var status: Roster.Status
        public var objective: Double?
        public var seconds: Double
        public var peakMemoryMB: Double
        public var simplexIterations: Int
        public var nodes: Int
    }

    public var entries: [String: Entry]

    public init(_ results: [BenchResult]) {
        entries = Dictionary(results.map {
            ($0.name, Entry(status: $0.status, objective: $0.objective, seconds: $0.seconds, peakMemoryMB: $0.peakMemoryMB,
                            simplexIterations: $0.simplexIterations, nodes: $0.nodes))
        }, uniquingKeysWith: { _, last in last })
    }

    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func read(file: String) throws(ReadError) -> BenchBaseline {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ReadError(description: "error: cannot read the bench baseline '\(file)'; create it with `parcours bench --baseline \(file) --update`")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              root["format"] as? String == "parcours.bench/1", let cases = root["cases"] as? [[String: Any]] else {
            throw ReadError(description: "error: '\(file)' is not a bench baseline (format parcours.bench/1); recreate it with --update")
        }
        var baseline = BenchBaseline([])
        for c in cases {
            guard let name = c["name"] as? String, let status = (c["status"] as? String).flatMap(Roster.Status.init(rawValue:)) else {
                throw ReadError(description: "error: '\(file)': a case lacks its name or status; recreate it with --update")
            }
            baseline.entries[name] = Entry(status: status, objective: (c["objective"] as? NSNumber)?.doubleValue,
                                           seconds: (c["seconds"] as? NSNumber)?.doubleValue ?? 0,
                                           peakMemoryMB: (c["peak_mb"] as? NSNumber)?.doubleValue ?? 0,
                                           simplexIterations: (c["simplex_iterations"] as? NSNumber)?.intValue ?? 0,
                                           nodes: (c["nodes"] as? NSNumber)?.intValue ?? 0)
        }
        return baseline
    }

    /// Deterministic JSON, cases by name.
    public var json: String {
        let cases = entries.keys.sorted().map { name -> String in
            let e = entries[name]!
            return "    {\"name\": \(JSON.string(name)), \"status\": \(JSON.string(e.status.rawValue)), "
                + "\"objective\": \(e.objective.map(JSON.number) ?? "null"), \"seconds\": \(JSON.number((e.seconds * 100).rounded() / 100)), "
                + "\"peak_mb\": \(JSON.number(e.peakMemoryMB.rounded())), \"simplex_iterations\": \(e.simplexIterations), \"nodes\": \(e.nodes)}"
        }
        return "{\n  \"format\": \"parcours.bench/1\",\n  \"cases\": [\n" + cases.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// Quality regressions (failures) and cost ratios (notes) of `results` against this baseline.
    public func compare(_ results: [BenchResult]) -> (regressions: [String], notes: [String]) {
        var regressions: [String] = [], notes: [String] = []
        for r in results {
            guard let base = entries[r.name] else {
                notes.append("\(r.name): not in the baseline (add it with --update)")
                continue
            }
            if base.status == .optimal && r.status != .optimal {
                regressions.append("\(r.name): status — optimal lost (now \(r.status.rawValue))")
            }
            if let was = base.objective {
                if let now = r.objective {
                    let tolerance = 1e-6 * max(1, abs(was))
                    if now > was + tolerance {
                        regressions.append("\(r.name): objective — \(JSON.number(now)) is worse than the baseline's \(JSON.number(was))")
                    } else if now < was - tolerance {
                        notes.append("\(r.name): objective improved from \(JSON.number(was)) to \(JSON.number(now)) (update the baseline)")
                    }
                } else {
                    regressions.append("\(r.name): objective — no roster any more (the baseline had \(JSON.number(was)))")
                }
            }
            func ratio(_ now: Double, _ was: Double) -> String { was > 0 ? String(format: "×%.2f", now / was) : "-" }
            notes.append("\(r.name): time \(ratio(r.seconds, base.seconds)), memory \(ratio(r.peakMemoryMB, base.peakMemoryMB)), "
                         + "iterations \(ratio(Double(r.simplexIterations), Double(base.simplexIterations))), "
                         + "nodes \(ratio(Double(r.nodes), Double(base.nodes)))")
        }
        return (regressions, notes)
    }
}

/// Peak resident memory, from Linux's /proc (VmHWM); reset between cases where the kernel allows.
enum PeakMemory {
    static func reset() {
        // Writing 5 to clear_refs resets the peak RSS counter (Linux ≥ 4.0).
        if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            try? handle.write(contentsOf: Data("5".utf8))
            try? handle.close()
        }
    }

    static func megabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kB / 1024
    }
}
