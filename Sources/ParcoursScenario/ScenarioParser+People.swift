// SPDX-License-Identifier: GPL-3.0-or-later
//
// The people's fields (skills, participants: hours, capacity, availability, goals, fixed items)
// and the time references they use, read by `ScenarioParser`.

import Yams

extension ScenarioParser {
    // MARK: Entities

    func skill(_ f: Fields, id: String) -> Skill {
        var skill = Skill(id: id)
        if let n = f["name"], let name = reader.string(n, what: "the skill's name", allowEmpty: true) { skill.name = name }
        return skill
    }

    func participantFields(_ f: Fields, path: String, into p: inout Participant) {
        if let n = f["name"], let name = reader.string(n, what: "the participant's name", allowEmpty: true) { p.name = name }
        if let h = f["hours"], let band = hoursBand(h, path: path) { p.hours = band }
        if let c = f["capacity"] {
            p.capacity = Capacity()
            if let cf = reader.fields(c, known: ["max_hours_per_day", "max_days"], what: "capacity") {
                if let v = cf["max_hours_per_day"] { p.capacity.maxHoursPerDay = reader.number(v, what: "capacity.max_hours_per_day", range: .dailyHours) }
                if let v = cf["max_days"] { p.capacity.maxDays = reader.integer(v, what: "capacity.max_days", range: .days) }
            }
            reader.record("\(path)/capacity", c)
        }
        if let a = f["availability"] { p.availability = availability(a, path: path) }
        if let s = f["skills"] { p.skills = levels(s, path: "\(path)/skills", what: "skills") }
        if let r = f["restrictions"] { p.restrictions = tags(r, path: "\(path)/restrictions", what: "restrictions") }
        if let g = f["goals"] { p.goals = goals(g, path: "\(path)/goals") }
        if let pr = f["preferences"] {
            p.likes = []; p.dislikes = []
            if let pf = reader.fields(pr, known: ["likes", "dislikes"], what: "preferences") {
                if let l = pf["likes"] { p.likes = references(l, path: "\(path)/likes", what: "preferences.likes") }
                if let d = pf["dislikes"] { p.dislikes = references(d, path: "\(path)/dislikes", what: "preferences.dislikes") }
            }
        }
        if let a = f["avoid"] { p.avoid = references(a, path: "\(path)/avoid", what: "avoid") }
        if let x = f["fixed"] { reader.record("\(path)/fixed", x); p.fixed = fixedItems(x, path: "\(path)/fixed") }
        if let l = f["limits"] { p.limits = dailyLimits(l, path: "\(path)/limits") }
        if let w = f["pathway"] { p.pathway = reader.isNull(w) ? nil : pathway(w, path: "\(path)/pathway") }
    }

    /// `pathway: {start: 2026-09-07, ramp_up: [{from_week: 1, max_days: 2}, …]}`.
    func pathway(_ node: Node, path: String) -> Pathway? {
        reader.record(path, node)
        guard let f = reader.fields(node, known: ["start", "ramp_up", "goals", "contract"], required: ["start"], what: "pathway"),
              let s = f["start"], let start = reader.string(s, what: "pathway.start") else { return nil }
        guard Self.isISODate(start) else {
            reader.error(s, "pathway.start must be the pathway's first day, written YYYY-MM-DD", value: start,
                         fix: "write for example `start: 2026-09-07`")
            return nil
        }
        var plan = Pathway(start: start)
        if let g = f["goals"] { plan.goals = pathwayGoals(g, path: "\(path)/goals") }
        if let c = f["contract"], let cf = reader.fields(c, known: ["average", "weeks"], required: ["average", "weeks"], what: "pathway.contract"),
           let average = reader.number(cf["average"]!, what: "pathway.contract.average", range: .weeklyHours),
           let weeks = reader.integer(cf["weeks"]!, what: "pathway.contract.weeks", range: .pathwayWeeks) {
            reader.record("\(path)/contract", c)
            plan.contract = AveragedContract(average: average, weeks: weeks)
        }
        guard let r = f["ramp_up"], let items = reader.sequence(r, what: "pathway.ramp_up") else { return plan }
        for (i, item) in items.enumerated() {
            guard let sf = reader.fields(item, known: ["from_week", "max_days", "max_hours_per_day"], required: ["from_week"],
                                         what: "a ramp-up step"),
                  let w = sf["from_week"], let week = reader.integer(w, what: "from_week", range: .pathwayWeeks) else { continue }
            if let last = plan.rampUp.last, week <= last.fromWeek {
                reader.error(w, "the ramp-up's steps must follow each other: from_week \(week) comes after from_week \(last.fromWeek)",
                             value: "\(week)", fix: "order the steps by from_week, each week once")
                continue
            }
            var step = RampUpStep(fromWeek: week)
            if let v = sf["max_days"] { step.maxDays = reader.integer(v, what: "max_days", range: .days) }
            if let v = sf["max_hours_per_day"] { step.maxHoursPerDay = reader.number(v, what: "max_hours_per_day", range: .dailyHours) }
            reader.record("\(path)/ramp_up/\(i)", item)
            plan.rampUp.append(step)
        }
        return plan
    }

    /// The one of `kinds` a goal names, and what it names (an error, and nil, unless exactly one).
    func goalSubject(_ f: Fields, of item: Node, among kinds: [String], what: String, example: String) -> (String, String)? {
        let named = kinds.filter { f.has($0) }
        guard named.count == 1, let kind = named.first else {
            let list = kinds.count == 2 ? "`\(kinds[0])` or `\(kinds[1])`"
                : kinds.dropLast().map { "`\($0)`" }.joined(separator: ", ") + " or `\(kinds.last!)`"
            reader.error(item, "a \(what) names exactly one of \(list)", value: named.isEmpty ? nil : named.joined(separator: " and "),
                         fix: "write for example \(example)")
            return nil
        }
        return reader.identifier(f[kind]!, what: "the \(what)'s \(kind)").map { (kind, $0) }
    }

    /// A goal's `weight` (1 when left out; nil after an error).
    func goalWeight(_ f: Fields, what: String) -> Double? {
        guard let w = f["weight"] else { return 1 }
        return reader.number(w, what: what, range: .weight)
    }

    /// `goals: [{activity: cuisine, hours: 120, by: 2026-12-18}, {skill: vente, hours: 40, by: …},
    /// {training: haccp, by: 2027-03-31}]`.
    func pathwayGoals(_ node: Node, path: String) -> [PathwayGoal] {
        guard let items = reader.sequence(node, what: "pathway.goals") else { return [] }
        var result: [PathwayGoal] = []
        for item in items {
            guard let f = reader.fields(item, known: ["activity", "skill", "training", "hours", "by", "weight"], required: ["by"],
                                        what: "a pathway goal") else { continue }
            guard let (kind, target) = goalSubject(f, of: item, among: ["activity", "skill", "training"], what: "pathway goal",
                                                   example: "`{activity: cuisine, hours: 120, by: 2026-12-18}`"),
                  let weight = goalWeight(f, what: "the pathway goal's weight") else { continue }
            var hours = 0.0
            if kind == "training" {
                if f.has("hours") {
                    reader.error(f.keyNodes["hours"], "a pathway goal for a training asks to attend it, not for hours", value: "hours",
                                 fix: "remove `hours`: write for example `{training: \(target), by: 2027-03-31}`")
                    continue
                }
            } else {
                guard let h = f["hours"] else {
                    reader.error(item, "a pathway goal for an \(kind == "activity" ? "activity" : "skill") needs `hours`",
                                 fix: "write for example `{\(kind): \(target), hours: 120, by: 2026-12-18}`")
                    continue
                }
                guard let v = reader.number(h, what: "the pathway goal's hours", range: .pathwayHours) else { continue }
                hours = v
            }
            guard let b = f["by"], let by = reader.string(b, what: "the pathway goal's date") else { continue }
            guard Self.isISODate(by) else {
                reader.error(b, "a pathway goal's `by` must be its last day, written YYYY-MM-DD", value: by, fix: "write for example `by: 2026-12-18`")
                continue
            }
            reader.record("\(path)/\(result.count)", item)
            let subject: PathwayGoal.Subject = switch kind {
            case "activity": .activity(target)
            case "skill": .skill(target)
            default: .training(target)
            }
            result.append(PathwayGoal(subject, hours: hours, by: by, weight: weight))
        }
        return result
    }

    /// `limits: {standing: 4}`: tag → hours a day.
    func dailyLimits(_ node: Node, path: String) -> [String: Double] {
        reader.record(path, node)
        if reader.isNull(node) { return [:] }
        guard case .mapping(let mapping) = node else {
            reader.error(node, "limits must map activity tags to hours a day", value: reader.shown(node),
                         fix: "write for example `limits: {standing: 4}` (at most 4 h a day in activities tagged standing)")
            return [:]
        }
        var result: [String: Double] = [:]
        for (k, v) in mapping {
            guard let tag = reader.string(k, what: "a tag in limits") else { continue }
            if result[tag] != nil { reader.error(k, "limits names '\(tag)' twice", value: tag, fix: "keep one"); continue }
            guard let hours = reader.number(v, what: "the daily limit of '\(tag)'", range: .dailyHours) else { continue }
            result[tag] = hours
            reader.record("\(path)/\(tag)", k)
        }
        return result
    }

    func hoursBand(_ node: Node, path: String) -> HoursBand? {
        reader.record("\(path)/hours", node)
        if case .scalar = node {
            return reader.number(node, what: "hours", range: .weeklyHours).map(HoursBand.init(exactly:))
        }
        guard let f = reader.fields(node, known: ["min", "max", "target"], required: ["min", "max"], what: "hours",
                                    fixForWrongType: "write `hours: 26` or `hours: {min: 20, max: 26, target: 24}`") else { return nil }
        guard let minNode = f["min"], let maxNode = f["max"],
              let min = reader.number(minNode, what: "hours.min", range: .weeklyHours), let max = reader.number(maxNode, what: "hours.max", range: .weeklyHours) else { return nil }
        var target = min
        if let t = f["target"] { guard let v = reader.number(t, what: "hours.target", range: .weeklyHours) else { return nil }; target = v }
        guard min <= max else {
            reader.error(maxNode, "hours.max (\(reader.format(max))) is below hours.min (\(reader.format(min)))", value: reader.format(max),
                         fix: "the weekly hours must satisfy min <= target <= max")
            return nil
        }
        guard target >= min && target <= max else {
            reader.error(f["target"], "hours.target (\(reader.format(target))) must lie between min (\(reader.format(min))) and max (\(reader.format(max)))",
                         value: reader.format(target), fix: "choose a target from \(reader.format(min)) to \(reader.format(max))")
            return nil
        }
        return HoursBand(min: min, max: max, target: target)
    }

    func availability(_ node: Node, path: String) -> Availability {
        reader.record("\(path)/availability", node)
        guard let f = reader.fields(node, known: ["available", "unavailable"], what: "availability",
                                    fixForWrongType: "write `availability: {unavailable: [{day: tue, slot: am}]}`") else { return .always }
        if f.has("available") && f.has("unavailable") {
            reader.error(f.keyNodes["unavailable"], "availability gives both `available` and `unavailable`",
                         fix: "keep one: `available` lists the only times the person can work, `unavailable` the times they cannot")
            return .always
        }
        if let a = f["available"] { return .only(timeRefs(a, what: "availability.available")) }
        if let u = f["unavailable"] { return .except(timeRefs(u, what: "availability.unavailable", paidAllowed: path.hasPrefix("participants/"))) }
        return .always
    }

    /// `[{day: tue, slot: am, reason: …}]`, also accepting `tue` and `tue.am` as shorthands.
    func timeRefs(_ node: Node, what: String, paidAllowed: Bool = false) -> [TimeRef] {
        guard let items = reader.sequence(node, what: what) else { return [] }
        var result: [TimeRef] = []
        for item in items {
            if case .scalar = item {
                if let ref = shortTime(item, what: what) { result.append(ref) }
                continue
            }
            guard let f = reader.fields(item, known: ["day", "slot", "reason", "paid"], required: ["day"], what: "an entry of \(what)"),
                  let d = f["day"], var ref = dayAndSlot(d, slot: f["slot"], what: what) else { continue }
            if let r = f["reason"] { ref.reason = reader.string(r, what: "the reason", allowEmpty: true) }
            if let p = f["paid"] {
                guard paidAllowed else {
                    reader.error(f.keyNodes["paid"], "`paid` belongs to an `unavailable` entry of a participant (an absence that counts as worked)",
                                 fix: "remove `paid` here"); continue
                }
                guard let paid = reader.boolean(p, what: "paid") else { continue }
                ref.paid = paid
            }
            result.append(ref)
        }
        return result
    }

    /// The short forms of a time: `tue` (the whole day) and `tue.am` (one period), accepted wherever
    /// a day and a slot are written (availability, sessions, fixed items).
    func shortTime(_ item: Node, what: String) -> TimeRef? {
        guard case .scalar(let s) = item else { return nil }
        let parts = s.string.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else {
            reader.error(item, "a time in \(what) is written DAY or DAY.SLOT", value: s.string, fix: "write for example tue or tue.am")
            return nil
        }
        guard let day = reader.day(reader.derived(parts[0], from: item), calendar: calendar, what: "a day in \(what)") else { return nil }
        guard parts.count == 2 else { return TimeRef(day: day) }
        guard let slot = reader.slot(reader.derived(parts[1], from: item), calendar: calendar, what: "the slot in \(what)") else { return nil }
        return TimeRef(day: day, slot: slot)
    }

    /// `day: tue` with an optional `slot: am`, or `day: tue.am` alone.
    func dayAndSlot(_ dayNode: Node, slot slotNode: Node?, what: String) -> TimeRef? {
        if slotNode == nil, case .scalar(let s) = dayNode, s.string.contains(".") { return shortTime(dayNode, what: what) }
        guard let day = reader.day(dayNode, calendar: calendar, what: "the day in \(what)") else { return nil }
        var ref = TimeRef(day: day)
        if let s = slotNode, !reader.isNull(s) {
            guard let slot = reader.slot(s, calendar: calendar, what: "the slot in \(what)") else { return nil }
            ref.slot = slot
        }
        return ref
    }

    /// `{skill: level}` mappings (skills, requires, prerequisites), in file order.
    func levels(_ node: Node, path: String, what: String) -> [String: Int] {
        reader.record(path, node)
        if reader.isNull(node) { return [:] }
        guard case .mapping(let mapping) = node else {
            reader.error(node, "\(what) must map skill ids to levels", value: reader.shown(node), fix: "write for example `{cuisine: 2, hygiene: 1}`")
            return [:]
        }
        var result: [String: Int] = [:]
        for (k, v) in mapping {
            guard let skill = reader.identifier(k, what: "a skill id in \(what)") else { continue }
            if result[skill] != nil { reader.error(k, "\(what) names '\(skill)' twice", value: skill, fix: "keep one"); continue }
            guard let level = reader.integer(v, what: "the level of '\(skill)' in \(what)", range: .level) else { continue }
            result[skill] = level
            reader.record("\(path)/\(skill)", k)
        }
        return result
    }

    /// Free tags (restrictions, activity tags).
    func tags(_ node: Node, path: String, what: String) -> [String] {
        reader.record(path, node)
        guard let items = reader.sequence(node, what: what) else { return [] }
        var result: [String] = []
        for item in items {
            guard let tag = reader.string(item, what: "a tag in \(what)") else { continue }
            if !result.contains(tag) { result.append(tag) }
            reader.record("\(path)/\(tag)", item)
        }
        return result
    }

    /// A list of ids of other entities; each is recorded under `path/id` for the reference checks.
    func references(_ node: Node, path: String, what: String) -> [String] {
        reader.record(path, node)
        guard let ids = reader.identifiers(node, what: what) else { return [] }
        var result: [String] = []
        for (id, n) in ids {
            if result.contains(id) { reader.error(n, "\(what) names '\(id)' twice", value: id, fix: "keep one"); continue }
            result.append(id)
            reader.record("\(path)/\(id)", n)
        }
        return result
    }

    func goals(_ node: Node, path: String) -> [Goal] {
        guard let items = reader.sequence(node, what: "goals") else { return [] }
        var result: [Goal] = []
        for item in items {
            guard let f = reader.fields(item, known: ["activity", "skill", "training", "hours", "weight"], what: "a goal") else { continue }
            guard let (kind, target) = goalSubject(f, of: item, among: ["activity", "skill", "training"], what: "goal",
                                                   example: "`{activity: cuisine, hours: 8}` or `{training: haccp}`"),
                  let weight = goalWeight(f, what: "the goal's weight") else { continue }
            let goalPath = "\(path)/\(result.count)"
            reader.record(goalPath, f[kind])
            switch kind {
            case "training":
                if f.has("hours") {
                    reader.error(f.keyNodes["hours"], "a training goal has no hours: it is met by enrolling in the training",
                                 fix: "remove `hours`, or use `{skill: …, hours: …}` for hours of a skill"); continue
                }
                result.append(Goal(.training(target), weight: weight))
            default:
                guard let h = f["hours"] else {
                    reader.error(item, "an \(kind) goal needs `hours`", fix: "write for example `{\(kind): \(target), hours: 8}`"); continue
                }
                guard let hours = reader.number(h, what: "the goal's hours", range: .weeklyHours) else { continue }
                result.append(Goal(kind == "activity" ? .activity(target, hours: hours) : .skill(target, hours: hours), weight: weight))
            }
        }
        return result
    }

    private func isShortPeriod(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return s.string.contains(".") }
        return false
    }

    func fixedItems(_ node: Node, path: String) -> [FixedItem] {
        guard let items = reader.sequence(node, what: "fixed") else { return [] }
        var result: [FixedItem] = []
        for item in items {
            guard let f = reader.fields(item, known: ["day", "slot", "activity", "training"], what: "a fixed item") else { continue }
            guard f.has("activity") != f.has("training") else {
                reader.error(item, "a fixed item pins exactly one of `activity` or `training`",
                             fix: "write `{day: mon, slot: am, activity: cuisine}` or `{training: haccp}`"); continue
            }
            var fixed: FixedItem
            if let a = f["activity"] {
                guard let id = reader.identifier(a, what: "the fixed activity") else { continue }
                guard f.has("day") && (f.has("slot") || f["day"].map(isShortPeriod) == true) else {
                    reader.error(item, "a fixed activity needs its day and slot", fix: "write `{day: mon, slot: am, activity: \(id)}`"); continue
                }
                fixed = FixedItem(place: .activity(id))
            } else {
                guard let id = reader.identifier(f["training"]!, what: "the fixed training") else { continue }
                fixed = FixedItem(place: .training(id))
            }
            if let d = f["day"] {
                guard let ref = dayAndSlot(d, slot: f["slot"], what: "the fixed item") else { continue }
                fixed.day = ref.day; fixed.slot = ref.slot
            } else if let s = f["slot"] {
                reader.error(s, "a fixed item's slot needs a day", fix: "add `day: …`"); continue
            }
            reader.record("\(path)/\(result.count)", item)
            result.append(fixed)
        }
        return result
    }
}
