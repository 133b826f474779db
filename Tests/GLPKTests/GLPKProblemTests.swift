// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import GLPK
import CGLPK

@Test func versionIsReadAndSupported() throws {
    #expect(GLPK.version.hasPrefix("4.") || GLPK.version.hasPrefix("5."))
    try GLPK.checkVersion()
}

@Test func badIndicesThrowInsteadOfAborting() throws {
    let p = try GLPKProblem()
    try p.addColumns(2)
    try p.addRows(1)
    #expect(throws: GLPKError.self) { try p.setColumnBounds(3, .free) }
    #expect(throws: GLPKError.self) { try p.setColumnBounds(0, .free) }
    #expect(throws: GLPKError.self) { try p.setRowBounds(2, .upper(1)) }
    #expect(throws: GLPKError.self) { try p.setRow(1, columns: [1, 1], coefficients: [1, 2]) }
    #expect(throws: GLPKError.self) { try p.setRow(1, columns: [1, 3], coefficients: [1, 2]) }
    #expect(throws: GLPKError.self) { try p.setRow(1, columns: [1], coefficients: [.nan]) }
    #expect(throws: GLPKError.self) { try p.setRow(1, columns: [1], coefficients: [1, 2]) }
    #expect(throws: GLPKError.self) { try p.setColumn(1, rows: [1, 1], coefficients: [1, 2]) }
    #expect(throws: GLPKError.self) { try p.setColumn(1, rows: [2], coefficients: [1]) }
    #expect(throws: GLPKError.self) { try p.setColumn(3, rows: [1], coefficients: [1]) }
    #expect(throws: GLPKError.self) { try p.setColumn(1, rows: [1], coefficients: [.infinity]) }
    #expect(throws: GLPKError.self) { try p.setObjectiveCoefficient(1, .infinity) }
    #expect(throws: GLPKError.self) { try p.setColumnName(1, String(repeating: "n", count: 256)) }
    #expect(throws: GLPKError.self) { try p.setColumnName(1, "tab\there") }
    #expect(throws: GLPKError.self) { try p.addColumns(0) }
    #expect(throws: GLPKError.self) { _ = try GLPKBounds.between(2, 1) }
    #expect(throws: GLPKError.self) { _ = try GLPKBounds.between(.nan, 1) }
    #expect(try GLPKBounds.between(1, 1) == .fixed(1))
    #expect(try GLPKBounds.between(nil, .infinity) == .free)
    // After all the refusals the problem is intact and usable.
    try p.setRow(1, columns: [1, 2], coefficients: [1, 1])
    try p.setRowBounds(1, .lower(3))
    try p.setColumnBounds(1, .lower(0))
    try p.setColumnBounds(2, .lower(0))
    try p.setObjectiveCoefficient(1, 1)
    try p.setObjectiveCoefficient(2, 2)
    #expect(p.simplex() == .ok)
    #expect(p.basicObjective == 3)
}

@Test func branchAndCutWithoutPresolveNeedsAnOptimalBasis() throws {
    let p = try GLPKProblem()
    try p.addColumns(1)
    try p.setColumnKind(1, .integer)
    var parameters = GLPKIntegerParameters()
    parameters.presolve = false
    #expect(p.branchAndCut(parameters) == .rootLPNotOptimal)
    #expect(p.simplex() == .ok)
    #expect(p.branchAndCut(parameters) == .ok)
}

@Test func terminalOutputGoesToTheHandler() throws {
    let p = try GLPKProblem()
    try p.addColumns(1)
    try p.setColumnBounds(1, .range(0, 1))
    final class Lines: @unchecked Sendable { var all: [String] = [] }
    let lines = Lines()
    #expect(p.simplex(log: { lines.all.append($0) }) == .ok)
    #expect(!lines.all.isEmpty)
}

@Test func readingAMissingFileThrows() {
    #expect(throws: GLPKError.self) { _ = try GLPKProblem.readLP(from: "/nonexistent/parcours.lp") }
}

/// min −3x − 2y, 2x + 2y ≤ 3, x and y binary: the relaxation is x = 1, y = ½ (−4). Branching on y:
/// down (y = 0) gives x = 1, −3; up (y = 1) gives x = ½, −3.5. With a roster of −3 known (the
/// cutoff), the down child cannot beat it.
@Test func strongBranchingSolvesBothChildrenOfAColumn() throws {
    let p = try GLPKProblem()
    try p.addColumns(2)
    try p.addRows(1)
    for j in 1...2 { try p.setColumnKind(j, .binary) }
    try p.setObjectiveCoefficient(1, -3)
    try p.setObjectiveCoefficient(2, -2)
    try p.setRow(1, columns: [1, 2], coefficients: [2, 2])
    try p.setRowBounds(1, .upper(3))
    #expect(p.simplex() == .ok)
    var parameters = GLPKIntegerParameters()
    parameters.presolve = false
    parameters.gomoryCuts = false; parameters.mirCuts = false; parameters.coverCuts = false; parameters.cliqueCuts = false
    final class Seen: @unchecked Sendable {
        var candidates: [Int] = []
        var children: [Int: (ChildRelaxation, ChildRelaxation)] = [:]
        var withCutoff: [Int: (ChildRelaxation, ChildRelaxation)] = [:]
        var iterations = 0
        var nodeObjective = 0.0
        var done = false
    }
    let seen = Seen()
    let code = p.branchAndCut(parameters, callback: { tree in
        guard tree.event == .branching, !seen.done else { return }
        seen.done = true
        seen.candidates = [1, 2].filter { tree.canBranch(on: $0) }
        seen.iterations = tree.strongBranching(on: [1, 2], iterationLimit: 50, cutoff: nil) { j, down, up, _ in
            seen.children[j] = (down, up)
            return true
        }
        tree.strongBranching(on: [2], iterationLimit: 50, cutoff: -3) { j, down, up, _ in
            seen.withCutoff[j] = (down, up)
            return false
        }
        // The node itself is untouched: GLPK's rule branches on from it.
        seen.nodeObjective = tree.nodeObjective
    })
    #expect(code == .ok)
    #expect(abs(seen.nodeObjective + 4) < 1e-9)
    #expect(p.integerObjective == -3)
    #expect(seen.candidates == [2])
    #expect(seen.children[1] == nil)
    func optimum(_ child: ChildRelaxation?) -> Double? {
        if case .bound(let value, optimal: true)? = child { return value }
        return nil
    }
    #expect(optimum(seen.children[2]?.0).map { abs($0 + 3) < 1e-9 } == true)
    #expect(optimum(seen.children[2]?.1).map { abs($0 + 3.5) < 1e-9 } == true)
    #expect(seen.iterations > 0)
    #expect(seen.withCutoff[2]?.0 == .hopeless)
    #expect(optimum(seen.withCutoff[2]?.1).map { abs($0 + 3.5) < 1e-9 } == true)
}

/// min −y over integers with 2y − 3z ≤ 0 and 2z ≤ 3 (both rows scaled by `scale`): the relaxation's
/// optimum is z = 1.5, y = 2.25, the integer one y = z = 1. In the slacks s₁ = −(2y − 3z) and
/// s₂ = 3 − 2z (both ≥ 0, the rows at their upper bounds), y's tableau row is y = 2.25 − ½·s₁ − ¾·s₂,
/// f₀ = ¼. With both slacks continuous, Gomory's cut is ½·s₁ + ¾·s₂ ≥ ¼, that is y ≤ 2. With the
/// slacks integer (the rows are integral), the coefficients are (f₀/(1 − f₀))·(1 − f) = ⅙ and 1/12:
/// ⅙·s₁ + 1/12·s₂ ≥ ¼, that is y ≤ z, which no integer point breaks (2y ≤ 3z) and which cuts deeper.
private func gomoryCutOnY(scale: Double, integralSlacks: Bool) throws -> GLPKCut? {
    let p = try GLPKProblem()
    try p.addColumns(2)
    try p.addRows(2)
    for j in 1...2 {
        try p.setColumnKind(j, .integer)
        try p.setColumnBounds(j, .range(0, 10))
    }
    try p.setObjectiveCoefficient(1, -1)
    try p.setRow(1, columns: [1, 2], coefficients: [2 * scale, -3 * scale])
    try p.setRowBounds(1, .upper(0))
    try p.setRow(2, columns: [2], coefficients: [2 * scale])
    try p.setRowBounds(2, .upper(3 * scale))
    #expect(p.simplex() == .ok)
    #expect(abs(p.basicObjective + 2.25) < 1e-9)
    // One cut per fractional basic column: z (½) first, then y (¼).
    let cuts = GLPKGomory.cuts(p.handle, atMost: 10, integralSlacks: integralSlacks)
    #expect(cuts.count == 2)
    return cuts.first { $0.columns.contains(1) }
}

@Test func gomoryCutsTakeTheSlackOfAnIntegralRowAsAnInteger() throws {
    // Without: −y ≥ −2 (z's coefficient cancels).
    let continuous = try #require(try gomoryCutOnY(scale: 1, integralSlacks: false))
    #expect(continuous.columns == [1])
    #expect(abs(continuous.coefficients[0] + 1) < 1e-9 && abs(continuous.lower + 2) < 1e-9)
    // With: −y/3 + z/3 ≥ 0, in the original rows and in the same rows scaled by ¼ (each then
    // integral once multiplied by 4).
    for scale in [1.0, 0.25] {
        let integral = try #require(try gomoryCutOnY(scale: scale, integralSlacks: true))
        #expect(integral.columns == [1, 2])
        #expect(abs(integral.coefficients[0] + 1.0 / 3) < 1e-9 && abs(integral.coefficients[1] - 1.0 / 3) < 1e-9)
        #expect(abs(integral.lower) < 1e-9)
    }
}

@Test func theTableauRowsAreGLPKsOwnToTheLastBit() throws {
    // A small LP with rows and columns in the basis at its optimum (the knapsack-like rows of
    // `gomoryCutOnY` and one more): every basic variable's row, read once through GLPKTableau, is
    // the row glp_eval_tab_row gives, coefficient for coefficient.
    let p = try GLPKProblem()
    try p.addColumns(3)
    try p.addRows(3)
    for j in 1...3 { try p.setColumnBounds(j, .range(0, 10)) }
    try p.setObjectiveCoefficient(1, -1)
    try p.setObjectiveCoefficient(3, -0.5)
    try p.setRow(1, columns: [1, 2, 3], coefficients: [2, -3, 1.5])
    try p.setRowBounds(1, .upper(0))
    try p.setRow(2, columns: [2, 3], coefficients: [2, 1])
    try p.setRowBounds(2, .upper(3))
    try p.setRow(3, columns: [1, 3], coefficients: [1, 1])
    try p.setRowBounds(3, .upper(7))
    #expect(p.simplex() == .ok)
    var tableau = GLPKTableau(p.handle)
    var ours = (indices: [Int32](repeating: 0, count: 7), values: [Double](repeating: 0, count: 7))
    var theirs = ours
    var basics = 0
    for k in 1...6 {
        let basic = k <= 3 ? glp_get_row_stat(p.handle, Int32(k)) == GLP_BS : glp_get_col_stat(p.handle, Int32(k - 3)) == GLP_BS
        let length = tableau.row(of: k, indices: &ours.indices, coefficients: &ours.values)
        guard basic else {
            #expect(length == 0)
            continue
        }
        basics += 1
        let expected = Int(glp_eval_tab_row(p.handle, Int32(k), &theirs.indices, &theirs.values))
        #expect(length == expected && length > 0)
        #expect(Array(ours.indices[1...max(1, length)].prefix(length)) == Array(theirs.indices[1...max(1, expected)].prefix(expected)))
        #expect(Array(ours.values[1...max(1, length)].prefix(length)) == Array(theirs.values[1...max(1, expected)].prefix(expected)))
    }
    #expect(basics == 3)
}

@Test func aTableauRowLeavesOutTheColumnsItsBasisRowsDoNotMeet() throws {
    // Two blocks that share no row: x1, x2 in row 1 (x1 + x2 ≤ 4, x2 dearer to leave: x2 = 4
    // basic), x3, x4 in row 2 (the same, x4 = 4 basic). x2's row is over x1 and row 1's slack only
    // (its back-substituted vector is zero on row 2, so x3's column is never multiplied), and it is
    // GLPK's own row, bit for bit; likewise x4's.
    let p = try GLPKProblem()
    try p.addColumns(4)
    try p.addRows(2)
    for j in 1...4 { try p.setColumnBounds(j, .range(0, 10)) }
    for (j, cost) in [(1, -1.0), (2, -2.0), (3, -1.5), (4, -3.0)] { try p.setObjectiveCoefficient(j, cost) }
    try p.setRow(1, columns: [1, 2], coefficients: [1, 1])
    try p.setRowBounds(1, .upper(4))
    try p.setRow(2, columns: [3, 4], coefficients: [1, 1])
    try p.setRowBounds(2, .upper(4))
    #expect(p.simplex() == .ok)
    var tableau = GLPKTableau(p.handle)
    var ours = (indices: [Int32](repeating: 0, count: 7), values: [Double](repeating: 0, count: 7))
    var theirs = ours
    for (column, others) in [(2, [2 + 1, 1]), (4, [2 + 3, 2])] {
        #expect(glp_get_col_stat(p.handle, Int32(column)) == GLP_BS)
        let length = tableau.row(of: 2 + column, indices: &ours.indices, coefficients: &ours.values)
        let expected = Int(glp_eval_tab_row(p.handle, Int32(2 + column), &theirs.indices, &theirs.values))
        #expect(length == 2 && expected == 2)
        #expect(Set(ours.indices[1...2].map(Int.init)) == Set(others))
        #expect(Array(ours.indices[1...2]) == Array(theirs.indices[1...2]))
        #expect(Array(ours.values[1...2]) == Array(theirs.values[1...2]))
    }
}
