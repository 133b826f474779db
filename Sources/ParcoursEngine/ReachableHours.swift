// SPDX-License-Identifier: GPL-3.0-or-later
//
// Which numbers of hours a participant can actually reach, and the lower convex hull of a cost over
// them. A week is made of whole periods: with 4-hour slots, H(p) is 0, 4, 8, …, never 22. The LP
// relaxation does not know that, so a target of 22 h costs nothing in the relaxation and at least
// 2 × W_target in every roster. Cutting the relaxation with the hull of the cost over the reachable
// values closes that gap without removing any roster (shared/notes/solver-performance.md: "integral
// objective", "where the relaxation is loose").

/// A set of reachable hour totals, in quarter hours (every slot's hours must be a multiple of 0.25).
struct ReachableHours: Equatable {
    /// `reachable[q]`: q quarter hours can be reached.
    private(set) var reachable: [Bool]

    /// Only 0 hours.
    init() { reachable = [true] }

    /// Quarter hours of `hours`, if it is a whole number of them.
    static func quarters(_ hours: Double) -> Int? {
        let q = hours * 4
        guard q.isFinite, q >= 0, abs(q - q.rounded()) < 1e-9, q < 100_000 else { return nil }
        return Int(q.rounded())
    }

    /// Sums of any subset of `parts` (each taken at most once); nil when a part is not in quarter hours.
    static func subsetSums(_ parts: [Double], atMost cap: Double = .infinity) -> ReachableHours? {
        var result = ReachableHours()
        for part in parts {
            guard let q = quarters(part) else { return nil }
            result = result.plus(alternatives: [0, q])
        }
        return result.capped(at: cap)
    }

    /// Every a + b with a in self and b one of `alternatives` (quarter hours).
    func plus(alternatives: [Int]) -> ReachableHours {
        let top = (alternatives.max() ?? 0) + reachable.count
        var next = [Bool](repeating: false, count: top)
        for (a, ok) in reachable.enumerated() where ok {
            for b in alternatives { next[a + b] = true }
        }
        var result = ReachableHours()
        result.reachable = next
        return result.trimmed()
    }

    /// The sumset of self and other.
    func plus(_ other: ReachableHours) -> ReachableHours {
        plus(alternatives: other.reachable.indices.filter { other.reachable[$0] })
    }

    func capped(at cap: Double) -> ReachableHours {
        // A cap at or past the last reachable total (or infinite) changes nothing; this also keeps
        // the conversion to Int below in range whatever the cap.
        guard cap.isFinite, cap * 4 < Double(reachable.count) else { return self }
        var result = self
        if cap < 0 { result.reachable = [] } else {
            let limit = min(Int((cap * 4 + 1e-9).rounded(.down)), reachable.count - 1)
            result.reachable = Array(reachable[0...limit])
        }
        return result.trimmed()
    }

    private func trimmed() -> ReachableHours {
        var result = self
        while let last = result.reachable.last, !last { result.reachable.removeLast() }
        return result
    }

    /// The reachable totals, in hours, ascending.
    var hours: [Double] { reachable.indices.filter { reachable[$0] }.map { Double($0) / 4 } }
}

/// A line y >= slope × h + intercept.
struct HullLine: Equatable {
    var slope: Double
    var intercept: Double
}

/// The edges of the lower convex hull of the points (h, cost(h)) for h in `points` (ascending) that
/// cut off something the continuous convex `cost` allows: an edge is kept only when `cost` lies
/// strictly below it somewhere between its ends (checked at `breakpoints` of the cost).
func lowerHullCuts(points: [Double], cost: (Double) -> Double, breakpoints: [Double]) -> [HullLine] {
    var hull: [(Double, Double)] = []
    for h in points {
        let p = (h, cost(h))
        while hull.count >= 2 {
            let a = hull[hull.count - 2], b = hull[hull.count - 1]
            // Drop b when it lies on or above the segment a–p.
            let cross = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0)
            if cross <= 1e-9 { hull.removeLast() } else { break }
        }
        hull.append(p)
    }
    var lines: [HullLine] = []
    for i in hull.indices.dropLast() {
        let (h1, c1) = hull[i], (h2, c2) = hull[i + 1]
        let slope = (c2 - c1) / (h2 - h1)
        let line = HullLine(slope: slope, intercept: c1 - slope * h1)
        let inside = breakpoints.filter { $0 > h1 + 1e-9 && $0 < h2 - 1e-9 }
        if inside.contains(where: { cost($0) < line.slope * $0 + line.intercept - 1e-9 }) { lines.append(line) }
    }
    return lines
}
