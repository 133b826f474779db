// SPDX-License-Identifier: GPL-3.0-or-later
//
// A lower bound from a Dantzig–Wolfe decomposition, by column generation (the Lagrangian dual of
// the rows that link blocks). When a model's variables fall into blocks — a rostering week's
// participants: each one's week is a small MIP of its own — and only some rows link blocks
// (coverage, supervision, seats), the bound is the LP over the convex hull of each block's
// integer points, which can be far tighter than the LP relaxation: on 40-person weeks it closed a
// 25 % gap to 0.02 %.
//
// The master LP holds the linking rows, one convexity row per block, the variables of no block
// (relaxed), and one column per block point found so far. Each round solves the master, prices
// every block (a small MIP: the block's rows, its costs less the linking rows' duals), and adds
// each block's point whose reduced cost is negative. After every round,
//     master objective + Σ_b min(0, pricing bound_b − convexity dual_b)
// is a valid lower bound (the Lagrangian bound at the master's duals); the best one is kept.

/// Which block each variable belongs to, and what to stop at.
public struct DecompositionOptions: Sendable {
    /// Seconds for the whole computation (master and pricing solves).
    public var timeLimit: Double = 10
    /// Rounds of column generation at most (a work limit: the same bound on every machine).
    public var rounds: Int = 200
    /// Seconds for one block's pricing MIP at most; one that stops early counts with its bound
    /// (still valid, weaker).
    public var pricingTimeLimit: Double = 1
    /// Stop as soon as the bound reaches this value (an incumbent's objective: nothing more to prove).
    public var target: Double?
    /// Asked from outside to stop: the best bound so far is returned.
    public var interruption: Interruption?
    /// A bound known otherwise (branch-and-cut's root with its cuts, say): the column generation
    /// stops as soon as its master's value is at most this. The master's value only falls as
    /// columns enter, and the decomposition's bound never exceeds it, so past that point no round
    /// can beat the known bound. (Measured at 60 s: six-days-120 stopped after 11.6 s where it ran
    /// 18 s, afternoon325-200 after 4.4 s where it converged in 8 s, both to bounds below the root's
    /// anyway; classic-300, whose decomposition beats the root, unchanged. scarce-300 and
    /// three-slots-150 still run their 18 s: their masters stay above the root's bound.)
    public var knownBound: Double?
    /// An exact pricer that knows the blocks' structure (a dynamic programme over a participant's
    /// days, say): given a block's id and every variable's reduced cost (by original index), a point
    /// of that block minimising them — its variables' values by original index, the others left
    /// out — or nil to let the block's MIP be solved instead. The point is checked against the
    /// block's rows; one that breaks a row is set aside for the MIP too.
    public var pricer: (@Sendable (_ block: Int, _ reducedCosts: [Double]) -> [Int: Double]?)?
    /// Seconds for the master as a MIP over the columns generated (each block one of its points):
    /// a roster made of whole weeks that the bound found worth pricing; 0 = none.
    public var integerMasterTimeLimit: Double = 0
    /// When set, the integer master also stops after this many times the seconds the column
    /// generation took (at least `integerMasterLeastSeconds`): a heuristic that costs no more than
    /// the bound it rounds. On 16–40-person weeks whose bound takes a quarter of a second, a
    /// 3 s master found no roster better than the neighbourhood search's.
    public var integerMasterRelativeTimeLimit: Double?
    /// The integer master's least seconds under `integerMasterRelativeTimeLimit`.
    public var integerMasterLeastSeconds = 0.1
    /// Keep the master loaded in the solver between rounds, where the backend can (each round then
    /// resumes from the last basis: 3 → 11 rounds in 15 s at 300 people). Off, it is built and
    /// solved anew each round: another optimal vertex each time, so other duals and other columns.
    public var keepMasterLoaded = true
    /// Dual smoothing (Wentges 1997): each round prices at this share of the duals of the best
    /// bound so far plus the rest of the master's own, so that the duals do not swing from one
    /// extreme vertex of the master to another (the tailing off of column generation: 99 rounds
    /// on a 30-person week with scarce supervision). The bound at those duals is computed as it
    /// is at any duals; a round whose columns none improve the master prices again at the
    /// master's own duals, so convergence is the same. 0 = none.
    public var smoothing = 0.5
    public init() {}
}

public struct DecompositionResult: Sendable {
    /// The best valid lower bound found, when a round completed.
    public var bound: Double?
    public var rounds: Int
    /// Block points generated (columns of the master).
    public var columns: Int
    /// Whether no block could improve the master any more (the bound is the decomposition's own).
    public var converged: Bool
    /// Whether it stopped because its master fell to `DecompositionOptions.knownBound`.
    public var belowKnownBound = false
    /// The best feasible point of the whole model made of generated columns, when the integer
    /// master found one.
    public var point: [Double]?
    /// The last master's solution as a point of the whole model (each block's columns weighted by
    /// their share): within the convex hull of each block's points, so often far nearer to a roster
    /// than the LP relaxation (the rounding heuristics start from it).
    public var relaxation: [Double]?
    /// Rows valid for every integer point of the model, one per block at most, from the round of the best
    /// bound: the block's variables at that round's reduced costs cost at least the block's pricing
    /// bound (the least any of its points costs). Added to the model, they lift its relaxation to
    /// that bound (the linking rows' duals and these rows' weights of 1 make it so), where a
    /// branch-and-cut can use it in every node.
    public var cuts: [ConstraintDefinition] = []
    /// The round of the best bound: every variable's reduced cost and each block's pricing bound.
    public var dual: LagrangianDual?
    public var seconds: Double
    /// Of those seconds, the master LP's solves and the blocks' pricing (the rest: building).
    public var masterSeconds = 0.0
    public var pricingSeconds = 0.0
}

/// A Lagrangian bound's round of the decomposition: the reduced costs at its duals and what each
/// block's cheapest point costs at them. What a block's point with some variable set costs at the
/// same reduced costs, less the block's cheapest, adds to the bound for every point of the model
/// with that variable set; a variable whose bound then passes a roster's objective is 0 in every
/// better roster (Lagrangian reduced-cost fixing).
public struct LagrangianDual: Sendable {
    /// The bound of that round.
    public var bound: Double
    /// Every variable's reduced cost (by original index).
    public var reducedCosts: [Double]
    /// Each block's pricing bound, by block id (the least any of its points costs, or less).
    public var blockBounds: [Int: Double]

    /// The variables of `block` that are 0 in every point of the model costing at most `objective`:
    /// those whose cheapest block point with the variable at 1 (`cheapestWith`, by variable index,
    /// an exact least cost at `reducedCosts`) lifts the bound above it.
    public func fixedAtZero(block: Int, cheapestWith: [Int: Double], below objective: Double) -> [Int] {
        guard let least = blockBounds[block] else { return [] }
        let tolerance = 1e-6 * max(1, abs(objective))
        return cheapestWith.filter { bound + ($0.value - least) > objective + tolerance }.map(\.key).sorted()
    }
}

extension Model {
    /// The decomposition bound of a minimising model. `block[j]`: the block of variable j, or nil for
    /// a variable kept in the master. `points`: feasible points of the whole model (rosters), whose
    /// blocks seed the master so that it is feasible from the first round. Nil bound when the
    /// model maximises, no point is given, or the master cannot be solved.
    public func decompositionBound(blocks block: [Int?], points: [[Double]], solver: any Solver,
                                   options: DecompositionOptions) -> DecompositionResult {
        let clock = ContinuousClock(), start = clock.now
        func elapsed() -> Double { (clock.now - start).seconds }
        var result = DecompositionResult(bound: nil, rounds: 0, columns: 0, converged: false, point: nil, relaxation: nil, seconds: 0)
        guard sense == .minimize, !points.isEmpty, block.count == variables.count,
              points.allSatisfy({ $0.count == variables.count }) else { return result }
        var decomposition = Decomposition(self, blocks: block)
        for point in points { decomposition.addColumns(at: point) }
        // The master kept loaded where the backend can: each round adds its new columns and resumes
        // from the last basis. Otherwise (or should a column be refused) it is solved anew each round.
        var resolvable = options.keepMasterLoaded ? solver.linearProgram(decomposition.master()) : nil
        var loaded = decomposition.columnCount
        var lastMaster: [Double]?
        /// The linking rows' duals of the best bound so far (the smoothing's centre).
        var center: [Double]?
        while result.rounds < options.rounds, elapsed() < options.timeLimit, options.interruption?.isInterrupted != true {
            let timeLimit = max(0.001, options.timeLimit - elapsed())
            if let lp = resolvable {
                for k in loaded..<decomposition.columnCount {
                    let column = decomposition.masterColumn(k)
                    if (try? lp.addColumn(cost: column.cost, lower: 0, upper: nil, terms: column.terms)) == nil { resolvable = nil; break }
                }
                loaded = decomposition.columnCount
            }
            let master: SolveResult
            let masterStart = elapsed()
            if let lp = resolvable {
                master = lp.solve(timeLimit: timeLimit)
            } else {
                var lpOptions = SolveOptions(timeLimit: timeLimit)
                lpOptions.dive = false
                master = solver.solve(decomposition.master(), options: lpOptions)
            }
            result.masterSeconds += elapsed() - masterStart
            guard master.termination == .optimal, let z = master.objective, let duals = master.duals else { break }
            result.rounds += 1
            lastMaster = master.solution?.values ?? lastMaster
            if let known = options.knownBound, z <= known + 1e-9 * max(1, abs(known)) {
                result.belowKnownBound = true
                break
            }
            let masterDuals = decomposition.signFeasible(duals)
            let outCosts = decomposition.reducedCosts(duals)
            var share = center == nil ? 0 : options.smoothing
            var added = 0, complete = true
            while true {
                // The duals priced at: the master's, or smoothed towards the best bound's.
                let priced = share == 0 ? masterDuals : zip(center!, masterDuals).map { share * $0 + (1 - share) * $1 }
                let reducedCosts = share == 0 ? outCosts : decomposition.reducedCosts(priced)
                var pricingBounds: [Double] = []
                var points: [(block: Int, point: [Double])] = []
                complete = true
                let pricingStart = elapsed()
                defer { result.pricingSeconds += elapsed() - pricingStart }
                for b in decomposition.blocks.indices {
                    let remaining = options.timeLimit - elapsed()
                    guard remaining > 0 else { complete = false; break }
                    let found = decomposition.price(b, reducedCosts: reducedCosts, pricer: options.pricer, solver: solver,
                                                    timeLimit: min(remaining, options.pricingTimeLimit))
                    guard let value = found.bound else { complete = false; continue }
                    pricingBounds.append(value)
                    if let point = found.point { points.append((b, point)) }
                }
                // The Lagrangian bound at these duals: the master's value less what each block could
                // still gain (at the master's own duals), or else summed from the rows' sides.
                var lagrangian: Double?
                if complete {
                    lagrangian = share == 0
                        ? pricingBounds.indices.reduce(z) { $0 + min(0, pricingBounds[$1] - duals[decomposition.convexityRow($1)]) }
                        : decomposition.lagrangianBound(duals: priced, reducedCosts: reducedCosts, pricingBounds: pricingBounds)
                }
                if let lagrangian, lagrangian > (result.bound ?? -.infinity) {
                    result.bound = lagrangian
                    result.cuts = decomposition.lagrangianCuts(reducedCosts: reducedCosts, pricingBounds: pricingBounds)
                    result.dual = LagrangianDual(bound: lagrangian, reducedCosts: reducedCosts,
                                                 blockBounds: decomposition.byBlockID(pricingBounds))
                    center = priced
                } else if center == nil {
                    center = masterDuals
                }
                // A point enters the master where it improves it at the master's own duals.
                for (b, point) in points {
                    let cost = zip(decomposition.blocks[b].variables, point).reduce(-duals[decomposition.convexityRow(b)]) {
                        $0 + outCosts[$1.0] * $1.1
                    }
                    if cost < -1e-7 * max(1, abs(z)), decomposition.addColumn(b, blockPoint: point) { added += 1 }
                }
                if added > 0 || share == 0 { break }
                share = 0   // the smoothed duals found nothing the master lacks: its own duals decide
            }
            if let target = options.target, let bound = result.bound, bound >= target - 1e-9 { break }
            if added == 0 { result.converged = complete; break }
        }
        result.columns = decomposition.columnCount
        // A master stopped below the known bound is no nearer to a roster than the relaxation
        // behind that bound: not returned (its rounding found nothing at 150–300 people).
        if !result.belowKnownBound { result.relaxation = lastMaster.map { decomposition.point(fromMaster: $0, weighted: true) } }
        if options.integerMasterTimeLimit > 0, options.interruption?.isInterrupted != true {
            var limit = options.integerMasterTimeLimit
            if let share = options.integerMasterRelativeTimeLimit {
                limit = min(limit, max(options.integerMasterLeastSeconds, share * elapsed()))
            }
            var ipOptions = SolveOptions(timeLimit: limit)
            ipOptions.nodeLimit = 2000
            // A roster to offer, not a proof: the solver's own, cheaper branching.
            ipOptions.reliabilityBranching = false
            ipOptions.interruption = options.interruption
            let ip = solver.solve(decomposition.master(integer: true), options: ipOptions)
            if let values = ip.solution?.values {
                let point = decomposition.point(fromMaster: values)
                if isFeasible(point) { result.point = point }
            }
        }
        result.seconds = elapsed()
        return result
    }
}

/// The blocks, the linking rows and the columns generated so far.
struct Decomposition {
    struct Block {
        /// The block's variables (original indices), in order; `model` numbers them the same way.
        var variables: [Int]
        var model: Model
        /// Points already in the master (to add each once).
        var seen: Set<[Double]> = []
    }
    struct Column {
        var block: Int
        var cost: Double
        /// Coefficients in the linking rows (by linking-row position).
        var rows: [(row: Int, coefficient: Double)]
        /// The block point (by position in the block).
        var values: [Double]
    }
    let original: Model
    private(set) var blocks: [Block] = []
    /// Original constraint index of each linking row.
    private var linking: [Int] = []
    /// For each original variable: (linking-row position, coefficient) of its linking rows.
    private var linkingRowsOf: [[(row: Int, coefficient: Double)]]
    private var blockOf: [Int?]
    /// The id (as given) of each block.
    private let blockIDs: [Int]
    /// Position of each variable inside its block.
    private var positionInBlock: [Int]
    /// The variables kept in the master (relaxed).
    private var masterVariables: [Int] = []
    private var columns: [Column] = []
    /// The objective coefficient of each original variable.
    private let costOf: [Double]
    var columnCount: Int { columns.count }

    init(_ model: Model, blocks block: [Int?]) {
        original = model
        var cost = Array(repeating: 0.0, count: model.variables.count)
        for t in model.objective { cost[t.variable.index] += t.coefficient }
        costOf = cost
        blockOf = block
        positionInBlock = Array(repeating: -1, count: model.variables.count)
        linkingRowsOf = Array(repeating: [], count: model.variables.count)
        blockIDs = Array(Set(block.compactMap { $0 })).sorted()
        let blockIndex = Dictionary(uniqueKeysWithValues: blockIDs.enumerated().map { ($1, $0) })
        // Re-number blocks 0..<count, in the order of their ids.
        for j in block.indices { blockOf[j] = block[j].map { blockIndex[$0]! } }
        var members = Array(repeating: [Int](), count: blockIDs.count)
        for (j, b) in blockOf.enumerated() {
            if let b { positionInBlock[j] = members[b].count; members[b].append(j) } else { masterVariables.append(j) }
        }
        var subModels = members.enumerated().map { b, vars in
            var sub = Model(name: model.name + "-block\(b)")
            sub.variables = vars.map { model.variables[$0] }
            return sub
        }
        for (i, c) in model.constraints.enumerated() {
            let first = c.terms.first.flatMap { blockOf[$0.variable.index] }
            if let b = first, c.terms.allSatisfy({ blockOf[$0.variable.index] == b }) {
                let id = subModels[b].id
                subModels[b].constraints.append(ConstraintDefinition(
                    name: c.name, terms: c.terms.map { (Variable(index: positionInBlock[$0.variable.index], model: id), $0.coefficient) },
                    lower: c.lower, upper: c.upper))
            } else {
                for t in c.terms { linkingRowsOf[t.variable.index].append((linking.count, t.coefficient)) }
                linking.append(i)
            }
        }
        blocks = zip(members, subModels).map { Block(variables: $0, model: $1) }
    }

    /// Values by block (in the order of `blocks`) keyed by the blocks' ids as given.
    func byBlockID(_ values: [Double]) -> [Int: Double] {
        Dictionary(uniqueKeysWithValues: zip(blockIDs, values))
    }

    /// The master's row index of block b's convexity row (after the linking rows).
    func convexityRow(_ b: Int) -> Int { linking.count + b }

    /// Column k of the master as `master()` numbers its rows: its cost, its linking rows and its
    /// block's convexity row.
    func masterColumn(_ k: Int) -> (cost: Double, terms: [(constraint: Int, coefficient: Double)]) {
        let column = columns[k]
        return (column.cost, column.rows.map { ($0.row, $0.coefficient) } + [(convexityRow(column.block), 1)])
    }

    /// Adds each block's part of a whole-model point.
    mutating func addColumns(at point: [Double]) {
        for b in blocks.indices { addColumn(b, blockPoint: blocks[b].variables.map { point[$0] }) }
    }

    /// Adds a block point as a column; false when the master has it already.
    @discardableResult
    mutating func addColumn(_ b: Int, blockPoint: [Double]) -> Bool {
        let rounded = zip(blocks[b].variables, blockPoint).map { j, x in
            original.variables[j].kind == .continuous ? x : x.rounded()
        }
        guard blocks[b].seen.insert(rounded).inserted else { return false }
        var cost = 0.0, rows: [Int: Double] = [:]
        for (q, j) in blocks[b].variables.enumerated() where rounded[q] != 0 {
            cost += costOf[j] * rounded[q]
            for link in linkingRowsOf[j] { rows[link.row, default: 0] += link.coefficient * rounded[q] }
        }
        columns.append(Column(block: b, cost: cost, rows: rows.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                              values: rounded))
        return true
    }

    /// The restricted master: the master variables (relaxed, unless `integer`), one column per block
    /// point (binary when `integer`: each block takes one of its points), the linking rows, then one
    /// convexity row per block.
    func master(integer: Bool = false) -> Model {
        var m = Model(name: original.name + "-master")
        var terms = Array(repeating: [(variable: Variable, coefficient: Double)](), count: linking.count + blocks.count)
        for j in masterVariables {
            var v = original.variables[j]
            if !integer { v.kind = .continuous }
            let variable = Variable(index: m.variables.count, model: m.id)
            m.variables.append(v)
            if costOf[j] != 0 { m.objective.append((variable, costOf[j])) }
            for link in linkingRowsOf[j] { terms[link.row].append((variable, link.coefficient)) }
        }
        for (k, column) in columns.enumerated() {
            let variable = Variable(index: m.variables.count, model: m.id)
            m.variables.append(VariableDefinition(name: "lambda\(k)", kind: integer ? .binary : .continuous, lower: 0, upper: integer ? 1 : nil))
            if column.cost != 0 { m.objective.append((variable, column.cost)) }
            for link in column.rows { terms[link.row].append((variable, link.coefficient)) }
            terms[convexityRow(column.block)].append((variable, 1))
        }
        for (position, i) in linking.enumerated() {
            let c = original.constraints[i]
            m.constraints.append(ConstraintDefinition(name: c.name, terms: terms[position], lower: c.lower, upper: c.upper))
        }
        for b in blocks.indices {
            m.constraints.append(ConstraintDefinition(name: "convexity\(b)", terms: terms[convexityRow(b)], lower: 1, upper: 1))
        }
        m.objectiveConstant = original.objectiveConstant
        return m
    }

    /// The whole model's point of a master's solution: its master variables, and each block's
    /// chosen point (an integer master's), or (`weighted`, a relaxed master's) the sum of its points
    /// each times its column's value.
    func point(fromMaster values: [Double], weighted: Bool = false) -> [Double] {
        var point = Array(repeating: 0.0, count: original.variables.count)
        for (position, j) in masterVariables.enumerated() { point[j] = values[position] }
        // Columns added after this master was solved have no value in it.
        for (k, column) in columns.enumerated() where masterVariables.count + k < values.count {
            let share = values[masterVariables.count + k]
            if weighted {
                guard share > 1e-9 else { continue }
                for (q, j) in blocks[column.block].variables.enumerated() { point[j] += share * column.values[q] }
            } else if share > 0.5 {
                for (q, j) in blocks[column.block].variables.enumerated() { point[j] = column.values[q] }
            }
        }
        return point
    }

    /// One row per block: its variables at these reduced costs cost at least its pricing bound
    /// (less a hair, for the rounding in the costs). Valid for every point whose blocks keep their
    /// rows, whatever the linking rows. Coefficients below a millionth of the row's largest are
    /// left out, their most the bound allows taken off the right-hand side (still valid; GLPK's
    /// simplex lost its way on rows with coefficients 1e-10 next to 100). A row no point within the
    /// bounds can break is no cut, and is left out.
    func lagrangianCuts(reducedCosts: [Double], pricingBounds: [Double]) -> [ConstraintDefinition] {
        blocks.indices.compactMap { b in
            let variables = blocks[b].variables
            let largest = variables.reduce(0) { max($0, abs(reducedCosts[$1])) }
            guard largest > 0, pricingBounds[b].isFinite else { return nil }
            var rhs = pricingBounds[b] - 1e-6 * max(1, abs(pricingBounds[b]))
            var terms: [(variable: Variable, coefficient: Double)] = []
            var least = 0.0   // the left-hand side's least value within the bounds
            for j in variables {
                let a = reducedCosts[j]
                guard a != 0 else { continue }
                let v = original.variables[j]
                let atLower = v.lower.map { a * $0 }, atUpper = v.upper.map { a * $0 }
                if abs(a) < 1e-6 * largest, let atLower, let atUpper {
                    rhs -= max(atLower, atUpper)
                    continue
                }
                least += (a > 0 ? atLower : atUpper) ?? -.infinity
                terms.append((Variable(index: j, model: original.id), a))
            }
            guard !terms.isEmpty, least < rhs else { return nil }
            return ConstraintDefinition(name: "lagrangian_cut[\(blockIDs[b])]", terms: terms, lower: rhs, upper: nil)
        }
    }

    /// The duals with every linking row's dual of the wrong sign for its sides set to 0 (a row with
    /// no lower side cannot have a positive dual, nor one with no upper side a negative one): any
    /// such duals give a valid bound. The convexity rows' duals are kept as they are.
    func signFeasible(_ duals: [Double]) -> [Double] {
        var duals = duals
        for (position, i) in linking.enumerated() where position < duals.count {
            let c = original.constraints[i]
            if duals[position] > 0, c.lower == nil { duals[position] = 0 }
            if duals[position] < 0, c.upper == nil { duals[position] = 0 }
        }
        return duals
    }

    /// The Lagrangian bound at any sign-feasible duals of the linking rows: each row's side times
    /// its dual, plus each master variable's reduced cost at its cheaper bound, plus each block's
    /// least cost at these reduced costs (its pricing bound). Nil when a dual or a master variable's
    /// reduced cost points at a side its row or variable does not have (no bound at these duals).
    func lagrangianBound(duals: [Double], reducedCosts: [Double], pricingBounds: [Double]) -> Double? {
        var bound = original.objectiveConstant + pricingBounds.reduce(0, +)
        for (position, i) in linking.enumerated() {
            let y = duals[position], c = original.constraints[i]
            guard y != 0 else { continue }
            guard let side = y > 0 ? c.lower : c.upper else { return nil }
            bound += y * side
        }
        for j in masterVariables {
            let d = reducedCosts[j], v = original.variables[j]
            guard d != 0 else { continue }
            guard let side = d > 0 ? v.lower : v.upper else { return nil }
            bound += d * side
        }
        return bound.isFinite ? bound : nil
    }

    /// Every variable's reduced cost at the master's duals (its cost less the linking rows' duals).
    func reducedCosts(_ duals: [Double]) -> [Double] {
        costOf.indices.map { j in linkingRowsOf[j].reduce(costOf[j]) { $0 - duals[$1.row] * $1.coefficient } }
    }

    /// Block b's best point at the reduced costs: its objective (before the convexity dual), a
    /// lower bound on it (the objective itself when proven), and the point. The pricer's point when
    /// it gives one that keeps the block's rows, the block's MIP otherwise.
    func price(_ b: Int, reducedCosts: [Double], pricer: (@Sendable (Int, [Double]) -> [Int: Double]?)?, solver: any Solver,
               timeLimit: Double) -> (objective: Double?, bound: Double?, point: [Double]?) {
        let variables = blocks[b].variables
        if let pricer, let values = pricer(blockIDs[b], reducedCosts) {
            let point = variables.map { values[$0] ?? 0 }
            if blocks[b].model.isFeasible(point) {
                let objective = zip(variables, point).reduce(0) { $0 + reducedCosts[$1.0] * $1.1 }
                return (objective, objective, point)
            }
        }
        var sub = blocks[b].model
        sub.objective = variables.enumerated().compactMap { q, j in
            reducedCosts[j] == 0 ? nil : (Variable(index: q, model: sub.id), reducedCosts[j])
        }
        var options = SolveOptions(timeLimit: max(0.001, timeLimit))
        options.dive = false
        options.nodeLimit = 2000
        let r = solver.solve(sub, options: options)
        let bound = r.termination == .optimal ? r.objective : r.bound
        return (r.objective, bound, r.solution?.values)
    }
}
