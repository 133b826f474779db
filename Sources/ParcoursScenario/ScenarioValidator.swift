// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checks between entities, after parsing and after every variant: references to declared
// skills, activities, trainings and participants, and `fixed` items that could never hold
// (unavailable, restricted, unqualified, closed shift, over the daily cap, …). Each problem points
// at the place in the file where it was written. What only a solve would show (a pin no supervisor
// can run, a training nobody can attend, someone with nowhere to work) is warned about in
// ScenarioValidator+BeforeSolve.swift.

struct ScenarioValidator {
    let scenario: Scenario
    let sources: SourceMap
    let sink: DiagnosticSink

    func at(_ path: String) -> SourceLocation? { sources.location(path) }

    /// The ids of one kind, in file order (for suggestions) and as a set (for lookups: a
    /// spreadsheet of 36,000 participants who each avoid someone makes as many lookups).
    private struct Declared {
        let ids: [String]
        private let set: Set<String>
        init(_ ids: [String]) { self.ids = ids; set = Set(ids) }
        func contains(_ id: String) -> Bool { set.contains(id) }
    }

    /// A ramp-up reads this week's step from the scenario's `week`: without one it cannot, and a
    /// week before the pathway or before its first step leaves the capacity as written.
    private func rampUp(_ plan: Pathway, first: RampUpStep, of p: Participant, at path: String) {
        guard let week = scenario.week else {
            sink.error(at(path), "the pathway of '\(p.id)' has a ramp-up, which needs the week's date to know which week of the pathway this is",
                       fix: "add `week: YYYY-MM-DD` (the first day of the week) to the scenario")
            return
        }
        guard let n = plan.weekNumber(of: week) else { return }
        if n < 1 {
            sink.warning(at(path), "the pathway of '\(p.id)' starts on \(plan.start), after this week (\(week)): its ramp-up does not apply yet",
                         value: plan.start, fix: "check pathway.start and the scenario's week")
        } else if n < first.fromWeek {
            sink.warning(at(path), "this is week \(n) of the pathway of '\(p.id)', before its first ramp-up step (from_week \(first.fromWeek)): "
                         + "their capacity is as written", value: "\(n)", fix: "add a step with from_week: 1")
        }
    }

    func run() {
        let skills = Declared(scenario.skills.map(\.id))
        let activities = Declared(scenario.activities.map(\.id))
        let trainings = Declared(scenario.trainings.map(\.id))
        let participants = Declared(scenario.participants.map(\.id))

        func reference(_ id: String, among declared: Declared, kind: String, path: String, context: String) {
            guard !declared.contains(id) else { return }
            let ids = declared.ids
            sink.error(at(path), "\(context) names the \(kind) '\(id)', which is not declared", value: id,
                       fix: suggestion(for: id, among: ids, what: "declared \(kind)s") + (closest(to: id, among: ids) == nil
                         ? " (or declare '\(id)' under \(kind == "activity" ? "activities" : kind + "s"))" : ""))
        }

        let allTags = Set(scenario.activities.flatMap(\.tags))
        for p in scenario.participants {
            let path = "participants/\(p.id)"
            for skill in p.skills.keys.sorted() {
                reference(skill, among: skills, kind: "skill", path: "\(path)/skills/\(skill)", context: "participant '\(p.id)'")
            }
            for tag in p.restrictions where !allTags.contains(tag) {
                sink.warning(at("\(path)/restrictions/\(tag)"), "no activity carries the tag '\(tag)', so this restriction has no effect",
                             value: tag, fix: closest(to: tag, among: allTags.sorted()).map { "did you mean '\($0)'?" })
            }
            for tag in p.limits.keys.sorted() where !allTags.contains(tag) {
                sink.warning(at("\(path)/limits/\(tag)"), "no activity carries the tag '\(tag)', so this daily limit has no effect",
                             value: tag, fix: closest(to: tag, among: allTags.sorted()).map { "did you mean '\($0)'?" })
            }
            if let plan = p.pathway, let first = plan.rampUp.first { rampUp(plan, first: first, of: p, at: "\(path)/pathway") }
            for (i, goal) in (p.pathway?.goals ?? []).enumerated() {
                let at = "\(path)/pathway/goals/\(i)", context = "a pathway goal of '\(p.id)'"
                switch goal.subject {
                case .activity(let a): reference(a, among: activities, kind: "activity", path: at, context: context)
                case .skill(let s): reference(s, among: skills, kind: "skill", path: at, context: context)
                case .training(let k) where !trainings.contains(k):
                    // A training runs in some weeks only: not in this week's file, the goal asks nothing this week.
                    sink.warning(self.at(at), "a pathway goal of '\(p.id)' names the training '\(k)', which is not in this week's file: "
                                 + "it asks nothing this week", value: k,
                                 fix: closest(to: k, among: trainings.ids).map { "did you mean '\($0)'?" }
                                    ?? "nothing to do if '\(k)' runs another week; it is asked in the weeks whose file declares it")
                case .training: break
                }
            }
            for (i, goal) in p.goals.enumerated() {
                switch goal.kind {
                case .activity(let a, _): reference(a, among: activities, kind: "activity", path: "\(path)/goals/\(i)", context: "a goal of '\(p.id)'")
                case .skill(let s, _): reference(s, among: skills, kind: "skill", path: "\(path)/goals/\(i)", context: "a goal of '\(p.id)'")
                case .training(let k): reference(k, among: trainings, kind: "training", path: "\(path)/goals/\(i)", context: "a goal of '\(p.id)'")
                }
            }
            for a in p.likes { reference(a, among: activities, kind: "activity", path: "\(path)/likes/\(a)", context: "the likes of '\(p.id)'") }
            for a in p.dislikes {
                reference(a, among: activities, kind: "activity", path: "\(path)/dislikes/\(a)", context: "the dislikes of '\(p.id)'")
                if p.likes.contains(a) {
                    sink.error(at("\(path)/dislikes/\(a)"), "'\(p.id)' both likes and dislikes '\(a)'", value: a, fix: "keep it in one list")
                }
            }
            for other in p.avoid {
                if other == p.id {
                    sink.error(at("\(path)/avoid/\(other)"), "'\(p.id)' is asked to avoid themself", value: other,
                               fix: "list the other participants to keep apart, not '\(p.id)'")
                } else {
                    reference(other, among: participants, kind: "participant", path: "\(path)/avoid/\(other)", context: "the avoid list of '\(p.id)'")
                }
            }
            if !sources.isBroken(path) { checkFixed(p, path: path) }
        }
        for s in scenario.supervisors {
            for a in s.activities {
                reference(a, among: activities, kind: "activity", path: "supervisors/\(s.id)/activities/\(a)", context: "supervisor '\(s.id)'")
            }
        }
        for a in scenario.activities {
            let path = "activities/\(a.id)"
            for s in a.develops { reference(s, among: skills, kind: "skill", path: "\(path)/develops/\(s)", context: "activity '\(a.id)' (develops)") }
            for s in a.requires.keys.sorted() {
                reference(s, among: skills, kind: "skill", path: "\(path)/requires/\(s)", context: "activity '\(a.id)' (requires)")
            }
            if let m = a.mentoring {
                reference(m.skill, among: skills, kind: "skill", path: "\(path)/mentoring/skill", context: "activity '\(a.id)' (mentoring)")
            }
            if a.open.isEmpty && !sources.isBroken(path) {
                sink.warning(at(path), "activity '\(a.id)' has no `open` block, so nobody is ever rostered there",
                             fix: "add `open: [{days: all, slots: all, min: 1, max: 4}]` or remove the activity")
            }
        }
        for k in scenario.trainings {
            let path = "trainings/\(k.id)"
            for s in k.teaches { reference(s, among: skills, kind: "skill", path: "\(path)/teaches/\(s)", context: "training '\(k.id)' (teaches)") }
            for s in k.prerequisites.keys.sorted() {
                reference(s, among: skills, kind: "skill", path: "\(path)/prerequisites/\(s)", context: "training '\(k.id)' (prerequisites)")
            }
            if case .participants(let ids)? = k.openTo {
                for id in ids { reference(id, among: participants, kind: "participant", path: "\(path)/open_to/\(id)", context: "training '\(k.id)' (open_to)") }
            }
            if k.minParticipants > k.seats {
                sink.warning(at("\(path)/min_participants"),
                             "training '\(k.id)' needs \(k.minParticipants) participants but has \(k.seats) seats, so it can never run",
                             value: String(k.minParticipants), fix: "lower min_participants or add seats")
            }
            let pinned = scenario.participants.filter { p in p.fixed.contains { $0.place == .training(k.id) } }
            if pinned.count > k.seats {
                sink.error(at("\(path)/seats"), "\(pinned.count) participants are fixed in training '\(k.id)', which has \(k.seats) seats",
                           value: String(k.seats), fix: "add seats or unpin some of: \(pinned.map(\.id).joined(separator: ", "))")
            }
        }
        checkBaseline()
        // What a solve could not give (warnings), once the file itself is right.
        if !sink.hasErrors { checkBeforeSolve() }
    }

    /// Published assignments must name declared people and places, one place per person and period.
    func checkBaseline() {
        let participants = Declared(scenario.participants.map(\.id))
        let activities = Declared(scenario.activities.map(\.id))
        let trainings = Declared(scenario.trainings.map(\.id))
        func reference(_ id: String, among declared: Declared, kind: String, path: String, context: String) {
            guard !declared.contains(id) else { return }
            sink.error(at(path), "\(context) names the \(kind) '\(id)', which is not declared", value: id,
                       fix: suggestion(for: id, among: declared.ids, what: "declared \(kind)s"))
        }
        if let baseline = scenario.baseline {
            var seen: [String: Int] = [:]
            for (i, entry) in baseline.enumerated() {
                let path = "baseline/\(i)"
                reference(entry.participant, among: participants, kind: "participant", path: path, context: "a baseline assignment")
                switch entry.place {
                case .activity(let a): reference(a, among: activities, kind: "activity", path: path, context: "a baseline assignment")
                case .training(let k): reference(k, among: trainings, kind: "training", path: path, context: "a baseline assignment")
                }
                let key = "\(entry.participant) \(entry.day.rawValue) \(entry.slot)"
                if let first = seen[key] {
                    sink.error(at(path), "the baseline puts '\(entry.participant)' in two places on \(entry.day.rawValue) \(entry.slot)",
                               value: key, fix: "keep one of the two assignments (the other is entry \(first + 1))")
                } else { seen[key] = i }
            }
        }
    }

    /// Fixed items that no roster could honour.
    private func checkFixed(_ p: Participant, path: String) {
        var pinnedPeriods: [Period: Int] = [:]
        var hoursByDay: [Day: Double] = [:]
        var total = 0.0
        func note(_ period: Period, item i: Int) {
            if let first = pinnedPeriods[period] {
                sink.error(at("\(path)/fixed/\(i)"), "'\(p.id)' is fixed in two places on \(period)", value: "\(period)",
                           fix: "keep one of fixed items \(first + 1) and \(i + 1)")
            } else {
                pinnedPeriods[period] = i
                hoursByDay[period.day, default: 0] += period.hours
                total += period.hours
            }
        }
        for (i, item) in p.fixed.enumerated() {
            let itemPath = "\(path)/fixed/\(i)"
            switch item.place {
            case .activity(let id):
                guard let activity = scenario.activities.first(where: { $0.id == id }) else {
                    sink.error(at(itemPath), "a fixed item of '\(p.id)' names the activity '\(id)', which is not declared", value: id,
                               fix: suggestion(for: id, among: scenario.activities.map(\.id), what: "declared activities"))
                    continue
                }
                guard let day = item.day, let slot = item.slot, let period = scenario.calendar.period(day: day, slot: slot) else { continue }
                if !p.availability.allows(period) {
                    sink.error(at(itemPath), "'\(p.id)' is fixed in '\(id)' on \(period) but is not available then", value: "\(period)",
                               fix: "change the fixed item or the availability")
                }
                if activity.demand(in: period) == nil && !sources.isBroken("activities/\(id)") {
                    sink.error(at(itemPath), "'\(p.id)' is fixed in '\(id)' on \(period), but '\(id)' is not open then", value: "\(period)",
                               fix: "add an `open` block for that period to '\(id)' or move the fixed item")
                }
                let clash = p.restrictedTags(of: activity)
                if !clash.isEmpty {
                    sink.error(at(itemPath), "'\(p.id)' is fixed in '\(id)', which carries the tag '\(clash[0])' that they are restricted from",
                               value: id, fix: "remove the fixed item or the restriction")
                }
                for need in p.missingLevels(for: activity) {
                    sink.error(at(itemPath), "'\(p.id)' is fixed in '\(id)', which requires \(need.skill) level \(need.needed); they have \(need.has)",
                               value: id, fix: "raise their level of '\(need.skill)' or remove the fixed item")
                }
                for other in scenario.participants where other.id != p.id && (p.avoid.contains(other.id) || other.avoid.contains(p.id)) {
                    if other.fixed.contains(where: { $0.place == item.place && $0.day == day && $0.slot == slot }), p.id < other.id {
                        sink.error(at(itemPath), "'\(p.id)' and '\(other.id)' avoid each other but are both fixed in '\(id)' on \(period)",
                                   value: other.id, fix: "move one of the two fixed items")
                    }
                }
                note(period, item: i)
            case .training(let id):
                guard let training = scenario.trainings.first(where: { $0.id == id }) else {
                    sink.error(at(itemPath), "a fixed item of '\(p.id)' names the training '\(id)', which is not declared", value: id,
                               fix: suggestion(for: id, among: scenario.trainings.map(\.id), what: "declared trainings"))
                    continue
                }
                let sessions = scenario.sessionPeriods(training)
                if let day = item.day {
                    let matches = sessions.contains { $0.day == day && (item.slot == nil || $0.slot == item.slot) }
                    if !matches {
                        sink.error(at(itemPath), "'\(p.id)' is fixed in training '\(id)' on \(day.rawValue)\(item.slot.map { " " + $0 } ?? ""), "
                                   + "which is not one of its sessions", value: "\(day.rawValue)\(item.slot.map { " " + $0 } ?? "")",
                                   fix: "its sessions are: \(sessions.map(\.description).joined(separator: ", ")); or leave out day and slot")
                    }
                }
                for need in p.missingPrerequisites(of: training) {
                    sink.error(at(itemPath), "'\(p.id)' is fixed in training '\(id)', which needs \(need.skill) level \(need.needed); they have \(need.has)",
                               value: id, fix: "raise their level of '\(need.skill)' or remove the fixed item")
                }
                for period in sessions where !p.availability.allows(period) {
                    sink.error(at(itemPath), "'\(p.id)' is fixed in training '\(id)' but is not available for its session on \(period)",
                               value: "\(period)", fix: "an enrolled participant attends every session: change the availability or the fixed item")
                }
                if training.seats == 0 {
                    sink.error(at(itemPath), "'\(p.id)' is fixed in training '\(id)', which has no seats", value: id, fix: "give the training seats")
                }
                for period in sessions { note(period, item: i) }
            }
        }
        let cap = scenario.maxHoursPerDay(p)
        for day in scenario.calendar.days {
            if let h = hoursByDay[day], h > cap + 1e-9 {
                sink.error(at("\(path)/fixed"), "the fixed items of '\(p.id)' on \(day.rawValue) add up to \(YAMLReader.formatHours(h)) h, "
                           + "more than their daily cap of \(YAMLReader.formatHours(cap)) h", value: day.rawValue,
                           fix: "remove a fixed item that day or raise capacity.max_hours_per_day")
            }
        }
        if total > p.hours.max + 1e-9 {
            sink.error(at("\(path)/fixed"), "the fixed items of '\(p.id)' add up to \(YAMLReader.formatHours(total)) h, more than hours.max "
                       + "(\(YAMLReader.formatHours(p.hours.max)) h)", fix: "remove fixed items or raise hours.max")
        }
        let days = Set(pinnedPeriods.keys.map(\.day)).count
        if days > scenario.maxDays(p) {
            sink.error(at("\(path)/fixed"), "the fixed items of '\(p.id)' fall on \(days) days, more than capacity.max_days (\(scenario.maxDays(p)))",
                       fix: "group the fixed items on fewer days or raise capacity.max_days")
        }
    }
}

extension YAMLReader {
    static func formatHours(_ value: Double) -> String { NumberRange.format(value) }
}
