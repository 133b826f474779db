// SPDX-License-Identifier: GPL-3.0-or-later

import Testing
import Modelling

/// x, y, v binary, z an integer in 0...10, w continuous in 0...10; a relaxation at 100 where x sits
/// at 0 and costs 4 a unit, y at 1 and costs 2, z at 0 and costs 1, w at 0 and costs 10, v basic.
private func sixVariables(_ sense: ObjectiveSense) throws -> (Model, RootRelaxation) {
    var m = Model()
    let x = try m.addBinary("x"), y = try m.addBinary("y"), v = try m.addBinary("v")
    let z = try m.addVariable("z", .integer, lower: 0, upper: 10)
    let w = try m.addVariable("w", lower: 0, upper: 10)
    let e = LinearExpression(sum: [(x, 1.0), (y, 1), (v, 1), (z, 1), (w, 1)])
    if sense == .minimize { try m.minimize(e) } else { try m.maximize(e) }
    let root = RootRelaxation(objective: 100, costPerUnit: [4, 2, 0, 1, 10], atUpper: [false, true, false, false, false])
    return (m, root)
}

@Test func reducedCostFixingKeepsAtItsBoundAnIntegerWhoseUnitCostsMoreThanTheGap() throws {
    let (m, root) = try sixVariables(.minimize)
    // Gap 3: only x (4 a unit) moves past it; z (1), y (2) stay free, w is continuous, v basic.
    let fixed = m.reducedCostFixings(root, within: 103)
    #expect(fixed.map(\.variable.index) == [0] && fixed.map(\.value) == [0])
    // Gap 1.5: y (at its upper bound) too, at 1.
    let closer = m.reducedCostFixings(root, within: 101.5)
    #expect(closer.map(\.variable.index) == [0, 1] && closer.map(\.value) == [0, 1])
    // A roster exactly one unit's cost above the relaxation stays in: nothing at gap 4 for x.
    #expect(m.reducedCostFixings(root, within: 104).isEmpty)
    // Maximising, the gap is the other way.
    let (maximised, same) = try sixVariables(.maximize)
    #expect(maximised.reducedCostFixings(same, within: 97).map(\.variable.index) == [0])
    #expect(maximised.reducedCostFixings(same, within: 98.5).map(\.variable.index) == [0, 1])
}
