// SPDX-License-Identifier: GPL-3.0-or-later
//
// `--pseudonymize`: a scenario and its roster that can leave the structure. Every participant and
// supervisor gets a pseudonym from their place in the scenario (P01, P02, …; S01, …), used as both
// id and name, in the scenario and the roster alike; unavailability reasons (health or social
// information) are dropped; ids inside the roster's explanation are replaced too. The same scenario
// always gives the same pseudonyms, so every output of one week agrees.

import ParcoursRoster
import ParcoursScenario

public struct Pseudonyms: Sendable {
    /// Real id → pseudonym, for participants and supervisors.
    public let participants: [String: String]
    public let supervisors: [String: String]

    public init(_ scenario: Scenario) {
        participants = Self.numbered(scenario.participants.map(\.id), prefix: "P")
        supervisors = Self.numbered(scenario.supervisors.map(\.id), prefix: "S")
    }

    private static func numbered(_ ids: [String], prefix: String) -> [String: String] {
        let width = max(2, String(ids.count).count)
        return Dictionary(ids.enumerated().map { i, id in
            let n = String(i + 1)
            return (id, prefix + String(repeating: "0", count: width - n.count) + n)
        }, uniquingKeysWith: { first, _ in first })
    }

    private func participant(_ id: String) -> String { participants[id] ?? id }
    private func supervisor(_ id: String) -> String { supervisors[id] ?? id }

    // MARK: Scenario

    public func apply(to scenario: Scenario) -> Scenario {
        var s = scenario
        s.participants = scenario.participants.map { p in
            var q = p
            q.id = participant(p.id)
            q.name = q.id
            q.availability = Self.withoutReasons(p.availability)
            q.avoid = p.avoid.map(participant)
            return q
        }
        s.supervisors = scenario.supervisors.map { sup in
            var q = sup
            q.id = supervisor(sup.id)
            q.name = q.id
            q.availability = Self.withoutReasons(sup.availability)
            return q
        }
        s.baseline = scenario.baseline?.map { entry in
            var e = entry
            e.participant = participant(entry.participant)
            return e
        }
        return s
    }

    static func withoutReasons(_ availability: Availability) -> Availability {
        func strip(_ refs: [TimeRef]) -> [TimeRef] { refs.map { TimeRef(day: $0.day, slot: $0.slot) } }
        switch availability {
        case .always: return .always
        case .only(let refs): return .only(strip(refs))
        case .except(let refs): return .except(strip(refs))
        }
    }

    // MARK: Roster

    public func apply(to roster: Roster) -> Roster {
        var r = roster
        r.assignments = roster.assignments.map { a in
            var b = a
            b.participant = participant(a.participant)
            return b
        }
        r.supervision = roster.supervision.map { s in
            var t = s
            t.supervisor = supervisor(s.supervisor)
            return t
        }
        r.enrollments = roster.enrollments.map { Roster.Enrollment(training: $0.training, participants: $0.participants.map(participant)) }
        r.explanation = roster.explanation.map(replacingIds)
        return r
    }

    /// Replaces every whole id (a run of id characters, contract §1) that names a person.
    func replacingIds(in text: String) -> String {
        var out = "", word = ""
        func flush() {
            var core = word, dots = ""
            while core.hasSuffix(".") { core.removeLast(); dots += "." }  // a full stop ends the sentence, not the id
            out += (participants[core] ?? supervisors[core] ?? core) + dots
            word = ""
        }
        for c in text {
            if c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".") { word.append(c) } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }
}
