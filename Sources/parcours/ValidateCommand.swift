// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours validate`: a week checked, and its one-screen summary.

import ArgumentParser
import ParcoursScenario

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
