// SPDX-License-Identifier: GPL-3.0-or-later
//
// Lagrangian reduced-cost fixing: once the decomposition bound is near the best roster, many
// shifts a participant could work cost more, in the bound's own terms, than the gap left. At the
// reduced costs of the bound's round, the pricer's programme gives for each shift and training the
// cheapest week of that participant that has it; the bound rises by what that week costs beyond
// the participant's cheapest, and where it rises past the best roster's objective, no better
// roster has that shift. The second branch-and-cut then searches among the rest (the best roster
// itself, and every better one, stay in).

import Modelling

extension RosterModel {
    /// The assignments and enrolments that are 0 in every roster costing at most `objective`, by
    /// the decomposition's `dual` (participants the pricer's programme does not cover keep theirs).
    func lagrangianFixings(_ dual: LagrangianDual, pricer: ParticipantWeekPricer, below objective: Double) -> [Variable] {
        var fixed: [Variable] = []
        for p in scenario.participants.indices {
            guard let weeks = pricer.cheapestWeeks(p, reducedCosts: dual.reducedCosts) else { continue }
            for j in dual.fixedAtZero(block: p, cheapestWith: weeks.with, below: objective)
            where (model.definition(model.variable(j)).lower ?? 0) <= 0 {
                fixed.append(model.variable(j))
            }
        }
        return fixed
    }
}
