// SPDX-License-Identifier: GPL-3.0-or-later
//
// The scenario as the engine sees it: contract §1–3 after parsing, with every shorthand expanded
// ("hours: 26", "all", availability lists) but defaults that depend on `rules` left optional, so
// that a variant changing `rules` still changes them. Everything is a value; order is the file's.

/// A day of the week, as the contract names it.
public enum Day: String, CaseIterable, Sendable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    public static func < (lhs: Day, rhs: Day) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A slot of the day (`am`, `pm`, …) with its paid hours.
public struct Slot: Sendable, Equatable, Codable {
    public var id: String
    public var start: String?
    public var end: String?
    public var hours: Double

    public init(id: String, start: String? = nil, end: String? = nil, hours: Double) {
        self.id = id; self.start = start; self.end = end; self.hours = hours
    }
}

/// One (day, slot) pair of the calendar, with its position.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Position in `Calendar.periods` (days outer, slots inner).
    public var index: Int
    public var day: Day
    public var dayIndex: Int
    public var slot: String
    public var slotIndex: Int
    public var hours: Double

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.index < rhs.index }
    public var description: String { "\(day.rawValue) \(slot)" }
}

/// The week: days in order and the slots of each day.
public struct Calendar: Sendable, Equatable {
    public var days: [Day]
    public var slots: [Slot]

    public static let defaultSlots = [
        Slot(id: "am", start: "08:00", end: "12:00", hours: 4),
        Slot(id: "pm", start: "13:00", end: "17:00", hours: 4),
    ]

    public init(days: [Day] = [.mon, .tue, .wed, .thu, .fri], slots: [Slot] = Calendar.defaultSlots) {
        self.days = days; self.slots = slots
    }

    /// Every period of the week, days outer and slots inner.
    public var periods: [Period] {
        var result: [Period] = []
        for (d, day) in days.enumerated() {
            for (s, slot) in slots.enumerated() {
                result.append(Period(index: d * slots.count + s, day: day, dayIndex: d,
                                     slot: slot.id, slotIndex: s, hours: slot.hours))
            }
        }
        return result
    }

    /// The period for a day and slot id, if both belong to the calendar.
    public func period(day: Day, slot: String) -> Period? {
        guard let d = days.firstIndex(of: day), let s = slots.firstIndex(where: { $0.id == slot }) else {
            return nil
        }
        return Period(index: d * slots.count + s, day: day, dayIndex: d, slot: slot, slotIndex: s,
                      hours: slots[s].hours)
    }
}

/// A day, or one slot of a day when `slot` is set; used by availability lists.
public struct TimeRef: Sendable, Equatable, Hashable {
    public var day: Day
    /// `nil` means the whole day.
    public var slot: String?
    public var reason: String?
    /// A paid absence (`paid: true` on an `unavailable` entry): its hours count towards the
    /// contract and target terms as if worked.
    public var paid: Bool

    public init(day: Day, slot: String? = nil, reason: String? = nil, paid: Bool = false) {
        self.day = day; self.slot = slot; self.reason = reason; self.paid = paid
    }

    public func covers(_ period: Period) -> Bool {
        period.day == day && (slot == nil || slot == period.slot)
    }
}

/// When a person can work: always, only in listed times, or except in listed times.
public enum Availability: Sendable, Equatable {
    case always
    case only([TimeRef])
    case except([TimeRef])

    public func allows(_ period: Period) -> Bool {
        switch self {
        case .always: return true
        case .only(let refs): return refs.contains { $0.covers(period) }
        case .except(let refs): return !refs.contains { $0.covers(period) }
        }
    }
}

public struct Skill: Sendable, Equatable {
    public var id: String
    public var name: String?
    public init(id: String, name: String? = nil) { self.id = id; self.name = name }
}

/// Weekly hours of a participant's contract: 0 <= min <= target <= max.
public struct HoursBand: Sendable, Equatable {
    public var min: Double
    public var max: Double
    public var target: Double
    public init(min: Double, max: Double, target: Double) {
        self.min = min; self.max = max; self.target = target
    }
    /// `hours: 26` — min = max = target.
    public init(exactly hours: Double) { self.init(min: hours, max: hours, target: hours) }
}

/// A participant's current ramp-up. `nil` fields take the defaults (rules.max_hours_per_day, every day).
public struct Capacity: Sendable, Equatable {
    public var maxHoursPerDay: Double?
    public var maxDays: Int?
    public init(maxHoursPerDay: Double? = nil, maxDays: Int? = nil) {
        self.maxHoursPerDay = maxHoursPerDay; self.maxDays = maxDays
    }
}

/// A goal of a participant's pathway.
public struct Goal: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// At least `hours` in that activity.
        case activity(String, hours: Double)
        /// At least `hours` in activities developing the skill or trainings teaching it.
        case skill(String, hours: Double)
        /// Be enrolled in that training.
        case training(String)
    }
    public var kind: Kind
    public var weight: Double
    /// The pathway goal this week's goal is the share of (set from the history of published
    /// weeks, `parcours solve --history`); nil for a goal written under `goals`.
    public var plan: PathwayGoal?
    public init(_ kind: Kind, weight: Double = 1, plan: PathwayGoal? = nil) { self.kind = kind; self.weight = weight; self.plan = plan }
}

/// A pinned assignment: an activity in one period, or an enrolment in a training.
public struct FixedItem: Sendable, Equatable {
    public enum Place: Sendable, Equatable {
        case activity(String)
        case training(String)
    }
    public var place: Place
    /// Required for an activity; optional for a training (then it must be one of its sessions).
    public var day: Day?
    public var slot: String?
    public init(place: Place, day: Day? = nil, slot: String? = nil) {
        self.place = place; self.day = day; self.slot = slot
    }
}

public struct Participant: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var hours: HoursBand
    public var capacity: Capacity
    public var availability: Availability
    /// Skill id → level (>= 1). Absent = 0.
    public var skills: [String: Int]
    public var restrictions: [String]
    public var goals: [Goal]
    public var likes: [String]
    public var dislikes: [String]
    public var avoid: [String]
    public var fixed: [FixedItem]
    /// `limits: {standing: 4}`: at most that many hours a day in activities carrying the tag.
    public var limits: [String: Double] = [:]
    /// `pathway: {start, ramp_up, goals, contract}` (optional, Parcours's own): when the pathway
    /// started, how the capacity grows (`Scenario.capacity(_:)` gives this week's), and what the
    /// weeks owe it together (read with the history of published weeks).
    public var pathway: Pathway?

    public init(id: String, name: String? = nil, hours: HoursBand, capacity: Capacity = Capacity(),
                availability: Availability = .always, skills: [String: Int] = [:],
                restrictions: [String] = [], goals: [Goal] = [], likes: [String] = [],
                dislikes: [String] = [], avoid: [String] = [], fixed: [FixedItem] = []) {
        self.id = id; self.name = name; self.hours = hours; self.capacity = capacity
        self.availability = availability; self.skills = skills; self.restrictions = restrictions
        self.goals = goals; self.likes = likes; self.dislikes = dislikes; self.avoid = avoid
        self.fixed = fixed
    }

    public func level(_ skill: String) -> Int { skills[skill] ?? 0 }
    public var displayName: String { name ?? id }

    /// The unavailable times marked `paid: true` (absences that count as worked hours).
    public var paidAbsences: [TimeRef] {
        if case .except(let refs) = availability { return refs.filter(\.paid) }
        return []
    }
}

public struct Supervisor: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// Activities they can supervise.
    public var activities: [String]
    public var availability: Availability
    /// Weekly cap; `nil` = no cap.
    public var maxHours: Double?

    public init(id: String, name: String? = nil, activities: [String], availability: Availability = .always,
                maxHours: Double? = nil) {
        self.id = id; self.name = name; self.activities = activities
        self.availability = availability; self.maxHours = maxHours
    }
}

/// "At most `ratio` people below `level` in `skill` per person at or above it."
public struct Mentoring: Sendable, Equatable {
    public var skill: String
    public var level: Int
    public var ratio: Int
    public init(skill: String, level: Int, ratio: Int) { self.skill = skill; self.level = level; self.ratio = ratio }
}

/// One `open` block: the periods it names and their min/max staffing.
public struct OpenBlock: Sendable, Equatable {
    /// `nil` = all days of the calendar.
    public var days: [Day]?
    /// `nil` = all slots.
    public var slots: [String]?
    public var min: Int
    public var max: Int

    public init(days: [Day]? = nil, slots: [String]? = nil, min: Int, max: Int) {
        self.days = days; self.slots = slots; self.min = min; self.max = max
    }

    public func covers(_ period: Period) -> Bool {
        (days?.contains(period.day) ?? true) && (slots?.contains(period.slot) ?? true)
    }
}

/// Staffing of one period of an activity, after applying its blocks in order.
public struct ShiftDemand: Sendable, Equatable {
    public var min: Int
    public var max: Int
}

public struct Activity: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var site: String?
    public var tags: [String]
    public var develops: [String]
    public var requires: [String: Int]
    public var mentoring: Mentoring?
    /// `nil` = rules.supervision_ratio; 0 = needs no supervisor.
    public var supervisionRatio: Int?
    public var priority: Double
    public var open: [OpenBlock]

    public init(id: String, name: String? = nil, site: String? = nil, tags: [String] = [],
                develops: [String] = [], requires: [String: Int] = [:], mentoring: Mentoring? = nil,
                supervisionRatio: Int? = nil, priority: Double = 1, open: [OpenBlock] = []) {
        self.id = id; self.name = name; self.site = site; self.tags = tags; self.develops = develops
        self.requires = requires; self.mentoring = mentoring; self.supervisionRatio = supervisionRatio
        self.priority = priority; self.open = open
    }

    /// The staffing of a period: the last block naming it wins; `nil` when no block names it
    /// or the winning block has `max: 0` (closed).
    public func demand(in period: Period) -> ShiftDemand? {
        guard let block = open.last(where: { $0.covers(period) }), block.max > 0 else { return nil }
        return ShiftDemand(min: block.min, max: block.max)
    }
}

public struct Training: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var teaches: [String]
    public var seats: Int
    /// 0 = always may run.
    public var minParticipants: Int
    public var prerequisites: [String: Int]
    /// Distinct periods; each is attended by every enrolled participant.
    public var sessions: [TimeRef]
    /// Who may enrol (`open_to`); `nil` = everyone. A participant pinned to the training may always.
    public var openTo: OpenTo?

    /// `open_to: goals` (those with a goal for the training: a training goal naming it, or a skill
    /// goal for a skill it teaches) or `open_to: [ids]`.
    public enum OpenTo: Sendable, Equatable {
        case goals
        case participants([String])
    }

    /// Whether `p` may enrol, by `open_to` (prerequisites and availability aside).
    public func isOpen(to p: Participant) -> Bool {
        if p.fixed.contains(where: { $0.place == .training(id) }) { return true }
        switch openTo {
        case nil: return true
        case .participants(let ids)?: return ids.contains(p.id)
        case .goals?:
            return p.goals.contains { goal in
                switch goal.kind {
                case .training(let k): return k == id
                case .skill(let skill, _): return teaches.contains(skill)
                case .activity: return false
                }
            }
        }
    }

    public init(id: String, name: String? = nil, teaches: [String] = [], seats: Int, minParticipants: Int = 0,
                prerequisites: [String: Int] = [:], sessions: [TimeRef]) {
        self.id = id; self.name = name; self.teaches = teaches; self.seats = seats
        self.minParticipants = minParticipants; self.prerequisites = prerequisites; self.sessions = sessions
    }
}

public struct Rules: Sendable, Equatable {
    public var supervisionRatio: Int
    public var maxHoursPerDay: Double
    /// `fairness_weeks` (Parcours's own): how many published weeks fairness over weeks looks back on.
    public var fairnessWeeks: Int
    public init(supervisionRatio: Int = 8, maxHoursPerDay: Double = 8, fairnessWeeks: Int = 4) {
        self.supervisionRatio = supervisionRatio; self.maxHoursPerDay = maxHoursPerDay; self.fairnessWeeks = fairnessWeeks
    }
}

/// Objective weights (contract §3, §5).
public struct Weights: Sendable, Equatable {
    public var coverage: Double
    public var contract: Double
    public var goals: Double
    public var target: Double
    public var preference: Double
    public var stability: Double
    /// `fairness` (Parcours's own, default 0: off): per hour of disliked minus liked work, times
    /// how far the person's recent weeks held more of it than the group's (with the history).
    public var fairness: Double
    public init(coverage: Double = 100, contract: Double = 50, goals: Double = 10, target: Double = 2,
                preference: Double = 1, stability: Double = 5, fairness: Double = 0) {
        self.coverage = coverage; self.contract = contract; self.goals = goals; self.target = target
        self.preference = preference; self.stability = stability; self.fairness = fairness
    }
}

/// One published assignment of a participant (roster format): an activity or a training session.
public struct BaselineEntry: Sendable, Equatable {
    public enum Place: Sendable, Equatable {
        case activity(String)
        case training(String)
    }
    public var participant: String
    public var day: Day
    public var slot: String
    public var place: Place
    public init(participant: String, day: Day, slot: String, place: Place) {
        self.participant = participant; self.day = day; self.slot = slot; self.place = place
    }
}

/// A whole scenario file (contract §1).
public struct Scenario: Sendable, Equatable {
    public var name: String
    /// ISO date of the first day, `YYYY-MM-DD`.
    public var week: String?
    public var timezone: String?
    public var calendar: Calendar
    public var rules: Rules
    public var weights: Weights
    public var skills: [Skill]
    public var participants: [Participant]
    public var supervisors: [Supervisor]
    public var activities: [Activity]
    public var trainings: [Training]
    /// The roster already published, or `nil` when there is none.
    public var baseline: [BaselineEntry]?
    /// Fairness over weeks as this week applies it (Parcours's own): set from the history of
    /// published weeks when `weights.fairness` > 0 (`parcours solve --history`); nil otherwise,
    /// and the objective is the contract's.
    public var fairness: FairnessOverWeeks?

    public init(name: String, week: String? = nil, timezone: String? = nil, calendar: Calendar = Calendar(),
                rules: Rules = Rules(), weights: Weights = Weights(), skills: [Skill] = [],
                participants: [Participant] = [], supervisors: [Supervisor] = [], activities: [Activity] = [],
                trainings: [Training] = [], baseline: [BaselineEntry]? = nil) {
        self.name = name; self.week = week; self.timezone = timezone; self.calendar = calendar
        self.rules = rules; self.weights = weights; self.skills = skills; self.participants = participants
        self.supervisors = supervisors; self.activities = activities; self.trainings = trainings
        self.baseline = baseline
    }

    // Resolved defaults.
    public func maxHoursPerDay(_ p: Participant) -> Double { capacity(p).maxHoursPerDay ?? rules.maxHoursPerDay }
    public func maxDays(_ p: Participant) -> Int { capacity(p).maxDays ?? calendar.days.count }
    public func supervisionRatio(_ a: Activity) -> Int { a.supervisionRatio ?? rules.supervisionRatio }

    /// The periods of a training's sessions, in calendar order (sessions outside the calendar are dropped;
    /// validation reports them).
    public func sessionPeriods(_ k: Training) -> [Period] {
        k.sessions.compactMap { ref in ref.slot.flatMap { calendar.period(day: ref.day, slot: $0) } }.sorted()
    }

    /// The hours of p's paid absences (`paid: true`), each period counted once: they count towards
    /// the contract and target terms as if worked.
    public func paidHours(_ p: Participant) -> Double {
        let paid = p.paidAbsences
        guard !paid.isEmpty else { return 0 }
        return calendar.periods.filter { t in paid.contains { $0.covers(t) } }.reduce(0) { $0 + $1.hours }
    }
}
