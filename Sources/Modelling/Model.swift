// SPDX-License-Identifier: GPL-3.0-or-later
//
// A linear or mixed-integer model, checked as it is built: whatever reaches a solver is well-formed.

import Synchronization

/// A model error: what is wrong, where (the variable or constraint), and what would fix it.
public struct ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var fix: String?
    public init(_ message: String, fix: String? = nil) { self.message = message; self.fix = fix }
    public var description: String { fix.map { "\(message) (\($0))" } ?? message }
}

public struct VariableDefinition: Sendable {
    public var name: String
    public var kind: VariableKind
    public var lower: Double?
    public var upper: Double?
}

public struct ConstraintDefinition: Sendable {
    public var name: String
    /// Merged, in variable order, no zeros.
    public var terms: [(variable: Variable, coefficient: Double)]
    public var lower: Double?
    public var upper: Double?

    public init(name: String, terms: [(variable: Variable, coefficient: Double)], lower: Double?, upper: Double?) {
        self.name = name; self.terms = terms; self.lower = lower; self.upper = upper
    }
}

public enum ObjectiveSense: Sendable { case minimize, maximize }

private let nextModelID = Atomic<UInt32>(1)

public struct Model: Sendable {
    let id: UInt32
    public let name: String
    public internal(set) var variables: [VariableDefinition] = []
    public internal(set) var constraints: [ConstraintDefinition] = []
    /// Merged objective terms.
    public internal(set) var objective: [(variable: Variable, coefficient: Double)] = []
    public internal(set) var objectiveConstant: Double = 0
    public internal(set) var sense: ObjectiveSense = .minimize
    private var names: Set<String> = []

    public init(name: String = "model") {
        id = nextModelID.add(1, ordering: .relaxed).oldValue
        self.name = name
    }

    public var integerVariableCount: Int { variables.count { $0.kind != .continuous } }

    // MARK: Variables

    /// Adds a variable. Binary variables have bounds [0, 1]; `nil` bounds are infinite.
    public mutating func addVariable(_ name: String? = nil, _ kind: VariableKind = .continuous,
                                     lower: Double? = 0, upper: Double? = nil) throws(ModelError) -> Variable {
        let name = name ?? "x\(variables.count + 1)"
        try claim(name, "variable")
        var lo = lower, up = upper
        if kind == .binary {
            lo = Swift.max(lower ?? 0, 0)
            up = Swift.min(upper ?? 1, 1)
        }
        try checkBounds(lo, up, "variable '\(name)'")
        variables.append(VariableDefinition(name: name, kind: kind, lower: lo, upper: up))
        return Variable(index: variables.count - 1, model: id)
    }

    public mutating func addBinary(_ name: String? = nil) throws(ModelError) -> Variable {
        try addVariable(name, .binary)
    }

    /// Narrows a variable's bounds (e.g. to fix it).
    public mutating func setBounds(_ v: Variable, lower: Double?, upper: Double?) throws(ModelError) {
        try check(v)
        try checkBounds(lower, upper, "variable '\(variables[v.index].name)'")
        variables[v.index].lower = lower
        variables[v.index].upper = upper
    }

    public func definition(_ v: Variable) -> VariableDefinition { variables[v.index] }

    /// A full point (by variable index) as a hint for `SolveOptions.hint`.
    public func hint(from values: [Double]) -> [Variable: Double] {
        var hint: [Variable: Double] = [:]
        for (j, x) in values.enumerated() where j < variables.count { hint[Variable(index: j, model: id)] = x }
        return hint
    }

    /// The variable at a position of `variables`.
    public func variable(_ index: Int) -> Variable {
        precondition(index >= 0 && index < variables.count, "no variable #\(index)")
        return Variable(index: index, model: id)
    }

    /// The linear relaxation: the same model with every variable continuous (bounds kept).
    public func relaxed() -> Model {
        var copy = self
        for i in copy.variables.indices { copy.variables[i].kind = .continuous }
        return copy
    }

    // MARK: Constraints

    /// Adds `lower <= expression <= upper`. The expression's constant moves to the bounds.
    @discardableResult
    public mutating func add(_ constraint: LinearConstraint, name: String? = nil) throws(ModelError) -> Int {
        let name = name ?? "c\(constraints.count + 1)"
        let terms = try checkedTerms(constraint.expression, "constraint '\(name)'")
        let c = constraint.expression.constant
        try checkFinite(c, "constant of constraint '\(name)'")
        let lo = constraint.lower.map { $0 - c }, up = constraint.upper.map { $0 - c }
        try checkBounds(lo, up, "constraint '\(name)'")
        try claim(name, "constraint")
        constraints.append(ConstraintDefinition(name: name, terms: terms, lower: lo, upper: up))
        return constraints.count - 1
    }

    /// The model with one more row, `objective <= cutoff` (`>=` when maximising), less the
    /// objective's step below it where every value is a multiple of one: only points strictly
    /// better than `cutoff` stay feasible, so a search for them prunes every node that cannot beat
    /// it, and ends at once where none exists (its relaxation is then infeasible).
    public func onlyBetter(than cutoff: Double) -> Model {
        var copy = self
        let margin = objectiveGranularity.map { $0 * (1 - 1e-6) } ?? 1e-7 * max(1, abs(cutoff))
        let limit = sense == .minimize ? cutoff - margin - objectiveConstant : cutoff + margin - objectiveConstant
        guard limit.isFinite, !objective.isEmpty else { return copy }
        var name = "objective_cutoff", k = 1
        while names.contains(name) { k += 1; name = "objective_cutoff_\(k)" }
        copy.names.insert(name)
        copy.constraints.append(ConstraintDefinition(name: name, terms: objective,
                                                     lower: sense == .minimize ? nil : limit,
                                                     upper: sense == .minimize ? limit : nil))
        return copy
    }

    /// The model with these rows added (cuts: valid for every point the model's rows allow, so the
    /// same optimum with a tighter relaxation). Rows of another model, or whose name is taken, are
    /// left out.
    public func adding(_ rows: [ConstraintDefinition]) -> Model {
        var copy = self
        for row in rows where row.terms.allSatisfy({ $0.variable.model == id && $0.variable.index < variables.count })
            && copy.names.insert(row.name).inserted {
            copy.constraints.append(row)
        }
        return copy
    }

    // MARK: Objective

    public mutating func minimize(_ e: LinearExpression) throws(ModelError) { try setObjective(e, .minimize) }
    public mutating func maximize(_ e: LinearExpression) throws(ModelError) { try setObjective(e, .maximize) }

    private mutating func setObjective(_ e: LinearExpression, _ s: ObjectiveSense) throws(ModelError) {
        objective = try checkedTerms(e, "objective")
        try checkFinite(e.constant, "objective constant")
        objectiveConstant = e.constant
        sense = s
    }

    /// The best objective any point within the variables' bounds could have, ignoring every
    /// constraint: a valid (weak) bound when nothing better is known; nil if a bound is infinite.
    public var boundFromVariableBounds: Double? {
        var total = objectiveConstant
        for t in objective {
            let d = variables[t.variable.index]
            let improving = (t.coefficient > 0) == (sense == .minimize)
            guard let end = improving ? d.lower : d.upper else { return nil }
            total += t.coefficient * end
        }
        return total
    }

    /// The objective's value for a vector of values (by variable index).
    public func objectiveValue(_ values: [Double]) -> Double {
        objective.reduce(objectiveConstant) { $0 + $1.coefficient * values[$1.variable.index] }
    }

    // MARK: Checks

    private mutating func claim(_ name: String, _ what: String) throws(ModelError) {
        guard !name.isEmpty else { throw ModelError("a \(what) has an empty name", fix: "give it a name or none") }
        guard name.utf8.count <= 255 else {
            throw ModelError("the \(what) name '\(name.prefix(32))…' is longer than 255 bytes", fix: "shorten it")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7f }) else {
            throw ModelError("the \(what) name '\(name)' contains a space or control character",
                             fix: "use letters, digits and punctuation only")
        }
        guard names.insert(name).inserted else {
            throw ModelError("the name '\(name)' is used twice", fix: "give every variable and constraint its own name")
        }
    }

    private func check(_ v: Variable) throws(ModelError) {
        guard v.model == id, v.index < variables.count else {
            throw ModelError("variable #\(v.index) belongs to another model", fix: "build each expression from this model's variables")
        }
    }

    private func checkFinite(_ x: Double, _ what: @autoclosure () -> String) throws(ModelError) {
        guard x.isFinite else { throw ModelError("\(what()) is \(x)", fix: "use a finite number") }
    }

    private func checkBounds(_ lower: Double?, _ upper: Double?, _ what: String) throws(ModelError) {
        if let lower, lower.isNaN || lower == .infinity { throw ModelError("\(what) has lower bound \(lower)") }
        if let upper, upper.isNaN || upper == -.infinity { throw ModelError("\(what) has upper bound \(upper)") }
        if let lower, let upper, lower > upper {
            throw ModelError("\(what) has lower bound \(lower) above its upper bound \(upper)",
                             fix: "swap or relax the bounds")
        }
    }

    private func checkedTerms(_ e: LinearExpression, _ what: String) throws(ModelError)
        -> [(variable: Variable, coefficient: Double)] {
        for t in e.terms {
            try check(t.variable)
            try checkFinite(t.coefficient, "the coefficient of '\(variables[t.variable.index].name)' in \(what)")
        }
        let merged = e.merged()
        for t in merged { try checkFinite(t.coefficient, "the merged coefficient of '\(variables[t.variable.index].name)' in \(what)") }
        return merged
    }
}

extension Model {
    /// A cut as a solver made it, made safe to add as a row of this model: the floating-point dust
    /// of its arithmetic (coefficients below a millionth of its largest, and coefficients within
    /// 1e-9 of a whole number) taken out with its side moved by the most it could weigh within the
    /// variables' bounds, so that the row stays valid wherever the cut was; nil when a term to take
    /// out has an unbounded variable. (Rows with such dust left GLPK's bases ill-conditioned and its
    /// proofs wrong: a 30-person week whose root cuts held 2.2e-16 next to 1 was "proved" at 41872,
    /// its optimum being 41868.)
    public func cleanCut(named name: String, terms: [(variable: Variable, coefficient: Double)], lower: Double?,
                         upper: Double?) -> ConstraintDefinition? {
        guard (lower == nil) != (upper == nil) else { return nil }
        let largest = terms.reduce(0) { max($0, abs($1.coefficient)) }
        guard largest > 0, largest.isFinite else { return nil }
        var kept: [(variable: Variable, coefficient: Double)] = []
        var slack = 0.0 // how far the side must move, in the row's favour
        for t in terms {
            let v = variables[t.variable.index]
            var a = t.coefficient, dropped = 0.0
            let whole = a.rounded()
            if abs(a) < 1e-6 * largest {
                dropped = a; a = 0
            } else if whole != 0, abs(a - whole) <= 1e-9 * max(1, abs(whole)) {
                dropped = a - whole; a = whole
            }
            if dropped != 0 {
                guard let lo = v.lower, let up = v.upper else { return nil }
                slack += abs(dropped) * max(abs(lo), abs(up))
            }
            if a != 0 { kept.append((t.variable, a)) }
        }
        guard !kept.isEmpty else { return nil }
        let side = (lower ?? upper)!
        let margin = slack + 1e-9 * max(1, abs(side))
        return ConstraintDefinition(name: name, terms: kept.sorted { $0.variable.index < $1.variable.index },
                                    lower: lower.map { $0 - margin }, upper: upper.map { $0 + margin })
    }
}
