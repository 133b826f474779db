// SPDX-License-Identifier: GPL-3.0-or-later
//
// The decomposition bound is only a bound if every pricing is exact: the dynamic programme must
// find, for any reduced costs, a week as cheap as the participant's MIP proves best.

import Testing
import ParcoursScenario
@testable import Modelling
import ModellingGLPK
@testable import ParcoursEngine

/// A matrix week's model, its blocks by participant, their decomposition, the pricer, and every
/// variable's objective coefficient (the reduced costs at duals of 0).
private func pricing(matrixWeek name: String) throws
    -> (built: RosterModel, blocks: [Int?], decomposition: Decomposition, pricer: ParticipantWeekPricer, cost: [Double]) {
    let built = try RosterModel(scenario: try matrixWeek(name))
    let blocks = built.participantBlocks
    var cost = Array(repeating: 0.0, count: built.model.variables.count)
    for t in built.model.objective { cost[t.variable.index] += t.coefficient }
    return (built, blocks, Decomposition(built.model, blocks: blocks), ParticipantWeekPricer(built), cost)
}

@Test(arguments: ["six-days-018", "fractional-016", "three-slots-018", "afternoon325-012"])
func theWeekPricerMatchesTheParticipantsMIP(week name: String) throws {
    let (built, blocks, decomposition, pricer, cost) = try pricing(matrixWeek: name)
    // Duals of the linking rows move the costs of assignments and enrolments; the slacks and days
    // worked are in no linking row and keep theirs.
    let decisions = Set(built.assignments.map(\.variable.index) + built.enrolments.map(\.variable.index))
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

/// The cheapest week with each shift (the Lagrangian fixing's numbers) is what the participant's
/// MIP proves best with that shift fixed at 1; a shift the programme leaves out has no such week.
@Test(arguments: ["six-days-018", "three-slots-018"])
func theCheapestWeekWithEachShiftMatchesTheParticipantsMIPWithTheShiftFixed(week name: String) throws {
    let (built, blocks, decomposition, pricer, cost) = try pricing(matrixWeek: name)
    var random = SplitMix64(seed: 11)
    let decisions = Set(built.assignments.map(\.variable.index))
    let reducedCosts = cost.indices.map { j in decisions.contains(j) ? cost[j] - Double(random.below(2001)) / 10 + 100 : cost[j] }
    var compared = 0, without = 0
    for b in decomposition.blocks.indices.prefix(4) {
        let variables = decomposition.blocks[b].variables
        let p = blocks[variables[0]]!
        let weeks = try #require(pricer.cheapestWeeks(p, reducedCosts: reducedCosts))
        for (q, j) in variables.enumerated() where decisions.contains(j) && q % 3 == 0 {
            var sub = decomposition.blocks[b].model
            sub.objective = variables.enumerated().compactMap { q, j in
                reducedCosts[j] == 0 ? nil : (Variable(index: q, model: sub.id), reducedCosts[j])
            }
            try sub.setBounds(sub.variable(q), lower: 1, upper: 1)
            let r = GLPKSolver().solve(sub, options: SolveOptions(timeLimit: 30))
            if r.termination == .infeasible {
                #expect(weeks.with[j] == nil, "participant \(p), variable \(j) of \(name)")
                without += 1
            } else {
                let mip = try #require(r.objective), programme = try #require(weeks.with[j])
                #expect(abs(programme - mip) <= 1e-6 * max(1, abs(mip)), "participant \(p), variable \(j) of \(name)")
                compared += 1
            }
        }
        #expect(weeks.with.values.allSatisfy { $0 >= weeks.cost - 1e-9 }, "a week with a shift below the cheapest week")
    }
    #expect(compared > 10)
}

/// Every assignment the fixing sets at 0 below the optimum's objective is 0 in the optimal roster.
@Test func theLagrangianFixingKeepsTheOptimalRoster() throws {
    let built = try RosterModel(scenario: try matrixWeek("afternoon325-012"))
    let model = built.model
    let optimum = GLPKSolver().solve(model, options: SolveOptions(timeLimit: 60))
    #expect(optimum.termination == .optimal)
    let best = try #require(optimum.solution)
    let pricer = ParticipantWeekPricer(built)
    var options = DecompositionOptions()
    options.pricer = { p, reducedCosts in pricer.price(p, reducedCosts: reducedCosts) }
    let r = model.decompositionBound(blocks: built.participantBlocks, points: [best.values], solver: GLPKSolver(), options: options)
    let dual = try #require(r.dual)
    let fixed = built.lagrangianFixings(dual, pricer: pricer, below: best.objective)
    #expect(fixed.count > 10)
    for v in fixed { #expect(best.values[v.index] < 0.5, "\(model.definition(v).name) is in the optimal roster") }
}
