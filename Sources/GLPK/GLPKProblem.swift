// SPDX-License-Identifier: GPL-3.0-or-later
//
// A thin, safe layer over one GLPK problem object.
//
// GLPK aborts the whole process on a bad argument (an index out of range, a duplicate index in a
// row, a name that is too long, an invalid bound type…). Every method here checks its arguments in
// Swift first and throws a `GLPKError` instead, so that no `glp_*` call is reached with an
// unchecked argument.
//
// GLPK keeps its environment in thread-local storage: a `GLPKProblem` must be created, solved, read
// and released on one thread. It is therefore deliberately not `Sendable`.

import CGLPK

/// The bounds of a row or column, as GLPK knows them.
public enum GLPKBounds: Equatable, Sendable {
    case free
    case lower(Double)
    case upper(Double)
    case range(Double, Double)
    case fixed(Double)

    /// The bounds for an optional lower and upper limit; throws when they are inverted or not numbers.
    public static func between(_ lower: Double?, _ upper: Double?) throws(GLPKError) -> GLPKBounds {
        for value in [lower, upper].compactMap({ $0 }) where value.isNaN {
            throw GLPKError(.invalidArgument, "a bound is NaN", fix: "give finite numbers or leave the bound out")
        }
        let lo = lower.flatMap { $0 == -.infinity ? nil : $0 }
        let up = upper.flatMap { $0 == .infinity ? nil : $0 }
        switch (lo, up) {
        case (nil, nil): return .free
        case (let l?, nil):
            guard l.isFinite else { throw GLPKError(.invalidArgument, "lower bound is +infinity") }
            return .lower(l)
        case (nil, let u?):
            guard u.isFinite else { throw GLPKError(.invalidArgument, "upper bound is -infinity") }
            return .upper(u)
        case (let l?, let u?):
            guard l <= u else {
                throw GLPKError(.invalidArgument, "lower bound \(l) is above upper bound \(u)",
                                fix: "swap the bounds or relax one of them")
            }
            return l == u ? .fixed(l) : .range(l, u)
        }
    }

    /// The limits GLPK's type says a row or column has (nil: none on that side).
    static func limits(type: Int32, lower: Double, upper: Double) -> (lower: Double?, upper: Double?) {
        (type == GLP_LO || type == GLP_DB || type == GLP_FX ? lower : nil,
         type == GLP_UP || type == GLP_DB || type == GLP_FX ? upper : nil)
    }

    var glpk: (type: Int32, lower: Double, upper: Double) {
        switch self {
        case .free: return (GLP_FR, 0, 0)
        case .lower(let l): return (GLP_LO, l, 0)
        case .upper(let u): return (GLP_UP, 0, u)
        case .range(let l, let u): return (GLP_DB, l, u)
        case .fixed(let v): return (GLP_FX, v, v)
        }
    }
}

public enum GLPKColumnKind: Sendable {
    case continuous, integer, binary
}

/// Owns one `glp_prob` and frees it when released.
public final class GLPKProblem {
    let handle: OpaquePointer

    public init() throws(GLPKError) {
        try GLPK.checkVersion()
        GLPK.silenceTerminalIfUnhooked()
        guard let p = glp_create_prob() else { throw GLPKError(.solverFailure, "glp_create_prob returned nil") }
        handle = p
    }

    deinit { glp_delete_prob(handle) }

    public var rowCount: Int { Int(glp_get_num_rows(handle)) }
    public var columnCount: Int { Int(glp_get_num_cols(handle)) }
    public var integerColumnCount: Int { Int(glp_get_num_int(handle)) }
    public var nonZeroCount: Int { Int(glp_get_num_nz(handle)) }

    public func setMinimize(_ minimize: Bool) {
        glp_set_obj_dir(handle, minimize ? GLP_MIN : GLP_MAX)
    }

    // MARK: Columns

    /// Appends `count` columns and returns the index (1-based) of the first.
    @discardableResult
    public func addColumns(_ count: Int) throws(GLPKError) -> Int {
        guard count > 0, count <= Int(Int32.max) - columnCount else {
            throw GLPKError(.invalidArgument, "cannot add \(count) columns")
        }
        return Int(glp_add_cols(handle, Int32(count)))
    }

    public func setColumnName(_ j: Int, _ name: String) throws(GLPKError) {
        try checkColumn(j)
        try GLPK.checkName(name)
        glp_set_col_name(handle, Int32(j), name)
    }

    public func setColumnBounds(_ j: Int, _ bounds: GLPKBounds) throws(GLPKError) {
        try checkColumn(j)
        let b = bounds.glpk
        glp_set_col_bnds(handle, Int32(j), b.type, b.lower, b.upper)
    }

    public func setColumnKind(_ j: Int, _ kind: GLPKColumnKind) throws(GLPKError) {
        try checkColumn(j)
        switch kind {
        case .continuous: glp_set_col_kind(handle, Int32(j), GLP_CV)
        case .integer: glp_set_col_kind(handle, Int32(j), GLP_IV)
        case .binary: glp_set_col_kind(handle, Int32(j), GLP_BV)
        }
    }

    /// Objective coefficient of column `j`; column 0 is the constant term.
    public func setObjectiveCoefficient(_ j: Int, _ value: Double) throws(GLPKError) {
        guard j == 0 || (1...max(1, columnCount)).contains(j) && j <= columnCount else {
            throw GLPKError(.invalidArgument, "objective column \(j) is out of range 0...\(columnCount)")
        }
        try GLPK.checkFinite(value, "objective coefficient of column \(j)")
        glp_set_obj_coef(handle, Int32(j), value)
    }

    /// Sets column `j` to the given (row, coefficient) pairs. Rows must be distinct and in range,
    /// coefficients finite; zeros are dropped.
    public func setColumn(_ j: Int, rows: [Int], coefficients: [Double]) throws(GLPKError) {
        try checkColumn(j)
        let (ind, val) = try packed(rows, coefficients, of: "column \(j)", naming: "row", check: checkRow)
        glp_set_mat_col(handle, Int32(j), Int32(ind.count - 1), ind, val)
    }

    // MARK: Rows

    @discardableResult
    public func addRows(_ count: Int) throws(GLPKError) -> Int {
        guard count > 0, count <= Int(Int32.max) - rowCount else {
            throw GLPKError(.invalidArgument, "cannot add \(count) rows")
        }
        return Int(glp_add_rows(handle, Int32(count)))
    }

    public func setRowName(_ i: Int, _ name: String) throws(GLPKError) {
        try checkRow(i)
        try GLPK.checkName(name)
        glp_set_row_name(handle, Int32(i), name)
    }

    public func setRowBounds(_ i: Int, _ bounds: GLPKBounds) throws(GLPKError) {
        try checkRow(i)
        let b = bounds.glpk
        glp_set_row_bnds(handle, Int32(i), b.type, b.lower, b.upper)
    }

    /// Sets row `i` to the given (column, coefficient) pairs. Columns must be distinct and in range,
    /// coefficients finite; zeros are dropped.
    public func setRow(_ i: Int, columns: [Int], coefficients: [Double]) throws(GLPKError) {
        try checkRow(i)
        let (ind, val) = try packed(columns, coefficients, of: "row \(i)", naming: "column", check: checkColumn)
        glp_set_mat_row(handle, Int32(i), Int32(ind.count - 1), ind, val)
    }

    /// A row's or a column's (index, coefficient) pairs as GLPK's 1-based arrays (slot 0 unused):
    /// every index checked by `check` and named once, every coefficient finite, zeros dropped.
    /// `line` ("row 3") and `other` ("column") word the errors.
    private func packed(_ indices: [Int], _ coefficients: [Double], of line: String, naming other: String,
                        check: (Int) throws(GLPKError) -> Void) throws(GLPKError) -> (ind: [Int32], val: [Double]) {
        guard indices.count == coefficients.count else {
            throw GLPKError(.invalidArgument, "\(line): \(indices.count) \(other)s for \(coefficients.count) coefficients")
        }
        var seen = Set<Int>()
        var ind: [Int32] = [0]
        var val: [Double] = [0]
        ind.reserveCapacity(indices.count + 1)
        val.reserveCapacity(indices.count + 1)
        for (k, a) in zip(indices, coefficients) {
            try check(k)
            try GLPK.checkFinite(a, "coefficient of \(other) \(k) in \(line)")
            guard seen.insert(k).inserted else {
                throw GLPKError(.invalidArgument, "\(line) names \(other) \(k) twice", fix: "merge the terms first")
            }
            if a != 0 { ind.append(Int32(k)); val.append(a) }
        }
        return (ind, val)
    }

    // MARK: Reading the model back

    public func columnName(_ j: Int) -> String? {
        guard (1...max(1, columnCount)).contains(j), j <= columnCount, let s = glp_get_col_name(handle, Int32(j)) else {
            return nil
        }
        return String(cString: s)
    }

    public func columnKind(_ j: Int) -> GLPKColumnKind? {
        guard j >= 1, j <= columnCount else { return nil }
        switch glp_get_col_kind(handle, Int32(j)) {
        case GLP_IV: return .integer
        case GLP_BV: return .binary
        default: return .continuous
        }
    }

    func checkColumn(_ j: Int) throws(GLPKError) {
        guard j >= 1, j <= columnCount else {
            throw GLPKError(.invalidArgument, "column \(j) is out of range 1...\(columnCount)")
        }
    }

    func checkRow(_ i: Int) throws(GLPKError) {
        guard i >= 1, i <= rowCount else {
            throw GLPKError(.invalidArgument, "row \(i) is out of range 1...\(rowCount)")
        }
    }

    // MARK: Files

    /// Writes the problem in CPLEX LP format.
    public func writeLP(to path: String) throws(GLPKError) {
        try GLPK.checkOutputPath(path)
        guard glp_write_lp(handle, nil, path) == 0 else {
            throw GLPKError(.io, "could not write the LP file '\(path)'", fix: "check that the folder exists and is writable")
        }
    }

    /// Writes the problem in free MPS format.
    public func writeMPS(to path: String) throws(GLPKError) {
        try GLPK.checkOutputPath(path)
        guard glp_write_mps(handle, GLP_MPS_FILE, nil, path) == 0 else {
            throw GLPKError(.io, "could not write the MPS file '\(path)'", fix: "check that the folder exists and is writable")
        }
    }

    /// Reads a CPLEX LP file into a new problem.
    public static func readLP(from path: String) throws(GLPKError) -> GLPKProblem {
        let problem = try GLPKProblem()
        guard !path.isEmpty, glp_read_lp(problem.handle, nil, path) == 0 else {
            throw GLPKError(.io, "could not read the LP file '\(path)'", fix: "check the path and the file's syntax")
        }
        return problem
    }

    /// Reads a free MPS file into a new problem.
    public static func readMPS(from path: String) throws(GLPKError) -> GLPKProblem {
        let problem = try GLPKProblem()
        guard !path.isEmpty, glp_read_mps(problem.handle, GLP_MPS_FILE, nil, path) == 0 else {
            throw GLPKError(.io, "could not read the MPS file '\(path)'", fix: "check the path and that it is free MPS")
        }
        return problem
    }

    /// A copy of this problem (with names), on the same thread.
    public func copy() throws(GLPKError) -> GLPKProblem {
        let other = try GLPKProblem()
        glp_copy_prob(other.handle, handle, GLP_ON)
        return other
    }
}
