// SPDX-License-Identifier: GPL-3.0-or-later
//
// From a YAML tree to the domain types, field by field (contract §1–3). Each entity's fields are
// read by one function that only sets what the file names, so that the same code reads a whole
// entity, an `add` and a `patch` of a variant. Problems local to a value (a wrong type, a day not in
// the calendar, min > max) are reported here; problems between entities (references, fixed items
// against availability) are checked afterwards by `ScenarioValidator`, using the recorded places.
// Here: the whole file, the entity lists, the calendar, rules and weights; the people's fields
// are in ScenarioParser+People.swift, the work's (supervisors, activities, trainings) and the
// baseline in ScenarioParser+Work.swift.

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
                                  "preferences", "avoid", "fixed", "limits", "pathway"]
    static let supervisorKeys = ["id", "name", "activities", "availability", "max_hours"]
    static let activityKeys = ["id", "name", "site", "tags", "develops", "requires", "mentoring", "supervision_ratio",
                               "priority", "open"]
    static let trainingKeys = ["id", "name", "teaches", "seats", "min_participants", "prerequisites", "sessions", "open_to"]
    static let ruleKeys = ["supervision_ratio", "max_hours_per_day", "fairness_weeks"]
    static let weightKeys = ["coverage", "contract", "goals", "target", "preference", "stability", "fairness"]

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
        if let v = f["fairness_weeks"], let n = reader.integer(v, what: "rules.fairness_weeks", range: .pathwayWeeks) { rules.fairnessWeeks = n }
    }

    func readWeights(_ node: Node, into weights: inout Weights) {
        guard let f = reader.fields(node, known: Self.weightKeys, what: "weights") else { return }
        func read(_ key: String, _ target: inout Double) {
            if let v = f[key], let w = reader.number(v, what: "weights.\(key)", range: .weight) { target = w }
        }
        read("coverage", &weights.coverage); read("contract", &weights.contract); read("goals", &weights.goals)
        read("target", &weights.target); read("preference", &weights.preference); read("stability", &weights.stability)
        read("fairness", &weights.fairness)
    }
}
