// SPDX-License-Identifier: GPL-3.0-or-later
//
// The objective terms of the contract (§5), by the names the contract gives them, and Parcours's
// own optional one (fairness over weeks), reported only when a week is solved with it.

/// The objective terms, each reported separately.
public enum ObjectiveTerm: String, CaseIterable, Sendable {
    case coverage, contract, target, goals, preference, stability
    /// Fairness over weeks (Parcours's own): only with `weights.fairness` and the history.
    case fairness

    /// The contract's six terms, always reported.
    public static let contractTerms: [ObjectiveTerm] = [.coverage, .contract, .target, .goals, .preference, .stability]

    /// Whether the term is reported only when the week is solved with it.
    public var isOptional: Bool { self == .fairness }
}

/// The value of every objective term (already multiplied by its weight).
public struct TermValues: Sendable, Equatable {
    public var values: [ObjectiveTerm: Double]

    public init(_ values: [ObjectiveTerm: Double] = [:]) { self.values = values }

    public subscript(term: ObjectiveTerm) -> Double {
        get { values[term] ?? 0 }
        set { values[term] = newValue }
    }

    /// The terms to report, in order: the contract's six, then each optional term given a value.
    public var reported: [ObjectiveTerm] { ObjectiveTerm.allCases.filter { !$0.isOptional || values[$0] != nil } }

    /// objective = coverage + contract + target + goals + preference + stability (+ fairness).
    public var total: Double { ObjectiveTerm.allCases.reduce(0) { $0 + self[$1] } }
}
