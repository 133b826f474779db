// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a bench suite is made of: the scenario files under the given paths, classic generated
// weeks of the given sizes, and weeks of the benchmark matrix (`parcours bench`).

import Foundation
import ParcoursGenerator
import ParcoursScenario

public enum BenchSuite {
    /// Which weeks of the benchmark matrix a suite takes: the gate (one small week per family, the
    /// CI gate), every week, or none.
    public enum Matrix: String, Sendable { case gate, all, none }

    /// `path` itself if it is a file (or nothing is there: loading it then says so), else every
    /// `scenario.yaml` below it, sorted.
    public static func scenarioFiles(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [path] }
        guard isDirectory.boolValue else { return [path] }
        let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
            .filter { ($0 as NSString).lastPathComponent == "scenario.yaml" }.sorted()
        return found.map { (path as NSString).appendingPathComponent($0) }
    }

    /// Classic weeks of these sizes (seed 1, named `generated-N`), then the matrix's weeks chosen,
    /// in its order; each loaded through the same YAML path as a planner's file.
    public static func generatedWeeks(sizes: [Int], matrix: Matrix) throws(ScenarioError) -> [(name: String, scenario: Scenario)] {
        var weeks: [(name: String, scenario: Scenario)] = []
        for n in sizes {
            weeks.append(("generated-\(n)", try ScenarioLoader.load(yaml: ScenarioGenerator.yaml(participants: n, seed: 1),
                                                                    file: "generated-\(n).yaml")))
        }
        for week in ScenarioGenerator.matrix where matrix == .all || (matrix == .gate && week.gate) {
            weeks.append((week.name, try ScenarioLoader.load(yaml: week.yaml, file: "\(week.name).yaml")))
        }
        return weeks
    }
}
