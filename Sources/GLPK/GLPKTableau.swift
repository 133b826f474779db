// SPDX-License-Identifier: GPL-3.0-or-later
//
// Rows of the simplex tableau at a problem's current basis, as GLPK's `glp_eval_tab_row` computes
// them: the same arithmetic in the same order, so the same numbers. GLPK reads every column of the
// matrix again, into arrays it allocates, for each row it evaluates; a round of Gomory cuts
// evaluates hundreds (550 rows of a 12 000-row week took 2–3 s). Here the columns and the
// variables' statuses are read once per round, and a row's product with a column is computed only
// for the columns that meet a row where the back-substituted vector is not zero (the others' sum
// is exactly zero, as GLPK's would be): the same numbers, from a fraction of the matrix.

import CGLPK

struct GLPKTableau {
    private let p: OpaquePointer
    let m: Int, n: Int
    /// The matrix by columns: column j's rows and values at `start[j]..<start[j + 1]` (1-based j).
    private var start: [Int]
    private var rows: [Int32] = []
    private var values: [Double] = []
    /// The matrix by rows: row i's columns and values at `rowStart[i]..<rowStart[i + 1]` (1-based i).
    private var rowStart: [Int]
    private var rowColumns: [Int32] = []
    private var rowValues: [Double] = []
    /// Whether variable k (rows 1...m, then columns m+1...m+n) is basic.
    private var basic: [Bool]
    private var rho: [Double]
    /// `meets[j] == stamp`: column j meets a row where the current `rho` is not zero.
    private var meets: [Int]
    private var stamp = 0

    /// The problem's basis factorisation must exist (`glp_bf_exists`).
    init(_ p: OpaquePointer) {
        self.p = p
        m = Int(glp_get_num_rows(p)); n = Int(glp_get_num_cols(p))
        start = [Int](repeating: 0, count: n + 2)
        basic = [Bool](repeating: false, count: m + n + 1)
        rho = [Double](repeating: 0, count: m + 1)
        var indices = [Int32](repeating: 0, count: m + 1), entries = [Double](repeating: 0, count: m + 1)
        for i in stride(from: 1, through: m, by: 1) { basic[i] = glp_get_row_stat(p, Int32(i)) == GLP_BS }
        for j in stride(from: 1, through: n, by: 1) {
            basic[m + j] = glp_get_col_stat(p, Int32(j)) == GLP_BS
            start[j] = rows.count
            let length = Int(glp_get_mat_col(p, Int32(j), &indices, &entries))
            for t in stride(from: 1, through: length, by: 1) { rows.append(indices[t]); values.append(entries[t]) }
        }
        start[n + 1] = rows.count
        // The transpose, by counting: row i's columns in increasing order.
        rowStart = [Int](repeating: 0, count: m + 2)
        for r in rows { rowStart[Int(r) + 1] += 1 }
        for i in stride(from: 1, through: m + 1, by: 1) { rowStart[i] += rowStart[i - 1] }
        rowColumns = [Int32](repeating: 0, count: rows.count)
        rowValues = [Double](repeating: 0, count: rows.count)
        var next = rowStart
        for j in stride(from: 1, through: n, by: 1) {
            for t in start[j]..<start[j + 1] {
                let r = Int(rows[t])
                rowColumns[next[r]] = Int32(j); rowValues[next[r]] = values[t]; next[r] += 1
            }
        }
        meets = [Int](repeating: 0, count: n + 1)
    }

    /// Row i of the matrix (1-based): its columns in increasing order and their coefficients.
    func matrixRow(_ i: Int) -> (columns: ArraySlice<Int32>, coefficients: ArraySlice<Double>) {
        (rowColumns[rowStart[i]..<rowStart[i + 1]], rowValues[rowStart[i]..<rowStart[i + 1]])
    }

    /// Basic variable k's row (k in 1...m: a row's auxiliary variable; m+1...m+n: a column): its
    /// non-zero coefficients on the non-basic variables into `indices[1...]` and `coefficients[1...]`
    /// (each at least m+n+1 long); returns their count, 0 where k is not basic.
    mutating func row(of k: Int, indices: inout [Int32], coefficients: inout [Double]) -> Int {
        guard k >= 1, k <= m + n, basic[k] else { return 0 }
        let i = Int(k <= m ? glp_get_row_bind(p, Int32(k)) : glp_get_col_bind(p, Int32(k - m)))
        guard i >= 1, i <= m else { return 0 }
        for t in rho.indices { rho[t] = 0 }
        rho[i] = 1
        glp_btran(p, &rho)
        stamp += 1
        for r in stride(from: 1, through: m, by: 1) where rho[r] != 0 {
            for t in rowStart[r]..<rowStart[r + 1] { meets[Int(rowColumns[t])] = stamp }
        }
        var length = 0
        for variable in stride(from: 1, through: m + n, by: 1) where !basic[variable] {
            var alpha = 0.0
            if variable <= m {
                alpha = -rho[variable]
            } else if meets[variable - m] == stamp {
                for t in start[variable - m]..<start[variable - m + 1] { alpha += rho[Int(rows[t])] * values[t] }
            }
            if alpha != 0 {
                length += 1
                indices[length] = Int32(variable); coefficients[length] = alpha
            }
        }
        return length
    }
}
