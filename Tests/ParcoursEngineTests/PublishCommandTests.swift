// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours publish` and `parcours progress` as a planner runs them, and a publish killed in the
// middle of its write leaving the history as it was.

import Foundation
import Testing

/// Two shipped weeks copied into a new temporary directory (removed after `body`).
private func withTwoWeeks(_ body: (_ dir: String, _ cooperative: String, _ foodCoop: String) throws -> Void) throws {
    let dir = NSTemporaryDirectory() + "parcours-publish-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cooperative = dir + "/cooperative.yaml", foodCoop = dir + "/food-coop.yaml"
    try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Scenarios/cooperative/scenario.yaml").path, toPath: cooperative)
    try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Scenarios/food-coop/scenario.yaml").path, toPath: foodCoop)
    for week in [cooperative, foodCoop] {
        #expect(try parcours(["solve", week, "-o", week + ".roster.json", "--time-limit", "20"]).status == 0)
    }
    try body(dir, cooperative, foodCoop)
}

@Suite(.serialized) struct PublishCommand {
    @Test func aPublishedWeekShowsInProgressAndPublishingAgainReplacesIt() throws {
        try withTwoWeeks { dir, cooperative, _ in
            let published = try parcours(["publish", cooperative, cooperative + ".roster.json"])
            #expect(published.status == 0, "\(published.stderr)")
            #expect(published.stdout.contains("published the week of 2026-04-27"))
            // Beside the scenario by default.
            #expect(FileManager.default.fileExists(atPath: dir + "/parcours.db"))
            let first = try parcours(["progress", "--history", dir + "/parcours.db"])
            #expect(first.status == 0 && first.stdout.contains("  2026-04-27  "))
            #expect(try parcours(["publish", cooperative, cooperative + ".roster.json"]).status == 0)
            #expect(try parcours(["progress", "--history", dir + "/parcours.db"]).stdout == first.stdout)
            let csv = try parcours(["progress", "--history", dir + "/parcours.db", "--format", "csv"])
            #expect(csv.status == 0 && csv.stdout.hasPrefix("\u{FEFF}week,participant,name,hours"))
            let html = try parcours(["progress", "--history", dir + "/parcours.db", "--format", "html"])
            #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("<svg"))
        }
    }

    @Test func aRosterOfAnotherWeekIsNotPublished() throws {
        try withTwoWeeks { dir, cooperative, foodCoop in
            // The food co-op's roster is not a roster of the cooperative's week.
            let run = try parcours(["publish", cooperative, foodCoop + ".roster.json"])
            #expect(run.status != 0)
            #expect(!FileManager.default.fileExists(atPath: dir + "/parcours.db"))
        }
    }

    @Test func progressWithoutAHistorySaysHowToMakeOne() throws {
        let run = try parcours(["progress", "--history", NSTemporaryDirectory() + "no-such-history-\(UUID().uuidString).db"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("parcours publish"))
    }

    @Test func aPublishKilledMidWriteLeavesTheHistoryAsItWas() throws {
        guard let binary = parcoursBinary() else {
            Issue.record("the parcours executable is not built (run `swift build --build-tests`)")
            return
        }
        try withTwoWeeks { dir, cooperative, foodCoop in
            let history = dir + "/parcours.db"
            #expect(try parcours(["publish", cooperative, cooperative + ".roster.json", "--history", history]).status == 0)
            let before = try parcours(["progress", "--history", history, "--format", "csv"]).stdout
            // The second week's publish waits inside its transaction, every row written: killed there.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["publish", foodCoop, foodCoop + ".roster.json", "--history", history]
            process.environment = ProcessInfo.processInfo.environment.merging(["PARCOURS_PUBLISH_PAUSE": "60"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var waited = 0
            while waited < 300, !FileManager.default.fileExists(atPath: history + "-journal") {
                Thread.sleep(forTimeInterval: 0.1)
                waited += 1
            }
            #expect(FileManager.default.fileExists(atPath: history + "-journal"), "the publish never began its write")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            // Reopened: the first week alone, as before the killed publish.
            let after = try parcours(["progress", "--history", history, "--format", "csv"])
            #expect(after.status == 0 && after.stdout == before)
            // And the week publishes normally afterwards.
            #expect(try parcours(["publish", foodCoop, foodCoop + ".roster.json", "--history", history]).status == 0)
            #expect(try parcours(["progress", "--history", history]).stdout.contains("2026-11-23"))
        }
    }
}

/// Scenarios/pathway as its README runs it: each week solved with the history of the weeks
/// before it, then published.
@Test func thePathwaySetRunsFromItsReadme() throws {
    let dir = NSTemporaryDirectory() + "parcours-pathway-set-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let history = dir + "/parcours.db"
    var shares: [String] = []
    for n in 1...4 {
        let week = dir + "/week-\(n).yaml", roster = dir + "/roster-\(n).json"
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Scenarios/pathway/week-\(n).yaml").path, toPath: week)
        let solved = try parcours(["solve", week, "--history", history, "-o", roster, "--reproducible", "--time-limit", "30"])
        #expect(solved.status == 0, "week \(n): \(solved.stderr)")
        shares += solved.stderr.split(separator: "\n").filter { $0.hasPrefix("pathway goal p02") }.map(String.init)
        let published = try parcours(["publish", week, roster])
        #expect(published.status == 0, "week \(n): \(published.stderr)")
    }
    // Week 2 falls behind (the kitchen closes on Wednesday), so week 3 asks what is left over two weeks.
    #expect(shares.count == 4)
    #expect(shares.first?.contains("0 h so far, 40 h in 4 weeks left: 10 h this week") == true)
    // Explained with the same history, week 2 names the share it missed.
    let explained = try parcours(["explain", dir + "/week-2.yaml", "--roster", dir + "/roster-2.json", "--history", history])
    #expect(explained.status == 0 && explained.stdout.contains("Goal 9.5 h in Cuisine (cuisine): 8 h of 9.5 h"), "\(explained.stdout)")
    // The printed week too: its goal chart shows the share.
    let report = try parcours(["report", dir + "/week-2.yaml", dir + "/roster-2.json", "--history", history])
    #expect(report.status == 0 && report.stdout.contains("9.5 h goal hours"))
    let progress = try parcours(["progress", "--history", history])
    #expect(progress.status == 0)
    // Samira's ramp-up: two days of 4 h in her first week, and each week's step.
    #expect(progress.stdout.contains("Samira B. (p01)\n  2026-11-02  8 h of 8–26 h (target 20); capacity: 2 days, 4 h a day (pathway week 1)\n"))
    #expect(progress.stdout.contains("; capacity: 4 days, 8 h a day (pathway week 4)\n"))
    // Joseph's goal summed against the plan's 40 h by its date.
    #expect(progress.stdout.contains("Joseph K. (p02)") && progress.stdout.contains("over 4 weeks"))
    #expect(progress.stdout.contains("/40 h by 2026-11-27"))
}

/// Two weeks of ana and ben (both dislike the plonge, ben likes the cuisine, each works the
/// four periods), with `weights.fairness`: as a planner runs them from the command line.
private let plongeWeek = """
    parcours: 1
    name: Plonge
    week: WEEK
    calendar: {days: [mon, tue], slots: [{id: am, start: "08:00", end: "12:00"}, {id: pm, start: "13:00", end: "17:00"}]}
    weights: {fairness: 1}
    activities:
      - {id: plonge, supervision_ratio: 0, open: [{days: all, slots: all, min: 1, max: 1}]}
      - {id: cuisine, supervision_ratio: 0, open: [{days: all, slots: all, min: 1, max: 1}]}
    participants:
      - {id: ana, hours: 16, preferences: {dislikes: [plonge]}}
      - {id: ben, hours: 16, preferences: {likes: [cuisine], dislikes: [plonge]}}
    """

@Test func fairnessOverWeeksRunsFromTheCommandLine() throws {
    let dir = NSTemporaryDirectory() + "parcours-fairness-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let history = dir + "/parcours.db"
    var rosters: [String] = []
    for (n, date) in ["2026-11-02", "2026-11-09"].enumerated() {
        let week = dir + "/week-\(n + 1).yaml", roster = dir + "/roster-\(n + 1).json"
        try plongeWeek.replacingOccurrences(of: "WEEK", with: date).write(toFile: week, atomically: true, encoding: .utf8)
        let solved = try parcours(["solve", week, "--history", history, "-o", roster, "--reproducible"])
        #expect(solved.status == 0, "\(solved.stderr)")
        if n == 1 {
            #expect(solved.stderr.contains("fairness ana: 16 h a week of disliked minus liked work over 1 published week "
                                           + "(the group's average: 0 h): weight 16"), "\(solved.stderr)")
        }
        #expect(solved.stderr.contains("  fairness 0"))
        #expect(try parcours(["verify", week, roster, "--history", history]).status == 0)
        #expect(try parcours(["publish", week, roster]).status == 0)
        rosters.append(try String(contentsOfFile: roster, encoding: .utf8))
    }
    // Week 1 gives ana the plonge (the preferences alone), week 2 gives it to ben.
    #expect(rosters[0].contains("{\"participant\": \"ana\", \"day\": \"mon\", \"slot\": \"am\", \"activity\": \"plonge\"}"))
    #expect(rosters[1].contains("{\"participant\": \"ben\", \"day\": \"mon\", \"slot\": \"am\", \"activity\": \"plonge\"}"))
    #expect(rosters.allSatisfy { $0.contains("\"stability\": 0, \"fairness\": 0}") })
    // Without --history the week is the contract's: six terms, ana in the plonge.
    let alone = try parcours(["solve", dir + "/week-2.yaml", "--reproducible"])
    #expect(alone.status == 0 && !alone.stdout.contains("fairness") && alone.stdout.contains("\"ana\", \"day\": \"mon\", \"slot\": \"am\", \"activity\": \"plonge\""))
}
