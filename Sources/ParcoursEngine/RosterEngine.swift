// SPDX-License-Identifier: GPL-3.0-or-later
//
// From a scenario to a roster: build the model, solve it, read the roster back, and check it with
// the independent checker (whose term values are the ones reported).

import Modelling
import ParcoursScenario

public struct EngineOptions: Sendable {
    /// Seconds for the whole solve.
    public var timeLimit: Double = 60
    /// Relative MIP gap at which a roster counts as optimal; 0 = proven optimal.
    public var relativeGap: Double = 0
    /// Branch-and-bound nodes at most (the same on every machine, unlike the time limit).
    public var nodeLimit: Int?
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
        func seconds() -> Double {
            let d = clock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
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
        var solveOptions = SolveOptions(timeLimit: options.timeLimit, relativeGap: options.relativeGap)
        solveOptions.objectiveStep = built.objectiveStep
        solveOptions.nodeLimit = options.nodeLimit
        solveOptions.branchingPriority = built.branchingPriority
        solveOptions.progress = options.progress
        solveOptions.log = options.log
        let result = solver.solve(built.model, options: solveOptions)
        roster.statistics = Roster.Statistics(variables: result.statistics.variables, constraints: result.statistics.constraints,
                                              simplexIterations: result.statistics.simplexIterations, nodes: result.statistics.nodes)
        switch (result.termination, result.solution) {
        case (.optimal, let solution?):
            roster.status = .optimal
            fill(&roster, from: solution, of: built, bound: result.bound)
        case (_, let solution?):
            roster.status = .feasible
            fill(&roster, from: solution, of: built, bound: result.bound)
        case (.infeasible, nil):
            roster.status = .infeasible
            roster.explanation = InfeasibilityExplainer(solver: solver).explain(scenario, frozenBefore: options.frozenBefore)
        case (.timeLimit, nil):
            roster.explanation = "No roster was found within the time limit of \(JSON.number(options.timeLimit)) s; "
                + "give more time (--time-limit) or a looser gap (--gap)."
        case (let other, nil):
            roster.explanation = "The solver stopped without a roster (\(other))."
        }
        roster.solver.seconds = seconds()
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
        // The solver's bound, never above the roster it found (they differ by rounding at most when optimal).
        let lower = min(bound ?? objective, objective)
        roster.bound = lower
        roster.gap = abs(objective - lower) / max(abs(objective), 1e-9)
    }
}
