// SPDX-License-Identifier: GPL-3.0-or-later
//
// The benchmark matrix: every family of `GeneratorShape.families` at several sizes, the weeks
// `parcours generate --matrix` writes and `parcours bench` solves (its gate: one small week per
// family).

/// One week of the benchmark matrix.
public struct MatrixWeek: Sendable, Equatable {
    /// FAMILY-SIZE (`afternoon325-060`), or `scale-1000`; the file is NAME.yaml.
    public var name: String
    /// The preset it uses.
    public var family: String
    public var participants: Int
    public var seed: UInt64
    public var shape: GeneratorShape
    /// In the small CI subset (each week ≤ 100 people; every family once).
    public var gate: Bool

    /// The scenario file.
    public var yaml: String { ScenarioGenerator.yaml(participants: participants, seed: seed, shape: shape) }
}

extension ScenarioGenerator {
    /// The benchmark matrix: every family at several sizes from 12 to 300, then a 1000-person
    /// week. Ordered by family then size; seed 1 throughout (the size is mixed into the seed).
    public static let matrix: [MatrixWeek] = {
        let sizes: [(family: String, sizes: [Int], gate: Int)] = [
            ("classic", [30, 100, 300], 30),
            ("afternoon325", [12, 30, 60, 100, 200], 30),
            ("three-slots", [18, 60, 150], 18),
            ("six-days", [18, 45, 120], 18),
            ("one-site", [40, 100, 250], 40),
            ("scarce", [30, 80, 300], 30),
            ("plentiful", [24, 90, 200], 24),
            ("fractional", [16, 50, 150], 16),
        ]
        var weeks: [MatrixWeek] = []
        for entry in sizes {
            let shape = GeneratorShape.family(named: entry.family)!.shape
            for n in entry.sizes {
                let digits = String(n)
                weeks.append(MatrixWeek(name: "\(entry.family)-" + String(repeating: "0", count: Swift.max(0, 3 - digits.count)) + digits,
                                        family: entry.family, participants: n, seed: 1, shape: shape, gate: n == entry.gate))
            }
        }
        weeks.append(MatrixWeek(name: "scale-1000", family: "afternoon325", participants: 1000, seed: 1,
                                shape: GeneratorShape.family(named: "afternoon325")!.shape, gate: false))
        return weeks
    }()
}
