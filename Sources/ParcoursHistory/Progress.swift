// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours progress`: each person's pathway, week by week, from the history — hours against the
// contract, each goal's hours (and their sum over the weeks; for a pathway goal, against the
// plan's own figure and date), the trainings attended, the ramp-up's capacity step. As text for
// the follow-up meeting, as CSV for a spreadsheet.

import ParcoursReports
import ParcoursRoster

/// Participants' published weeks, grouped by participant (in the order the history gives them).
public struct Progress: Sendable {
    public let weeks: [ParticipantWeek]

    public init(_ weeks: [ParticipantWeek]) { self.weeks = weeks }

    /// The weeks of each participant, in order of first appearance.
    public var byParticipant: [(participant: String, weeks: [ParticipantWeek])] {
        var order: [String] = [], weeksOf: [String: [ParticipantWeek]] = [:]
        for w in weeks {
            if weeksOf[w.participant] == nil { order.append(w.participant) }
            weeksOf[w.participant, default: []].append(w)
        }
        return order.map { ($0, weeksOf[$0]!) }
    }

    /// Each goal of a participant's weeks, with its hours asked and achieved summed over them (a
    /// goal is the same goal in two weeks when it names the same activity, skill or training, and
    /// is the share of the same pathway goal or of none).
    public static func cumulated(_ weeks: [ParticipantWeek]) -> [GoalWeek] {
        var order: [String] = [], total: [String: GoalWeek] = [:]
        for goal in weeks.flatMap(\.goals) {
            let key = "\(goal.kind.rawValue) \(goal.subject) \(goal.planBy ?? "")"
            if var sum = total[key] {
                sum.asked += goal.asked; sum.achieved += goal.achieved; total[key] = sum
            } else {
                order.append(key); total[key] = goal
            }
        }
        return order.map { total[$0]! }
    }

    // MARK: Text

    public var text: String {
        guard !weeks.isEmpty else { return "No published week yet: publish one with `parcours publish WEEK ROSTER`.\n" }
        var out = ""
        for (participant, weeks) in byParticipant {
            let name = weeks.last?.name.map { "\($0) (\(participant))" } ?? participant
            out += "\(name)\n"
            for w in weeks {
                var line = "  \(w.week)  \(Self.hours(w.hours)) of \(Self.band(w))"
                if !w.goals.isEmpty { line += "; goals: " + w.goals.map(Self.goalText).joined(separator: ", ") }
                if !w.trainings.isEmpty { line += "; trainings: " + w.trainings.joined(separator: ", ") }
                if let step = w.capacity { line += "; capacity: " + Self.capacityText(step) }
                out += line + "\n"
            }
            if weeks.count > 1 {
                let hours = weeks.reduce(0) { $0 + $1.hours }, target = weeks.reduce(0) { $0 + $1.target }
                var line = "  over \(weeks.count) weeks: \(Self.hours(hours)) against a target of \(Self.hours(target))"
                let goals = Self.cumulated(weeks)
                if !goals.isEmpty { line += "; goals: " + goals.map(Self.totalText).joined(separator: ", ") }
                out += line + "\n"
            }
            out += "\n"
        }
        return out
    }

    static func hours(_ x: Double) -> String { JSON.number(x) + " h" }
    static func number(_ x: Double) -> String { JSON.number(x) }

    static func band(_ w: ParticipantWeek) -> String {
        w.minimum == w.maximum ? hours(w.maximum) : "\(JSON.number(w.minimum))–\(JSON.number(w.maximum)) h (target \(JSON.number(w.target)))"
    }

    /// "2 days, 4 h a day (pathway week 1)".
    static func capacityText(_ step: CapacityStep) -> String {
        let days = step.maxDays.map { "\($0) day\($0 == 1 ? "" : "s")" } ?? "every day"
        return "\(days), \(JSON.number(step.maxHoursPerDay)) h a day (pathway week \(step.pathwayWeek))"
    }

    /// A goal summed over the weeks: a pathway goal against its plan ("cuisine 32/40 h by
    /// 2026-11-27", "training haccp by 2027-03-31: attended"), any other as a week's goal.
    static func totalText(_ g: GoalWeek) -> String {
        guard let by = g.planBy else { return goalText(g) }
        switch g.kind {
        case .training:
            return "training \(g.subject) by \(by): \(g.achieved > 0 ? "attended" : "not attended yet")"
        case .activity, .skill:
            let plan = g.planHours ?? 0
            let what = g.kind == .skill ? "skill \(g.subject)" : g.subject
            return "\(what) \(JSON.number(g.achieved))/\(JSON.number(plan)) h by \(by)\(g.achieved >= plan - 1e-9 ? " (reached)" : "")"
        }
    }

    static func goalText(_ g: GoalWeek) -> String {
        let what = switch g.kind {
        case .activity: g.subject
        case .skill: "skill \(g.subject)"
        case .training: "training \(g.subject)"
        }
        if g.kind == .training && g.asked > 0 { return "\(what) \(g.isMet ? "attended" : "not attended")" }
        return "\(what) \(JSON.number(g.achieved))/\(JSON.number(g.asked)) h\(g.isMet ? "" : " (short)")"
    }

    // MARK: CSV

    public static let columns = ["week", "participant", "name", "hours", "min", "target", "max",
                                 "goal_kind", "goal", "goal_asked", "goal_achieved", "trainings"]

    /// The columns added when some goal is a pathway goal's share, and when some week has a ramp-up step.
    public static let planColumns = ["goal_plan_hours", "goal_by"]
    public static let capacityColumns = ["pathway_week", "max_days", "max_hours_per_day"]

    /// One row per goal of each participant's week (one with empty goal cells for a week without
    /// goals); the plan's and the capacity's columns only when the history holds some.
    public func csv(separator: Character = ",") -> String {
        let text = { (s: String) in RosterCSV.text(s, separator: separator) }
        let number = { (x: Double) in RosterCSV.number(x, separator: separator) }
        let plans = weeks.contains { $0.goals.contains { $0.planBy != nil } }, steps = weeks.contains { $0.capacity != nil }
        var rows = [Self.columns + (plans ? Self.planColumns : []) + (steps ? Self.capacityColumns : [])]
        for w in weeks {
            let head = [w.week, text(w.participant), text(w.name ?? ""), number(w.hours), number(w.minimum), number(w.target), number(w.maximum)]
            let trainings = text(w.trainings.joined(separator: " "))
            let step = !steps ? [] : w.capacity.map { [String($0.pathwayWeek), $0.maxDays.map(String.init) ?? "", number($0.maxHoursPerDay)] }
                ?? ["", "", ""]
            if w.goals.isEmpty { rows.append(head + ["", "", "", "", trainings] + (plans ? ["", ""] : []) + step) }
            for g in w.goals {
                let plan = !plans ? [] : [g.planHours.map(number) ?? "", g.planBy ?? ""]
                rows.append(head + [g.kind.rawValue, text(g.subject), number(g.asked), number(g.achieved), trainings] + plan + step)
            }
        }
        return RosterCSV.sheet(rows, separator: separator)
    }
}
