// SPDX-License-Identifier: GPL-3.0-or-later
//
// The parts of a week being generated: its calendar, sites, activities, supervisors, trainings and
// people, each as the generator draws it (indices into the week's arrays, periods numbered
// day * slots + slot).

let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

/// The week's periods, numbered day * slots + slot: with the default calendar 0 = mon am,
/// 1 = mon pm, …, 9 = fri pm, 4 hours each.
struct GCalendar {
    let days: Int
    /// Paid hours of each slot.
    let hours: [Double]
    var slots: Int { hours.count }
    var count: Int { days * hours.count }
    func day(_ t: Int) -> Int { t / hours.count }
    func slot(_ t: Int) -> Int { t % hours.count }
    func hours(_ t: Int) -> Double { hours[t % hours.count] }
    func period(day: Int, slot: Int) -> Int { day * hours.count + slot }
    /// The ramp-up daily cap: one slot a day (today: 4).
    var halfDay: Double { hours.max()! }
    /// rules.max_hours_per_day: 8, or the two longest slots when they make more (4.5 + 4 = 8.5).
    var fullDay: Double { Swift.max(8, hours.sorted(by: >).prefix(2).reduce(0, +)) }
}

func twoDecimals(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100)." + (fraction.count == 1 ? "0" + fraction : fraction)
}

struct GSite {
    var id: String
    var name: String
    var people: Range<Int>
    var activities: [Int] = []
    var supervisors: [Int] = []
    var access: String { "acces-\(id)" }
}

struct GActivity {
    let cal: GCalendar
    var id: String
    var name: String
    var site: Int
    var kind: ActivityKind
    var tags: [String]
    var develops: [String]
    var requires: [SkillLevel]
    var mentoring: MentoringRule?
    var ratio: Int
    var priority: Double
    /// Base block: days (nil = all) and slots (nil = all).
    var baseDays: [Int]?
    var baseSlots: [Int]?
    /// A later block with max 0 (closed for the team meeting).
    var closed: Int?
    /// A later block raising one period's min and max by `bump`.
    var peak: Int?
    var bump = 2
    var min = 1
    var spread = 2

    func isOpen(_ t: Int) -> Bool {
        if t == closed { return false }
        return (baseDays?.contains(cal.day(t)) ?? true) && (baseSlots?.contains(cal.slot(t)) ?? true)
    }
    var openPeriods: [Int] { (0..<cal.count).filter(isOpen) }
    /// Σ over its open periods of their hours.
    var openHours: Double { openPeriods.reduce(0) { $0 + cal.hours($1) } }
    func minimum(at t: Int) -> Int { isOpen(t) ? min + (t == peak ? bump : 0) : 0 }
    /// Σ over its shifts of min × hours.
    var demandHours: Double { (0..<cal.count).reduce(0) { $0 + Double(minimum(at: $1)) * cal.hours($1) } }
}

struct GSupervisor {
    let cal: GCalendar
    var id: String
    var name: String
    var site: Int
    var activities: [Int] = []
    /// Unavailable period (or whole day when `slot` is nil).
    var offDay: Int?
    var offSlot: Int?
    var reason = ""
    var maxHours: Double?

    func available(_ t: Int) -> Bool {
        guard let offDay else { return true }
        return !(cal.day(t) == offDay && (offSlot == nil || offSlot == cal.slot(t)))
    }
}

struct GTraining {
    var id: String
    var name: String
    var kind: TrainingKind
    var seats: Int
    var minParticipants: Int
    var sessions: [Int]
}

struct GUnavailable { var day: Int; var slot: Int?; var reason: String }

enum GGoal {
    case activity(Int, hours: Double)
    case skill(String, hours: Double, weight: Double)
    case training(Int, weight: Double)
}

enum GFixed {
    case activity(Int, period: Int)
    case training(Int)
}

struct GPerson {
    let cal: GCalendar
    var id: String
    var name: String
    var site: Int
    /// Sites whose induction they have: their own, sometimes the next one too.
    var sites: [Int]
    var min: Double = 20, target: Double = 24, max: Double = 28
    var exact = false
    var dailyCap: Double?
    var writeDailyCap = false
    var maxDays: Int?
    var unavailable: [GUnavailable] = []
    /// Whitelist (`available:`) of periods, when set.
    var only: [Int]?
    var skills: [String: Int] = [:]
    var restrictions: [String] = []
    var goals: [GGoal] = []
    var likes: [Int] = []
    var dislikes: [Int] = []
    var avoid: [Int] = []
    var fixed: GFixed?

    func level(_ skill: String) -> Int { skills[skill] ?? 0 }

    func available(_ t: Int) -> Bool {
        if let only { return only.contains(t) }
        return !unavailable.contains { $0.day == cal.day(t) && ($0.slot == nil || $0.slot == cal.slot(t)) }
    }
    /// Available in t, and t fits within the daily cap.
    func canWork(_ t: Int) -> Bool { available(t) && cal.hours(t) <= cap }
    var cap: Double { dailyCap ?? cal.fullDay }
    var daysCap: Int { maxDays ?? cal.days }
}
