// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours report` and `solve --format html|csv|ics` as a planner runs them on the shipped weeks,
// and the headless-browser check (scripts/render-reports) where chromium is installed.

import Foundation
import Testing
import ParcoursScenario

let chromium = ["/usr/bin/chromium", "/usr/local/bin/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) }

func temporaryFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "parcours-report-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

@Suite(.serialized) struct ReportCommand {
    @Test(arguments: ShippedScenarios.files)
    func oneCommandWritesEveryReportOfAShippedWeek(_ file: String) throws {
        let dir = try temporaryFolder()
        let solved = try parcours(["solve", file, "--time-limit", "20", "--reproducible", "-o", dir + "/roster.json"])
        #expect(solved.status == 0, "\(solved.stderr)")
        let run = try parcours(["report", file, dir + "/roster.json", "--all", dir + "/out", "--reproducible"])
        #expect(run.status == 0, "\(run.stderr)")
        let scenario = try ScenarioLoader.load(file: file)
        let html = try String(contentsOfFile: dir + "/out/week.html", encoding: .utf8)
        for p in scenario.participants { #expect(html.contains("id=\"person-\(p.id)\""), "\(file): \(p.id) is not in the week") }
        let sheets = try String(contentsOfFile: dir + "/out/sheets.html", encoding: .utf8)
        #expect(sheets.components(separatedBy: "class=\"sheet person-sheet\"").count - 1 == scenario.participants.count + scenario.supervisors.count)
        let roster = try String(contentsOfFile: dir + "/roster.json", encoding: .utf8)
        let assignments = roster.components(separatedBy: "{\"participant\"").count - 1 + roster.components(separatedBy: "{\"supervisor\"").count - 1
        let csv = try String(contentsOfFile: dir + "/out/roster.csv", encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").count - 2 == assignments, "\(file): one CSV row per assignment")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/roster-totals.csv"))
        let calendars = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/calendars")
        #expect(calendars.count == scenario.participants.count + scenario.supervisors.count)
    }

    @Test func solveWritesAReportWithFormat() throws {
        let file = ShippedScenarios.files.first { $0.contains("market-garden") }!
        let dir = try temporaryFolder()
        let html = try parcours(["solve", file, "--time-limit", "20", "--format", "html", "-o", dir + "/week.html"])
        #expect(html.status == 0)
        #expect(try String(contentsOfFile: dir + "/week.html", encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let csv = try parcours(["solve", file, "--time-limit", "20", "--format", "csv", "--csv-separator", ";", "-o", dir + "/week.csv"])
        #expect(csv.status == 0)
        #expect(try String(contentsOfFile: dir + "/week-totals.csv", encoding: .utf8).contains("participant;m01;"))
        let ics = try parcours(["solve", file, "--time-limit", "20", "--format", "ics", "--participant", "m01"])
        #expect(ics.status == 0 && ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let neither = try parcours(["solve", file, "--time-limit", "20", "--format", "ics"])
        #expect(neither.status == 64 && neither.stderr.contains("--participant ID"))
    }

    @Test func reportsAreByteIdenticalAndPseudonymsHideNames() throws {
        let file = ShippedScenarios.files.first { $0.contains("food-coop") }!
        let dir = try temporaryFolder()
        _ = try parcours(["solve", file, "--time-limit", "20", "--reproducible", "-o", dir + "/roster.json"])
        let first = try parcours(["report", file, dir + "/roster.json", "--show-reasons"])
        let second = try parcours(["report", file, dir + "/roster.json", "--show-reasons"])
        #expect(first.status == 0 && first.stdout == second.stdout)
        let scenario = try ScenarioLoader.load(file: file)
        #expect(first.stdout.contains("thérapie"), "--show-reasons shows the reasons")
        for args in [["--format", "html", "--per-person"], ["--format", "csv"], ["--format", "ics", "--participant", scenario.participants[0].id]] {
            let hidden = try parcours(["report", file, dir + "/roster.json", "--pseudonymize", "--reproducible"] + args)
            #expect(hidden.status == 0, "\(args): \(hidden.stderr)")
            for p in scenario.participants { #expect(!hidden.stdout.contains(p.displayName), "\(args): \(p.displayName) leaked") }
            #expect(!hidden.stdout.contains("thérapie"))
        }
        let both = try parcours(["report", file, dir + "/roster.json", "--pseudonymize", "--show-reasons"])
        #expect(both.status == 64)
    }

    @Test func aHostileWeekGivesSafeHTMLNoLiveFormulaAndCalendarsThatParse() throws {
        let yaml = """
        parcours: 1
        name: "Hostile <b>week</b>, \\"quoted\\"; =1+1"
        week: 2026-11-23
        participants:
          - {id: p1, name: "<script>alert('x')</script>", hours: {min: 4, max: 8}}
          - {id: p2, name: "=cmd|' /C calc'!A0", hours: {min: 4, max: 8}}
          - {id: p3, name: "Anne, \\"Nini\\"; M.\\nsecond line", hours: {min: 4, max: 8}}
        supervisors:
          - {id: s1, name: "@SUM(1+1)", activities: [kitchen]}
        activities:
          - {id: kitchen, name: "Cuisine, <i>plats</i>; \\\\ chef", open: [{days: all, slots: all, min: 2, max: 3}]}
        """
        let file = try writeTemporary(yaml, name: "hostile.yaml")
        let dir = (file as NSString).deletingLastPathComponent
        #expect(try parcours(["solve", file, "--time-limit", "20", "-o", dir + "/roster.json"]).status == 0)
        #expect(try parcours(["report", file, dir + "/roster.json", "--all", dir + "/out"]).status == 0)
        let html = try String(contentsOfFile: dir + "/out/week.html", encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("<i>") && html.contains("&lt;script&gt;"))
        let csv = try String(contentsOfFile: dir + "/out/roster.csv", encoding: .utf8)
        for start in [",=", ",+", ",-", ",@", ",\"=", ",\"@"] { #expect(!csv.contains(start), "a live formula after '\(start)'") }
        #expect(csv.contains(",'=cmd|' /C calc'!A0,") && csv.contains(",'@SUM(1+1)"))
        let ics = try String(contentsOfFile: dir + "/out/calendars/p3.ics", encoding: .utf8)
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
        let events = ics.components(separatedBy: "BEGIN:VEVENT").count - 1
        let worked = try String(contentsOfFile: dir + "/roster.json", encoding: .utf8).components(separatedBy: "\"participant\": \"p3\"").count - 1
        #expect(events == worked && events > 0)
        #expect(ics.replacingOccurrences(of: "\r\n ", with: "").contains("SUMMARY:Cuisine\\, <i>plats</i>\\; \\\\ chef"))
    }

    @Test func aFolderThatIsMissingIsAnErrorWithAFix() throws {
        let file = ShippedScenarios.files.first { $0.contains("cooperative") }!
        let dir = try temporaryFolder()
        _ = try parcours(["solve", file, "--time-limit", "20", "-o", dir + "/roster.json"])
        let run = try parcours(["report", file, dir + "/roster.json", "-o", dir + "/missing/week.html"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("does not exist; create it first"))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: scripts/render-reports installs it (apt-get install chromium, as root)"),
          .timeLimit(.minutes(10)))
    func theShippedWeeksRenderInAHeadlessBrowserWithoutConsoleErrors() throws {
        let process = Process()
        process.executableURL = packageRoot.appendingPathComponent("scripts/render-reports")
        process.arguments = [try temporaryFolder()]
        var environment = ProcessInfo.processInfo.environment
        environment["PARCOURS"] = parcoursBinary()
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(log)")
        #expect(log.contains("the person grid fits one A4 landscape page"), "\(log)")
    }

    @Test func theBrowserCheckSaysWhenItIsSkipped() {
        if chromium == nil {
            print("skipped: the headless-browser render (chromium is not installed; scripts/render-reports installs it as root)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: packageRoot.appendingPathComponent("scripts/render-reports").path))
    }
}
