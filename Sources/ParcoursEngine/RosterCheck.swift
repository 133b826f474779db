// SPDX-License-Identifier: GPL-3.0-or-later
//
// The independent checker: recomputes every hard rule (§4) and objective term (§5) from a roster's
// assignments alone. It shares no logic with `RosterModel` on purpose: it counts what the roster
// says, period by period, as a planner would with the printout in hand.

import ParcoursScenario

public struct Violation: Sendable, Equatable, CustomStringConvertible {
    public var rule: HardRule
    public var message: String
    public var description: String { "\(rule.rawValue) \(rule.sentence): \(message)" }
}

public struct RosterCheck: Sendable {
    public let index: WeekIndex
    public var scenario: Scenario { index.scenario }

    public init(_ scenario: Scenario) { index = WeekIndex(scenario) }

    public struct Report: Sendable {
        public var violations: [Violation]
        public var terms: TermValues
        /// Shifts below their min, in activity then period order.
        public var unmet: [Roster.Unmet]
        /// Trainings with at least one participant (participants in scenario order).
        public var enrollments: [Roster.Enrollment]
        /// H(p) per participant, in scenario order.
        public var hours: [Double]
        /// Goal hours achieved (each goal counted up to its target; a training goal counts its hours once enrolled)
        /// and wanted, over all participants.
        public var goalHoursAchieved: Double = 0
        public var goalHoursWanted: Double = 0
    }

    /// Checks assignments and supervision against the scenario and computes the objective terms.
    public func check(_ assignments: [Roster.Assignment], _ supervision: [Roster.SupervisionEntry]) -> Report {
        var v: [Violation] = []
        func fail(_ rule: HardRule, _ message: String) { v.append(Violation(rule: rule, message: message)) }
        let periods = index.periods
        let T = periods.count
        let participants = scenario.participants

        // What each participant does in each period, as the roster says.
        var doing = Array(repeating: [Roster.Assignment.Place?](repeating: nil, count: T), count: participants.count)
        var trainingPeriods = Array(repeating: [Int: Set<Int>](), count: participants.count)  // p -> k -> periods
        for a in assignments {
            guard let p = index.participantIndex[a.participant] else {
                fail(.onePlaceAtATime, "unknown participant '\(a.participant)'"); continue
            }
            guard let t = index.period(a.day, a.slot) else {
                fail(.onePlaceAtATime, "\(a.participant): \(a.day.rawValue) \(a.slot) is not a period of the calendar"); continue
            }
            if doing[p][t.index] != nil {
                fail(.onePlaceAtATime, "\(a.participant) is in two places on \(t)")
                continue
            }
            switch a.place {
            case .activity(let id):
                guard index.activityIndex[id] != nil else { fail(.shiftCap, "unknown activity '\(id)'"); continue }
            case .training(let id):
                guard let k = index.trainingIndex[id] else { fail(.trainings, "unknown training '\(id)'"); continue }
                trainingPeriods[p][k, default: []].insert(t.index)
            }
            doing[p][t.index] = a.place
            if !participants[p].availability.allows(t) {
                fail(.onePlaceAtATime, "\(a.participant) is not available on \(t)")
            }
        }

        // H10 attendance: enrolled = appears in any session; then every session must be there.
        var enrolled = Array(repeating: Set<Int>(), count: participants.count)
        for p in participants.indices {
            for (k, ts) in trainingPeriods[p] {
                enrolled[p].insert(k)
                let sessions = Set(index.sessions[k].map(\.index))
                let training = scenario.trainings[k]
                for t in ts.subtracting(sessions).sorted() {
                    fail(.trainings, "\(participants[p].id) is in \(training.id) on \(periods[t]), which is not one of its sessions")
                }
                for t in sessions.subtracting(ts).sorted() {
                    fail(.trainings, "\(participants[p].id) is enrolled in \(training.id) but misses its session on \(periods[t])")
                }
                if let missing = training.prerequisites.sorted(by: { $0.key < $1.key }).first(where: { participants[p].level($0.key) < $0.value }) {
                    fail(.trainings, "\(participants[p].id) lacks the prerequisite \(missing.key) \(missing.value) of \(training.id)")
                }
                if !training.isOpen(to: participants[p]) {
                    fail(.trainings, "\(participants[p].id) is in \(training.id), which is open only to \(openToText(training))")
                }
            }
        }
        var enrollments: [Roster.Enrollment] = []
        for (k, training) in scenario.trainings.enumerated() {
            let who = participants.indices.filter { enrolled[$0].contains(k) }
            if who.count > training.seats { fail(.trainings, "\(training.id) has \(who.count) enrolled for \(training.seats) seats") }
            if training.minParticipants > 0 && !who.isEmpty && who.count < training.minParticipants {
                fail(.trainings, "\(training.id) has \(who.count) enrolled, below its minimum of \(training.minParticipants)")
            }
            if !who.isEmpty { enrollments.append(Roster.Enrollment(training: training.id, participants: who.map { participants[$0].id })) }
        }

        // Hours, days (H2–H4).
        var hours = [Double](repeating: 0, count: participants.count)
        for (p, participant) in participants.enumerated() {
            var daily = [Double](repeating: 0, count: scenario.calendar.days.count)
            for t in periods where doing[p][t.index] != nil { daily[t.dayIndex] += t.hours }
            hours[p] = daily.reduce(0, +)
            if hours[p] > participant.hours.max + 1e-9 {
                fail(.weeklyHours, "\(participant.id) works \(fmt(hours[p])) h, above the maximum \(fmt(participant.hours.max))")
            }
            let cap = scenario.maxHoursPerDay(participant)
            for (d, h) in daily.enumerated() where h > cap + 1e-9 {
                fail(.dailyCap, "\(participant.id) works \(fmt(h)) h on \(scenario.calendar.days[d].rawValue), above the cap \(fmt(cap))")
            }
            for (tag, limit) in participant.limits.sorted(by: { $0.key < $1.key }) {
                for (d, day) in scenario.calendar.days.enumerated() {
                    let tagged = periods.filter { t in
                        guard t.dayIndex == d, case .activity(let id)? = doing[p][t.index], let a = index.activityIndex[id] else { return false }
                        return scenario.activities[a].tags.contains(tag)
                    }.reduce(0) { $0 + $1.hours }
                    if tagged > limit + 1e-9 {
                        fail(.dailyCap, "\(participant.id) works \(fmt(tagged)) h tagged \(tag) on \(day.rawValue), above their limit \(fmt(limit))")
                    }
                }
            }
            let days = daily.filter { $0 > 0 }.count
            if days > scenario.maxDays(participant) {
                fail(.daysCap, "\(participant.id) works \(days) days, above the cap \(scenario.maxDays(participant))")
            }
        }

        // People per (activity, period).
        var people = Array(repeating: Array(repeating: [Int](), count: T), count: scenario.activities.count)
        for p in participants.indices {
            for t in periods {
                if case .activity(let id)? = doing[p][t.index], let a = index.activityIndex[id] { people[a][t.index].append(p) }
            }
        }
        var bosses = Array(repeating: Array(repeating: 0, count: T), count: scenario.activities.count)
        var supervisorBusy = Array(repeating: Set<Int>(), count: scenario.supervisors.count)
        var supervisorHours = [Double](repeating: 0, count: scenario.supervisors.count)
        for s in supervision {
            guard let si = index.supervisorIndex[s.supervisor] else { fail(.supervision, "unknown supervisor '\(s.supervisor)'"); continue }
            guard let t = index.period(s.day, s.slot) else { fail(.supervision, "\(s.supervisor): \(s.day.rawValue) \(s.slot) is not a period"); continue }
            guard let a = index.activityIndex[s.activity] else { fail(.supervision, "unknown activity '\(s.activity)'"); continue }
            let supervisor = scenario.supervisors[si]
            if !supervisorBusy[si].insert(t.index).inserted { fail(.onePlaceAtATime, "\(supervisor.id) is in two places on \(t)") }
            if !supervisor.availability.allows(t) { fail(.onePlaceAtATime, "\(supervisor.id) is not available on \(t)") }
            if !supervisor.activities.contains(s.activity) { fail(.supervision, "\(supervisor.id) cannot supervise \(s.activity)") }
            if index.shiftAt[a][t.index] == nil { fail(.supervision, "\(supervisor.id) supervises \(s.activity) on \(t), which is not open") }
            if people[a][t.index].isEmpty { fail(.supervision, "\(supervisor.id) supervises \(s.activity) on \(t), where nobody works") }
            bosses[a][t.index] += 1
            supervisorHours[si] += t.hours
        }
        for (si, supervisor) in scenario.supervisors.enumerated() {
            if let cap = supervisor.maxHours, supervisorHours[si] > cap + 1e-9 {
                fail(.weeklyHours, "\(supervisor.id) supervises \(fmt(supervisorHours[si])) h, above the maximum \(fmt(cap))")
            }
        }

        var unmet: [Roster.Unmet] = []
        var coverage = 0.0
        for (a, activity) in scenario.activities.enumerated() {
            for t in periods {
                let here = people[a][t.index]
                guard let shift = index.shiftAt[a][t.index].map({ index.shifts[$0] }) else {
                    if !here.isEmpty { fail(.shiftCap, "\(activity.id) is not open on \(t) but has \(here.count) people") }
                    continue
                }
                if here.count > shift.max { fail(.shiftCap, "\(activity.id) on \(t) has \(here.count) people for a maximum of \(shift.max)") }
                if here.count < shift.min {
                    unmet.append(Roster.Unmet(activity: activity.id, day: t.day, slot: t.slot, missing: shift.min - here.count))
                    coverage += activity.priority * t.hours * Double(shift.min - here.count)
                }
                for p in here {
                    let participant = participants[p]
                    if let need = activity.requires.sorted(by: { $0.key < $1.key }).first(where: { participant.level($0.key) < $0.value }) {
                        fail(.requirements, "\(participant.id) is in \(activity.id) on \(t) without \(need.key) \(need.value)")
                    }
                    if let tag = activity.tags.first(where: participant.restrictions.contains) {
                        fail(.restrictions, "\(participant.id) is in \(activity.id) on \(t), tagged \(tag)")
                    }
                }
                if let m = activity.mentoring {
                    let below = here.filter { participants[$0].level(m.skill) < m.level }.count
                    if below > m.ratio * (here.count - below) {
                        fail(.mentoring, "\(activity.id) on \(t): \(below) below \(m.skill) \(m.level) for \(here.count - below) at or above it")
                    }
                }
                if shift.ratio > 0 && here.count > shift.ratio * bosses[a][t.index] {
                    fail(.supervision, "\(activity.id) on \(t): \(here.count) participants for \(bosses[a][t.index]) supervisor(s) at 1:\(shift.ratio)")
                }
            }
        }

        // H11 avoid.
        for (p, participant) in participants.enumerated() {
            for other in participant.avoid {
                guard let q = index.participantIndex[other], q > p || !participants[q].avoid.contains(participant.id) else { continue }
                for t in periods {
                    if let place = doing[p][t.index], place == doing[q][t.index] {
                        fail(.avoid, "\(participant.id) and \(other) are together on \(t)")
                    }
                }
            }
        }

        // H12 fixed.
        for (p, participant) in participants.enumerated() {
            for item in participant.fixed {
                switch item.place {
                case .activity(let id):
                    let t = item.day.flatMap { d in item.slot.flatMap { index.period(d, $0) } }
                    if t == nil || doing[p][t!.index] != .activity(id) {
                        fail(.fixed, "\(participant.id) is pinned to \(id) on \(item.day?.rawValue ?? "?") \(item.slot ?? "?")")
                    }
                case .training(let id):
                    if !(index.trainingIndex[id].map { enrolled[p].contains($0) } ?? false) {
                        fail(.fixed, "\(participant.id) is pinned to training \(id)")
                    }
                }
            }
        }

        // Objective terms (§5).
        let w = scenario.weights
        var terms = TermValues()
        terms[.coverage] = w.coverage * coverage
        var contract = 0.0, target = 0.0, goals = 0.0, preference = 0.0
        var goalHoursAchieved = 0.0, goalHoursWanted = 0.0
        for (p, participant) in participants.enumerated() {
            // Paid absences count as worked hours here (and only here: not towards the maximum or the caps).
            let counted = hours[p] + scenario.paidHours(participant)
            contract += max(0, participant.hours.min - counted)
            target += abs(counted - participant.hours.target)
            func hoursIn(_ keep: (Roster.Assignment.Place) -> Bool) -> Double {
                periods.reduce(0) { sum, t in doing[p][t.index].map(keep) == true ? sum + t.hours : sum }
            }
            for goal in participant.goals {
                switch goal.kind {
                case .activity(let id, let h):
                    let achieved = hoursIn { $0 == .activity(id) }
                    goals += goal.weight * max(0, h - achieved)
                    goalHoursAchieved += min(h, achieved); goalHoursWanted += h
                case .skill(let skill, let h):
                    let achieved = hoursIn { place in
                        switch place {
                        case .activity(let id): return index.activityIndex[id].map { scenario.activities[$0].develops.contains(skill) } ?? false
                        case .training(let id): return index.trainingIndex[id].map { scenario.trainings[$0].teaches.contains(skill) } ?? false
                        }
                    }
                    goals += goal.weight * max(0, h - achieved)
                    goalHoursAchieved += min(h, achieved); goalHoursWanted += h
                case .training(let id):
                    guard let k = index.trainingIndex[id] else { continue }
                    if !enrolled[p].contains(k) { goals += goal.weight * index.trainingHours(k) } else { goalHoursAchieved += index.trainingHours(k) }
                    goalHoursWanted += index.trainingHours(k)
                }
            }
            for id in participant.dislikes { preference += hoursIn { $0 == .activity(id) } }
            for id in participant.likes { preference -= hoursIn { $0 == .activity(id) } }
        }
        terms[.contract] = w.contract * contract
        terms[.target] = w.target * target
        terms[.goals] = w.goals * goals
        terms[.preference] = w.preference * preference
        if let fairness = scenario.fairness {
            var weighted = 0.0
            for (p, participant) in participants.enumerated() {
                let c = fairness.weight(of: participant.id)
                guard c != 0 else { continue }
                func hoursIn(_ id: String) -> Double {
                    periods.reduce(0) { sum, t in doing[p][t.index] == .activity(id) ? sum + t.hours : sum }
                }
                weighted += c * (participant.dislikes.reduce(0) { $0 + hoursIn($1) } - participant.likes.reduce(0) { $0 + hoursIn($1) })
            }
            terms[.fairness] = w.fairness * weighted
        }
        var changed = 0
        if let baseline = scenario.baseline {
            var published = Array(repeating: [Roster.Assignment.Place?](repeating: nil, count: T), count: participants.count)
            for entry in baseline {
                guard let p = index.participantIndex[entry.participant], let t = index.period(entry.day, entry.slot) else { continue }
                switch entry.place {
                case .activity(let id): published[p][t.index] = .activity(id)
                case .training(let id): published[p][t.index] = .training(id)
                }
            }
            for p in participants.indices {
                for t in 0..<T where published[p][t] != doing[p][t] { changed += 1 }
            }
        }
        terms[.stability] = w.stability * Double(changed)
        return Report(violations: v, terms: terms, unmet: unmet, enrollments: enrollments, hours: hours,
                      goalHoursAchieved: goalHoursAchieved, goalHoursWanted: goalHoursWanted)
    }

    private func fmt(_ x: Double) -> String { JSON.number(x) }

    private func openToText(_ training: Training) -> String {
        switch training.openTo {
        case .participants(let ids)?: return ids.isEmpty ? "nobody (an empty open_to)" : ids.joined(separator: ", ")
        default: return "those with a goal for it"
        }
    }
}
