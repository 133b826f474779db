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
    public private(set) var model: Model
    public private(set) var assignments: [Assignment] = []
    public private(set) var enrolments: [Enrolment] = []
    public private(set) var supervisions: [Supervision] = []
    /// Each objective term as built (weighted), before summing.
    public private(set) var terms: [ObjectiveTerm: LinearExpression] = [:]
    /// Granularity of the objective at integer points, when one was found.
    public private(set) var objectiveStep: Double?
    /// Branch first on which trainings run: few decisions that shape everyone's week, and that the
    /// relaxation splits. (Supervisors first was measured too: better on some weeks, worse on others.)
    public private(set) var branchingPriority: [Variable: Int] = [:]
    /// Pinned or frozen assignments the model cannot even represent (each makes the week infeasible).
    public private(set) var impossible: [String] = []

    // Lookups built with the variables.
    private(set) var assignmentsOfShift: [[Int]]
    private(set) var assignmentsAt: [[[Int]]]          // [participant][period] -> assignment indices
    private(set) var enrolmentsOf: [[Int]]              // [participant] -> enrolment indices
    private(set) var enrolmentsIn: [[Int]]              // [training] -> enrolment indices
    private(set) var supervisionsOfShift: [[Int]]
    private(set) var supervisionsAt: [[[Int]]]          // [supervisor][period] -> supervision indices
    private(set) var worksOnDay: [[Variable?]] = []     // [participant][day]
    private let frozenBefore: Period?
    private let baseline: BaselineStates
    /// Each open shift's shortfall (people below its minimum), when it can be short.
    private(set) var shortfallOfShift: [Int: Variable] = [:]
    /// y(k): training k runs (only for trainings with a minimum group size).
    private var trainingRuns: [Int: Variable] = [:]
    /// The contract and target slacks of each participant (in hours), when they exist.
    private(set) var under: [Int: LinearExpression] = [:]
    private(set) var off: [Int: LinearExpression] = [:]
    /// Each activity or skill goal's shortfall slack (in hours), with the hours it measures.
    private(set) var goalShortfalls: [(participant: Int, goal: Int, short: LinearExpression, achieved: LinearExpression, needed: Double)] = []
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
        try addOnePlaceAtATimeAndDaysCap()          // H1, H4
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
        var objective = LinearExpression()
        for term in ObjectiveTerm.allCases { objective += terms[term]! }
        try model.minimize(objective)
        try addReachableHoursCuts()
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

    /// H6 requirements: p's level >= every level the activity requires.
    static func meetsRequirements(_ p: Participant, _ a: Activity) -> Bool {
        a.requires.allSatisfy { p.level($0.key) >= $0.value }
    }

    /// H7 restrictions: the activity's tags and p's restrictions do not intersect.
    static func respectsRestrictions(_ p: Participant, _ a: Activity) -> Bool {
        Set(a.tags).isDisjoint(with: p.restrictions)
    }

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
            let may = activities.map { Self.meetsRequirements(participant, $0) && Self.respectsRestrictions(participant, $0) }
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
            where training.prerequisites.allSatisfy({ participant.level($0.key) >= $0.value })
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

    // MARK: Hard rules

    /// H1 one place at a time (participants; availability is in the variables), and H4 days cap:
    /// `occupancy(p,t) <= works(p,d)` with `Σ_d works(p,d) <= max_days` when the cap can bind.
    private mutating func addOnePlaceAtATimeAndDaysCap() throws(ModelError) {
        for (p, participant) in scenario.participants.enumerated() {
            let days = scenario.calendar.days.indices
            let workable = days.filter { d in index.periods.contains { $0.dayIndex == d && !occupancy(p, $0).isConstant } }
            let capBinds = scenario.maxDays(participant) < workable.count
            var works = [Variable?](repeating: nil, count: scenario.calendar.days.count)
            if capBinds {
                for d in workable {
                    works[d] = try model.addBinary("w[\(participant.id),\(scenario.calendar.days[d].rawValue)]")
                }
                try model.add(LinearExpression(sum: workable.map { (works[$0]!, 1.0) }) <= Double(max(0, scenario.maxDays(participant))),
                              name: HardRule.daysCap.constraintName(participant.id))
            }
            worksOnDay.append(works)
            for t in index.periods {
                let occ = occupancy(p, t)
                guard occ.terms.count > (capBinds ? 0 : 1) else { continue }
                if let w = works[t.dayIndex] {
                    try model.add(occ <= LinearExpression(w), name: HardRule.onePlaceAtATime.constraintName(participant.id, name(t)))
                } else {
                    try model.add(occ <= 1, name: HardRule.onePlaceAtATime.constraintName(participant.id, name(t)))
                }
            }
        }
        // Supervisors: one shift per period.
        for (s, supervisor) in scenario.supervisors.enumerated() {
            for t in index.periods where supervisionsAt[s][t.index].count > 1 {
                try model.add(LinearExpression(sum: supervisionsAt[s][t.index].map { (supervisions[$0].variable, 1.0) }) <= 1,
                              name: HardRule.onePlaceAtATime.constraintName(supervisor.id, name(t)))
            }
        }
    }

    /// H2 weekly hours: H(p) <= hours.max; supervisors' hours <= max_hours.
    private mutating func addWeeklyHours() throws(ModelError) {
        for (p, participant) in scenario.participants.enumerated() {
            try model.add(hours(p) <= participant.hours.max, name: HardRule.weeklyHours.constraintName(participant.id))
        }
        for (s, supervisor) in scenario.supervisors.enumerated() {
            guard let cap = supervisor.maxHours else { continue }
            let all = supervisionsAt[s].flatMap { $0 }
            try model.add(LinearExpression(sum: all.map { (supervisions[$0].variable, index.shifts[supervisions[$0].shift].period.hours) }) <= cap,
                          name: HardRule.weeklyHours.constraintName(supervisor.id))
        }
    }

    /// H3 daily cap: hours on a day <= capacity.max_hours_per_day (times works(p,d) when it exists).
    private mutating func addDailyCap() throws(ModelError) {
        for (p, participant) in scenario.participants.enumerated() {
            let cap = scenario.maxHoursPerDay(participant)
            for (d, day) in scenario.calendar.days.enumerated() {
                let daily = hours(p) { $0.dayIndex == d }
                let most = daily.terms.reduce(0) { $0 + $1.coefficient }
                guard most > cap else { continue }
                if let w = worksOnDay[p][d] {
                    try model.add(daily - cap * w <= 0, name: HardRule.dailyCap.constraintName(participant.id, day.rawValue))
                } else {
                    try model.add(daily <= cap, name: HardRule.dailyCap.constraintName(participant.id, day.rawValue))
                }
            }
        }
    }

    /// `limits: {tag: h}`: hours on a day in activities carrying the tag <= h (an H3 per kind of
    /// work; trainings carry no tags).
    private mutating func addDailyLimitsByTag() throws(ModelError) {
        for (p, participant) in scenario.participants.enumerated() {
            for (tag, limit) in participant.limits.sorted(by: { $0.key < $1.key }) {
                for (d, day) in scenario.calendar.days.enumerated() {
                    var tagged = LinearExpression()
                    for t in index.periods where t.dayIndex == d {
                        for i in assignmentsAt[p][t.index] where scenario.activities[index.shifts[assignments[i].shift].activity].tags.contains(tag) {
                            tagged.add(assignments[i].variable, t.hours)
                        }
                    }
                    guard tagged.terms.reduce(0, { $0 + $1.coefficient }) > limit + 1e-9 else { continue }
                    try model.add(tagged <= limit, name: HardRule.dailyCap.constraintName(participant.id, tag, day.rawValue))
                }
            }
        }
    }

    /// H5 shift cap: participants in (a,t) <= max(a,t).
    private mutating func addShiftCap() throws(ModelError) {
        for (si, shift) in index.shifts.enumerated() where assignmentsOfShift[si].count > shift.max {
            try model.add(participants(in: si) <= Double(shift.max), name: HardRule.shiftCap.constraintName(shiftName(si)))
        }
    }

    /// H8 mentoring: people below the level <= ratio × people at or above it.
    private mutating func addMentoring() throws(ModelError) {
        for (si, shift) in index.shifts.enumerated() {
            guard let m = scenario.activities[shift.activity].mentoring else { continue }
            var e = LinearExpression()
            var beginners = 0
            for i in assignmentsOfShift[si] {
                let level = scenario.participants[assignments[i].participant].level(m.skill)
                if level < m.level { e.add(assignments[i].variable); beginners += 1 } else { e.add(assignments[i].variable, -Double(m.ratio)) }
            }
            if beginners > 0 { try model.add(e <= 0, name: HardRule.mentoring.constraintName(shiftName(si))) }
        }
    }

    /// H9 supervision: participants <= ratio × supervisors; each participant needs at least one
    /// supervisor there (valid, and much tighter); a supervisor is never on a shift with no participant.
    private mutating func addSupervision() throws(ModelError) {
        for (si, shift) in index.shifts.enumerated() where shift.ratio > 0 {
            let people = participants(in: si), bosses = supervisors(in: si)
            if people.isConstant {
                for i in supervisionsOfShift[si] { try model.setBounds(supervisions[i].variable, lower: 0, upper: 0) }
                continue
            }
            if assignmentsOfShift[si].count > shift.ratio {
                try model.add(people - Double(shift.ratio) * bosses <= 0, name: HardRule.supervision.constraintName(shiftName(si)))
            }
            for i in assignmentsOfShift[si] {
                try model.add(assignments[i].variable <= bosses,
                              name: HardRule.supervision.constraintName(shiftName(si), scenario.participants[assignments[i].participant].id))
            }
            for i in supervisionsOfShift[si] {
                try model.add(supervisions[i].variable <= people,
                              name: HardRule.supervision.constraintName(shiftName(si), scenario.supervisors[supervisions[i].supervisor].id))
            }
        }
    }

    /// H10 trainings: enrolled <= seats; enrolled is 0 or >= min_participants (prerequisites and
    /// attendance are in the variables and in H1).
    private mutating func addTrainings() throws(ModelError) {
        for (k, training) in scenario.trainings.enumerated() where !enrolmentsIn[k].isEmpty {
            let enrolled = LinearExpression(sum: enrolmentsIn[k].map { (enrolments[$0].variable, 1.0) })
            if enrolmentsIn[k].count > training.seats {
                try model.add(enrolled <= Double(training.seats), name: HardRule.trainings.constraintName(training.id, "seats"))
            }
            if training.minParticipants >= 2 {
                if enrolmentsIn[k].count < training.minParticipants {
                    for i in enrolmentsIn[k] { try model.setBounds(enrolments[i].variable, lower: 0, upper: 0) }
                    continue
                }
                let runs = try model.addBinary("y[\(training.id)]")
                branchingPriority[runs] = 1
                trainingRuns[k] = runs
                try model.add(enrolled - Double(training.minParticipants) * runs >= 0, name: HardRule.trainings.constraintName(training.id, "min"))
                for i in enrolmentsIn[k] {
                    try model.add(enrolments[i].variable <= runs,
                                  name: HardRule.trainings.constraintName(training.id, scenario.participants[enrolments[i].participant].id))
                }
            }
        }
    }

    /// H11 avoid: never in the same activity or training in the same period.
    private mutating func addAvoid() throws(ModelError) {
        for (p, q) in avoidPairs() {
            let (pid, qid) = (scenario.participants[p].id, scenario.participants[q].id)
            for t in index.periods {
                for i in assignmentsAt[p][t.index] {
                    for j in assignmentsAt[q][t.index] where assignments[j].shift == assignments[i].shift {
                        try model.add(assignments[i].variable + assignments[j].variable <= 1,
                                      name: HardRule.avoid.constraintName(pid, qid, shiftName(assignments[i].shift)))
                    }
                }
            }
            for i in enrolmentsOf[p] {
                for j in enrolmentsOf[q] where enrolments[j].training == enrolments[i].training {
                    try model.add(enrolments[i].variable + enrolments[j].variable <= 1,
                                  name: HardRule.avoid.constraintName(pid, qid, scenario.trainings[enrolments[i].training].id))
                }
            }
        }
    }

    /// Symmetric avoid pairs (p < q), each once, in scenario order.
    func avoidPairs() -> [(Int, Int)] {
        var pairs = Set<[Int]>()
        for (p, participant) in scenario.participants.enumerated() {
            for other in participant.avoid {
                guard let q = index.participantIndex[other], q != p else { continue }
                pairs.insert([min(p, q), max(p, q)])
            }
        }
        return pairs.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }.map { ($0[0], $0[1]) }
    }

    /// H12 fixed: every pinned item holds.
    private mutating func addFixed() throws(ModelError) {
        for (p, participant) in scenario.participants.enumerated() {
            for item in participant.fixed {
                switch item.place {
                case .activity(let aid):
                    guard let day = item.day, let slot = item.slot, let t = index.period(day, slot),
                          let a = index.activityIndex[aid], let si = index.shiftAt[a][t.index],
                          let i = assignmentsAt[p][t.index].first(where: { assignments[$0].shift == si }) else {
                        impossible.append("\(participant.id) is pinned to \(aid) on \(item.day?.rawValue ?? "?") \(item.slot ?? "?"), "
                            + "but cannot work there (shift closed, not available, missing a required skill, a restriction, or no supervisor can be there)")
                        continue
                    }
                    try pin(assignments[i].variable, to: 1,
                            "\(participant.id) is pinned to \(aid) on \(t), which another rule forbids")
                case .training(let kid):
                    guard let k = index.trainingIndex[kid], let i = enrolmentsOf[p].first(where: { enrolments[$0].training == k }) else {
                        impossible.append("\(participant.id) is pinned to training \(kid), but cannot be enrolled "
                            + "(a prerequisite is missing, a session falls when they are unavailable, or the training cannot run)")
                        continue
                    }
                    let why = "\(participant.id) is pinned to training \(kid), which cannot run with the people able to attend "
                        + "(min_participants \(scenario.trainings[k].minParticipants))"
                    try pin(enrolments[i].variable, to: 1, why)
                }
            }
        }
    }

    /// Replanning: before `frozenBefore`, every participant's state is the published one.
    private mutating func addFrozenPeriods() throws(ModelError) {
        guard let freeze = frozenBefore else { return }
        for (p, participant) in scenario.participants.enumerated() {
            for t in index.periods where t < freeze {
                let published = baseline.state(p, t)
                var kept = false
                for i in assignmentsAt[p][t.index] {
                    let same = published == .activity(index.shifts[assignments[i].shift].activity)
                    kept = kept || same
                    let why = "\(participant.id)'s published \(describe(published)) on \(t) is frozen, but a pinned item says otherwise"
                    try pin(assignments[i].variable, to: same ? 1 : 0, why)
                }
                for i in enrolmentsOf[p] where index.sessions[enrolments[i].training].contains(t) {
                    let same = published == .training(enrolments[i].training)
                    kept = kept || same
                    let why = "\(participant.id)'s published \(describe(published)) on \(t) is frozen, but a pinned item or rule says otherwise"
                    try pin(enrolments[i].variable, to: same ? 1 : 0, why)
                }
                if !kept && published != .idle {
                    impossible.append("\(participant.id)'s published \(describe(published)) on \(t) is frozen but no longer allowed")
                }
            }
        }
    }

    // MARK: Objective terms

    /// coverage = W × Σ priority × hours(t) × max(0, min − participants).
    private mutating func coverageTerm() throws(ModelError) -> LinearExpression {
        var e = LinearExpression()
        let w = scenario.weights.coverage
        for (si, shift) in index.shifts.enumerated() where shift.min > 0 {
            let cost = w * scenario.activities[shift.activity].priority * shift.period.hours
            let people = participants(in: si)
            if people.isConstant {
                e.constant += cost * Double(shift.min)
                continue
            }
            let short = try model.addVariable("short[\(shiftName(si))]", .integer, lower: 0, upper: Double(shift.min))
            shortfallOfShift[si] = short
            try model.add(people + short >= Double(shift.min), name: "coverage[\(shiftName(si))]")
            try addUnsupervisedShortfallCut(si, short)
            e.add(short, cost)
        }
        return e
    }

    /// A shift needing supervision is short of min − ratio × supervisors at best, and of all its min
    /// without one. With j = ⌊min / ratio⌋ supervisors the shortfall is min − j × ratio, with j + 1 it is
    /// none: the hull edge between them, short >= (min − j × ratio) × (j + 1 − supervisors), is valid
    /// for every roster and cuts off the relaxation's fractional supervisors staffing whole shifts.
    private mutating func addUnsupervisedShortfallCut(_ si: Int, _ short: Variable) throws(ModelError) {
        let shift = index.shifts[si]
        guard shift.ratio > 0, shift.min % shift.ratio != 0 else { return }
        let j = shift.min / shift.ratio, rest = Double(shift.min - j * shift.ratio)
        try model.add(LinearExpression(short) + rest * supervisors(in: si) >= rest * Double(j + 1),
                      name: "coverage[\(shiftName(si)),supervised]")
    }

    /// contract = W × Σ max(0, hours.min − H(p) − paid(p)), paid(p) the hours of p's paid absences.
    private mutating func contractTerm() throws(ModelError) -> LinearExpression {
        var e = LinearExpression()
        for (p, participant) in scenario.participants.enumerated() where participant.hours.min - paid[p] > 0 {
            let minimum = participant.hours.min - paid[p]
            let under = try hourSlack("under[\(participant.id)]", upper: minimum)
            try model.add(hours(p) + under >= minimum, name: "contract[\(participant.id)]")
            e.add(under, times: scenario.weights.contract)
            self.under[p] = under
        }
        return e
    }

    /// target = W × Σ |H(p) + paid(p) − hours.target|.
    private mutating func targetTerm() throws(ModelError) -> LinearExpression {
        var e = LinearExpression()
        for (p, participant) in scenario.participants.enumerated() {
            let h = hours(p), goal = participant.hours.target - paid[p]
            if h.isConstant { e.constant += scenario.weights.target * abs(goal); continue }
            let off = try hourSlack("off[\(participant.id)]", upper: max(abs(goal), participant.hours.max - goal))
            try model.add(h - off <= goal, name: "target[\(participant.id),over]")
            try model.add(h + off >= goal, name: "target[\(participant.id),under]")
            e.add(off, times: scenario.weights.target)
            self.off[p] = off
        }
        return e
    }

    /// goals = W × Σ weight × shortfall (hours short of an activity or skill goal; hours(k) × (1 − e)
    /// for a training goal).
    private mutating func goalsTerm() throws(ModelError) -> LinearExpression {
        var e = LinearExpression()
        let w = scenario.weights.goals
        for (p, participant) in scenario.participants.enumerated() {
            for (g, goal) in participant.goals.enumerated() where goal.weight > 0 {
                let achieved: LinearExpression
                let needed: Double
                switch goal.kind {
                case .training(let kid):
                    guard let k = index.trainingIndex[kid] else { continue }
                    let hk = index.trainingHours(k)
                    e.constant += w * goal.weight * hk
                    if let i = enrolmentsOf[p].first(where: { enrolments[$0].training == k }) {
                        e.add(enrolments[i].variable, -w * goal.weight * hk)
                    }
                    continue
                case .activity(let aid, let h):
                    needed = h
                    achieved = activityHours(p, aid)
                case .skill(let skill, let h):
                    needed = h
                    achieved = skillHours(p, skill)
                }
                guard needed > 0 else { continue }
                if achieved.isConstant { e.constant += w * goal.weight * needed; continue }
                let short = try hourSlack("goalShort[\(participant.id),\(g + 1)]", upper: needed)
                try model.add(achieved + short >= needed, name: "goal[\(participant.id),\(g + 1)]")
                e.add(short, times: w * goal.weight)
                goalShortfalls.append((p, g, short, achieved, needed))
            }
        }
        return e
    }

    func activityHours(_ p: Int, _ aid: String) -> LinearExpression {
        guard let a = index.activityIndex[aid] else { return LinearExpression() }
        var e = LinearExpression()
        for t in index.periods {
            for i in assignmentsAt[p][t.index] where index.shifts[assignments[i].shift].activity == a {
                e.add(assignments[i].variable, t.hours)
            }
        }
        return e
    }

    /// Hours in activities developing the skill plus sessions of enrolled trainings teaching it.
    /// H1 makes each period count at most once.
    func skillHours(_ p: Int, _ skill: String) -> LinearExpression {
        var e = LinearExpression()
        for t in index.periods {
            for i in assignmentsAt[p][t.index] where scenario.activities[index.shifts[assignments[i].shift].activity].develops.contains(skill) {
                e.add(assignments[i].variable, t.hours)
            }
        }
        for i in enrolmentsOf[p] where scenario.trainings[enrolments[i].training].teaches.contains(skill) {
            e.add(enrolments[i].variable, index.trainingHours(enrolments[i].training))
        }
        return e
    }

    /// preference = W × Σ (hours in disliked − hours in liked activities).
    private func preferenceTerm() -> LinearExpression {
        var e = LinearExpression()
        let w = scenario.weights.preference
        for (p, participant) in scenario.participants.enumerated() {
            for aid in participant.dislikes { e.add(activityHours(p, aid), times: w) }
            for aid in participant.likes { e.add(activityHours(p, aid), times: -w) }
        }
        return e
    }

    /// stability = W × number of (participant, period) whose state differs from the baseline.
    private func stabilityTerm() -> LinearExpression {
        guard scenario.baseline != nil else { return LinearExpression() }
        var e = LinearExpression()
        let w = scenario.weights.stability
        for p in scenario.participants.indices {
            for t in index.periods {
                switch baseline.state(p, t) {
                case .idle:
                    e.add(occupancy(p, t), times: w)
                case .activity(let a):
                    e.constant += w
                    for i in assignmentsAt[p][t.index] where index.shifts[assignments[i].shift].activity == a {
                        e.add(assignments[i].variable, -w)
                    }
                case .training(let k):
                    e.constant += w
                    guard index.sessions[k].contains(t) else { continue }
                    for i in enrolmentsOf[p] where enrolments[i].training == k { e.add(enrolments[i].variable, -w) }
                }
            }
        }
        return e
    }

    // MARK: Tightening (valid for every roster; they only cut the relaxation)

    /// Hours come in whole periods. Over the weekly totals p can reach (per day within the daily cap,
    /// then summed, up to hours.max), the contract and target costs together lie above the lower
    /// convex hull of their values; likewise a goal's shortfall over the hours it can reach. Each hull
    /// edge that the continuous costs undercut becomes a cut.
    private mutating func addReachableHoursCuts() throws(ModelError) {
        let wc = scenario.weights.contract, wt = scenario.weights.target
        for (p, participant) in scenario.participants.enumerated() {
            let u = under[p], o = off[p]
            guard (u != nil && wc > 0) || (o != nil && wt > 0), let reach = reachableWeeklyHours(p) else { continue }
            let band = HoursBand(min: participant.hours.min - paid[p], max: participant.hours.max, target: participant.hours.target - paid[p])
            let cost: (Double) -> Double = { h in
                (u != nil ? wc * max(0, band.min - h) : 0) + (o != nil ? wt * abs(h - band.target) : 0)
            }
            let h = hours(p)
            for (n, line) in lowerHullCuts(points: reach.hours, cost: cost, breakpoints: [band.min, band.target]).enumerated() {
                var lhs = -line.slope * h
                if let u { lhs.add(u, times: wc) }
                if let o { lhs.add(o, times: wt) }
                try model.add(lhs >= line.intercept, name: "reach[\(participant.id),\(n + 1)]")
            }
        }
        for goal in goalShortfalls {
            let parts = goal.achieved.merged().map(\.coefficient)
            guard let reach = ReachableHours.subsetSums(parts) else { continue }
            let lines = lowerHullCuts(points: reach.hours, cost: { max(0, goal.needed - $0) }, breakpoints: [goal.needed])
            for (n, line) in lines.enumerated() {
                try model.add(goal.short - line.slope * goal.achieved >= line.intercept,
                              name: "reach[\(scenario.participants[goal.participant].id),goal\(goal.goal + 1),\(n + 1)]")
            }
        }
    }

    /// The weekly totals p can reach: per day, sums of that day's possible periods within the daily
    /// cap; the week, sums over days, within hours.max. Nil when a slot is not in quarter hours.
    func reachableWeeklyHours(_ p: Int) -> ReachableHours? {
        let participant = scenario.participants[p]
        var week = ReachableHours()
        for d in scenario.calendar.days.indices {
            let possible = index.periods.filter { $0.dayIndex == d && !occupancy(p, $0).isConstant }.map(\.hours)
            guard let day = ReachableHours.subsetSums(possible, atMost: scenario.maxHoursPerDay(participant)) else { return nil }
            week = week.plus(day).capped(at: participant.hours.max)
        }
        return week
    }

    // MARK: Helpers

    /// Fixes a variable, or records why it cannot be fixed (its bounds already exclude the value).
    private mutating func pin(_ v: Variable, to value: Double, _ why: String) throws(ModelError) {
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
    private mutating func hourSlack(_ name: String, upper: Double) throws(ModelError) -> LinearExpression {
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
