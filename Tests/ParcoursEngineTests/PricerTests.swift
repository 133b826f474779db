// SPDX-License-Identifier: GPL-3.0-or-later
//
// The decomposition bound is only a bound if every pricing is exact: the dynamic programme must
// find, for any reduced costs, a week as cheap as the participant's MIP proves best.

import Testing
import ParcoursScenario
@testable import Modelling
import ModellingGLPK
@testable import ParcoursEngine

@Test(arguments: ["six-days-018", "fractional-016", "three-slots-018", "afternoon325-012"])
func theWeekPricerMatchesTheParticipantsMIP(week name: String) throws {
    let built = try RosterModel(scenario: try matrixWeek(name))
    let model = built.model
    let blocks = built.participantBlocks
    let decomposition = Decomposition(model, blocks: blocks)
    let pricer = ParticipantWeekPricer(built)
    // Duals of the linking rows move the costs of assignments and enrolments; the slacks and days
    // worked are in no linking row and keep theirs.
    let decisions = Set(built.assignments.map(\.variable.index) + built.enrolments.map(\.variable.index))
    var cost = Array(repeating: 0.0, count: model.variables.count)
    for t in model.objective { cost[t.variable.index] += t.coefficient }
    var random = SplitMix64(seed: 7)
    var compared = 0
    for round in 0..<3 {
        let reducedCosts = cost.indices.map { j in
            decisions.contains(j) && round > 0 ? cost[j] - Double(random.below(2001)) / 10 + 100 : cost[j]
        }
        for b in decomposition.blocks.indices {
            let p = blocks[decomposition.blocks[b].variables[0]]!
            let byProgramme = decomposition.price(b, reducedCosts: reducedCosts, pricer: { pricer.price($0, reducedCosts: $1) },
                                                  solver: GLPKSolver(), timeLimit: 30)
            let byMIP = decomposition.price(b, reducedCosts: reducedCosts, pricer: nil, solver: GLPKSolver(), timeLimit: 30)
            #expect(pricer.price(p, reducedCosts: reducedCosts) != nil, "participant \(p) of \(name) left to the MIP")
            let programme = try #require(byProgramme.objective), mip = try #require(byMIP.objective)
            #expect(abs(programme - mip) <= 1e-6 * max(1, abs(mip)), "participant \(p) of \(name), round \(round)")
            compared += 1
        }
    }
    #expect(compared > 30)
}
