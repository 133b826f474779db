// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours solve`: a week's roster, as JSON, text or a report.

import ArgumentParser
import Foundation
import Modelling
import ParcoursEngine
import ParcoursExplain
import ParcoursScenario

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
    @OptionGroup var limits: LimitOptions
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
    @Option(help: "The history of published weeks (`parcours publish`): each pathway goal asks this week's share of what is left; with `weights.fairness`, disliked work goes to those who had less of it lately.")
    var history: String?

    @OptionGroup(title: "Reports (--format html|csv|ics)") var report: ReportOptions

    enum OutputFormat: String, ExpressibleByArgument { case json, text, html, csv, ics }

    func validate() throws {
        if let nodeLimit, nodeLimit < 1 { throw ValidationError("--node-limit must be at least 1, not \(nodeLimit)") }
    }

    func run() throws {
        let started = ContinuousClock.now
        let loaded = try loadScenarioFiles(scenario, variants: variants, baseline: baseline)
        let s = try withPathwayGoals(loaded.scenario, history: history)
        // Every output path is checked before the solve, which may take minutes.
        try checkOutput(output, inputs: loaded.files)
        try checkOutput(trace, inputs: loaded.files + [output].compactMap { $0 })
        var options = EngineOptions(timeLimit: limits.timeLimit, relativeGap: limits.gap)
        options.nodeLimit = nodeLimit
        options.frozenBefore = try frozenPeriod(freezeBefore, in: s)
        search.apply(to: &options)
        let printer = progressPrinter(), traceFile = try trace.map(TraceFile.init(path:))
        if printer != nil || traceFile != nil {
            options.progress = { p in printer?(p); traceFile?.record(p) }
        }
        if verbose { options.log = { line in printError(line) } }
        // The time limit is the whole command's: what loading took is not the solver's, and the
        // roster's checks and writing need their share.
        options.timeLimit = CommandBudget.solverSeconds(of: limits.timeLimit, since: started, participants: s.participants.count)
        let interruption = Interruption()
        options.interruption = interruption
        var roster = CommandBudget.interruptible(interruption) { RosterEngine().solve(s, options: options) }
        if roster.hasSolution { roster.paidAbsences = Roster.PaidAbsence.list(for: s) }
        if isatty(2) == 1 { printError("\u{1B}[2K\r", terminator: "") }
        if explain {
            var explainer = WeekExplainer()
            explainer.resources = false
            explainer.frozenBefore = options.frozenBefore
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
            explainer.frozenBefore = options.frozenBefore
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
