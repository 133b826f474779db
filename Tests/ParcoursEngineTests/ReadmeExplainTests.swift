// SPDX-License-Identifier: GPL-3.0-or-later
//
// The shipped scenarios' READMEs show `explain` on a real shortage or conflict (issue #12): each
// `scripts/parcours explain …` command there is followed by the output it prints, and this test
// runs the command and keeps that excerpt true.

import Foundation
import Testing

struct ReadmeExcerpt {
    var scenario: String
    var arguments: [String]
    var excerpt: String
}

/// Each README's ```sh block holding one `scripts/parcours explain …` command (lines may end in
/// `\`), with the fenced block that follows it.
func explainExcerpts() throws -> [ReadmeExcerpt] {
    let dir = packageRoot.appendingPathComponent("Scenarios").path
    var found: [ReadmeExcerpt] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
        guard let text = try? String(contentsOfFile: "\(dir)/\(name)/README.md", encoding: .utf8) else { continue }
        let lines = text.components(separatedBy: "\n")
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            guard lines[i] == "```sh" else { continue }
            var j = i + 1, command = ""
            while j < lines.count, lines[j] != "```" {
                command += lines[j].hasSuffix("\\") ? String(lines[j].dropLast()) : lines[j] + "\n"
                j += 1
            }
            let commands = command.split(separator: "\n")
            guard commands.count == 1, commands[0].hasPrefix("scripts/parcours explain "),
                  j + 2 < lines.count, lines[j + 1].isEmpty, lines[j + 2] == "```" else { continue }
            var k = j + 3
            var block: [String] = []
            while k < lines.count, lines[k] != "```" { block.append(lines[k]); k += 1 }
            found.append(ReadmeExcerpt(scenario: name, arguments: Array(commands[0].split(separator: " ").dropFirst().map(String.init)),
                                       excerpt: block.joined(separator: "\n")))
            i = k
        }
    }
    return found
}

@Test func theReadmesShowExplainAsItRuns() throws {
    let excerpts = try explainExcerpts()
    #expect(Set(excerpts.map(\.scenario)).isSuperset(of: ["food-coop", "replanning"]))
    for e in excerpts {
        #expect(e.excerpt.split(separator: "\n").count >= 5, "\(e.scenario): the excerpt is too short to show anything")
        let run = try parcours(e.arguments, in: packageRoot.path)
        #expect(run.status == 0 || run.status == 2, "\(run.stderr)")
        #expect(run.stdout.contains(e.excerpt),
                "Scenarios/\(e.scenario)/README.md is out of date: `parcours \(e.arguments.joined(separator: " "))` prints\n\(run.stdout)")
    }
}
