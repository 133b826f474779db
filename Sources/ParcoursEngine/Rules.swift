// SPDX-License-Identifier: GPL-3.0-or-later
//
// The hard rules and objective terms of the contract (§4, §5), by the names the contract gives them.

/// A hard rule: a roster that breaks one is invalid.
public enum HardRule: String, CaseIterable, Sendable, Comparable {
    case onePlaceAtATime = "H1"
    case weeklyHours = "H2"
    case dailyCap = "H3"
    case daysCap = "H4"
    case shiftCap = "H5"
    case requirements = "H6"
    case restrictions = "H7"
    case mentoring = "H8"
    case supervision = "H9"
    case trainings = "H10"
    case avoid = "H11"
    case fixed = "H12"

    /// The rule as a sentence, for people.
    public var sentence: String {
        switch self {
        case .onePlaceAtATime: return "one place at a time, only when available"
        case .weeklyHours: return "weekly hours stay within the contract maximum"
        case .dailyCap: return "daily hours stay within the daily cap"
        case .daysCap: return "days worked stay within the days cap"
        case .shiftCap: return "a shift never has more people than its maximum, and only open shifts are staffed"
        case .requirements: return "people have the skill levels an activity requires"
        case .restrictions: return "nobody works in an activity carrying one of their restrictions"
        case .mentoring: return "beginners are mentored within the activity's ratio"
        case .supervision: return "every staffed shift has enough supervisors"
        case .trainings: return "trainings respect seats, minimum group size, prerequisites and attendance"
        case .avoid: return "people who avoid each other never share an activity or training"
        case .fixed: return "pinned assignments hold"
        }
    }

    /// The name of one of the rule's constraints in the model: `H1[p01,mon.am]` (the same names in
    /// an exported model, the conflict explanations and the tests).
    public func constraintName(_ parts: String...) -> String { "\(rawValue)[\(parts.joined(separator: ","))]" }

    public static func < (lhs: HardRule, rhs: HardRule) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
