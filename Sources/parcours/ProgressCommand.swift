// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours progress`: each person's pathway over the published weeks.

import ArgumentParser
import Foundation
import ParcoursHistory

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Each person's published weeks: hours against the contract, each goal's hours, trainings attended.",
        discussion: "Exit codes: 0 shown, 64 bad option, 65 no history or an unreadable one.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, html }

    @Option(help: "The history file.") var history: String = "parcours.db"
    @Option(help: "Only this participant (their id).") var participant: String?
    @Option(help: "text, csv or html (a page with a chart per person).") var format: Format = .text
    @Option(help: "The CSV separator: ',', ';' (with decimal commas) or 'tab'.") var separator: String = ","

    func validate() throws {
        guard [",", ";", "tab"].contains(separator) else { throw ValidationError("--separator must be ',', ';' or 'tab'") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: history) else {
            printError("\(history): no history here (publish a week first with `parcours publish WEEK ROSTER`, or give --history)")
            throw ExitCode(Exit.invalidScenario)
        }
        do {
            let weeks = try History(path: history).pathways(participant: participant)
            if let participant, weeks.isEmpty {
                printError("\(history): no published week has the participant '\(participant)' (ids are as in the scenarios)")
                throw ExitCode(Exit.invalidScenario)
            }
            let progress = Progress(weeks)
            switch format {
            case .text: print(progress.text, terminator: "")
            case .csv: print(progress.csv(separator: separator == "tab" ? "\t" : Character(separator)), terminator: "")
            case .html: print(progress.html(), terminator: "")
            }
        } catch let error as HistoryError {
            printError(error.description)
            throw ExitCode(Exit.invalidScenario)
        }
    }
}
