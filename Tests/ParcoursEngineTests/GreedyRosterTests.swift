// SPDX-License-Identifier: GPL-3.0-or-later
//
// The first roster built without a solver (issue #11: a valid roster within a second at any size).

import Testing
import Modelling
import ModellingGLPK
import ParcoursScenario
@testable import ParcoursEngine

@Test func theGreedyRosterStaffsEveryShiftItCanWithTheSupervisorsItNeeds() throws {
    // A needs 2 people and a supervisor (ratio 2) on Monday morning, B one person in the afternoon;
    // p and q (4 h minimum each) can do both, marc supervises A. By hand: p and q in A with marc,
    // one of them in B as well (both at 8 h would pass their 4 h target; either is fine), nothing short.
    let scenario = week([person("p", min: 4, target: 4), person("q", min: 4, target: 4)],
                        [activity("A", min: 2, max: 2, ratio: 2), activity("B", slots: ["pm"])],
                        supervisors: [Supervisor(id: "marc", activities: ["A"])])
    let built = try RosterModel(scenario: scenario)
    let point = try #require(GreedyRoster(built).point())
    #expect(built.model.isFeasible(point))
    let roster = RosterEngine().roster(from: point, of: built)
    #expect(roster.unmet.isEmpty)
    #expect(roster.supervision.map { "\($0.supervisor) \($0.activity)" } == ["marc A"])
    #expect(lines(roster).filter { $0.hasSuffix(" A") }.count == 2)
    #expect(lines(roster).filter { $0.hasSuffix(" B") }.count == 1)
    #expect(RosterVerification(scenario: scenario, roster: roster).isValid)
}

@Test func theGreedyRosterLeavesAShiftShortRatherThanBreakARule() throws {
    // A needs a supervisor, and its only one is off on Monday: nobody may work there.
    let marc = Supervisor(id: "marc", activities: ["A"], availability: .except([TimeRef(day: .mon, slot: "am")]))
    let scenario = week([person("p", min: 4)], [activity("A", ratio: 4), activity("B", slots: ["pm"])], supervisors: [marc])
    let built = try RosterModel(scenario: scenario)
    let point = try #require(GreedyRoster(built).point())
    let roster = RosterEngine().roster(from: point, of: built)
    #expect(lines(roster) == ["p mon pm B"])
    #expect(RosterVerification(scenario: scenario, roster: roster).isValid)
}

@Test(arguments: ShippedScenarios.files)
func theFirstRosterOfAShippedWeekIsValidAndBeatsEveryoneIdle(_ file: String) throws {
    let scenario = try ScenarioLoader.load(file: file)
    let built = try RosterModel(scenario: scenario)
    let point = try #require(NeighbourhoodSearch(built, solver: GLPKSolver()).firstRoster(timeLimit: 10))
    #expect(built.model.isFeasible(point))
    let roster = RosterEngine().roster(from: point, of: built)
    #expect(RosterVerification(scenario: scenario, roster: roster).isValid)
    let idle = RosterCheck(scenario).check([], []).terms.total
    #expect(try #require(roster.objective) < idle)
}
