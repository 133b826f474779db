// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing
import ParcoursRoster
import ParcoursScenario
@testable import ParcoursReports

let stamp = Date(timeIntervalSince1970: 1_790_000_000)

func calendar(_ plan: WeekPlan = reportPlan()) throws -> RosterCalendar { try RosterCalendar(plan, stamp: stamp) }

@Suite struct RosterCalendarTests {
    @Test func oneEventPerAssignmentWithLocalTimesInUTC() throws {
        let events = parseICS(try calendar().participant(0))
        #expect(events.count == 4)
        #expect(events.map { $0["DTSTART"]! } == ["20261123T070000Z", "20261123T120000Z", "20261124T070000Z", "20261124T120000Z"])
        #expect(events[1]["DTEND"] == "20261123T151500Z")  // 16:15 in Paris, UTC+1 in November
        #expect(events[0]["SUMMARY"].map(unescapeICS) == "Cuisine – repas")
        #expect(events[0]["LOCATION"] == "Atelier")
        #expect(events[0]["DESCRIPTION"].map(unescapeICS) == "Activity kitchen, supervised by Marc D.")
        #expect(events[3]["SUMMARY"].map(unescapeICS) == "Training: HACCP")
        #expect(events.allSatisfy { $0["DTSTAMP"] == "20260921T141320Z" })
        let marc = parseICS(try calendar().supervisor(0))
        #expect(marc.count == 3)
        #expect(marc[0]["DESCRIPTION"].map(unescapeICS) == "2 participant(s): Amina K., Bruno L.")
    }

    @Test func linesEndWithCRLFAndFoldAt75OctetsOutsideUTF8Sequences() throws {
        for names in [ReportNames(), .hostile] {
            let ics = try calendar(reportPlan(names)).participant(2)
            let data = Data(ics.utf8)
            #expect(ics.hasSuffix("\r\n"))
            let physical = ics.components(separatedBy: "\r\n").dropLast()
            #expect(physical.allSatisfy { !$0.contains("\n") && !$0.contains("\r") }, "a bare CR or LF")
            #expect(physical.allSatisfy { $0.utf8.count <= 75 }, "a line longer than 75 octets")
            #expect(data.split(separator: 0x0A).allSatisfy { String(data: Data($0), encoding: .utf8) != nil }, "a fold split a UTF-8 sequence")
        }
        let long = RosterCalendar.folded("SUMMARY:" + String(repeating: "é", count: 80))
        #expect(long.components(separatedBy: "\r\n ").count == 3)
        #expect(unfoldICS(long) == ["SUMMARY:" + String(repeating: "é", count: 80)])
    }

    @Test func uidsNameThePersonAndPeriodSoAReSolveUpdatesTheEvent() throws {
        let first = try calendar().participant(0)
        #expect(try calendar().participant(0) == first, "two runs give the same bytes")
        var moved = reportRoster()
        moved.assignments[2].place = .activity("kitchen")  // amina: tue am garden → kitchen
        let second = try calendar(WeekPlan(scenario: reportWeek(), roster: moved)).participant(0)
        #expect(second != first)
        #expect(parseICS(second).map { $0["UID"]! } == parseICS(first).map { $0["UID"]! })
        #expect(parseICS(first)[0]["UID"] == "20261123-mon-am-participant-amina@parcours")
        let all = (0..<3).flatMap { p in parseICS((try? calendar().participant(p)) ?? "") } + parseICS(try calendar().supervisor(0))
        #expect(Set(all.map { $0["UID"]! }).count == all.count, "UIDs are unique")
    }

    @Test func hostileNamesAreEscapedAndParseBack() throws {
        let names = ReportNames.hostile
        let ics = try calendar(reportPlan(names)).supervisor(0)
        let events = parseICS(ics)
        #expect(events.count == 3)
        #expect(events[0]["DESCRIPTION"].map(unescapeICS) == "2 participant(s): \(names.amina), \(names.bruno)")
        let title = unfoldICS(ics).first { $0.hasPrefix("X-WR-CALNAME:") }.map { unescapeICS(String($0.dropFirst(13))) }
        #expect(title == "\(names.marc) – Atelier test – semaine 48")
        #expect(RosterCalendar.escaped("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func summerTimeMovesTheUTCHour() throws {
        var week = reportWeek()
        week.week = "2026-03-30"  // the day after Paris moves to UTC+2
        let events = parseICS(try calendar(WeekPlan(scenario: week, roster: reportRoster())).participant(0))
        #expect(events[0]["DTSTART"] == "20260330T060000Z")
        week.timezone = nil  // default Europe/Paris
        #expect(parseICS(try calendar(WeekPlan(scenario: week, roster: reportRoster())).participant(0))[0]["DTSTART"] == "20260330T060000Z")
        week.timezone = "America/New_York"
        #expect(parseICS(try calendar(WeekPlan(scenario: week, roster: reportRoster())).participant(0))[0]["DTSTART"] == "20260330T120000Z")
    }

    @Test func aWeekWithoutDatesOrTimesSaysWhatToAdd() {
        var week = reportWeek()
        week.week = nil
        #expect {
            try RosterCalendar(WeekPlan(scenario: week, roster: reportRoster()), stamp: stamp)
        } throws: { ($0 as? CalendarError)?.fix.contains("week: 2026-11-23") == true }
        week = reportWeek()
        week.calendar.slots[1].start = nil
        #expect {
            try RosterCalendar(WeekPlan(scenario: week, roster: reportRoster()), stamp: stamp)
        } throws: { ($0 as? CalendarError)?.message.contains("slot 'pm'") == true }
        week = reportWeek()
        week.timezone = "Mars/Olympus"
        #expect(throws: CalendarError.self) { try RosterCalendar(WeekPlan(scenario: week, roster: reportRoster()), stamp: stamp) }
    }
}
