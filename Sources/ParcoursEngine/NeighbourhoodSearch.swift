// SPDX-License-Identifier: GPL-3.0-or-later
//
// Large-neighbourhood search over the week's model (shared/notes/solver-performance.md: how general
// solvers' incumbents are beaten on rostering). A roster is a point of the model; a neighbourhood
// frees the assignments of some people (all their week, or one day of it) and the supervision of the
// shifts they work or could fill, or some shifts of one period whole; it keeps everything else
// where it is, and the small MIP left is solved with GLPK from the current roster, so that it can
// only improve. Neighbourhoods grow while their
// sub-problems are solved to optimality within the node limit, and shrink when they are not.
//
// Nothing here depends on the week's shape: no sites, no slot lengths, no objective step.
// Deterministic: the same model, start and options give the same rosters (each sub-problem stops on
// a node limit; a time limit only cuts the search short).

import Dispatch
import Synchronization
import Modelling
import ParcoursScenario

public struct NeighbourhoodSearchOptions: Sendable {
    /// Rounds at most (a round solves one sub-problem per thread); nil = until the deadline.
    public var rounds: Int?
    /// Seconds at most, from the search's start.
    public var timeLimit: Double = 60
    /// Branch-and-bound nodes per sub-problem.
    public var subproblemNodeLimit = 50
    /// Seconds per sub-problem at most (a safety net: the node limit ends them first). Without a
    /// work limit, neighbourhoods also shrink after a sub-problem that took a second or more.
    public var subproblemTimeLimit = 5.0
    /// Sub-problems solved at once, one GLPK problem per thread.
    public var threads = 1
    public var seed: UInt64 = 1
    /// Cutting planes in the sub-problems: every other round (measured: with them, rounds are slower
    /// and better; which pays depends on the week, so the search does both).
    public var cuts = Cuts.everyOtherRound
    public enum Cuts: Sendable { case never, always, everyOtherRound }
    /// Free decisions in the first neighbourhood.
    public var initialSize = 300
    /// Asked from outside to stop (Ctrl-C): the search returns its best point at once.
    public var interruption: Interruption?
    /// Solves the rounding of each relaxation put on the board (`roundedRelaxation`: the root's,
    /// then a decomposition's) before the next round.
    public var roundsRelaxation = true
    /// Where the search says what it did (`solve --verbose`).
    public var log: (@Sendable (String) -> Void)?
    public init() {}
}

public struct NeighbourhoodSearchStatistics: Sendable, Equatable {
    public var rounds = 0
    public var improvements = 0
    public var subproblemsProvedOptimal = 0
    /// What each kind of neighbourhood did (printed by `solve --verbose`).
    var kinds: [NeighbourhoodSearch.Kind: KindTally] = [:]
}

struct NeighbourhoodSearch: Sendable {
    let built: RosterModel
    let solver: any Solver
    /// Decision variables of each participant (assignments and enrolments) and of each shift's supervision.
    private let assignmentsOf: [[Int]]
    private let enrolmentsOf: [[Int]]
    private let supervisionOfShift: [[Int]]
    private let supervisionOfSupervisor: [[Int]]
    private let assignmentsOfShift: [[Int]]
    private let peopleOfActivity: [[Int]]
    /// Variables freed with the decisions that drive them: slacks, days worked, trainings that run.
    private let dependent: [Bool]
    private var decisionCount: Int { built.assignments.count + built.enrolments.count + built.supervisions.count }

    init(_ built: RosterModel, solver: any Solver) {
        self.built = built
        self.solver = solver
        let P = built.scenario.participants.count
        var assignmentsOf = [[Int]](repeating: [], count: P), enrolmentsOf = [[Int]](repeating: [], count: P)
        var supervisionOfShift = [[Int]](repeating: [], count: built.index.shifts.count)
        var supervisionOfSupervisor = [[Int]](repeating: [], count: built.scenario.supervisors.count)
        var assignmentsOfShift = [[Int]](repeating: [], count: built.index.shifts.count)
        var peopleOfActivity = [Set<Int>](repeating: [], count: built.scenario.activities.count)
        var dependent = [Bool](repeating: true, count: built.model.variables.count)
        for (i, a) in built.assignments.enumerated() {
            assignmentsOf[a.participant].append(i)
            assignmentsOfShift[a.shift].append(i)
            peopleOfActivity[built.index.shifts[a.shift].activity].insert(a.participant)
            dependent[a.variable.index] = false
        }
        for (i, e) in built.enrolments.enumerated() { enrolmentsOf[e.participant].append(i); dependent[e.variable.index] = false }
        for (i, s) in built.supervisions.enumerated() {
            supervisionOfShift[s.shift].append(i)
            supervisionOfSupervisor[s.supervisor].append(i)
            dependent[s.variable.index] = false
        }
        self.assignmentsOf = assignmentsOf
        self.enrolmentsOf = enrolmentsOf
        self.supervisionOfShift = supervisionOfShift
        self.supervisionOfSupervisor = supervisionOfSupervisor
        self.assignmentsOfShift = assignmentsOfShift
        self.peopleOfActivity = peopleOfActivity.map { $0.sorted() }
        self.dependent = dependent
    }

    // MARK: A first roster

    /// The greedy roster (`GreedyRoster`), or else everyone idle but what is pinned or frozen, with
    /// the supervisors, trainings and slacks those need: the sub-problem over the supervision of the pinned shifts, the enrolments in pinned
    /// trainings (someone may have to join to reach a minimum) and every slack. Nil when that has
    /// no solution (the week itself may be infeasible: the full search says why).
    func firstRoster(timeLimit: Double) -> [Double]? {
        let model = built.model
        if let greedy = GreedyRoster(built).point() {
            if model.isFeasible(greedy) { return greedy }
            // Its slacks from the solver when their propagated bounds missed a row.
            let sub = model.restricted(free: dependent, dependent: dependent, at: greedy)
            if let solution = solver.solve(sub.model, options: SolveOptions(timeLimit: max(0.05, timeLimit))).solution {
                let completed = sub.expand(solution.values, into: greedy)
                if model.isFeasible(completed) { return completed }
            }
        }
        // Everyone idle but what is pinned or frozen.
        func pinned(_ v: Variable) -> Bool { (model.definition(v).lower ?? 0) > 0 }
        let point = model.variables.map { max(0, $0.lower ?? 0) }
        var free = dependent
        for a in built.assignments where pinned(a.variable) {
            for i in supervisionOfShift[a.shift] { free[built.supervisions[i].variable.index] = true }
        }
        let pinnedTrainings = Set(built.enrolments.filter { pinned($0.variable) }.map(\.training))
        for e in built.enrolments where pinnedTrainings.contains(e.training) { free[e.variable.index] = true }
        let sub = model.restricted(free: free, dependent: dependent, at: point)
        let result = solver.solve(sub.model, options: SolveOptions(timeLimit: max(0.05, timeLimit)))
        guard let solution = result.solution else { return nil }
        // Rows with nothing free were left out of the sub-problem: two pins in one period, say.
        let roster = sub.expand(solution.values, into: point)
        return model.isFeasible(roster) ? roster : nil
    }

    // MARK: Improving

    /// People at random; the people of activities at random; one day of people at random; the
    /// people who could work today's short shifts (on those days); the people short of their
    /// minimum or of a goal, with others of their activities; shifts of one period at random,
    /// whole, with their supervision (who works and who supervises where then).
    /// And, once the root relaxation is known, the decisions where it and the roster disagree
    /// (relaxation-induced neighbourhoods, RINS: where they agree, the roster is likely right).
    /// And, once the others have stopped gaining (`KindChoice.stalled`), supervisors' weeks: which
    /// shifts each supervises, with people who could work those shifts free in their periods (a
    /// shift opened on Monday for one closed on Friday: what neither a period nor a person frees
    /// alone).
    enum Kind: CaseIterable { case people, activity, day, shortShifts, shortPeople, period, supervisors, relaxation }

    /// A neighbourhood of about `size` free decisions around `point`: its free variables.
    func neighbourhood(_ kind: Kind, size: Int, at point: [Double], relaxation: [Double]? = nil,
                       _ random: inout SplitMix64) -> [Bool] {
        var free = [Bool](repeating: false, count: built.model.variables.count)
        let P = built.scenario.participants.count
        var count = 0
        func take(_ p: Int, day: Int?) { count += self.take(p, day: day, at: point, into: &free) }
        switch kind {
        case .people:
            for p in random.shuffled(Array(0..<P)) where count < size { take(p, day: nil) }
        case .activity:
            let activities = random.shuffled(peopleOfActivity.indices.filter { !peopleOfActivity[$0].isEmpty })
            var taken = Set<Int>()
            for a in activities where count < size {
                for p in random.shuffled(peopleOfActivity[a]) where count < size && taken.insert(p).inserted { take(p, day: nil) }
            }
        case .shortShifts:
            let short = random.shuffled(built.shortfallOfShift.keys.sorted().filter { point[built.shortfallOfShift[$0]!.index] > 0.5 })
            for si in short where count < size {
                let day = built.index.shifts[si].period.dayIndex
                for i in random.shuffled(assignmentsOfShift[si]) where count < size { take(built.assignments[i].participant, day: day) }
            }
            for p in random.shuffled(Array(0..<P)) where count < size { take(p, day: nil) }
        case .shortPeople:
            func cost(_ e: LinearExpression?) -> Double { e.map { $0.value(point) } ?? 0 }
            var behind = Set(built.under.keys.filter { cost(built.under[$0]) > 1e-9 })
            for g in built.goalShortfalls where g.short.value(point) > 1e-9 { behind.insert(g.participant) }
            var taken = Set<Int>()
            for p in random.shuffled(behind.sorted()) where count < size && taken.insert(p).inserted {
                take(p, day: nil)
                let activities = Set(assignmentsOf[p].map { built.index.shifts[built.assignments[$0].shift].activity }).sorted()
                guard !activities.isEmpty else { continue }
                let a = activities[random.below(activities.count)]
                for q in random.shuffled(peopleOfActivity[a]).prefix(3) where count < size && taken.insert(q).inserted { take(q, day: nil) }
            }
            for p in random.shuffled(Array(0..<P)) where count < size { take(p, day: nil) }
        case .period:
            let periods = built.index.periods
            let t = periods[random.below(periods.count)].index
            // Its shifts in a random order, whole, until the size (a large site's period is a
            // sub-problem GLPK does not finish in seconds).
            let shifts = built.index.shifts.indices.filter { built.index.shifts[$0].period.index == t }
            for si in random.shuffled(shifts) where count < size {
                for i in assignmentsOfShift[si] { free[built.assignments[i].variable.index] = true }
                for i in supervisionOfShift[si] { free[built.supervisions[i].variable.index] = true }
                count += assignmentsOfShift[si].count + supervisionOfShift[si].count
            }
        case .relaxation:
            guard let relaxation else { break }
            // The decisions that disagree, by person and day (a person's enrolments with their
            // first day; a supervisor's supervision by day), in groups at random until the size.
            func disagrees(_ v: Variable) -> Bool { abs(relaxation[v.index] - point[v.index]) > 0.1 }
            var groups: [Int: [Int]] = [:]
            let days = max(1, built.scenario.calendar.days.count)
            for a in built.assignments where disagrees(a.variable) {
                groups[a.participant * days + built.index.shifts[a.shift].period.dayIndex, default: []].append(a.variable.index)
            }
            for e in built.enrolments where disagrees(e.variable) { groups[e.participant * days, default: []].append(e.variable.index) }
            let people = P * days
            for v in built.supervisions where disagrees(v.variable) {
                groups[people + v.supervisor * days + built.index.shifts[v.shift].period.dayIndex, default: []].append(v.variable.index)
            }
            for key in random.shuffled(groups.keys.sorted()) where count < size {
                for j in groups[key]! where !free[j] { free[j] = true; count += 1 }
            }
        case .supervisors:
            var freedShift = Set<Int>(), freedPersonPeriod = Set<Int>()
            let periods = max(1, built.index.periods.count)
            for b in random.shuffled(supervisionOfSupervisor.indices.filter { !supervisionOfSupervisor[$0].isEmpty }) where count < size {
                let shifts = random.shuffled(supervisionOfSupervisor[b]).map { built.supervisions[$0].shift }
                for si in shifts where count < size && freedShift.insert(si).inserted {
                    count += self.free(supervisionOf: si, into: &free)
                    // People who could work it, one at least whatever the size, in that period.
                    let t = built.index.shifts[si].period.index
                    var taken = false
                    for k in random.shuffled(assignmentsOfShift[si]) where count < size || !taken {
                        let p = built.assignments[k].participant
                        guard freedPersonPeriod.insert(p * periods + t).inserted else { continue }
                        taken = true
                        count += self.take(p, period: t, at: point, into: &free)
                    }
                }
            }
        case .day:
            let days = built.scenario.calendar.days.count
            let day = random.below(max(1, days))
            for p in random.shuffled(Array(0..<P)) where count < size { take(p, day: day) }
        }
        return free
    }

    /// Frees p's decisions (on one day, or all week with their enrolments) and the supervision of
    /// the shifts they work in `point` or could work where a shift is short there; returns what
    /// that costs, in decisions. (Freeing the supervision of every shift they could work made one
    /// person a 1200-variable sub-problem on a 250-person site, which GLPK did not solve in
    /// seconds; the shifts open and staffed are re-supervised by the period neighbourhoods.)
    private func take(_ p: Int, day: Int?, at point: [Double], into free: inout [Bool]) -> Int {
        var count = 0
        for i in assignmentsOf[p] {
            let a = built.assignments[i]
            guard day == nil || built.index.shifts[a.shift].period.dayIndex == day else { continue }
            let works = point[a.variable.index] > 0.5
            count += self.free(assignment: i, withSupervision: works || built.shortfallOfShift[a.shift].map({ point[$0.index] > 0.5 }) ?? false,
                               into: &free)
        }
        // One day of a person costs about as much as their week: the slacks and rows of their week
        // come along with any of their decisions.
        guard day == nil else { return max(count, assignmentsOf[p].count + enrolmentsOf[p].count) }
        for i in enrolmentsOf[p] where !free[built.enrolments[i].variable.index] { free[built.enrolments[i].variable.index] = true; count += 1 }
        return count
    }

    /// Frees p's shifts of period `t` and the supervision of the one they work there in `point`;
    /// returns what that costs, in decisions.
    private func take(_ p: Int, period t: Int, at point: [Double], into free: inout [Bool]) -> Int {
        var count = 0
        for i in assignmentsOf[p] where built.index.shifts[built.assignments[i].shift].period.index == t {
            count += self.free(assignment: i, withSupervision: point[built.assignments[i].variable.index] > 0.5, into: &free)
        }
        return count
    }

    /// Frees assignment `i` and, where `supervision`, every supervisor's decision on its shift;
    /// returns how many decisions were not free yet.
    private func free(assignment i: Int, withSupervision supervision: Bool, into free: inout [Bool]) -> Int {
        let a = built.assignments[i]
        var count = 0
        if !free[a.variable.index] { free[a.variable.index] = true; count += 1 }
        return supervision ? count + self.free(supervisionOf: a.shift, into: &free) : count
    }

    /// Frees every supervisor's decision on shift `si`; returns how many were not free yet.
    private func free(supervisionOf si: Int, into free: inout [Bool]) -> Int {
        var count = 0
        for s in supervisionOfShift[si] where !free[built.supervisions[s].variable.index] {
            free[built.supervisions[s].variable.index] = true; count += 1
        }
        return count
    }

    struct Outcome: Sendable {
        var values: [Double]
        var objective: Double
        var proved: Bool
        /// The solver's work on it (simplex iterations and nodes): the same on every machine.
        var work: Int
    }

    /// How a sub-problem is solved: a stop as soon as the bound leaves no better multiple of its
    /// own objective's step; a dive first where `dive`; a branching rule that solves nothing ahead
    /// (`quickBranching`), not reliability branching, whose strong branching pays over a large
    /// tree, not over a sub-problem's few nodes (SCIP's neighbourhood heuristics likewise switch
    /// their sub-problems to a cheap rule); the 50 most fractional variables' Gomory cuts a round.
    private func subproblemOptions(_ sub: Model, timeLimit: Double, nodeLimit: Int?, cuts: Bool, dive: Bool = true,
                                   interruption: Interruption?) -> SolveOptions {
        var options = SolveOptions(timeLimit: max(0.01, timeLimit))
        options.reliabilityBranching = false
        options.nodeLimit = nodeLimit
        options.objectiveStep = sub.objectiveGranularity
        options.dive = dive
        options.cuts = cuts
        // A sub-problem is after a roster, not a bound: GLPK's 50 Gomory cuts a root round, not
        // one from every fractional variable (timed, three-slots-150 at 60 s: 138726 and 138890
        // against 141587 and 140189; classic-300 and afternoon325-200 within noise).
        options.gomoryCutsPerRound = 50
        options.interruption = interruption
        // Driebeck and Tomlin's rule, not GLPK's pseudo-costs, whose start solves two relaxations
        // per fractional variable (a rounding at 300 people with 2000 of them: 3 nodes in 7–18 s,
        // 180–300 with this rule). Measured at 60 s against GLPK's rule, the README's performance
        // section.
        options.quickBranching = true
        return options
    }

    /// Solves one neighbourhood from `point`; the point found there (never worse than `point`).
    func solve(_ free: [Bool], from point: [Double], objective: Double, options: NeighbourhoodSearchOptions,
               cuts: Bool, deadline: ContinuousClock.Instant) -> Outcome {
        let sub = built.model.restricted(free: free, dependent: dependent, at: point)
        let left = (deadline - ContinuousClock.now).seconds
        var subOptions = subproblemOptions(sub.model, timeLimit: min(options.subproblemTimeLimit, left),
                                           nodeLimit: options.subproblemNodeLimit, cuts: cuts, interruption: options.interruption)
        subOptions.hint = sub.model.hint(from: sub.restrict(point))
        let result = solver.solve(sub.model, options: subOptions)
        // Proved, and (without a work limit) quickly: a sub-problem that takes a second is too big
        // for a search that wants many rounds, whatever its node count.
        let proved = result.termination == .optimal && (options.rounds != nil || result.statistics.seconds < 1)
        let work = result.statistics.simplexIterations + result.statistics.nodes
        guard let solution = result.solution, solution.objective < objective - 1e-9 else {
            return Outcome(values: point, objective: objective, proved: proved, work: work)
        }
        let values = sub.expand(solution.values, into: point)
        guard built.model.isFeasible(values) else {
            options.log?("a neighbourhood's roster breaks a row of the whole week: dropped")
            return Outcome(values: point, objective: objective, proved: false, work: work)
        }
        return Outcome(values: values, objective: built.model.objectiveValue(values), proved: proved, work: work)
    }

    /// A relaxation rounded where it is whole (relaxation-enforced neighbourhood, RENS): the
    /// decisions the relaxation sets to whole values kept there, the fractional ones and every
    /// dependent variable free, and that small MIP solved (without cuts: with them, GLPK did 17
    /// nodes in 10 s at 300 people). Nil when it has no roster within the limit (the whole values
    /// may admit none). What it gained, measured: the README's performance section.
    ///
    /// With `cutoff` (the best roster so far), only rosters better than it are searched for: the
    /// sub-problem ends as soon as its bound shows there is none.
    func roundedRelaxation(_ relaxation: [Double], better cutoff: Double? = nil, timeLimit: Double, nodeLimit: Int?,
                           interruption: Interruption?, log: (@Sendable (String) -> Void)? = nil) -> Outcome? {
        let model = built.model
        var free = dependent
        var point = relaxation
        var fractional = 0
        for j in point.indices where !dependent[j] {
            let whole = point[j].rounded()
            if abs(point[j] - whole) > 1e-6 { free[j] = true; fractional += 1 } else { point[j] = whole }
        }
        let sub = model.restricted(free: free, dependent: dependent, at: point)
        // No dive: the rounding is one already (measured at 60 s on 4 weeks of 40–300 people:
        // without it, the rounding's roster was as good or better on 3 of 4, and the master's
        // rounding of classic-300 got past its root — 581 nodes, where the dive took the 8.7 s).
        let subOptions = subproblemOptions(sub.model, timeLimit: timeLimit, nodeLimit: nodeLimit, cuts: false, dive: false,
                                           interruption: interruption)
        let result = solver.solve(cutoff.map { sub.model.onlyBetter(than: $0) } ?? sub.model, options: subOptions)
        let work = result.statistics.simplexIterations + result.statistics.nodes
        log?("rounded relaxation: \(fractional) of \(decisionCount) decisions fractional, \(sub.model.variables.count) variables free"
             + "\(cutoff.map { ", better than \(JSON.number($0))" } ?? ""): \(result.termination), "
             + "\(result.solution.map { JSON.number($0.objective) } ?? "no roster") in \(JSON.number(result.statistics.seconds)) s, "
             + "\(result.statistics.nodes) nodes")
        guard let solution = result.solution else { return nil }
        let values = sub.expand(solution.values, into: point)
        guard model.isFeasible(values) else { return nil }
        return Outcome(values: values, objective: model.objectiveValue(values), proved: result.termination == .optimal, work: work)
    }

    /// Improves `start` (a feasible point) round by round until the rounds, the deadline or the
    /// board's `finished` end it; takes the board's better points, and posts each improvement there.
    func improve(_ start: [Double], options: NeighbourhoodSearchOptions, board: IncumbentBoard? = nil,
                 progress: ((Double) -> Void)? = nil) -> (values: [Double], statistics: NeighbourhoodSearchStatistics) {
        let deadline = ContinuousClock.now + .seconds(min(1e9, max(0, options.timeLimit)))
        var random = SplitMix64(seed: options.seed)
        var point = start, objective = built.model.objectiveValue(start)
        var statistics = NeighbourhoodSearchStatistics()
        let total = decisionCount
        guard total > 0 else { return (point, statistics) }
        let largest = max(1, total * 3 / 5), smallest = min(largest, 60)
        var kinds = KindChoice(size: min(largest, max(smallest, options.initialSize)), smallest: smallest, largest: largest)
        let threads = max(1, options.threads)
        /// How many of the board's relaxations are rounded (`Int.max`: none will be).
        var rounded = options.roundsRelaxation ? 0 : Int.max
        /// The better point becomes the search's, and the board's.
        func adopt(_ values: [Double], _ value: Double, from source: String) {
            point = values; objective = value
            statistics.improvements += 1
            board?.post(point, objective: objective, source: source)
            progress?(objective)
        }
        while ContinuousClock.now < deadline, !(board?.finished ?? false), options.interruption?.isInterrupted != true {
            if let rounds = options.rounds, statistics.rounds >= rounds { break }
            if let entry = board?.entry, entry.objective < objective - 1e-9, built.model.isFeasible(entry.values) {
                point = entry.values; objective = entry.objective
            }
            let relaxation = board?.relaxation
            // Each relaxation kept in turn, also one a later one replaced while a round ran (the
            // root's before and after its cuts: where one's whole values admit no roster, the
            // other's often do).
            if rounded < Int.max, let next = board?.relaxation(generation: rounded + 1) {
                // As soon as a relaxation is known: its rounding is often far better than the
                // rosters the neighbourhoods reached from the first one. Ten sub-problems' nodes,
                // whatever the time limit (measured on 6 weeks of 40–300 people at 60 s, against a
                // quarter of the time left: the roster at 10 s 0.2–33 % better, at 60 s the same or
                // up to 1 % better; against HiGHS on 14 weeks, the 60 s ratios moved by −0.4 % to
                // +0.4 %; a longer rounding did not find better rosters).
                rounded += 1
                let left = (deadline - ContinuousClock.now).seconds
                let outcome = roundedRelaxation(next, better: objective, timeLimit: min(left, max(2, left / 4)),
                                                nodeLimit: options.subproblemNodeLimit * 10,
                                                interruption: options.interruption, log: options.log)
                if let outcome, outcome.objective < objective - 1e-9 {
                    adopt(outcome.values, outcome.objective, from: "rounded relaxation")
                }
                continue
            }
            statistics.rounds += 1
            let chosen = (0..<threads).map { _ in kinds.next(&random, relaxation: relaxation != nil) }
            let neighbourhoods = chosen.map { neighbourhood($0, size: kinds.size[$0]!, at: point, relaxation: relaxation, &random) }
            let cuts: Bool
            switch options.cuts {
            case .never: cuts = false
            case .always: cuts = true
            case .everyOtherRound: cuts = statistics.rounds % 2 == 0
            }
            let roundStart = ContinuousClock.now
            let outcomes = solveAll(neighbourhoods, from: point, objective: objective, cuts: cuts, options: options, deadline: deadline)
            statistics.subproblemsProvedOptimal += outcomes.count { $0.proved }
            let roundSeconds = (ContinuousClock.now - roundStart).seconds
            for (kind, outcome) in zip(chosen, outcomes) {
                let gain = objective - outcome.objective
                kinds.record(kind, gain: gain, work: outcome.work, proved: outcome.proved)
                statistics.kinds[kind, default: KindTally()].add(gain: gain, proved: outcome.proved, seconds: roundSeconds)
            }
            // The best outcome, then each other one laid over it where the result stays feasible.
            let order = outcomes.indices.sorted { (outcomes[$0].objective, $0) < (outcomes[$1].objective, $1) }
            var next = outcomes[order[0]].values, nextObjective = outcomes[order[0]].objective
            for k in order.dropFirst() where outcomes[k].objective < objective - 1e-9 {
                var merged = next
                for j in merged.indices where outcomes[k].values[j] != point[j] { merged[j] = outcomes[k].values[j] }
                let value = built.model.objectiveValue(merged)
                if value < nextObjective - 1e-9, built.model.isFeasible(merged) { next = merged; nextObjective = value }
            }
            let improved = nextObjective < objective - 1e-9
            if improved { adopt(next, nextObjective, from: "neighbourhood search") }
            kinds.roundEnded(improved: improved)
        }
        if let log = options.log, statistics.rounds > 0 {
            log("neighbourhood search: \(statistics.rounds) rounds, \(statistics.improvements) improvements, ending at \(JSON.number(objective)); "
                + Kind.allCases.compactMap { kind in statistics.kinds[kind].map { "\(kind) \($0), size \(kinds.size[kind]!)" } }
                .joined(separator: "; "))
        }
        return (point, statistics)
    }

    private func solveAll(_ neighbourhoods: [[Bool]], from point: [Double], objective: Double, cuts: Bool,
                          options: NeighbourhoodSearchOptions, deadline: ContinuousClock.Instant) -> [Outcome] {
        if neighbourhoods.count == 1 {
            return [solve(neighbourhoods[0], from: point, objective: objective, options: options, cuts: cuts, deadline: deadline)]
        }
        let results = OutcomeSlots(neighbourhoods.count)
        DispatchQueue.concurrentPerform(iterations: neighbourhoods.count) { k in
            results.set(k, solve(neighbourhoods[k], from: point, objective: objective, options: options, cuts: cuts, deadline: deadline))
        }
        return results.all
    }
}

/// Which kind of neighbourhood to free next, and how large: each kind is tried once in turn, then
/// chosen at random in proportion to what it gained lately per unit of the solver's work (simplex
/// iterations and nodes, so that the choice is the same on every machine) half of the time, and
/// uniformly the other half (measured on 14 weeks of 12–60 people at a work limit: as good as
/// choosing by gain alone on average, and worse than uniform choice on fewer weeks). Each kind's
/// size, between `smallest` and `largest`, grows while its sub-problems are solved to optimality
/// and shrinks when they are not.
struct KindChoice {
    private(set) var size: [NeighbourhoodSearch.Kind: Int]
    private var score: [NeighbourhoodSearch.Kind: Double] = [:]
    private let all = NeighbourhoodSearch.Kind.allCases
    private let smallest: Int, largest: Int

    init(size initial: Int, smallest: Int, largest: Int) {
        size = Dictionary(uniqueKeysWithValues: all.map { ($0, initial) })
        self.smallest = smallest
        self.largest = largest
    }

    /// Whether the search has stalled — as many rounds in a row without a better roster as there
    /// are kinds: from then on, the kinds kept for a local optimum (`lateKinds`) are chosen too.
    /// (Measured at 60 s, `supervisors` among the others from the start: three-slots-150 better 3
    /// of 4 runs, but foreign-200 worse 3 of 3 — 26267–28809 against 20728–25421 —, the rounds it
    /// took from the kinds that still gained there.)
    private(set) var stalled = false
    private var roundsWithoutGain = 0
    static let lateKinds: Set<NeighbourhoodSearch.Kind> = [.supervisors]

    /// A round of the search ended, with a better roster or not.
    mutating func roundEnded(improved: Bool) {
        roundsWithoutGain = improved ? 0 : roundsWithoutGain + 1
        if roundsWithoutGain >= NeighbourhoodSearch.Kind.allCases.count { stalled = true }
    }

    /// The next kind; `.relaxation` only once there is one, the late kinds only once `stalled`.
    mutating func next(_ random: inout SplitMix64, relaxation: Bool = false) -> NeighbourhoodSearch.Kind {
        let all = self.all.filter { (relaxation || $0 != .relaxation) && (stalled || !Self.lateKinds.contains($0)) }
        if let untried = all.first(where: { score[$0] == nil }) {
            score[untried] = 0
            return untried
        }
        let total = all.reduce(0) { $0 + score[$1]! }
        guard total > 0, random.below(2) != 0 else { return all[random.below(all.count)] }
        var pick = Double(random.below(1 << 30)) / Double(1 << 30) * total
        for kind in all {
            pick -= score[kind]!
            if pick < 0 { return kind }
        }
        return all.last!
    }

    mutating func record(_ kind: NeighbourhoodSearch.Kind, gain: Double, work: Int, proved: Bool) {
        let rate = max(0, gain) / Double(max(1, work))
        score[kind] = 0.7 * (score[kind] ?? 0) + 0.3 * rate
        let s = size[kind]!
        size[kind] = proved ? min(largest, s + max(1, s / 4)) : max(smallest, s * 4 / 5)
    }
}

/// What one kind of neighbourhood did in a search: its sub-problems, how many found a better
/// roster and by how much in all, how many were proved, the seconds of the rounds it was in (a
/// round's sub-problems run at once, so each counts the round's whole time). Which kinds still
/// gain late in a search is what the next neighbourhoods are made from.
struct KindTally: Equatable, Sendable, CustomStringConvertible {
    var tried = 0, better = 0, proved = 0, gain = 0.0, seconds = 0.0

    mutating func add(gain g: Double, proved p: Bool, seconds t: Double) {
        tried += 1; seconds += t
        if g > 1e-9 { better += 1; gain += g }
        if p { proved += 1 }
    }

    var description: String {
        "\(tried) tried, \(better) better (gain \(JSON.number(gain))), \(proved) proved, \(JSON.number(seconds)) s"
    }
}

/// One slot per concurrent sub-problem, each written by its own thread.
private final class OutcomeSlots: Sendable {
    private let slots: Mutex<[NeighbourhoodSearch.Outcome?]>
    init(_ n: Int) { slots = Mutex(Array(repeating: nil, count: n)) }
    func set(_ k: Int, _ outcome: NeighbourhoodSearch.Outcome) { slots.withLock { $0[k] = outcome } }
    var all: [NeighbourhoodSearch.Outcome] { slots.withLock { $0.map { $0! } } }
}

