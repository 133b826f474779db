// SPDX-License-Identifier: GPL-3.0-or-later
//
// A model with most variables fixed at a known point: the sub-problem of a large-neighbourhood
// search. Fixed variables are substituted (their terms move into the constants), and constraints
// left without a free variable are dropped, so the sub-problem a solver sees is as small as the
// neighbourhood, not as the week.

public struct RestrictedModel: Sendable {
    /// The sub-problem: one variable per free variable of the original, in the original's order.
    public let model: Model
    /// `original[i]`: the original index of the sub-problem's variable i.
    public let original: [Int]

    /// The original point with the free variables replaced by the sub-problem's values.
    public func expand(_ values: [Double], into point: [Double]) -> [Double] {
        var full = point
        for (i, j) in original.enumerated() { full[j] = values[i] }
        return full
    }

    /// The point's values of the free variables (a first incumbent for the sub-problem).
    public func restrict(_ point: [Double]) -> [Double] { original.map { point[$0] } }
}

extension Model {
    /// The model with every variable not marked `free` fixed at its value in `point`. A variable
    /// marked `dependent` (a slack, a switch driven by others) is freed too when it shares a
    /// constraint with a free variable, and stays fixed otherwise.
    public func restricted(free: [Bool], dependent: [Bool], at point: [Double]) -> RestrictedModel {
        precondition(free.count == variables.count && dependent.count == variables.count && point.count == variables.count)
        var isFree = free
        for c in constraints where c.terms.contains(where: { free[$0.variable.index] }) {
            for t in c.terms where dependent[t.variable.index] { isFree[t.variable.index] = true }
        }
        var sub = Model(name: name + "-restricted")
        var position = [Int](repeating: -1, count: variables.count)
        var original: [Int] = []
        for (j, v) in variables.enumerated() where isFree[j] {
            position[j] = original.count
            original.append(j)
            sub.variables.append(v)
        }
        func subVariable(_ j: Int) -> Variable { Variable(index: position[j], model: sub.id) }
        for c in constraints {
            var terms: [(variable: Variable, coefficient: Double)] = []
            var fixedPart = 0.0
            for t in c.terms {
                let j = t.variable.index
                if isFree[j] { terms.append((subVariable(j), t.coefficient)) } else { fixedPart += t.coefficient * point[j] }
            }
            guard !terms.isEmpty else { continue }
            let lower = c.lower.map { $0 - fixedPart }, upper = c.upper.map { $0 - fixedPart }
            // A row left with one free variable is a bound on it (most rows of a small neighbourhood:
            // a slack's definition once the decisions around it are fixed).
            if terms.count == 1, tighten(&sub.variables[terms[0].variable.index], terms[0].coefficient, lower, upper) { continue }
            // A row no values within the free variables' bounds can break is left out (most rows
            // of a neighbourhood that frees supervision: "this person there needs a supervisor"
            // for every person fixed away from the shift). Bounds only narrow later, so it stays so.
            if isRedundant(terms, lower, upper, in: sub) { continue }
            sub.constraints.append(ConstraintDefinition(name: c.name, terms: terms, lower: lower, upper: upper))
        }
        var constant = objectiveConstant
        for t in objective {
            let j = t.variable.index
            if isFree[j] { sub.objective.append((subVariable(j), t.coefficient)) } else { constant += t.coefficient * point[j] }
        }
        sub.objectiveConstant = constant
        sub.sense = sense
        return RestrictedModel(model: sub, original: original)
    }

    /// Whether every value of `terms` within their variables' bounds in `sub` lies in [lower, upper]
    /// (a side with no bound always holds; an unbounded variable makes its sides unknown).
    private func isRedundant(_ terms: [(variable: Variable, coefficient: Double)], _ lower: Double?, _ upper: Double?,
                             in sub: Model) -> Bool {
        var least = 0.0, most = 0.0
        for t in terms {
            let v = sub.variables[t.variable.index], a = t.coefficient
            least += a * ((a > 0 ? v.lower : v.upper) ?? (a > 0 ? -.infinity : .infinity))
            most += a * ((a > 0 ? v.upper : v.lower) ?? (a > 0 ? .infinity : -.infinity))
        }
        if let lower { guard least.isFinite, least >= lower - 1e-9 * max(1, abs(lower)) else { return false } }
        if let upper { guard most.isFinite, most <= upper + 1e-9 * max(1, abs(upper)) else { return false } }
        return true
    }

    /// Narrows `v`'s bounds to `lower <= coefficient × v <= upper`; false (and no change) when the
    /// row cannot be a bound: a zero coefficient, or bounds that would cross.
    private func tighten(_ v: inout VariableDefinition, _ coefficient: Double, _ lower: Double?, _ upper: Double?) -> Bool {
        guard coefficient != 0 else { return false }
        var lo = (coefficient > 0 ? lower : upper).map { $0 / coefficient }
        var up = (coefficient > 0 ? upper : lower).map { $0 / coefficient }
        if v.kind != .continuous {
            lo = lo.map { ($0 - 1e-9).rounded(.up) }
            up = up.map { ($0 + 1e-9).rounded(.down) }
        }
        let newLower = [v.lower, lo].compactMap { $0 }.max(), newUpper = [v.upper, up].compactMap { $0 }.min()
        if let l = newLower, let u = newUpper, l > u + 1e-9 { return false }
        v.lower = newLower
        v.upper = newUpper.map { u in newLower.map { Swift.max($0, u) } ?? u }
        return true
    }

    /// Whether a point satisfies every bound and constraint within `tolerance`, and is whole on the
    /// integer variables.
    public func isFeasible(_ point: [Double], tolerance: Double = 1e-6) -> Bool {
        guard point.count == variables.count else { return false }
        for (j, v) in variables.enumerated() {
            let x = point[j]
            if let lo = v.lower, x < lo - tolerance { return false }
            if let up = v.upper, x > up + tolerance { return false }
            if v.kind != .continuous, abs(x - x.rounded()) > tolerance { return false }
        }
        for c in constraints {
            let activity = c.terms.reduce(0) { $0 + $1.coefficient * point[$1.variable.index] }
            let scale = tolerance * max(1, abs(activity))
            if let lo = c.lower, activity < lo - scale { return false }
            if let up = c.upper, activity > up + scale { return false }
        }
        return true
    }
}
