// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import Modelling
import GLPK
import ModellingGLPK

private let solver = GLPKSolver()

/// max 3x + 5y  s.t.  x <= 4,  2y <= 12,  3x + 2y <= 18  (Hillier & Lieberman's Wyndor Glass):
/// optimum 36 at (2, 6); duals 0, 1.5, 1.
private func wyndor() throws -> (Model, Variable, Variable) {
    var m = Model(name: "wyndor")
    let x = try m.addVariable("x")
    let y = try m.addVariable("y")
    try m.add(LinearExpression(x) <= 4, name: "plant1")
    try m.add(2 * y <= 12, name: "plant2")
    try m.add(3 * x + 2 * y <= 18, name: "plant3")
    try m.maximize(3 * x + 5 * y)
    return (m, x, y)
}

@Test func textbookLPHasKnownOptimumDualsAndReducedCosts() throws {
    let (m, x, y) = try wyndor()
    let r = solver.solve(m, options: SolveOptions())
    #expect(r.termination == .optimal)
    let s = try #require(r.solution)
    #expect(abs(s.objective - 36) < 1e-9)
    #expect(abs(s.value(x) - 2) < 1e-9)
    #expect(abs(s.value(y) - 6) < 1e-9)
    let duals = try #require(r.duals)
    #expect(duals.count == 3)
    #expect(abs(duals[0] - 0) < 1e-9)
    #expect(abs(duals[1] - 1.5) < 1e-9)
    #expect(abs(duals[2] - 1) < 1e-9)
    let reduced = try #require(r.reducedCosts)
    #expect(reduced.allSatisfy { abs($0) < 1e-9 })
    #expect(r.statistics.simplexIterations > 0)
}

@Test func reducedCostOfAnUnattractiveVariable() throws {
    // min 2a + 3b  s.t. a + b >= 4: a = 4, b's reduced cost is 3 - 2 = 1.
    var m = Model()
    let a = try m.addVariable("a"), b = try m.addVariable("b")
    try m.add(a + b >= 4)
    try m.minimize(2 * a + 3 * b)
    let r = solver.solve(m, options: SolveOptions())
    #expect(r.objective == 8)
    #expect(r.reducedCosts == [0, 1])
    #expect(r.duals == [2])
}

/// Values 10, 13, 7, 8; weights 5, 6, 3, 4; capacity 10: items 2 and 4, value 21.
private func knapsack() throws -> Model {
    var m = Model()
    let values = [10.0, 13, 7, 8], weights = [5.0, 6, 3, 4]
    let take = try (0..<4).map { try m.addBinary("take\($0 + 1)") }
    try m.add(LinearExpression(sum: zip(take, weights)) <= 10, name: "capacity")
    try m.maximize(LinearExpression(sum: zip(take, values)))
    return m
}

@Test func knapsackHasKnownOptimum() throws {
    let r = solver.solve(try knapsack(), options: SolveOptions())
    #expect(r.termination == .optimal)
    #expect(r.objective == 21)
    #expect(r.solution?.values == [0, 1, 0, 1])
    #expect(r.bound == 21)
}

@Test func assignmentHasKnownOptimum() throws {
    let cost: [[Double]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
    var m = Model()
    var x: [[Variable]] = []
    for i in 0..<3 { x.append(try (0..<3).map { try m.addBinary("x\(i)\($0)") }) }
    for i in 0..<3 {
        try m.add(LinearExpression(sum: x[i].map { ($0, 1.0) }) == 1)
        try m.add(LinearExpression(sum: (0..<3).map { (x[$0][i], 1.0) }) == 1)
    }
    try m.minimize(LinearExpression(sum: (0..<3).flatMap { i in (0..<3).map { (x[i][$0], cost[i][$0]) } }))
    for presolve in [true, false] {
        var options = SolveOptions()
        options.presolve = presolve
        let r = solver.solve(m, options: options)
        #expect(r.termination == .optimal)
        #expect(r.objective == 5)
        #expect(r.solution.map { s in (0..<3).map { i in (0..<3).first { s.value(x[i][$0]) > 0.5 }! } } == [1, 0, 2])
    }
}

@Test(arguments: [false, true])
func infeasibleModelIsAnAnswer(integer: Bool) throws {
    var m = Model()
    let x = try m.addVariable("x", integer ? .integer : .continuous)
    try m.add(x >= 2)
    try m.add(x <= 1)
    try m.minimize(LinearExpression(x))
    let r = solver.solve(m, options: SolveOptions())
    #expect(r.termination == .infeasible)
    #expect(r.solution == nil)
}

@Test(arguments: [false, true])
func unboundedModelIsAnAnswer(integer: Bool) throws {
    var m = Model()
    let x = try m.addVariable("x", integer ? .integer : .continuous)
    let y = try m.addVariable("y")
    try m.add(x - y <= 3)
    try m.maximize(x + y)
    let r = solver.solve(m, options: SolveOptions())
    #expect(r.termination == .unbounded)
    #expect(r.solution == nil)
}

/// A market-share instance (Cornuéjols & Dawande): 4 rows, 30 binaries, coefficients in 0..<100.
/// Such instances take branch-and-bound hours, so a short limit must stop it.
private func marketShare() throws -> Model {
    var m = Model(name: "markshare")
    var state: UInt64 = 42
    func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) % 100)
    }
    let x = try (0..<30).map { try m.addBinary("x\($0)") }
    var objective = LinearExpression()
    for i in 0..<4 {
        let a = x.map { ($0, next()) }
        let b = (a.reduce(0) { $0 + $1.1 } / 2).rounded(.down)
        let over = try m.addVariable("over\(i)"), under = try m.addVariable("under\(i)")
        try m.add(LinearExpression(sum: a) - over + under == b, name: "share\(i)")
        objective += over + under
    }
    try m.minimize(objective)
    return m
}

@Test func timeLimitIsHonouredOnAHardMIP() throws {
    var options = SolveOptions(timeLimit: 1)
    let r = solver.solve(try marketShare(), options: options)
    #expect(r.termination == .limitReached(.time))
    if let s = r.solution, let bound = r.bound {
        #expect(s.objective >= bound - 1e-6)
    }
    options.timeLimit = -1
    #expect(solver.solve(try marketShare(), options: options).termination
        == .solverFailure("the time limit must be a positive number of seconds, not -1.0"))
}

@Test func hintBecomesTheFirstIncumbent() throws {
    var m = Model()
    let values = [10.0, 13, 7, 8], weights = [5.0, 6, 3, 4]
    let take = try (0..<4).map { try m.addBinary("take\($0 + 1)") }
    try m.add(LinearExpression(sum: zip(take, weights)) <= 10)
    try m.maximize(LinearExpression(sum: zip(take, values)))
    var options = SolveOptions()
    options.hint = [take[0]: 1, take[2]: 1, take[1]: 0, take[3]: 0]  // value 17, feasible
    let r = solver.solve(m, options: options)
    #expect(r.statistics.hintAccepted)
    #expect(abs(r.objective! - 21) < 1e-9)
    options.hint = [take[0]: 1, take[1]: 1, take[2]: 0, take[3]: 0]  // weight 11: infeasible, ignored
    let r2 = solver.solve(m, options: options)
    #expect(!r2.statistics.hintAccepted)
    #expect(abs(r2.objective! - 21) < 1e-9)
}

@Test func objectiveStepStopsWhenTheRoundedBoundMeetsTheIncumbent() throws {
    let m = try marketShare()
    var options = SolveOptions(timeLimit: 20)
    options.objectiveStep = 1
    // Relaxing every share row to a loose range makes 0 reachable and the step proof immediate.
    var loose = Model()
    let x = try (0..<3).map { try loose.addBinary("x\($0)") }
    try loose.add(2 * x[0] + 2 * x[1] + 2 * x[2] >= 3)
    try loose.minimize(LinearExpression(sum: x.map { ($0, 1.0) }) + 0.5)
    let r = solver.solve(loose, options: options)
    #expect(r.termination == .optimal)
    #expect(r.objective == 2.5)
    #expect(r.bound == 2.5)
    _ = m
}

@Test func invalidInputsThrowDescriptiveErrors() throws {
    var m = Model()
    let x = try m.addVariable("x")
    #expect(throws: ModelError.self) { try m.add(Double.nan * x <= 1) }
    #expect(throws: ModelError.self) { _ = try m.addVariable("y", lower: 2, upper: 1) }
    #expect(throws: ModelError.self) { _ = try m.addVariable("") }
    #expect(throws: ModelError.self) { _ = try m.addVariable("x") }
    #expect(throws: ModelError.self) { try m.minimize(LinearExpression(x) + .infinity) }
    var other = Model()
    let z = try other.addVariable("z")
    do throws(ModelError) {
        try m.add(x + z <= 1)
        Issue.record("a variable of another model was accepted")
    } catch {
        #expect(error.message.contains("another model"))
    }
    do throws(ModelError) {
        _ = try m.addVariable("w", lower: 3, upper: 1)
    } catch {
        #expect(error.description == "variable 'w' has lower bound 3.0 above its upper bound 1.0 (swap or relax the bounds)")
    }
    // The model is untouched by the failed calls and still solves.
    try m.minimize(LinearExpression(x))
    #expect(m.variables.count == 1 && m.constraints.isEmpty)
    #expect(solver.solve(m, options: SolveOptions()).objective == 0)
}

@Test func exportedLPReadsBackToTheSameOptimum() throws {
    let (m, _, _) = try wyndor()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-lp-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let lp = dir.appendingPathComponent("wyndor.lp").path
    let mps = dir.appendingPathComponent("wyndor.mps").path
    try solver.writeLP(m, to: lp)
    try solver.writeMPS(m, to: mps)
    let text = try String(contentsOfFile: lp, encoding: .utf8)
    #expect(text.contains("plant3"))
    #expect(try String(contentsOfFile: mps, encoding: .utf8).contains("plant2"))
    let back = try GLPKProblem.readLP(from: lp)
    #expect(back.simplex() == .ok)
    #expect(back.basicObjective == 36)
    #expect(throws: GLPKError.self) { try solver.writeLP(m, to: "/dev/null") }
}

@Test func theDiveFindsAFirstIntegerPoint() throws {
    // An assignment of 3 workers to 3 jobs, optimum 1 + 2 + 2 = 5 on the diagonal: the relaxation
    // is integral, so the dive's point is the optimum.
    let cost = [[1.0, 4, 5], [3, 2, 6], [4, 7, 2]]
    var m = Model()
    let x = try (0..<3).map { i in try (0..<3).map { j in try m.addBinary("x\(i)\(j)") } }
    for i in 0..<3 { try m.add(LinearExpression(sum: x[i].map { ($0, 1.0) }) == 1) }
    for j in 0..<3 { try m.add(LinearExpression(sum: x.map { ($0[j], 1.0) }) == 1) }
    try m.minimize(LinearExpression(sum: (0..<3).flatMap { i in (0..<3).map { j in (x[i][j], cost[i][j]) } }))
    let r = solver.solve(m, options: SolveOptions())
    #expect(r.statistics.diveObjective == 5)
    #expect(r.objective == 5)
    var off = SolveOptions()
    off.dive = false
    #expect(solver.solve(m, options: off).statistics.diveObjective == nil)
    // Only after a relaxation that took at least so long: this one takes far less than a minute.
    var afterSlowRoot = SolveOptions()
    afterSlowRoot.diveMinimumRootSeconds = 60
    let quick = solver.solve(m, options: afterSlowRoot)
    #expect(quick.statistics.diveObjective == nil)
    #expect(quick.objective == 5)
}

@Test func theDiveRoundsAFractionalRelaxation() throws {
    // The knapsack's relaxation takes a fraction of an item; the dive rounds it to a feasible
    // selection, no better than the optimum 21 (maximising), and branch-and-cut still proves 21.
    let r = solver.solve(try knapsack(), options: SolveOptions())
    let dived = try #require(r.statistics.diveObjective)
    #expect(dived <= 21 && dived > 0)
    #expect(r.objective == 21)
}

@Test func aNodeLimitStopsTheSameWayEveryTime() throws {
    var options = SolveOptions(timeLimit: 60)
    options.nodeLimit = 20
    let first = solver.solve(try marketShare(), options: options)
    let second = solver.solve(try marketShare(), options: options)
    #expect(first.termination == .limitReached(.nodes))
    #expect(first.statistics.nodes >= 20 && first.statistics.nodes < 40)
    #expect(first.solution?.values == second.solution?.values)
    #expect(first.bound == second.bound)
}

@Test func branchingPrioritiesKeepTheOptimum() throws {
    // Branching on the market-share variables in reverse order of their index still proves the
    // same optimum as GLPK's own choice on a small instance (8 binaries, one share row).
    var m = Model()
    let a = [31.0, 17, 44, 8, 23, 39, 12, 27]
    let x = try a.indices.map { try m.addBinary("x\($0)") }
    let over = try m.addVariable("over"), under = try m.addVariable("under")
    try m.add(LinearExpression(sum: zip(x, a)) - over + under == 100)
    try m.minimize(over + under)
    var options = SolveOptions()
    options.branchingPriority = Dictionary(uniqueKeysWithValues: x.enumerated().map { ($0.element, $0.offset + 1) })
    let prioritised = solver.solve(m, options: options)
    let plain = solver.solve(m, options: SolveOptions())
    #expect(prioritised.termination == .optimal && plain.termination == .optimal)
    #expect(prioritised.objective == 0 && plain.objective == 0)   // 31 + 44 + 8 + 17 = 100
}

@Test func variableBoundsGiveAWeakButValidBound() throws {
    // min 3x − 2y + 5 with x in [1, 4], y in [0, 2]: at best 3 − 4 + 5 = 4, whatever the constraints.
    var m = Model()
    let x = try m.addVariable("x", .integer, lower: 1, upper: 4), y = try m.addVariable("y", lower: 0, upper: 2)
    try m.add(x + y >= 3)
    try m.minimize(3 * x - 2 * y + 5)
    #expect(m.boundFromVariableBounds == 4)
    #expect(solver.solve(m, options: SolveOptions()).objective! >= 4)
    // Without an upper bound on y, nothing can be said.
    var open = Model()
    let z = try open.addVariable("z")
    try open.minimize(-1 * z)
    #expect(open.boundFromVariableBounds == nil)
}

/// The knapsack's relaxation takes items 3 and 2 whole and a fifth of item 1 or a quarter of
/// item 4 (both worth 2 per unit of weight): 7 + 13 + 2 = 22.
@Test func theRootRelaxationIsPostedOnTheBoard() throws {
    let m = try knapsack()
    var options = SolveOptions()
    options.board = IncumbentBoard()
    let r = solver.solve(m, options: options)
    #expect(r.objective == 21)
    let relaxation = try #require(options.board?.relaxation)
    #expect(relaxation.count == 4)
    #expect(abs(m.objectiveValue(relaxation) - 22) < 1e-9)
    #expect(relaxation[1] == 1 && relaxation[2] == 1)
    // Without a board, nothing to post to; the solve is the same.
    #expect(solver.solve(m, options: SolveOptions()).objective == 21)
}

/// Twenty items, three knapsack rows, fractional values (a fixed pseudo-random pattern); its
/// optimum is 80.85.
private func threeKnapsacks() throws -> Model {
    var m = Model(name: "three-knapsacks")
    let items = try (0..<20).map { try m.addBinary("item\($0)") }
    for (r, (a, b)) in [(7, 3), (11, 5), (13, 2)].enumerated() {
        try m.add(LinearExpression(sum: items.indices.map { (items[$0], Double(($0 * a + b) % 9 + 1)) }) <= 23, name: "row\(r)")
    }
    try m.maximize(LinearExpression(sum: items.indices.map { (items[$0], Double(($0 * 17 + 5) % 23) + 0.37 * Double($0 % 3)) }))
    return m
}

@Test func quickBranchingProvesTheSameOptimumAsThePseudoCosts() throws {
    let m = try threeKnapsacks()
    var options = SolveOptions()
    options.dive = false
    options.cuts = false
    options.reliabilityBranching = false
    options.nodeLimit = 100_000
    let pseudoCosts = solver.solve(m, options: options)
    options.quickBranching = true
    let quick = solver.solve(m, options: options)
    #expect(pseudoCosts.termination == .optimal && quick.termination == .optimal)
    #expect(abs(try #require(quick.objective) - 80.85) < 1e-9)
    #expect(abs(try #require(pseudoCosts.objective) - 80.85) < 1e-9)
}

@Test func theRootRelaxationWithItsCutsIsPostedAsTheSearchBranches() throws {
    // Twenty items, three knapsack rows, fractional values (a fixed pseudo-random pattern): one
    // round of Gomory cuts moves the root's relaxation (91.21 → 86.04) without closing it (the
    // optimum: 80.85), and the search branches; the board then holds the relaxation with the cuts.
    let m = try threeKnapsacks()
    var options = SolveOptions()
    options.board = IncumbentBoard()
    options.dive = false
    options.rootGomoryRounds = 1
    options.gomoryWithIntegralSlacks = false
    let r = solver.solve(m, options: options)
    #expect(r.termination == .optimal)
    let root = try #require(r.statistics.rootGomory)
    try #require(root.after < root.before - 1e-6 && r.statistics.nodes > 1, "cuts that move the root, then branching")
    let board = try #require(options.board)
    #expect(board.relaxationGeneration == 2)
    let relaxation = try #require(board.relaxation)
    #expect(abs(m.objectiveValue(relaxation) - root.after) < 1e-6)
    #expect(m.relaxed().isFeasible(relaxation))
}

@Test func aTreeTimeLimitOfNothingEndsAfterTheRootWithItsBound() throws {
    var options = SolveOptions()
    options.treeTimeLimit = 0
    let r = solver.solve(try knapsack(), options: options)
    #expect(r.termination == .limitReached(.time))
    #expect(r.bound == 22)
    // What the dive found, if anything, is a valid point no better than the bound.
    if let s = r.solution { #expect(s.objective <= 22) }
    options.treeTimeLimit = nil
    #expect(solver.solve(try knapsack(), options: options).termination == .optimal)
}

@Test func aLinearProgramKeptLoadedGainsColumnsAndResumesToTheSameOptimum() throws {
    // Wyndor without y: x alone, optimum 12 at x = 4.
    var m = Model(name: "wyndor-x")
    let x = try m.addVariable("x")
    try m.add(LinearExpression(x) <= 4, name: "plant1")
    try m.add(LinearExpression(x, 0) <= 12, name: "plant2")
    try m.add(LinearExpression(x, 3) <= 18, name: "plant3")
    try m.maximize(3 * x)
    let lp = try #require(solver.linearProgram(m))
    let first = lp.solve(timeLimit: 10)
    #expect(first.termination == .optimal)
    #expect(abs(try #require(first.objective) - 12) < 1e-9)
    // A column naming a row that is not there is refused, and changes nothing.
    #expect(throws: (any Error).self) { try lp.addColumn(cost: 5, lower: 0, upper: nil, terms: [(3, 1)]) }
    #expect(throws: (any Error).self) { try lp.addColumn(cost: .nan, lower: 0, upper: nil, terms: [(1, 2)]) }
    // y added: Wyndor's optimum 36 at (2, 6), its duals 0, 1.5, 1, from the basis the last solve left.
    let y = try lp.addColumn(cost: 5, lower: 0, upper: nil, terms: [(1, 2), (2, 2)])
    #expect(y == 1)
    let second = lp.solve(timeLimit: 10)
    #expect(second.termination == .optimal)
    let s = try #require(second.solution)
    #expect(abs(s.objective - 36) < 1e-9)
    #expect(s.values.count == 2 && abs(s.values[0] - 2) < 1e-9 && abs(s.values[1] - 6) < 1e-9)
    let duals = try #require(second.duals)
    #expect(zip(duals, [0, 1.5, 1]).allSatisfy { abs($0 - $1) < 1e-9 })
}

@Test func onlyBetterThanACutoffFindsTheBetterPointOrEndsWithNone() throws {
    let m = try knapsack()
    // Values are whole (step 1): above 20, the optimum 21 is left; above 21, nothing.
    let better = solver.solve(m.onlyBetter(than: 20), options: SolveOptions())
    #expect(better.termination == .optimal && better.objective == 21)
    #expect(solver.solve(m.onlyBetter(than: 21), options: SolveOptions()).termination == .infeasible)
    // Minimising: below −21 nothing, below −20 the optimum.
    var negated = Model(name: "negated-knapsack")
    let take = try (0..<4).map { try negated.addBinary("take\($0 + 1)") }
    try negated.add(LinearExpression(sum: zip(take, [5.0, 6, 3, 4])) <= 10, name: "capacity")
    try negated.minimize(LinearExpression(sum: zip(take, [-10.0, -13, -7, -8])))
    #expect(solver.solve(negated.onlyBetter(than: -20), options: SolveOptions()).objective == -21)
    #expect(solver.solve(negated.onlyBetter(than: -21), options: SolveOptions()).termination == .infeasible)
    // The model itself keeps its rows.
    #expect(negated.onlyBetter(than: 0).constraints.count == negated.constraints.count + 1)
}

@Test func aStrongerRelaxationReplacesTheRootsAndAWeakerOneDoesNot() {
    let board = IncumbentBoard()
    #expect(board.relaxation == nil && board.relaxationGeneration == 0)
    board.postRelaxation([0.5, 0.5])
    #expect(board.relaxation == [0.5, 0.5] && board.relaxationGeneration == 1)
    // The same root relaxation again (a second tree's) is not a new one: nothing to round again.
    board.postRelaxation([0.5, 0.5])
    #expect(board.relaxationGeneration == 1)
    board.postRelaxation([1, 0], strength: 1)
    #expect(board.relaxation == [1, 0] && board.relaxationGeneration == 2)
    // A second root relaxation (another tree's) does not undo the stronger one.
    board.postRelaxation([0.2, 0.8])
    #expect(board.relaxation == [1, 0] && board.relaxationGeneration == 2)
    board.postRelaxation([0, 1], strength: 1)
    #expect(board.relaxation == [0, 1] && board.relaxationGeneration == 3)
    // Each one kept stays readable by its generation, the replaced ones too; the refused one is none.
    #expect(board.relaxation(generation: 1) == [0.5, 0.5] && board.relaxation(generation: 2) == [1, 0])
    #expect(board.relaxation(generation: 3) == [0, 1])
    #expect(board.relaxation(generation: 0) == nil && board.relaxation(generation: 4) == nil)
}

@Test func aBadlyScaledRowGivesTheUnscaledOptimumAndDuals() throws {
    // min x + y  s.t. 0.0001 x + 10000 y >= 1: y = 0.0001 (x would cost 10 000); the row's dual is
    // 0.0001, x's reduced cost 1 − 0.0001 × 0.0001. GLPK solves the scaled problem; what comes back
    // is in the model's own units.
    var m = Model()
    let x = try m.addVariable("x"), y = try m.addVariable("y")
    try m.add(LinearExpression(x, 0.0001) + LinearExpression(y, 10000) >= 1)
    try m.minimize(x + y)
    let r = solver.solve(m, options: SolveOptions())
    #expect(r.termination == .optimal)
    #expect(abs(try #require(r.objective) - 0.0001) < 1e-12)
    let values = try #require(r.solution?.values)
    #expect(values[0] == 0 && abs(values[1] - 0.0001) < 1e-12)
    #expect(abs(try #require(r.duals?.first) - 0.0001) < 1e-12)
    #expect(abs(try #require(r.reducedCosts?.first) - (1 - 1e-8)) < 1e-12)
}

/// max 5.5a + 4.25b + 3.1c + 6.3d + 2.2e + 7.7f over three knapsack rows (fractional values, so
/// that no rounding of an integral objective closes the root): small enough to list every point.
private func twoKnapsacks() throws -> Model {
    var m = Model(name: "two-knapsacks")
    let v = try ["a", "b", "c", "d", "e", "f"].map { try m.addBinary($0) }
    try m.add(LinearExpression(sum: zip(v, [3.0, 4, 2, 5, 1, 6])) <= 10, name: "first")
    try m.add(LinearExpression(sum: zip(v, [2.0, 1, 3, 1, 4, 2])) <= 7, name: "second")
    try m.add(LinearExpression(sum: zip(v, [5.0, 3, 4, 2, 3, 3])) <= 9, name: "third")
    try m.maximize(LinearExpression(sum: zip(v, [5.5, 4.25, 3.1, 6.3, 2.2, 7.7])))
    return m
}

@Test func rootGomoryRoundsMoveTheRootRelaxationAndKeepTheOptimum() throws {
    let m = try knapsack()
    var options = SolveOptions()
    options.rootGomoryRounds = 10
    let r = solver.solve(m, options: options)
    #expect(r.objective == 21)
    #expect(r.termination == .optimal)
    let root = try #require(r.statistics.rootGomory)
    #expect(root.before == 22) // the relaxation: items 2 and 3, and a fifth of item 1
    #expect(root.after < 22 - 1e-6 && root.after >= 21 - 1e-9)
    #expect(root.rounds >= 1)
    // Without them, the rounds of the generator that replaces GLPK's own are reported (its seven at
    // most); with GLPK's own generator, nothing is; without cuts at all, none are made.
    #expect((solver.solve(m, options: SolveOptions()).statistics.rootGomory?.rounds ?? 0) >= 1)
    var own = SolveOptions()
    own.gomoryWithIntegralSlacks = false
    #expect(solver.solve(m, options: own).statistics.rootGomory == nil)
    options.cuts = false
    #expect(solver.solve(m, options: options).statistics.rootGomory == nil)
}

@Test func aRootGomoryRoundOffersACutFromEveryFractionalVariableUnlessCapped() throws {
    // Two copies of the knapsack, on their own items: the relaxation takes a fifth of each first
    // item, two fractional variables, so an uncapped first round offers two cuts.
    var m = Model()
    var value: [(Variable, Double)] = []
    for copy in ["a", "b"] {
        let take = try (1...4).map { try m.addBinary("take_\(copy)\($0)") }
        try m.add(LinearExpression(sum: zip(take, [5.0, 6, 3, 4])) <= 10, name: "capacity_\(copy)")
        value += zip(take, [10.0, 13, 7, 8])
    }
    try m.maximize(LinearExpression(sum: value))
    var options = SolveOptions()
    options.dive = false
    options.presolve = false
    let every = solver.solve(m, options: options)
    options.gomoryCutsPerRound = 1
    let one = solver.solve(m, options: options)
    #expect(every.objective == 42 && one.objective == 42)
    #expect(every.termination == .optimal && one.termination == .optimal)
    let all = try #require(every.statistics.rootGomory), capped = try #require(one.statistics.rootGomory)
    #expect(all.before == 44 && capped.before == 44)
    #expect(all.rounds >= 1 && all.cutsOffered >= all.rounds + 1)
    #expect(capped.rounds >= 1 && capped.cutsOffered == capped.rounds)
}

@Test func theRootRelaxationKeptGivesEachVariableItsReducedCost() throws {
    // The knapsack's relaxation (22) takes items 2 and 3 whole (13/6 and 7/3 a unit of weight) and
    // fills the last unit at 2 a unit: the capacity's dual is 2, so taking item 2 or 3 out costs
    // 13 − 2·6 = 1 and 7 − 2·3 = 1. The optimum (21: items 2 and 4) keeps both only within 21.5.
    let m = try knapsack()
    var options = SolveOptions()
    options.cuts = false
    options.dive = false
    options.presolve = false
    options.keepsRootCuts = true
    let r = solver.solve(m, options: options)
    #expect(r.objective == 21)
    let root = try #require(r.rootRelaxation)
    #expect(abs(root.objective - 22) < 1e-9)
    #expect(root.atUpper[1] && root.atUpper[2])
    #expect(abs(root.costPerUnit[1] - 1) < 1e-9 && abs(root.costPerUnit[2] - 1) < 1e-9)
    #expect(m.reducedCostFixings(root, within: 21).isEmpty)
    let fixed = m.reducedCostFixings(root, within: 21.5)
    #expect(fixed.map(\.variable.index) == [1, 2] && fixed.map(\.value) == [1, 1])
    // Not asked, not kept.
    options.keepsRootCuts = false
    #expect(solver.solve(m, options: options).rootRelaxation == nil)
}

@Test func theRootCutsKeptHoldForEveryIntegerPointOfTheModel() throws {
    let m = try twoKnapsacks()
    var options = SolveOptions()
    options.rootGomoryRounds = 10
    options.keepsRootCuts = true
    let r = solver.solve(m, options: options)
    let cuts = r.rootCuts
    #expect(!cuts.isEmpty)
    var feasible = 0
    for code in 0..<64 {
        let point = (0..<6).map { Double((code >> $0) & 1) }
        guard m.isFeasible(point) else { continue }
        feasible += 1
        #expect(m.adding(cuts).isFeasible(point), "a root cut removes \(point)")
    }
    #expect(feasible > 10)
    // The same optimum with the cuts as rows of the model.
    #expect(solver.solve(m.adding(cuts), options: SolveOptions()).objective == r.objective)
    // Not asked, not kept.
    #expect(solver.solve(m, options: SolveOptions()).rootCuts.isEmpty)
}

@Test func aBoardWithATestRefusesThePointsThatFailIt() throws {
    let m = try knapsack()
    let board = IncumbentBoard(admitting: { m.isFeasible($0) })
    // Items 1 and 2 weigh 11 > 10: refused, however good.
    #expect(!board.post([1, 1, 0, 0], objective: -23, source: "a wrong search"))
    #expect(board.entry == nil)
    #expect(board.refused == ["a wrong search"])
    #expect(board.post([0, 1, 0, 1], objective: -21, source: "a right one"))
    #expect(board.entry?.source == "a right one")
    // Not better than the one held: not even tested.
    #expect(!board.post([1, 1, 1, 1], objective: -20, source: "worse"))
    #expect(board.refused == ["a wrong search"])
}

/// Two market-share rows over 12 binaries: no subset meets both; the best misses by 1 (checked by
/// enumerating all 4096).
private func smallMarketShare() throws -> Model {
    var share = Model()
    let a = [31.0, 17, 44, 8, 23, 39, 12, 27, 35, 19, 41, 6], b = [12.0, 40, 7, 33, 25, 9, 41, 16, 28, 5, 37, 22]
    let x = try a.indices.map { try share.addBinary("x\($0)") }
    var misses = LinearExpression()
    for (row, target) in [(a, 151.0), (b, 137)] {
        let over = try share.addVariable("over\(target)"), under = try share.addVariable("under\(target)")
        try share.add(LinearExpression(sum: zip(x, row)) - over + under == target)
        misses += over + under
    }
    try share.minimize(misses)
    return share
}

@Test func reliabilityBranchingProvesTheSameOptimaAsTheSolversOwnRule() throws {
    // Cuts off, so that the trees must branch.
    for (model, optimum) in [(try smallMarketShare(), 1.0), (try knapsack(), 21)] {
        var options = SolveOptions()
        options.cuts = false
        options.dive = false
        options.presolve = false
        let reliable = solver.solve(model, options: options)
        options.reliabilityBranching = false
        let own = solver.solve(model, options: options)
        #expect(reliable.termination == .optimal && own.termination == .optimal)
        #expect(reliable.objective == optimum && own.objective == optimum)
        #expect(reliable.statistics.strongBranchingIterations > 0)
        #expect(own.statistics.strongBranchingIterations == 0)
    }
}

@Test func gomoryCutsWithIntegralSlacksProveTheSameOptimaAsTheSolversOwn() throws {
    // The knapsack's row is integral (its slack an integer), the market share's rows are not (their
    // continuous misses): both generators, at the root and in the tree, reach the same optima.
    for (model, optimum) in [(try smallMarketShare(), 1.0), (try knapsack(), 21)] {
        var options = SolveOptions()
        options.dive = false
        options.presolve = false
        options.rootGomoryRounds = 10
        let integral = solver.solve(model, options: options)
        options.gomoryWithIntegralSlacks = false
        let own = solver.solve(model, options: options)
        #expect(integral.termination == .optimal && own.termination == .optimal)
        #expect(integral.objective == optimum && own.objective == optimum)
    }
}
