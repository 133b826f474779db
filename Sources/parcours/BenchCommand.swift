// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours bench`: the quality gate over a suite of weeks.

import ArgumentParser
import ParcoursBench
import ParcoursEngine
import ParcoursScenario

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Solve a suite of weeks, print size, result and cost, and check them against a baseline.",
        discussion: """
        The suite is every scenario.yaml under the given files or folders (default: Scenarios/), the matrix's
        gate weeks (one per family of `generate --matrix`; --matrix all for every week) and classic weeks of
        the sizes given with --sizes. Each week ends on a work limit (--node-limit, then --effort rounds), so
        the results are the same on every machine. With --baseline, the run fails (exit 1) on a quality regression:
        an objective worse than the baseline's (beyond 1e-6) or a lost `optimal`. Time, memory and solver work
        are reported as ratios only. --update writes the baseline instead.
        Exit codes: 0 no quality regression, 1 regression, 64 usage, 65 invalid scenario.
        """)

    @Argument(help: "Scenario files or folders (default: Scenarios/).") var suite: [String] = []
    @Option(help: "Sizes of generated weeks (classic family, seed 1) to add, e.g. 30,100,300.") var sizes: String = ""
    @Option(help: "Weeks of the benchmark matrix to add: gate (one small week per family, the CI gate), all, or none.")
    var matrix: BenchSuite.Matrix = .gate
    @Option(parsing: .unconditional, help: "Rounds of neighbourhood search per week after branch-and-cut's node limit (the work limit).")
    var effort: Int = 40
    @Option(help: "The committed bench baseline (JSON).") var baseline: String?
    @Flag(help: "Write the results as the new baseline instead of checking them.") var update = false
    @Option(name: .customLong("time-limit"), parsing: .unconditional,
            help: "Seconds per week (\(OptionRange.seconds); a safety net: the node limit decides).")
    var timeLimit: Double = 300
    @Option(name: .customLong("node-limit"), parsing: .unconditional,
            help: "Branch-and-bound nodes per week: the same on every machine, so the gate is too.")
    var nodeLimit: Int = 1000

    func validate() throws {
        if update && baseline == nil { throw ValidationError("--update needs --baseline FILE") }
        try OptionRange.checkTimeLimit(timeLimit)
        guard nodeLimit >= 1 else { throw ValidationError("--node-limit must be at least 1") }
        guard effort >= 0 else { throw ValidationError("--effort must be a number of rounds >= 0") }
        for s in sizes.split(separator: ",") where Int(s.trimmingCharacters(in: .whitespaces)).map({ $0 < 1 || $0 > 5000 }) ?? true {
            throw ValidationError("--sizes takes whole numbers from 1 to 5000 separated by commas, e.g. 30,100,300")
        }
    }

    func run() throws {
        var cases: [(name: String, scenario: Scenario)] = []
        var inputs: [String] = []
        for path in suite.isEmpty ? ["Scenarios"] : suite {
            for file in BenchSuite.scenarioFiles(under: path) {
                let loaded = try loadScenarioFiles(file)
                cases.append((file, loaded.scenario))
                inputs += loaded.files
            }
        }
        if update { try checkOutput(baseline, inputs: inputs) }
        do {
            cases += try BenchSuite.generatedWeeks(sizes: sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                                                   matrix: matrix)
        } catch {
            printError(error.description)
            throw ExitCode(Exit.invalidScenario)
        }
        guard !cases.isEmpty else { throw ValidationError("the suite is empty: give scenario files or folders, or --sizes") }
        let reference = try baseline.flatMap { file in update ? nil : try readBaseline(file) }
        printError("solving \(cases.count) weeks…")
        var options = EngineOptions(timeLimit: timeLimit)
        options.nodeLimit = nodeLimit
        options.effort = effort
        let results = Bench.run(cases, options: options) { r in
            printError("  \(r.name): \(r.status.rawValue) in \(String(format: "%.2f", r.seconds)) s")
        }
        print(Bench.table(results), terminator: "")
        if update, let baseline {
            try write(BenchBaseline(results).json, to: baseline)
            print("baseline written to \(baseline)")
            return
        }
        guard let reference else { return }
        let (regressions, notes) = reference.compare(results)
        for n in notes { print("  \(n)") }
        if regressions.isEmpty {
            print("quality gate: passed (\(results.count) weeks, no worse objective, no lost optimum)")
        } else {
            for r in regressions { print("REGRESSION \(r)") }
            print("quality gate: FAILED (\(regressions.count) regression(s))")
            throw ExitCode(1)
        }
    }

    private func readBaseline(_ file: String) throws -> BenchBaseline {
        do { return try BenchBaseline.read(file: file) } catch {
            printError(error.description)
            throw ExitCode(Exit.usage)
        }
    }
}

extension BenchSuite.Matrix: ExpressibleByArgument {}
