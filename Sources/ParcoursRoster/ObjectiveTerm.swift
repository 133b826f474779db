// SPDX-License-Identifier: GPL-3.0-or-later
//
// The objective terms of the contract (§5), by the names the contract gives them.

/// The objective terms, each reported separately.
public enum ObjectiveTerm: String, CaseIterable, Sendable {
    case coverage, contract, target, goals, preference, stability
}

/// The value of every objective term (already multiplied by its weight).
public struct TermValues: Sendable, Equatable {
    public var values: [ObjectiveTerm: Double]

    public init(_ values: [ObjectiveTerm: Double] = [:]) { self.values = values }

    public subscript(term: ObjectiveTerm) -> Double {
        get { values[term] ?? 0 }
        set { values[term] = newValue }
    }

    /// objective = coverage + contract + target + goals + preference + stability.
    public var total: Double { ObjectiveTerm.allCases.reduce(0) { $0 + self[$1] } }
}
