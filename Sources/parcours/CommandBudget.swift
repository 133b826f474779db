// SPDX-License-Identifier: GPL-3.0-or-later
//
// The time limit as the whole command's budget, and Ctrl-C as "stop and keep the best roster".

import Dispatch
import Foundation
import Modelling

enum CommandBudget {
    /// The solver's share of `limit` seconds: what is left after loading, less what reading the
    /// roster back, checking and writing it take (measured: about 0.3 s per 1000 participants).
    static func solverSeconds(of limit: Double, since started: ContinuousClock.Instant, participants: Int) -> Double {
        let afterwards = 0.05 + 0.4 * Double(participants) / 1000
        return max(0.05, limit - (ContinuousClock.now - started).seconds - afterwards)
    }

    /// Runs `work` with the first Ctrl-C turned into `interruption.interrupt()` (the search then
    /// returns its best roster, which is written as usual); a second Ctrl-C quits at once.
    static func interruptible<T>(_ interruption: Interruption, _ work: () -> T) -> T {
        signal(SIGINT, SIG_IGN)
        // A queue of its own, so a thread of its own: the global pool's threads may all be busy
        // with the search (measured: a Ctrl-C handled only when the tree ended, 98 s later).
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "parcours.interrupt"))
        source.setEventHandler {
            signal(SIGINT, SIG_DFL)
            interruption.interrupt()
            printError("interrupted: writing the best roster so far (Ctrl-C again to quit at once)")
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        return work()
    }
}
