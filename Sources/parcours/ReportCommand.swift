// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours report` and `solve --format html|csv|ics`: the roster for people. This file only
// parses options and writes files; every report is made by ParcoursReports.

import ArgumentParser
import Foundation
import ParcoursReports
import ParcoursRoster
import ParcoursScenario

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case html, csv, ics
}

/// The options every report shares, in `report` and in `solve`.
struct ReportOptions: ParsableArguments {
    @Flag(name: .customLong("per-person"), help: "HTML: one page per participant and supervisor (the sheet handed out).")
    var perPerson = false
    @Flag(name: .customLong("show-reasons"), help: "HTML: show why someone is away (health or social information: hidden by default).")
    var showReasons = false
    @Flag(help: "Replace every participant's and supervisor's id and name by a pseudonym (P01, S01, …) and drop every reason.")
    var pseudonymize = false
    @Option(name: .customLong("csv-separator"), help: "CSV: ',' (default), ';' (French spreadsheets, with decimal commas) or 'tab'.")
    var csvSeparator: String = ","
    @Option(help: "CSV: where to write the per-person totals sheet (default: beside -o, as NAME-totals.csv).")
    var totals: String?
    @Option(help: "ICS: the calendar of this participant or supervisor (by id).")
    var participant: String?
    @Option(name: .customLong("ics-dir"), help: "ICS: write one calendar per participant and per supervisor into this folder, as ID.ics.")
    var icsDir: String?

    func validate() throws {
        guard separator != nil else { throw ValidationError("--csv-separator must be ',', ';' or 'tab', e.g. --csv-separator ';'") }
        if pseudonymize && showReasons {
            throw ValidationError("--show-reasons and --pseudonymize cannot go together: pseudonymizing removes the reasons; drop one of them")
        }
    }

    var separator: Character? {
        switch csvSeparator {
        case ",": return ","
        case ";": return ";"
        case "tab", "\t", "\\t": return "\t"
        default: return nil
        }
    }

    /// The scenario and roster as the reports show them: pseudonymized when asked.
    func prepared(_ scenario: Scenario, _ roster: Roster) -> WeekPlan {
        guard pseudonymize else { return WeekPlan(scenario: scenario, roster: roster) }
        let pseudonyms = Pseudonyms(scenario)
        return WeekPlan(scenario: pseudonyms.apply(to: scenario), roster: pseudonyms.apply(to: roster))
    }

    /// Writes the report in `format` to `output` (stdout when `nil` or `-`).
    func write(_ format: ReportFormat, scenario: Scenario, roster: Roster, output: String?, reproducible: Bool) throws {
        let plan = prepared(scenario, roster)
        switch format {
        case .html:
            let options = HTMLReport.Options(showReasons: showReasons && !pseudonymize, perPerson: perPerson)
            try emit(HTMLReport(plan, options: options).html, to: output)
        case .csv:
            let csv = RosterCSV(plan, separator: separator ?? ",")
            try emit(csv.assignments, to: output)
            if let sheet = totals ?? output.flatMap(Self.totalsPath) {
                try emit(csv.totals, to: sheet)
            } else {
                printError("note: the totals sheet was not written; give -o FILE.csv or --totals FILE")
            }
        case .ics:
            let calendar = try calendars(plan, reproducible: reproducible)
            if let icsDir {
                try writeCalendars(calendar, into: icsDir)
            } else if let participant {
                let id = pseudonymize ? Self.pseudonym(of: participant, in: scenario) : participant
                guard let ics = calendar.person(id: id) else {
                    printError("error: '\(participant)' is neither a participant nor a supervisor of this week; "
                        + "give one of: " + (scenario.participants.map(\.id) + scenario.supervisors.map(\.id)).prefix(8).joined(separator: ", "))
                    throw ExitCode(Exit.usage)
                }
                try emit(ics, to: output)
            } else {
                printError("error: --format ics needs --participant ID (one calendar) or --ics-dir DIR (one per person)")
                throw ExitCode(Exit.usage)
            }
        }
    }

    /// Everything at once: the week, the per-person sheets, both CSV sheets and every calendar.
    func writeAll(into folder: String, scenario: Scenario, roster: Roster, reproducible: Bool) throws {
        try guarded { try OutputFile.makeFolder(folder) }
        let plan = prepared(scenario, roster)
        let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        let reasons = showReasons && !pseudonymize
        try emit(HTMLReport(plan, options: .init(showReasons: reasons)).html, to: path("week.html"))
        try emit(HTMLReport(plan, options: .init(showReasons: reasons, perPerson: true)).html, to: path("sheets.html"))
        let csv = RosterCSV(plan, separator: separator ?? ",")
        try emit(csv.assignments, to: path("roster.csv"))
        try emit(csv.totals, to: path("roster-totals.csv"))
        try writeCalendars(try calendars(plan, reproducible: reproducible), into: path("calendars"))
        printError("wrote week.html, sheets.html, roster.csv, roster-totals.csv and calendars/ "
            + "(\(plan.scenario.participants.count + plan.scenario.supervisors.count) files) to \(folder)")
    }

    private func calendars(_ plan: WeekPlan, reproducible: Bool) throws -> RosterCalendar {
        try guarded {
            try RosterCalendar(plan, stamp: reproducible ? RosterCalendar.reproducibleStamp(plan.scenario) : Date())
        }
    }

    private func writeCalendars(_ calendar: RosterCalendar, into folder: String) throws {
        try guarded { try OutputFile.makeFolder(folder) }
        let people = calendar.plan.scenario.participants.map(\.id) + calendar.plan.scenario.supervisors.map(\.id)
        for id in people {
            try emit(calendar.person(id: id)!, to: (folder as NSString).appendingPathComponent(id + ".ics"))
        }
    }

    /// `week.csv` → `week-totals.csv`; nothing for stdout.
    static func totalsPath(_ output: String) -> String? {
        guard output != "-" else { return nil }
        let stem = output.hasSuffix(".csv") ? String(output.dropLast(4)) : output
        return stem + "-totals.csv"
    }

    static func pseudonym(of id: String, in scenario: Scenario) -> String {
        let pseudonyms = Pseudonyms(scenario)
        return pseudonyms.participants[id] ?? pseudonyms.supervisors[id] ?? id
    }
}

/// Writes a report to stdout (`nil` or `-`) or atomically to a file.
func emit(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    try guarded { try OutputFile.write(text, to: path) }
}

/// Runs a step whose errors carry their own fix; prints it and exits with the usage code.
func guarded<T>(_ step: () throws -> T) throws -> T {
    do { return try step() } catch let error as OutputFileError {
        printError(error.description)
        throw ExitCode(Exit.usage)
    } catch let error as CalendarError {
        printError(error.description)
        throw ExitCode(Exit.usage)
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a roster into what people read: a printable week (HTML), spreadsheets (CSV) and calendars (ICS).",
        discussion: """
        Examples:
          parcours report week.yaml roster.json -o week.html
          parcours report week.yaml roster.json --per-person -o sheets.html
          parcours report week.yaml roster.json --format csv --csv-separator ';' -o week.csv
          parcours report week.yaml roster.json --format ics --participant p01 -o p01.ics
          parcours report week.yaml roster.json --format ics --ics-dir calendars/
          parcours report week.yaml roster.json --all out/
        Exit codes: 0 written, 64 usage or a file that cannot be written, 65 invalid scenario or roster.
        """)

    @Argument(help: "The scenario file (YAML or JSON).") var scenario: String
    @Argument(help: "The roster JSON file (from `parcours solve`).") var roster: String
    @Option(name: .customLong("variant"), help: "Variant files the roster was solved with.") var variants: [String] = []
    @Option(help: "The report: the printable week (html), spreadsheets (csv) or calendars (ics).") var format: ReportFormat = .html
    @Option(name: [.short, .customLong("output")], help: "Where to write the report (default: stdout).") var output: String?
    @Option(help: "Write every report into this folder: week.html, sheets.html, roster.csv, roster-totals.csv, calendars/ID.ics.")
    var all: String?
    @Flag(help: "Calendars: stamp events with the week's first day instead of now, so that two runs give identical bytes.")
    var reproducible = false
    @Option(help: "The history the roster was solved with (`solve --history`): the goals show its pathway goals' shares.")
    var history: String?
    @OptionGroup var report: ReportOptions

    func run() throws {
        let s = try withPathwayGoals(try loadScenario(scenario, variants: variants), history: history, quiet: true)
        let r: Roster
        do { r = try Roster.read(file: roster) } catch {
            printError(error.description)
            throw ExitCode(Exit.invalidScenario)
        }
        if r.scenario != s.name {
            printError("warning: \(roster) was solved for '\(r.scenario)', not '\(s.name)'; check that the files belong together")
        }
        if let all {
            try report.writeAll(into: all, scenario: s, roster: r, reproducible: reproducible)
        } else {
            try report.write(format, scenario: s, roster: r, output: output, reproducible: reproducible)
        }
    }
}
