// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import Modelling

/// x, y, z binary and s in [0, 10]; a cut as a solver's arithmetic leaves it.
private func cutModel() throws -> (Model, [Variable]) {
    var m = Model(name: "cuts")
    let x = try m.addBinary("x"), y = try m.addBinary("y"), z = try m.addBinary("z")
    let s = try m.addVariable("s", lower: 0, upper: 10)
    let free = try m.addVariable("free")
    return (m, [x, y, z, s, free])
}

@Test func aCutLosesItsDustAndItsSideMovesByWhatTheDustCouldWeigh() throws {
    let (m, v) = try cutModel()
    // x + y + 2.2e-16·z − 1e-9·s <= 1: z's and s's terms go; s can weigh 1e-9 × 10 = 1e-8 at most.
    let cut = try #require(m.cleanCut(named: "c", terms: [(v[0], 1), (v[1], 1), (v[2], 2.220446049250313e-16), (v[3], -1e-9)],
                                      lower: nil, upper: 1))
    #expect(cut.terms.map(\.variable) == [v[0], v[1]])
    #expect(cut.terms.map(\.coefficient) == [1, 1])
    let margin = 2.220446049250313e-16 + 1e-8 + 1e-9
    #expect(abs(try #require(cut.upper) - (1 + margin)) < 1e-15)
    #expect(cut.lower == nil)
}

@Test func aCoefficientWithinFloatingPointNoiseOfAWholeNumberBecomesIt() throws {
    let (m, v) = try cutModel()
    // −2.000000000000001·x + 1.0000000000000002·y >= −1: −2x + y >= −1 − (1e-15 + 2.2e-16) − 1e-9.
    let cut = try #require(m.cleanCut(named: "c", terms: [(v[0], -2.000000000000001), (v[1], 1.0000000000000002)],
                                      lower: -1, upper: nil))
    #expect(cut.terms.map(\.coefficient) == [-2, 1])
    let lower = try #require(cut.lower)
    #expect(lower < -1 - 1e-9 && lower > -1 - 1.1e-9)
    // A fractional coefficient stays as it is.
    let kept = try #require(m.cleanCut(named: "c", terms: [(v[0], 0.40880503144654), (v[1], 1)], lower: -1, upper: nil))
    #expect(kept.terms[0].coefficient == 0.40880503144654)
}

@Test func aCutWhoseDustSitsOnAnUnboundedVariableIsRefused() throws {
    let (m, v) = try cutModel()
    #expect(m.cleanCut(named: "c", terms: [(v[0], 1), (v[4], 1e-12)], lower: nil, upper: 1) == nil)
    #expect(m.cleanCut(named: "c", terms: [(v[0], 1), (v[1], 1e-5)], lower: nil, upper: 1) != nil)
    // A ranged or side-less row is no cut.
    #expect(m.cleanCut(named: "c", terms: [(v[0], 1)], lower: 0, upper: 1) == nil)
    #expect(m.cleanCut(named: "c", terms: [(v[0], 1)], lower: nil, upper: nil) == nil)
}
