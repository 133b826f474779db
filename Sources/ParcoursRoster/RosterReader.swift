// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reading a roster JSON file back (for `parcours verify`, comparisons and reports).

import Foundation
import ParcoursScenario

public struct RosterReadError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    public var description: String { "\(file): error: \(message)" }
}

extension Roster {
    /// Parses a roster (contract §6). Unknown fields are ignored; missing required ones are errors.
    /// `for`: the roster's week; a roster with more assignments than the week has (participant,
    /// period) pairs is refused before its assignments are read.
    public static func read(file: String, for scenario: Scenario? = nil) throws(RosterReadError) -> Roster {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RosterReadError(file: file, message: "cannot read the file; check the path")
        }
        return try read(data: data, file: file, for: scenario)
    }

    public static func read(data: Data, file: String = "<roster>", for scenario: Scenario? = nil) throws(RosterReadError) -> Roster {
        func fail(_ m: String) -> RosterReadError { RosterReadError(file: file, message: m) }
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw fail("not a JSON object; a roster starts with {\"format\": \"parcours.roster/1\", …}")
        }
        guard root["format"] as? String == "parcours.roster/1" else {
            throw fail("\"format\" is not \"parcours.roster/1\"")
        }
        guard let statusText = root["status"] as? String, let status = Status(rawValue: statusText) else {
            throw fail("\"status\" must be one of optimal, feasible, infeasible, no_solution")
        }
        func number(_ any: Any?) -> Double? { (any as? NSNumber).map(\.doubleValue) }
        func day(_ any: Any?, _ what: String) throws(RosterReadError) -> Day {
            guard let s = any as? String, let d = Day(rawValue: s) else { throw fail("\(what): day '\(any ?? "nil")' is not mon…sun") }
            return d
        }
        func text(_ any: Any?, _ what: String) throws(RosterReadError) -> String {
            guard let s = any as? String else { throw fail("\(what) is missing or not a string") }
            return s
        }
        func list(_ key: String) throws(RosterReadError) -> [[String: Any]] {
            guard let value = root[key] else { return [] }
            guard let items = value as? [[String: Any]] else { throw fail("\"\(key)\" must be a list of objects") }
            return items
        }
        var roster = Roster(scenario: (root["scenario"] as? String) ?? "", status: status,
                            solver: SolverInfo(name: "", version: "", seconds: 0))
        roster.objective = number(root["objective"])
        roster.bound = number(root["bound"])
        roster.gap = number(root["gap"])
        if let terms = root["terms"] as? [String: Any] {
            var values = TermValues()
            for term in ObjectiveTerm.allCases {
                guard let x = number(terms[term.rawValue]) else {
                    if term.isOptional && terms[term.rawValue] == nil { continue }
                    throw fail("terms.\(term.rawValue) is missing")
                }
                values[term] = x
            }
            roster.terms = values
        }
        let assignments = try list("assignments")
        if let scenario {
            let people = scenario.participants.count, periods = scenario.calendar.days.count * scenario.calendar.slots.count
            if assignments.count > people * periods {
                throw fail("the roster has \(assignments.count) assignments, more than the week's \(people * periods) "
                    + "(participant, period) pairs (\(people) participants × \(periods) periods): it is not a roster of this week")
            }
        }
        for (i, item) in assignments.enumerated() {
            let what = "assignments[\(i)]"
            let place: Assignment.Place
            if let a = item["activity"] as? String { place = .activity(a) } else if let k = item["training"] as? String { place = .training(k) } else {
                throw fail("\(what) has neither \"activity\" nor \"training\"")
            }
            roster.assignments.append(Assignment(participant: try text(item["participant"], "\(what).participant"),
                                                 day: try day(item["day"], what), slot: try text(item["slot"], "\(what).slot"), place: place))
        }
        for (i, item) in try list("supervision").enumerated() {
            let what = "supervision[\(i)]"
            roster.supervision.append(SupervisionEntry(supervisor: try text(item["supervisor"], "\(what).supervisor"),
                                                       day: try day(item["day"], what), slot: try text(item["slot"], "\(what).slot"),
                                                       activity: try text(item["activity"], "\(what).activity")))
        }
        for (i, item) in try list("enrollments").enumerated() {
            guard let people = item["participants"] as? [String] else { throw fail("enrollments[\(i)].participants must be a list of ids") }
            roster.enrollments.append(Enrollment(training: try text(item["training"], "enrollments[\(i)].training"), participants: people))
        }
        for (i, item) in try list("unmet").enumerated() {
            let what = "unmet[\(i)]"
            guard let missing = number(item["missing"]) else { throw fail("\(what).missing is missing") }
            // A count of people: a whole number in the scenario format's range for counts, else not a roster's.
            guard NumberRange.count.contains(missing), let people = Int(exactly: missing) else {
                throw fail("\(what).missing must be a whole number of people \(NumberRange.count.text), not \(missing)")
            }
            roster.unmet.append(Unmet(activity: try text(item["activity"], "\(what).activity"), day: try day(item["day"], what),
                                      slot: try text(item["slot"], "\(what).slot"), missing: people))
        }
        roster.explanation = root["explanation"] as? String
        if let solver = root["solver"] as? [String: Any] {
            roster.solver = SolverInfo(name: (solver["name"] as? String) ?? "", version: (solver["version"] as? String) ?? "",
                                       seconds: number(solver["seconds"]) ?? 0)
        }
        return roster
    }
}
