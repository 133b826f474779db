// SPDX-License-Identifier: GPL-3.0-or-later
//
// From a scenario to a roster: build the model, solve it, read the roster back, and check it with
// the independent checker (whose term values are the ones reported).

import Dispatch
import Modelling
import ModellingGLPK
import Synchronization
import ParcoursScenario

public struct EngineOptions: Sendable {
    /// Seconds for the whole solve.
    public var timeLimit: Double = 60
    /// Relative MIP gap at which a roster counts as optimal; 0 = proven optimal.
    public var relativeGap: Double = 0
    /// Branch-and-bound nodes at most (the same on every machine, unlike the time limit).
    public var nodeLimit: Int?
    /// A work limit: branch-and-cut on the whole week for `nodeLimit` nodes (1000 when not given),
    /// the decomposition bound, then this many rounds of the neighbourhood search, one after the
    /// other. The same input and options then give the same roster on every machine. Without it, the two run at once on
    /// two threads until the time limit or a proof, sharing their rosters.
    public var effort: Int?
    /// Threads: sub-problems solved at once with a work limit; without one, 2 runs branch-and-cut
    /// beside the neighbourhood search, 1 runs them one after the other.
    public var threads = 2
    /// Seed of the neighbourhood search's choices.
    public var seed: UInt64 = 1
    /// The bound of the decomposition by participant (column generation: each participant's week
    /// priced exactly by `ParticipantWeekPricer` against the rows that link them), when a first
    /// branch-and-cut has not proved the week: far tighter than the relaxation on many weeks (a
    /// 25 % gap closed to 0.02 % at 40 people). Its integer master offers a roster too.
    public var decompositionBound = true
    /// Asked from outside to stop (the command line's Ctrl-C): the engine returns the best roster so far.
    public var interruption: Interruption?
    /// Replanning: periods before this one keep the baseline's assignments.
    public var frozenBefore: Period?
    public var progress: (@Sendable (SolveProgress) -> Void)?
    public var log: (@Sendable (String) -> Void)?

    public init(timeLimit: Double = 60, relativeGap: Double = 0) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap
    }
}

public struct RosterEngine: Sendable {
    public let solver: any Solver

    public init(solver: any Solver = GLPKSolver()) { self.solver = solver }

    public func solve(_ scenario: Scenario, options: EngineOptions = EngineOptions()) -> Roster {
        let clock = ContinuousClock(), start = clock.now
        func seconds() -> Double { (clock.now - start).seconds }
        var roster = Roster(scenario: scenario.name, status: .noSolution,
                            solver: Roster.SolverInfo(name: solver.name, version: solver.version, seconds: 0))
        let built: RosterModel
        do {
            built = try RosterModel(scenario: scenario, frozenBefore: options.frozenBefore)
        } catch {
            roster.explanation = "The scenario could not be turned into a model: \(error.description)."
            roster.solver.seconds = seconds()
            return roster
        }
        if !built.impossible.isEmpty {
            roster.status = .infeasible
            roster.explanation = "No roster can satisfy every hard rule: " + built.impossible.joined(separator: "; ") + "."
            roster.solver.seconds = seconds()
            return roster
        }
        let (result, best) = searchWithinTheLimit(built, options: options, elapsed: seconds)
        roster.statistics = Roster.Statistics(variables: result.statistics.variables, constraints: result.statistics.constraints,
                                              simplexIterations: result.statistics.simplexIterations, nodes: result.statistics.nodes)
        switch (result.termination, best) {
        case (.optimal, let solution?):
            roster.status = .optimal
            fill(&roster, from: solution, of: built, bound: result.bound)
        case (_, let solution?):
            roster.status = .feasible
            // A Lagrangian bound from poor duals can lie below even the variables' own bounds.
            fill(&roster, from: solution, of: built, bound: tighter(result.bound, built.model.boundFromVariableBounds, minimize: true))
        case (.infeasible, nil):
            roster.status = .infeasible
            roster.explanation = InfeasibilityExplainer(solver: solver).explain(scenario, frozenBefore: options.frozenBefore)
        case (.limitReached(.interruption), nil):
            roster.explanation = "The search was interrupted before it found a roster."
        case (.limitReached, nil):
            roster.explanation = "No roster was found within the time limit; "
                + "give more time (--time-limit) or a looser gap (--gap)."
        case (let other, nil):
            roster.explanation = "The solver stopped without a roster (\(other))."
        }
        roster.solver.seconds = seconds()
        if roster.hasSolution {
            options.progress?(SolveProgress(incumbent: roster.objective, bound: roster.bound, seconds: roster.solver.seconds,
                                            nodes: roster.statistics?.nodes ?? 0))
        }
        return roster
    }

    /// Seconds past the time limit at most before the engine answers with the best roster so far.
    static let grace = 0.5

    /// The search on a worker thread, waited for until the time limit (and `grace`): GLPK's longest
    /// steps (a large root's cut rounds, its first factorisation) do not look at the clock between
    /// their start and their end, and on a busy machine they overran a 10 s limit by 5 s at 1000
    /// people. Past that wall the best roster on the board is the answer (with the best bound
    /// reported so far), and the worker is asked to stop; it ends in the background.
    private func searchWithinTheLimit(_ built: RosterModel, options: EngineOptions, elapsed: () -> Double) -> (SolveResult, Solution?) {
        let deadline = ContinuousClock.now + .seconds(max(0, options.timeLimit - elapsed()))
        let model = built.model
        let board = IncumbentBoard(admitting: { model.isFeasible($0) })
        let merged = ProgressMerger(options.progress, offset: elapsed())
        let stop = Interruption(following: options.interruption)
        var inner = options
        inner.interruption = stop
        let outcome = Mutex<(SolveResult, Solution?)?>(nil)
        let done = DispatchSemaphore(value: 0)
        let engine = self, worker = inner
        DispatchQueue.global().async {
            let r = engine.search(built, options: worker, deadline: deadline, board: board, merged: merged)
            outcome.withLock { $0 = r }
            done.signal()
        }
        let wall = DispatchTime.now() + max(0, (deadline - .now).seconds) + Self.grace
        if done.wait(timeout: wall) == .success { return outcome.withLock { $0! } }
        stop.interrupt()
        options.log?("the search ran past its time limit: the best roster so far is the answer")
        let best = board.entry.map { Solution(values: $0.values, objective: $0.objective) }
        return (SolveResult(termination: .limitReached(.time), solution: best, bound: merged.bound, statistics: SolveStatistics(built.model)), best)
    }

    /// The search: a first roster, then the neighbourhood search beside branch-and-cut and the bound
    /// by participant (at once, or one after the other under a work limit). Returns branch-and-cut's
    /// result (its termination and bound) and the best roster either found, also kept on `board`.
    private func search(_ built: RosterModel, options: EngineOptions, deadline: ContinuousClock.Instant,
                        board: IncumbentBoard, merged: ProgressMerger) -> (SolveResult, Solution?) {
        let model = built.model
        @Sendable func remaining() -> Double { max(0.001, (deadline - .now).seconds) }
        var solveOptions = SolveOptions(timeLimit: remaining(), relativeGap: options.relativeGap)
        solveOptions.objectiveStep = built.objectiveStep
        solveOptions.nodeLimit = options.nodeLimit
        solveOptions.branchingPriority = built.branchingPriority
        solveOptions.rootGomoryRounds = Self.rootGomoryRounds
        solveOptions.progress = { p in merged.report(incumbent: p.incumbent, bound: p.bound, nodes: p.nodes) }
        solveOptions.log = options.log
        solveOptions.interruption = options.interruption
        let neighbourhoods = NeighbourhoodSearch(built, solver: solver)
        guard let start = neighbourhoods.firstRoster(timeLimit: min(remaining(), max(2, options.timeLimit / 5))) else {
            // Nothing even with everyone idle: the whole search decides (and explains) it.
            solveOptions.timeLimit = remaining()
            let result = solver.solve(model, options: solveOptions)
            return (result, result.solution)
        }
        board.post(start, objective: model.objectiveValue(start), source: "first roster")
        let report: @Sendable (Double) -> Void = { objective in merged.report(incumbent: objective, bound: nil, nodes: nil) }
        report(model.objectiveValue(start))
        var lns = NeighbourhoodSearchOptions()
        lns.seed = options.seed
        lns.interruption = options.interruption
        lns.log = options.log
        // The bound by participant (the decomposition): a tree started after it takes it as its own,
        // and a roster that meets it is proven without one.
        let pricer = ParticipantWeekPricer(built)
        @Sendable func participantBound(also others: [[Double]?] = [], interruption: Interruption? = nil) -> ParticipantBound {
            guard options.decompositionBound else { return ParticipantBound(bound: nil, cuts: [], dual: nil) }
            let entry = board.entry!
            var decomposition = DecompositionOptions()
            decomposition.timeLimit = min(remaining(), options.timeLimit / 4)
            decomposition.rounds = Self.decompositionRounds
            decomposition.interruption = interruption ?? options.interruption
            decomposition.target = provingBound(for: entry.objective, step: built.objectiveStep)
            // Timed, it gives up where it can no longer beat the bound already known (under a work
            // limit it runs its rounds, as the gate's baseline was made).
            if options.effort == nil { decomposition.knownBound = merged.bound }
            decomposition.pricer = { p, reducedCosts in pricer.price(p, reducedCosts: reducedCosts) }
            // Under a work limit, the pricing and master MIPs stop on their node limits only (the same
            // roster everywhere).
            if options.effort != nil {
                decomposition.pricingTimeLimit = remaining()
                // Rounds are counted here, so a round's speed does not change the bound; and the
                // kept-loaded master's other vertices led the gate's integer masters elsewhere
                // (measured: six-days-018 lost its optimum, one-site-040 gained 6 %). Rebuilt each
                // round, as the gate's baseline was made.
                decomposition.keepMasterLoaded = false
            }
            decomposition.integerMasterTimeLimit = options.effort != nil ? remaining()
                : min(max(0.001, remaining() - decomposition.timeLimit), options.timeLimit / 20)
            if options.effort == nil { decomposition.integerMasterRelativeTimeLimit = 1 }
            // The master starts from the best roster so far, the first one and branch-and-cut's
            // (built in other ways: their weeks together let the integer master mix them).
            var seeds = [entry.values]
            for other in [start] + others.compactMap({ $0 }) where !seeds.contains(other) { seeds.append(other) }
            let r = model.decompositionBound(blocks: built.participantBlocks, points: seeds, solver: solver, options: decomposition)
            if let point = r.point { board.post(point, objective: model.objectiveValue(point), source: "integer master") }
            // Nearer to a roster than the root relaxation: the neighbourhood search rounds it, and
            // frees where a roster disagrees with it.
            if let relaxation = r.relaxation { board.postRelaxation(relaxation, strength: 1) }
            options.log?("decomposition bound \(r.bound.map { JSON.number($0) } ?? "none") after \(r.rounds) rounds, "
                         + "\(r.columns) columns, \(JSON.number(r.seconds)) s (master \(JSON.number(r.masterSeconds)) s, "
                         + "pricing \(JSON.number(r.pricingSeconds)) s)\(r.converged ? " (converged)" : "")"
                         + (r.belowKnownBound ? " (stopped: its master at or below the known bound \(decomposition.knownBound.map { JSON.number($0) } ?? "-"))" : ""))
            if let b = r.bound { merged.report(incumbent: nil, bound: b, nodes: nil) }
            return ParticipantBound(bound: r.bound, cuts: r.cuts, dual: r.dual)
        }
        /// The variables every roster at most as costly as the best so far leaves at one value
        /// (computed when a tree is about to use them, with the best roster then): by the
        /// decomposition's duals (Lagrangian fixing) and by the first tree's root relaxation
        /// (reduced-cost fixing, with the root's cuts: the gap left by a good roster is often smaller
        /// than most reduced costs there, and GLPK fixes by them only at the node where the roster
        /// was found, not from the root for the whole of a later search).
        @Sendable func fixings(_ dual: LagrangianDual?, root: RootRelaxation? = nil) -> [(variable: Variable, value: Double)] {
            guard let best = board.entry?.objective else { return [] }
            var fixed: [(variable: Variable, value: Double)] = []
            if let dual, dual.bound < provingBound(for: best, step: built.objectiveStep) {
                fixed = built.lagrangianFixings(dual, pricer: pricer, below: best).map { ($0, 0) }
                options.log?("Lagrangian fixing below \(JSON.number(best)): \(fixed.count) of \(built.assignments.count + built.enrolments.count) "
                             + "assignments and enrolments at 0")
            }
            if let root, root.objective < provingBound(for: best, step: built.objectiveStep) {
                let byCost = model.reducedCostFixings(root, within: best)
                options.log?("reduced-cost fixing at the root relaxation \(JSON.number(root.objective)) below \(JSON.number(best)): "
                             + "\(byCost.count) of \(model.integerVariableCount) integer variables at their bound")
                fixed += byCost
            }
            return fixed
        }
        /// Branch-and-cut on the whole week, unless the known bound proves the best roster so far.
        /// `fixed`: variables at one value in every roster at most as costly as the best so far.
        @Sendable func branchAndCut(_ options: SolveOptions, cuts: [ConstraintDefinition] = [],
                                    fixed: [(variable: Variable, value: Double)] = []) -> SolveResult {
            let entry = board.entry!
            if let known = options.knownBound, known >= provingBound(for: entry.objective, step: built.objectiveStep) {
                return SolveResult(termination: .optimal, solution: Solution(values: entry.values, objective: entry.objective),
                                   bound: known, statistics: SolveStatistics(model))
            }
            var searched = cuts.isEmpty ? model : model.adding(cuts)
            for (v, value) in fixed { try? searched.setBounds(v, lower: value, upper: value) }
            var result = solver.solve(searched, options: options)
            // A proof that a roster already known beats is no proof: GLPK lost its way in the
            // numbers (measured once, on a relaxation with the decomposition's rows, before their
            // tiny coefficients were left out). Its roster stands; its bound does not.
            if result.termination == .optimal || result.termination == .infeasible,
               let known = board.entry, known.objective < (result.objective ?? .infinity) - 1e-6 * max(1, abs(known.objective)) {
                options.log?("branch-and-cut ended \(result.termination) above a known roster (\(JSON.number(known.objective))): "
                             + "not a proof")
                result.termination = .solverFailure("branch-and-cut's proof contradicted by a known roster")
                result.bound = nil
            }
            return result
        }
        var result: SolveResult
        var known: Double?
        if let effort = options.effort {
            // One after the other, each on a work limit: branch-and-cut (with its dive) for
            // `nodeLimit` nodes, the decomposition bound (and its integer master's roster), then the
            // neighbourhood search from the best roster so far.
            solveOptions.timeLimit = remaining()
            solveOptions.nodeLimit = options.nodeLimit ?? 1000
            solveOptions.keepsRootCuts = true
            result = branchAndCut(solveOptions)
            solveOptions.keepsRootCuts = false
            let rootCuts = result.rootCuts, rootRelaxation = result.rootRelaxation
            if let solution = result.solution { board.post(solution.values, objective: solution.objective, source: "branch-and-cut") }
            if result.termination != .optimal {
                let decomposition = participantBound(also: [result.solution?.values])
                known = decomposition.bound
                if known.map({ $0 < provingBound(for: board.entry!.objective, step: built.objectiveStep) }) ?? true {
                    lns.rounds = effort
                    lns.threads = max(1, options.threads)
                    lns.timeLimit = remaining()
                    lns.subproblemTimeLimit = max(5, remaining())
                    _ = neighbourhoods.improve(board.entry!.values, options: lns, board: board, progress: report)
                    // Branch-and-cut again, from the best roster, with the decomposition's rows: a
                    // relaxation at the decomposition's bound in every node.
                    if !decomposition.cuts.isEmpty, remaining() > 0.01 {
                        var again = solveOptions
                        again.timeLimit = remaining()
                        again.knownBound = known
                        again.hint = model.hint(from: board.entry!.values)
                        let r = branchAndCut(again, cuts: decomposition.cuts + rootCuts, fixed: fixings(decomposition.dual, root: rootRelaxation))
                        if let solution = r.solution { board.post(solution.values, objective: solution.objective, source: "branch-and-cut") }
                        if r.termination == .optimal { result = r }
                        known = tighter(known, r.bound, minimize: true)
                    }
                }
            }
        } else if options.threads >= 2 {
            // At once: on one thread branch-and-cut (its root relaxation, then its dive and tree for
            // a tenth of the time), which proves the easy weeks; if it did not, the decomposition
            // bound, then branch-and-cut again with that bound as its own (or, where the relaxation
            // was slow, the neighbourhood search). The neighbourhood search on the other thread;
            // each takes the other's better rosters.
            solveOptions.board = board
            lns.timeLimit = remaining()
            let outcome = Mutex<(SolveResult, Double?)?>(nil)
            let treeOptions = solveOptions, searchOptions = lns, first = start
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                if k == 0 {
                    // Nothing here needs a work limit's reproducibility: the faster relaxation, and
                    // root cut rounds that end with their share of time (on a large week each costs
                    // seconds, and the roster, not the root's bound, is what the time is for).
                    var tree = treeOptions
                    tree.longStepRelaxation = true
                    tree.rootGomoryTimeMultiple = 1
                    // No dive where the relaxation took under a second: the neighbourhood search
                    // beside the tree has rosters by then (its greedy start, the relaxation's
                    // rounding), and the dive only held the tree back (pair runs at 30 s, three
                    // each: plentiful-024 proved in 0.26 s against 0.49, fractional-050 6.3 against
                    // 8.8, none slower on 10 weeks of 12–60 people). Where it took longer, it stays:
                    // without it, three-slots-150 (7.6 s) ended worse in 4 runs of 4 at 60 s.
                    tree.diveMinimumRootSeconds = 1
                    // The first tree: the root relaxation whatever it takes (the bound, and the
                    // neighbourhoods around it), then a tenth of the time, or ten times the
                    // relaxation's own time when that is less (at least a second): a small week's
                    // bound by participant and second tree do not wait for a tenth of a long limit.
                    let share = max(1, options.timeLimit / 10)
                    // When that share has passed without a proof, the bound by participant. Where
                    // the root relaxation took no longer than the share, it runs on a thread of
                    // its own and the tree runs on: the tree is started again, with the
                    // decomposition's rows and fixing, only when their bound beats its own or
                    // proves the best roster. (Stopping the tree for the decomposition, measured
                    // at 30 s: scarce-030 proved in 7.7 s against 3.6 s without the
                    // decomposition, six-days-045 in 10.3 s against 2.3, where the cuts' root was
                    // already at the decomposition's bound; one-site-040 and foreign-060 proved
                    // only with it.) Where the relaxation took longer, no tree gets far on the
                    // week: it stops, and the decomposition follows on this thread.
                    let beside = DecompositionBesideTheTree(following: options.interruption)
                    var firstTree = tree
                    firstTree.timeLimit = remaining()
                    firstTree.keepsRootCuts = true
                    if options.decompositionBound {
                        firstTree.treeTimeLimit = share
                        firstTree.treeRootMultiple = Self.firstTreeRootMultiple
                        firstTree.interruption = beside.restart
                        let progress = tree.progress
                        firstTree.progress = { p in
                            beside.treeReports(bound: p.bound)
                            progress?(p)
                        }
                        firstTree.treeShareIsLimit = { rootSeconds in rootSeconds > share }
                        firstTree.atTreeShare = {
                            beside.start({ participantBound(interruption: beside.stop) }, proves: { bound in
                                board.entry.map { bound >= provingBound(for: $0.objective, step: built.objectiveStep) } ?? false
                            })
                        }
                    }
                    var r = branchAndCut(firstTree)
                    options.log?("first branch-and-cut: root relaxation \(r.statistics.rootSeconds.map { JSON.number($0) } ?? "-") s, "
                                 + "\(JSON.number(r.statistics.seconds)) s in all, \(r.termination)"
                                 + (r.statistics.rootGomory.map { ", \($0.rounds) Gomory rounds at the root: \(JSON.number($0.before)) → \(JSON.number($0.after))" } ?? "")
                                 + (board.entry.map { ", best roster \(JSON.number($0.objective))" } ?? ""))
                    var bound: Double?
                    let restarted = beside.restart.isInterrupted && options.interruption?.isInterrupted != true
                    let besideResult = beside.finish(waiting: restarted)
                    if r.termination != .optimal, options.decompositionBound, remaining() > 0.01, !beside.started || restarted {
                        let decomposition = besideResult ?? participantBound(also: [r.solution?.values])
                        bound = decomposition.bound
                        if !beside.started && r.statistics.seconds > 2 * share {
                            // The relaxation (and its dive) took more than the tree's share: no
                            // tree gets far on this week in this time (nor would one that solved
                            // the relaxation again). The thread joins the neighbourhood search,
                            // with a seed of its own.
                            var second = searchOptions
                            second.seed = searchOptions.seed &+ 1
                            // The relaxation's rounding is the first thread's.
                            second.roundsRelaxation = false
                            second.timeLimit = remaining()
                            _ = neighbourhoods.improve(board.entry!.values, options: second, board: board, progress: report)
                        } else {
                            tree.knownBound = tighter(bound, r.bound, minimize: true)
                            tree.timeLimit = remaining()
                            // Pseudo-costs (reliability branching) start by solving children
                            // ahead of branching (GLPK's own rule, measured: 10 s of a 12 s rest on
                            // a 60-person week): only where the root relaxation took under a
                            // hundredth of the time left; else Driebeck and Tomlin's rule. (On
                            // 24–60-person weeks whose root takes 0.01–0.2 s, pseudo-costs proved
                            // weeks the other rule left open after 30 s.)
                            let root = r.statistics.rootSeconds ?? .infinity
                            tree.quickBranching = root > Self.pseudoCostRootShare * remaining()
                            // The first tree's root cuts: the second starts where its root ended.
                            let again = branchAndCut(tree, cuts: decomposition.cuts + r.rootCuts, fixed: fixings(decomposition.dual, root: r.rootRelaxation))
                            r = SolveResult(termination: again.termination, solution: again.solution ?? r.solution,
                                            bound: tighter(again.bound, tree.knownBound, minimize: true), statistics: again.statistics)
                        }
                    }
                    board.finish()
                    outcome.withLock { $0 = (r, bound) }
                } else {
                    _ = neighbourhoods.improve(first, options: searchOptions, board: board, progress: report)
                }
            }
            (result, known) = outcome.withLock { $0! }
        } else {
            lns.timeLimit = remaining() / 2
            let improved = neighbourhoods.improve(start, options: lns, board: board, progress: report).values
            let decomposition = participantBound()
            known = decomposition.bound
            solveOptions.knownBound = known
            solveOptions.timeLimit = remaining()
            solveOptions.hint = model.hint(from: improved)
            result = branchAndCut(solveOptions, cuts: decomposition.cuts, fixed: fixings(decomposition.dual))
        }
        if !board.refused.isEmpty {
            options.log?("points that break a row of the model, refused: \(board.refused.joined(separator: ", "))")
        }
        var best = result.solution
        if let entry = board.entry, entry.objective < (best?.objective ?? .infinity) - 1e-9 {
            best = Solution(values: entry.values, objective: entry.objective)
        }
        // The neighbourhood search may have reached the known bound after the tree stopped.
        result.bound = tighter(result.bound, known, minimize: true)
        if let best, result.termination != .optimal, let bound = result.bound,
           bound >= provingBound(for: best.objective, step: built.objectiveStep) {
            result.termination = .optimal
        }
        return (result, best)
    }

    /// The second tree branches by pseudo-costs (reliability branching) where its root relaxation
    /// took under this share of the time left.
    static let pseudoCostRootShare = 0.01

    /// The first tree's time in root relaxations' times (see `SolveOptions.treeRootMultiple`).
    static let firstTreeRootMultiple = 10.0
    /// Gomory rounds at the whole week's root beyond GLPK's seven (they stop sooner when three in a
    /// row move the relaxation by almost nothing).
    static let rootGomoryRounds = 40

    /// Column-generation rounds of the decomposition bound at most (it converges in 15–100 on
    /// 12–60-person weeks).
    static let decompositionRounds = 150

    /// The least bound that proves a roster optimal: within the step of the objective's values
    /// below it (any bound above objective − step leaves no better value), or the roster itself.
    func provingBound(for objective: Double, step: Double?) -> Double {
        guard let step, step > 0 else { return objective - 1e-9 * max(1, abs(objective)) }
        return objective - step * (1 - 1e-6)
    }

    /// A point of the model as a feasible roster (terms from the independent checker).
    func roster(from values: [Double], of built: RosterModel) -> Roster {
        var roster = Roster(scenario: built.scenario.name, status: .feasible,
                            solver: Roster.SolverInfo(name: solver.name, version: solver.version, seconds: 0))
        fill(&roster, from: Solution(values: values, objective: built.model.objectiveValue(values)), of: built, bound: nil)
        return roster
    }

    /// Reads assignments, supervision and enrolments from the solution; terms, unmet shifts and the
    /// objective come from the independent checker.
    private func fill(_ roster: inout Roster, from solution: Solution, of built: RosterModel, bound: Double?) {
        let scenario = built.scenario, index = built.index
        var places: [(p: Int, t: Period, place: Roster.Assignment.Place)] = []
        for a in built.assignments where solution.value(a.variable) > 0.5 {
            let shift = index.shifts[a.shift]
            places.append((a.participant, shift.period, .activity(scenario.activities[shift.activity].id)))
        }
        for e in built.enrolments where solution.value(e.variable) > 0.5 {
            for t in index.sessions[e.training] { places.append((e.participant, t, .training(scenario.trainings[e.training].id))) }
        }
        places.sort { $0.p != $1.p ? $0.p < $1.p : $0.t < $1.t }
        roster.assignments = places.map {
            Roster.Assignment(participant: scenario.participants[$0.p].id, day: $0.t.day, slot: $0.t.slot, place: $0.place)
        }
        var supervision: [(s: Int, t: Period, activity: String)] = []
        for s in built.supervisions where solution.value(s.variable) > 0.5 {
            let shift = index.shifts[s.shift]
            supervision.append((s.supervisor, shift.period, scenario.activities[shift.activity].id))
        }
        supervision.sort { $0.s != $1.s ? $0.s < $1.s : $0.t < $1.t }
        roster.supervision = supervision.map {
            Roster.SupervisionEntry(supervisor: scenario.supervisors[$0.s].id, day: $0.t.day, slot: $0.t.slot, activity: $0.activity)
        }
        let report = RosterCheck(scenario).check(roster.assignments, roster.supervision)
        roster.terms = report.terms
        roster.unmet = report.unmet
        roster.enrollments = report.enrollments
        let objective = report.terms.total
        roster.objective = objective
        // The solver's bound, never above the roster it found (they differ by rounding at most when
        // optimal); none when the search stopped before it had one.
        guard let bound, bound.isFinite, abs(bound) < 1e300 else { return }
        let lower = min(bound, objective)
        roster.bound = lower
        roster.gap = abs(objective - lower) / max(abs(objective), 1e-9)
    }
}

/// The decomposition's bound, its Lagrangian rows and the round they come from.
struct ParticipantBound: Sendable {
    var bound: Double?
    var cuts: [ConstraintDefinition]
    var dual: LagrangianDual?
}

/// The bound by participant on a thread of its own beside the first tree: it asks the tree to
/// stop (`restart`) when its bound beats the tree's or proves the best roster, so that a second
/// tree starts from it; otherwise the tree runs on undisturbed.
final class DecompositionBesideTheTree: Sendable {
    /// Asked of the tree when the decomposition beats it (a stop asked from outside stops it too).
    let restart: Interruption
    /// Asked of the decomposition when the tree ends without it.
    let stop: Interruption
    private let state = Mutex<(treeBound: Double?, result: ParticipantBound?, started: Bool)>((nil, nil, false))
    private let done = DispatchSemaphore(value: 0)

    init(following outside: Interruption?) {
        restart = Interruption(following: outside)
        stop = Interruption(following: outside)
    }

    var started: Bool { state.withLock { $0.started } }

    /// The tree's bound so far (from its progress reports).
    func treeReports(bound: Double?) {
        guard let bound, bound.isFinite, abs(bound) < 1e300 else { return }
        state.withLock { $0.treeBound = max($0.treeBound ?? bound, bound) }
    }

    /// Runs `work` once, on a thread of its own (a queue of its own: the global pool's two
    /// threads are the tree's and the neighbourhood search's, and a block queued there waited
    /// for one of them to end).
    func start(_ work: @escaping @Sendable () -> ParticipantBound, proves: @escaping @Sendable (Double) -> Bool) {
        let first = state.withLock { s in
            defer { s.started = true }
            return !s.started
        }
        guard first else { return }
        DispatchQueue(label: "parcours.decomposition").async { [self] in
            let result = work()
            let treeBound = state.withLock { s in
                s.result = result
                return s.treeBound
            }
            if let b = result.bound, b > (treeBound ?? -.infinity) + 1e-6 * max(1, abs(b)) || proves(b) { restart.interrupt() }
            done.signal()
        }
    }

    /// The decomposition's result, nil when it never started: waited for when `waiting`, else it is
    /// asked to stop first (what it had by then: any round's bound is valid).
    func finish(waiting: Bool) -> ParticipantBound? {
        guard started else { return nil }
        if !waiting { stop.interrupt() }
        done.wait()
        return state.withLock { $0.result }
    }
}

/// The progress of two searches at once as one monotone story: the best roster and the best bound
/// so far, in seconds since the engine started.
private final class ProgressMerger: Sendable {
    private struct State { var incumbent: Double?; var bound: Double?; var nodes = 0 }
    private let sink: (@Sendable (SolveProgress) -> Void)?
    private let origin = ContinuousClock.now
    private let offset: Double
    private let state = Mutex(State())

    init(_ sink: (@Sendable (SolveProgress) -> Void)?, offset: Double) { self.sink = sink; self.offset = offset }

    /// The best bound reported so far.
    var bound: Double? { state.withLock { $0.bound } }

    func report(incumbent: Double?, bound: Double?, nodes: Int?) {
        let snapshot: SolveProgress = state.withLock { s in
            if let x = incumbent, x.isFinite, x < (s.incumbent ?? .infinity) { s.incumbent = x }
            if let b = bound, b.isFinite, abs(b) < 1e300, b > (s.bound ?? -.infinity) { s.bound = min(b, s.incumbent ?? b) }
            if let nodes { s.nodes = max(s.nodes, nodes) }
            return SolveProgress(incumbent: s.incumbent, bound: s.bound, seconds: offset + (ContinuousClock.now - origin).seconds, nodes: s.nodes)
        }
        sink?(snapshot)
    }
}
