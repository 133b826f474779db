// SPDX-License-Identifier: GPL-3.0-or-later
//
// The range of every number a scenario holds: what a planner could mean and the engine can handle.
// Each number is read with its range (`YAMLReader.number` and `.integer` take one), so a value
// outside it is a located error when the file is loaded — `validate` rejects it — and never reaches
// the engine. The planner's guide (docs/scenario-format.md, "Numbers") lists the same table.

/// The closed range `lowest...highest` of one kind of number, with the reason for its top.
public struct NumberRange: Sendable, Equatable {
    public var lowest: Double
    public var highest: Double
    /// Why the top is where it is, in plain words ("a week has 168 hours").
    public var reason: String

    public init(_ lowest: Double, _ highest: Double, reason: String) {
        self.lowest = lowest; self.highest = highest; self.reason = reason
    }

    public func contains(_ value: Double) -> Bool { value >= lowest && value <= highest }

    /// Weekly hours: a contract's `hours`, a goal's hours, a supervisor's `max_hours`.
    public static let weeklyHours = NumberRange(0, 168, reason: "a week has 168 hours")
    /// Hours in one day: a slot's `hours`, `max_hours_per_day`.
    public static let dailyHours = NumberRange(0, 24, reason: "a day has 24 hours")
    /// `capacity.max_days`.
    public static let days = NumberRange(0, 7, reason: "a week has 7 days")
    /// Counts and ratios: shift `min`/`max`, `seats`, `min_participants`, supervision and mentoring ratios.
    /// A pathway goal's hours (a contract's worth of weeks).
    public static let pathwayHours = NumberRange(0, 99_999, reason: "a pathway goal's hours are below 100000")
    /// A ramp-up step's `from_week`.
    public static let pathwayWeeks = NumberRange(1, 520, reason: "a pathway is counted in weeks, ten years at most")
    public static let count = NumberRange(0, 999_999, reason: "counts and ratios are below 1000000")
    /// Skill levels (`skills`, `requires`, `prerequisites`, `mentoring.level`).
    public static let level = NumberRange(1, 999_999, reason: "levels are below 1000000")
    /// Objective weights, goal weights and activity priorities.
    public static let weight = NumberRange(0, 999_999, reason: "weights and priorities are below 1000000")

    /// The range written for a planner: "from 0 to 168".
    public var text: String { "from \(Self.format(lowest)) to \(Self.format(highest))" }

    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
