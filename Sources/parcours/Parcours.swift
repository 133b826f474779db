// SPDX-License-Identifier: GPL-3.0-or-later
//
// The command line's root, and what its commands share: exit codes, loading with located
// errors, output files, progress. Each command is in its own file (SolveCommand.swift, …); the
// command line only parses arguments, calls the libraries and prints.

import ArgumentParser
import Foundation
import Modelling
import ParcoursEngine
import ParcoursHistory
import ParcoursScenario

@main
struct Parcours: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcours",
        abstract: "Weekly rosters for work-integration social enterprises, optimised with GLPK.",
        subcommands: [Solve.self, Explain.self, Export.self, Verify.self, Validate.self, Generate.self, Compare.self, BenchCommand.self, Report.self, Publish.self, ProgressCommand.self],
        defaultSubcommand: nil
    )
}

/// Exit codes shared by the commands.
enum Exit {
    static let solved: Int32 = 0
    static let violations: Int32 = 1
    static let infeasible: Int32 = 2
    static let noSolution: Int32 = 3
    static let usage: Int32 = 64
    static let invalidScenario: Int32 = 65
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Loads a scenario and applies variants and a baseline file; prints located errors and exits 65.
func loadScenario(_ path: String, variants: [String] = [], baseline: String? = nil, warnings: Bool = false) throws -> Scenario {
    try loadScenarioFiles(path, variants: variants, baseline: baseline, warnings: warnings).scenario
}

/// The same, with the list of every file read.
func loadScenarioFiles(_ path: String, variants: [String] = [], baseline: String? = nil, warnings: Bool = false) throws -> LoadedScenario {
    do {
        let loaded = try ScenarioLoader.read(file: path, variants: variants, baseline: baseline)
        if warnings { for w in loaded.warnings { printError(w.description) } }
        return loaded
    } catch {
        printError(error.description)
        throw ExitCode(Exit.invalidScenario)
    }
}

/// Refuses, before any work, an output path that cannot be written or is one of `inputs` (exit 64).
func checkOutput(_ path: String?, inputs: [String]) throws {
    guard let path, path != "-" else { return }
    if let problem = OutputFile.check(path, inputs: inputs) {
        printError(problem.description)
        throw ExitCode(Exit.usage)
    }
}

/// The width the text grid must fit: $COLUMNS, or 100.
func terminalWidth() -> Int {
    ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.map { max(40, $0) } ?? 100
}

/// Parses `tue.pm` into a period of the scenario's calendar.
func parsePeriod(_ text: String, in scenario: Scenario) throws -> Period {
    let parts = text.split(separator: ".").map(String.init)
    guard parts.count == 2, let day = Day(rawValue: parts[0]), let period = scenario.calendar.period(day: day, slot: parts[1]) else {
        printError("error: '\(text)' is not a period of this week; write DAY.SLOT, e.g. "
            + "\(scenario.calendar.days.first?.rawValue ?? "mon").\(scenario.calendar.slots.first?.id ?? "am")")
        throw ExitCode(Exit.usage)
    }
    return period
}

/// The period of `--freeze-before`, which needs a published roster to keep (exit 64 without one).
func frozenPeriod(_ text: String?, in scenario: Scenario) throws -> Period? {
    guard let text else { return nil }
    guard scenario.baseline != nil else {
        printError("error: --freeze-before needs a published roster: give --baseline FILE or a `baseline:` in the scenario")
        throw ExitCode(Exit.usage)
    }
    return try parsePeriod(text, in: scenario)
}

func write(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do {
        try OutputFile.write(text, to: path)
    } catch {
        printError(error.description)
        throw ExitCode(Exit.usage)
    }
}

/// Progress on stderr, only when it is a terminal and the solve lasts more than a second.
func progressPrinter() -> (@Sendable (Modelling.SolveProgress) -> Void)? {
    guard isatty(2) == 1 else { return nil }
    return { p in
        guard p.seconds >= 1 else { return }
        let inc = p.incumbent.map { String(format: "%.2f", $0) } ?? "-"
        let bnd = p.bound.map { String(format: "%.2f", $0) } ?? "-"
        let gap = p.gap.map { String(format: "%.2f %%", $0 * 100) } ?? "-"
        printError(String(format: "\u{1B}[2K\r%6.1f s  roster %@  bound %@  gap %@  nodes %d", p.seconds, inc, bnd, gap, p.nodes)
            .replacingOccurrences(of: "\n", with: ""))
    }
}

func printError(_ text: String, terminator: String) {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}

/// The scenario with its pathway goals' shares for this week and fairness over weeks' weights
/// (with `weights.fairness`), from the history (unchanged without `--history`; a history not made
/// yet is the first week's: nothing done so far); each share is said on stderr unless `quiet`.
func withPathwayGoals(_ scenario: Scenario, history path: String?, quiet: Bool = false) throws -> Scenario {
    let fair = scenario.weights.fairness > 0
    guard let path, fair || scenario.participants.contains(where: { $0.pathway?.needsHistory ?? false }) else { return scenario }
    do {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !quiet { printError("note: \(path): no history yet, so no week published before this one") }
        let history = exists ? try History(path: path) : nil
        let shares = try PathwayGoals.shares(scenario, history: history)
        let targets = try PathwayGoals.contractTargets(scenario, history: history)
        let fairness = try Fairness.shares(scenario, history: history)
        if !quiet {
            for share in shares { printError("pathway goal \(share.text)") }
            for target in targets { printError("pathway contract \(target.text)") }
            for share in fairness where share.weight > 0 { printError("fairness \(share.text)") }
        }
        return Fairness.applying(fairness, to: PathwayGoals.applying(targets, to: PathwayGoals.applying(shares, to: scenario)))
    } catch {
        printError("\(error)")
        throw ExitCode(Exit.invalidScenario)
    }
}
