// SPDX-License-Identifier: GPL-3.0-or-later
//
// What any solver backend takes and gives back. Results are values: "infeasible" is an answer.
// As in OR-tools' SolveResult, why the solver stopped (`Termination`) is kept apart from whether a
// usable solution exists (`solution`).

import Synchronization

/// A snapshot of a running search.
public struct SolveProgress: Sendable {
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double? { relativeGap(incumbent, bound) }
    public var seconds: Double
    public var nodes: Int
    public init(incumbent: Double?, bound: Double?, seconds: Double, nodes: Int) {
        self.incumbent = incumbent; self.bound = bound; self.seconds = seconds; self.nodes = nodes
    }
}

public struct SolveOptions: Sendable {
    /// Wall-clock limit for the whole solve, in seconds. Always set.
    public var timeLimit: Double = 60
    /// Seconds for what follows the root relaxation (the dive and the tree), counted from the
    /// relaxation's end and within `timeLimit`: the relaxation of a large week may take longer
    /// (it is then on the board, and its value the bound), what follows it not. `nil` = no limit
    /// but `timeLimit`.
    public var treeTimeLimit: Double?
    /// With `treeTimeLimit`: what follows the root relaxation gets at most this many times the
    /// relaxation's own seconds (at least one second) — a share measured in the week's own work,
    /// so that a small week whose relaxation takes 50 ms does not wait for a tenth of a long time
    /// limit before the next step. `nil` = `treeTimeLimit` alone.
    public var treeRootMultiple: Double?
    /// With `treeTimeLimit`: asked once the root relaxation is solved, with its seconds, whether
    /// the share ends the search (nil: it does). When it does not, the tree runs on to `timeLimit`
    /// and `atTreeShare` is called (from the search's callback) once the share has passed.
    public var treeShareIsLimit: (@Sendable (_ rootSeconds: Double) -> Bool)?
    public var atTreeShare: (@Sendable () -> Void)?
    /// The root relaxation by the long-step ratio test where the backend has one, once it has run a
    /// second by the textbook test: faster on large degenerate weeks (half the time at 300 people),
    /// but another vertex — and so other cuts, another dive and tree — than the default: for
    /// searches that need no work limit's reproducibility. (From the first iteration, it cost the
    /// small weeks the vertices whose cuts prove them at the root under a work limit: plentiful-024
    /// 2.0 s against 0.55 s, six-days-045 3.4 s against 0.85 s.)
    public var longStepRelaxation = false
    /// Stop branching after this many nodes: unlike the time limit, the same on every machine, so
    /// that a stopped search ends with the same roster everywhere (quality gates).
    public var nodeLimit: Int?
    /// Stop when |incumbent − bound| <= relativeGap × |incumbent|; 0 = prove optimality.
    public var relativeGap: Double = 0
    /// When every feasible objective value is `objectiveConstant + k × objectiveStep` for an integer k,
    /// the search stops as soon as the rounded bound meets the incumbent.
    public var objectiveStep: Double?
    /// Branching without the pseudo-costs' start (which solves two relaxations per fractional
    /// variable without looking at the clock): for a search that must end on time.
    public var quickBranching = false
    /// Reliability branching (pseudo-costs, measured by strong branching until they are reliable:
    /// SCIP's default rule) where the solver would otherwise branch by its own pseudo-costs; false:
    /// the solver's own rule. Measured against GLPK's own at 60 s: the README's performance section.
    public var reliabilityBranching = true
    /// A bound proven by other means (e.g. `Model.decompositionBound`): the search counts it as its
    /// own, and stops as soon as the incumbent meets it.
    public var knownBound: Double?
    /// Values for (some of) the integer variables of a known feasible point, used as a first incumbent
    /// when the remaining variables can complete it.
    public var hint: [Variable: Double] = [:]
    /// Use the MIP presolver (`nil` = yes unless a hint is given: a hint needs presolve off).
    public var presolve: Bool?
    /// Cutting planes (Gomory, MIR, cover, clique).
    public var cuts: Bool = true
    /// Rounds of Gomory mixed-integer cuts at the root beyond the solver's own (GLPK makes at most
    /// seven), until a round moves the relaxation by almost nothing three times in a row; 0 = the
    /// solver's own only. Needs `cuts`. Many more rounds than GLPK's close most of the gap on
    /// rostering weeks (measured: a 16-person week's root from 12859 to 14450 against an optimum
    /// of 14806, where GLPK's own rounds stop near 12900).
    public var rootGomoryRounds = 0
    /// Gomory cuts that take the slack of an integral row (all its columns integer, its coefficients
    /// and bounds integers once scaled by a small number: hours in quarter-hours) as an integer, in
    /// place of the solver's own generator, which takes every slack as continuous: at the root, for
    /// at least the solver's own seven rounds (`rootGomoryRounds` when more), and none at the other
    /// nodes (GLPK's own makes up to seven at a node reached by backtracking). Needs `cuts`.
    /// Measured under a work limit on the 12–60-person weeks: proofs at the root on weeks whose tree
    /// ran out of nodes (a 60-person week with 3.25 h afternoons in 0.6 s against 17 s).
    public var gomoryWithIntegralSlacks = true
    /// With `gomoryWithIntegralSlacks`: how many cuts a root round offers the solver's selection (which
    /// takes those that move the relaxation most, not parallel to one another), from the most
    /// fractional variables; nil: one from every basic integer variable with a fractional value.
    /// GLPK's own generator offers 50. Measured under a work limit: the cuts that close the gap are
    /// seldom from the most fractional variables (a 30-person week's root from 41827 to 41831 with 50,
    /// to 41866 with all 198, against an optimum of 41868; SCIP's Gomory separator, which also
    /// selects among all, reaches 41868 with 30 cuts).
    public var gomoryCutsPerRound: Int?
    /// With `gomoryWithIntegralSlacks`: the root's rounds end once they have taken this multiple of
    /// the root relaxation's own time (at least a second), for a week whose every round costs
    /// seconds (a 150-person week: 2–3 s to derive 550 cuts, as much to solve again); nil: no such end.
    /// A wall-clock rule: leave it nil under a work limit (the same rounds on every machine).
    public var rootGomoryTimeMultiple: Double?
    /// Return the cuts that bind at the root's last relaxation (`SolveResult.rootCuts`), for a later
    /// search on the same model to start from (a MIP solved without presolve only).
    public var keepsRootCuts = false
    /// Dive from the LP relaxation for a first integer point before branching (a MIP only; it needs
    /// the MIP presolver off; with a hint, the better of the two starts the search).
    public var dive: Bool = true
    /// Dive only where the root relaxation took at least this many seconds (0: always). Set where
    /// a search beside the tree brings rosters: on a week whose relaxation is quick, it finds them
    /// sooner than a dive would, and the dive only holds the tree back.
    public var diveMinimumRootSeconds: Double = 0
    /// Branch first on the fractional variables of the highest priority (the rest: the solver's
    /// choice). Honoured when the MIP presolver is off (it renumbers the columns).
    public var branchingPriority: [Variable: Int] = [:]
    /// Shared with a search running at once on another thread: its better points are offered to
    /// this one, and this one's incumbents are posted there (needs the MIP presolver off), and so
    /// is its root relaxation, once as solved and once more with the root's cuts as it branches.
    public var board: IncumbentBoard?
    /// Asked from outside to stop (Ctrl-C): the search ends as `.limitReached(.interruption)` with its best point.
    public var interruption: Interruption?
    /// Called on every new incumbent and about twice a second during a search.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// The solver's own log lines; `nil` keeps it silent.
    public var log: (@Sendable (String) -> Void)?

    public init(timeLimit: Double = 60, relativeGap: Double = 0) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap
    }
}

/// Why the solver stopped. Which limit stopped an unfinished search is a `Limit` of its own, as in
/// MathOpt: whether a solution came with it is the result's `solution`, not another case.
public enum Termination: Sendable, Equatable {
    /// Proven optimal (within the requested gap).
    case optimal
    case infeasible
    /// Unbounded (for a MIP: its relaxation is).
    case unbounded
    /// Stopped before a proof, by this limit (with the best solution so far, if any).
    case limitReached(Limit)
    /// The solver failed; the text says how.
    case solverFailure(String)
}

/// The limit that ended an unfinished search.
public enum Limit: Sendable, Equatable {
    /// The wall-clock limit (`SolveOptions.timeLimit`, or the tree's own).
    case time
    /// The simplex's iteration limit.
    case iterations
    /// The node limit (a work limit: the same point on every machine).
    case nodes
    /// Asked from outside to stop (`SolveOptions.interruption`).
    case interruption
}

/// Cut rounds at the root: how many, and the relaxation's objective before the first and after the last.
public struct RootCutRounds: Sendable, Equatable {
    public var rounds: Int
    public var before: Double
    public var after: Double
    /// The Gomory cuts offered to the solver's selection in those rounds (it keeps some).
    public var cutsOffered: Int
    public init(rounds: Int, before: Double, after: Double, cutsOffered: Int = 0) {
        self.rounds = rounds; self.before = before; self.after = after; self.cutsOffered = cutsOffered
    }
}

public struct SolveStatistics: Sendable, Equatable {
    public var seconds: Double = 0
    public var simplexIterations: Int = 0
    /// Branch-and-bound nodes created (0 for an LP).
    public var nodes: Int = 0
    /// Simplex iterations spent solving children ahead of branching (reliability branching).
    public var strongBranchingIterations: Int = 0
    public var variables: Int = 0
    public var integerVariables: Int = 0
    public var constraints: Int = 0
    public var nonZeros: Int = 0
    /// Whether a hint was accepted as the first incumbent.
    public var hintAccepted: Bool = false
    /// The objective of the dive's integer point, when the dive found one.
    public var diveObjective: Double?
    /// Seconds from the start of the solve to the end of the root relaxation (loading included),
    /// when one was solved before branching.
    public var rootSeconds: Double?
    /// The root relaxation before and after the extra Gomory rounds, and how many rounds were made.
    public var rootGomory: RootCutRounds?

    public init() {}
    /// No work done yet on the model: its size only.
    public init(_ model: Model) {
        variables = model.variables.count
        integerVariables = model.integerVariableCount
        constraints = model.constraints.count
    }
}

public struct Solution: Sendable {
    /// By variable index.
    public var values: [Double]
    public var objective: Double
    public init(values: [Double], objective: Double) { self.values = values; self.objective = objective }
    public func value(_ v: Variable) -> Double { values[v.index] }
    public func value(_ e: LinearExpression) -> Double { e.value(values) }
}

public struct SolveResult: Sendable {
    public var termination: Termination
    /// The best solution found, if any (feasible; optimal when `termination == .optimal`).
    public var solution: Solution?
    /// Best proven bound on the objective.
    public var bound: Double?
    /// For LPs solved to optimality: row duals (by constraint index) and reduced costs (by variable index).
    public var duals: [Double]?
    public var reducedCosts: [Double]?
    public var statistics: SolveStatistics
    /// With `SolveOptions.keepsRootCuts`: the cuts that bound the root's relaxation when the search
    /// left the root, valid for every integer point of the model.
    public var rootCuts: [ConstraintDefinition] = []
    /// With `SolveOptions.keepsRootCuts`: the root's relaxation (with those cuts) as the search left
    /// the root, for reduced-cost fixing once a better roster is known (`Model.reducedCostFixings`).
    public var rootRelaxation: RootRelaxation?

    public init(termination: Termination, solution: Solution?, bound: Double?, duals: [Double]? = nil,
                reducedCosts: [Double]? = nil, statistics: SolveStatistics) {
        self.termination = termination; self.solution = solution; self.bound = bound
        self.duals = duals; self.reducedCosts = reducedCosts; self.statistics = statistics
    }

    public var objective: Double? { solution?.objective }
    /// Relative gap |objective − bound| / max(|objective|, 1e-9).
    public var gap: Double? { relativeGap(solution?.objective, bound) }
}

/// A relaxation's objective and, for each variable (by index), what each unit it moves off the
/// bound it sits at costs that objective (its reduced cost, the worse way: 0 for a basic variable).
public struct RootRelaxation: Sendable, Equatable {
    public var objective: Double
    public var costPerUnit: [Double]
    /// Whether the variable sits at its upper bound (else at its lower one, where it has a cost).
    public var atUpper: [Bool]
    public init(objective: Double, costPerUnit: [Double], atUpper: [Bool]) {
        self.objective = objective; self.costPerUnit = costPerUnit; self.atUpper = atUpper
    }
}

extension Model {
    /// Reduced-cost fixing: the integer variables that keep the bound they sit at in `root` in
    /// every point whose objective is at most `objective` (at least, when maximising), each with
    /// that bound: moving one off it by a unit (the least an integer moves) would cost the
    /// relaxation more than the gap. A point at exactly `objective` (the best roster) stays in.
    public func reducedCostFixings(_ root: RootRelaxation, within objective: Double) -> [(variable: Variable, value: Double)] {
        guard root.costPerUnit.count == variables.count, root.atUpper.count == variables.count else { return [] }
        let gap = sense == .minimize ? objective - root.objective : root.objective - objective
        let tolerance = 1e-6 * max(1, abs(objective))
        var fixed: [(variable: Variable, value: Double)] = []
        for (j, definition) in variables.enumerated() where definition.kind != .continuous && root.costPerUnit[j] > gap + tolerance {
            guard let value = root.atUpper[j] ? definition.upper : definition.lower, value != (root.atUpper[j] ? definition.lower : definition.upper) else { continue }
            fixed.append((variable(j), value))
        }
        return fixed
    }
}

/// |incumbent − bound| / max(|incumbent|, 1e-9), when both are known.
public func relativeGap(_ incumbent: Double?, _ bound: Double?) -> Double? {
    guard let incumbent, let bound else { return nil }
    return abs(incumbent - bound) / max(abs(incumbent), 1e-9)
}

/// The better of two bounds (the larger when minimising), either one missing.
public func tighter(_ bound: Double?, _ other: Double?, minimize: Bool) -> Double? {
    guard let bound else { return other }
    guard let other else { return bound }
    return minimize ? max(bound, other) : min(bound, other)
}

/// A backend that solves `Model`s. Each call is independent and synchronous, and may run on any
/// thread; two calls may run on two threads at once.
public protocol Solver: Sendable {
    var name: String { get }
    var version: String { get }
    func solve(_ model: Model, options: SolveOptions) -> SolveResult
    /// The model's linear relaxation kept loaded, to add columns to and solve again from the last
    /// basis (column generation); nil when the backend cannot (then solve the model anew each time).
    func linearProgram(_ model: Model) -> (any ResolvableLinearProgram)?
}

extension Solver {
    public func linearProgram(_ model: Model) -> (any ResolvableLinearProgram)? { nil }
}

/// A linear program held by a solver between solves: columns are added to it, and each solve
/// starts from the basis the last one ended with (a restricted master of column generation gains
/// a new column or a few per round; solved anew each time, GLPK took 1 → 6 s per round at 300
/// people). Bound to the thread that made it, like the solver's own state.
public protocol ResolvableLinearProgram: AnyObject {
    /// Appends a continuous column with this cost, bounds and (constraint index, coefficient)
    /// terms; returns its variable index. Throws, changing nothing, on a bad index or value.
    @discardableResult
    func addColumn(cost: Double, lower: Double?, upper: Double?, terms: [(constraint: Int, coefficient: Double)]) throws -> Int
    /// Solves the current program: `.optimal` with values, duals and reduced costs, or why not.
    func solve(timeLimit: Double) -> SolveResult
}

/// A stop asked from outside (a planner's Ctrl-C): every search polls it and returns what it has.
public final class Interruption: Sendable {
    private let flag = Atomic<Bool>(false)
    private let parent: Interruption?
    /// `following`: a stop asked of that one stops this one too (not the other way round).
    public init(following parent: Interruption? = nil) { self.parent = parent }
    public func interrupt() { flag.store(true, ordering: .relaxed) }
    public var isInterrupted: Bool { flag.load(ordering: .relaxed) || parent?.isInterrupted == true }
}

/// Where two searches running at once (branch-and-cut on one thread, a neighbourhood search on the
/// other) leave their best point for each other. Each side reads it at its own moments, so a run
/// that uses one is not reproducible to the byte: runs with a work limit do not share.
public final class IncumbentBoard: Sendable {
    public struct Entry: Sendable {
        /// By variable index.
        public var values: [Double]
        public var objective: Double
        /// Which search posted it.
        public var source: String
    }
    private let best = Mutex<Entry?>(nil)
    private let finishedFlag = Mutex(false)
    /// Every relaxation kept, in order (generation k at k − 1; the last is the one held), and the
    /// strength of the one held.
    private let kept = Mutex<(values: [[Double]], strength: Int)>(([], 0))
    private let admits: (@Sendable ([Double]) -> Bool)?
    private let refusedPoints = Mutex<[String]>([])

    /// `admitting`: the test every posted point must pass (the model's rows and bounds), so that a
    /// search never takes a point another one got wrong as its incumbent: GLPK prunes every node
    /// above an incumbent it is offered without checking its rows.
    public init(admitting admits: (@Sendable ([Double]) -> Bool)? = nil) { self.admits = admits }

    /// The sources of the points refused by the test, in order (none: every point passed).
    public var refused: [String] { refusedPoints.withLock { $0 } }

    public var entry: Entry? { best.withLock { $0 } }

    /// The whole model's relaxation (by variable index), once a search has solved one: where it
    /// agrees with a roster, a neighbourhood search may keep that roster fixed.
    public var relaxation: [Double]? { kept.withLock { $0.values.last } }
    /// Counts the relaxations kept (0: none yet), so that a reader sees when a stronger one came.
    public var relaxationGeneration: Int { kept.withLock { $0.values.count } }
    /// The relaxation kept as `generation` (from 1), even where a later one replaced it: a reader
    /// busy while two came rounds both.
    public func relaxation(generation: Int) -> [Double]? {
        kept.withLock { generation >= 1 && generation <= $0.values.count ? $0.values[generation - 1] : nil }
    }
    /// Keeps `values` unless the one held is stronger: the root relaxation has strength 0, a
    /// tighter one (a decomposition's master) more; the same strength replaces, but the same
    /// values again (a second tree's root) are not a new relaxation.
    public func postRelaxation(_ values: [Double], strength: Int = 0) {
        kept.withLock { kept in
            if let held = kept.values.last, strength < kept.strength || (strength == kept.strength && values == held) { return }
            kept.values.append(values)
            kept.strength = strength
        }
    }

    /// Keeps the point if it beats the one held (minimising); returns whether it did.
    @discardableResult
    public func post(_ values: [Double], objective: Double, source: String) -> Bool {
        guard best.withLock({ $0 == nil || objective < $0!.objective - 1e-9 }) else { return false }
        if let admits, !admits(values) {
            refusedPoints.withLock { $0.append(source) }
            return false
        }
        return best.withLock { held in
            guard held == nil || objective < held!.objective - 1e-9 else { return false }
            held = Entry(values: values, objective: objective, source: source)
            return true
        }
    }

    /// Set when one search has finished (proved optimality, or ran out of time).
    public var finished: Bool { finishedFlag.withLock { $0 } }
    public func finish() { finishedFlag.withLock { $0 = true } }
}
