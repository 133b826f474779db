// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import GLPK

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
