// SPDX-License-Identifier: GPL-3.0-or-later
//
// The quality gate of `parcours bench`: a worsened model must fail it, naming the week and the
// metric; the unchanged engine must pass.

import Foundation
import Testing
import ParcoursBench
import ParcoursScenario
@testable import ParcoursEngine

@Suite struct BenchGate {
    let cases: [(name: String, scenario: Scenario)]
    let options = EngineOptions(timeLimit: 30)

    init() throws {
        cases = [("what-if week", try whatIf()), ("marc off", try whatIf("  - patch: {supervisor: marc, availability: {unavailable: [tue]}}\n"))]
    }

    @Test func theUnchangedEnginePassesItsOwnBaseline() throws {
        let baseline = BenchBaseline(Bench.run(cases, options: options))
        let reread = try BenchBaseline.read(file: try write(baseline.json))
        #expect(reread.entries.mapValues(\.objective) == baseline.entries.mapValues(\.objective))
        let (regressions, notes) = reread.compare(Bench.run(cases, options: options))
        #expect(regressions.isEmpty)
        #expect(notes.count == 2)
    }

    /// A model with a wrong weight (a sign error on preference: Eva now shuns the jardin she likes)
    /// finds a roster that is worse under the contract's objective: the gate names the week and the metric.
    @Test func aWrongWeightInTheModelFailsTheGate() throws {
        let baseline = BenchBaseline(Bench.run(cases, options: options))
        var wrong = cases[0].scenario
        wrong.weights.preference = -10
        let roster = RosterEngine().solve(wrong, options: options)
        // Scored by the contract (the true weights), as `parcours verify` would.
        let truth = RosterCheck(cases[0].scenario).check(roster.assignments, roster.supervision).terms
        var results = Bench.run(cases, options: options)
        #expect(truth.total > -20)     // the true optimum is −20
        results[0].objective = truth.total
        let (regressions, _) = baseline.compare(results)
        #expect(regressions.count == 1)
        #expect(regressions.first?.hasPrefix("what-if week: objective") == true)
    }

    @Test func aLostOptimumFailsTheGate() {
        let baseline = BenchBaseline(Bench.run(cases, options: options))
        var results = Bench.run(cases, options: options)
        results[1].status = .feasible
        #expect(baseline.compare(results).regressions == ["marc off: status — optimal lost (now feasible)"])
    }

    @Test func theTableHasOneLinePerWeek() {
        let table = Bench.table(Bench.run(cases, options: options))
        #expect(table.split(separator: "\n").count == 3)
        #expect(table.contains("what-if week") && table.contains("optimal"))
    }

    private func write(_ text: String) throws -> String {
        let file = NSTemporaryDirectory() + "bench-\(UUID().uuidString).json"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
