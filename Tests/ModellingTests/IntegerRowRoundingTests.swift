// SPDX-License-Identifier: GPL-3.0-or-later
//
// Rows over integer variables rounded to the step of their coefficients (a Chvátal–Gomory
// rounding): what is rounded, what is left alone.

import Testing
@testable import Modelling

@Test func aRowOfWholeSlotsIsRoundedToWhatSlotsCanReach() throws {
    // Five 3.75 h slots and a 7.5 h session under a 20 h maximum and over a 4 h minimum: every
    // integer point's hours are a multiple of 3.75, so at most 18.75 h and at least 7.5 h.
    var m = Model(name: "slots")
    var hours = LinearExpression()
    for k in 0..<5 { hours.add(try m.addBinary("x\(k)"), 3.75) }
    hours.add(try m.addBinary("e"), 7.5)
    try m.add(hours <= 20, name: "max")
    try m.add(hours >= 4, name: "min")
    #expect(m.roundRowsOverIntegers() == 2)
    #expect(m.constraints[0].upper == 18.75)
    #expect(m.constraints[1].lower == 7.5)
    // Already rounded: nothing more to do.
    #expect(m.roundRowsOverIntegers() == 0)
}

@Test func rowsWithAContinuousVariableOrNoGainAreLeftAlone() throws {
    var m = Model(name: "mixed")
    let x = try m.addBinary("x"), y = try m.addBinary("y"), s = try m.addVariable("s", lower: 0)
    try m.add(3.75 * x + 3.75 * y + s <= 5, name: "with-a-continuous-slack")
    try m.add(4 * x + 3.25 * y <= 7.25, name: "already-a-multiple-of-0.25")
    let n = try m.addVariable("n", .integer, lower: 0, upper: 10)
    try m.add(2 * n >= 3, name: "crossing") // 2n ≥ 4 after rounding: tightened
    try m.add(2 * x <= 1, name: "binary-under-one-half") // 2x ≤ 0: x = 0
    #expect(m.roundRowsOverIntegers() == 2)
    #expect(m.constraints[0].upper == 5)
    #expect(m.constraints[1].upper == 7.25)
    #expect(m.constraints[2].lower == 4)
    #expect(m.constraints[3].upper == 0)
}

@Test func aRowNoIntegerPointMeetsKeepsItsBounds() throws {
    // 2n = 3 has no integer solution: rounding would cross the bounds; the row stays for the
    // search to find infeasible.
    var m = Model(name: "odd")
    let n = try m.addVariable("n", .integer, lower: 0, upper: 10)
    try m.add(2 * n == 3, name: "odd")
    #expect(m.roundRowsOverIntegers() == 0)
    #expect(m.constraints[0].lower == 3 && m.constraints[0].upper == 3)
}
