// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours verify`: a roster checked against its week by the independent checker.

import ArgumentParser
import ParcoursEngine
import ParcoursScenario

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a roster against its scenario: every hard rule and every reported term.",
        discussion: "Exit codes: 0 valid, 1 a rule is broken or a reported value differs, 65 invalid scenario or roster file.")

    @Argument(help: "The scenario file.") var scenario: String
    @Argument(help: "The roster JSON file.") var roster: String
    @Option(name: .customLong("variant"), help: "Variant files the roster was solved with.") var variants: [String] = []
    @Option(help: "The baseline the roster was solved with.") var baseline: String?
    @Option(help: "The history the roster was solved with (`solve --history`): its pathway goals' shares are checked too.")
    var history: String?

    func run() throws {
        let s = try withPathwayGoals(try loadScenario(scenario, variants: variants, baseline: baseline), history: history, quiet: true)
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
