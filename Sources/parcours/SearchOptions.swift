// SPDX-License-Identifier: GPL-3.0-or-later
//
// The search's limits, shared by the commands that solve.

import ArgumentParser
import Foundation
import Modelling
import ParcoursEngine
import ParcoursScenario
import Synchronization

struct SearchOptions: ParsableArguments {
    @Option(parsing: .unconditional,
            help: ArgumentHelp("A work limit: this many rounds of the neighbourhood search after branch-and-cut's node limit, "
        + "one after the other; the same roster on every machine (the time limit stays a cap).", valueName: "rounds"))
    var effort: Int?
    @Option(parsing: .unconditional, help: "Threads (1 or 2): without --effort, 2 runs branch-and-cut beside the neighbourhood search.")
    var threads: Int = 2
    @Option(parsing: .unconditional, help: "Seed of the neighbourhood search's choices (0 to 2^64 - 1).") var seed: UInt64 = 1
    @Flag(inversion: .prefixedNo, help: ArgumentHelp("Bound the week by column generation over each participant's week "
        + "when branch-and-cut has not proved it in a tenth of the time after its root relaxation (on by default)."))
    var decompositionBound = true

    func validate() throws {
        if let effort, effort < 0 { throw ValidationError("--effort must be a number of rounds >= 0, e.g. --effort 200") }
        guard (1...2).contains(threads) else { throw ValidationError("--threads must be 1 or 2 (this machine's cores)") }
    }

    func apply(to options: inout EngineOptions) {
        options.effort = effort
        options.threads = threads
        options.seed = seed
        options.decompositionBound = decompositionBound
    }
}

/// The time limit and the gap, as `solve` and `compare` take them (`explain` and `bench` solve
/// under a work limit, with limits of their own).
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds for each solve (\(OptionRange.seconds)).")
    var timeLimit: Double = 60
    @Option(parsing: .unconditional, help: "Relative MIP gap at which to stop (\(OptionRange.gap); 0 = prove optimality).")
    var gap: Double = 0

    func validate() throws {
        try OptionRange.checkTimeLimit(timeLimit)
        try OptionRange.checkGap(gap)
    }
}

/// The ranges of the numeric options shared by the commands that solve (README, `--help`). A value
/// outside is a usage error that names the range (`--time-limit -1` included: these options take
/// the next argument as their value even when it starts with `-`).
enum OptionRange {
    /// A week: longer is a mistake, and seconds × 1000 must stay a millisecond count the solver can hold.
    static let longestSeconds = 604_800.0
    static let seconds = "above 0 and at most 604800, a week"
    static let gap = "from 0 to 1, e.g. 0.01 for 1 %"

    static func checkTimeLimit(_ seconds: Double) throws {
        guard seconds.isFinite, seconds > 0, seconds <= longestSeconds else {
            throw ValidationError("--time-limit takes seconds \(Self.seconds); not \(NumberRange.format(seconds))")
        }
    }

    /// Above 1 every roster is within the gap of the bound, and would be labelled optimal.
    static func checkGap(_ gap: Double) throws {
        guard gap.isFinite, gap >= 0, gap <= 1 else { throw ValidationError("--gap takes a relative gap \(Self.gap); not \(NumberRange.format(gap))") }
    }
}

/// Writes each progress event as a JSON line `{"seconds": …, "incumbent": …, "bound": …}` (the
/// peer benchmark reads the objective at 10 s and 60 s from it).
final class TraceFile: Sendable {
    private let handle: Mutex<FileHandle>

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            printError("error: cannot write the trace to '\(path)': check the folder exists and is writable")
            throw ExitCode(Exit.usage)
        }
        self.handle = Mutex(handle)
    }

    func record(_ p: SolveProgress) {
        func number(_ x: Double?) -> String { x.map { $0.isFinite ? "\($0)" : "null" } ?? "null" }
        let line = "{\"seconds\": \(p.seconds), \"incumbent\": \(number(p.incumbent)), \"bound\": \(number(p.bound))}\n"
        handle.withLock { $0.write(Data(line.utf8)) }
    }
}
