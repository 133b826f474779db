// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import Modelling
import ModellingGLPK

/// Two people, each choosing shifts 1 and 2 of 2 h with 3 h to give (2·x1 + 2·x2 <= 3: one shift
/// in any roster, one and a half in the relaxation), each shift worth 1; shift 1 takes one person
/// at most (x_a1 + x_b1 <= 1, the row that links them). Optimum −2; relaxation −3; the
/// decomposition by person knows each person works one shift: −2.
private func twoPeople() throws -> (model: Model, blocks: [Int?], idle: [Double]) {
    var m = Model(name: "two-people")
    var objective = LinearExpression()
    var shiftOne = LinearExpression()
    for person in ["a", "b"] {
        let x1 = try m.addBinary("x[\(person),1]"), x2 = try m.addBinary("x[\(person),2]")
        try m.add(2 * x1 + LinearExpression(x2, 2) <= 3, name: "hours[\(person)]")
        objective += -1 * x1 - LinearExpression(x2)
        shiftOne += x1
    }
    try m.add(shiftOne <= 1, name: "shift1")
    try m.minimize(objective)
    return (m, [0, 0, 1, 1], [0, 0, 0, 0])
}

@Test func decompositionBoundIsTheOptimumWhereTheRelaxationIsLoose() throws {
    let (m, blocks, idle) = try twoPeople()
    let lp = GLPKSolver().solve(m.relaxed(), options: SolveOptions())
    #expect(abs(try #require(lp.objective) - -3) < 1e-9)
    let r = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: DecompositionOptions())
    #expect(r.converged)
    #expect(abs(try #require(r.bound) - -2) < 1e-6)
    #expect(r.columns >= 3)
}

@Test func decompositionBoundStopsAtItsTargetAndNeedsAFeasiblePoint() throws {
    let (m, blocks, idle) = try twoPeople()
    var options = DecompositionOptions()
    options.target = -2.5
    let early = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: options)
    #expect(try #require(early.bound) >= -2.5 - 1e-9)
    #expect(try #require(early.bound) <= -2 + 1e-6)
    let none = m.decompositionBound(blocks: blocks, points: [], solver: GLPKSolver(), options: DecompositionOptions())
    #expect(none.bound == nil && none.rounds == 0)
}

@Test func decompositionBoundGivesUpOnceItsMasterCannotBeatTheKnownBound() throws {
    let (m, blocks, idle) = try twoPeople()
    // The idle seeds' master is worth 0: a known bound of 0 cannot be beaten (the bound never
    // exceeds the master's value), so the first round ends it, with no relaxation to round.
    var options = DecompositionOptions()
    options.knownBound = 0
    let beaten = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: options)
    #expect(beaten.belowKnownBound && beaten.rounds == 1 && !beaten.converged)
    #expect(beaten.relaxation == nil && beaten.bound == nil)
    // Known −2.5, below the decomposition's −2: the master never falls that far, and it converges.
    options.knownBound = -2.5
    let beating = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: options)
    #expect(!beating.belowKnownBound && beating.converged && beating.relaxation != nil)
    #expect(abs(try #require(beating.bound) - -2) < 1e-6)
}

/// GLPK without its kept-loaded linear programs: the master is built and solved anew each round.
private struct RebuildingSolver: Solver {
    let glpk = GLPKSolver()
    var name: String { glpk.name }
    var version: String { glpk.version }
    func solve(_ model: Model, options: SolveOptions) -> SolveResult { glpk.solve(model, options: options) }
}

@Test func decompositionBoundIsTheSameWithTheMasterKeptLoadedOrBuiltAnew() throws {
    let (m, blocks, idle) = try twoPeople()
    #expect(RebuildingSolver().linearProgram(m) == nil)
    let kept = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: DecompositionOptions())
    let anew = m.decompositionBound(blocks: blocks, points: [idle], solver: RebuildingSolver(), options: DecompositionOptions())
    #expect(kept.converged && anew.converged)
    #expect(abs(try #require(kept.bound) - -2) < 1e-6)
    #expect(abs(try #require(anew.bound) - -2) < 1e-6)
}

@Test func theDecompositionsRelaxationIsAPointOfTheRelaxationAtTheMastersValue() throws {
    let (m, blocks, idle) = try twoPeople()
    let r = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: DecompositionOptions())
    let point = try #require(r.relaxation)
    #expect(point.count == 4)
    // Each person's columns weighted by their shares: the links and every person's hours hold, and
    // the value is the converged master's (−2, where the LP relaxation reaches −3).
    #expect(m.relaxed().isFeasible(point))
    #expect(abs(m.objectiveValue(point) - -2) < 1e-6)
    #expect(point[0] + point[2] <= 1 + 1e-9)
}

@Test func theLagrangianCutsLiftTheRelaxationToTheBoundAndKeepEveryRoster() throws {
    let (m, blocks, idle) = try twoPeople()
    let r = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: DecompositionOptions())
    // One row per person, on that person's variables only.
    #expect(r.cuts.count == 2)
    #expect(r.cuts.allSatisfy { cut in cut.lower != nil && cut.upper == nil && !cut.terms.isEmpty })
    #expect(Set(r.cuts[0].terms.map(\.variable.index)).isSubset(of: [0, 1]))
    #expect(Set(r.cuts[1].terms.map(\.variable.index)).isSubset(of: [2, 3]))
    let cut = m.adding(r.cuts)
    #expect(cut.constraints.count == m.constraints.count + 2)
    // The relaxation with the cuts reaches the decomposition's −2 (−3 without them) …
    let lp = GLPKSolver().solve(cut.relaxed(), options: SolveOptions())
    #expect(abs(try #require(lp.objective) - -2) < 1e-5)
    // … and no roster is cut off: the four with one shift each, a on shift 1 or not, keep every row.
    for roster: [Double] in [[1, 0, 0, 1], [0, 1, 1, 0], [0, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 0]] {
        #expect(m.isFeasible(roster) && cut.isFeasible(roster))
    }
    #expect(GLPKSolver().solve(cut, options: SolveOptions()).objective == -2)
}

@Test func rowsOfAnotherModelOrWithATakenNameAreNotAdded() throws {
    let (m, blocks, idle) = try twoPeople()
    let r = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: DecompositionOptions())
    let (other, _, _) = try twoPeople()
    #expect(other.adding(r.cuts).constraints.count == other.constraints.count)
    let once = m.adding(r.cuts)
    #expect(once.adding(r.cuts).constraints.count == once.constraints.count)
}

@Test func theBestRoundsDualKeepsItsBoundAndEachBlocksPricingBound() throws {
    let (m, blocks, idle) = try twoPeople()
    let r = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: DecompositionOptions())
    let dual = try #require(r.dual)
    #expect(abs(dual.bound - (try #require(r.bound))) < 1e-12)
    #expect(Set(dual.blockBounds.keys) == [0, 1])
    #expect(dual.reducedCosts.count == m.variables.count)
}

/// Bound 100, block 3's cheapest point 10 at the reduced costs: a variable whose cheapest point
/// costs 14 lifts the bound to 104, past a roster at 103 (fixed); at 12.5 to 102.5 (kept); the
/// cheapest point itself (10) lifts nothing. Another block's variables, or a block without a
/// pricing bound, are never fixed.
@Test func aVariableIsFixedAtZeroOnlyWhereItsCheapestPointLiftsTheBoundPastTheObjective() {
    let dual = LagrangianDual(bound: 100, reducedCosts: [], blockBounds: [3: 10])
    #expect(dual.fixedAtZero(block: 3, cheapestWith: [5: 14, 6: 12.5, 7: 10], below: 103) == [5])
    #expect(dual.fixedAtZero(block: 3, cheapestWith: [5: 14, 6: 12.5, 7: 10], below: 104) == [])
    #expect(dual.fixedAtZero(block: 3, cheapestWith: [5: 14, 6: 12.5, 7: 10], below: 102) == [5, 6])
    #expect(dual.fixedAtZero(block: 4, cheapestWith: [5: 14], below: 103) == [])
}

@Test func theBoundAtAnyDualsIsEachRowsSideTimesItsDualPlusEachBlocksCheapestPoint() throws {
    let (m, blocks, _) = try twoPeople()
    let decomposition = Decomposition(m, blocks: blocks)
    // shift1 (x_a1 + x_b1 <= 1) has no lower side: a positive dual is set to 0; the convexity
    // rows' duals (after it) are kept.
    #expect(decomposition.signFeasible([1, 7, 8]) == [0, 7, 8])
    #expect(decomposition.signFeasible([-0.5, 7, 8]) == [-0.5, 7, 8])
    // At dual 0 each person's cheapest week is one shift (−1): −2. At −0.5 shift 1 costs −0.5, the
    // cheapest week is still one shift (−1 each), and the row adds −0.5 × 1: −2.5.
    for (dual, bound) in [(0.0, -2.0), (-0.5, -2.5)] {
        let duals = [dual, 0, 0]
        let costs = decomposition.reducedCosts(duals)
        #expect(costs == [-1 - dual, -1, -1 - dual, -1])
        #expect(decomposition.lagrangianBound(duals: duals, reducedCosts: costs, pricingBounds: [-1, -1]) == bound)
    }
    // A positive dual on a row with no lower side gives no bound.
    #expect(decomposition.lagrangianBound(duals: [1, 0, 0], reducedCosts: decomposition.reducedCosts([1, 0, 0]),
                                          pricingBounds: [-2, -2]) == nil)
}

@Test func smoothedDualsReachTheSameBound() throws {
    let (m, blocks, idle) = try twoPeople()
    for smoothing in [0.0, 0.5, 0.9] {
        var options = DecompositionOptions()
        options.smoothing = smoothing
        let r = m.decompositionBound(blocks: blocks, points: [idle], solver: GLPKSolver(), options: options)
        #expect(r.converged, "smoothing \(smoothing)")
        #expect(abs(try #require(r.bound) - -2) < 1e-6, "smoothing \(smoothing)")
    }
}
