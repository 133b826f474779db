// SPDX-License-Identifier: GPL-3.0-or-later
//
// The GLPK backend: loads a `Model` into a GLPK problem, solves it on the calling thread, reads the
// result back and frees the problem before returning.

import GLPK
import Modelling

public struct GLPKSolver: Solver {
    public init() {}

    public var name: String { "GLPK" }
    public var version: String { GLPK.version }

    public func solve(_ model: Model, options: SolveOptions) -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        var stats = SolveStatistics(model)
        func elapsed() -> Double { (clock.now - start).seconds }
        var rootCuts: [ConstraintDefinition] = []
        var rootRelaxation: RootRelaxation?
        func finish(_ termination: Termination, _ solution: Solution? = nil, bound: Double? = nil,
                    duals: [Double]? = nil, reducedCosts: [Double]? = nil) -> SolveResult {
            stats.seconds = elapsed()
            var result = SolveResult(termination: termination, solution: solution, bound: bound, duals: duals,
                                     reducedCosts: reducedCosts, statistics: stats)
            result.rootCuts = rootCuts
            result.rootRelaxation = rootRelaxation
            return result
        }
        guard options.timeLimit.isFinite, options.timeLimit > 0 else {
            return finish(.solverFailure("the time limit must be a positive number of seconds, not \(options.timeLimit)"))
        }
        let problem: GLPKProblem
        do {
            problem = try load(model)
            problem.scale()
        } catch {
            return finish(.solverFailure(error.description))
        }
        stats.nonZeros = problem.nonZeroCount
        /// The time limit, moved closer after the root relaxation by `treeTimeLimit`.
        var limit = options.timeLimit
        func remainingMilliseconds() -> Int { Int(min(1e9, max(1, (limit - elapsed()) * 1000))) }
        let log = options.log.map { handler in { (line: String) in handler(line) } }

        let isMIP = model.integerVariableCount > 0
        let diving = isMIP && options.dive
        let presolve = options.presolve ?? (options.hint.isEmpty && !diving && options.board == nil)
        var rootSeconds = 0.0
        if !isMIP || !presolve {
            defer { rootSeconds = elapsed() }
            var parameters = GLPKSimplexParameters()
            parameters.timeLimitMilliseconds = remainingMilliseconds()
            if options.longStepRelaxation {
                // The textbook ratio test for the relaxation's first second, so that a relaxation
                // that ends by then reaches the vertex a search under a work limit reaches (and
                // its cuts); past it, the long-step test from the basis reached.
                parameters.timeLimitMilliseconds = min(parameters.timeLimitMilliseconds, Self.textbookRatioTestMilliseconds)
            }
            var code = problem.simplex(parameters, log: log)
            if options.longStepRelaxation, code == .timeLimit, limit - elapsed() > 0.001 {
                parameters.longStep = true
                parameters.timeLimitMilliseconds = remainingMilliseconds()
                code = problem.simplex(parameters, log: log)
            }
            stats.simplexIterations = problem.simplexIterations
            if let stopped = simplexTermination(code, problem.basicStatus, dualInfeasibleIsUnbounded: isMIP) { return finish(stopped) }
            if isMIP, let board = options.board {
                board.postRelaxation(Array(problem.basicColumnValues.dropFirst()))
                options.progress?(SolveProgress(incumbent: nil, bound: problem.basicObjective, seconds: elapsed(), nodes: 0))
            }
            if !isMIP {
                let values = Array(problem.basicColumnValues.dropFirst())
                let objective = problem.basicObjective
                return finish(.optimal, Solution(values: values, objective: objective), bound: objective,
                              duals: Array(problem.rowDuals.dropFirst()),
                              reducedCosts: Array(problem.reducedCosts.dropFirst()))
            }
        }

        // Branch and cut.
        if !isMIP || !presolve { stats.rootSeconds = rootSeconds }
        var shareEnds: Double?
        if var tree = options.treeTimeLimit {
            if let multiple = options.treeRootMultiple { tree = min(tree, max(1, multiple * rootSeconds)) }
            if options.treeShareIsLimit?(rootSeconds) ?? true {
                limit = min(limit, elapsed() + max(0, tree))
            } else {
                shareEnds = elapsed() + max(0, tree)
            }
        }
        var firstIncumbent = completion(of: options.hint, in: model, problem: problem, presolve: presolve)
        var firstIsHint = firstIncumbent != nil
        // GLPK takes an offered point without checking its rows, and then prunes every node above it:
        // only a point the model admits is offered.
        if let point = firstIncumbent, !model.isFeasible(Array(point.dropFirst())) {
            options.log?("the hint's completion breaks a row of the model: not offered")
            firstIncumbent = nil
        }
        if diving && !presolve && rootSeconds >= options.diveMinimumRootSeconds {
            // The dive's point, or the hint's when that is better.
            var dive = Dive(model: model, remainingMilliseconds: remainingMilliseconds)
            if let dived = dive.run(from: problem), model.isFeasible(Array(dived.dropFirst())) {
                let objective = model.objectiveValue(Array(dived.dropFirst()))
                stats.diveObjective = objective
                if firstIncumbent.map({ objective < model.objectiveValue(Array($0.dropFirst())) }) ?? true {
                    firstIncumbent = dived
                    firstIsHint = false
                }
                options.board?.post(Array(dived.dropFirst()), objective: objective, source: "dive")
            }
        }
        // Branch-and-cut's first steps on a large model (its root's cut rounds, conflict graph) run
        // for a long while between two checks of the clock: with less than the root relaxation's own
        // time left when that took over a second (a tenth of it on a small model, so that a short
        // limit on a tiny week still proves), do not start it; the relaxation's value is the bound,
        // and the dive's or the hint's point the solution. (Measured: 2.5 s past a 10 s limit at
        // 1000 people when the tree started with half a second left after a 4 s root.)
        let treeNeeds = rootSeconds > 1 ? rootSeconds : 0.1 * rootSeconds
        if !presolve, limit - elapsed() < treeNeeds {
            stats.simplexIterations = problem.simplexIterations
            let point = firstIncumbent.map { Array($0.dropFirst()) }
            return finish(.limitReached(.time), point.map { Solution(values: $0, objective: model.objectiveValue($0)) },
                          bound: tighter(problem.basicObjective, options.knownBound, minimize: model.sense == .minimize))
        }
        var treeOptions = options
        treeOptions.timeLimit = limit
        let search = SearchState(model: model, options: treeOptions, firstIncumbent: firstIncumbent, elapsed: elapsed)
        search.shareEnds = shareEnds
        search.rootSeconds = rootSeconds
        if !presolve { search.prioritise(options.branchingPriority) }
        var parameters = GLPKIntegerParameters()
        parameters.timeLimitMilliseconds = remainingMilliseconds()
        parameters.relativeGap = options.relativeGap
        parameters.presolve = presolve
        parameters.gomoryCuts = options.cuts && !options.gomoryWithIntegralSlacks
        parameters.mirCuts = options.cuts
        parameters.coverCuts = options.cuts
        parameters.cliqueCuts = options.cuts
        // Pseudo-cost branching starts by solving two relaxations per fractional column, without
        // looking at the clock (measured: 110 s on a 300-person week before the first branch). When
        // the root relaxation alone took more than a twentieth of the time, branch by Driebeck and
        // Tomlin's rule instead, which solves none. (Not under a node limit: a clock must not change
        // the tree a work limit makes the same everywhere.)
        if options.quickBranching || (options.nodeLimit == nil && rootSeconds > 0.05 * options.timeLimit) {
            parameters.branching = .driebeckTomlin
        } else if options.reliabilityBranching {
            search.reliability = ReliabilityBranching(columns: model.variables.count) {
                elapsed() >= limit || options.interruption?.isInterrupted == true
            }
        }
        let code = problem.branchAndCut(parameters, log: log) { tree in search.observe(tree) }
        stats.simplexIterations = problem.simplexIterations
        stats.nodes = search.nodes
        stats.strongBranchingIterations = search.reliability?.strongIterations ?? 0
        stats.hintAccepted = search.hintAccepted && firstIsHint
        rootCuts = search.rootCuts ?? []
        rootRelaxation = search.rootRelaxation
        if let before = search.firstRootObjective, let after = search.rootObjective {
            stats.rootGomory = RootCutRounds(rounds: search.rootGomoryRounds, before: before, after: after,
                                             cutsOffered: search.rootGomoryCuts)
        }
        let status = problem.integerStatus
        var solution: Solution?
        if status == .optimal || status == .feasible {
            // Integer columns exactly whole, and the objective summed from them (GLPK's own sum carries
            // the node relaxation's rounding errors: 20.999999999999996 for 21).
            var values = Array(problem.integerColumnValues.dropFirst())
            for (j, v) in model.variables.enumerated() where v.kind != .continuous { values[j] = values[j].rounded() }
            solution = Solution(values: values, objective: model.objectiveValue(values))
        }
        if let point = solution?.values, !model.isFeasible(point) {
            // Whatever GLPK proved from it is no proof.
            return finish(.solverFailure("branch-and-cut's integer point breaks a row of the model"))
        }
        switch code {
        case .ok where status == .optimal:
            return finish(.optimal, solution, bound: solution?.objective)
        case .ok where status == .noFeasible, .noPrimalFeasible:
            return finish(.infeasible)
        case .noDualFeasible:
            return finish(.unbounded)
        case .mipGapReached:
            return finish(.optimal, solution, bound: search.bound)
        case .stoppedByApplication where search.proved:
            return finish(.optimal, solution, bound: search.bound)
        case .stoppedByApplication where search.reachedNodeLimit:
            return finish(.limitReached(.nodes), solution, bound: search.bound)
        case .stoppedByApplication where search.reachedTimeLimit, .timeLimit:
            return finish(.limitReached(.time), solution, bound: search.bound)
        case .stoppedByApplication:
            return finish(.limitReached(.interruption), solution, bound: search.bound)
        case .iterationLimit:
            return finish(.limitReached(.iterations), solution, bound: search.bound)
        default:
            return finish(.solverFailure("branch-and-cut ended with \(code), solution \(status)"), solution, bound: search.bound)
        }
    }

    /// A full column vector (index 0 unused) extending the hint, found by solving the LP with the
    /// hinted variables fixed; `nil` when there is no hint, presolve is on, or it cannot be completed
    /// to an integer point.
    private func completion(of hint: [Variable: Double], in model: Model, problem: GLPKProblem,
                            presolve: Bool) -> [Double]? {
        guard !hint.isEmpty, !presolve, let copy = try? problem.copy() else { return nil }
        for (v, value) in hint.sorted(by: { $0.key < $1.key }) {
            guard v.index < model.variables.count, value.isFinite else { return nil }
            let def = model.variables[v.index]
            let x = def.kind == .continuous ? value : value.rounded()
            if let lo = def.lower, x < lo - 1e-9 { return nil }
            if let up = def.upper, x > up + 1e-9 { return nil }
            guard (try? copy.setColumnBounds(v.index + 1, .fixed(x))) != nil else { return nil }
        }
        guard copy.simplex() == .ok, copy.basicStatus == .optimal else { return nil }
        var values = copy.basicColumnValues
        for (j, def) in model.variables.enumerated() where def.kind != .continuous {
            let x = values[j + 1]
            guard abs(x - x.rounded()) < 1e-7 else { return nil }
            values[j + 1] = x.rounded()
        }
        return values
    }

    // MARK: Loading

    /// Builds the GLPK problem for a model (every argument was checked when the model was built,
    /// and is checked again by the GLPK layer).
    func load(_ model: Model) throws(GLPKError) -> GLPKProblem {
        let problem = try GLPKProblem()
        problem.setMinimize(model.sense == .minimize)
        if !model.variables.isEmpty {
            try problem.addColumns(model.variables.count)
        }
        for (i, v) in model.variables.enumerated() {
            let j = i + 1
            try problem.setColumnName(j, v.name)
            switch v.kind {
            case .continuous: try problem.setColumnKind(j, .continuous)
            case .integer: try problem.setColumnKind(j, .integer)
            case .binary: try problem.setColumnKind(j, .integer) // bounds already [0, 1]
            }
            try problem.setColumnBounds(j, .between(v.lower, v.upper))
        }
        if !model.constraints.isEmpty {
            try problem.addRows(model.constraints.count)
        }
        for (k, c) in model.constraints.enumerated() {
            let i = k + 1
            try problem.setRowName(i, c.name)
            try problem.setRowBounds(i, .between(c.lower, c.upper))
            try problem.setRow(i, columns: c.terms.map { $0.variable.index + 1 }, coefficients: c.terms.map(\.coefficient))
        }
        try problem.setObjectiveCoefficient(0, model.objectiveConstant)
        for t in model.objective {
            try problem.setObjectiveCoefficient(t.variable.index + 1, t.coefficient)
        }
        return problem
    }

    /// How long a relaxation asked to use the long-step ratio test runs by the textbook one first.
    static let textbookRatioTestMilliseconds = 1000

    /// Writes the model in CPLEX LP format (through GLPK's writer).
    public func writeLP(_ model: Model, to path: String) throws(GLPKError) {
        try load(model).writeLP(to: path)
    }

    /// Writes the model in free MPS format (through GLPK's writer).
    public func writeMPS(_ model: Model, to path: String) throws(GLPKError) {
        try load(model).writeMPS(to: path)
    }
}

/// What the branch-and-cut callback keeps between events.
private final class SearchState {
    let options: SolveOptions
    let minimize: Bool
    let constant: Double
    var firstIncumbent: [Double]?
    let elapsed: () -> Double
    var bound: Double?
    var nodes = 0
    var proved = false
    var reachedNodeLimit = false
    var reachedTimeLimit = false
    /// When the tree's share ends, where it is a moment rather than a limit (`SolveOptions.atTreeShare`).
    var shareEnds: Double?
    var interrupted = false
    var hintAccepted = false
    var lastReport = -1.0
    /// The extra Gomory rounds at the root: how many were made, the relaxation before the first and
    /// at the last, how many rounds in a row moved it by almost nothing, and the rows before them.
    var rootGomoryRounds = 0
    var rootGomoryCuts = 0
    /// When the root's Gomory rounds began, and how long the root relaxation took (for `rootGomoryTimeMultiple`).
    var rootGomoryStart = 0.0
    var rootSeconds = 0.0
    var rootObjective: Double?
    var firstRootObjective: Double?
    var rootStalls = 0
    var rowsBefore = 0
    /// The cuts binding at the root when the search left it (`SolveOptions.keepsRootCuts`).
    var rootCuts: [ConstraintDefinition]?
    /// The root's relaxation at the same moments (`SolveOptions.keepsRootCuts`).
    var rootRelaxation: RootRelaxation?
    var leftRoot = false
    /// The model searched: its rows for the root's cuts, its objective for points posted to a board.
    let model: Model

    /// Column count and integer columns (0-based), for points posted to a board.
    let columns: Int
    let integerColumns: [Int]

    init(model: Model, options: SolveOptions, firstIncumbent: [Double]?, elapsed: @escaping () -> Double) {
        self.options = options
        columns = model.variables.count
        integerColumns = model.variables.indices.filter { model.variables[$0].kind != .continuous }
        self.model = model
        minimize = model.sense == .minimize
        constant = model.objectiveConstant
        self.firstIncumbent = firstIncumbent
        self.elapsed = elapsed
    }

    /// Columns (1-based) by priority, highest first, each class in column order.
    private var priorityClasses: [[Int]] = []

    func prioritise(_ priorities: [Variable: Int]) {
        let byPriority = Dictionary(grouping: priorities.filter { $0.value > 0 }, by: \.value)
        priorityClasses = byPriority.keys.sorted(by: >).map { byPriority[$0]!.map { $0.key.index + 1 }.sorted() }
    }

    /// Chooses the column to branch on where no priority class has a fractional one (nil: GLPK's rule).
    var reliability: ReliabilityBranching?

    /// At a branching event: the most fractional column of the highest class that has one; false
    /// when none has.
    private func branchByPriority(_ tree: GLPKSearchTree) -> Bool {
        for columns in priorityClasses {
            var best: (column: Int, distance: Double)?
            for j in columns where tree.canBranch(on: j) {
                let x = tree.nodeValue(j), distance = abs(x - x.rounded())
                if best == nil || distance > best!.distance + 1e-9 { best = (j, distance) }
            }
            if let best {
                tree.branch(on: best.column)
                return true
            }
        }
        return false
    }

    /// At the root's cut event: another round of Gomory cuts, unless the rounds are done, the last
    /// three moved the relaxation by less than GLPK's own threshold (1e-4 relative), the cuts
    /// already number as many as GLPK allows itself (the columns, at least 1000), or the rounds
    /// have taken their share of time (`rootGomoryTimeMultiple`).
    private func rootGomory(_ tree: GLPKSearchTree) {
        let objective = tree.nodeObjective
        if let last = rootObjective {
            rootStalls = abs(objective - last) < 1e-4 * (1 + abs(last)) ? rootStalls + 1 : 0
        } else {
            rowsBefore = tree.rowCount
            firstRootObjective = objective
            rootGomoryStart = elapsed()
        }
        rootObjective = objective
        let rounds = options.gomoryWithIntegralSlacks ? max(Self.solverGomoryRounds, options.rootGomoryRounds) : options.rootGomoryRounds
        guard rootGomoryRounds < rounds, rootStalls < 3, tree.rowCount - rowsBefore < max(columns, 1000) else { return }
        if options.gomoryWithIntegralSlacks, let multiple = options.rootGomoryTimeMultiple,
           elapsed() - rootGomoryStart > max(1, multiple * rootSeconds) { return }
        let perRound = options.gomoryWithIntegralSlacks ? options.gomoryCutsPerRound ?? .max : Self.solverGomoryCutsPerRound
        let offered = tree.addGomoryCuts(atMost: perRound, integralSlacks: options.gomoryWithIntegralSlacks)
        if offered > 0 {
            rootGomoryRounds += 1
            rootGomoryCuts += offered
        }
    }

    /// GLPK's own Gomory generator's cuts per round (`glp_gmi_gen`'s limit).
    static let solverGomoryCutsPerRound = 50

    /// GLPK's own Gomory rounds at a node (at most seven): as many at the root at least where
    /// `SolveOptions.gomoryWithIntegralSlacks` replaces its generator.
    static let solverGomoryRounds = 7

    /// GLPK's classes of cuts (`GLP_RF_GMI` …), as the kept cuts' names say them.
    static let cutClasses = [1: "gomory", 2: "mir", 3: "cover", 4: "clique"]

    /// Keeps the cuts binding at the root: after each of its rounds (GLPK's own clock may end the
    /// search without a callback) and at a roster found there, the last time as the search leaves
    /// it (its first branch).
    private func keepRootCuts(_ tree: GLPKSearchTree) {
        guard options.keepsRootCuts, !leftRoot, tree.currentLevel == 0, tree.columnCount == columns else { return }
        if tree.event != .betterSolution {
            // The node's relaxation is optimal here: its reduced costs, the worse way for each column.
            let sign = minimize ? 1.0 : -1.0
            let costs = tree.nodeReducedCosts.dropFirst()
            rootRelaxation = RootRelaxation(objective: tree.nodeObjective,
                                            costPerUnit: costs.map { $0.side == 0 ? 0 : max(0, -Double($0.side) * sign * $0.cost) },
                                            atUpper: costs.map { $0.side == 1 })
        }
        let rows = tree.bindingRows(from: model.constraints.count + 1)
        rootCuts = rows.enumerated().compactMap { k, row in
            model.cleanCut(named: "root_cut[\(k + 1),\(Self.cutClasses[row.kind] ?? "other")]", terms: zip(row.columns, row.coefficients).map { (model.variable($0 - 1), $1) },
                           lower: row.lower, upper: row.upper)
        }
    }

    func observe(_ tree: GLPKSearchTree) {
        let event = tree.event
        if event == .cutGeneration || event == .branching || event == .betterSolution { keepRootCuts(tree) }
        if event == .branching, !leftRoot, let board = options.board, tree.currentLevel == 0, tree.columnCount == columns {
            // The root relaxation with its cuts, nearer a roster than the one without: a second
            // vertex for the neighbourhood search to round (what HiGHS's and SCIP's sub-MIPs start
            // from; measured at 60 s, the README's performance section).
            board.postRelaxation((1...columns).map { tree.nodeValue($0) })
        }
        if event == .branching { leftRoot = true }
        if event == .cutGeneration, options.cuts, tree.currentLevel == 0,
           options.rootGomoryRounds > 0 || options.gomoryWithIntegralSlacks { rootGomory(tree) }
        if event == .rowGeneration { reliability?.observe(tree) }
        if event == .branching, !branchByPriority(tree), let reliability {
            _ = reliability.branch(tree, cutoff: tree.incumbent)
        }
        if event == .heuristic, let values = firstIncumbent {
            firstIncumbent = nil
            hintAccepted = tree.offer(values)
        } else if event == .heuristic, let board = options.board, let entry = board.entry,
                  entry.objective < (tree.incumbent ?? .infinity) - 1e-9, entry.values.count == columns {
            _ = tree.offer([0] + entry.values)
        }
        if event == .betterSolution, let board = options.board, let values = tree.incumbentValues, values.count == columns + 1 {
            var point = Array(values.dropFirst())
            for j in integerColumns { point[j] = point[j].rounded() }
            board.post(point, objective: model.objectiveValue(point), source: "branch-and-cut")
        }
        if let b = tree.bestBound { bound = b }
        bound = tighter(bound, options.knownBound, minimize: minimize)
        nodes = max(nodes, tree.nodeCounts.created)
        let incumbent = tree.incumbent
        let now = elapsed()
        if let progress = options.progress, event == .betterSolution || now - lastReport >= 0.5 {
            lastReport = now
            progress(SolveProgress(incumbent: incumbent, bound: bound, seconds: now, nodes: nodes))
        }
        if options.interruption?.isInterrupted == true, !interrupted {
            interrupted = true
            tree.terminate()
        }
        if let limit = options.nodeLimit, nodes >= limit, !reachedNodeLimit {
            reachedNodeLimit = true
            tree.terminate()
        }
        if let end = shareEnds, now >= end {
            shareEnds = nil
            options.atTreeShare?()
        }
        // GLPK checks its own limit between nodes only; a long round of cuts on a large week can
        // overrun it by minutes. Every callback checks it too.
        if now >= options.timeLimit, !reachedTimeLimit {
            reachedTimeLimit = true
            tree.terminate()
        }
        // A known bound within the requested gap of the incumbent proves it (GLPK's own gap test
        // sees only the tree's bound).
        if let incumbent, let b = bound, options.relativeGap > 0, let gap = relativeGap(incumbent, b),
           gap <= options.relativeGap, event == .selection || event == .betterSolution {
            proved = true
            tree.terminate()
        }
        // Integral objective: stop when no better multiple of the step can lie above the bound.
        if let step = options.objectiveStep, step > 0, let incumbent, let b = bound,
           event == .selection || event == .betterSolution {
            let tolerance = 1e-6 * step
            let rounded = minimize
                ? constant + step * ((b - constant) / step - 1e-6).rounded(.up)
                : constant + step * ((b - constant) / step + 1e-6).rounded(.down)
            if minimize ? rounded >= incumbent - tolerance : rounded <= incumbent + tolerance {
                proved = true
                bound = incumbent
                tree.terminate()
            }
        }
    }
}

/// Why a simplex did not end with an optimal basis; nil when it did. A dual-infeasible start
/// counts as unbounded where `dualInfeasibleIsUnbounded` (a MIP's relaxation, a master LP).
func simplexTermination(_ code: GLPKReturnCode, _ status: GLPKSolutionStatus, dualInfeasibleIsUnbounded: Bool) -> Termination? {
    switch (code, status) {
    case (_, .noFeasible), (.noPrimalFeasible, _): return .infeasible
    case (.noDualFeasible, _) where dualInfeasibleIsUnbounded: return .unbounded
    case (_, .unbounded): return .unbounded
    case (.timeLimit, _): return .limitReached(.time)
    case (.iterationLimit, _): return .limitReached(.iterations)
    case (.ok, .optimal): return nil
    default: return .solverFailure("simplex ended with \(code), solution \(status)")
    }
}
