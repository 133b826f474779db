// SPDX-License-Identifier: GPL-3.0-or-later
//
// Bound propagation over a model's rows, with a trail to undo: fix a variable, tighten every
// bound the rows then imply (activity-based, as MIP presolvers and fix-and-propagate heuristics
// do), and learn whether the rows can still hold. It needs no solver: a construction heuristic
// fixes decisions one by one and keeps only those after which the model stays possible.
//
// Propagation is incomplete (it sees one row at a time), so a point built this way is still
// checked with `isFeasible` before it is used.

public struct Propagation: Sendable {
    private struct Row: Sendable {
        var terms: [(variable: Int, coefficient: Double)]
        var lower: Double?
        var upper: Double?
    }
    private let rows: [Row]
    private let rowsOf: [[Int]]
    private let isInteger: [Bool]
    /// Each variable's bounds as propagated so far (±infinity for none).
    public private(set) var lower: [Double]
    public private(set) var upper: [Double]
    /// (variable, its bounds before a change), newest last.
    private var trail: [(variable: Int, lower: Double, upper: Double)] = []
    /// Rows waiting in `propagate`'s queue (all false between two calls).
    private var queued: [Bool]
    /// Bound changes at most per `fix` (a safety net against long continuous tightening chains):
    /// past it the fixing is refused, as one that breaks a row is.
    private let changesPerFix = 100_000

    /// Nil when the model's own bounds already cross.
    public init?(_ model: Model) {
        rows = model.constraints.map { c in Row(terms: c.terms.map { ($0.variable.index, $0.coefficient) }, lower: c.lower, upper: c.upper) }
        var rowsOf = [[Int]](repeating: [], count: model.variables.count)
        for (i, row) in rows.enumerated() { for t in row.terms { rowsOf[t.variable].append(i) } }
        self.rowsOf = rowsOf
        queued = [Bool](repeating: false, count: rows.count)
        isInteger = model.variables.map { $0.kind != .continuous }
        lower = model.variables.map { $0.lower ?? -.infinity }
        upper = model.variables.map { $0.upper ?? .infinity }
        guard zip(lower, upper).allSatisfy({ $0 <= $1 + 1e-9 }) else { return nil }
        guard propagate(rows.indices, limit: .max) else { return nil }
        trail.removeAll()
    }

    /// A point to come back to with `undo(to:)`.
    public var checkpoint: Int { trail.count }

    /// Restores every bound changed since `checkpoint`.
    public mutating func undo(to checkpoint: Int) {
        while trail.count > checkpoint {
            let change = trail.removeLast()
            lower[change.variable] = change.lower
            upper[change.variable] = change.upper
        }
    }

    public func isFixed(_ j: Int) -> Bool { upper[j] - lower[j] < 1e-9 }

    /// Fixes variable j at `value` and propagates; false (and nothing changed) when a row can then
    /// no longer hold, or the value is outside j's bounds.
    public mutating func fix(_ j: Int, at value: Double) -> Bool {
        guard value >= lower[j] - 1e-9, value <= upper[j] + 1e-9 else { return false }
        let start = checkpoint
        set(j, lower: value, upper: value)
        guard propagate(rowsOf[j], limit: changesPerFix) else { undo(to: start); return false }
        return true
    }

    private mutating func set(_ j: Int, lower lo: Double, upper up: Double) {
        trail.append((j, lower[j], upper[j]))
        lower[j] = lo
        upper[j] = up
    }

    /// The least (or most) of a row's other terms, from the row's finite part `total` (with
    /// `infinite` terms left out of it) and this term's coefficient and bound on that side: nil
    /// when another term is infinite.
    private static func others(_ total: Double, infinite: Int, coefficient: Double, bound: Double) -> Double? {
        if infinite == 0 { return total - coefficient * bound }
        return infinite == 1 && bound.isInfinite ? total : nil
    }

    /// The larger of two bounds' sizes, the infinite ones left out (0 when both are).
    private static func magnitude(_ a: Double, _ b: Double) -> Double {
        max(a.isFinite ? abs(a) : 0, b.isFinite ? abs(b) : 0)
    }

    /// Tightens bounds from the given rows until nothing changes; false when a row cannot hold or
    /// more than `limit` bounds had to change.
    private mutating func propagate<S: Sequence>(_ seeds: S, limit: Int) -> Bool where S.Element == Int {
        var queue: [Int] = [], changes = 0
        for i in seeds where !queued[i] { queued[i] = true; queue.append(i) }
        // Whatever the way out, the queue is left empty.
        defer { for i in queue { queued[i] = false } }
        while let i = queue.popLast() {
            queued[i] = false
            let row = rows[i]
            // The least and the most the row's activity can be, infinite parts counted apart.
            // Also the widest term (|a| × its range): no term can tighten when the row's slack on
            // a side is at least that, the usual case, and the row is then done in one pass.
            var least = 0.0, most = 0.0, leastInfinite = 0, mostInfinite = 0, widest = 0.0
            for t in row.terms {
                let lo = t.coefficient > 0 ? lower[t.variable] : upper[t.variable]
                let up = t.coefficient > 0 ? upper[t.variable] : lower[t.variable]
                if lo.isInfinite { leastInfinite += 1 } else { least += t.coefficient * lo }
                if up.isInfinite { mostInfinite += 1 } else { most += t.coefficient * up }
                widest = max(widest, t.coefficient * (up - lo))
            }
            let tolerance = 1e-6 * max(1, abs(least), abs(most))
            if let u = row.upper, leastInfinite == 0, least > u + tolerance { return false }
            if let l = row.lower, mostInfinite == 0, most < l - tolerance { return false }
            let upperIdle = row.upper.map { leastInfinite > 1 || (leastInfinite == 0 && $0 - least >= widest) } ?? true
            let lowerIdle = row.lower.map { mostInfinite > 1 || (mostInfinite == 0 && most - $0 >= widest) } ?? true
            if upperIdle && lowerIdle { continue }
            for t in row.terms {
                let j = t.variable, a = t.coefficient
                var newLower = lower[j], newUpper = upper[j]
                let ownLeast = a > 0 ? lower[j] : upper[j], ownMost = a > 0 ? upper[j] : lower[j]
                // a x <= u - (least of the others)
                if let u = row.upper, let others = Self.others(least, infinite: leastInfinite, coefficient: a, bound: ownLeast) {
                    let limit = (u - others) / a
                    if a > 0 { newUpper = min(newUpper, limit) } else { newLower = max(newLower, limit) }
                }
                // a x >= l - (most of the others)
                if let l = row.lower, let others = Self.others(most, infinite: mostInfinite, coefficient: a, bound: ownMost) {
                    let limit = (l - others) / a
                    if a > 0 { newLower = max(newLower, limit) } else { newUpper = min(newUpper, limit) }
                }
                if isInteger[j] {
                    newLower = (newLower - 1e-6).rounded(.up)
                    newUpper = (newUpper + 1e-6).rounded(.down)
                }
                let scale = 1e-6 * max(1, Self.magnitude(lower[j], upper[j]))
                // Continuous bounds move only by a worthwhile step (no endless creeping).
                let step = isInteger[j] ? 0.5 : max(scale, 1e-3 * max(1, Self.magnitude(newLower, newUpper)))
                let tightensLower = newLower > lower[j] + step, tightensUpper = newUpper < upper[j] - step
                guard tightensLower || tightensUpper else { continue }
                let lo = tightensLower ? newLower : lower[j], up = tightensUpper ? newUpper : upper[j]
                if lo > up + scale { return false }
                set(j, lower: lo, upper: max(lo, up))
                changes += 1
                if changes > limit { return false }
                for k in rowsOf[j] where k != i && !queued[k] { queued[k] = true; queue.append(k) }
            }
        }
        return true
    }
}
