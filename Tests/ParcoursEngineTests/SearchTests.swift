// SPDX-License-Identifier: GPL-3.0-or-later
//
// The search (issue #11): the objective's granularity from the actual numbers, the neighbourhood
// search that never loses ground, rosters that are the same bytes under a work limit, and the
// exported model that another reader solves to the same optimum.

import Foundation
import GLPK
import Modelling
import ModellingGLPK
import Synchronization
import Testing
import ParcoursGenerator
import ParcoursScenario
@testable import ParcoursEngine

/// Two days of a 3.5 h morning and a 3.25 h afternoon, fractional weights, one person (min 6,
/// target 7, max 10) and an activity wanting one person in every period, needing no supervisor.
func quarterHourWeek() -> Scenario {
    let calendar = Calendar(days: [.mon, .tue], slots: [Slot(id: "am", start: "08:00", end: "11:30", hours: 3.5),
                                                        Slot(id: "pm", start: "13:00", end: "16:15", hours: 3.25)])
    return Scenario(name: "quarter hours", calendar: calendar,
                    weights: Weights(coverage: 10, contract: 5, goals: 1, target: 1.5, preference: 0.25, stability: 1),
                    participants: [Participant(id: "p", hours: HoursBand(min: 6, max: 10, target: 7))],
                    activities: [activity("A", slots: ["am", "pm"], min: 1, max: 1)])
}

@Test func commonStepIsExactOnDecimals() {
    #expect(Granularity.commonStep([3.25, 3.5, 20]) == 0.25)
    #expect(Granularity.commonStep([35, 32.5, 1.25, 0.375]) == 0.125)
    #expect(Granularity.commonStep([0.1, 0.25]) == 0.05)
    #expect(Granularity.commonStep([400, 200, 8]) == 8)
    #expect(Granularity.commonStep([1.0 / 3]) == nil)
    #expect(Granularity.commonStep([2 / 3.25, 4]) == nil)   // 0.6153846…: more than six decimals
    #expect(Granularity.commonStep([0.1 + 0.2, 0.6]) == 0.3) // floating-point noise is not a decimal
    #expect(Granularity.commonStep([0, 0]) == nil)
}

@Test func objectiveStepComesFromTheWeeksOwnHoursAndWeights() throws {
    // Hour grain gcd(3.5, 3.25, 6, 7) = 0.25. Coefficients: short shifts 10 × 3.5 = 35 and
    // 10 × 3.25 = 32.5 per person; contract 5 × 0.25 = 1.25 and target 1.5 × 0.25 = 0.375 per grain;
    // preference 0 here. Their common step is 0.125 — a step of 4 (4-hour slots) would be wrong.
    let built = try RosterModel(scenario: quarterHourWeek())
    #expect(built.hourGrain == 0.25)
    #expect(built.objectiveStep == 0.125)
}

@Test func searchReachesTheHandComputedOptimumOnQuarterHours() {
    // Working 3.5 + 3.25 + 3.25 = 10 h leaves one 3.5 h shift short: coverage 35, target 1.5 × 3 = 4.5,
    // total 39.5. Every other choice costs more (3.5 + 3.5: 65; 3.5 + 3.25: 67.875), and values
    // 0.375 apart exist, so a step rounded up to anything coarser would stop on a worse roster.
    let r = solve(quarterHourWeek())
    #expect(r.status == .optimal)
    #expect(r.objective == 39.5)
    #expect(r.terms?[.coverage] == 35)
    #expect(r.terms?[.target] == 4.5)
    #expect(RosterVerification(scenario: quarterHourWeek(), roster: r).isValid)
}

@Test func theDecompositionBoundProvesTheHandComputedOptimum() throws {
    let built = try RosterModel(scenario: quarterHourWeek())
    let point = try #require(NeighbourhoodSearch(built, solver: GLPKSolver()).firstRoster(timeLimit: 5))
    let r = built.model.decompositionBound(blocks: built.participantBlocks, points: [point], solver: GLPKSolver(),
                                           options: DecompositionOptions())
    // A valid bound, and tight enough that 39.5 is the only value left above it.
    let bound = try #require(r.bound)
    #expect(bound <= 39.5 + 1e-6)
    #expect(bound > 39.5 - 0.125)
    var options = EngineOptions(timeLimit: 20)
    options.decompositionBound = true
    let roster = RosterEngine().solve(quarterHourWeek(), options: options)
    #expect(roster.status == .optimal && roster.objective == 39.5)
}

@Test func weeklyAndDailyCapsAreRoundedToWholeSlots() throws {
    // Three 3.75 h slots a day, a 20 h weekly maximum and an 8 h daily cap: no roster works more
    // than five slots (18.75 h) a week or two (7.5 h) a day, and the model's rows say so (the
    // relaxation can no longer spread 20 h over 5.33 slots). The optimum is the same: five slots
    // cover five of the nine shifts; four are short (coverage 4 × 10 × 3.75 = 150), and the
    // target (19 h) is missed by 0.25 h (target 0.25).
    let calendar = Calendar(days: [.mon, .tue, .wed], slots: [Slot(id: "am", start: "08:00", end: "11:45", hours: 3.75),
                                                               Slot(id: "mid", start: "12:00", end: "15:45", hours: 3.75),
                                                               Slot(id: "pm", start: "16:00", end: "19:45", hours: 3.75)])
    let scenario = Scenario(name: "3.75 h slots", calendar: calendar,
                            weights: Weights(coverage: 10, contract: 5, goals: 1, target: 1, preference: 0, stability: 1),
                            participants: [Participant(id: "p", hours: HoursBand(min: 10, max: 20, target: 19))],
                            activities: [activity("A", slots: ["am", "mid", "pm"], min: 1, max: 1)])
    let built = try RosterModel(scenario: scenario)
    let weekly = try #require(built.model.constraints.first { $0.name.hasPrefix(HardRule.weeklyHours.rawValue + "[") })
    #expect(weekly.upper == 18.75)
    let daily = built.model.constraints.filter { $0.name.hasPrefix(HardRule.dailyCap.rawValue + "[") }
    #expect(daily.count == 3 && daily.allSatisfy { $0.upper == 7.5 })
    let r = solve(scenario)
    #expect(r.status == .optimal)
    #expect(r.objective == 150.25)
    #expect(RosterVerification(scenario: scenario, roster: r).isValid)
}

func matrixWeek(_ name: String) throws -> Scenario {
    let week = try #require(ScenarioGenerator.matrix.first { $0.name == name })
    return try ScenarioLoader.load(yaml: week.yaml, file: "\(name).yaml")
}

@Test func neighbourhoodSearchNeverEndsWorseThanItsStartAndItsRostersAreValid() throws {
    let scenario = try matrixWeek("fractional-016")
    let built = try RosterModel(scenario: scenario)
    let search = NeighbourhoodSearch(built, solver: GLPKSolver())
    let start = try #require(search.firstRoster(timeLimit: 10))
    #expect(built.model.isFeasible(start))
    var options = NeighbourhoodSearchOptions()
    options.rounds = 12
    options.threads = 2
    let board = IncumbentBoard()
    let (improved, statistics) = search.improve(start, options: options, board: board)
    #expect(statistics.rounds == 12)
    #expect(statistics.improvements > 0)
    // Each of the 24 sub-problems counted once, under its kind; each improvement came from one
    // that found a better roster.
    #expect(statistics.kinds.values.reduce(0) { $0 + $1.tried } == 24)
    #expect(statistics.kinds.values.reduce(0) { $0 + $1.better } >= statistics.improvements)
    #expect(statistics.kinds.values.allSatisfy { $0.better <= $0.tried && $0.proved <= $0.tried && $0.gain >= 0 })
    #expect(built.model.objectiveValue(improved) <= built.model.objectiveValue(start))
    #expect(built.model.isFeasible(improved))
    // Every roster it posted along the way is valid for the independent checker.
    let roster = RosterEngine().roster(from: improved, of: built)
    #expect(RosterVerification(scenario: scenario, roster: roster).isValid)
    #expect(abs((roster.objective ?? .infinity) - built.model.objectiveValue(improved)) < 1e-6)
}

/// fractional-016's model, its search, two of its rosters (the first and a better one) and a
/// relaxation half-way between them: whole where they agree, ½ where they differ, so that either
/// roster completes its rounding (an LP vertex may keep whole values no roster completes).
private func roundingWeek() throws -> (scenario: Scenario, built: RosterModel, search: NeighbourhoodSearch, relaxation: [Double],
                                       best: Double) {
    let scenario = try matrixWeek("fractional-016")
    let built = try RosterModel(scenario: scenario)
    let search = NeighbourhoodSearch(built, solver: GLPKSolver())
    let first = try #require(search.firstRoster(timeLimit: 10))
    var options = NeighbourhoodSearchOptions()
    options.rounds = 6
    let better = search.improve(first, options: options).values
    try #require(built.model.objectiveValue(better) < built.model.objectiveValue(first) - 1e-6)
    let relaxation = zip(first, better).map { ($0 + $1) / 2 }
    #expect(built.model.relaxed().isFeasible(relaxation))
    return (scenario, built, search, relaxation, built.model.objectiveValue(better))
}

@Test func theRoundedRelaxationKeepsTheRelaxationsWholeValuesAndGivesAValidRoster() throws {
    let (scenario, built, search, relaxation, best) = try roundingWeek()
    let rounded = try #require(search.roundedRelaxation(relaxation, timeLimit: 30, nodeLimit: 5000, interruption: nil))
    #expect(built.model.isFeasible(rounded.values))
    // Proven within the rounding: at least as good as the better of the two rosters that complete it.
    try #require(rounded.proved)
    #expect(rounded.objective <= best + 1e-6)
    // Where the relaxation sets a decision to a whole value, the roster keeps it.
    let decisions = built.assignments.map(\.variable) + built.enrolments.map(\.variable) + built.supervisions.map(\.variable)
    let whole = decisions.filter { abs(relaxation[$0.index] - relaxation[$0.index].rounded()) <= 1e-6 }
    #expect(!whole.isEmpty && whole.count < decisions.count)
    #expect(whole.allSatisfy { rounded.values[$0.index] == relaxation[$0.index].rounded() })
    let roster = RosterEngine().roster(from: rounded.values, of: built)
    #expect(RosterVerification(scenario: scenario, roster: roster).isValid)
}

@Test func theRoundedRelaxationWithACutoffReturnsOnlyABetterRoster() throws {
    let (_, built, search, relaxation, _) = try roundingWeek()
    let rounded = try #require(search.roundedRelaxation(relaxation, timeLimit: 30, nodeLimit: 5000, interruption: nil))
    try #require(rounded.proved, "the rounding's own optimum is needed to know that nothing better exists")
    // Nothing better than the rounding's optimum: none; a little worse than it: a roster below the cutoff.
    #expect(search.roundedRelaxation(relaxation, better: rounded.objective, timeLimit: 30, nodeLimit: 5000, interruption: nil)?.objective == nil)
    let above = try #require(search.roundedRelaxation(relaxation, better: rounded.objective + 1, timeLimit: 30, nodeLimit: 5000,
                                                      interruption: nil))
    #expect(above.objective < rounded.objective + 1)
    #expect(built.model.isFeasible(above.values))
}

@Test func eachRelaxationPostedIsRoundedEvenOneAlreadyReplaced() throws {
    let (_, built, search, halfway, _) = try roundingWeek()
    let first = try #require(search.firstRoster(timeLimit: 10))
    // Two relaxations of the same strength before the search starts (the root's before and after
    // its cuts): the second replaces the first on the board, and both are rounded, in order.
    let board = IncumbentBoard()
    board.postRelaxation(halfway)
    let other = zip(halfway, first).map { $0 == 0.5 ? $1 : $0 }
    board.postRelaxation(other)
    try #require(board.relaxationGeneration == 2 && board.relaxation == other)
    let lines = Mutex<[String]>([])
    var options = NeighbourhoodSearchOptions()
    options.rounds = 1
    options.log = { line in lines.withLock { $0.append(line) } }
    let improved = search.improve(first, options: options, board: board).values
    let roundings = lines.withLock { $0 }.filter { $0.hasPrefix("rounded relaxation") }
    #expect(roundings.count == 2)
    // The first: the half-way one, with fractional decisions; the second whole.
    #expect(roundings.first?.hasPrefix("rounded relaxation: 0 of") == false)
    #expect(roundings.last?.hasPrefix("rounded relaxation: 0 of") == true)
    #expect(built.model.objectiveValue(improved) <= built.model.objectiveValue(first))
}

@Test func aWorkLimitGivesTheSameBytes() throws {
    let scenario = try matrixWeek("afternoon325-012")
    var options = EngineOptions(timeLimit: 300)
    options.effort = 8
    options.nodeLimit = 50
    let first = RosterEngine().solve(scenario, options: options).json(timing: false)
    let second = RosterEngine().solve(scenario, options: options).json(timing: false)
    #expect(first == second)
    #expect(first.contains("\"status\""))
}

@Test func exportedMPSReadBackByGLPKHasTheEnginesOptimum() throws {
    for (name, scenario) in [("quarter-hours", quarterHourWeek()), ("fractional-016", try matrixWeek("fractional-016"))] {
        // A work limit, not the clock: a proof that takes 3 s alone once took over 120 s on a CI
        // machine busy with the other tests.
        var options = EngineOptions(timeLimit: 900)
        options.effort = 4
        let roster = RosterEngine().solve(scenario, options: options)
        try #require(roster.status == .optimal, "\(name) was not solved to optimality")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parcours-\(name)-\(getpid()).mps").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelExport(scenario).writeMPS(to: path)
        let problem = try GLPKProblem.readMPS(from: path)
        #expect(problem.simplex() == .ok)
        var parameters = GLPKIntegerParameters()
        parameters.presolve = false
        parameters.timeLimitMilliseconds = 120_000
        #expect(problem.branchAndCut(parameters) == .ok)
        #expect(problem.integerStatus == .optimal)
        // GLPK's MPS writer keeps the objective's constant (as the objective row's RHS).
        #expect(abs(problem.integerObjective - (roster.objective ?? .nan)) < 1e-6 * max(1, abs(roster.objective ?? 1)))
    }
}

/// GLPK for the first `honest` solves, then a solver that ignores the clock (as a large root's cut
/// rounds do) until it is interrupted or 30 s have passed.
private final class StallingSolver: Solver {
    let calls = Mutex(0), honest: Int
    init(honest: Int) { self.honest = honest }
    var name: String { "stalling" }
    var version: String { "0" }
    func solve(_ model: Model, options: SolveOptions) -> SolveResult {
        let call = calls.withLock { $0 += 1; return $0 }
        if call <= honest { return GLPKSolver().solve(model, options: options) }
        let start = ContinuousClock.now
        while options.interruption?.isInterrupted != true, ContinuousClock.now - start < .seconds(30) {
            Thread.sleep(forTimeInterval: 0.01)
        }
        return SolveResult(termination: .limitReached(.time), solution: nil, bound: nil, statistics: SolveStatistics(model))
    }
}

@Test func aSearchStuckPastTheLimitStillAnswersWithTheBestRosterSoFar() {
    // The first roster needs no solver (the greedy one); every solve stalls past the 1 s limit.
    // The engine answers at its wall with that roster (a valid one, not proven) and logs why.
    let messages = Mutex<[String]>([])
    var options = EngineOptions(timeLimit: 1)
    options.log = { line in messages.withLock { $0.append(line) } }
    let scenario = quarterHourWeek()
    let r = RosterEngine(solver: StallingSolver(honest: 0)).solve(scenario, options: options)
    #expect(r.status == .feasible)
    #expect(RosterVerification(scenario: scenario, roster: r).isValid)
    #expect(messages.withLock { $0 }.contains { $0.contains("ran past its time limit") })
}

@Test func theRelaxationNeighbourhoodFreesWhereTheRelaxationAndTheRosterDisagree() throws {
    let built = try RosterModel(scenario: try matrixWeek("fractional-016"))
    let search = NeighbourhoodSearch(built, solver: GLPKSolver())
    let start = try #require(search.firstRoster(timeLimit: 10))
    // A relaxation that agrees everywhere but on one assignment and one supervision.
    var relaxation = start
    let assignment = built.assignments[3].variable.index, supervision = built.supervisions[1].variable.index
    relaxation[assignment] = 1 - start[assignment]
    relaxation[supervision] = 0.5
    var random = SplitMix64(seed: 7)
    let free = search.neighbourhood(.relaxation, size: 1000, at: start, relaxation: relaxation, &random)
    #expect(free.indices.filter { free[$0] } == [assignment, supervision].sorted())
    // Agreeing everywhere: nothing to free; no relaxation: nothing either.
    #expect(!search.neighbourhood(.relaxation, size: 1000, at: start, relaxation: start, &random).contains(true))
    #expect(!search.neighbourhood(.relaxation, size: 1000, at: start, &random).contains(true))
}

@Test func theSupervisorsNeighbourhoodFreesTheirShiftsSupervisionWithPeopleWhoCouldWorkThemThen() throws {
    let built = try RosterModel(scenario: try matrixWeek("scarce-030"))
    let search = NeighbourhoodSearch(built, solver: GLPKSolver())
    let start = try #require(search.firstRoster(timeLimit: 10))
    var random = SplitMix64(seed: 5)
    // The smallest size: one shift of one supervisor's, in one period.
    let free = search.neighbourhood(.supervisors, size: 1, at: start, &random)
    let shifts = Set(built.supervisions.filter { free[$0.variable.index] }.map(\.shift))
    let periods = Set(shifts.map { built.index.shifts[$0].period.index })
    #expect(periods.count == 1)
    let period = try #require(periods.first)
    // That shift: every supervisor's decision on it, and one person who could work it with their
    // other shifts of that period; nothing of another period. The only other supervision freed is
    // that of the shift the person works then.
    let freedPeople = Set(built.assignments.filter { free[$0.variable.index] }.map(\.participant))
    #expect(freedPeople.count == 1)
    let person = try #require(freedPeople.first)
    for a in built.assignments {
        #expect(free[a.variable.index] == (built.index.shifts[a.shift].period.index == period && a.participant == person))
    }
    func works(_ shift: Int) -> Bool { built.assignments.contains { $0.shift == shift && $0.participant == person && start[$0.variable.index] > 0.5 } }
    #expect(shifts.count <= 2 && shifts.count { !works($0) } <= 1)
    for shift in shifts {
        #expect(built.assignments.contains { $0.shift == shift && $0.participant == person })
        #expect(built.supervisions.filter { $0.shift == shift }.allSatisfy { free[$0.variable.index] })
    }
    // Sized for everything: every supervisor's every shift, with everyone who could work it.
    let all = search.neighbourhood(.supervisors, size: Int.max, at: start, &random)
    #expect(built.supervisions.allSatisfy { all[$0.variable.index] })
    let supervised = Set(built.supervisions.map(\.shift))
    #expect(built.assignments.filter { supervised.contains($0.shift) }.allSatisfy { all[$0.variable.index] })
}

@Test func theRelaxationNeighbourhoodIsChosenOnlyOnceThereIsARelaxation() {
    var kinds = KindChoice(size: 100, smallest: 10, largest: 1000)
    var random = SplitMix64(seed: 3)
    let without = (0..<40).map { _ in kinds.next(&random) }
    #expect(!without.contains(.relaxation))
    let with = (0..<40).map { _ in kinds.next(&random, relaxation: true) }
    #expect(with.contains(.relaxation))
}

@Test func theSupervisorsNeighbourhoodIsChosenOnlyOnceTheSearchHasStalledAndFromThenOn() {
    var kinds = KindChoice(size: 100, smallest: 10, largest: 1000)
    var random = SplitMix64(seed: 3)
    // Rounds without a better roster, one short of the kinds' count, then one that gains.
    for _ in 1..<NeighbourhoodSearch.Kind.allCases.count { kinds.roundEnded(improved: false) }
    kinds.roundEnded(improved: true)
    let before = (0..<60).map { _ in kinds.next(&random, relaxation: true) }
    #expect(!before.contains(.supervisors))
    // As many rounds in a row without one as there are kinds: stalled.
    for _ in NeighbourhoodSearch.Kind.allCases { kinds.roundEnded(improved: false) }
    #expect(kinds.next(&random, relaxation: true) == .supervisors)
    // And from then on, whatever the rounds find.
    kinds.roundEnded(improved: true)
    let after = (0..<60).map { _ in kinds.next(&random, relaxation: true) }
    #expect(after.contains(.supervisors))
}

/// GLPK, except that branch-and-cut on the whole week (the solve given the engine's board) ends
/// "optimal" at once with a bound above every roster and no roster of its own: a proof that the
/// rosters already known contradict.
private struct OverconfidentSolver: Solver {
    var name: String { "overconfident" }
    var version: String { "0" }
    func solve(_ model: Model, options: SolveOptions) -> SolveResult {
        guard options.board != nil else { return GLPKSolver().solve(model, options: options) }
        return SolveResult(termination: .optimal, solution: nil, bound: 1e9, statistics: SolveStatistics(model))
    }
}

@Test func aProofThatAKnownRosterBeatsIsNoProof() throws {
    var options = EngineOptions(timeLimit: 2)
    options.decompositionBound = false
    let messages = Mutex<[String]>([])
    options.log = { line in messages.withLock { $0.append(line) } }
    let scenario = quarterHourWeek()
    let r = RosterEngine(solver: OverconfidentSolver()).solve(scenario, options: options)
    // The best roster found otherwise, not proven, and no bound from the tree's claim (which would
    // have closed the gap).
    #expect(r.status == .feasible)
    #expect((r.gap ?? 1) > 0)
    #expect(RosterVerification(scenario: scenario, roster: r).isValid)
    #expect(messages.withLock { $0 }.contains { $0.contains("not a proof") })
}

/// The bound by participant beside the first tree stops the tree only when its bound beats the
/// tree's, or proves the best roster.
@Suite struct TheDecompositionBesideTheTree {
    private func outcome(treeBound: Double?, bound: Double?, proves: Bool = false) -> (restarted: Bool, result: Double?) {
        let beside = DecompositionBesideTheTree(following: nil)
        beside.treeReports(bound: treeBound)
        beside.start({ ParticipantBound(bound: bound, cuts: [], dual: nil) }, proves: { _ in proves })
        let result = beside.finish(waiting: true)
        return (beside.restart.isInterrupted, result?.bound)
    }

    @Test func itRestartsTheTreeOnlyWhenItsBoundBeatsTheTreesOrProvesTheBestRoster() {
        #expect(outcome(treeBound: 100, bound: 101) == (true, 101))
        #expect(outcome(treeBound: 100, bound: 100) == (false, 100))
        #expect(outcome(treeBound: 100, bound: 99) == (false, 99))
        #expect(outcome(treeBound: 100, bound: 99, proves: true) == (true, 99))
        #expect(outcome(treeBound: nil, bound: 5) == (true, 5))
        #expect(outcome(treeBound: 100, bound: nil) == (false, nil))
    }

    @Test func notStartedItHasNoResultAndAStopFromOutsideStopsTheTree() {
        let outside = Interruption()
        let beside = DecompositionBesideTheTree(following: outside)
        #expect(beside.finish(waiting: false) == nil)
        #expect(!beside.restart.isInterrupted)
        outside.interrupt()
        #expect(beside.restart.isInterrupted && beside.stop.isInterrupted)
    }
}

/// GLPK, recording of each branch-and-cut on the whole week (a model with all of the week's
/// variables) whether it dived (the dive's roster in its statistics).
private final class WholeWeekRecordingSolver: Solver {
    let variables: Int
    let dives = Mutex<[Bool]>([])
    init(variables: Int) { self.variables = variables }
    var name: String { "recording" }
    var version: String { "0" }
    func solve(_ model: Model, options: SolveOptions) -> SolveResult {
        let result = GLPKSolver().solve(model, options: options)
        if model.variables.count == variables, model.integerVariableCount > 0 {
            dives.withLock { $0.append(result.statistics.diveObjective != nil) }
        }
        return result
    }
    func linearProgram(_ model: Model) -> (any ResolvableLinearProgram)? { GLPKSolver().linearProgram(model) }
}

@Test func theWholeWeeksTreeDoesNotDiveAfterAQuickRelaxationWhenTheNeighbourhoodSearchRunsBesideIt() throws {
    let scenario = try matrixWeek("fractional-016")
    let variables = try RosterModel(scenario: scenario).model.variables.count
    // Two threads, no work limit, a relaxation solved in well under a second: the neighbourhood
    // search beside the tree brings the rosters.
    let beside = WholeWeekRecordingSolver(variables: variables)
    let r = RosterEngine(solver: beside).solve(scenario, options: EngineOptions(timeLimit: 20))
    #expect(r.status == .optimal)
    let dives = beside.dives.withLock { $0 }
    #expect(!dives.isEmpty && !dives.contains(true))
    // Under a work limit the tree runs first, alone: it dives for its first roster.
    let alone = WholeWeekRecordingSolver(variables: variables)
    var options = EngineOptions(timeLimit: 20)
    options.effort = 2
    _ = RosterEngine(solver: alone).solve(scenario, options: options)
    #expect(alone.dives.withLock { $0 }.first == true)
}
