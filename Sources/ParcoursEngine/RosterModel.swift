// SPDX-License-Identifier: GPL-3.0-or-later
//
// The week as a mixed-integer program (contract §4–§5).
//
// Formulation notes (see shared/notes/solver-performance.md):
// - Decision variables exist only where an assignment is allowed (open shift, availability, H6
//   requirements, H7 restrictions, a supervisor who could be there); everything else is 0 by
//   construction, which keeps the assignment core small and flow-shaped.
// - Supervision is written twice: the contract's aggregate `participants <= ratio × supervisors`,
//   and the disaggregated `x(p,a,t) <= supervisors(a,t)` (facility-location style), which closes
//   most of the relaxation's gap on fractional supervisors.
// - Days worked use one binary per (participant, day) and `occupancy(p,t) <= works(p,d)` per
//   period, which also expresses H1; the daily cap multiplies `works(p,d)`.
// - Every objective coefficient is a weight times hours; `objectiveStep` is the granularity of the
//   objective at integer points, so the search stops once the rounded bound meets the incumbent.

import Modelling
import ParcoursScenario

public struct RosterModel: Sendable {
    /// x(p,a,t): participant works in the shift.
    public struct Assignment: Sendable { public var participant: Int; public var shift: Int; public var variable: Variable }
    /// e(p,k): participant enrolled in the training.
    public struct Enrolment: Sendable { public var participant: Int; public var training: Int; public var variable: Variable }
    /// Supervisor assigned to a shift.
    public struct Supervision: Sendable { public var supervisor: Int; public var shift: Int; public var variable: Variable }

    public let index: WeekIndex
    public var scenario: Scenario { index.scenario }
    public internal(set) var model: Model
    public private(set) var assignments: [Assignment] = []
    public private(set) var enrolments: [Enrolment] = []
    public private(set) var supervisions: [Supervision] = []
    /// Each objective term as built (weighted), before summing.
    public private(set) var terms: [ObjectiveTerm: LinearExpression] = [:]
    /// Granularity of the objective at integer points, when one was found.
    public private(set) var objectiveStep: Double?
    /// Branch first on which trainings run: few decisions that shape everyone's week, and that the
    /// relaxation splits. (Supervisors first was measured too: better on some weeks, worse on others.)
    public internal(set) var branchingPriority: [Variable: Int] = [:]
    /// Pinned or frozen assignments the model cannot even represent (each makes the week infeasible).
    public internal(set) var impossible: [String] = []

    // Lookups built with the variables. (The setters are the module's: the hard rules, the
    // objective terms and the cuts that build the model are in RosterModel+HardRules.swift,
    // +ObjectiveTerms.swift and +Cuts.swift.)
    private(set) var assignmentsOfShift: [[Int]]
    private(set) var assignmentsAt: [[[Int]]]          // [participant][period] -> assignment indices
    private(set) var enrolmentsOf: [[Int]]              // [participant] -> enrolment indices
    private(set) var enrolmentsIn: [[Int]]              // [training] -> enrolment indices
    private(set) var supervisionsOfShift: [[Int]]
    private(set) var supervisionsAt: [[[Int]]]          // [supervisor][period] -> supervision indices
    var worksOnDay: [[Variable?]] = []     // [participant][day]
    let frozenBefore: Period?
    let baseline: BaselineStates
    /// Each open shift's shortfall (people below its minimum), when it can be short.
    var shortfallOfShift: [Int: Variable] = [:]
    /// y(k): training k runs (only for trainings with a minimum group size).
    var trainingRuns: [Int: Variable] = [:]
    /// The contract and target slacks of each participant (in hours), when they exist.
    var under: [Int: LinearExpression] = [:]
    var off: [Int: LinearExpression] = [:]
    /// Each activity or skill goal's shortfall slack (in hours), with the hours it measures.
    var goalShortfalls: [(participant: Int, goal: Int, short: LinearExpression, achieved: LinearExpression, needed: Double)] = []
    /// The hours of each participant's paid absences (`paid: true`), counted as worked in the
    /// contract and target terms.
    let paid: [Double]
    /// The week's hour grain: the largest step dividing every slot's hours and every contract and
    /// goal hour figure (0.25 with 3.25 h afternoons and a 20 h minimum). Every hour slack is then a
    /// whole number of grains at every roster, and is declared so (an exact reformulation that feeds
    /// GLPK's cut generators); nil when some figure has more than six decimals.
    public let hourGrain: Double?

    /// Builds the model. `frozenBefore`: every participant's state in earlier periods is kept as
    /// in the baseline (replanning a week that has started).
    public init(scenario: Scenario, frozenBefore: Period? = nil) throws(ModelError) {
        index = WeekIndex(scenario)
        model = Model(name: "parcours")
        self.frozenBefore = frozenBefore
        baseline = BaselineStates(index)
        hourGrain = Granularity.commonStep(Self.hourConstants(of: index))
        paid = scenario.participants.map(scenario.paidHours)
        let P = scenario.participants.count, T = index.periods.count
        assignmentsOfShift = Array(repeating: [], count: index.shifts.count)
        assignmentsAt = Array(repeating: Array(repeating: [], count: T), count: P)
        enrolmentsOf = Array(repeating: [], count: P)
        enrolmentsIn = Array(repeating: [], count: scenario.trainings.count)
        supervisionsOfShift = Array(repeating: [], count: index.shifts.count)
        supervisionsAt = Array(repeating: Array(repeating: [], count: T), count: scenario.supervisors.count)

        try addSupervisionVariables()
        try addAssignmentVariables()
        try addEnrolmentVariables()
        // Person by person, as the rows were always ordered (GLPK's path depends on the order).
        for p in scenario.participants.indices {
            try addDaysCap(p)                       // H4
            try addOnePlaceAtATime(p)               // H1
        }
        try addOnePlaceAtATimeForSupervisors()      // H1
        try addWeeklyHours()                        // H2
        try addDailyCap()                           // H3
        try addDailyLimitsByTag()                   // H3 per tag (`limits`)
        try addShiftCap()                           // H5 (H6, H7: by the variables that exist)
        try addMentoring()                          // H8
        try addSupervision()                        // H9
        try addTrainings()                          // H10
        try addAvoid()                              // H11
        try addFixed()                              // H12
        try addFrozenPeriods()

        terms[.coverage] = try coverageTerm()
        terms[.contract] = try contractTerm()
        terms[.target] = try targetTerm()
        terms[.goals] = try goalsTerm()
        terms[.preference] = preferenceTerm()
        terms[.stability] = stabilityTerm()
        if let fairness = fairnessTerm() { terms[.fairness] = fairness }
        var objective = LinearExpression()
        for term in ObjectiveTerm.allCases { if let e = terms[term] { objective += e } }
        try model.minimize(objective)
        try addReachableHoursCuts()
        try addDailyCoverCuts()
        try addWeeklyPeriodCuts()
        // Rows over whole numbers of slots rounded to what integer points can reach (20 h of
        // 3.75 h slots is 18.75 h): the same rosters, a tighter relaxation.
        model.roundRowsOverIntegers()
        objectiveStep = model.objectiveGranularity
    }

    /// The participant whose week each variable belongs to (their assignments, enrolments, days
    /// worked and hour slacks), nil for the variables shared by several (supervisors, shifts'
    /// shortfalls, trainings that run): the blocks of the decomposition bound.
    public var participantBlocks: [Int?] {
        var block = [Int?](repeating: nil, count: model.variables.count)
        for a in assignments { block[a.variable.index] = a.participant }
        for e in enrolments { block[e.variable.index] = e.participant }
        for (p, days) in worksOnDay.enumerated() { for w in days.compactMap({ $0 }) { block[w.index] = p } }
        for (p, slack) in under { for t in slack.terms { block[t.variable.index] = p } }
        for (p, slack) in off { for t in slack.terms { block[t.variable.index] = p } }
        for g in goalShortfalls { for t in g.short.terms { block[t.variable.index] = g.participant } }
        return block
    }

    // MARK: Who may be where (availability, H6, H7)

    func isAvailable(_ p: Participant, _ t: Period) -> Bool { p.availability.allows(t) }

    private mutating func addSupervisionVariables() throws(ModelError) {
        for (si, shift) in index.shifts.enumerated() where shift.ratio > 0 {
            let activity = scenario.activities[shift.activity]
            for (s, supervisor) in scenario.supervisors.enumerated()
            where supervisor.activities.contains(activity.id) && supervisor.availability.allows(shift.period) {
                let v = try model.addBinary("s[\(supervisor.id),\(activity.id),\(name(shift.period))]")
                supervisionsOfShift[si].append(supervisions.count)
                supervisionsAt[s][shift.period.index].append(supervisions.count)
                supervisions.append(Supervision(supervisor: s, shift: si, variable: v))
            }
        }
    }

    private mutating func addAssignmentVariables() throws(ModelError) {
        let activities = scenario.activities
        for (p, participant) in scenario.participants.enumerated() {
            // Requirements and restrictions once per activity, not once per shift (3000 people).
            let may = activities.map(participant.mayWork(in:))
            for (si, shift) in index.shifts.enumerated() where may[shift.activity] {
                guard isAvailable(participant, shift.period), shift.ratio == 0 || !supervisionsOfShift[si].isEmpty else { continue }
                let v = try model.addBinary("x[\(participant.id),\(activities[shift.activity].id),\(name(shift.period))]")
                assignmentsOfShift[si].append(assignments.count)
                assignmentsAt[p][shift.period.index].append(assignments.count)
                assignments.append(Assignment(participant: p, shift: si, variable: v))
            }
        }
    }

    /// e(p,k) exists when p meets the prerequisites and is available in every session.
    private mutating func addEnrolmentVariables() throws(ModelError) {
        for (k, training) in scenario.trainings.enumerated() {
            guard training.seats > 0, training.minParticipants <= training.seats, !index.sessions[k].isEmpty else { continue }
            for (p, participant) in scenario.participants.enumerated()
            where participant.meetsPrerequisites(of: training)
                && index.sessions[k].allSatisfy({ isAvailable(participant, $0) }) && training.isOpen(to: participant) {
                let v = try model.addBinary("e[\(participant.id),\(training.id)]")
                enrolmentsOf[p].append(enrolments.count)
                enrolmentsIn[k].append(enrolments.count)
                enrolments.append(Enrolment(participant: p, training: k, variable: v))
            }
        }
    }

    // MARK: Expressions

    /// Σ over what p does in t: the activity there plus the sessions of enrolled trainings held then.
    func occupancy(_ p: Int, _ t: Period) -> LinearExpression {
        var e = LinearExpression()
        for i in assignmentsAt[p][t.index] { e.add(assignments[i].variable) }
        for i in enrolmentsOf[p] where index.sessions[enrolments[i].training].contains(t) { e.add(enrolments[i].variable) }
        return e
    }

    /// H(p) restricted to the periods passing `filter`: activity hours plus session hours.
    func hours(_ p: Int, where filter: (Period) -> Bool = { _ in true }) -> LinearExpression {
        var e = LinearExpression()
        for t in index.periods where filter(t) { e.add(occupancy(p, t), times: t.hours) }
        return e
    }

    func participants(in si: Int) -> LinearExpression {
        LinearExpression(sum: assignmentsOfShift[si].map { (assignments[$0].variable, 1.0) })
    }

    func supervisors(in si: Int) -> LinearExpression {
        LinearExpression(sum: supervisionsOfShift[si].map { (supervisions[$0].variable, 1.0) })
    }

    // MARK: Helpers

    /// Fixes a variable, or records why it cannot be fixed (its bounds already exclude the value).
    mutating func pin(_ v: Variable, to value: Double, _ why: String) throws(ModelError) {
        let d = model.definition(v)
        if let lo = d.lower, value < lo - 1e-9 { impossible.append(why); return }
        if let up = d.upper, value > up + 1e-9 { impossible.append(why); return }
        try model.setBounds(v, lower: value, upper: value)
    }

    func name(_ t: Period) -> String { "\(t.day.rawValue).\(t.slot)" }
    func shiftName(_ si: Int) -> String {
        "\(scenario.activities[index.shifts[si].activity].id),\(name(index.shifts[si].period))"
    }
    func describe(_ state: ParticipantState) -> String {
        switch state {
        case .idle: return "rest"
        case .activity(let a): return "shift in \(scenario.activities[a].id)"
        case .training(let k): return "session of \(scenario.trainings[k].id)"
        }
    }

    /// A slack measured in hours, at most `upper`: a whole number of hour grains when the week has
    /// one (an integer variable times the grain), else a continuous variable.
    mutating func hourSlack(_ name: String, upper: Double) throws(ModelError) -> LinearExpression {
        guard let grain = hourGrain else { return LinearExpression(try model.addVariable(name, lower: 0, upper: upper)) }
        let units = try model.addVariable(name, .integer, lower: 0, upper: (upper / grain - 1e-9).rounded(.up))
        return LinearExpression(units, grain)
    }

    /// Every number of hours an hour slack (shortfall, deviation) is built from: slots' hours,
    /// weekly minimums and targets, activity and skill goals' hours.
    static func hourConstants(of index: WeekIndex) -> [Double] {
        var h = index.periods.map(\.hours)
        for participant in index.scenario.participants {
            h.append(participant.hours.min)
            h.append(participant.hours.target)
            for goal in participant.goals {
                switch goal.kind {
                case .activity(_, let hours), .skill(_, let hours): h.append(hours)
                case .training: break
                }
            }
        }
        return h
    }
}

/// A participant's state in a period: idle, an activity, or a training session.
public enum ParticipantState: Sendable, Equatable, Hashable {
    case idle
    case activity(Int)
    case training(Int)
}

/// The published roster as states per (participant, period); missing = idle.
struct BaselineStates: Sendable {
    private var states: [Int: [Int: ParticipantState]] = [:]

    init(_ index: WeekIndex) {
        for entry in index.scenario.baseline ?? [] {
            guard let p = index.participantIndex[entry.participant], let t = index.period(entry.day, entry.slot) else { continue }
            switch entry.place {
            case .activity(let aid):
                if let a = index.activityIndex[aid] { states[p, default: [:]][t.index] = .activity(a) }
            case .training(let kid):
                if let k = index.trainingIndex[kid] { states[p, default: [:]][t.index] = .training(k) }
            }
        }
    }

    func state(_ p: Int, _ t: Period) -> ParticipantState { states[p]?[t.index] ?? .idle }
}
