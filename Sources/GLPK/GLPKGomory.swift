// SPDX-License-Identifier: GPL-3.0-or-later
//
// Gomory mixed-integer cuts from a node's optimal basis, as GLPK's `glp_gmi_cut` derives them
// (its formulas, its limits), with one strengthening: the slack of a row whose columns are all
// integer and whose coefficients and bounds become integers once multiplied by a small
// number (a row of hours in quarter-hours: 4, 3.25, 0.25 times 4) is an integer variable too, and
// takes the integer formula where GLPK takes every slack as continuous. The integer formula's
// coefficient is never larger, so each cut is at least as deep as GLPK's (SCIP and HiGHS do the
// same: HiGHS's presolve scales such rows to integers first).

import CGLPK

/// A cut `Σ coefficients[k]·x[columns[k]] ≥ lower` over a problem's columns (1-based).
struct GLPKCut: Sendable, Equatable {
    var columns: [Int32]
    var coefficients: [Double]
    var lower: Double
}

enum GLPKGomory {
    /// The multipliers tried to make a row integral, smallest first.
    static let multipliers: [Double] = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 25, 40, 50, 100]

    /// At most `limit` cuts from the current optimal basis of `p` (its factorisation must exist),
    /// one per basic integer column whose value is fractional (between 0.05 and 0.95 from below),
    /// most fractional part first, as GLPK's `glp_gmi_gen` chooses them (`Int.max`: one from every
    /// such column, for the solver's cut selection to choose among). Cuts with a coefficient
    /// below 1e-3 or above 1e3 in magnitude are left out (GLPK's guard against badly scaled rows).
    static func cuts(_ p: OpaquePointer, atMost limit: Int, integralSlacks: Bool) -> [GLPKCut] {
        let m = Int(glp_get_num_rows(p)), n = Int(glp_get_num_cols(p))
        guard n > 0, limit > 0, m == 0 || glp_bf_exists(p) != 0,
              glp_get_prim_stat(p) == GLP_FEAS, glp_get_dual_stat(p) == GLP_FEAS else { return [] }
        let isInteger = (0...n).map { j in j > 0 && glp_get_col_kind(p, Int32(j)) != GLP_CV }
        var candidates: [(column: Int, fraction: Double)] = []
        for j in 1...n where isInteger[j] && glp_get_col_type(p, Int32(j)) != GLP_FX && glp_get_col_stat(p, Int32(j)) == GLP_BS {
            let x = glp_get_col_prim(p, Int32(j)), fraction = x - x.rounded(.down)
            if fraction >= 0.05 && fraction <= 0.95 { candidates.append((j, fraction)) }
        }
        guard !candidates.isEmpty else { return [] }
        // Stable: equal fractions keep column order (the same cuts on every machine).
        candidates.sort { $0.fraction != $1.fraction ? $0.fraction > $1.fraction : $0.column < $1.column }

        var indices = [Int32](repeating: 0, count: m + n + 1)
        var values = [Double](repeating: 0, count: m + n + 1)
        // The matrix by rows comes with the tableau; each row's multiplier that makes it integral
        // (0: none).
        var tableau = GLPKTableau(p)
        var multiplier = [Double](repeating: 0, count: m + 1)
        for i in stride(from: 1, through: m, by: 1) where integralSlacks {
            let row = tableau.matrixRow(i)
            guard row.columns.allSatisfy({ isInteger[Int($0)] }) else { continue }
            let (lower, upper) = GLPKBounds.limits(type: glp_get_row_type(p, Int32(i)), lower: glp_get_row_lb(p, Int32(i)),
                                                   upper: glp_get_row_ub(p, Int32(i)))
            let numbers = Array(row.coefficients) + [lower, upper].compactMap { $0 }
            multiplier[i] = Self.multipliers.first { d in numbers.allSatisfy { isIntegral(d * $0) } } ?? 0
        }

        var cuts: [GLPKCut] = []
        var phi = [Double](repeating: 0, count: m + n + 1)
        for candidate in candidates where cuts.count < limit {
            if let cut = cut(p, column: candidate.column, tableau: &tableau, multiplier: multiplier,
                             isInteger: isInteger, phi: &phi, indices: &indices, values: &values),
               cut.coefficients.allSatisfy({ abs($0) >= 1e-3 && abs($0) <= 1e3 }) {
                cuts.append(cut)
            }
        }
        return cuts
    }

    static func isIntegral(_ x: Double) -> Bool { abs(x - x.rounded()) <= 1e-9 * max(1, abs(x)) }

    /// The cut from the tableau row of basic column `j`, nil where GLPK's `glp_gmi_cut` fails (a
    /// coefficient above 1e5, a free non-basic variable).
    private static func cut(_ p: OpaquePointer, column j: Int, tableau: inout GLPKTableau,
                            multiplier: [Double], isInteger: [Bool], phi: inout [Double],
                            indices: inout [Int32], values: inout [Double]) -> GLPKCut? {
        let m = tableau.m, n = tableau.n
        for k in phi.indices { phi[k] = 0 }
        let length = tableau.row(of: m + j, indices: &indices, coefficients: &values)
        let beta = glp_get_col_prim(p, Int32(j)), f0 = beta - beta.rounded(.down)
        var rhs = f0
        func fraction(_ x: Double) -> Double { x - x.rounded(.down) }
        for t in stride(from: 1, through: length, by: 1) {
            let k = Int(indices[t])
            let ksi = values[t]
            if abs(ksi) > 1e5 { return nil }
            if abs(ksi) < 1e-10 { continue }
            let stat: Int32, lower: Double, upper: Double, scale: Double
            if k <= m {
                stat = glp_get_row_stat(p, Int32(k))
                lower = glp_get_row_lb(p, Int32(k)); upper = glp_get_row_ub(p, Int32(k))
                scale = multiplier[k]
            } else {
                stat = glp_get_col_stat(p, Int32(k - m))
                lower = glp_get_col_lb(p, Int32(k - m)); upper = glp_get_col_ub(p, Int32(k - m))
                scale = isInteger[k - m] ? 1 : 0
            }
            let alpha: Double, bound: Double
            switch stat {
            case GLP_NL: alpha = -ksi; bound = lower
            case GLP_NU: alpha = ksi; bound = upper
            case GLP_NS: continue
            default: return nil
            }
            var phi1: Double
            if scale > 0, isIntegral(scale * bound) {
                // y = scale·(x − bound) is a non-negative integer; its coefficient is alpha / scale.
                let a = alpha / scale
                if abs(a - a.rounded()) < 1e-10 { continue }
                let fa = fraction(a)
                phi1 = scale * (fa <= f0 ? fa : f0 / (1 - f0) * (1 - fa))
            } else {
                phi1 = alpha >= 0 ? alpha : f0 / (1 - f0) * -alpha
            }
            if stat == GLP_NL {
                phi[k] = phi1; rhs += phi1 * lower
            } else {
                phi[k] = -phi1; rhs -= phi1 * upper
            }
        }
        // The slacks in terms of the columns.
        for i in stride(from: 1, through: m, by: 1) where abs(phi[i]) >= 1e-10 {
            let row = tableau.matrixRow(i)
            for (c, a) in zip(row.columns, row.coefficients) { phi[m + Int(c)] += phi[i] * a }
        }
        var cut = GLPKCut(columns: [], coefficients: [], lower: 0)
        for c in stride(from: 1, through: n, by: 1) where abs(phi[m + c]) >= 1e-10 {
            if glp_get_col_type(p, Int32(c)) == GLP_FX {
                rhs -= phi[m + c] * glp_get_col_lb(p, Int32(c))
            } else {
                cut.columns.append(Int32(c)); cut.coefficients.append(phi[m + c])
            }
        }
        cut.lower = abs(rhs) < 1e-12 ? 0 : rhs
        return cut.columns.isEmpty ? nil : cut
    }
}
