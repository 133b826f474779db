// SPDX-License-Identifier: GPL-3.0-or-later
//
// LP-guided diving: a first integer point for GLPK's branch-and-cut, whose own primal heuristics
// often find none on rostering weeks for minutes (shared/notes/solver-performance.md). From an
// optimal LP basis, each round fixes the integer columns the relaxation already sets to whole
// values, rounds up the ones it nearly sets to one, and re-solves with the dual simplex (a warm
// start); an infeasible round is undone and retried one column at a time, up then down.

import GLPK
import Modelling

struct Dive {
    let model: Model
    /// Milliseconds left for the whole solve.
    let remainingMilliseconds: () -> Int

    /// Statistics of the last run.
    private(set) var rounds = 0
    private(set) var simplexIterations = 0
    static let maximumBacktracks = 30
    static let batchDivisor = 20

    init(model: Model, remainingMilliseconds: @escaping () -> Int) {
        self.model = model
        self.remainingMilliseconds = remainingMilliseconds
    }

    /// How a round chooses what to fix.
    enum Rounding {
        /// Columns at one stay there; columns within 0.1 of a whole value go to it.
        case nearest
        /// Only down: every column below one half goes to zero (a roster with everyone idle is
        /// nearly always feasible, so this rarely fails, at some cost in quality).
        case downward
    }

    /// A column vector (index 0 unused) that is integral on every integer column and feasible, or nil:
    /// the nearest-rounding dive, or the downward one when that fails. `problem` must hold an
    /// optimal basis; it is not changed (the dives work on copies).
    mutating func run(from problem: GLPKProblem) -> [Double]? {
        dive(from: problem, .nearest) ?? dive(from: problem, .downward)
    }

    private mutating func dive(from problem: GLPKProblem, _ strategy: Rounding) -> [Double]? {
        guard problem.basicStatus == .optimal, let lp = try? problem.copy() else { return nil }
        // Binary columns are rounded; general integers (slacks counted in whole units) follow them:
        // once every binary is whole, the relaxation sets them to whole values of their own.
        let integerColumns = model.variables.indices.filter { model.variables[$0].kind == .binary }.map { $0 + 1 }
        let generalColumns = model.variables.indices.filter { model.variables[$0].kind == .integer }.map { $0 + 1 }
        var fixed = [Bool](repeating: false, count: model.variables.count + 1)
        var values = problem.basicColumnValues
        var history: [[(column: Int, value: Double)]] = []
        var backtracks = 0
        func isWhole(_ x: Double) -> Bool { abs(x - x.rounded()) <= 1e-6 }

        func fix(_ batch: [(column: Int, value: Double)]) -> Bool {
            for (j, x) in batch {
                guard (try? lp.setColumnBounds(j, .fixed(x))) != nil else { return false }
                fixed[j] = true
            }
            var parameters = GLPKSimplexParameters()
            parameters.timeLimitMilliseconds = remainingMilliseconds()
            let code = lp.simplex(parameters)
            simplexIterations = lp.simplexIterations
            return code == .ok && lp.basicStatus == .optimal
        }
        func release(_ batch: [(column: Int, value: Double)]) {
            for (j, _) in batch {
                let d = model.variables[j - 1]
                _ = try? lp.setColumnBounds(j, .between(d.lower, d.upper))
                fixed[j] = false
            }
        }

        while remainingMilliseconds() > 1 {
            rounds += 1
            // Nearest: columns already at one stay there. Columns at zero stay free.
            var whole: [(column: Int, value: Double)] = [], fractional: [(column: Int, value: Double)] = []
            for j in integerColumns where !fixed[j] {
                if !isWhole(values[j]) {
                    fractional.append((j, values[j]))
                } else if values[j] > 0.5 && strategy == .nearest {
                    whole.append((j, values[j].rounded()))
                }
            }
            if fractional.isEmpty {
                // General integers the relaxation left fractional (a slack on a hull edge, say) go up
                // to the next whole value, which keeps every `>=` row they support satisfied; the
                // relaxation then checks the point.
                let up = generalColumns.filter { !isWhole(values[$0]) }.map { ($0, (values[$0] - 1e-6).rounded(.up)) }
                if !up.isEmpty {
                    guard fix(up) else { return nil }
                    values = lp.basicColumnValues
                }
                guard generalColumns.allSatisfy({ isWhole(values[$0]) }) else { return nil }
                for j in integerColumns + generalColumns { values[j] = values[j].rounded() }
                return values
            }
            // Nearest to a whole value first (ties by column, so the dive is deterministic); round
            // every column within 0.1 of one at once, else the nearest twentieth (large weeks have
            // thousands of fractional columns: one at a time would take thousands of re-solves).
            func distance(_ x: Double) -> Double { abs(x - x.rounded()) }
            fractional.sort { (distance($0.value), $0.column) < (distance($1.value), $1.column) }
            var rounding: [(Int, Double)]
            switch strategy {
            case .nearest: rounding = fractional.prefix { distance($0.value) <= 0.1 }.map { ($0.column, $0.value.rounded()) }
            case .downward: rounding = fractional.filter { $0.value - $0.value.rounded(.down) < 0.5 }.map { ($0.column, $0.value.rounded(.down)) }
            }
            if rounding.isEmpty {
                rounding = fractional.prefix(max(1, fractional.count / Self.batchDivisor)).map { ($0.column, $0.value.rounded()) }
            }
            if fix(whole + rounding) {
                history.append(whole + rounding)
                values = lp.basicColumnValues
                continue
            }
            release(whole + rounding)
            let best = fractional[0]
            var moved = false
            let nearest = best.value.rounded(), other = nearest > best.value ? nearest - 1 : nearest + 1
            for batch in [[(best.column, nearest)], [(best.column, other)]] {
                if fix(batch) { moved = true; history.append(batch); break }
                release(batch)
            }
            // Neither way: an earlier round went wrong. Undo rounds from the latest back, fixing each
            // one's first column the other way, until the relaxation is feasible again.
            while !moved, backtracks < Self.maximumBacktracks, let last = history.popLast() {
                backtracks += 1
                release(last)
                let (column, value) = last[0]
                let other = [(column, value >= 1 ? value - 1 : value + 1)]
                if fix(other) { moved = true; history.append(other) } else { release(other) }
            }
            guard moved else { return nil }
            values = lp.basicColumnValues
        }
        return nil
    }
}
