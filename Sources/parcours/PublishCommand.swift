// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours publish`: a week's roster, checked, recorded in the history as published.

import ArgumentParser
import Foundation
import ParcoursEngine
import ParcoursHistory
import ParcoursScenario

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a week's roster in the history as published (publishing a week again replaces it).",
        discussion: """
            The roster is checked first (as `verify` does): a roster that breaks a rule is not published. \
            The history is one SQLite file, `parcours.db` beside the scenario unless --history says otherwise; \
            the week is written in one transaction, so it is all there or not at all. \
            Exit codes: 0 published, 1 the roster breaks a rule, 65 invalid scenario, roster or history.
            """)

    @Argument(help: "The scenario file (its `week` names the week).") var scenario: String
    @Argument(help: "The roster JSON file.") var roster: String
    @Option(name: .customLong("variant"), help: "Variant files the roster was solved with.") var variants: [String] = []
    @Option(help: "The history file (default: parcours.db beside the scenario).") var history: String?

    func run() throws {
        let folder = (scenario as NSString).deletingLastPathComponent
        let path = history ?? (folder.isEmpty ? "parcours.db" : folder + "/parcours.db")
        // The week as it was solved with this history: its pathway goals' shares (the weeks before it).
        let s = try withPathwayGoals(try loadScenario(scenario, variants: variants), history: path, quiet: true)
        let r: Roster
        do { r = try Roster.read(file: roster, for: s) } catch {
            printError(error.description)
            throw ExitCode(Exit.invalidScenario)
        }
        let verification = RosterVerification(scenario: s, roster: r)
        guard verification.isValid else {
            for line in verification.report() { printError(line) }
            let pathway = s.participants.contains { $0.pathway?.needsHistory ?? false }
            let need = pathway && s.fairness != nil ? "its pathway goals and fairness over weeks need" : pathway ? "its pathway goals need" : "fairness over weeks needs"
            printError("\(roster): not published: \(verification.violations.count) violation(s), \(verification.mismatches.count) mismatch(es) "
                       + "(solve the week again\(pathway || s.fairness != nil ? " with --history \(path), as \(need)" : ""), "
                       + "or fix the roster until `parcours verify` accepts it)")
            throw ExitCode(Exit.violations)
        }
        do {
            let file = try History(path: path)
            // For the tests only: wait inside the write transaction (they kill the process there).
            var beforeCommit: (() -> Void)?
            if let pause = ProcessInfo.processInfo.environment["PARCOURS_PUBLISH_PAUSE"].flatMap(Double.init) {
                beforeCommit = { Thread.sleep(forTimeInterval: pause) }
            }
            let week = try file.publish(s, r, beforeCommit: beforeCommit)
            print("\(path): published the week of \(week.week) (\(s.name)): \(week.assignments) assignments, \(week.participants) participants")
        } catch {
            printError("\(error)")
            throw ExitCode(Exit.invalidScenario)
        }
    }
}
