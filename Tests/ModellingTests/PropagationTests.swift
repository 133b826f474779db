// SPDX-License-Identifier: GPL-3.0-or-later
//
// Bound propagation: what a fixing implies, what it rules out, and undoing it.

import Testing
@testable import Modelling

/// Binary x, y, z and a continuous s >= 0 with x + y <= 1, z >= x, y + z <= 1 and s + x >= 1.
private func smallModel() throws -> (Model, x: Variable, y: Variable, z: Variable, s: Variable) {
    var m = Model(name: "propagation")
    let x = try m.addBinary("x"), y = try m.addBinary("y"), z = try m.addBinary("z")
    let s = try m.addVariable("s", lower: 0)
    try m.add(x + y <= 1, name: "x-or-y")
    try m.add(z - x >= 0, name: "z-follows-x")
    try m.add(y + z <= 1, name: "y-or-z")
    try m.add(s + x >= 1, name: "s-covers-x")
    try m.minimize(LinearExpression(s))
    return (m, x, y, z, s)
}

@Test func fixingAVariableTightensWhatItsRowsImply() throws {
    let (m, x, y, z, s) = try smallModel()
    var rules = try #require(Propagation(m))
    let fixed1 = rules.fix(x.index, at: 1)
    #expect(fixed1)
    #expect(rules.upper[y.index] == 0)   // x + y <= 1
    #expect(rules.lower[z.index] == 1)   // z >= x
    #expect(rules.lower[s.index] == 0)
    var other = try #require(Propagation(m))
    let fixed2 = other.fix(x.index, at: 0)
    #expect(fixed2)
    #expect(other.lower[s.index] == 1)   // s + x >= 1 with x at 0
}

@Test func aFixingThatBreaksARowIsRefusedAndChangesNothing() throws {
    let (m, x, y, z, _) = try smallModel()
    var rules = try #require(Propagation(m))
    let fixed3 = rules.fix(z.index, at: 1)
    #expect(fixed3)
    let before = (rules.lower, rules.upper)
    let fixed4 = rules.fix(y.index, at: 1)
    #expect(!fixed4)  // y + z <= 1
    #expect(rules.lower == before.0 && rules.upper == before.1)
    // x at 1 is still possible (z is already 1), x at 2 is outside its bounds.
    let fixed5 = rules.fix(x.index, at: 2)
    #expect(!fixed5)
    let fixed6 = rules.fix(x.index, at: 1)
    #expect(fixed6)
}

@Test func undoRestoresTheBoundsOfACheckpoint() throws {
    let (m, x, y, z, _) = try smallModel()
    var rules = try #require(Propagation(m))
    let mark = rules.checkpoint
    let fixed7 = rules.fix(x.index, at: 1)
    #expect(fixed7)
    rules.undo(to: mark)
    #expect(rules.upper[y.index] == 1 && rules.lower[z.index] == 0 && !rules.isFixed(x.index))
    let fixed8 = rules.fix(y.index, at: 1)
    #expect(fixed8)
    #expect(rules.upper[x.index] == 0 && rules.upper[z.index] == 0)
}

@Test func aModelWhoseRowsCannotHoldHasNoPropagation() throws {
    var m = Model(name: "impossible")
    let x = try m.addBinary("x"), y = try m.addBinary("y")
    try m.add(x + y >= 3, name: "too-many")
    #expect(Propagation(m) == nil)
}
