// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sub-problem of a neighbourhood: fixed variables substituted, rows that cannot bind left out.

import Testing
@testable import Modelling

/// Binary x1, x2 (people), s1, s2 (supervisors) with x_i <= s1 + s2 (each person there needs a
/// supervisor) and s1 + s2 <= 1; minimise s1 + s2 - x1 - x2.
private func supervisedShift() throws -> (Model, x1: Variable, x2: Variable, s1: Variable, s2: Variable) {
    var m = Model(name: "shift")
    let x1 = try m.addBinary("x1"), x2 = try m.addBinary("x2"), s1 = try m.addBinary("s1"), s2 = try m.addBinary("s2")
    try m.add(x1 - s1 - s2 <= 0, name: "x1-needs-a-supervisor")
    try m.add(x2 - s1 - s2 <= 0, name: "x2-needs-a-supervisor")
    try m.add(s1 + s2 <= 1, name: "one-supervisor")
    try m.minimize(s1 + s2 - x1 - x2)
    return (m, x1, x2, s1, s2)
}

@Test func aRowNoFreeValuesCanBreakIsLeftOutOfTheSubProblem() throws {
    let (m, _, x2, s1, s2) = try supervisedShift()
    // x1 fixed at 0 and x2 at 1, the supervisors free: "x1 needs a supervisor" reads 0 <= s1 + s2,
    // which no 0/1 values break; "x2 needs a supervisor" reads s1 + s2 >= 1, which binds.
    var free = [Bool](repeating: false, count: m.variables.count)
    free[s1.index] = true
    free[s2.index] = true
    var point = [Double](repeating: 0, count: m.variables.count)
    point[x2.index] = 1
    point[s1.index] = 1
    let sub = m.restricted(free: free, dependent: free.map { _ in false }, at: point)
    #expect(sub.model.variables.count == 2)
    #expect(sub.model.constraints.map(\.name).sorted() == ["one-supervisor", "x2-needs-a-supervisor"])
    let kept = try #require(sub.model.constraints.first { $0.name == "x2-needs-a-supervisor" })
    #expect(kept.lower == nil && kept.upper == -1)   // -s1 - s2 <= 0 - 1
}

@Test func aRowIsKeptWhenAnUnboundedVariableCouldBreakIt() throws {
    var m = Model(name: "slack")
    let x = try m.addBinary("x"), y = try m.addBinary("y"), s = try m.addVariable("s", lower: 0)
    try m.add(x + y + s >= 0, name: "holds-for-any-s-at-least-0")
    try m.add(x + y <= 2, name: "holds-for-any-x-and-y")
    try m.add(x + s <= 1, name: "breaks-for-a-large-s")
    try m.minimize(LinearExpression(s) - x)
    let sub = m.restricted(free: [true, true, true], dependent: [false, false, false], at: [0, 0, 0])
    #expect(sub.model.constraints.map(\.name) == ["breaks-for-a-large-s"])
}
