// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours explain`: the week in the planner's words — who is short and why, why each short
// shift stayed short, what blocks an infeasible week, what one more resource is worth.

import ArgumentParser
import Foundation
import ParcoursEngine
import ParcoursExplain
import ParcoursScenario

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a week: each person's hours and goals, each short shift, conflicts, what one more resource is worth.",
        discussion: """
        Without --roster the week is solved first, under a work limit (--effort, --node-limit) so that the
        same week gives the same explanation on every machine. The values of one more resource come from
        short re-solves of the week with that one unit added; they are estimates unless both solves are optimal.
        Examples:
          parcours explain week.yaml
          parcours explain week.yaml --roster roster.json --format markdown
          parcours explain week.yaml --variant marc-off.yaml --format json -o explained.json
          parcours explain week.yaml --baseline published.json --variant two-sick.yaml --freeze-before wed.am
        Exit codes: 0 explained, 2 the week is infeasible (the conflict is explained), 3 no roster, 64 usage, 65 invalid scenario.
        """)

    @Argument(help: "The scenario file (YAML or JSON).") var scenario: String
    @Option(name: .customLong("variant"), help: "A variant file to apply (repeatable, in order).") var variants: [String] = []
    @Option(help: "A published roster (JSON) for the stability term.") var baseline: String?
    @Option(help: "The roster to explain (JSON written by `parcours solve`); without it the week is solved.") var roster: String?
    @Option(name: .customLong("freeze-before"),
            help: "With a baseline: keep every published assignment before this period (e.g. tue.pm), as `solve --freeze-before` does.")
    var freezeBefore: String?
    @Option(help: "The history the week is (or was) solved with (`solve --history`): its pathway goals' shares count too.")
    var history: String?
    @Option(help: "text (the terminal), markdown (a note to share) or json (the roster with its `explanations` key).")
    var format: Format = .text
    @Option(name: [.short, .customLong("output")], help: "Where to write (default: stdout).") var output: String?
    @Option(name: .customLong("time-limit"), parsing: .unconditional,
            help: "Seconds for the solve when no roster is given (\(OptionRange.seconds); a safety net: the work limit decides).")
    var timeLimit: Double = 20
    @Option(parsing: .unconditional, help: "Rounds of neighbourhood search after the node limit, for the solve (the work limit).")
    var effort: Int = 10
    @Option(name: .customLong("node-limit"), parsing: .unconditional, help: "Branch-and-bound nodes for the solve.")
    var nodeLimit: Int = 500
    @Flag(name: .customLong("no-resources"), help: "Skip the re-solves that value one more resource.") var noResources = false
    @Flag(help: "Write 0 as solver seconds, so that two runs give identical bytes.") var reproducible = false

    enum Format: String, ExpressibleByArgument { case text, markdown, json }

    func validate() throws {
        try OptionRange.checkTimeLimit(timeLimit)
        guard effort >= 0 else { throw ValidationError("--effort must be a number of rounds >= 0, e.g. --effort 10") }
        guard nodeLimit >= 1 else { throw ValidationError("--node-limit must be at least 1, not \(nodeLimit)") }
    }

    func run() throws {
        let loaded = try loadScenarioFiles(scenario, variants: variants, baseline: baseline)
        let s = try withPathwayGoals(loaded.scenario, history: history, quiet: roster != nil)
        try checkOutput(output, inputs: loaded.files + [roster].compactMap { $0 })
        let frozen = try frozenPeriod(freezeBefore, in: s)
        var solved = try roster.map(readRoster) ?? solve(s, frozenBefore: frozen)
        var explainer = WeekExplainer()
        explainer.resources = !noResources
        explainer.frozenBefore = frozen
        let explanations = explainer.explain(s, solved, locations: loaded.locations)
        switch format {
        case .json:
            solved.explanations = explanations
            try write(solved.json(timing: !reproducible), to: output)
        case .text, .markdown:
            var text = format == .markdown ? "# \(s.name): \(solved.status.rawValue)\n" : "\(s.name): \(solved.status.rawValue)\n"
            if let explanation = solved.explanation, explanations.conflicts.isEmpty { text += explanation + "\n" }
            text += explanations.rendered(format == .markdown ? .markdown : .text)
            try write(text, to: output)
        }
        switch solved.status {
        case .optimal, .feasible: return
        case .infeasible: throw ExitCode(Exit.infeasible)
        case .noSolution: throw ExitCode(Exit.noSolution)
        }
    }

    private func readRoster(_ file: String) throws -> Roster {
        let s = try loadScenario(scenario, variants: variants, baseline: baseline)
        do { return try Roster.read(file: file, for: s) } catch {
            printError(error.description)
            throw ExitCode(Exit.invalidScenario)
        }
    }

    private func solve(_ s: Scenario, frozenBefore: Period?) -> Roster {
        var options = EngineOptions(timeLimit: timeLimit)
        options.frozenBefore = frozenBefore
        options.effort = effort
        options.nodeLimit = nodeLimit
        options.threads = 1
        return RosterEngine().solve(s, options: options)
    }
}
