// SPDX-License-Identifier: GPL-3.0-or-later
//
// The roster (contract §6): a value, and its JSON with a fixed key order and number format so that
// the same roster always gives the same bytes.

import ParcoursScenario

public struct Roster: Sendable, Equatable {
    public enum Status: String, Sendable {
        case optimal, feasible, infeasible
        case noSolution = "no_solution"
    }

    /// One assignment of a participant: the same value as a published roster's entry.
    public typealias Assignment = BaselineEntry

    public struct SupervisionEntry: Sendable, Equatable {
        public var supervisor: String
        public var day: Day
        public var slot: String
        public var activity: String
        public init(supervisor: String, day: Day, slot: String, activity: String) {
            self.supervisor = supervisor; self.day = day; self.slot = slot; self.activity = activity
        }
    }

    public struct Enrollment: Sendable, Equatable {
        public var training: String
        public var participants: [String]
        public init(training: String, participants: [String]) { self.training = training; self.participants = participants }
    }

    public struct Unmet: Sendable, Equatable {
        public var activity: String
        public var day: Day
        public var slot: String
        public var missing: Int
        public init(activity: String, day: Day, slot: String, missing: Int) {
            self.activity = activity; self.day = day; self.slot = slot; self.missing = missing
        }
    }

    public struct SolverInfo: Sendable, Equatable {
        public var name: String
        public var version: String
        public var seconds: Double
        public init(name: String, version: String, seconds: Double) { self.name = name; self.version = version; self.seconds = seconds }
    }

    /// Size and effort of the solve (an addition to the contract's fields).
    public struct Statistics: Sendable, Equatable {
        public var variables: Int
        public var constraints: Int
        public var simplexIterations: Int
        public var nodes: Int
        public init(variables: Int, constraints: Int, simplexIterations: Int, nodes: Int) {
            self.variables = variables; self.constraints = constraints; self.simplexIterations = simplexIterations; self.nodes = nodes
        }
    }

    public var scenario: String
    public var status: Status
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    public var terms: TermValues?
    public var assignments: [Assignment] = []
    public var supervision: [SupervisionEntry] = []
    public var enrollments: [Enrollment] = []
    public var unmet: [Unmet] = []
    public var explanation: String?
    /// The week explained in plain words (`parcours explain`, `solve --explain`); an optional key.
    public var explanations: Explanations?
    public var solver: SolverInfo
    public var statistics: Statistics?
    /// Paid absences (`paid: true`) whose hours the contract and target terms count as worked.
    public var paidAbsences: [PaidAbsence] = []

    public struct PaidAbsence: Sendable, Equatable {
        public var participant: String
        public var hours: Double
        public init(participant: String, hours: Double) { self.participant = participant; self.hours = hours }

        /// The participants of `scenario` with paid absences, in scenario order.
        public static func list(for scenario: Scenario) -> [PaidAbsence] {
            scenario.participants.compactMap { p in
                let hours = scenario.paidHours(p)
                return hours > 0 ? PaidAbsence(participant: p.id, hours: hours) : nil
            }
        }
    }

    public init(scenario: String, status: Status, solver: SolverInfo) {
        self.scenario = scenario; self.status = status; self.solver = solver
    }

    /// Whether the roster carries assignments (optimal or feasible).
    public var hasSolution: Bool { status == .optimal || status == .feasible }
}

// MARK: JSON

extension Roster {
    /// The roster as JSON (contract §6), two-space indented, keys in the contract's order.
    /// `timing: false` writes 0 seconds, for byte-for-byte comparisons of runs.
    public func json(timing: Bool = true) -> String {
        var out = "{\n"
        var fields: [(String, String)] = [
            ("format", JSON.string("parcours.roster/1")),
            ("scenario", JSON.string(scenario)),
            ("status", JSON.string(status.rawValue)),
            ("objective", objective.map(JSON.number) ?? "null"),
        ]
        // No bound (none proved, or an infinite one) means no `bound` key; the same for the gap.
        if let bound, bound.isFinite { fields.append(("bound", JSON.number(bound))) }
        if let gap, gap.isFinite { fields.append(("gap", JSON.number(gap))) }
        fields.append(("terms", terms.map { t in
            "{" + t.reported.map { "\(JSON.string($0.rawValue)): \(JSON.number(t[$0]))" }.joined(separator: ", ") + "}"
        } ?? "null"))
        if !paidAbsences.isEmpty {
            fields.append(("paid_absences", JSON.array(paidAbsences.map {
                "{\"participant\": \(JSON.string($0.participant)), \"hours\": \(JSON.number($0.hours)), \"counted_in\": [\"contract\", \"target\"]}"
            })))
        }
        fields.append(("assignments", JSON.array(assignments.map { a in
            let place: String
            switch a.place {
            case .activity(let id): place = "\"activity\": \(JSON.string(id))"
            case .training(let id): place = "\"training\": \(JSON.string(id))"
            }
            return "{\"participant\": \(JSON.string(a.participant)), \"day\": \(JSON.string(a.day.rawValue)), \"slot\": \(JSON.string(a.slot)), \(place)}"
        })))
        fields.append(("supervision", JSON.array(supervision.map { s in
            "{\"supervisor\": \(JSON.string(s.supervisor)), \"day\": \(JSON.string(s.day.rawValue)), \"slot\": \(JSON.string(s.slot)), \"activity\": \(JSON.string(s.activity))}"
        })))
        fields.append(("enrollments", JSON.array(enrollments.map { e in
            "{\"training\": \(JSON.string(e.training)), \"participants\": [\(e.participants.map(JSON.string).joined(separator: ", "))]}"
        })))
        fields.append(("unmet", JSON.array(unmet.map { u in
            "{\"activity\": \(JSON.string(u.activity)), \"day\": \(JSON.string(u.day.rawValue)), \"slot\": \(JSON.string(u.slot)), \"missing\": \(u.missing)}"
        })))
        if let explanation { fields.append(("explanation", JSON.string(explanation))) }
        if let explanations { fields.append(("explanations", explanations.json())) }
        fields.append(("solver", "{\"name\": \(JSON.string(solver.name)), \"version\": \(JSON.string(solver.version)), \"seconds\": \(JSON.number(timing ? (solver.seconds * 100).rounded() / 100 : 0))}"))
        if let s = statistics {
            fields.append(("statistics", "{\"variables\": \(s.variables), \"constraints\": \(s.constraints), \"simplex_iterations\": \(s.simplexIterations), \"nodes\": \(s.nodes)}"))
        }
        out += fields.map { "  \(JSON.string($0.0)): \($0.1)" }.joined(separator: ",\n")
        out += "\n}\n"
        return out
    }
}

package enum JSON {
    package static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Numbers rounded to 1e-6, integers without a decimal point.
    package static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        let r = (x * 1e6).rounded() / 1e6
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return "\(r)"
    }

    package static func array(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
    }
}
