// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import ParcoursEngine

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the engine's model of a week as MPS or LP, for another solver.",
        discussion: "The objective is the contract's, constant included; a summary goes to stderr.")

    @Argument(help: "The scenario file (YAML or JSON).") var scenario: String
    @Option(name: .customLong("variant"), help: "A variant file to apply (repeatable, in order).") var variants: [String] = []
    @Option(help: "Write free MPS to this file.") var mps: String?
    @Option(help: "Write CPLEX LP to this file.") var lp: String?

    func validate() throws {
        guard mps != nil || lp != nil else { throw ValidationError("give --mps FILE or --lp FILE (or both)") }
    }

    func run() throws {
        let loaded = try loadScenarioFiles(scenario, variants: variants)
        let s = loaded.scenario
        try checkOutput(mps, inputs: loaded.files)
        try checkOutput(lp, inputs: loaded.files + [mps].compactMap { $0 })
        do {
            let export = try ModelExport(s)
            if let mps { try export.writeMPS(to: mps) }
            if let lp { try export.writeLP(to: lp) }
            printError("\(export.variables) variables (\(export.integerVariables) integer), \(export.constraints) constraints; "
                + "objective constant: \(export.objectiveConstant)")
        } catch {
            printError("error: \(error.description)")
            throw ExitCode(Exit.usage)
        }
    }
}
