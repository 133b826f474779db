// SPDX-License-Identifier: GPL-3.0-or-later
//
// The roster as calendars (RFC 5545): one VCALENDAR per person, one VEVENT per assignment (a
// participant's activity or training session, a supervisor's shift). Times are the slots' local
// times in the scenario's `timezone` (default Europe/Paris), written in UTC so that no VTIMEZONE
// is needed. A UID names the person and the period, never the place, so a calendar app that
// imports the week again after a re-solve updates the event instead of adding a second one.
// Lines end with CRLF and are folded at 75 octets; TEXT values are escaped.

import Foundation
import ParcoursRoster
import ParcoursScenario

public struct CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var fix: String
    public var description: String { "error: \(message); \(fix)" }
}

public struct RosterCalendar: Sendable {
    public static let defaultTimezone = "Europe/Paris"

    public let plan: WeekPlan
    /// The DTSTAMP of every event (when the calendar was made).
    public let stamp: Date
    private let dates: WeekDates
    private let zone: TimeZone

    /// Fails when the scenario has no `week`, an unknown `timezone`, or a slot without times.
    public init(_ plan: WeekPlan, stamp: Date) throws(CalendarError) {
        let scenario = plan.scenario
        dates = WeekDates(scenario)
        guard dates.first != nil else {
            throw CalendarError(message: "the scenario '\(scenario.name)' has no `week`, so its days have no dates",
                                fix: "add the first day of the week to the scenario, e.g. `week: 2026-11-23`")
        }
        let zoneName = scenario.timezone ?? Self.defaultTimezone
        guard let zone = TimeZone(identifier: zoneName) else {
            throw CalendarError(message: "the time zone '\(zoneName)' is not known on this machine",
                                fix: "write an IANA name such as `timezone: Europe/Paris` (and install tzdata)")
        }
        for slot in scenario.calendar.slots where ClockTime(slot.start) == nil || ClockTime(slot.end) == nil {
            throw CalendarError(message: "slot '\(slot.id)' has no start and end times, so its events have no hours",
                                fix: "write them in `calendar.slots`, e.g. {id: \(slot.id), start: \"08:00\", end: \"12:00\"}")
        }
        self.plan = plan
        self.stamp = stamp
        self.zone = zone
    }

    private var scenario: Scenario { plan.scenario }

    /// A stamp that depends only on the week (its first day, 00:00 UTC), for reproducible files.
    public static func reproducibleStamp(_ scenario: Scenario) -> Date {
        let days = WeekDates(scenario).first?.daysSinceEpoch ?? 0
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }

    // MARK: Calendars

    /// A participant's week: each activity period and training session.
    public func participant(_ p: Int) -> String {
        let who = scenario.participants[p]
        let events = plan.periods.compactMap { t -> [String]? in
            guard let place = plan.place[p][t.index] else { return nil }
            let summary: String, location: String?, description: String
            switch place {
            case .activity(let a):
                let activity = scenario.activities[a]
                summary = activity.name ?? activity.id
                location = activity.site
                let supervisors = plan.supervisors(of: p, in: t).map { scenario.supervisors[$0].displayName }
                description = supervisors.isEmpty ? "Activity \(activity.id)" : "Activity \(activity.id), supervised by " + supervisors.joined(separator: ", ")
            case .training(let k):
                let training = scenario.trainings[k]
                summary = "Training: " + (training.name ?? training.id)
                location = nil
                description = "Training \(training.id): every session of it is in this calendar"
            }
            return event(uid: uid(role: "participant", id: who.id, period: t), period: t, summary: summary,
                         location: location, description: description)
        }
        return calendar(name: "\(who.displayName) – \(scenario.name)", events: events)
    }

    /// A supervisor's week: each shift they run, with the participants in it.
    public func supervisor(_ s: Int) -> String {
        let who = scenario.supervisors[s]
        let events = plan.periods.compactMap { t -> [String]? in
            guard let a = plan.supervising[s][t.index] else { return nil }
            let activity = scenario.activities[a]
            let people = plan.shift(activity: a, period: t)?.participants.map { scenario.participants[$0].displayName } ?? []
            return event(uid: uid(role: "supervisor", id: who.id, period: t), period: t,
                         summary: "Supervising: " + (activity.name ?? activity.id), location: activity.site,
                         description: "\(people.count) participant(s): " + people.joined(separator: ", "))
        }
        return calendar(name: "\(who.displayName) – \(scenario.name)", events: events)
    }

    /// The calendar of a participant or supervisor by id, or `nil` when neither has that id.
    public func person(id: String) -> String? {
        if let p = scenario.participants.firstIndex(where: { $0.id == id }) { return participant(p) }
        if let s = scenario.supervisors.firstIndex(where: { $0.id == id }) { return supervisor(s) }
        return nil
    }

    // MARK: Components

    /// Stable across re-solves: the week, the person and the period, not what they do then.
    func uid(role: String, id: String, period: Period) -> String {
        "\(dates.first!.compact)-\(period.day.rawValue)-\(period.slot)-\(role)-\(id)@parcours"
    }

    private func event(uid: String, period t: Period, summary: String, location: String?, description: String) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + utc(stamp),
                     "DTSTART:" + utc(local(t, dates.start(of: t)!)), "DTEND:" + utc(local(t, dates.end(of: t)!)),
                     "SUMMARY:" + Self.escaped(summary)]
        if let location, !location.isEmpty { lines.append("LOCATION:" + Self.escaped(location)) }
        lines.append("DESCRIPTION:" + Self.escaped(description))
        lines.append("END:VEVENT")
        return lines
    }

    private func calendar(name: String, events: [[String]]) -> String {
        let head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Parcours//Roster//EN", "CALSCALE:GREGORIAN",
                    "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escaped(name), "X-WR-TIMEZONE:" + zone.identifier]
        return (head + events.flatMap { $0 } + ["END:VCALENDAR"]).map(Self.folded).joined()
    }

    /// The instant of a local time on a period's day in the scenario's zone.
    private func local(_ t: Period, _ time: ClockTime) -> Date {
        let days = dates.date(of: t.day)!.daysSinceEpoch
        let wall = Double(days) * 86_400 + Double(time.minutes) * 60
        // The offset at the wall time itself, found in two steps (right on both sides of a DST change).
        let guess = wall - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall)))
        return Date(timeIntervalSince1970: wall - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }

    private func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let s = seconds - day.daysSinceEpoch * 86_400
        return day.compact + String(format: "T%02d%02d%02dZ", s / 3600, s / 60 % 60, s % 60)
    }

    // MARK: Text

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and newline escaped; other controls dropped.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for u in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default: if u.value >= 0x20 && u.value != 0x7F { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// RFC 5545 §3.1: a content line of at most 75 octets, then CRLF, continuation lines starting
    /// with a space; never inside a UTF-8 sequence.
    public static func folded(_ line: String) -> String {
        var out = "", octets = 0
        for c in line.unicodeScalars {
            let size = String(c).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(c)
            octets += size
        }
        return out + "\r\n"
    }
}
