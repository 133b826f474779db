// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a branching rule of its own needs from inside the search: the node being solved and its
// parent, a column's bounds there, and strong branching — the two children's relaxations solved a
// few dual simplex iterations deep on a copy of the node's problem (GLPK's own pseudo-cost start
// does the same, `eval_degrad` in glpios09.c, but fixes the column rather than bounding it and
// keeps only a per-unit estimate).

import CGLPK

/// A child's relaxation as strong branching left it.
public enum ChildRelaxation: Sendable, Equatable {
    /// Its objective after the iterations allowed: a bound on the child's relaxation (the basis
    /// stays dual feasible), the relaxation's optimum when `optimal`.
    case bound(Double, optimal: Bool)
    /// No point of the child beats `cutoff` (or none exists at all): the child can be pruned.
    case hopeless
    /// Nothing learnt (the simplex failed or lost dual feasibility).
    case unknown
}

extension GLPKSearchTree {
    /// The reference number of the node being solved, nil when there is none.
    public var currentNode: Int? {
        let node = glp_ios_curr_node(tree)
        return node == 0 ? nil : Int(node)
    }

    /// The parent of the node being solved (nil at the root, or when no node is).
    public var currentParent: Int? {
        let node = glp_ios_curr_node(tree)
        guard node != 0 else { return nil }
        let up = glp_ios_up_node(tree, node)
        return up == 0 ? nil : Int(up)
    }

    /// Column j's bounds (1-based) in the current node's problem (nil: none on that side).
    public func columnBounds(_ j: Int) -> (lower: Double?, upper: Double?) {
        guard j >= 1, j <= columnCount, let p = glp_ios_get_prob(tree) else { return (nil, nil) }
        return limits(of: Int32(j), in: p)
    }

    private func limits(of j: Int32, in p: OpaquePointer) -> (lower: Double?, upper: Double?) {
        GLPKBounds.limits(type: glp_get_col_type(p, j), lower: glp_get_col_lb(p, j), upper: glp_get_col_ub(p, j))
    }

    /// Simplex iterations on the search's problem so far (every node's relaxation and cut round).
    public var simplexIterations: Int { Int(glp_get_it_cnt(glp_ios_get_prob(tree))) }

    /// Whether the problem minimises.
    public var minimizes: Bool { glp_get_obj_dir(glp_ios_get_prob(tree)) == GLP_MIN }

    /// Strong branching on `columns` (1-based; those `canBranch(on:)` refuses are passed over), in
    /// their order: the down child (x ≤ ⌊x*⌋) and the up child (x ≥ ⌈x*⌉) of each, solved from the
    /// node's optimal basis by at most `iterationLimit` dual simplex iterations, and stopped as soon
    /// as the objective passes `cutoff` (then `.hopeless`). After each column, `next` is told what
    /// its children gave and the iterations spent so far, and says whether to go on. Only in the
    /// branching event (elsewhere nothing is solved); returns the iterations spent.
    @discardableResult
    public func strongBranching(on columns: [Int], iterationLimit: Int, cutoff: Double?,
                                next: (_ column: Int, _ down: ChildRelaxation, _ up: ChildRelaxation, _ iterations: Int) -> Bool) -> Int {
        guard event == .branching, iterationLimit > 0, let p = glp_ios_get_prob(tree),
              glp_get_status(p) == GLP_OPT, !columns.isEmpty else { return 0 }
        guard let lp = glp_create_prob() else { return 0 }
        defer { glp_delete_prob(lp) }
        glp_copy_prob(lp, p, GLP_OFF)
        let m = glp_get_num_rows(lp), n = glp_get_num_cols(lp)
        let rowStatus = (0...m).map { $0 == 0 ? 0 : glp_get_row_stat(lp, $0) }
        let columnStatus = (0...n).map { $0 == 0 ? 0 : glp_get_col_stat(lp, $0) }
        let minimizing = glp_get_obj_dir(lp) == GLP_MIN
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.meth = GLP_DUAL
        parm.it_lim = Int32(clamping: iterationLimit)
        if let cutoff, cutoff.isFinite {
            if minimizing { parm.obj_ul = cutoff } else { parm.obj_ll = cutoff }
        }
        var iterations = 0
        func restore() {
            for i in 1..<(m + 1) { glp_set_row_stat(lp, i, rowStatus[Int(i)]) }
            for j in 1..<(n + 1) { glp_set_col_stat(lp, j, columnStatus[Int(j)]) }
        }
        /// Solves the child with column j's bounds [lower, upper] (nil: none on that side).
        func child(_ j: Int32, lower: Double?, upper: Double?) -> ChildRelaxation {
            let type = glp_get_col_type(lp, j), lb = glp_get_col_lb(lp, j), ub = glp_get_col_ub(lp, j)
            defer {
                glp_set_col_bnds(lp, j, type, lb, ub)
                restore()
            }
            guard let bounds = try? GLPKBounds.between(lower, upper) else { return .hopeless } // an empty range
            glp_set_col_bnds(lp, j, bounds.glpk.type, bounds.glpk.lower, bounds.glpk.upper)
            let before = glp_get_it_cnt(lp)
            let code = glp_simplex(lp, &parm)
            iterations += Int(glp_get_it_cnt(lp) - before)
            if code == GLP_EOBJUL || code == GLP_EOBJLL { return .hopeless }
            guard code == 0 || code == GLP_EITLIM else { return .unknown }
            if glp_get_prim_stat(lp) == GLP_NOFEAS { return .hopeless }
            guard glp_get_dual_stat(lp) == GLP_FEAS else { return .unknown }
            let objective = glp_get_obj_val(lp)
            if let cutoff, minimizing ? objective >= cutoff : objective <= cutoff { return .hopeless }
            return .bound(objective, optimal: glp_get_status(lp) == GLP_OPT)
        }
        for column in columns where canBranch(on: column) {
            let j = Int32(column)
            let x = glp_get_col_prim(p, j)
            let (lower, upper) = limits(of: j, in: lp)
            let down = child(j, lower: lower, upper: x.rounded(.down))
            let up = child(j, lower: x.rounded(.up), upper: upper)
            if !next(column, down, up, iterations) { break }
        }
        return iterations
    }
}
