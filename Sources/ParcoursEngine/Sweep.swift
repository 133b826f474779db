// SPDX-License-Identifier: GPL-3.0-or-later
//
// A sweep over one setting of a scenario, for `parcours compare --sweep`.

import ParcoursScenario

public struct Sweep: Sendable, Equatable {
    public enum Setting: Sendable, Equatable {
        case supervisionRatio
        case maxHoursPerDay
        case weight(ObjectiveTerm)
        /// Every open block's min of one activity (max raised to it when below).
        case activityMin(String)
        /// The first N participants only.
        case participantCount

        /// The values the setting may take: the scenario format's range for it.
        var range: NumberRange {
            switch self {
            case .supervisionRatio, .activityMin, .participantCount: return .count
            case .maxHoursPerDay: return .dailyHours
            case .weight: return .weight
            }
        }
    }

    public var setting: Setting
    public var values: [Double]
    public var key: String

    /// Parses `KEY=A..B` (whole steps) or `KEY=A,B,C`, with KEY one of `rules.supervision_ratio`,
    /// `rules.max_hours_per_day`, `weights.TERM`, `activity.ID.min`, `participants`.
    public static func parse(_ text: String) -> Result<Sweep, SweepError> {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return .failure(SweepError("'\(text)' is not KEY=VALUES; e.g. rules.supervision_ratio=6..10")) }
        let key = parts[0]
        let setting: Setting
        switch key {
        case "rules.supervision_ratio": setting = .supervisionRatio
        case "rules.max_hours_per_day": setting = .maxHoursPerDay
        case "participants": setting = .participantCount
        default:
            if key.hasPrefix("weights."), let term = ObjectiveTerm(rawValue: String(key.dropFirst(8))), !term.isOptional {
                setting = .weight(term)
            } else if key.hasPrefix("activity."), key.hasSuffix(".min"), key.count > 13 {
                setting = .activityMin(String(key.dropFirst(9).dropLast(4)))
            } else {
                return .failure(SweepError("unknown sweep key '\(key)'; use rules.supervision_ratio, rules.max_hours_per_day, "
                    + "weights.\(ObjectiveTerm.contractTerms.map(\.rawValue).joined(separator: "|")), activity.ID.min or participants"))
            }
        }
        var values: [Double] = []
        if let range = parts[1].range(of: "..") {
            guard let a = Int(parts[1][..<range.lowerBound]), let b = Int(parts[1][range.upperBound...]), 0 <= a, a <= b, b - a <= 100 else {
                return .failure(SweepError("'\(parts[1])' is not a range of whole numbers >= 0 like 6..10 (at most 100 steps)"))
            }
            values = (a...b).map(Double.init)
        } else {
            for item in parts[1].split(separator: ",") {
                guard let x = Double(item), x.isFinite, x >= 0 else {
                    return .failure(SweepError("'\(item)' is not a number >= 0"))
                }
                values.append(x)
            }
        }
        guard !values.isEmpty else { return .failure(SweepError("no values to sweep in '\(text)'")) }
        let integral: Bool
        switch setting {
        case .supervisionRatio, .activityMin, .participantCount: integral = true
        default: integral = false
        }
        if integral, let bad = values.first(where: { $0 != $0.rounded() }) {
            return .failure(SweepError("\(key) takes whole numbers, not \(bad)"))
        }
        let range = setting.range
        if let bad = values.first(where: { !range.contains($0) }) {
            return .failure(SweepError("\(key) takes values \(range.text) (\(range.reason)), not \(JSON.number(bad))"))
        }
        return .success(Sweep(setting: setting, values: values, key: key))
    }

    /// The scenario with the setting at `value`; fails on an unknown activity id.
    public func apply(_ value: Double, to scenario: Scenario) -> Result<Scenario, SweepError> {
        var s = scenario
        switch setting {
        case .supervisionRatio: s.rules.supervisionRatio = Int(value)
        case .maxHoursPerDay: s.rules.maxHoursPerDay = value
        case .weight(let term):
            switch term {
            case .coverage: s.weights.coverage = value
            case .contract: s.weights.contract = value
            case .target: s.weights.target = value
            case .goals: s.weights.goals = value
            case .preference: s.weights.preference = value
            case .stability: s.weights.stability = value
            case .fairness: s.weights.fairness = value
            }
        case .activityMin(let id):
            guard let a = s.activities.firstIndex(where: { $0.id == id }) else {
                return .failure(SweepError("no activity '\(id)' in the scenario"))
            }
            for b in s.activities[a].open.indices where s.activities[a].open[b].max > 0 {
                s.activities[a].open[b].min = Int(value)
                s.activities[a].open[b].max = max(s.activities[a].open[b].max, Int(value))
            }
        case .participantCount:
            s.participants = Array(s.participants.prefix(Int(value)))
        }
        return .success(s)
    }

    /// The scenario at each of the values, labelled (`rules.supervision_ratio=8`), in order.
    public func versions(of scenario: Scenario) -> Result<[(label: String, scenario: Scenario)], SweepError> {
        var versions: [(label: String, scenario: Scenario)] = []
        for value in values {
            switch apply(value, to: scenario) {
            case .failure(let e): return .failure(e)
            case .success(let s): versions.append((label(value), s))
            }
        }
        return .success(versions)
    }

    public func label(_ value: Double) -> String { "\(key)=\(JSON.number(value))" }
}

public struct SweepError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}
