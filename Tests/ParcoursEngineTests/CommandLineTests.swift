// SPDX-License-Identifier: GPL-3.0-or-later
//
// The `parcours` command as a user runs it: exit codes, byte-identical output, verify, and every
// shipped week solving to a roster that `verify` accepts.

import Foundation
import Testing
import ParcoursScenario
@testable import ParcoursEngine

/// The package root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `parcours` next to the test bundle (`swift build --build-tests` builds both).
func parcoursBinary() -> String? {
    let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        .map { $0.appendingPathComponent("parcours").path }
        + [packageRoot.appendingPathComponent(".build/debug/parcours").path]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

func parcours(_ arguments: [String], in directory: String? = nil) throws -> Run {
    guard let binary = parcoursBinary() else {
        Issue.record("the parcours executable is not built (run `swift build --build-tests`)")
        return Run(status: -1, stdout: "", stderr: "")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
}

func writeTemporary(_ text: String, name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "parcours-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let file = dir + "/" + name
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
}

@Suite(.serialized) struct CommandLine {
    @Test func validateExitsZeroWithASummaryOr65WithLocatedErrors() throws {
        let good = try writeTemporary(whatIfWeek, name: "week.yaml")
        let ok = try parcours(["validate", good])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("What-if week: valid") && ok.stdout.contains("participants   3"))
        let bad = try writeTemporary(whatIfWeek.replacingOccurrences(of: "likes: [jardin]", with: "likes: [jardn]"), name: "week.yaml")
        let failed = try parcours(["validate", bad])
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("week.yaml:12:73: error: the likes of 'eva' names the activity 'jardn'"))
        #expect(failed.stderr.contains("did you mean 'jardin'?"))
    }

    @Test func solveIsByteIdenticalWithReproducibleAndVerifies() throws {
        let week = try writeTemporary(whatIfWeek, name: "week.yaml")
        let dir = (week as NSString).deletingLastPathComponent
        let first = try parcours(["solve", week, "--reproducible", "-o", dir + "/a.json"])
        let second = try parcours(["solve", week, "--reproducible", "-o", dir + "/b.json"])
        #expect(first.status == 0 && second.status == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.json"))
        #expect(a == b && !a.isEmpty)
        #expect(first.stderr.contains("What-if week: optimal"))
        let verified = try parcours(["verify", week, dir + "/a.json"])
        #expect(verified.status == 0)
        // A tampered roster: Eva moved into cuisine on Tuesday, over its maximum.
        let tampered = String(decoding: a, as: UTF8.self).replacingOccurrences(
            of: "{\"participant\": \"eva\", \"day\": \"mon\", \"slot\": \"pm\", \"activity\": \"jardin\"}",
            with: "{\"participant\": \"eva\", \"day\": \"tue\", \"slot\": \"am\", \"activity\": \"cuisine\"}")
        try tampered.write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let rejected = try parcours(["verify", week, dir + "/c.json"])
        #expect(rejected.status == 1)
        #expect(rejected.stdout.contains("H5"))
    }

    @Test func infeasibleWeekExitsTwoWithAnExplanation() throws {
        // Ana is pinned in cuisine on Monday morning, which needs a supervisor, and Marc is off.
        let text = whatIfWeek.replacingOccurrences(of: "  - {id: marc, activities: [cuisine]}",
                                                   with: "  - {id: marc, activities: [cuisine], availability: {unavailable: [mon]}}")
            .replacingOccurrences(of: "{id: ana, hours: {min: 4, max: 8, target: 8}, preferences: {likes: [cuisine]}}",
                                  with: "{id: ana, hours: {min: 4, max: 8, target: 8}, fixed: [{day: mon, slot: am, activity: cuisine}]}")
        let week = try writeTemporary(text, name: "week.yaml")
        let run = try parcours(["solve", week, "--format", "text"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("infeasible"))
        #expect(run.stdout.contains("ana") && run.stdout.contains("cuisine"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try parcours(["solve"]).status == 64)
        #expect(try parcours(["solve", "x.yaml", "--gap", "-1"]).status == 64)
    }

    @Test func missingFileIsAnInvalidScenario() throws {
        let run = try parcours(["solve", "/nonexistent/week.yaml"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("does not exist"))
    }
}

/// Every week shipped under Scenarios/ solves to optimal, and its roster passes the independent checker.
@Suite struct ShippedScenarios {
    static let files: [String] = {
        let dir = packageRoot.appendingPathComponent("Scenarios").path
        let found = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix("scenario.yaml") }.sorted().map { dir + "/" + $0 }
    }()

    @Test func thereAreShippedWeeks() {
        #expect(Self.files.count >= 5)
    }

    @Test(arguments: files)
    func solvesToOptimalAndVerifies(_ file: String) throws {
        let scenario = try ScenarioLoader.load(file: file)
        let roster = RosterEngine().solve(scenario, options: EngineOptions(timeLimit: 300))
        #expect(roster.status == .optimal, "\(file): \(roster.status) \(roster.explanation ?? "")")
        let verification = RosterVerification(scenario: scenario, roster: roster)
        #expect(verification.isValid, "\(file): \(verification.violations) \(verification.mismatches)")
    }
}

@Suite(.serialized) struct Interrupting {
    /// Ctrl-C during a solve writes the best roster so far, a valid one, and exits 0.
    @Test func ctrlCWritesTheBestRosterSoFar() throws {
        guard let binary = parcoursBinary() else {
            Issue.record("the parcours executable is not built (run `swift build --build-tests`)")
            return
        }
        let dir = NSTemporaryDirectory() + "parcours-interrupt-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let week = dir + "/week.yaml", roster = dir + "/roster.json", trace = dir + "/trace.jsonl"
        #expect(try parcours(["generate", "--participants", "60", "-o", week]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["solve", week, "--time-limit", "600", "-o", roster, "--trace", trace]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Once the first roster is in the trace, as a planner who has seen enough would.
        var waited = 0
        while waited < 600, ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            waited += 1
        }
        process.interrupt()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stderr.contains("interrupted: writing the best roster so far"))
        #expect(try parcours(["verify", week, roster]).status == 0)
    }
}
