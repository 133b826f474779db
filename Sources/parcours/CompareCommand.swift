// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours compare`: a week and its variants (or a sweep), solved and set side by side.

import ArgumentParser
import ParcoursEngine
import ParcoursScenario

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
    @OptionGroup var limits: LimitOptions
    @Option(parsing: .unconditional, help: "Solves at once (each on its own thread).") var jobs: Int = 2
    @Flag(help: "Leave solve times out, so that two runs give identical output.") var reproducible = false
    @Option(name: .customLong("freeze-before"), help: "With a baseline: keep every assignment before this period (e.g. wed.am) in every version.")
    var freezeBefore: String?
    @Flag(name: .customLong("stay-close"), help: "Solve each variant with the base's roster as its published baseline, so that it changes only what it must.")
    var stayClose = false

    func validate() throws {
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
            switch Sweep.parse(sweep).flatMap({ $0.versions(of: base) }) {
            case .failure(let e): throw ValidationError(e.description)
            case .success(let swept): versions += swept
            }
        }
        var options = EngineOptions(timeLimit: limits.timeLimit, relativeGap: limits.gap)
        options.frozenBefore = try frozenPeriod(freezeBefore, in: base)
        let comparison = stayClose ? Comparison.solveStayingClose(versions, options: options, parallel: jobs)
            : Comparison.solve(versions, options: options, parallel: jobs)
        print(comparison.render(format, timing: !reproducible), terminator: "")
    }
}

extension Comparison.Format: ExpressibleByArgument {}
