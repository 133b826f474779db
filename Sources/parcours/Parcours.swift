// SPDX-License-Identifier: GPL-3.0-or-later
//
// The command line. It only parses arguments, calls the engine and prints.

import ArgumentParser
import Foundation
import ParcoursBench
import ParcoursEngine
import ParcoursExplain
import ParcoursScenario

@main
struct Parcours: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcours",
        abstract: "Weekly rosters for work-integration social enterprises, optimised with GLPK.",
        subcommands: [Solve.self, Explain.self, Export.self, Verify.self, Validate.self, Generate.self, Compare.self, BenchCommand.self, Report.self],
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

import Modelling

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a week and write its roster (JSON).",
        discussion: """
        Exit codes: 0 solved (optimal or feasible), 2 infeasible, 3 no roster within the time limit,
        64 usage, 65 invalid scenario.
        """)

    @Argument(help: "The scenario file (YAML or JSON).") var scenario: String
    @Option(name: .customLong("variant"), help: "A variant file to apply (repeatable, in order).") var variants: [String] = []
    @Option(help: "A published roster (JSON) to stay close to (the stability term).") var baseline: String?
    @Option(name: .customLong("freeze-before"), help: "With a baseline: keep every assignment before this period (e.g. tue.pm).")
    var freezeBefore: String?
    @Option(name: [.short, .customLong("output")], help: "Where to write the roster JSON (default: stdout, or nothing with --format text).")
    var output: String?
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds for the solver (\(OptionRange.seconds)).")
    var timeLimit: Double = 60
    @Option(parsing: .unconditional, help: "Relative MIP gap at which to stop (\(OptionRange.gap); 0 = prove optimality).")
    var gap: Double = 0
    @Option(name: .customLong("node-limit"), parsing: .unconditional,
            help: "Stop after this many branch-and-bound nodes (the same roster on every machine).")
    var nodeLimit: Int?
    @Option(help: "json: the roster on stdout (or -o) and a summary on stderr; text: a summary and the table on stdout; html, csv, ics: that report instead of the roster, on stdout (or -o), as `parcours report` writes it.")
    var format: OutputFormat = .json
    @Flag(help: "Write 0 as solver seconds, so that two runs give identical bytes.") var reproducible = false
    @Flag(help: "Show GLPK's own log on stderr.") var verbose = false
    @Flag(help: "Add the `explanations` key to the roster: each person, each short shift, an infeasible week's conflict (see `parcours explain`).")
    var explain = false
    @OptionGroup var search: SearchOptions
    @Option(help: "Write every new roster and bound, with the seconds, as JSON lines to this file.") var trace: String?

    @OptionGroup(title: "Reports (--format html|csv|ics)") var report: ReportOptions

    enum OutputFormat: String, ExpressibleByArgument { case json, text, html, csv, ics }

    func validate() throws {
        try OptionRange.checkTimeLimit(timeLimit)
        try OptionRange.checkGap(gap)
        if let nodeLimit, nodeLimit < 1 { throw ValidationError("--node-limit must be at least 1, not \(nodeLimit)") }
    }

    func run() throws {
        let started = ContinuousClock.now
        let loaded = try loadScenarioFiles(scenario, variants: variants, baseline: baseline)
        let s = loaded.scenario
        // Every output path is checked before the solve, which may take minutes.
        try checkOutput(output, inputs: loaded.files)
        try checkOutput(trace, inputs: loaded.files + [output].compactMap { $0 })
        var options = EngineOptions(timeLimit: timeLimit, relativeGap: gap)
        options.nodeLimit = nodeLimit
        if let freezeBefore {
            guard s.baseline != nil else {
                printError("error: --freeze-before needs a published roster: give --baseline FILE or a `baseline:` in the scenario")
                throw ExitCode(Exit.usage)
            }
            options.frozenBefore = try parsePeriod(freezeBefore, in: s)
        }
        search.apply(to: &options)
        let printer = progressPrinter(), traceFile = try trace.map(TraceFile.init(path:))
        if printer != nil || traceFile != nil {
            options.progress = { p in printer?(p); traceFile?.record(p) }
        }
        if verbose { options.log = { line in printError(line) } }
        // The time limit is the whole command's: what loading took is not the solver's, and the
        // roster's checks and writing need their share.
        options.timeLimit = CommandBudget.solverSeconds(of: timeLimit, since: started, participants: s.participants.count)
        let interruption = Interruption()
        options.interruption = interruption
        var roster = CommandBudget.interruptible(interruption) { RosterEngine().solve(s, options: options) }
        if roster.hasSolution { roster.paidAbsences = Roster.PaidAbsence.list(for: s) }
        if isatty(2) == 1 { printError("\u{1B}[2K\r", terminator: "") }
        if explain {
            var explainer = WeekExplainer()
            explainer.resources = false
            roster.explanations = explainer.explain(s, roster, locations: loaded.locations)
        }
        switch format {
        case .json:
            try write(roster.json(timing: !reproducible), to: output)
            printError(roster.summary(for: s))
        case .text:
            if let output { try write(roster.json(timing: !reproducible), to: output) }
            var text = roster.summary(for: s)
            if roster.hasSolution { text += "\n" + roster.table(for: s, width: terminalWidth()) }
            var explainer = WeekExplainer()
            explainer.resources = false
            text += "\n" + (roster.explanations ?? explainer.explain(s, roster, locations: loaded.locations)).rendered(.text, limit: 3)
            if let published = s.baseline, roster.hasSolution {
                text += "\n" + RosterChanges(scenario: s, baseline: published, roster: roster).text
            }
            try write(text, to: nil)
        case .html, .csv, .ics:
            try report.write(ReportFormat(rawValue: format.rawValue)!, scenario: s, roster: roster, output: output, reproducible: reproducible)
            printError(roster.summary(for: s))
        }
        switch roster.status {
        case .optimal, .feasible: return
        case .infeasible: throw ExitCode(Exit.infeasible)
        case .noSolution: throw ExitCode(Exit.noSolution)
        }
    }
}

func printError(_ text: String, terminator: String) {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a roster against its scenario: every hard rule and every reported term.",
        discussion: "Exit codes: 0 valid, 1 a rule is broken or a reported value differs, 65 invalid scenario or roster file.")

    @Argument(help: "The scenario file.") var scenario: String
    @Argument(help: "The roster JSON file.") var roster: String
    @Option(name: .customLong("variant"), help: "Variant files the roster was solved with.") var variants: [String] = []
    @Option(help: "The baseline the roster was solved with.") var baseline: String?

    func run() throws {
        let s = try loadScenario(scenario, variants: variants, baseline: baseline)
        let r: Roster
        do { r = try Roster.read(file: roster, for: s) } catch {
            printError(error.description)
            throw ExitCode(Exit.invalidScenario)
        }
        let verification = RosterVerification(scenario: s, roster: r)
        if verification.isValid {
            print("\(roster): valid (\(r.status.rawValue), \(r.assignments.count) assignments, objective \(r.objective.map { "\($0)" } ?? "none"))")
            return
        }
        for line in verification.report() { print(line) }
        print("\(roster): \(verification.violations.count) violation(s), \(verification.mismatches.count) mismatch(es)")
        throw ExitCode(Exit.violations)
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario (and variants) and print a one-screen summary.",
        discussion: "Exit codes: 0 valid, 65 invalid (every problem is listed with its file, line and column).")

    @Argument(help: "The scenario file.") var scenario: String
    @Option(name: .customLong("variant"), help: "Variant files to apply (repeatable).") var variants: [String] = []

    func run() throws {
        let s = try loadScenario(scenario, variants: variants, warnings: true)
        print(ScenarioSummary(s).text, terminator: "")
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a week and its variants (or a sweep of one setting) and compare them side by side.",
        discussion: """
        Examples:
          parcours compare week.yaml variants/marc-off.yaml variants/urgent-order.yaml
          parcours compare week.yaml --sweep rules.supervision_ratio=6..10 --format markdown
          parcours compare week.yaml variants/helene-ill-wed.yaml --stay-close
        Sweep keys: rules.supervision_ratio, rules.max_hours_per_day, weights.TERM, activity.ID.min, participants.
        """)

    @Argument(help: "The scenario file.") var scenario: String
    @Argument(help: "Variant files; each is applied to the scenario on its own.") var variants: [String] = []
    @Option(help: "A published roster (JSON) for the stability term.") var baseline: String?
    @Option(help: "Sweep one setting: KEY=A..B or KEY=A,B,C.") var sweep: String?
    @Option(help: "text, markdown, json or csv.") var format: Comparison.Format = .text
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds per solve (\(OptionRange.seconds)).")
    var timeLimit: Double = 60
    @Option(parsing: .unconditional, help: "Relative MIP gap at which to stop (\(OptionRange.gap)).") var gap: Double = 0
    @Option(parsing: .unconditional, help: "Solves at once (each on its own thread).") var jobs: Int = 2
    @Flag(help: "Leave solve times out, so that two runs give identical output.") var reproducible = false
    @Option(name: .customLong("freeze-before"), help: "With a baseline: keep every assignment before this period (e.g. wed.am) in every version.")
    var freezeBefore: String?
    @Flag(name: .customLong("stay-close"), help: "Solve each variant with the base's roster as its published baseline, so that it changes only what it must.")
    var stayClose = false

    func validate() throws {
        try OptionRange.checkTimeLimit(timeLimit)
        try OptionRange.checkGap(gap)
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        guard !variants.isEmpty || sweep != nil else { throw ValidationError("give variant files or --sweep KEY=VALUES") }
    }

    func run() throws {
        let base = try loadScenario(scenario, baseline: baseline)
        var versions: [(label: String, scenario: Scenario)] = [("base", base)]
        for v in variants {
            let s = try loadScenario(scenario, variants: [v], baseline: baseline)
            let title = (try? ScenarioLoader.loadVariant(file: v).title) ?? v
            versions.append((title.isEmpty ? v : title, s))
        }
        if let sweep {
            switch Sweep.parse(sweep) {
            case .failure(let e): throw ValidationError(e.description)
            case .success(let spec):
                for value in spec.values {
                    switch spec.apply(value, to: base) {
                    case .failure(let e): throw ValidationError(e.description)
                    case .success(let s): versions.append((spec.label(value), s))
                    }
                }
            }
        }
        var options = EngineOptions(timeLimit: timeLimit, relativeGap: gap)
        if let freezeBefore {
            guard base.baseline != nil else {
                printError("error: --freeze-before needs a published roster: give --baseline FILE or a `baseline:` in the scenario")
                throw ExitCode(Exit.usage)
            }
            options.frozenBefore = try parsePeriod(freezeBefore, in: base)
        }
        let comparison = stayClose ? Comparison.solveStayingClose(versions, options: options, parallel: jobs)
            : Comparison.solve(versions, options: options, parallel: jobs)
        print(comparison.render(format, timing: !reproducible), terminator: "")
    }
}

extension Comparison.Format: ExpressibleByArgument {}

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
