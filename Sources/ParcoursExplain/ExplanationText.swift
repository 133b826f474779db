// SPDX-License-Identifier: GPL-3.0-or-later
//
// The explanations as text for the terminal and as Markdown for a shared note: the same
// sections in the same order, the people and shifts that need attention first.

import ParcoursScenario
import ParcoursRoster

extension Explanations {
    public enum Style: Sendable { case text, markdown }

    /// Every section; `limit` keeps the first few people and shifts of each (solve --format text).
    public func rendered(_ style: Style, limit: Int? = nil) -> String {
        var out: [String] = []
        let md = style == .markdown
        func heading(_ title: String) { out.append(md ? "\n## \(title)\n" : "\n\(title)") }
        func item(_ text: String, depth: Int = 1) {
            out.append(md ? String(repeating: "  ", count: depth - 1) + "- " + text : String(repeating: "  ", count: depth) + text)
        }
        if !conflicts.isEmpty {
            heading("Why no roster is possible")
            item("These rules cannot all hold together; relax any one of them:")
            for c in conflicts {
                let at = c.location.map { " (\($0))" } ?? ""
                item("\(c.rule): \(c.text)\(at)", depth: 2)
            }
            var fixes: [String] = []
            for c in conflicts where !fixes.contains(c.fix) { fixes.append(c.fix) }   // three frozen states, one fix
            item("Fix: " + fixes.joined(separator: ", or ") + ".")
        }
        let short = people.filter(\.isShort)
        if !people.isEmpty {
            heading("People short of their hours or goals (\(short.count) of \(people.count))")
            if short.isEmpty { item("Everyone reaches their target hours and goals.") }
            for person in short.prefix(limit ?? short.count) {
                item(person.headline)
                for r in person.reasons { item(r.text, depth: 2) }
                for g in person.goals where g.missing > 1e-9 {
                    item("Goal \(g.goal): \(hoursText(g.achieved)) h of \(hoursText(g.wanted)) h, \(hoursText(g.missing)) h missing.", depth: 2)
                    for r in g.reasons { item(r.text, depth: 3) }
                }
            }
            if let limit, short.count > limit { item("… and \(short.count - limit) more (parcours explain lists everyone).") }
        }
        if !shifts.isEmpty {
            heading("Short shifts (\(shifts.count))")
            for shift in shifts.prefix(limit ?? shifts.count) {
                item("\(shift.activityName) on \(shift.day.rawValue) \(shift.slot): \(shift.people) of at least \(shift.min), \(shift.missing) missing.")
                if let binding = shift.binding { item("What bound: \(binding.text)", depth: 2) }
                for (kind, names) in shift.candidatesByKind { item("\(kind.label): \(names)", depth: 2) }
                if !shift.supervisors.isEmpty {
                    item("Supervisors: " + shift.supervisors.map { "\($0.name) \($0.whereabouts)" }.joined(separator: "; ") + ".", depth: 2)
                }
            }
            if let limit, shifts.count > limit { item("… and \(shifts.count - limit) more (parcours explain lists them all).") }
        }
        if !resources.isEmpty {
            heading("What one more resource is worth (from re-solves with it, best first)")
            for (n, r) in resources.enumerated() {
                item("\(n + 1). \(r.resource): objective \(r.objectiveGain > 0 ? "−" : "")\(hoursText(abs(r.objectiveGain))), "
                    + "\(hoursText(r.coveredHours)) person-hours of short shifts covered\(r.estimate ? " (estimate)" : "").")
            }
        }
        return out.joined(separator: "\n").drop(while: { $0 == "\n" }) + "\n"
    }
}

extension PersonExplanation {
    /// "Amina K. (p01): 16 h (min 20, target 24, max 26), 4 h under the minimum."
    var headline: String {
        let who = RosterFacts.named(name, participant)
        var text = "\(who): \(hoursText(hours)) h (min \(hoursText(min)), target \(hoursText(target)), max \(hoursText(max)))"
        if hours < min - 1e-9 { text += ", \(hoursText(min - hours)) h under the minimum" }
        else if hours < target - 1e-9 { text += ", \(hoursText(target - hours)) h under the target" }
        let missed = goals.filter { $0.missing > 1e-9 }.count
        if missed > 0 { text += ", \(missed) goal\(missed == 1 ? "" : "s") missed" }
        return text + "."
    }
}

extension ShiftExplanation {
    /// The candidates grouped by why they were not there, each group's names with the detail.
    var candidatesByKind: [(Reason.Kind, String)] {
        Reason.Kind.allCases.compactMap { kind in
            let group = candidates.filter { $0.reason.kind == kind }
            guard !group.isEmpty else { return nil }
            if kind == .requirement || kind == .restriction {
                return (kind, "\(group.count): " + listed(group.map { RosterFacts.named($0.name, $0.participant) }) + ".")
            }
            var texts: [String] = []
            for c in group where !texts.contains(c.reason.text) { texts.append(c.reason.text) }
            // These sentences are about the shift, not the person: say once whom they kept out.
            if [.closed, .shiftFull, .supervision].contains(kind) {
                return (kind, listed(group.map { RosterFacts.named($0.name, $0.participant) }) + ": " + texts.joined(separator: " "))
            }
            return (kind, texts.joined(separator: " "))
        }
    }
}

extension Reason.Kind {
    var label: String {
        switch self {
        case .unavailable: return "Not available"
        case .dailyCap: return "At their daily cap"
        case .daysCap: return "At their days cap"
        case .weeklyMax: return "At their weekly maximum"
        case .requirement: return "Lack the skill"
        case .restriction: return "A restriction"
        case .closed: return "Closed"
        case .avoid: return "An avoid pair"
        case .shiftFull: return "Shift full"
        case .supervision: return "Supervision"
        case .mentoring: return "Mentoring"
        case .trainingFull: return "Training full"
        case .trainingBelowMinimum: return "Training below its minimum"
        case .prerequisite: return "Prerequisites"
        case .higherPriority: return "Elsewhere, at a higher priority"
        case .elsewhere: return "Elsewhere"
        case .notChosen: return "Free"
        }
    }
}
