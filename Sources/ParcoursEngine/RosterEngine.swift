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
    /// When the week falls apart into parts that share only trainings, solve each part alone first
    /// (with half the time or more) and start the whole week's search from their rosters.
    public var solvePartsFirst = true
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
        let first = options.solvePartsFirst ? rosterFromParts(of: built, options: options) : nil
        var solveOptions = SolveOptions(timeLimit: max(0.001, options.timeLimit - seconds()), relativeGap: options.relativeGap)
        solveOptions.hint = first ?? [:]
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
        case (let termination, nil) where termination != .infeasible && first != nil:
            // The whole week's search ran out of time before it had a roster: the parts' one stands.
            var values = [Double](repeating: 0, count: built.model.variables.count)
            for (v, x) in first! { values[v.index] = x }
            roster.status = .feasible
            fill(&roster, from: Solution(values: values, objective: built.model.objectiveValue(values)), of: built,
                 bound: result.bound ?? built.model.boundFromVariableBounds)
            if !RosterVerification(scenario: scenario, roster: roster).isValid {
                // A part that found nothing left a pinned person without their supervisor, say.
                roster = Roster(scenario: scenario.name, status: .noSolution, solver: roster.solver)
                roster.explanation = "No roster was found within the time limit of \(JSON.number(options.timeLimit)) s; "
                    + "give more time (--time-limit) or a looser gap (--gap)."
            }
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

    /// Solves each part of the week alone, in order, trainings' seats shared as they fill, and
    /// returns the whole roster as values of the model's integer variables (a part that finds no
    /// roster in its share of the time stays idle); nil for a week of one part.
    private func rosterFromParts(of built: RosterModel, options: EngineOptions) -> [Variable: Double]? {
        let parts = WeekParts(built.index).parts
        guard parts.count >= 2 else { return nil }
        let scenario = built.scenario, K = scenario.trainings.count
        // Half the time (90 % for a week of more than 8000 variables, whose relaxation alone takes
        // GLPK most of a minute), shared by the parts in proportion to their people; what a part
        // does not use goes to the later ones.
        let clock = ContinuousClock(), start = clock.now
        let budget = options.timeLimit * (built.model.variables.count > 8000 ? 0.9 : 0.5)
        var waiting = Double(scenario.participants.count)
        var enrolled = [Int](repeating: 0, count: K)
        var assignments: [Roster.Assignment] = [], supervision: [Roster.SupervisionEntry] = []
        for (n, part) in parts.enumerated() {
            var reserved = [Int](repeating: 0, count: K)
            for later in parts.dropFirst(n + 1) {
                for p in later.participants {
                    for case .training(let kid) in scenario.participants[p].fixed.map(\.place) {
                        if let k = built.index.trainingIndex[kid] { reserved[k] += 1 }
                    }
                }
            }
            let sub = WeekParts.scenario(of: part, in: scenario, enrolled: enrolled, reserved: reserved)
            let used = clock.now - start
            let left = budget - Double(used.components.seconds) - Double(used.components.attoseconds) * 1e-18
            let share = Double(part.participants.count) / waiting
            waiting -= Double(part.participants.count)
            var partOptions = EngineOptions(timeLimit: max(0.5, left * share), relativeGap: options.relativeGap)
            partOptions.frozenBefore = options.frozenBefore
            partOptions.nodeLimit = options.nodeLimit
            partOptions.solvePartsFirst = false
            let roster = solve(sub, options: partOptions)
            guard roster.hasSolution else { continue }   // this part stays idle in the first roster
            assignments += roster.assignments
            supervision += roster.supervision
            for e in roster.enrollments { if let k = built.index.trainingIndex[e.training] { enrolled[k] += e.participants.count } }
        }
        return built.integerValues(of: assignments, supervision)
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
        guard let bound else { return }
        let lower = min(bound, objective)
        roster.bound = lower
        roster.gap = abs(objective - lower) / max(abs(objective), 1e-9)
    }
}
