// SPDX-License-Identifier: GPL-3.0-or-later
//
// From a YAML tree to the domain types, field by field (contract §1–3). Each entity's fields are
// read by one function that only sets what the file names, so that the same code reads a whole
// entity, an `add` and a `patch` of a variant. Problems local to a value (a wrong type, a day not in
// the calendar, min > max) are reported here; problems between entities (references, fixed items
// against availability) are checked afterwards by `ScenarioValidator`, using the recorded places.

import Yams

enum EntityKind: String, CaseIterable {
    case skill, participant, supervisor, activity, training

    var plural: String { self == .activity ? "activities" : rawValue + "s" }
    var withArticle: String { self == .activity ? "an activity" : "a \(rawValue)" }
}

final class ScenarioParser {
    let reader: YAMLReader
    var calendar: Calendar

    init(reader: YAMLReader, calendar: Calendar = Calendar()) {
        self.reader = reader; self.calendar = calendar
    }

    static let topKeys = ["parcours", "name", "week", "timezone", "calendar", "rules", "weights", "skills",
                          "participants", "supervisors", "activities", "trainings", "baseline"]
    static let skillKeys = ["id", "name"]
    static let participantKeys = ["id", "name", "hours", "capacity", "availability", "skills", "restrictions", "goals",
                                  "preferences", "avoid", "fixed", "limits"]
    static let supervisorKeys = ["id", "name", "activities", "availability", "max_hours"]
    static let activityKeys = ["id", "name", "site", "tags", "develops", "requires", "mentoring", "supervision_ratio",
                               "priority", "open"]
    static let trainingKeys = ["id", "name", "teaches", "seats", "min_participants", "prerequisites", "sessions", "open_to"]
    static let ruleKeys = ["supervision_ratio", "max_hours_per_day"]
    static let weightKeys = ["coverage", "contract", "goals", "target", "preference", "stability"]

    static func keys(of kind: EntityKind) -> [String] {
        switch kind {
        case .skill: return skillKeys
        case .participant: return participantKeys
        case .supervisor: return supervisorKeys
        case .activity: return activityKeys
        case .training: return trainingKeys
        }
    }

    // MARK: The whole file

    /// Reads a scenario document. `baselineLoader` reads `baseline: file.json` (relative paths are
    /// the caller's business); `csvLoader` reads `participants: {csv: …}`.
    func document(_ root: Node, csvLoader: (String, Node) -> [Participant]?,
                  baselineLoader: (String, Node) -> [BaselineEntry]?) -> Scenario? {
        guard let top = reader.fields(root, known: Self.topKeys, required: ["parcours", "name"], what: "the scenario file",
                                      fixForWrongType: "a scenario starts with `parcours: 1` and `name: …` on their own lines") else {
            return nil
        }
        if let v = top["parcours"] {
            if let text = reader.string(v, what: "parcours (the format version)"), text != "1" {
                reader.error(v, "this is format version \(text); Parcours reads version 1", value: text, fix: "write `parcours: 1`")
            }
        }
        var scenario = Scenario(name: "")
        if let n = top["name"], let name = reader.string(n, what: "name") { scenario.name = name }
        if let w = top["week"], !reader.isNull(w), let week = reader.string(w, what: "week") {
            if Self.isISODate(week) { scenario.week = week } else {
                reader.error(w, "week must be the date of the week's first day, written YYYY-MM-DD", value: week,
                             fix: "write for example `week: 2026-11-23`")
            }
        }
        if let t = top["timezone"], !reader.isNull(t), let zone = reader.string(t, what: "timezone") {
            if zone.contains(" ") || zone.isEmpty {
                reader.error(t, "timezone must be an IANA name", value: zone, fix: "write for example `timezone: Europe/Zurich`")
            } else { scenario.timezone = zone }
        }
        if let c = top["calendar"] { calendar = readCalendar(c) }
        scenario.calendar = calendar
        if let week = scenario.week, let w = top["week"] { checkWeekday(of: week, at: w) }
        if let r = top["rules"] { readRules(r, into: &scenario.rules) }
        if let w = top["weights"] { readWeights(w, into: &scenario.weights) }
        if let s = top["skills"] { scenario.skills = entities(s, kind: .skill) { f, path, id in self.skill(f, id: id) } }
        if let p = top["participants"] {
            if case .mapping = p {
                if let f = reader.fields(p, known: ["csv"], required: ["csv"], what: "participants (from a spreadsheet)"),
                   let c = f["csv"], let path = reader.string(c, what: "participants.csv (the spreadsheet's path)") {
                    scenario.participants = csvLoader(path, c) ?? []
                }
            } else {
                scenario.participants = participantList(p, csvLoader: csvLoader)
            }
        }
        if let s = top["supervisors"] {
            scenario.supervisors = entities(s, kind: .supervisor) { f, path, id in
                var supervisor = Supervisor(id: id, activities: [])
                self.supervisorFields(f, path: path, into: &supervisor)
                return supervisor
            }
        }
        if let a = top["activities"] {
            scenario.activities = entities(a, kind: .activity) { f, path, id in
                var activity = Activity(id: id)
                self.activityFields(f, path: path, into: &activity)
                return activity
            }
        }
        if let t = top["trainings"] {
            scenario.trainings = entities(t, kind: .training) { f, path, id in
                var training = Training(id: id, seats: 0, sessions: [])
                self.trainingFields(f, path: path, into: &training)
                return training
            }
        }
        if let b = top["baseline"], !reader.isNull(b) {
            if case .scalar = b, let path = reader.string(b, what: "baseline (the published roster's path)") {
                scenario.baseline = baselineLoader(path, b)
            } else {
                scenario.baseline = baselineEntries(b, what: "baseline")
            }
        }
        return scenario
    }

    /// A `week` date whose weekday is not the calendar's first day is most often a slip: the
    /// week is then dated from the next such day, up to six days later than the planner meant.
    private func checkWeekday(of week: String, at node: Node) {
        guard let date = CivilDate(iso: week), let first = calendar.days.first, date.weekday != first else { return }
        let before = date.adding(days: -((date.weekday.number - first.number + 7) % 7))
        let after = date.adding(days: (first.number - date.weekday.number + 7) % 7)
        reader.warning(node, "week is \(week), a \(date.weekday.englishName), but the calendar's first day is \(first.rawValue): "
                       + "the week is dated from \(first.rawValue) \(after)", value: week,
                       fix: "write the date of the first day, `week: \(before)` (or `\(after)`), or start calendar.days with \(date.weekday.rawValue)")
    }

    /// A participants list, whose entries may also be spreadsheets: `- {csv: more.csv}`. Ids are
    /// unique across the whole list.
    private func participantList(_ node: Node, csvLoader: (String, Node) -> [Participant]?) -> [Participant] {
        guard let items = reader.sequence(node, what: "participants") else { return [] }
        var seen: [String: SourceLocation] = [:]
        var result: [Participant] = []
        for item in items {
            if case .mapping(let m) = item, m.count == 1, case .scalar(let key)? = m.keys.first, key.string == "csv" {
                guard let c = m["csv"], let path = reader.string(c, what: "participants.csv (the spreadsheet's path)") else { continue }
                for participant in csvLoader(path, c) ?? [] {
                    if let first = seen[participant.id] {
                        reader.error(c, "the participant id '\(participant.id)' of \(path) is used twice (first at \(first))", value: participant.id,
                                     fix: "give each participant its own id, in the spreadsheet or in the list"); continue
                    }
                    seen[participant.id] = reader.location(c)
                    result.append(participant)
                }
                continue
            }
            result += entities(.sequence(.init([item])), kind: .participant, seen: &seen) { f, path, id in
                var participant = Participant(id: id, hours: HoursBand(exactly: 0))
                self.participantFields(f, path: path, into: &participant)
                return participant
            }
        }
        return result
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= lengths[m - 1]
    }

    /// A list of entities with unique ids. `read` gets the checked fields, the entity's source path
    /// and its id.
    func entities<T>(_ node: Node, kind: EntityKind, read: (Fields, String, String) -> T) -> [T] {
        var seen: [String: SourceLocation] = [:]
        return entities(node, kind: kind, seen: &seen, read: read)
    }

    /// The same for one part of a list read piece by piece (a spreadsheet, row by row): `seen`
    /// holds the ids of the parts before.
    func entities<T>(_ node: Node, kind: EntityKind, seen: inout [String: SourceLocation],
                     read: (Fields, String, String) -> T) -> [T] {
        guard let items = reader.sequence(node, what: kind.plural) else { return [] }
        var result: [T] = []
        for item in items {
            if kind == .skill, case .scalar = item, let id = reader.identifier(item, what: "a skill id") {
                // Shorthand: `skills: [cuisine, hygiene]`.
                if let first = seen[id] {
                    reader.error(item, "the skill id '\(id)' is declared twice (first at \(first))", value: id, fix: "remove one")
                    continue
                }
                seen[id] = reader.location(item)
                reader.record("skills/\(id)", item)
                if let skill = Skill(id: id) as? T { result.append(skill) }
                continue
            }
            guard let fields = reader.fields(item, known: Self.keys(of: kind), required: ["id"] + Self.required(of: kind),
                                            what: kind.withArticle),
                  let idNode = fields["id"] else { continue }
            guard let id = reader.identifier(idNode, what: "the \(kind.rawValue)'s id") else {
                // Still read the fields, to report their problems too; the entity itself is left out.
                _ = read(fields, "\(kind.plural)/?", "?")
                continue
            }
            if let first = seen[id] {
                reader.error(idNode, "the \(kind.rawValue) id '\(id)' is used twice (first at \(first))", value: id,
                             fix: "give each \(kind.rawValue) its own id")
                continue
            }
            seen[id] = reader.location(idNode)
            let path = "\(kind.plural)/\(id)"
            reader.record(path, idNode)
            let errorsBefore = reader.sink.errorCount
            result.append(read(fields, path, id))
            if reader.sink.errorCount > errorsBefore { reader.sources.markBroken(path) }
        }
        return result
    }

    // MARK: Calendar, rules, weights

    func readCalendar(_ node: Node) -> Calendar {
        var result = Calendar()
        guard let f = reader.fields(node, known: ["days", "slots"], what: "calendar") else { return result }
        if let d = f["days"], let items = reader.sequence(d, what: "calendar.days") {
            var days: [Day] = []
            for item in items {
                guard let day = reader.day(item, calendar: nil, what: "a day of calendar.days") else { continue }
                if days.contains(day) {
                    reader.error(item, "calendar.days names '\(day.rawValue)' twice", value: day.rawValue, fix: "remove the repeat")
                } else if let last = days.last, day < last {
                    reader.error(item, "calendar.days must be in week order (mon, tue, … sun)", value: day.rawValue,
                                 fix: "move '\(day.rawValue)' before '\(last.rawValue)'")
                } else { days.append(day) }
            }
            if items.isEmpty { reader.error(d, "calendar.days is empty", fix: "list at least one day, e.g. [mon, tue, wed, thu, fri]") }
            if !days.isEmpty { result.days = days }
        }
        if let s = f["slots"], let items = reader.sequence(s, what: "calendar.slots") {
            var slots: [Slot] = []
            for item in items {
                guard let sf = reader.fields(item, known: ["id", "start", "end", "hours"], required: ["id"], what: "a slot"),
                      let idNode = sf["id"], let id = reader.identifier(idNode, what: "the slot's id") else { continue }
                if slots.contains(where: { $0.id == id }) {
                    reader.error(idNode, "the slot id '\(id)' is used twice", value: id, fix: "give each slot its own id"); continue
                }
                let start = sf["start"].flatMap { clock($0, what: "the slot's start") }
                let end = sf["end"].flatMap { clock($0, what: "the slot's end") }
                var hours: Double?
                if let h = sf["hours"] { hours = reader.number(h, what: "the slot's hours", range: .dailyHours) }
                if let start, let end {
                    if end.minutes <= start.minutes {
                        reader.error(sf["end"], "the slot '\(id)' ends (\(end.text)) before it starts (\(start.text))", value: end.text,
                                     fix: "write times on a 24-hour clock, e.g. start: \"13:00\", end: \"17:00\"")
                    } else if hours == nil && sf["hours"] == nil { hours = Double(end.minutes - start.minutes) / 60 }
                }
                if hours == nil && sf["hours"] == nil && (start == nil || end == nil) {
                    reader.error(item, "the slot '\(id)' needs its paid hours", fix: "give `hours: 4`, or `start` and `end`")
                }
                slots.append(Slot(id: id, start: start?.text, end: end?.text, hours: hours ?? 0))
            }
            if items.isEmpty { reader.error(s, "calendar.slots is empty", fix: "list at least one slot, e.g. {id: am, start: \"08:00\", end: \"12:00\"}") }
            if !slots.isEmpty { result.slots = slots }
        }
        return result
    }

    private func clock(_ node: Node, what: String) -> (text: String, minutes: Int)? {
        guard let text = reader.string(node, what: what) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
           let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60 {
            return (text, h * 60 + m)
        }
        reader.error(node, "\(what) must be a time of day written HH:MM", value: text, fix: "write for example \"08:00\"")
        return nil
    }

    func readRules(_ node: Node, into rules: inout Rules) {
        guard let f = reader.fields(node, known: Self.ruleKeys, what: "rules") else { return }
        if let v = f["supervision_ratio"], let r = reader.integer(v, what: "rules.supervision_ratio", range: .count) { rules.supervisionRatio = r }
        if let v = f["max_hours_per_day"], let h = reader.number(v, what: "rules.max_hours_per_day", range: .dailyHours) { rules.maxHoursPerDay = h }
    }

    func readWeights(_ node: Node, into weights: inout Weights) {
        guard let f = reader.fields(node, known: Self.weightKeys, what: "weights") else { return }
        func read(_ key: String, _ target: inout Double) {
            if let v = f[key], let w = reader.number(v, what: "weights.\(key)", range: .weight) { target = w }
        }
        read("coverage", &weights.coverage); read("contract", &weights.contract); read("goals", &weights.goals)
        read("target", &weights.target); read("preference", &weights.preference); read("stability", &weights.stability)
    }

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
            let kinds = ["activity", "skill", "training"].filter { f.has($0) }
            guard kinds.count == 1, let kind = kinds.first, let target = reader.identifier(f[kind]!, what: "the goal's \(kind)") else {
                if kinds.count != 1 {
                    reader.error(item, "a goal names exactly one of `activity`, `skill` or `training`",
                                 value: kinds.isEmpty ? nil : kinds.joined(separator: " and "),
                                 fix: "write for example `{activity: cuisine, hours: 8}` or `{training: haccp}`")
                }
                continue
            }
            var weight = 1.0
            if let w = f["weight"] { guard let v = reader.number(w, what: "the goal's weight", range: .weight) else { continue }; weight = v }
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

    func supervisorFields(_ f: Fields, path: String, into s: inout Supervisor) {
        if let n = f["name"], let name = reader.string(n, what: "the supervisor's name", allowEmpty: true) { s.name = name }
        if let a = f["activities"] { s.activities = references(a, path: "\(path)/activities", what: "activities") }
        if let a = f["availability"] { s.availability = availability(a, path: path) }
        if let m = f["max_hours"] {
            s.maxHours = reader.isNull(m) ? nil : reader.number(m, what: "max_hours", range: .weeklyHours)
        }
    }

    func activityFields(_ f: Fields, path: String, into a: inout Activity) {
        if let n = f["name"], let name = reader.string(n, what: "the activity's name", allowEmpty: true) { a.name = name }
        if let n = f["site"], let site = reader.string(n, what: "site", allowEmpty: true) { a.site = site }
        if let t = f["tags"] { a.tags = tags(t, path: "\(path)/tags", what: "tags") }
        if let d = f["develops"] { a.develops = references(d, path: "\(path)/develops", what: "develops") }
        if let r = f["requires"] { a.requires = levels(r, path: "\(path)/requires", what: "requires") }
        if let m = f["mentoring"] {
            a.mentoring = nil
            reader.record("\(path)/mentoring", m)
            if !reader.isNull(m), let mf = reader.fields(m, known: ["skill", "level", "ratio"], required: ["skill", "level", "ratio"],
                                                         what: "mentoring"),
               let s = mf["skill"], let skill = reader.identifier(s, what: "mentoring.skill"),
               let l = mf["level"], let level = reader.integer(l, what: "mentoring.level", range: .level),
               let r = mf["ratio"], let ratio = reader.integer(r, what: "mentoring.ratio", range: .count) {
                a.mentoring = Mentoring(skill: skill, level: level, ratio: ratio)
                reader.record("\(path)/mentoring/skill", s)
            }
        }
        if let r = f["supervision_ratio"] { a.supervisionRatio = reader.integer(r, what: "supervision_ratio", range: .count) }
        if let p = f["priority"], let priority = reader.number(p, what: "priority", range: .weight) { a.priority = priority }
        if let o = f["open"] { a.open = openBlocks(o, path: "\(path)/open") }
    }

    func openBlocks(_ node: Node, path: String) -> [OpenBlock] {
        reader.record(path, node)
        guard let items = reader.sequence(node, what: "open") else { return [] }
        var result: [OpenBlock] = []
        for item in items {
            guard let f = reader.fields(item, known: ["days", "slots", "min", "max"], required: ["days", "slots", "max"],
                                        what: "an open block"),
                  let d = f["days"], let s = f["slots"], let mx = f["max"],
                  case .some(let days) = reader.days(d, calendar: calendar, what: "the block's days"),
                  case .some(let slots) = reader.slots(s, calendar: calendar, what: "the block's slots"),
                  let max = reader.integer(mx, what: "the block's max", range: .count),
                  let min = blockMinimum(f, max: max, block: item) else { continue }
            guard min <= max else {
                reader.error(mx, "the block's max (\(max)) is below its min (\(min))", value: String(max),
                             fix: "an open block needs 0 <= min <= max (max: 0 closes the periods)"); continue
            }
            reader.record("\(path)/\(result.count)", item)
            result.append(OpenBlock(days: days, slots: slots, min: min, max: max))
        }
        return result
    }

    /// An open block's `min`; a block that closes its periods (`max: 0`) needs none.
    private func blockMinimum(_ f: Fields, max: Int, block: Node) -> Int? {
        if let mn = f["min"] { return reader.integer(mn, what: "the block's min", range: .count) }
        if max == 0 { return 0 }
        reader.error(block, "an open block needs 'min' (only a block that closes its periods, `max: 0`, may leave it out)",
                     fix: "add `min: …`, the fewest people the shift needs (0 if it may stay empty)")
        return nil
    }

    func trainingFields(_ f: Fields, path: String, into k: inout Training) {
        if let n = f["name"], let name = reader.string(n, what: "the training's name", allowEmpty: true) { k.name = name }
        if let t = f["teaches"] { k.teaches = references(t, path: "\(path)/teaches", what: "teaches") }
        if let s = f["seats"], let seats = reader.integer(s, what: "seats", range: .count) { k.seats = seats; reader.record("\(path)/seats", s) }
        if let m = f["min_participants"], let min = reader.integer(m, what: "min_participants", range: .count) {
            k.minParticipants = min; reader.record("\(path)/min_participants", m)
        }
        if let p = f["prerequisites"] { k.prerequisites = levels(p, path: "\(path)/prerequisites", what: "prerequisites") }
        if let o = f["open_to"] { k.openTo = openTo(o, path: "\(path)/open_to") }
        if let s = f["sessions"] {
            k.sessions = []
            reader.record("\(path)/sessions", s)
            for item in reader.sequence(s, what: "sessions") ?? [] {
                guard let ref = session(item), let slot = ref.slot else { continue }
                let day = ref.day
                if k.sessions.contains(ref) {
                    reader.error(item, "the training '\(k.id)' has two sessions on \(day.rawValue) \(slot)", value: "\(day.rawValue) \(slot)",
                                 fix: "sessions must be distinct periods: remove the repeat or move it"); continue
                }
                reader.record("\(path)/sessions/\(k.sessions.count)", item)
                k.sessions.append(ref)
            }
        }
    }

    /// `open_to: goals` or `open_to: [p01, p02]`.
    func openTo(_ node: Node, path: String) -> Training.OpenTo? {
        if reader.isNull(node) { return nil }
        if case .scalar(let s) = node {
            guard s.string == "goals" else {
                reader.error(node, "open_to is `goals` or a list of participant ids", value: s.string,
                             fix: "write `open_to: goals` (those with a goal for it) or `open_to: [p01, p02]`")
                return nil
            }
            return .goals
        }
        return .participants(references(node, path: path, what: "open_to"))
    }

    /// A session: `{day: tue, slot: pm}` or `tue.pm`.
    func session(_ item: Node) -> TimeRef? {
        let ref: TimeRef?
        if case .scalar = item { ref = shortTime(item, what: "sessions") } else {
            guard let sf = reader.fields(item, known: ["day", "slot"], required: ["day"], what: "a session"),
                  let d = sf["day"] else { return nil }
            ref = dayAndSlot(d, slot: sf["slot"], what: "the session")
        }
        guard let ref else { return nil }
        guard ref.slot != nil else {
            reader.error(item, "a session needs 'slot': it is one period", value: ref.day.rawValue,
                         fix: "write for example `\(ref.day.rawValue).\(calendar.slots.first?.id ?? "am")` or `{day: \(ref.day.rawValue), slot: …}`")
            return nil
        }
        return ref
    }

    /// Fields that `entities` requires beyond `id`, checked after reading (so that a variant's
    /// `patch` may leave them out).
    static func required(of kind: EntityKind) -> [String] {
        switch kind {
        case .participant: return ["hours"]
        case .training: return ["seats", "sessions"]
        default: return []
        }
    }

    // MARK: Baseline

    /// Assignments in the roster format: `{participant, day, slot, activity | training}`.
    func baselineEntries(_ node: Node, what: String) -> [BaselineEntry] {
        guard let items = reader.sequence(node, what: what) else { return [] }
        var result: [BaselineEntry] = []
        for item in items {
            guard let f = reader.fields(item, known: ["participant", "day", "slot", "activity", "training"],
                                        required: ["participant", "day", "slot"], what: "an assignment of \(what)") else { continue }
            guard f.has("activity") != f.has("training") else {
                reader.error(item, "an assignment names exactly one of `activity` or `training`"); continue
            }
            guard let p = f["participant"], let participant = reader.identifier(p, what: "the participant"),
                  let d = f["day"], let day = reader.day(d, calendar: calendar, what: "the assignment's day"),
                  let s = f["slot"], let slot = reader.slot(s, calendar: calendar, what: "the assignment's slot") else { continue }
            let place: BaselineEntry.Place
            if let a = f["activity"] {
                guard let id = reader.identifier(a, what: "the activity") else { continue }
                place = .activity(id)
            } else {
                guard let id = reader.identifier(f["training"]!, what: "the training") else { continue }
                place = .training(id)
            }
            reader.record("baseline/\(result.count)", item)
            result.append(BaselineEntry(participant: participant, day: day, slot: slot, place: place))
        }
        return result
    }
}
