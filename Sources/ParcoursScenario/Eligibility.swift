// SPDX-License-Identifier: GPL-3.0-or-later
//
// Who may ever be where, from the week's data alone: an activity's requirements (H6) and tags
// against a participant's restrictions (H7), a training's prerequisites. The model, the roster
// validator and the explanations all ask here, so that they cannot disagree. (The roster checker
// does not: it recomputes every rule on its own, on purpose.)

/// A skill level someone is below: what an activity requires or a training asks first.
public struct MissingLevel: Sendable, Equatable {
    public let skill: String
    /// The level asked.
    public let needed: Int
    /// The participant's level (0 when the skill is not theirs at all).
    public let has: Int

    public init(skill: String, needed: Int, has: Int) { self.skill = skill; self.needed = needed; self.has = has }
}

extension Participant {
    /// The levels the activity requires that this participant is below (H6), by skill name.
    public func missingLevels(for activity: Activity) -> [MissingLevel] { missing(activity.requires) }

    /// The activity's tags that are among this participant's restrictions (H7), in the activity's order.
    public func restrictedTags(of activity: Activity) -> [String] { activity.tags.filter(restrictions.contains) }

    /// Whether the participant may ever work in the activity: every required level met (H6) and
    /// none of its tags among their restrictions (H7). Availability is the period's question, not this one.
    public func mayWork(in activity: Activity) -> Bool {
        activity.requires.allSatisfy { level($0.key) >= $0.value } && !activity.tags.contains(where: restrictions.contains)
    }

    /// The training's prerequisites this participant is below, by skill name.
    public func missingPrerequisites(of training: Training) -> [MissingLevel] { missing(training.prerequisites) }

    /// Whether the participant meets every prerequisite of the training.
    public func meetsPrerequisites(of training: Training) -> Bool {
        training.prerequisites.allSatisfy { level($0.key) >= $0.value }
    }

    private func missing(_ levels: [String: Int]) -> [MissingLevel] {
        levels.sorted { $0.key < $1.key }.compactMap { skill, needed in
            level(skill) < needed ? MissingLevel(skill: skill, needed: needed, has: level(skill)) : nil
        }
    }
}
