// SPDX-License-Identifier: GPL-3.0-or-later
//
// What-if: solve several versions of a week (variants, a sweep of one setting) side by side, and
// say what changed, person by person.

import Dispatch
import Foundation
import ParcoursScenario
import Synchronization

/// The moves between two rosters (or a published baseline and a roster), person by person.
public struct RosterChanges: Sendable {
    public struct Move: Sendable, Equatable {
        public var participant: String
        public var day: Day
        public var slot: String
        public var before: String
        public var after: String
    }

    public var moves: [Move]

    public init(scenario: Scenario, baseline: [BaselineEntry], roster: Roster) {
        let before = baseline.map { e -> Roster.Assignment in
            switch e.place {
            case .activity(let a): return Roster.Assignment(participant: e.participant, day: e.day, slot: e.slot, place: .activity(a))
            case .training(let k): return Roster.Assignment(participant: e.participant, day: e.day, slot: e.slot, place: .training(k))
            }
        }
        self.init(scenario: scenario, before: before, after: roster.assignments)
    }

    public init(scenario: Scenario, before: [Roster.Assignment], after: [Roster.Assignment]) {
        func states(_ list: [Roster.Assignment]) -> [String: [Int: String]] {
            var out: [String: [Int: String]] = [:]
            for a in list {
                guard let t = scenario.calendar.period(day: a.day, slot: a.slot) else { continue }
                switch a.place {
                case .activity(let id): out[a.participant, default: [:]][t.index] = id
                case .training(let id): out[a.participant, default: [:]][t.index] = "training \(id)"
                }
            }
            return out
        }
        let old = states(before), new = states(after)
        var ids = scenario.participants.map(\.id)
        for id in (Set(old.keys).union(new.keys)).sorted() where !ids.contains(id) { ids.append(id) }
        moves = []
        for id in ids {
            for t in scenario.calendar.periods {
                let b = old[id]?[t.index] ?? "rest", a = new[id]?[t.index] ?? "rest"
                if a != b { moves.append(Move(participant: id, day: t.day, slot: t.slot, before: b, after: a)) }
            }
        }
    }

    /// "amina: tue am cuisine → rest", grouped by person, for the planner's phone calls.
    public var text: String {
        guard !moves.isEmpty else { return "no change against the published roster\n" }
        var out = "changes against the published roster (\(moves.count) periods, \(Set(moves.map(\.participant)).count) people):\n"
        var current = ""
        for m in moves {
            if m.participant != current {
                current = m.participant
                out += "  \(m.participant):\n"
            }
            out += "    \(m.day.rawValue) \(m.slot): \(m.before) → \(m.after)\n"
        }
        return out
    }
}

/// One solved version of the week in a comparison.
public struct ComparedRun: Sendable {
    public var label: String
    public var scenario: Scenario
    public var roster: Roster

    /// Rows of the comparison table, in order.
    public var figures: [(String, String)] {
        let report = RosterCheck(scenario).check(roster.assignments, roster.supervision)
        var rows: [(String, String)] = [("status", roster.status.rawValue)]
        rows.append(("objective", roster.objective.map(JSON.number) ?? "-"))
        for term in ObjectiveTerm.contractTerms { rows.append((term.rawValue, roster.terms.map { JSON.number($0[term]) } ?? "-")) }
        let unmetHours = roster.unmet.reduce(0.0) { sum, u in
            sum + Double(u.missing) * (scenario.calendar.period(day: u.day, slot: u.slot)?.hours ?? 0)
        }
        rows.append(("unmet demand (h)", roster.hasSolution ? JSON.number(unmetHours) : "-"))
        rows.append(("under contract minimum", roster.hasSolution ? Self.underMinimum(scenario, report) : "-"))
        rows.append(("participant hours", roster.hasSolution ? JSON.number(report.hours.reduce(0, +)) : "-"))
        rows.append(("goal hours achieved", roster.hasSolution
            ? "\(JSON.number(report.goalHoursAchieved)) / \(JSON.number(report.goalHoursWanted))" : "-"))
        let supervised = roster.supervision.reduce(0.0) { $0 + (scenario.calendar.period(day: $1.day, slot: $1.slot)?.hours ?? 0) }
        rows.append(("supervisor hours", roster.hasSolution ? JSON.number(supervised) : "-"))
        rows.append(("training enrolments", roster.hasSolution ? "\(roster.enrollments.reduce(0) { $0 + $1.participants.count })" : "-"))
        rows.append(("solve time (s)", JSON.number((roster.solver.seconds * 100).rounded() / 100)))
        return rows
    }

    /// Who is under their contract minimum (paid absences counted as worked): "p03, p07", or "none".
    static func underMinimum(_ scenario: Scenario, _ report: RosterCheck.Report) -> String {
        let under = scenario.participants.indices.filter { p in
            report.hours[p] + scenario.paidHours(scenario.participants[p]) < scenario.participants[p].hours.min - 1e-9
        }
        return under.isEmpty ? "none" : under.map { scenario.participants[$0].id }.joined(separator: ", ")
    }

    /// The supervisors' moves against `base`: "marc wed am: cuisine → rest".
    func supervisorMoves(against base: Roster) -> [RosterChanges.Move] {
        func states(_ list: [Roster.SupervisionEntry]) -> [String: [Int: String]] {
            var out: [String: [Int: String]] = [:]
            for s in list {
                if let t = scenario.calendar.period(day: s.day, slot: s.slot) { out[s.supervisor, default: [:]][t.index] = s.activity }
            }
            return out
        }
        let old = states(base.supervision), new = states(roster.supervision)
        var moves: [RosterChanges.Move] = []
        for id in scenario.supervisors.map(\.id) + old.keys.sorted().filter({ id in !scenario.supervisors.contains { $0.id == id } }) {
            for t in scenario.calendar.periods {
                let b = old[id]?[t.index] ?? "rest", a = new[id]?[t.index] ?? "rest"
                if a != b { moves.append(RosterChanges.Move(participant: id, day: t.day, slot: t.slot, before: b, after: a)) }
            }
        }
        return moves
    }
}

public struct Comparison: Sendable {
    public var runs: [ComparedRun]

    /// Solves every version, on as many threads as `parallel` allows (one GLPK problem per thread).
    /// The result does not depend on the order or the parallelism.
    public static func solve(_ versions: [(label: String, scenario: Scenario)], options: EngineOptions,
                             parallel: Int = 2) -> Comparison {
        solve(versions, options: options, parallel: parallel, first: [:])
    }

    /// Solves the first version (the base), then every other with the base's roster as its
    /// published baseline (`compare --stay-close`): each variant then changes as little of the
    /// base's week as its change needs, and its moves are the ones to phone people about.
    public static func solveStayingClose(_ versions: [(label: String, scenario: Scenario)], options: EngineOptions,
                                         parallel: Int = 2) -> Comparison {
        guard let base = versions.first else { return Comparison(runs: []) }
        let baseRoster = RosterEngine().solve(base.scenario, options: options)
        guard baseRoster.hasSolution else { return solve(versions, options: options, parallel: parallel, first: [0: baseRoster]) }
        let published = baseRoster.assignments.map { a -> BaselineEntry in
            switch a.place {
            case .activity(let id): return BaselineEntry(participant: a.participant, day: a.day, slot: a.slot, place: .activity(id))
            case .training(let id): return BaselineEntry(participant: a.participant, day: a.day, slot: a.slot, place: .training(id))
            }
        }
        var close = versions
        for i in close.indices.dropFirst() {
            let ids = Set(close[i].scenario.participants.map(\.id))
            close[i].scenario.baseline = published.filter { ids.contains($0.participant) }
        }
        return solve(close, options: options, parallel: parallel, first: [0: baseRoster])
    }

    /// Solves the versions not already in `first`.
    private static func solve(_ versions: [(label: String, scenario: Scenario)], options: EngineOptions,
                              parallel: Int, first: [Int: Roster]) -> Comparison {
        let results = Mutex<[Int: Roster]>(first)
        let pending = versions.indices.filter { first[$0] == nil }
        let engine = RosterEngine()
        let work = { @Sendable (i: Int) in
            let roster = engine.solve(versions[pending[i]].scenario, options: options)
            results.withLock { $0[pending[i]] = roster }
        }
        if parallel > 1 && pending.count > 1 {
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: min(parallel, pending.count)) { _ in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < pending.count else { return }
                    work(i)
                }
            }
        } else {
            for i in pending.indices { work(i) }
        }
        let rosters = results.withLock { $0 }
        return Comparison(runs: versions.indices.map { ComparedRun(label: versions[$0].label, scenario: versions[$0].scenario, roster: rosters[$0]!) })
    }

    public enum Format: String, Sendable, CaseIterable { case text, markdown, json, csv }

    /// The table (a column per run) and, for each run after the first, its moves against the first.
    /// `timing: false` leaves solve times out (for identical output across runs).
    public func render(_ format: Format, timing: Bool = true) -> String {
        let labels = runs.map(\.label)
        var rows = runs.first?.figures.map(\.0) ?? []
        var values = runs.map { $0.figures.map(\.1) }
        if !timing, let i = rows.firstIndex(of: "solve time (s)") {
            rows.remove(at: i)
            for r in values.indices { values[r].remove(at: i) }
        }
        let diffs: [(String, RosterChanges, [String])] = runs.dropFirst().map { run in
            (run.label, RosterChanges(scenario: run.scenario, before: runs[0].roster.assignments, after: run.roster.assignments),
             Self.newlyShort(base: runs[0].roster, variant: run.roster))
        }
        let supervisorMoves = [String: [RosterChanges.Move]](uniqueKeysWithValues: runs.dropFirst().map { ($0.label, $0.supervisorMoves(against: runs[0].roster)) })
        func moveJSON(_ m: RosterChanges.Move, who key: String) -> String {
            "{\"\(key)\": \(JSON.string(m.participant)), \"day\": \(JSON.string(m.day.rawValue)), \"slot\": \(JSON.string(m.slot)), \"before\": \(JSON.string(m.before)), \"after\": \(JSON.string(m.after))}"
        }
        switch format {
        case .csv:
            var out = (["figure"] + labels).map(csv).joined(separator: ",") + "\n"
            for (r, row) in rows.enumerated() { out += ([row] + values.map { $0[r] }).map(csv).joined(separator: ",") + "\n" }
            return out
        case .json:
            var out = "{\n  \"runs\": [\n"
            out += runs.indices.map { i in
                let fields = rows.indices.map { "\(JSON.string(rows[$0])): \(JSON.string(values[i][$0]))" }.joined(separator: ", ")
                return "    {\"label\": \(JSON.string(labels[i])), \(fields)}"
            }.joined(separator: ",\n")
            out += "\n  ],\n  \"changes\": [\n"
            out += diffs.map { label, changes, short in
                "    {\"label\": \(JSON.string(label)), \"moves\": [" + changes.moves.map { moveJSON($0, who: "participant") }.joined(separator: ", ")
                    + "], \"supervisor_moves\": [" + (supervisorMoves[label] ?? []).map { moveJSON($0, who: "supervisor") }.joined(separator: ", ")
                    + "], \"newly_short\": [" + short.map(JSON.string).joined(separator: ", ") + "]}"
            }.joined(separator: ",\n")
            return out + "\n  ]\n}\n"
        case .markdown:
            var out = "| | " + labels.joined(separator: " | ") + " |\n|---|" + labels.map { _ in "---:" }.joined(separator: "|") + "|\n"
            for (r, row) in rows.enumerated() { out += "| \(row) | " + values.map { $0[r] }.joined(separator: " | ") + " |\n" }
            for (label, changes, short) in diffs { out += "\n**\(label)** vs **\(labels[0])**: " + movesText(changes, supervisorMoves[label] ?? [], short) }
            return out
        case .text:
            let width0 = max(rows.map(\.count).max() ?? 0, 6)
            let widths = labels.indices.map { i in max(labels[i].count, values[i].map(\.count).max() ?? 0) }
            func line(_ first: String, _ cells: [String]) -> String {
                first.padding(toLength: width0, withPad: " ", startingAt: 0) + "  "
                    + zip(cells, widths).map { String(repeating: " ", count: max(0, $0.1 - $0.0.count)) + $0.0 }.joined(separator: "  ")
            }
            var out = line("", labels) + "\n"
            for (r, row) in rows.enumerated() { out += line(row, values.map { $0[r] }) + "\n" }
            for (label, changes, short) in diffs { out += "\n\(label) vs \(labels[0]): " + movesText(changes, supervisorMoves[label] ?? [], short) }
            return out
        }
    }

    private func movesText(_ changes: RosterChanges, _ supervisors: [RosterChanges.Move], _ short: [String]) -> String {
        var out = changes.moves.isEmpty && supervisors.isEmpty ? "same roster\n"
            : "\(changes.moves.count) period(s) change" + (supervisors.isEmpty ? "" : ", \(supervisors.count) supervisor period(s)") + "\n"
        for m in changes.moves { out += "  \(m.participant) \(m.day.rawValue) \(m.slot): \(m.before) → \(m.after)\n" }
        for m in supervisors { out += "  \(m.participant) (supervisor) \(m.day.rawValue) \(m.slot): \(m.before) → \(m.after)\n" }
        if !short.isEmpty { out += "  shorter shifts: " + short.joined(separator: ", ") + "\n" }
        return out
    }

    /// Shifts missing more people in `variant` than in `base`: "cuisine fri am (2 missing, was 0)".
    static func newlyShort(base: Roster, variant: Roster) -> [String] {
        guard variant.hasSolution else { return [] }
        var before: [String: Int] = [:]
        for u in base.unmet { before["\(u.activity) \(u.day.rawValue) \(u.slot)"] = u.missing }
        return variant.unmet.compactMap { u in
            let key = "\(u.activity) \(u.day.rawValue) \(u.slot)", was = before[key] ?? 0
            return u.missing > was ? "\(key) (\(u.missing) missing, was \(was))" : nil
        }
    }

    private func csv(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
