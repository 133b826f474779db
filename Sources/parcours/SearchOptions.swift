// SPDX-License-Identifier: GPL-3.0-or-later
//
// The search's limits, shared by the commands that solve.

import ArgumentParser
import Foundation
import Modelling
import ParcoursEngine
import Synchronization

struct SearchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A work limit: this many rounds of the neighbourhood search after branch-and-cut's node limit, "
        + "one after the other; the same roster on every machine (the time limit stays a cap).", valueName: "rounds"))
    var effort: Int?
    @Option(help: "Threads (1 or 2): without --effort, 2 runs branch-and-cut beside the neighbourhood search.")
    var threads: Int = 2
    @Option(help: "Seed of the neighbourhood search's choices.") var seed: UInt64 = 1
    @Flag(help: ArgumentHelp("Bound the week by column generation over each participant's week before branch-and-cut "
        + "(tighter than the relaxation, slow where GLPK's pricing is; see the README)."))
    var decompositionBound = false

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
