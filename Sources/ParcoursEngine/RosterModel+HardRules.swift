// SPDX-License-Identifier: GPL-3.0-or-later
//
// The week's hard rules (contract §4) as constraints of `RosterModel`, one function per rule of
// `HardRule`, each constraint named by `HardRule.constraintName` (H6 and H7 are in the variables
// that exist: RosterModel.swift).

import Modelling
import ParcoursScenario

extension RosterModel {
    // MARK: Hard rules

    /// H4 days cap, for participant `p`: `Σ_d works(p,d) <= max_days` when the cap can bind, with
    /// `works(p,d)` the day's indicator that H1's rows of that day bound (`worksOnDay[p]`).
    mutating func addDaysCap(_ p: Int) throws(ModelError) {
        precondition(worksOnDay.count == p, "addDaysCap is called for each participant in order")
        let participant = scenario.participants[p]
        let days = scenario.calendar.days.indices
        let workable = days.filter { !possiblePeriods(p, day: $0).isEmpty }
        var works = [Variable?](repeating: nil, count: scenario.calendar.days.count)
        if scenario.maxDays(participant) < workable.count {
            for d in workable {
                works[d] = try model.addBinary("w[\(participant.id),\(scenario.calendar.days[d].rawValue)]")
            }
            try model.add(LinearExpression(sum: workable.map { (works[$0]!, 1.0) }) <= Double(max(0, scenario.maxDays(participant))),
                          name: HardRule.daysCap.constraintName(participant.id))
        }
        worksOnDay.append(works)
    }

    /// H1 one place at a time, for participant `p` (availability is in the variables):
    /// `occupancy(p,t) <= works(p,d)` where the days cap binds (`addDaysCap`, called first),
    /// `occupancy(p,t) <= 1` otherwise.
    mutating func addOnePlaceAtATime(_ p: Int) throws(ModelError) {
        let participant = scenario.participants[p]
        let works = worksOnDay[p]
        let capBinds = works.contains { $0 != nil }
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

    /// H1 one place at a time, for supervisors: one shift per period.
    mutating func addOnePlaceAtATimeForSupervisors() throws(ModelError) {
        for (s, supervisor) in scenario.supervisors.enumerated() {
            for t in index.periods where supervisionsAt[s][t.index].count > 1 {
                try model.add(LinearExpression(sum: supervisionsAt[s][t.index].map { (supervisions[$0].variable, 1.0) }) <= 1,
                              name: HardRule.onePlaceAtATime.constraintName(supervisor.id, name(t)))
            }
        }
    }

    /// H2 weekly hours: H(p) <= hours.max; supervisors' hours <= max_hours.
    mutating func addWeeklyHours() throws(ModelError) {
        for (p, participant) in scenario.participants.enumerated() {
            // The most hours whole periods reach under the maximum (22 h of 4 h slots: 20 h), the
            // same rosters with a tighter relaxation.
            try model.add(hours(p) <= weeklyCap(p), name: HardRule.weeklyHours.constraintName(participant.id))
        }
        for (s, supervisor) in scenario.supervisors.enumerated() {
            guard let cap = supervisor.maxHours else { continue }
            let all = supervisionsAt[s].flatMap { $0 }
            try model.add(LinearExpression(sum: all.map { (supervisions[$0].variable, index.shifts[supervisions[$0].shift].period.hours) }) <= cap,
                          name: HardRule.weeklyHours.constraintName(supervisor.id))
        }
    }

    /// H3 daily cap: hours on a day <= capacity.max_hours_per_day (times works(p,d) when it exists).
    mutating func addDailyCap() throws(ModelError) {
        for (p, participant) in scenario.participants.enumerated() {
            for (d, day) in scenario.calendar.days.enumerated() {
                let daily = hours(p) { $0.dayIndex == d }
                let most = daily.terms.reduce(0) { $0 + $1.coefficient }
                guard most > scenario.maxHoursPerDay(participant) else { continue }
                // The most hours the day's periods reach under the cap (8 h of 3.75 h slots: 7.5 h).
                let cap = reachableDailyCap(p, day: d)
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
    mutating func addDailyLimitsByTag() throws(ModelError) {
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
    mutating func addShiftCap() throws(ModelError) {
        for (si, shift) in index.shifts.enumerated() where assignmentsOfShift[si].count > shift.max {
            try model.add(participants(in: si) <= Double(shift.max), name: HardRule.shiftCap.constraintName(shiftName(si)))
        }
    }

    /// H8 mentoring: people below the level <= ratio × people at or above it.
    mutating func addMentoring() throws(ModelError) {
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
    mutating func addSupervision() throws(ModelError) {
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
    mutating func addTrainings() throws(ModelError) {
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
    mutating func addAvoid() throws(ModelError) {
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
    mutating func addFixed() throws(ModelError) {
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
    mutating func addFrozenPeriods() throws(ModelError) {
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
}
