// SPDX-License-Identifier: GPL-3.0-or-later
//
// What `validate` can tell before a solve (issue #12, item 5), as warnings: the file still loads,
// but a roster cannot give what it asks. A pinned shift that no available supervisor can run (the
// week is then infeasible), a training a goal asks for that nobody eligible can attend all sessions
// of (it never runs), a participant with no open shift they may work. Each uses
// the shared eligibility (`Participant.mayWork(in:)`, `missingPrerequisites`, availability), so
// that it says what the model and the explanations would.

extension ScenarioValidator {
    func checkBeforeSolve() {
        let supervisors = Dictionary(grouping: scenario.supervisors.flatMap { s in s.activities.map { ($0, s) } }, by: \.0)
            .mapValues { $0.map(\.1) }
        for p in scenario.participants where !sources.isBroken("participants/\(p.id)") {
            checkSupervisedPins(p, supervisors: supervisors)
        }
        for k in scenario.trainings where !sources.isBroken("trainings/\(k.id)") { checkAttendance(k) }
        let open = scenario.activities.filter { !sources.isBroken("activities/\($0.id)") }.map { a in
            (activity: a, periods: scenario.calendar.periods.filter { a.demand(in: $0) != nil })
        }.filter { !$0.periods.isEmpty }
        guard !open.isEmpty else { return }
        for p in scenario.participants where !sources.isBroken("participants/\(p.id)") { checkSomewhereToWork(p, open: open) }
    }

    /// (a) A pinned shift that needs supervision (H9) when no supervisor who may supervise the
    /// activity is available in that period: no roster can hold the pin.
    private func checkSupervisedPins(_ p: Participant, supervisors: [String: [Supervisor]]) {
        for (i, item) in p.fixed.enumerated() {
            guard case .activity(let id) = item.place, let day = item.day, let slot = item.slot,
                  let t = scenario.calendar.period(day: day, slot: slot),
                  let activity = scenario.activities.first(where: { $0.id == id }), activity.demand(in: t) != nil,
                  scenario.supervisionRatio(activity) > 0 else { continue }
            let able = supervisors[id] ?? []
            let absent = able.compactMap { s -> String? in
                if !s.availability.allows(t) { return "'\(s.id)' is not available then" }
                if let cap = s.maxHours, cap + 1e-9 < t.hours {
                    return "'\(s.id)' has max_hours \(YAMLReader.formatHours(cap)), less than the period's \(YAMLReader.formatHours(t.hours)) h"
                }
                return nil
            }
            guard absent.count == able.count else { continue }
            let needs = "'\(p.id)' is fixed in '\(id)' on \(t), which needs a supervisor (1 per \(scenario.supervisionRatio(activity)) participants)"
            if able.isEmpty {
                sink.warning(at("participants/\(p.id)/fixed/\(i)"), "\(needs), but no supervisor can supervise '\(id)', so no roster can hold this pin",
                             value: "\(t)", fix: "add '\(id)' to the activities of a supervisor available on \(t), or move the fixed item")
            } else {
                sink.warning(at("participants/\(p.id)/fixed/\(i)"), "\(needs), but no supervisor of '\(id)' is available then ("
                             + absent.joined(separator: "; ") + "), so no roster can hold this pin", value: "\(t)",
                             fix: "make \(able.map { "'\($0.id)'" }.joined(separator: " or ")) available on \(t), "
                               + "add '\(id)' to the activities of a supervisor who is, or move the fixed item")
            }
        }
    }

    /// (b) A training that someone's goal asks for (a training goal, or a skill goal for a skill
    /// it teaches) when nobody eligible can attend every session of it: it never runs, and those
    /// goals are missed. (A training nobody asks for merely stays empty; one that too few can
    /// attend for its min_participants is left to `explain`: small weeks have many.)
    private func checkAttendance(_ k: Training) {
        let sessions = scenario.sessionPeriods(k)
        guard !sessions.isEmpty, k.seats > 0, k.minParticipants <= k.seats else { return }
        let wanting = scenario.participants.filter { p in
            p.goals.contains { goal in
                switch goal.kind {
                case .training(let id): return id == k.id
                case .skill(let skill, _): return k.teaches.contains(skill)
                case .activity: return false
                }
            }
        }.map(\.id)
        guard !wanting.isEmpty else { return }
        var causes: [String: Int] = [:], order: [String] = []
        for p in scenario.participants {
            guard let cause = whyNotAttending(p, k, sessions: sessions) else { return }
            if causes[cause] == nil { order.append(cause) }
            causes[cause, default: 0] += 1
        }
        let why = order.prefix(4).map { "\(causes[$0]!) \($0)" }.joined(separator: ", ") + (order.count > 4 ? ", …" : "")
        let missed = wanting.prefix(6).map { "'\($0)'" }.joined(separator: ", ") + (wanting.count > 6 ? ", …" : "")
        sink.warning(at("trainings/\(k.id)"), "nobody can attend every session of training '\(k.id)' (\(why)), so it never runs "
                     + "and the goals of \(missed) that ask for it are missed", value: k.id,
                     fix: "lower its prerequisites, move its sessions to when people are available, widen its open_to, or remove the training")
    }

    /// Why p cannot attend every session of k (H10, H2–H4), or `nil` when they can.
    private func whyNotAttending(_ p: Participant, _ k: Training, sessions: [Period]) -> String? {
        if !k.isOpen(to: p) { return "not in its open_to" }
        if let need = p.missingPrerequisites(of: k).first { return "below \(need.skill) level \(need.needed)" }
        if let away = sessions.first(where: { !p.availability.allows($0) }) { return "not available on \(away)" }
        let total = sessions.reduce(0) { $0 + $1.hours }
        if total > p.hours.max + 1e-9 { return "with an hours.max below its \(YAMLReader.formatHours(total)) h" }
        let cap = scenario.maxHoursPerDay(p)
        if scenario.calendar.days.contains(where: { day in sessions.filter { $0.day == day }.reduce(0) { $0 + $1.hours } > cap + 1e-9 }) {
            return "with a daily cap below its sessions of one day"
        }
        if Set(sessions.map(\.day)).count > scenario.maxDays(p) { return "with a max_days below its days of sessions" }
        return nil
    }

    /// (c) A participant who may work in no open shift: every open activity requires a level they
    /// lack, carries a tag they are restricted from, or is open only when they are away.
    private func checkSomewhereToWork(_ p: Participant, open: [(activity: Activity, periods: [Period])]) {
        guard p.hours.max > 0, scenario.maxDays(p) > 0 else { return }
        let cap = scenario.maxHoursPerDay(p)
        var causes: [String] = []
        for (activity, periods) in open {
            if let need = p.missingLevels(for: activity).first {
                causes.append("'\(activity.id)' requires \(need.skill) level \(need.needed) (they have \(need.has))")
            } else if let tag = p.restrictedTags(of: activity).first {
                causes.append("'\(activity.id)' carries the tag '\(tag)', one of their restrictions")
            } else if periods.contains(where: { p.availability.allows($0) && $0.hours <= cap + 1e-9 }) {
                return
            } else if periods.contains(where: { p.availability.allows($0) }) {
                causes.append("'\(activity.id)' is open only in periods longer than their daily cap of \(YAMLReader.formatHours(cap)) h")
            } else {
                causes.append("'\(activity.id)' is open only when they are not available")
            }
        }
        sink.warning(at("participants/\(p.id)"), "'\(p.id)' may work in no open shift this week: "
                     + causes.prefix(4).joined(separator: "; ") + (causes.count > 4 ? "; and \(causes.count - 4) more" : ""),
                     value: p.id, fix: "give them the level an activity requires, lift a restriction or widen their availability "
                       + "(as it is, only a training can give them hours)")
    }
}
