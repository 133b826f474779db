// SPDX-License-Identifier: GPL-3.0-or-later
//
// Which column branch-and-cut branches on: reliability branching (Achterberg, Koch and Martin,
// "Branching rules revisited", Operations Research Letters 33, 2005; SCIP's default rule). A
// column's pseudo-costs are what branching on it cost the relaxation per unit, down and up, as
// the tree has seen it; while a column has been seen fewer than `reliable` times each way, its
// children are solved a few dual simplex iterations deep first (strong branching), which is both a
// measure and a first pseudo-cost. Candidates are compared by the product of their two estimated
// degradations, so that a column that moves both children wins over one that moves one a lot.
//
// GLPK's own pseudo-cost rule (`GLP_BR_PCH`) solves both children of every fractional column the
// first time it is a candidate (at the root: all of them, without looking at the clock), keeps a
// per-unit estimate of a fixed column only, and compares the larger of the two degradations.
//
// Deterministic: the choices depend on the relaxations and on iteration counts, not on the clock
// (the clock, or a stop asked from outside, only ends strong branching when the search ends).

import GLPK

final class ReliabilityBranching {
    // SCIP's defaults (branching/relpscost), not tuned here.
    /// Times a column must have been seen each way before its pseudo-costs are trusted: from 5
    /// while strong branching has spent little of its budget down to 1 when it has spent it all
    /// (SCIP's minreliable and maxreliable).
    static let mostReliable = 5.0, leastReliable = 1.0
    /// Strong branching's budget in simplex iterations: this many, and half of the tree's own
    /// (SCIP's sbiterofs and sbiterquot); past it, the pseudo-costs alone choose.
    static let budgetOffset = 100_000, budgetShareOfTheTree = 0.5
    /// Candidates strong-branched in a row without a better score before the best is taken (SCIP's
    /// maxlookahead).
    static let lookahead = 9
    /// Each child's iterations at most: twice a node's average, within these.
    static let childIterations = 30...500
    /// A degradation counted as at least this much in the product (SCIP's ε).
    static let epsilon = 1e-6

    private var downSum: [Double], downCount: [Int], upSum: [Double], upCount: [Int]
    /// What was branched on at a node: the column, its value there and the node's objective.
    private var branched: [Int: (column: Int, value: Double, objective: Double)] = [:]
    /// The last node whose relaxation was observed.
    private var lastNode: Int?
    /// Node relaxations observed, and the simplex iterations of the search when the first branch came.
    private var nodesSolved = 0
    private var iterationsAtFirstBranch: Int?
    /// Iterations spent in strong branching so far.
    private(set) var strongIterations = 0
    private let isEnding: () -> Bool

    /// `columns`: the problem's column count; `isEnding`: whether the search is about to end (its
    /// time is up, or it was asked to stop), when strong branching stops at once.
    init(columns: Int, isEnding: @escaping () -> Bool) {
        downSum = Array(repeating: 0, count: columns + 1)
        upSum = downSum
        downCount = Array(repeating: 0, count: columns + 1)
        upCount = downCount
        self.isEnding = isEnding
    }

    /// At a node's relaxation (the row-generation event, before its cuts): what the branch that made
    /// the node cost per unit of its column, recorded as that column's pseudo-cost.
    func observe(_ tree: GLPKSearchTree) {
        guard let node = tree.currentNode else { return }
        let from: Int?
        if node == lastNode {
            // The same node again: after its cuts (nothing to learn), or branched on with one child
            // pruned at once by GLPK, and solved again as the other child.
            guard branched[node] != nil else { return }
            from = node
        } else {
            // A new node (GLPK reuses the numbers of deleted ones: what was branched on at an
            // earlier node of that number is forgotten).
            branched[node] = nil
            from = tree.currentParent
        }
        lastNode = node
        nodesSolved += 1
        guard let from, let parent = branched[from] else { return }
        if from == node { branched[node] = nil }
        let bounds = tree.columnBounds(parent.column)
        let change = Self.worsening(from: parent.objective, to: tree.nodeObjective, minimizing: tree.minimizes)
        if let upper = bounds.upper, upper <= parent.value.rounded(.down) + 1e-9 {
            record(parent.column, down: true, value: parent.value, change: change)
        } else if let lower = bounds.lower, lower >= parent.value.rounded(.up) - 1e-9 {
            record(parent.column, down: false, value: parent.value, change: change)
        }
    }

    private func record(_ j: Int, down: Bool, value: Double, change: Double) {
        guard j < downSum.count else { return }
        let distance = down ? value - value.rounded(.down) : value.rounded(.up) - value
        guard distance > 1e-9 else { return }
        let perUnit = change / distance
        if down { downSum[j] += perUnit; downCount[j] += 1 } else { upSum[j] += perUnit; upCount[j] += 1 }
    }

    /// The per-unit pseudo-costs of column j, down and up: its own where seen, else the average of
    /// the columns seen (1 before any).
    private func pseudoCosts(_ j: Int, averageDown: Double, averageUp: Double) -> (down: Double, up: Double) {
        (downCount[j] > 0 ? downSum[j] / Double(downCount[j]) : averageDown,
         upCount[j] > 0 ? upSum[j] / Double(upCount[j]) : averageUp)
    }

    /// How much a child's relaxation is worse than its parent's (0 when it is not).
    private static func worsening(from parent: Double, to child: Double, minimizing: Bool) -> Double {
        max(0, minimizing ? child - parent : parent - child)
    }

    private static func score(_ down: Double, _ up: Double) -> Double { max(down, epsilon) * max(up, epsilon) }

    /// Chooses the column to branch on at the branching event and branches; false when it found no
    /// candidate (GLPK's own rule then chooses). `cutoff`: the incumbent's objective, if any (a
    /// child whose relaxation reaches it is hopeless).
    func branch(_ tree: GLPKSearchTree, cutoff: Double?) -> Bool {
        let columns = tree.columnCount
        guard columns > 0, columns < downSum.count else { return false }
        let candidates = (1...columns).filter { tree.canBranch(on: $0) }
        guard !candidates.isEmpty else { return false }
        let treeIterations = tree.simplexIterations
        if iterationsAtFirstBranch == nil { iterationsAtFirstBranch = treeIterations }
        let objective = tree.nodeObjective
        func average(_ sum: [Double], _ count: [Int]) -> Double {
            var s = 0.0, n = 0
            for j in 1..<sum.count where count[j] > 0 { s += sum[j] / Double(count[j]); n += 1 }
            return n > 0 ? s / Double(n) : 1
        }
        let averageDown = average(downSum, downCount), averageUp = average(upSum, upCount)
        // Estimated degradations and scores by the pseudo-costs.
        var estimate: [Int: (down: Double, up: Double)] = [:]
        var best: (column: Int, score: Double)?
        var unreliable: [(column: Int, score: Double)] = []
        let budget = Self.budgetOffset + Int(Self.budgetShareOfTheTree * Double(treeIterations))
        let spentShare = min(1, Double(strongIterations) / Double(budget))
        let reliable = strongIterations >= budget ? 0
            : Self.leastReliable + (Self.mostReliable - Self.leastReliable) * (1 - spentShare)
        for j in candidates {
            let x = tree.nodeValue(j)
            let costs = pseudoCosts(j, averageDown: averageDown, averageUp: averageUp)
            let e = (down: costs.down * (x - x.rounded(.down)), up: costs.up * (x.rounded(.up) - x))
            estimate[j] = e
            let s = Self.score(e.down, e.up)
            if Double(min(downCount[j], upCount[j])) < reliable {
                unreliable.append((j, s))
            } else if best == nil || s > best!.score {
                best = (j, s)
            }
        }
        if !unreliable.isEmpty {
            unreliable.sort { ($0.score, -$0.column) > ($1.score, -$1.column) }
            // Each child a few iterations deep: twice a node's average since the root, at least
            // GLPK's own 30 (`eval_degrad`), at most SCIP's 500.
            let perNode = (treeIterations - iterationsAtFirstBranch!) / max(1, nodesSolved - 1)
            let limit = min(Self.childIterations.upperBound, max(Self.childIterations.lowerBound, 2 * perNode))
            var sinceBetter = 0
            var hopeless: (column: Int, first: GLPKSearchTree.FirstChild)?
            strongIterations += tree.strongBranching(on: unreliable.map(\.column), iterationLimit: limit, cutoff: cutoff) {
                j, down, up, spent in
                let x = tree.nodeValue(j)
                func change(_ child: ChildRelaxation) -> Double? {
                    guard case .bound(let value, _) = child else { return nil }
                    return Self.worsening(from: objective, to: value, minimizing: tree.minimizes)
                }
                if case .hopeless = down { hopeless = (j, .up); return false }
                if case .hopeless = up { hopeless = (j, .down); return false }
                let d = change(down), u = change(up)
                if let d { record(j, down: true, value: x, change: d) }
                if let u { record(j, down: false, value: x, change: u) }
                let e = (down: d ?? estimate[j]!.down, up: u ?? estimate[j]!.up)
                estimate[j] = e
                let s = Self.score(e.down, e.up)
                if best == nil || s > best!.score { best = (j, s); sinceBetter = 0 } else { sinceBetter += 1 }
                return sinceBetter < Self.lookahead && strongIterations + spent < budget && !isEnding()
            }
            if let hopeless {
                remember(tree, hopeless.column, objective: objective)
                return tree.branch(on: hopeless.column, first: hopeless.first)
            }
            // None strong-branched (the clock): the best by its pseudo-costs.
            if best == nil { best = unreliable.first }
        }
        guard let chosen = best?.column, let e = estimate[chosen] else { return false }
        remember(tree, chosen, objective: objective)
        return tree.branch(on: chosen, first: e.down <= e.up ? .down : .up)
    }

    private func remember(_ tree: GLPKSearchTree, _ column: Int, objective: Double) {
        guard let node = tree.currentNode else { return }
        branched[node] = (column, tree.nodeValue(column), objective)
    }
}
