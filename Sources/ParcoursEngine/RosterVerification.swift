// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours verify`: a roster read back, checked against its scenario.

import ParcoursScenario

/// `parcours verify`: everything a roster claims, recomputed from its assignments alone.
public struct RosterVerification: Sendable {
    public var violations: [Violation]
    /// Reported values that differ from the recomputed ones.
    public var mismatches: [String]
    public var recomputed: RosterCheck.Report
    public var isValid: Bool { violations.isEmpty && mismatches.isEmpty }

    public init(scenario: Scenario, roster: Roster) {
        let report = RosterCheck(scenario).check(roster.assignments, roster.supervision)
        recomputed = report
        violations = report.violations
        var m: [String] = []
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) }
        if roster.hasSolution {
            if let terms = roster.terms {
                for term in ObjectiveTerm.allCases where !close(terms[term], report.terms[term]) {
                    m.append("term \(term.rawValue): reported \(JSON.number(terms[term])), recomputed \(JSON.number(report.terms[term]))")
                }
                if let objective = roster.objective, !close(objective, terms.total) {
                    m.append("objective \(JSON.number(objective)) is not the sum of the terms, \(JSON.number(terms.total))")
                }
            } else {
                m.append("terms are missing")
            }
            if roster.objective == nil { m.append("objective is missing") }
            if let objective = roster.objective, let bound = roster.bound, bound > objective + 1e-6 * max(1, abs(objective)) {
                m.append("bound \(JSON.number(bound)) is above the objective \(JSON.number(objective))")
            }
            if roster.unmet != report.unmet {
                m.append("unmet shifts differ: reported \(roster.unmet.count), recomputed \(report.unmet.count) "
                    + "(\(report.unmet.map { "\($0.activity) \($0.day.rawValue) \($0.slot) missing \($0.missing)" }.joined(separator: ", ")))")
            }
            if roster.enrollments != report.enrollments {
                m.append("enrollments differ from the training sessions in assignments")
            }
        } else {
            if !roster.assignments.isEmpty || !roster.supervision.isEmpty {
                m.append("an \(roster.status.rawValue) roster must have no assignments")
            }
            if (roster.explanation ?? "").isEmpty { m.append("an \(roster.status.rawValue) roster must carry an explanation") }
        }
        mismatches = m
    }
}

extension RosterVerification {
    /// What `verify` prints for an invalid roster: the violations and mismatches up to `limit` lines,
    /// then how many more there are of each rule (a tampered roster can break a rule a million times).
    public func report(limit: Int = 200) -> [String] {
        let all = violations.map { "violation \($0)" } + mismatches.map { "mismatch: \($0)" }
        guard all.count > limit else { return all }
        var rest: [HardRule: Int] = [:]
        for v in violations.dropFirst(limit) { rest[v.rule, default: 0] += 1 }
        let restMismatches = mismatches.count - max(0, limit - violations.count)
        var counts = HardRule.allCases.compactMap { rule in rest[rule].map { "\(rule.rawValue) \($0)" } }
        if restMismatches > 0 { counts.append("mismatches \(restMismatches)") }
        return Array(all.prefix(limit)) + ["… and \(all.count - limit) more (\(counts.joined(separator: ", ")))"]
    }
}
