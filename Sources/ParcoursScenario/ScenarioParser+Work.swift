// SPDX-License-Identifier: GPL-3.0-or-later
//
// The work's fields (supervisors, activities and their open blocks, trainings and their
// sessions) and a baseline's entries, read by `ScenarioParser`.

import Yams

extension ScenarioParser {
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
