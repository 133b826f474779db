// SPDX-License-Identifier: GPL-3.0-or-later
//
// Dates and times of the week: the scenario's `week` is the first day; each calendar day is the
// first date on or after it that falls on that weekday (so `week: 2026-11-23`, a Monday, puts
// `wed` on 2026-11-25). Times are the slots' `start` and `end`. Plain civil arithmetic, no locale:
// the same scenario gives the same dates on every machine.

import Foundation
import ParcoursScenario

/// A time of day in minutes, read from a slot's `HH:MM`.
public struct ClockTime: Sendable, Equatable, CustomStringConvertible {
    public var minutes: Int

    public init?(_ text: String?) {
        guard let text else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m) else { return nil }
        minutes = h * 60 + m
    }

    public var description: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
}

/// The dates and times of a scenario's week.
public struct WeekDates: Sendable {
    /// The first day, when the scenario gives `week`.
    public let first: CivilDate?
    public let calendar: ParcoursScenario.Calendar

    public init(_ scenario: Scenario) {
        first = scenario.week.flatMap(CivilDate.init(iso:))
        calendar = scenario.calendar
    }

    /// The date of a day of the week, or `nil` without `week`.
    public func date(of day: Day) -> CivilDate? {
        guard let first else { return nil }
        let from = Day.allCases.firstIndex(of: first.weekday)!, to = Day.allCases.firstIndex(of: day)!
        return first.adding(days: (to - from + 7) % 7)
    }

    public func start(of period: Period) -> ClockTime? { ClockTime(calendar.slots[period.slotIndex].start) }
    public func end(of period: Period) -> ClockTime? { ClockTime(calendar.slots[period.slotIndex].end) }

    /// `08:00–12:00`, or the slot's id when it has no times.
    public func times(of period: Period) -> String {
        guard let start = start(of: period), let end = end(of: period) else { return period.slot }
        return "\(start)–\(end)"
    }

    /// `Mon 23 Nov`, or `Mon` without `week`.
    public func label(of day: Day) -> String {
        let name = day.rawValue.prefix(1).uppercased() + day.rawValue.dropFirst()
        return date(of: day).map { "\(name) \($0.short)" } ?? name
    }
}
