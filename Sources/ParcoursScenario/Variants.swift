// SPDX-License-Identifier: GPL-3.0-or-later
//
// Applying a what-if variant (contract §7): `patch` replaces whole fields of one entity, `remove`
// deletes an entity and every reference to it, `add` appends a new entity, `rules` and `weights`
// change settings. Changes apply in order; each problem points into the variant file.

import Yams

extension ScenarioLoader {
    static func apply(_ variant: Variant, to scenario: inout Scenario, sources: inout SourceMap, sink: DiagnosticSink) {
        let reader = YAMLReader(file: variant.file, sink: sink)
        let parser = ScenarioParser(reader: reader, calendar: scenario.calendar)
        guard let root = compose(variant.text, reader: reader),
              let f = reader.fields(root, known: ["variant", "changes"], required: ["changes"], what: "the variant file"),
              let c = f["changes"], let changes = reader.sequence(c, what: "changes") else { return }
        for change in changes {
            guard let cf = reader.fields(change, known: ["patch", "remove", "add", "rules", "weights"], what: "a change",
                                         fixForWrongType: "each change is one of `- patch: {…}`, `- remove: {…}`, `- add: {…}`, `- rules: {…}`, `- weights: {…}`"),
                  cf.order.count == 1, let kind = cf.order.first, let body = cf[kind] else {
                if case .mapping(let m) = change, m.count != 1 {
                    reader.error(change, "a change does one thing: patch, remove, add, rules or weights",
                                 fix: "write each change as its own list item starting with `- `")
                }
                continue
            }
            switch kind {
            case "rules": parser.readRules(body, into: &scenario.rules)
            case "weights": parser.readWeights(body, into: &scenario.weights)
            case "patch": patch(body, scenario: &scenario, sources: &sources, parser: parser)
            case "remove": remove(body, scenario: &scenario, sources: &sources, parser: parser)
            default: add(body, scenario: &scenario, parser: parser)
            }
        }
        sources.merge(reader.sources)
    }

    /// The one entity key of a `patch`, `remove` or `add` body: (kind, its value node).
    private static func target(_ f: Fields, reader: YAMLReader, verb: String) -> (EntityKind, Node)? {
        let kinds = EntityKind.allCases.filter { f.has($0.rawValue) }
        guard kinds.count == 1, let kind = kinds.first else {
            reader.error(f.node, "a `\(verb)` names exactly one of: \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))",
                         value: kinds.isEmpty ? nil : kinds.map(\.rawValue).joined(separator: " and "),
                         fix: verb == "add" ? "write for example `add: {participant: {id: p31, hours: 20}}`"
                                            : "write for example `\(verb): {participant: p07\(verb == "patch" ? ", hours: 20" : "")}`")
            return nil
        }
        return (kind, f[kind.rawValue]!)
    }

    private static func ids(_ scenario: Scenario, _ kind: EntityKind) -> [String] {
        switch kind {
        case .skill: return scenario.skills.map(\.id)
        case .participant: return scenario.participants.map(\.id)
        case .supervisor: return scenario.supervisors.map(\.id)
        case .activity: return scenario.activities.map(\.id)
        case .training: return scenario.trainings.map(\.id)
        }
    }

    /// The id named by `node`, which must exist.
    private static func existing(_ node: Node, kind: EntityKind, in scenario: Scenario, reader: YAMLReader) -> String? {
        guard let id = reader.identifier(node, what: "the \(kind.rawValue) id") else { return nil }
        let known = ids(scenario, kind)
        guard known.contains(id) else {
            reader.error(node, "there is no \(kind.rawValue) '\(id)' in the scenario", value: id,
                         fix: suggestion(for: id, among: known, what: "\(kind.plural)"))
            return nil
        }
        return id
    }

    static func patch(_ body: Node, scenario: inout Scenario, sources: inout SourceMap, parser: ScenarioParser) {
        let reader = parser.reader
        // First find which entity, then read its fields with the right key list.
        guard case .mapping(let m) = body else {
            reader.error(body, "a patch is a mapping such as `{participant: p07, hours: 20}`", value: reader.shown(body)); return
        }
        let named = EntityKind.allCases.filter { kind in m.keys.contains { $0.string == kind.rawValue } }
        guard named.count == 1, let kind = named.first else {
            _ = target(Fields(node: body), reader: reader, verb: "patch"); return
        }
        let fieldKeys = ScenarioParser.keys(of: kind).filter { $0 != "id" }
        guard let f = reader.fields(body, known: [kind.rawValue] + fieldKeys, what: "a patch of \(kind.withArticle)"),
              let id = existing(f[kind.rawValue]!, kind: kind, in: scenario, reader: reader) else { return }
        if f.order.count == 1 {
            reader.warning(body, "this patch of '\(id)' changes nothing", fix: "list the fields to replace, e.g. `availability: …`")
        }
        let path = "\(kind.plural)/\(id)"
        for key in f.order where key != kind.rawValue { sources.remove(under: "\(path)/\(key)") }
        switch kind {
        case .skill:
            if let i = scenario.skills.firstIndex(where: { $0.id == id }), let n = f["name"] {
                scenario.skills[i].name = reader.string(n, what: "the skill's name", allowEmpty: true)
            }
        case .participant:
            if let i = scenario.participants.firstIndex(where: { $0.id == id }) { parser.participantFields(f, path: path, into: &scenario.participants[i]) }
        case .supervisor:
            if let i = scenario.supervisors.firstIndex(where: { $0.id == id }) { parser.supervisorFields(f, path: path, into: &scenario.supervisors[i]) }
        case .activity:
            if let i = scenario.activities.firstIndex(where: { $0.id == id }) { parser.activityFields(f, path: path, into: &scenario.activities[i]) }
        case .training:
            if let i = scenario.trainings.firstIndex(where: { $0.id == id }) { parser.trainingFields(f, path: path, into: &scenario.trainings[i]) }
        }
    }

    static func add(_ body: Node, scenario: inout Scenario, parser: ScenarioParser) {
        let reader = parser.reader
        guard let f = reader.fields(body, known: EntityKind.allCases.map(\.rawValue), what: "an add",
                                    fixForWrongType: "write for example `add: {participant: {id: p31, hours: 20}}`"),
              let (kind, node) = target(f, reader: reader, verb: "add") else { return }
        let list: Node = .sequence(.init([node]))
        let added: [Any]
        switch kind {
        case .skill: added = parser.entities(list, kind: .skill) { f, _, id in parser.skill(f, id: id) }
        case .participant:
            added = parser.entities(list, kind: .participant) { f, path, id in
                var p = Participant(id: id, hours: HoursBand(exactly: 0)); parser.participantFields(f, path: path, into: &p); return p
            }
        case .supervisor:
            added = parser.entities(list, kind: .supervisor) { f, path, id in
                var s = Supervisor(id: id, activities: []); parser.supervisorFields(f, path: path, into: &s); return s
            }
        case .activity:
            added = parser.entities(list, kind: .activity) { f, path, id in
                var a = Activity(id: id); parser.activityFields(f, path: path, into: &a); return a
            }
        case .training:
            added = parser.entities(list, kind: .training) { f, path, id in
                var k = Training(id: id, seats: 0, sessions: []); parser.trainingFields(f, path: path, into: &k); return k
            }
        }
        guard let entity = added.first else { return }
        let id: String
        switch entity {
        case let s as Skill: id = s.id
        case let p as Participant: id = p.id
        case let s as Supervisor: id = s.id
        case let a as Activity: id = a.id
        case let k as Training: id = k.id
        default: return
        }
        if ids(scenario, kind).contains(id) {
            reader.error(node, "the scenario already has a \(kind.rawValue) '\(id)'", value: id,
                         fix: "choose a new id, or use `patch` to change the existing one")
            return
        }
        switch entity {
        case let s as Skill: scenario.skills.append(s)
        case let p as Participant: scenario.participants.append(p)
        case let s as Supervisor: scenario.supervisors.append(s)
        case let a as Activity: scenario.activities.append(a)
        case let k as Training: scenario.trainings.append(k)
        default: break
        }
    }

    static func remove(_ body: Node, scenario: inout Scenario, sources: inout SourceMap, parser: ScenarioParser) {
        let reader = parser.reader
        guard let f = reader.fields(body, known: EntityKind.allCases.map(\.rawValue), what: "a remove",
                                    fixForWrongType: "write for example `remove: {participant: p07}`"),
              let (kind, node) = target(f, reader: reader, verb: "remove"),
              let id = existing(node, kind: kind, in: scenario, reader: reader) else { return }
        sources.remove(under: "\(kind.plural)/\(id)")
        scenario.removing(kind, id)
    }
}

extension Scenario {
    /// Deletes an entity and every reference to it.
    mutating func removing(_ kind: EntityKind, _ id: String) {
        switch kind {
        case .participant:
            participants.removeAll { $0.id == id }
            for i in participants.indices { participants[i].avoid.removeAll { $0 == id } }
            for k in trainings.indices { if case .participants(let ids)? = trainings[k].openTo { trainings[k].openTo = .participants(ids.filter { $0 != id }) } }
            baseline?.removeAll { $0.participant == id }
        case .supervisor:
            supervisors.removeAll { $0.id == id }
        case .activity:
            activities.removeAll { $0.id == id }
            for i in supervisors.indices { supervisors[i].activities.removeAll { $0 == id } }
            for i in participants.indices {
                participants[i].goals.removeAll { if case .activity(id, _) = $0.kind { return true }; return false }
                participants[i].likes.removeAll { $0 == id }
                participants[i].dislikes.removeAll { $0 == id }
                participants[i].fixed.removeAll { $0.place == .activity(id) }
            }
            baseline?.removeAll { $0.place == .activity(id) }
        case .training:
            trainings.removeAll { $0.id == id }
            for i in participants.indices {
                participants[i].goals.removeAll { if case .training(id) = $0.kind { return true }; return false }
                participants[i].fixed.removeAll { $0.place == .training(id) }
            }
            baseline?.removeAll { $0.place == .training(id) }
        case .skill:
            skills.removeAll { $0.id == id }
            for i in participants.indices {
                participants[i].skills[id] = nil
                participants[i].goals.removeAll { if case .skill(id, _) = $0.kind { return true }; return false }
            }
            for i in activities.indices {
                activities[i].develops.removeAll { $0 == id }
                activities[i].requires[id] = nil
                if activities[i].mentoring?.skill == id { activities[i].mentoring = nil }
            }
            for i in trainings.indices {
                trainings[i].teaches.removeAll { $0 == id }
                trainings[i].prerequisites[id] = nil
            }
        }
    }
}
