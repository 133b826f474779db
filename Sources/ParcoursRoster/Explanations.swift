// SPDX-License-Identifier: GPL-3.0-or-later
//
// The week explained in the planner's words (the roster's optional `explanations` key): each
// person's hours and goals with the reason for every shortfall, each short shift with who could
// have worked it, the rules that conflict in an infeasible week, and what one more resource is
// worth. Values with a fixed JSON form, so that the same week always gives the same bytes.

import ParcoursScenario

/// Everything `parcours explain` says about a week.
public struct Explanations: Sendable, Equatable {
    public var people: [PersonExplanation] = []
    public var shifts: [ShiftExplanation] = []
    /// For an infeasible week: a small set of hard rules that cannot hold together.
    public var conflicts: [ConflictItem] = []
    /// What one more resource is worth, best first.
    public var resources: [ResourceValue] = []

    public init(people: [PersonExplanation] = [], shifts: [ShiftExplanation] = [], conflicts: [ConflictItem] = [],
                resources: [ResourceValue] = []) {
        self.people = people; self.shifts = shifts; self.conflicts = conflicts; self.resources = resources
    }
}

/// Why something did not happen: a kind a program can test, and a sentence a planner reads.
public struct Reason: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case unavailable, dailyCap = "daily_cap", daysCap = "days_cap", weeklyMax = "weekly_max"
        case requirement, restriction, closed
        case avoid, shiftFull = "shift_full", supervision, mentoring
        case trainingFull = "training_full", trainingBelowMinimum = "training_below_minimum", prerequisite
        case higherPriority = "higher_priority", elsewhere, notChosen = "not_chosen"
    }
    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String) { self.kind = kind; self.text = text }
}

/// One goal of a person: what was wanted, what the roster gives.
public struct GoalOutcome: Sendable, Equatable {
    /// "8 h in cuisine", "4 h developing hygiene", "enrolment in haccp".
    public var goal: String
    public var wanted: Double
    public var achieved: Double
    public var missing: Double { max(0, wanted - achieved) }
    public var reasons: [Reason]
    public init(goal: String, wanted: Double, achieved: Double, reasons: [Reason] = []) {
        self.goal = goal; self.wanted = wanted; self.achieved = achieved; self.reasons = reasons
    }
}

public struct PersonExplanation: Sendable, Equatable {
    public var participant: String
    public var name: String
    public var hours: Double
    public var min: Double
    public var target: Double
    public var max: Double
    public var goals: [GoalOutcome]
    /// Why the hours stay below the target (empty when they reach it).
    public var reasons: [Reason]
    public init(participant: String, name: String, hours: Double, min: Double, target: Double, max: Double,
                goals: [GoalOutcome], reasons: [Reason]) {
        self.participant = participant; self.name = name; self.hours = hours; self.min = min; self.target = target
        self.max = max; self.goals = goals; self.reasons = reasons
    }

    /// Below the target, or a goal missed.
    public var isShort: Bool { hours < target - 1e-9 || goals.contains { $0.missing > 1e-9 } }
}

/// A participant who could have been in a short shift, and why they were not.
public struct Candidate: Sendable, Equatable {
    public var participant: String
    public var name: String
    public var reason: Reason
    public init(participant: String, name: String, reason: Reason) { self.participant = participant; self.name = name; self.reason = reason }
}

/// A supervisor of a short shift's activity and where they were then.
public struct SupervisorWhereabouts: Sendable, Equatable {
    public var supervisor: String
    public var name: String
    /// "supervises boulangerie", "not available", "free", "at their weekly maximum".
    public var whereabouts: String
    public init(supervisor: String, name: String, whereabouts: String) {
        self.supervisor = supervisor; self.name = name; self.whereabouts = whereabouts
    }
}

public struct ShiftExplanation: Sendable, Equatable {
    public var activity: String
    public var activityName: String
    public var day: Day
    public var slot: String
    public var min: Int
    public var people: Int
    public var missing: Int { Swift.max(0, min - people) }
    public var candidates: [Candidate]
    public var supervisors: [SupervisorWhereabouts]
    /// What bound the shift when nobody else could be added: supervision or mentoring; nil otherwise.
    public var binding: Reason?
    public init(activity: String, activityName: String, day: Day, slot: String, min: Int, people: Int,
                candidates: [Candidate], supervisors: [SupervisorWhereabouts], binding: Reason?) {
        self.activity = activity; self.activityName = activityName; self.day = day; self.slot = slot; self.min = min
        self.people = people; self.candidates = candidates; self.supervisors = supervisors; self.binding = binding
    }
}

/// One hard rule of a conflict, as it applies to named people and periods.
public struct ConflictItem: Sendable, Equatable {
    /// The rule's number in the contract (H1 … H12), or `frozen` for a published state kept by
    /// `--freeze-before`.
    public var rule: String
    public var text: String
    public var location: SourceLocation?
    public var fix: String
    public init(rule: String, text: String, location: SourceLocation?, fix: String) {
        self.rule = rule; self.text = text; self.location = location; self.fix = fix
    }
}

/// What one more unit of a resource would change, from a re-solve of the week with it.
public struct ResourceValue: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case supervisorHalfDay = "supervisor_half_day", weeklyMax = "weekly_max", trainingSeat = "training_seat"
        case qualifiedPerson = "qualified_person"
    }
    public var kind: Kind
    /// "one more supervisor of boulangerie on mon am".
    public var resource: String
    /// The objective's decrease (higher is better).
    public var objectiveGain: Double
    /// Person-hours of short shifts covered.
    public var coveredHours: Double
    /// True when the value comes from a bounded re-solve rather than a proof.
    public var estimate: Bool
    public init(kind: Kind, resource: String, objectiveGain: Double, coveredHours: Double, estimate: Bool) {
        self.kind = kind; self.resource = resource; self.objectiveGain = objectiveGain; self.coveredHours = coveredHours
        self.estimate = estimate
    }
}

// MARK: JSON

extension Explanations {
    /// The `explanations` object, indented to sit at the roster's top level.
    public func json(indent: String = "  ") -> String {
        let i1 = indent + "  ", i2 = i1 + "  "
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[\n" + items.map { i2 + $0 }.joined(separator: ",\n") + "\n" + i1 + "]"
        }
        let fields = [
            ("people", list(people.map(\.json))),
            ("shifts", list(shifts.map(\.json))),
            ("conflicts", list(conflicts.map(\.json))),
            ("resources", list(resources.map(\.json))),
        ]
        return "{\n" + fields.map { "\(i1)\(JSON.string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n" + indent + "}"
    }
}

extension Reason {
    var json: String { "{\"kind\": \(JSON.string(kind.rawValue)), \"text\": \(JSON.string(text))}" }
}

private func jsonList(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

extension PersonExplanation {
    var json: String {
        let goals = jsonList(self.goals.map { g in
            "{\"goal\": \(JSON.string(g.goal)), \"wanted\": \(JSON.number(g.wanted)), \"achieved\": \(JSON.number(g.achieved)), "
                + "\"missing\": \(JSON.number(g.missing)), \"reasons\": \(jsonList(g.reasons.map(\.json)))}"
        })
        return "{\"participant\": \(JSON.string(participant)), \"name\": \(JSON.string(name)), \"hours\": \(JSON.number(hours)), "
            + "\"min\": \(JSON.number(min)), \"target\": \(JSON.number(target)), \"max\": \(JSON.number(max)), "
            + "\"goals\": \(goals), \"reasons\": \(jsonList(reasons.map(\.json)))}"
    }
}

extension ShiftExplanation {
    var json: String {
        let candidates = jsonList(self.candidates.map { c in
            "{\"participant\": \(JSON.string(c.participant)), \"name\": \(JSON.string(c.name)), \"reason\": \(c.reason.json)}"
        })
        let supervisors = jsonList(self.supervisors.map { s in
            "{\"supervisor\": \(JSON.string(s.supervisor)), \"name\": \(JSON.string(s.name)), \"whereabouts\": \(JSON.string(s.whereabouts))}"
        })
        return "{\"activity\": \(JSON.string(activity)), \"day\": \(JSON.string(day.rawValue)), \"slot\": \(JSON.string(slot)), "
            + "\"min\": \(min), \"people\": \(people), \"missing\": \(missing), \"candidates\": \(candidates), "
            + "\"supervisors\": \(supervisors), \"binding\": \(binding?.json ?? "null")}"
    }
}

extension ConflictItem {
    var json: String {
        let at = location.map { "{\"file\": \(JSON.string($0.file)), \"line\": \($0.line), \"column\": \($0.column)}" } ?? "null"
        return "{\"rule\": \(JSON.string(rule)), \"text\": \(JSON.string(text)), \"location\": \(at), \"fix\": \(JSON.string(fix))}"
    }
}

extension ResourceValue {
    var json: String {
        "{\"kind\": \(JSON.string(kind.rawValue)), \"resource\": \(JSON.string(resource)), "
            + "\"objective_gain\": \(JSON.number(objectiveGain)), \"covered_hours\": \(JSON.number(coveredHours)), "
            + "\"estimate\": \(estimate)}"
    }
}
