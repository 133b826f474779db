// SPDX-License-Identifier: GPL-3.0-or-later
//
// Running GLPK's simplex and branch-and-cut on a `GLPKProblem`, and reading the results back.

import CGLPK

/// What a GLPK solver routine returned (its `GLP_E*` code), as a value.
public enum GLPKReturnCode: Equatable, Sendable {
    case ok
    case timeLimit
    case iterationLimit
    case mipGapReached
    case stoppedByApplication
    case noPrimalFeasible
    case noDualFeasible
    case rootLPNotOptimal
    case invalidBasis
    case invalidBounds
    case failed(Int32)

    init(_ code: Int32) {
        switch code {
        case 0: self = .ok
        case GLP_ETMLIM: self = .timeLimit
        case GLP_EITLIM: self = .iterationLimit
        case GLP_EMIPGAP: self = .mipGapReached
        case GLP_ESTOP: self = .stoppedByApplication
        case GLP_ENOPFS: self = .noPrimalFeasible
        case GLP_ENODFS: self = .noDualFeasible
        case GLP_EROOT: self = .rootLPNotOptimal
        case GLP_EBADB, GLP_ESING, GLP_ECOND: self = .invalidBasis
        case GLP_EBOUND: self = .invalidBounds
        default: self = .failed(code)
        }
    }
}

/// GLPK's status of a basic or MIP solution.
public enum GLPKSolutionStatus: Equatable, Sendable {
    case optimal, feasible, infeasible, noFeasible, unbounded, undefined

    init(_ code: Int32) {
        switch code {
        case GLP_OPT: self = .optimal
        case GLP_FEAS: self = .feasible
        case GLP_INFEAS: self = .infeasible
        case GLP_NOFEAS: self = .noFeasible
        case GLP_UNBND: self = .unbounded
        default: self = .undefined
        }
    }
}

public struct GLPKSimplexParameters: Sendable {
    public var timeLimitMilliseconds: Int = 60_000
    public var presolve: Bool = false
    public var dual: Bool = true
    /// GLPK's long-step ratio test (`GLP_RT_FLIP`): fewer iterations on a large, degenerate
    /// relaxation (measured: a 300-person week's 28 s → 14 s), but another optimal vertex, and so
    /// another tree after it.
    public var longStep: Bool = false
    public init() {}
}

public struct GLPKIntegerParameters: Sendable {
    public enum Branching: Sendable { case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudocost }
    public enum Backtracking: Sendable { case depthFirst, breadthFirst, bestLocalBound, bestProjection }

    /// Always set: GLPK would otherwise search forever.
    public var timeLimitMilliseconds: Int = 60_000
    public var relativeGap: Double = 0
    public var presolve: Bool = true
    public var gomoryCuts = true
    public var mirCuts = true
    public var coverCuts = true
    public var cliqueCuts = true
    public var branching: Branching = .pseudocost
    public var backtracking: Backtracking = .bestLocalBound
    public var feasibilityPump = false
    public var proximitySearch = false
    public var simpleRounding = true
    public init() {}
}

/// The search tree, as seen from inside a branch-and-cut callback. Valid only during the callback.
public struct GLPKSearchTree {
    public enum Event: Sendable { case rowGeneration, betterSolution, heuristic, cutGeneration, branching, selection, preprocessing, other }

    let tree: OpaquePointer

    public var event: Event {
        switch glp_ios_reason(tree) {
        case GLP_IROWGEN: return .rowGeneration
        case GLP_IBINGO: return .betterSolution
        case GLP_IHEUR: return .heuristic
        case GLP_ICUTGEN: return .cutGeneration
        case GLP_IBRANCH: return .branching
        case GLP_ISELECT: return .selection
        case GLP_IPREPRO: return .preprocessing
        default: return .other
        }
    }

    /// The best bound over the active nodes, if any node is active and has one.
    public var bestBound: Double? {
        let node = glp_ios_best_node(tree)
        guard node != 0 else { return nil }
        // GLPK writes ∓DBL_MAX for a node whose relaxation has no bound yet.
        let bound = glp_ios_node_bound(tree, node)
        return bound.isFinite && abs(bound) < 1e300 ? bound : nil
    }

    /// The objective of the incumbent, if one was found.
    public var incumbent: Double? {
        guard let p = glp_ios_get_prob(tree), glp_mip_status(p) == GLP_FEAS || glp_mip_status(p) == GLP_OPT else {
            return nil
        }
        return glp_mip_obj_val(p)
    }

    /// Active, total and ever-created node counts.
    public var nodeCounts: (active: Int, total: Int, created: Int) {
        var a: Int32 = 0, n: Int32 = 0, t: Int32 = 0
        glp_ios_tree_size(tree, &a, &n, &t)
        return (Int(a), Int(n), Int(t))
    }

    /// The incumbent's column values (index 0 unused), if one was found.
    public var incumbentValues: [Double]? {
        guard let p = glp_ios_get_prob(tree), glp_mip_status(p) == GLP_FEAS || glp_mip_status(p) == GLP_OPT else {
            return nil
        }
        let n = Int(glp_get_num_cols(p))
        return [0] + (1...max(1, n)).prefix(n).map { glp_mip_col_val(p, Int32($0)) }
    }

    /// Column count of the problem being searched (the presolved one when presolve is on).
    public var columnCount: Int { Int(glp_get_num_cols(glp_ios_get_prob(tree))) }

    /// Offers an integer feasible point (index 0 unused: `values[j]` is column j). Only valid in the
    /// heuristic event, with the same column count. Returns whether GLPK took it as the new incumbent.
    public func offer(_ values: [Double]) -> Bool {
        guard event == .heuristic, values.count == columnCount + 1, values.allSatisfy(\.isFinite) else { return false }
        return glp_ios_heur_sol(tree, values) == 0
    }

    /// The depth of the node being solved (0 at the root), or nil when there is none.
    public var currentLevel: Int? {
        let node = glp_ios_curr_node(tree)
        return node == 0 ? nil : Int(glp_ios_node_level(tree, node))
    }

    /// The objective of the current node's relaxation (with the cuts added so far).
    public var nodeObjective: Double { glp_get_obj_val(glp_ios_get_prob(tree)) }

    /// Rows of the problem being searched, cuts included.
    public var rowCount: Int { Int(glp_get_num_rows(glp_ios_get_prob(tree))) }

    /// Adds at most `limit` Gomory mixed-integer cuts from the current node's optimal basis to the
    /// local cut pool (GLPK's own formulas, `GLPKGomory`; with `integralSlacks`, the slack of a row
    /// that is integral once scaled counts as an integer, which GLPK's `glp_gmi_gen` does not). Only in
    /// the cut-generation event, with an optimal basis whose factorisation exists (GLPK aborts
    /// otherwise); returns how many it added.
    @discardableResult
    public func addGomoryCuts(atMost limit: Int, integralSlacks: Bool = true) -> Int {
        guard event == .cutGeneration, limit > 0, let p = glp_ios_get_prob(tree) else { return 0 }
        let cuts = GLPKGomory.cuts(p, atMost: limit, integralSlacks: integralSlacks)
        for cut in cuts {
            glp_ios_add_row(tree, nil, GLP_RF_GMI, 0, Int32(cut.columns.count), [0] + cut.columns, [0] + cut.coefficients,
                            GLP_LO, cut.lower)
        }
        return cuts.count
    }

    /// The rows from `first` (1-based) on that the current node's relaxation holds at a bound
    /// (non-basic: the cuts that bind, when `first` is past the model's own rows): each with its
    /// columns (1-based), coefficients and bounds (nil: none on that side).
    public func bindingRows(from first: Int) -> [(columns: [Int], coefficients: [Double], lower: Double?, upper: Double?, kind: Int)] {
        guard let p = glp_ios_get_prob(tree), first >= 1 else { return [] }
        let m = Int(glp_get_num_rows(p)), n = Int(glp_get_num_cols(p))
        guard first <= m else { return [] }
        var indices = [Int32](repeating: 0, count: n + 1)
        var values = [Double](repeating: 0, count: n + 1)
        var rows: [(columns: [Int], coefficients: [Double], lower: Double?, upper: Double?, kind: Int)] = []
        for i in Int32(first)...Int32(m) where glp_get_row_stat(p, i) != GLP_BS {
            let length = Int(glp_get_mat_row(p, i, &indices, &values))
            guard length > 0 else { continue }
            let (lower, upper) = GLPKBounds.limits(type: glp_get_row_type(p, i), lower: glp_get_row_lb(p, i), upper: glp_get_row_ub(p, i))
            var attr = glp_attr()
            glp_ios_row_attr(tree, i, &attr)
            rows.append((indices[1...length].map { Int($0) }, Array(values[1...length]), lower, upper, Int(attr.klass)))
        }
        return rows
    }

    /// Asks GLPK to stop the search after this callback.
    public func terminate() { glp_ios_terminate(tree) }

    /// Whether the search may branch on column j (1-based) at the current node: an integer column
    /// with a fractional value. False outside the branching event.
    public func canBranch(on j: Int) -> Bool {
        guard event == .branching, j >= 1, j <= columnCount else { return false }
        return glp_ios_can_branch(tree, Int32(j)) != 0
    }

    /// Column j's value in the current node's relaxation (0 for an index out of range).
    public func nodeValue(_ j: Int) -> Double {
        guard j >= 1, j <= columnCount, let p = glp_ios_get_prob(tree) else { return 0 }
        return glp_get_col_prim(p, Int32(j))
    }

    /// The current node's reduced cost of each column (1-based; index 0 unused) and where the column
    /// sits: −1 non-basic at its lower bound, +1 at its upper bound, 0 otherwise (basic, free, fixed).
    public var nodeReducedCosts: [(side: Int, cost: Double)] {
        guard let p = glp_ios_get_prob(tree) else { return [] }
        let n = Int(glp_get_num_cols(p))
        var costs = [(side: Int, cost: Double)](repeating: (0, 0), count: n + 1)
        for j in stride(from: 1, through: n, by: 1) {
            let status = glp_get_col_stat(p, Int32(j))
            costs[j] = (status == GLP_NL ? -1 : status == GLP_NU ? 1 : 0, glp_get_col_dual(p, Int32(j)))
        }
        return costs
    }

    public enum FirstChild: Sendable { case down, up, solverChoice }

    /// Branches on column j instead of letting GLPK choose. Only in the branching event, and only on
    /// a column `canBranch(on:)` accepts; returns whether it branched.
    @discardableResult
    public func branch(on j: Int, first: FirstChild = .solverChoice) -> Bool {
        guard canBranch(on: j) else { return false }
        let select: Int32
        switch first {
        case .down: select = GLP_DN_BRNCH
        case .up: select = GLP_UP_BRNCH
        case .solverChoice: select = GLP_NO_BRNCH
        }
        glp_ios_branch_upon(tree, Int32(j), select)
        return true
    }
}

private final class SearchCallback {
    let body: (GLPKSearchTree) -> Void
    init(_ body: @escaping (GLPKSearchTree) -> Void) { self.body = body }
}

extension GLPKProblem {
    /// Runs the simplex method. The problem keeps its basic solution.
    public func simplex(_ parameters: GLPKSimplexParameters = .init(), log: ((String) -> Void)? = nil) -> GLPKReturnCode {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = log == nil ? GLP_MSG_OFF : GLP_MSG_ON
        parm.meth = parameters.dual ? GLP_DUALP : GLP_PRIMAL
        parm.r_test = parameters.longStep ? GLP_RT_FLIP : GLP_RT_HAR
        parm.tm_lim = Int32(clamping: max(1, parameters.timeLimitMilliseconds))
        parm.presolve = parameters.presolve ? GLP_ON : GLP_OFF
        return TerminalRoute.with(log) { GLPKReturnCode(glp_simplex(handle, &parm)) }
    }

    /// Scales rows and columns as GLPK's own MIP presolver does (geometric mean, then equilibration,
    /// factors rounded to powers of two so that no coefficient is rounded; nothing when every
    /// coefficient is within 0.1–10); the solutions read back are unscaled. Without it, GLPK's
    /// simplex stalls on badly scaled rows (measured: a 200-person week's relaxation, 36 000 rows with
    /// hours of 3.25 h and 4 h next to 0/1 links, past 60 s unscaled against 6 s scaled). Powers of two
    /// rather than `GLP_SF_AUTO`'s exact factors: a 6-day 18-person week found its optimum again
    /// within the gate's 1000 nodes, and the 3-slot week a better roster.
    public func scale() {
        guard rowCount > 0, columnCount > 0 else { return }
        glp_scale_prob(handle, GLP_SF_GM | GLP_SF_EQ | GLP_SF_2N | GLP_SF_SKIP)
    }

    /// Forgets the basis (every row basic): the next simplex starts from scratch.
    public func resetBasis() { glp_std_basis(handle) }

    /// Runs branch-and-cut. Without presolve, the problem must hold an optimal basis (run `simplex` first).
    /// `callback` sees every event of the search.
    public func branchAndCut(_ parameters: GLPKIntegerParameters = .init(), log: ((String) -> Void)? = nil,
                             callback: ((GLPKSearchTree) -> Void)? = nil) -> GLPKReturnCode {
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = log == nil ? GLP_MSG_OFF : GLP_MSG_ON
        parm.tm_lim = Int32(clamping: max(1, parameters.timeLimitMilliseconds))
        parm.mip_gap = parameters.relativeGap.isFinite ? max(0, parameters.relativeGap) : 0
        parm.presolve = parameters.presolve ? GLP_ON : GLP_OFF
        parm.gmi_cuts = parameters.gomoryCuts ? GLP_ON : GLP_OFF
        parm.mir_cuts = parameters.mirCuts ? GLP_ON : GLP_OFF
        parm.cov_cuts = parameters.coverCuts ? GLP_ON : GLP_OFF
        parm.clq_cuts = parameters.cliqueCuts ? GLP_ON : GLP_OFF
        parm.fp_heur = parameters.feasibilityPump ? GLP_ON : GLP_OFF
        parm.ps_heur = parameters.proximitySearch ? GLP_ON : GLP_OFF
        parm.sr_heur = parameters.simpleRounding ? GLP_ON : GLP_OFF
        switch parameters.branching {
        case .firstFractional: parm.br_tech = GLP_BR_FFV
        case .lastFractional: parm.br_tech = GLP_BR_LFV
        case .mostFractional: parm.br_tech = GLP_BR_MFV
        case .driebeckTomlin: parm.br_tech = GLP_BR_DTH
        case .pseudocost: parm.br_tech = GLP_BR_PCH
        }
        switch parameters.backtracking {
        case .depthFirst: parm.bt_tech = GLP_BT_DFS
        case .breadthFirst: parm.bt_tech = GLP_BT_BFS
        case .bestLocalBound: parm.bt_tech = GLP_BT_BLB
        case .bestProjection: parm.bt_tech = GLP_BT_BPH
        }
        if !parameters.presolve && glp_get_status(handle) != GLP_OPT {
            return .rootLPNotOptimal // GLPK would answer GLP_EROOT; say so without calling it
        }
        let box = callback.map { Unmanaged.passRetained(SearchCallback($0)) }
        defer { box?.release() }
        if let box {
            parm.cb_info = box.toOpaque()
            parm.cb_func = { tree, info in
                guard let tree, let info else { return }
                Unmanaged<SearchCallback>.fromOpaque(info).takeUnretainedValue().body(GLPKSearchTree(tree: tree))
            }
        }
        return TerminalRoute.with(log) { GLPKReturnCode(glp_intopt(handle, &parm)) }
    }

    // MARK: Basic (LP) solution

    public var basicStatus: GLPKSolutionStatus { GLPKSolutionStatus(glp_get_status(handle)) }
    public var basicObjective: Double { glp_get_obj_val(handle) }
    public var simplexIterations: Int { Int(glp_get_it_cnt(handle)) }

    /// Column primal values, index 0 unused.
    public var basicColumnValues: [Double] {
        [0] + (1...max(1, columnCount)).prefix(columnCount).map { glp_get_col_prim(handle, Int32($0)) }
    }
    public var rowDuals: [Double] {
        [0] + (1...max(1, rowCount)).prefix(rowCount).map { glp_get_row_dual(handle, Int32($0)) }
    }
    public var reducedCosts: [Double] {
        [0] + (1...max(1, columnCount)).prefix(columnCount).map { glp_get_col_dual(handle, Int32($0)) }
    }

    // MARK: MIP solution

    public var integerStatus: GLPKSolutionStatus { GLPKSolutionStatus(glp_mip_status(handle)) }
    public var integerObjective: Double { glp_mip_obj_val(handle) }
    public var integerColumnValues: [Double] {
        [0] + (1...max(1, columnCount)).prefix(columnCount).map { glp_mip_col_val(handle, Int32($0)) }
    }
}
