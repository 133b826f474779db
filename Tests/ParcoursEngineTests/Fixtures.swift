// SPDX-License-Identifier: GPL-3.0-or-later
//
// Tiny weeks for hand-checked tests: one or two days of two 4-hour slots, default weights
// (coverage 100, contract 50, goals 10, target 2, preference 1, stability 5).

import ParcoursScenario
@testable import ParcoursEngine

/// A participant who costs 2 × 4 = 8 (target) for each period worked, and wants nothing else.
func person(_ id: String, min: Double = 0, max: Double = 8, target: Double = 0) -> Participant {
    Participant(id: id, hours: HoursBand(min: min, max: max, target: target))
}

/// An activity open in the listed slots of every day, needing no supervisor.
func activity(_ id: String, slots: [String] = ["am"], min: Int = 1, max: Int = 1, priority: Double = 1,
              ratio: Int = 0) -> Activity {
    Activity(id: id, supervisionRatio: ratio, priority: priority, open: [OpenBlock(slots: slots, min: min, max: max)])
}

func week(_ participants: [Participant], _ activities: [Activity], days: [Day] = [.mon],
          supervisors: [Supervisor] = [], trainings: [Training] = [], skills: [String] = [],
          weights: Weights = Weights(), baseline: [BaselineEntry]? = nil) -> Scenario {
    Scenario(name: "test", calendar: Calendar(days: days), weights: weights, skills: skills.map { Skill(id: $0) },
             participants: participants, supervisors: supervisors, activities: activities, trainings: trainings,
             baseline: baseline)
}

/// Solves and checks the roster with the independent checker.
func solve(_ scenario: Scenario, _ options: EngineOptions = EngineOptions(timeLimit: 30)) -> Roster {
    RosterEngine().solve(scenario, options: options)
}

/// "p mon am A" strings for the roster's assignments, in roster order.
func lines(_ roster: Roster) -> [String] {
    roster.assignments.map { a in
        switch a.place {
        case .activity(let id): return "\(a.participant) \(a.day.rawValue) \(a.slot) \(id)"
        case .training(let id): return "\(a.participant) \(a.day.rawValue) \(a.slot) training \(id)"
        }
    }
}

func unmet(_ roster: Roster) -> [String] {
    roster.unmet.map { "\($0.activity) \($0.day.rawValue) \($0.slot) \($0.missing)" }
}
