// SPDX-License-Identifier: GPL-3.0-or-later
//
// Why a week has no valid roster, as a small set of hard rules that cannot hold together.
//
// Every rule that touches a pinned item (the pin itself, the person's availability and caps, the
// shift's maximum and supervisors, the training's seats) is listed as an instance that can be
// relaxed: a change to the scenario that only enlarges the set of valid rosters. A deletion
// filter then relaxes each instance in turn and keeps it relaxed when the week stays infeasible;
// what is left is a minimal conflict: relaxing any one of its rules makes the week feasible.
//
// With `--freeze-before`, each published state before the frozen period is an instance too: the
// published assignment or enrolment as a pin, a published idle period (where a pin would have the
// person work) as an absence; relaxing one lets that state change (ConflictExplainer+Frozen.swift).

import Modelling
import ModellingGLPK
import ParcoursExplain
import ParcoursScenario

/// One hard rule as it applies to named people and periods, with how to relax it.
struct RuleInstance {
    var rule: HardRule
    var text: String
    /// Where it is written (a `ScenarioLocations` path).
    var path: String
    var fix: String
    var relax: (inout Scenario) -> Void
    /// A published state kept by `--freeze-before` (reported as `frozen`, not as a rule of the contract).
    var frozen = false
    /// A whole frozen period: the published state of each person then (relaxed together).
    var members: [RuleInstance] = []

    var code: String { frozen ? "frozen" : rule.rawValue }
}

public struct ConflictExplainer: Sendable {
    public let solver: any Solver
    /// Seconds for each feasibility solve.
    public var secondsPerSolve = 5.0
    /// At most this many rule instances are tried.
    public var maximumRules = 80

    public init(solver: any Solver = GLPKSolver()) { self.solver = solver }

    /// A minimal set of conflicting rules, or nothing when the week is feasible (or too large to
    /// search). With `frozenBefore`, the published states before it are kept, as `solve` keeps them:
    /// first a whole frozen period at a time, then, for the periods in the conflict, person by person.
    public func conflicts(_ scenario: Scenario, frozenBefore: Period? = nil,
                          locations: ScenarioLocations = ScenarioLocations()) -> [ConflictItem] {
        let (week, rules) = instances(scenario, frozenBefore: frozenBefore)
        guard feasible(week) == false else { return [] }
        var (core, relaxed) = minimalConflict(rules, in: week)
        if core.contains(where: { !$0.members.isEmpty }) {
            core = minimalConflict(core.flatMap { $0.members.isEmpty ? [$0] : $0.members }, in: relaxed).core
        }
        return core.map { r in
            ConflictItem(rule: r.code, text: r.text, location: locations.location(r.path), fix: r.fix)
        }
    }

    /// The deletion filter: each rule relaxed in turn, and left relaxed while the week stays
    /// infeasible. Returns the rules that could not be (a minimal conflict) and the week with the
    /// others relaxed.
    func minimalConflict(_ rules: [RuleInstance], in week: Scenario) -> (core: [RuleInstance], week: Scenario) {
        var relaxed = week
        var core: [RuleInstance] = []
        for rule in rules {
            var trial = relaxed
            rule.relax(&trial)
            if feasible(trial) == false { relaxed = trial } else { core.append(rule) }
        }
        return (core, relaxed)
    }

    /// The week to search (the frozen states as pins and absences) and its relaxable instances,
    /// each once, at most `maximumRules` (a frozen period counts as one).
    func instances(_ scenario: Scenario, frozenBefore: Period? = nil) -> (week: Scenario, rules: [RuleInstance]) {
        let (week, freeze) = Self.freezing(scenario, before: frozenBefore)
        var seen = Set<String>()
        let rules = ruleInstances(week, freeze: freeze).filter { seen.insert($0.text).inserted }
        return (week, Array(rules.prefix(maximumRules)))
    }

    /// Solves the week with a zero objective: whether any roster satisfies every hard rule.
    func feasible(_ scenario: Scenario) -> Bool? {
        var trial = scenario
        trial.weights = Weights(coverage: 0, contract: 0, goals: 0, target: 0, preference: 0, stability: 0)
        guard let built = try? RosterModel(scenario: trial) else { return nil }
        if !built.impossible.isEmpty { return false }
        let result = solver.solve(built.model, options: SolveOptions(timeLimit: secondsPerSolve))
        if result.termination == .infeasible { return false }
        return result.solution != nil ? true : nil
    }

    // MARK: The rules around the pinned items

    /// The rules around the pinned items: the pins (and frozen periods) first, then the rules
    /// around people and shifts with a pin of their own, then those around frozen states only.
    func ruleInstances(_ scenario: Scenario, freeze: Freeze? = nil) -> [RuleInstance] {
        let index = WeekIndex(scenario)
        var pins: [RuleInstance] = [], rules: [RuleInstance] = []
        var laterAway: [RuleInstance] = [], laterShifts: [RuleInstance] = [], later: [RuleInstance] = []
        var shifts: [(a: Int, t: Period, own: Bool)] = [], trainings: [(k: Int, own: Bool)] = []
        func note(shift a: Int, _ t: Period, own: Bool) {
            if let j = shifts.firstIndex(where: { $0.a == a && $0.t == t }) { shifts[j].own = shifts[j].own || own } else { shifts.append((a, t, own)) }
        }
        func note(training k: Int, own: Bool) {
            if let j = trainings.firstIndex(where: { $0.k == k }) { trainings[j].own = trainings[j].own || own } else { trainings.append((k, own)) }
        }
        let pinned = Set(scenario.participants.filter { !$0.fixed.isEmpty }.map(\.id))
        for (p, person) in scenario.participants.enumerated() where !person.fixed.isEmpty {
            let who = Self.named(person.name, person.id), path = "participants/\(person.id)"
            let own = freeze?.ownPins[p] ?? person.fixed.count
            var periods: [Period] = []
            for (i, item) in person.fixed.enumerated() {
                if i < own { pins.append(pin(item, of: p, id: person.id, number: i, who: who)) }
                switch item.place {
                case .activity(let id):
                    guard let d = item.day, let s = item.slot, let t = index.period(d, s), let a = index.activityIndex[id] else { continue }
                    periods.append(t)
                    note(shift: a, t, own: i < own)
                    let found = eligibility(person, who: who, in: scenario.activities[a], at: t)
                    if i < own { rules += found } else { later += found }
                case .training(let id):
                    guard let k = index.trainingIndex[id] else { continue }
                    periods += index.sessions[k]
                    note(training: k, own: i < own)
                    let found = prerequisites(person, who: who, of: scenario.trainings[k])
                    if i < own { rules += found } else { later += found }
                }
            }
            var away: [RuleInstance] = [], around: [RuleInstance] = []
            for t in Set(periods).sorted() where !person.availability.allows(t) && freeze?.isIdle(p, t) != true {
                away.append(RuleInstance(rule: .onePlaceAtATime, text: "\(who) is not available on \(t).", path: "\(path)/availability",
                                           fix: "make \(who) available on \(t)") { s in
                    Self.makeAvailable(&s.participants[p].availability, at: t, slots: s.calendar.slots.map(\.id))
                })
            }
            around += caps(person, p, who: who, scenario: scenario)
            for other in scenario.participants where other.id != person.id && pinned.contains(other.id)
                && other.id > person.id && (person.avoid.contains(other.id) || other.avoid.contains(person.id)) {
                let them = Self.named(other.name, other.id)
                around.append(RuleInstance(rule: .avoid, text: "\(who) and \(them) avoid each other: never in the same activity or training at once.",
                                           path: "\(path)/avoid/\(other.id)", fix: "pin \(who) or \(them) elsewhere") { s in
                    for q in s.participants.indices {
                        s.participants[q].avoid.removeAll { $0 == other.id || $0 == person.id }
                    }
                })
            }
            if own > 0 { rules += away + around } else { laterAway += away; later += around }
        }
        for (a, t, own) in shifts {
            let around = shiftRules(scenario.activities[a], at: t, scenario: scenario, index: index)
            if own { rules += around } else { laterShifts += around }
        }
        for (k, own) in trainings {
            if own { rules += trainingRules(scenario.trainings[k], k) } else { laterShifts += trainingRules(scenario.trainings[k], k) }
        }
        // Around frozen states only: people now away, the shifts and trainings (a supervisor off, a
        // shift closed or smaller: what replanning meets), then the people's caps.
        return pins + (freeze?.periods ?? []) + rules + laterAway + laterShifts + later
    }

    private func pin(_ item: FixedItem, of p: Int, id: String, number i: Int, who: String) -> RuleInstance {
        let path = "participants/\(id)/fixed/\(i)"
        let remove: (inout Scenario) -> Void = { s in
            if let j = s.participants[p].fixed.firstIndex(of: item) { s.participants[p].fixed.remove(at: j) }
        }
        switch item.place {
        case .activity(let a):
            let when = "\(item.day?.rawValue ?? "?") \(item.slot ?? "?")"
            return RuleInstance(rule: .fixed, text: "\(who) is pinned to \(a) on \(when).", path: path,
                                fix: "unpin \(who) from \(a) on \(when)", relax: remove)
        case .training(let k):
            return RuleInstance(rule: .fixed, text: "\(who) is pinned to the training \(k).", path: path,
                                fix: "unpin \(who) from \(k)", relax: remove)
        }
    }

    private func eligibility(_ person: Participant, who: String, in activity: Activity, at t: Period) -> [RuleInstance] {
        var rules: [RuleInstance] = []
        let id = person.id
        for need in person.missingLevels(for: activity) {
            let skill = need.skill, level = need.needed
            rules.append(RuleInstance(rule: .requirements, text: "\(activity.id) requires \(skill) level \(level) and \(who) has level \(need.has).",
                                      path: "activities/\(activity.id)/requires/\(skill)", fix: "pin someone with \(skill) level \(level) instead of \(who)") { s in
                if let p = s.participants.firstIndex(where: { $0.id == id }) { s.participants[p].skills[skill] = level }
            })
        }
        for tag in person.restrictedTags(of: activity) {
            rules.append(RuleInstance(rule: .restrictions, text: "\(activity.id) carries the tag \(tag), one of \(who)'s restrictions.",
                                      path: "participants/\(id)/restrictions/\(tag)", fix: "pin \(who) to an activity without \(tag)") { s in
                if let p = s.participants.firstIndex(where: { $0.id == id }) { s.participants[p].restrictions.removeAll { $0 == tag } }
            })
        }
        return rules
    }

    private func prerequisites(_ person: Participant, who: String, of training: Training) -> [RuleInstance] {
        let id = person.id
        return person.missingPrerequisites(of: training).map { need in
            let skill = need.skill, level = need.needed
            return RuleInstance(rule: .trainings, text: "\(training.id) needs \(skill) level \(level) first and \(who) has level \(need.has).",
                                path: "trainings/\(training.id)/prerequisites/\(skill)", fix: "enrol \(who) once they reach \(skill) level \(level)") { s in
                if let p = s.participants.firstIndex(where: { $0.id == id }) { s.participants[p].skills[skill] = level }
            }
        }
    }

    private func caps(_ person: Participant, _ p: Int, who: String, scenario: Scenario) -> [RuleInstance] {
        let path = "participants/\(person.id)"
        var rules = [
            RuleInstance(rule: .weeklyHours, text: "\(who) works at most \(JSON.number(person.hours.max)) h a week (hours.max).",
                         path: "\(path)/hours", fix: "raise \(who)'s hours.max") { s in s.participants[p].hours.max = 168 },
            RuleInstance(rule: .dailyCap, text: "\(who) works at most \(JSON.number(scenario.maxHoursPerDay(person))) h a day.",
                         path: "\(path)/capacity", fix: "raise \(who)'s capacity.max_hours_per_day") { s in
                s.participants[p].capacity.maxHoursPerDay = 24
                s.participants[p].pathway = nil   // a ramp-up step's cap too (the pathway holds nothing else)
            },
        ]
        if scenario.maxDays(person) < scenario.calendar.days.count {
            rules.append(RuleInstance(rule: .daysCap, text: "\(who) works at most \(scenario.maxDays(person)) days (capacity.max_days).",
                                      path: "\(path)/capacity", fix: "raise \(who)'s capacity.max_days") { s in
                s.participants[p].capacity.maxDays = nil
                s.participants[p].pathway = nil
            })
        }
        return rules
    }

    private func shiftRules(_ activity: Activity, at t: Period, scenario: Scenario, index: WeekIndex) -> [RuleInstance] {
        var rules: [RuleInstance] = []
        let a = index.activityIndex[activity.id]!, demand = activity.demand(in: t)
        let open: (inout Scenario) -> Void = { s in
            s.activities[a].open.append(OpenBlock(days: [t.day], slots: [t.slot], min: demand?.min ?? 0, max: 10_000))
        }
        if let demand {
            rules.append(RuleInstance(rule: .shiftCap, text: "\(activity.id) on \(t) takes at most \(demand.max) people.",
                                      path: "activities/\(activity.id)/open", fix: "raise the max of \(activity.id) on \(t)", relax: open))
        } else {
            rules.append(RuleInstance(rule: .shiftCap, text: "\(activity.id) is not open on \(t).",
                                      path: "activities/\(activity.id)/open", fix: "open \(activity.id) on \(t)", relax: open))
        }
        if let m = activity.mentoring {
            rules.append(RuleInstance(rule: .mentoring, text: "\(activity.id) takes at most \(m.ratio) people below \(m.skill) level \(m.level) per person at or above it.",
                                      path: "activities/\(activity.id)/mentoring", fix: "pin a mentor (\(m.skill) \(m.level)) to \(activity.id) on \(t) too") { s in
                s.activities[a].mentoring = nil
            })
        }
        let ratio = scenario.supervisionRatio(activity)
        guard ratio > 0 else { return rules }
        let able = scenario.supervisors.enumerated().filter { $0.element.activities.contains(activity.id) }
        let names = able.map { Self.named($0.element.name, $0.element.id) }
        rules.append(RuleInstance(rule: .supervision,
                                  text: "\(activity.id) on \(t) needs a supervisor for every \(ratio) participants, and "
                                    + (names.isEmpty ? "nobody can supervise it." : "only \(Naming.listed(names)) can supervise it."),
                                  path: "activities/\(activity.id)", fix: "make another supervisor of \(activity.id) available on \(t)") { s in
            s.supervisors.append(Supervisor(id: "extra.\(activity.id).\(t.day.rawValue).\(t.slot)", activities: [activity.id],
                                            availability: .only([TimeRef(day: t.day, slot: t.slot)])))
        })
        for (s, supervisor) in able {
            let who = Self.named(supervisor.name, supervisor.id)
            if !supervisor.availability.allows(t) {
                rules.append(RuleInstance(rule: .onePlaceAtATime, text: "the supervisor \(who) is not available on \(t).",
                                          path: "supervisors/\(supervisor.id)/availability", fix: "make the supervisor \(who) available on \(t)") { sc in
                    Self.makeAvailable(&sc.supervisors[s].availability, at: t, slots: sc.calendar.slots.map(\.id))
                })
            } else if let cap = supervisor.maxHours {
                rules.append(RuleInstance(rule: .weeklyHours, text: "the supervisor \(who) supervises at most \(JSON.number(cap)) h a week.",
                                          path: "supervisors/\(supervisor.id)", fix: "raise the max_hours of \(who)") { sc in sc.supervisors[s].maxHours = nil })
            }
        }
        return rules
    }

    private func trainingRules(_ training: Training, _ k: Int) -> [RuleInstance] {
        var rules = [RuleInstance(rule: .trainings, text: "\(training.id) has \(training.seats) seat\(training.seats == 1 ? "" : "s").",
                                  path: "trainings/\(training.id)/seats", fix: "add seats to \(training.id)") { s in s.trainings[k].seats = 10_000 }]
        if training.minParticipants > 1 {
            rules.append(RuleInstance(rule: .trainings, text: "\(training.id) runs only with at least \(training.minParticipants) participants.",
                                      path: "trainings/\(training.id)/min_participants", fix: "lower the min_participants of \(training.id)") { s in
                s.trainings[k].minParticipants = 0
            })
        }
        return rules
    }

    // MARK: Helpers

    /// Availability that also allows `t` (a whole-day absence keeps its other slots).
    static func makeAvailable(_ availability: inout Availability, at t: Period, slots: [String]) {
        switch availability {
        case .always: return
        case .only(let refs): availability = .only(refs + [TimeRef(day: t.day, slot: t.slot)])
        case .except(let refs): availability = .except(removing(t, from: refs, slots: slots))
        }
    }

    /// The periods of `refs` without `t`: a whole day that covers it becomes its other slots.
    static func removing(_ t: Period, from refs: [TimeRef], slots: [String]) -> [TimeRef] {
        refs.flatMap { r -> [TimeRef] in
            guard r.covers(t) else { return [r] }
            guard r.slot == nil else { return [] }
            return slots.filter { $0 != t.slot }.map { TimeRef(day: r.day, slot: $0, reason: r.reason) }
        }
    }

    static func named(_ name: String?, _ id: String) -> String { Naming.named(name, id) }
}
