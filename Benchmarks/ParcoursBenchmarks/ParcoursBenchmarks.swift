// SPDX-License-Identifier: GPL-3.0-or-later
//
// Parcours performance benchmarks (package-benchmark). Three suites:
//   Load.…   reading a scenario (YAML → validated `Scenario`), shipped files and generated text;
//   Build.…  turning a scenario into the MILP (`RosterModel(scenario:)`), no solver involved;
//   Solve.…  the whole `RosterEngine().solve` (model, GLPK, roster read-back, independent check).
// Names use dots, not slashes or spaces: package-benchmark writes Thresholds/<target>.<name>.p90.json
// with those replaced by "_" but reads them back without, so such names would never be checked.
// Generated weeks come from `ScenarioGenerator.yaml(participants:seed:)` (seed 1) and are loaded
// through the same YAML path as a planner's file.
//
// Besides wall clock, malloc count and peak resident memory, the benchmarks report deterministic
// custom metrics (model size, simplex iterations, branch-and-bound nodes, objective, status):
// on these noisy shared machines they are the ones the thresholds hold tight (README.md).

import Benchmark
import Foundation
import Modelling
import ParcoursEngine
import ParcoursGenerator
import ParcoursScenario

// MARK: Metrics

enum Parcours {
    static let simplexIterations = BenchmarkMetric.custom("Simplex iterations", polarity: .prefersSmaller, useScalingFactor: false)
    static let nodes = BenchmarkMetric.custom("B&B nodes", polarity: .prefersSmaller, useScalingFactor: false)
    // package-benchmark's histograms drop negative values, and a roster's objective is often
    // negative (preference rewards), so it is reported as two non-negative parts, both always
    // recorded: objective = positive part − negative part. Both are exact below 2048 and within
    // 0.1 % above (3 significant digits); the objective is rounded to an integer.
    static let objectivePositive = BenchmarkMetric.custom("Objective (positive part)", polarity: .prefersSmaller, useScalingFactor: false)
    static let objectiveNegative = BenchmarkMetric.custom("Objective (negative part)", polarity: .prefersLarger, useScalingFactor: false)
    /// 2 optimal, 1 feasible (time limit reached with a roster), 0 none.
    static let status = BenchmarkMetric.custom("Roster status (2 opt, 1 feas)", polarity: .prefersLarger, useScalingFactor: false)
    static let variables = BenchmarkMetric.custom("Model variables", polarity: .prefersSmaller, useScalingFactor: false)
    static let constraints = BenchmarkMetric.custom("Model constraints", polarity: .prefersSmaller, useScalingFactor: false)

    static let common: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident]
    /// Counts shown as they are (not in K or M), memory in MB.
    static var units: [BenchmarkMetric: BenchmarkUnits] { [
        .peakMemoryResident: .mega, .mallocCountTotal: .count,
        simplexIterations: .count, nodes: .count, objectivePositive: .count, objectiveNegative: .count, status: .count,
        variables: .count, constraints: .count,
    ] }
    static let solveMetrics = common + [simplexIterations, nodes, objectivePositive, objectiveNegative, status]
    static let buildMetrics = common + [variables, constraints]

    // MARK: Thresholds (checked at p90 against Thresholds/*.p90.json; either bound exceeded fails)

    /// Exactly reproducible values: any change, up or down, is reported.
    static var exact: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 0], absolute: [.p90: 0]) }
    /// Nearly deterministic counts (allocations can move with the runtime's lazy initialisations).
    static var tight: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 2]) }
    /// Sampled memory: only a gross change is reported.
    static var memory: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 50]) }
    /// Time on a shared 2-core machine: only a catastrophic slow-down (more than 4×) is reported.
    static var time: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 300]) }

    /// The best roster found when a solve stops at its time limit: only a large change is reported.
    static var incumbent: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 25]) }
    /// Shown in the tables, never checked (an explicit empty tolerance: a metric without one would
    /// get package-benchmark's strict default).
    static var reportedOnly: BenchmarkThresholds { BenchmarkThresholds() }

    /// The tolerances of `metrics` (only those: package-benchmark warns about the others).
    ///
    /// A solve stopped by its time limit depends on the machine's speed and load: how far the
    /// search got (iterations, nodes, the allocations that go with them, 1× to 7× apart between
    /// runs here) and even whether a roster was found by then are not reproducible, so they are
    /// only reported; the incumbent, when there is one, gets a loose check.
    static func thresholds(_ metrics: [BenchmarkMetric], timeLimited: Bool = false) -> [BenchmarkMetric: BenchmarkThresholds] {
        var all: [BenchmarkMetric: BenchmarkThresholds] = [
            .wallClock: time, .mallocCountTotal: tight, .peakMemoryResident: memory,
            simplexIterations: exact, nodes: exact, objectivePositive: exact, objectiveNegative: exact, status: exact,
            variables: exact, constraints: exact,
        ]
        if timeLimited {
            for metric in [simplexIterations, nodes, .mallocCountTotal, status] { all[metric] = reportedOnly }
            for metric in [objectivePositive, objectiveNegative] { all[metric] = incumbent }
        }
        return all.filter { metrics.contains($0.key) }
    }
}

// MARK: Scenarios

/// The repository's Scenarios/ folder, found from this source file (the benchmark runs from the
/// package's build folder, whatever the working directory).
let scenariosDirectory: String = {
    let here = URL(fileURLWithPath: #filePath)
    return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios").path
}()

func shippedFile(_ name: String) -> String { "\(scenariosDirectory)/\(name)/scenario.yaml" }

struct BenchmarkSetupError: Error, CustomStringConvertible {
    var description: String
}

func loadShipped(_ name: String) throws -> Scenario {
    do { return try ScenarioLoader.load(file: shippedFile(name)) } catch {
        throw BenchmarkSetupError(description: "\(shippedFile(name)): \(error)")
    }
}

func generatedYAML(_ participants: Int) -> String {
    ScenarioGenerator.yaml(participants: participants, seed: 1)
}

func loadGenerated(_ participants: Int) throws -> Scenario {
    do { return try ScenarioLoader.load(yaml: generatedYAML(participants), file: "generated-\(participants).yaml") } catch {
        throw BenchmarkSetupError(description: "generated-\(participants): \(error)")
    }
}

/// A named week for the Build and Solve suites, loaded in the benchmark's setup (not measured).
struct Week: Sendable {
    var name: String
    /// Seconds for one solve.
    var timeLimit: Double
    /// Whether its solve stops at the time limit on the reference machine (see README.md): then its
    /// search effort and incumbent are not reproducible and get loose thresholds. Set it to false
    /// (and run `./run update`) once the engine proves the week optimal within the limit.
    var reachesTimeLimit: Bool
    /// Branch-and-bound nodes at most: a search stopped by nodes ends the same way on every machine,
    /// so its effort and roster get exact thresholds (the time limit is then only a safety net).
    var nodeLimit: Int? = nil
    var load: @Sendable () throws -> Scenario
}

let weeks: [Week] = [
    Week(name: "generated-30", timeLimit: 300, reachesTimeLimit: false, nodeLimit: 1000) { try loadGenerated(30) },
    Week(name: "generated-100", timeLimit: 300, reachesTimeLimit: false, nodeLimit: 1000) { try loadGenerated(100) },
    Week(name: "generated-300", timeLimit: 60, reachesTimeLimit: true) { try loadGenerated(300) },
    Week(name: "pole", timeLimit: 30, reachesTimeLimit: false) { try loadShipped("pole") },
]

// MARK: Benchmarks

let benchmarks: @Sendable () -> Void = {
    // Load: YAML text → validated Scenario. Many iterations, a few seconds each.
    let loading = Benchmark.Configuration(
        metrics: Parcours.common, timeUnits: .milliseconds,
        units: Parcours.units,
        warmupIterations: 2, maxDuration: .seconds(5), maxIterations: 50, thresholds: Parcours.thresholds(Parcours.common))

    for name in ["market-garden", "pole"] {
        Benchmark("Load.\(name)", configuration: loading) { benchmark in
            do { blackHole(try ScenarioLoader.load(file: shippedFile(name))) } catch {
                benchmark.error("\(shippedFile(name)): \(error)")
            }
        }
    }
    Benchmark("Load.generated-300-text", configuration: loading) { benchmark, yaml in
        do { blackHole(try ScenarioLoader.load(yaml: yaml, file: "generated-300.yaml")) } catch {
            benchmark.error("generated-300: \(error)")
        }
    } setup: {
        generatedYAML(300)
    }

    // Build: Scenario → MILP (variables, constraints, objective terms), without solving.
    let building = Benchmark.Configuration(
        metrics: Parcours.buildMetrics, timeUnits: .milliseconds,
        units: Parcours.units,
        warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 20, thresholds: Parcours.thresholds(Parcours.buildMetrics))

    for week in weeks {
        Benchmark("Build.\(week.name)", configuration: building) { benchmark, scenario in
            do {
                let built = try RosterModel(scenario: scenario)
                benchmark.measurement(Parcours.variables, built.model.variables.count)
                benchmark.measurement(Parcours.constraints, built.model.constraints.count)
                blackHole(built)
            } catch {
                benchmark.error("Build.\(week.name): \(error)")
            }
        } setup: {
            try week.load()
        }
    }

    // Solve: the whole engine, GLPK included. Few iterations: one solve can take its time limit.
    for week in weeks {
        let solving = Benchmark.Configuration(
            metrics: Parcours.solveMetrics, timeUnits: .milliseconds,
            units: Parcours.units,
            warmupIterations: 0,
            maxDuration: .seconds(Int64(min(week.timeLimit, 60) * 3 + 30)), maxIterations: 3,
            thresholds: Parcours.thresholds(Parcours.solveMetrics, timeLimited: week.reachesTimeLimit))
        Benchmark("Solve.\(week.name)", configuration: solving) { benchmark, scenario in
            var options = EngineOptions(timeLimit: week.timeLimit)
            options.nodeLimit = week.nodeLimit
            let roster = RosterEngine().solve(scenario, options: options)
            benchmark.stopMeasurement()
            let statistics = roster.statistics
            benchmark.measurement(Parcours.simplexIterations, statistics?.simplexIterations ?? 0)
            benchmark.measurement(Parcours.nodes, statistics?.nodes ?? 0)
            benchmark.measurement(Parcours.status, roster.status == .optimal ? 2 : roster.status == .feasible ? 1 : 0)
            if let objective = roster.objective {
                let rounded = Int(objective.rounded())
                benchmark.measurement(Parcours.objectivePositive, max(rounded, 0))
                benchmark.measurement(Parcours.objectiveNegative, max(-rounded, 0))
            }
            blackHole(roster)
        } setup: {
            try week.load()
        }
    }
}
