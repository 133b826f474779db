// SPDX-License-Identifier: GPL-3.0-or-later
//
// What-ifs as a planner asks them (issue 14): supervisors' moves, who is under their minimum,
// `--freeze-before` and `--stay-close` in `compare`.

import Foundation
import Testing
import ParcoursScenario
@testable import ParcoursEngine

@Suite(.serialized) struct WhatIfsAsAsked {
    @Test func compareListsSupervisorMovesAndNamesWhoIsUnderTheirMinimum() throws {
        let versions: [(label: String, scenario: Scenario)] = [
            ("base", try whatIf()),
            ("marc off", try whatIf("  - patch: {supervisor: marc, availability: {unavailable: [mon, tue]}}\n")),
        ]
        let comparison = Comparison.solve(versions, options: EngineOptions(timeLimit: 30))
        let text = comparison.render(.text, timing: false)
        #expect(text.contains("6 period(s) change, 2 supervisor period(s)\n"))
        #expect(text.contains("  marc (supervisor) mon am: cuisine → rest\n  marc (supervisor) tue am: cuisine → rest\n"))
        let under = text.split(separator: "\n").first { $0.hasPrefix("under contract minimum") }.map(String.init)
        #expect(under.map { $0.split(separator: " ").suffix(2) } == ["none", "ana"])
        let json = comparison.render(.json, timing: false)
        #expect(json.contains("\"supervisor_moves\": [{\"supervisor\": \"marc\", \"day\": \"mon\", \"slot\": \"am\", \"before\": \"cuisine\", \"after\": \"rest\"}"))
    }

    @Test func stayCloseSolvesVariantsAgainstTheBasesRoster() throws {
        let versions: [(label: String, scenario: Scenario)] = [
            ("base", try whatIf()),
            ("eva off mon", try whatIf("  - patch: {participant: eva, availability: {unavailable: [mon]}}\n")),
        ]
        let close = Comparison.solveStayingClose(versions, options: EngineOptions(timeLimit: 30))
        let base = close.runs[0].roster
        #expect(close.runs[0].scenario.baseline == nil)
        #expect(close.runs[1].scenario.baseline?.count == base.assignments.count)
        // Only Eva's Monday afternoon changes, and the variant's stability term counts it.
        #expect(moves(close.runs[1].scenario, from: base, to: close.runs[1].roster) == ["eva mon pm: jardin → rest"])
        #expect(close.runs[1].roster.terms?[.stability] == 5)
    }

    @Test func compareTakesFreezeBeforeAndStayCloseFromTheCommandLine() throws {
        let week = try writeTemporary(whatIfWeek, name: "week.yaml")
        let variant = (week as NSString).deletingLastPathComponent + "/eva.yaml"
        try "variant: eva off\nchanges:\n  - patch: {participant: eva, availability: {unavailable: [mon]}}\n"
            .write(toFile: variant, atomically: true, encoding: .utf8)
        let refused = try parcours(["compare", week, variant, "--freeze-before", "tue.am"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--freeze-before needs a published roster"))
        let base = try parcours(["solve", week, "--reproducible"])
        let published = (week as NSString).deletingLastPathComponent + "/published.json"
        try base.stdout.write(toFile: published, atomically: true, encoding: .utf8)
        let frozen = try parcours(["compare", week, variant, "--baseline", published, "--freeze-before", "mon.pm", "--reproducible"])
        #expect(frozen.status == 0)
        #expect(frozen.stdout.contains("eva off vs base: 1 period(s) change\n  eva mon pm: jardin → rest\n"))
        let close = try parcours(["compare", week, variant, "--stay-close", "--reproducible"])
        #expect(close.status == 0)
        let stability = close.stdout.split(separator: "\n").first { $0.hasPrefix("stability") }.map(String.init)
        #expect(stability.map { $0.split(separator: " ").suffix(2) } == ["0", "5"])
    }
}
