// SPDX-License-Identifier: GPL-3.0-or-later
//
// The engine's own model of a week, written for other solvers (the peer benchmark solves it with
// HiGHS): free MPS or CPLEX LP, through GLPK's writers.

import Modelling
import ModellingGLPK
import ParcoursScenario

public struct ModelExport: Sendable {
    public let model: Model

    public init(_ scenario: Scenario, frozenBefore: Period? = nil) throws(ModelError) {
        model = try RosterModel(scenario: scenario, frozenBefore: frozenBefore).model
    }

    public var variables: Int { model.variables.count }
    public var integerVariables: Int { model.integerVariableCount }
    public var constraints: Int { model.constraints.count }
    /// The objective's constant (part of the objective in the files too: GLPK writes it).
    public var objectiveConstant: Double { model.objectiveConstant }

    public func writeMPS(to path: String) throws(ModelError) {
        do { try GLPKSolver().writeMPS(model, to: path) } catch { throw ModelError(error.description) }
    }
    public func writeLP(to path: String) throws(ModelError) {
        do { try GLPKSolver().writeLP(model, to: path) } catch { throw ModelError(error.description) }
    }
}
