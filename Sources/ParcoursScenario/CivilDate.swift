// SPDX-License-Identifier: GPL-3.0-or-later
//
// A calendar date without a time zone: plain civil arithmetic, no locale, so that the same
// scenario gives the same dates on every machine. The scenario side dates its week with it (the
// `week` check), the reports their grids and calendars.

import Foundation

/// A calendar date without a time zone.
public struct CivilDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses `YYYY-MM-DD`; `nil` for anything else or an impossible date.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(daysSinceEpoch: CivilDate.days(year: y, month: m, day: d))
        guard (year, month, day) == (y, m, d) else { return nil }
    }

    /// The date `n` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    public init(daysSinceEpoch n: Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (days_from_civil).
    public var daysSinceEpoch: Int { CivilDate.days(year: year, month: month, day: day) }

    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The weekday, as the contract names it (1970-01-01 was a Thursday).
    public var weekday: Day {
        let fromMonday = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return Day.allCases[fromMonday]
    }

    public func adding(days n: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// `2026-11-23`
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// `20261123`, for calendars.
    public var compact: String { String(format: "%04d%02d%02d", year, month, day) }
    /// `23 Nov`
    public var short: String { "\(day) \(CivilDate.monthNames[month - 1])" }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}

extension Day {
    /// 0 for Monday … 6 for Sunday.
    public var number: Int { Day.allCases.firstIndex(of: self)! }

    public var englishName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][number]
    }
}
