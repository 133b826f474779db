// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours generate`: a generated week of a given size, seed and shape (a family preset with
// overrides), or the whole benchmark matrix into a folder. Shapes are described in
// Sources/ParcoursGenerator/GeneratorShape.swift; what they generate at the top of
// ScenarioGenerator.swift.

import ArgumentParser
import Foundation
import ParcoursGenerator

extension GeneratorShape.Supervision: ExpressibleByArgument {}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic generated scenario of any size and shape (deterministic).",
        discussion: """
        Families (--family NAME; the other shape options override it):
        \(GeneratorShape.families.map { "  \($0.name.padding(toLength: 13, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n"))

        Examples:
          parcours generate --participants 120 --seed 7 -o big-week.yaml
          parcours generate --participants 60 --family afternoon325 -o week.yaml
          parcours generate --participants 40 --days 4 --slots 4,3.25 --one-site
          parcours generate --participants 30 --slots 08:00-12:00,13:00-16:30=3.25
          parcours generate --matrix weeks/   # lines: NAME, participants, gate|-, path
        """)

    @Option(parsing: .unconditional, help: "Number of participants (1 to 5000).") var participants: Int?
    @Option(help: "Seed: the same size, seed and shape give the same bytes.") var seed: UInt64 = 1
    @Option(name: [.short, .customLong("output")], help: "Output file (default: stdout).") var output: String?
    @Option(help: "A preset shape (see the list above).") var family: String = "classic"
    @Option(parsing: .unconditional, help: "Working days from Monday: 4 (mon–thu), 5 (mon–fri) or 6 (mon–sat).") var days: Int?
    @Option(help: ArgumentHelp("Two or three slots a day: paid hours (4,3.25: times follow), time ranges, or both.",
                               valueName: "LIST"))
    var slots: String?
    @Option(parsing: .unconditional, help: "Exactly this many sites.") var sites: Int?
    @Option(name: .customLong("site-size"), parsing: .unconditional, help: "Sites of about this many participants (default 25).") var siteSize: Int?
    @Flag(name: .customLong("one-site"), help: "One large site (same as --sites 1).") var oneSite = false
    @Flag(inversion: .prefixedNo, help: "Supervisors also supervise activities of one or two other sites (or more activities of a lone site).")
    var sharedSupervisors: Bool?
    @Option(help: "Supervisor-hours against what the shift minimums need: scarce, normal or plentiful.")
    var supervision: GeneratorShape.Supervision?
    @Flag(inversion: .prefixedNo, help: "Weekly hours, goals and max_hours off the 4-hour grid (18.5, 21, 26; goals of 7.5 h).")
    var unevenHours: Bool?
    @Flag(inversion: .prefixedNo, help: "Fractional objective weights, goal weights and priorities (7.5, 1.5, 0.25).")
    var fractionalWeights: Bool?
    @Option(help: ArgumentHelp("Write every benchmark-matrix week to DIR/NAME.yaml and list them.", valueName: "DIR"))
    var matrix: String?

    /// The shape asked for: the family, then each override.
    func shape() throws -> GeneratorShape {
        guard var shape = GeneratorShape.family(named: family)?.shape else {
            let names = GeneratorShape.families.map(\.name)
            throw ValidationError("--family \(family) is not a family: use one of \(names.joined(separator: ", "))")
        }
        if let days {
            guard (4...6).contains(days) else { throw ValidationError("--days \(days): use 4 (mon–thu), 5 (mon–fri) or 6 (mon–sat)") }
            shape.days = days
        }
        if let slots {
            switch GeneratorShape.slots(parsing: slots) {
            case .failure(let e): throw ValidationError(e.description)
            case .success(let list):
                guard (2...3).contains(list.count) else {
                    throw ValidationError("--slots \(slots): \(list.count) slot\(list.count == 1 ? "" : "s"); give two or three, e.g. --slots 4,3.25")
                }
                shape.slots = list
            }
        }
        let layouts = [sites != nil, siteSize != nil, oneSite].filter { $0 }.count
        guard layouts <= 1 else { throw ValidationError("give only one of --sites, --site-size and --one-site") }
        if let sites {
            guard sites >= 1 else { throw ValidationError("--sites \(sites): give at least 1 (or --one-site)") }
            shape.sites = .exactly(sites)
        }
        if let siteSize {
            guard siteSize >= 1 else { throw ValidationError("--site-size \(siteSize): give a number of participants, at least 1 (default 25)") }
            shape.sites = .about(siteSize)
        }
        if oneSite { shape.sites = .exactly(1) }
        if let sharedSupervisors { shape.sharedSupervisors = sharedSupervisors }
        if let supervision { shape.supervision = supervision }
        if let unevenHours { shape.unevenHours = unevenHours }
        if let fractionalWeights { shape.fractionalWeights = fractionalWeights }
        if let problem = shape.problems.first {
            throw ValidationError((slots.map { "--slots \($0): " } ?? "") + problem)
        }
        return shape
    }

    func validate() throws {
        if matrix != nil {
            let shaped = family != "classic" || days != nil || slots != nil || sites != nil || siteSize != nil || oneSite
                || sharedSupervisors != nil || supervision != nil || unevenHours != nil || fractionalWeights != nil
            guard participants == nil, output == nil, !shaped else {
                throw ValidationError("--matrix DIR writes the whole matrix, each week with its own size, seed and shape: "
                    + "drop --participants, --output and the shape options, or drop --matrix")
            }
            return
        }
        guard let participants else { throw ValidationError("give --participants N (1 to 5000), or --matrix DIR") }
        guard (1...5000).contains(participants) else { throw ValidationError("--participants \(participants): give 1 to 5000") }
        _ = try shape()
    }

    func run() throws {
        if let matrix {
            do {
                try FileManager.default.createDirectory(atPath: matrix, withIntermediateDirectories: true)
            } catch {
                printError("error: cannot create the folder '\(matrix)': \(error.localizedDescription)")
                throw ExitCode(Exit.usage)
            }
            for week in ScenarioGenerator.matrix {
                let path = (matrix as NSString).appendingPathComponent("\(week.name).yaml")
                try write(week.yaml, to: path)
                print("\(week.name)\t\(week.participants)\t\(week.gate ? "gate" : "-")\t\(path)")
            }
            return
        }
        try write(ScenarioGenerator.yaml(participants: participants!, seed: seed, shape: try shape()), to: output)
    }
}
