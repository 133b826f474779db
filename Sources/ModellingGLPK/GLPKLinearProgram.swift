// SPDX-License-Identifier: GPL-3.0-or-later
//
// A linear program kept loaded in GLPK between solves (column generation's restricted master):
// columns are appended to the problem, and each simplex starts from the basis the last one left,
// in which the new columns are non-basic at zero — still primal feasible, so the primal simplex
// goes on from there instead of starting over.

import GLPK
import Modelling

extension GLPKSolver {
    public func linearProgram(_ model: Model) -> (any ResolvableLinearProgram)? {
        guard let problem = try? load(model) else { return nil }
        // Columns added later keep a scale factor of 1.
        problem.scale()
        return GLPKLinearProgram(problem, columns: model.variables.count, rows: model.constraints.count)
    }
}

/// Frees its GLPK problem when released; use it on the thread that made it.
final class GLPKLinearProgram: ResolvableLinearProgram {
    private let problem: GLPKProblem
    private var columns: Int
    private let rows: Int
    /// Whether the problem holds a basis from an earlier solve (then the primal simplex resumes).
    private var warm = false

    init(_ problem: GLPKProblem, columns: Int, rows: Int) {
        self.problem = problem; self.columns = columns; self.rows = rows
    }

    @discardableResult
    func addColumn(cost: Double, lower: Double?, upper: Double?, terms: [(constraint: Int, coefficient: Double)]) throws -> Int {
        // Checked before GLPK is touched, so that a refusal leaves the program as it was.
        let bounds = try GLPKBounds.between(lower, upper)
        guard cost.isFinite else { throw GLPKError(.invalidArgument, "column cost \(cost) is not finite") }
        var merged: [Int: Double] = [:]
        for t in terms {
            guard (0..<rows).contains(t.constraint) else {
                throw GLPKError(.invalidArgument, "constraint \(t.constraint) is out of range 0..<\(rows)")
            }
            guard t.coefficient.isFinite else {
                throw GLPKError(.invalidArgument, "coefficient \(t.coefficient) of constraint \(t.constraint) is not finite")
            }
            merged[t.constraint, default: 0] += t.coefficient
        }
        let sorted = merged.sorted { $0.key < $1.key }
        let j = try problem.addColumns(1)
        try problem.setColumnBounds(j, bounds)
        try problem.setObjectiveCoefficient(j, cost)
        try problem.setColumn(j, rows: sorted.map { $0.key + 1 }, coefficients: sorted.map(\.value))
        columns += 1
        return j - 1
    }

    func solve(timeLimit: Double) -> SolveResult {
        let clock = ContinuousClock(), start = clock.now
        var stats = SolveStatistics()
        stats.variables = columns
        stats.constraints = rows
        func finish(_ termination: Termination, _ solution: Solution? = nil, duals: [Double]? = nil,
                    reducedCosts: [Double]? = nil) -> SolveResult {
            stats.seconds = (clock.now - start).seconds
            stats.simplexIterations = problem.simplexIterations
            return SolveResult(termination: termination, solution: solution, bound: solution?.objective, duals: duals,
                               reducedCosts: reducedCosts, statistics: stats)
        }
        guard timeLimit.isFinite, timeLimit > 0 else {
            return finish(.solverFailure("the time limit must be a positive number of seconds, not \(timeLimit)"))
        }
        var parameters = GLPKSimplexParameters()
        parameters.timeLimitMilliseconds = Int(min(1e9, max(1, timeLimit * 1000)))
        parameters.dual = !warm
        var code = problem.simplex(parameters)
        if code == .invalidBasis {
            // The basis left by the last solve no longer factorises: start over.
            problem.resetBasis()
            parameters.dual = true
            code = problem.simplex(parameters)
        }
        if let stopped = simplexTermination(code, problem.basicStatus, dualInfeasibleIsUnbounded: true) {
            // A limit leaves a basis to resume from; any other end does not.
            if case .limitReached = stopped {} else { warm = false }
            return finish(stopped)
        }
        warm = true
        return finish(.optimal, Solution(values: Array(problem.basicColumnValues.dropFirst()), objective: problem.basicObjective),
                      duals: Array(problem.rowDuals.dropFirst()), reducedCosts: Array(problem.reducedCosts.dropFirst()))
    }
}
