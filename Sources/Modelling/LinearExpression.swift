// SPDX-License-Identifier: GPL-3.0-or-later
//
// Variables and affine expressions: the vocabulary of a model, with no solver in sight.

/// A decision variable of one `Model`.
public struct Variable: Hashable, Comparable, Sendable {
    /// Position in `Model.variables`.
    public let index: Int
    let model: UInt32

    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }
}

public enum VariableKind: Sendable, Equatable {
    case continuous, integer, binary
}

/// Σ coefficient × variable + constant. Terms may repeat until the expression is added to a model,
/// where they are merged in variable order (so models are built deterministically).
public struct LinearExpression: Sendable {
    public internal(set) var terms: [(variable: Variable, coefficient: Double)]
    public var constant: Double

    public init(_ constant: Double = 0) {
        terms = []
        self.constant = constant
    }

    public init(_ variable: Variable, _ coefficient: Double = 1) {
        terms = [(variable, coefficient)]
        constant = 0
    }

    public init<S: Sequence>(sum terms: S, constant: Double = 0) where S.Element == (Variable, Double) {
        self.terms = terms.map { (variable: $0.0, coefficient: $0.1) }
        self.constant = constant
    }

    public var isConstant: Bool { terms.allSatisfy { $0.coefficient == 0 } }

    public mutating func add(_ variable: Variable, _ coefficient: Double = 1) {
        terms.append((variable, coefficient))
    }

    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        terms.reserveCapacity(terms.count + other.terms.count)
        for t in other.terms { terms.append((t.variable, t.coefficient * factor)) }
        constant += other.constant * factor
    }

    /// The terms merged by variable, in variable order, zeros dropped.
    public func merged() -> [(variable: Variable, coefficient: Double)] {
        let sorted = terms.enumerated().sorted {
            $0.element.variable.index != $1.element.variable.index
                ? $0.element.variable.index < $1.element.variable.index : $0.offset < $1.offset
        }
        var result: [(variable: Variable, coefficient: Double)] = []
        result.reserveCapacity(sorted.count)
        for (_, t) in sorted {
            if let last = result.last, last.variable == t.variable {
                result[result.count - 1].coefficient += t.coefficient
            } else {
                result.append(t)
            }
        }
        return result.filter { $0.coefficient != 0 }
    }

    /// The value of the expression for a vector of variable values (by variable index).
    public func value(_ values: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.coefficient * values[$1.variable.index] }
    }
}

// MARK: Arithmetic

public func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var e = lhs; e.add(rhs); return e
}
public func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var e = lhs; e.add(rhs, times: -1); return e
}
public prefix func - (e: LinearExpression) -> LinearExpression {
    var r = LinearExpression(); r.add(e, times: -1); return r
}
public func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
    var r = LinearExpression(); r.add(rhs, times: lhs); return r
}
public func * (lhs: Double, rhs: Variable) -> LinearExpression { LinearExpression(rhs, lhs) }
public func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression { var e = lhs; e.add(rhs); return e }
public func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression { var e = lhs; e.add(rhs, -1); return e }
public func + (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) + rhs }
public func - (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) - rhs }
public func + (lhs: LinearExpression, rhs: Double) -> LinearExpression { var e = lhs; e.constant += rhs; return e }
public func - (lhs: LinearExpression, rhs: Double) -> LinearExpression { var e = lhs; e.constant -= rhs; return e }
public func - (lhs: Double, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) - rhs }
public func - (lhs: Double, rhs: Variable) -> LinearExpression { LinearExpression(lhs) - rhs }
public func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }
public func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(rhs) }
public func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs, times: -1) }

// MARK: Constraints

/// `lower <= expression <= upper`, either side optional.
public struct LinearConstraint: Sendable {
    public var expression: LinearExpression
    public var lower: Double?
    public var upper: Double?

    public init(_ expression: LinearExpression, lower: Double?, upper: Double?) {
        self.expression = expression; self.lower = lower; self.upper = upper
    }
}

public func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, lower: nil, upper: 0)
}
public func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, lower: 0, upper: nil)
}
public func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, lower: 0, upper: 0)
}
public func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint { LinearConstraint(lhs, lower: nil, upper: rhs) }
public func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint { LinearConstraint(lhs, lower: rhs, upper: nil) }
public func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint { LinearConstraint(lhs, lower: rhs, upper: rhs) }
public func <= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) <= rhs }
public func >= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) >= rhs }
public func <= (lhs: Variable, rhs: Variable) -> LinearConstraint { LinearExpression(lhs) <= LinearExpression(rhs) }
public func <= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) <= rhs }
public func <= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs <= LinearExpression(rhs) }
public func >= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs >= LinearExpression(rhs) }
extension LinearConstraint {
    /// `lower <= expression <= upper`: a ranged constraint.
    public static func between(_ lower: Double, _ expression: LinearExpression, _ upper: Double) -> LinearConstraint {
        LinearConstraint(expression, lower: lower, upper: upper)
    }
}
