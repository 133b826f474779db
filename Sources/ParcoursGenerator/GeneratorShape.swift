// SPDX-License-Identifier: GPL-3.0-or-later
//
// The shape of a generated week (issue #11): its calendar, how its people are split into sites,
// who supervises what, how much supervision there is, and how round its numbers are. The default
// shape (`GeneratorShape.classic`) is the week the generator has always made, byte for byte up to
// the contract forms; the named presets (`families`) and the benchmark matrix
// (`ScenarioGenerator.matrix`) cover the structures real enterprises have. What each field changes
// in the generated week is documented at the top of ScenarioGenerator.swift.

import Foundation

/// How a generated week is built, besides its size and seed.
public struct GeneratorShape: Sendable, Equatable {
    /// One slot of the day, as written under `calendar.slots`.
    public struct Slot: Sendable, Equatable {
        /// `am`, `pm`, `soir`.
        public var id: String
        /// `"HH:MM"`, 24-hour clock.
        public var start: String
        public var end: String
        /// Paid hours; written as `hours:` only when it differs from end − start (a break inside).
        public var hours: Double

        /// A slot whose hours are end − start unless given (`problems` reports times that are not
        /// HH:MM, or in the wrong order).
        public init(id: String, start: String, end: String, hours: Double? = nil) {
            self.id = id; self.start = start; self.end = end
            self.hours = hours ?? Double((Slot.minutes(end) ?? 0) - (Slot.minutes(start) ?? 0)) / 60
        }

        /// Minutes after midnight of `"HH:MM"`, or nil.
        static func minutes(_ time: String) -> Int? {
            let parts = time.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
                  let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60
            else { return nil }
            return h * 60 + m
        }

        static func clock(_ minutes: Int) -> String {
            let h = minutes / 60, m = minutes % 60
            return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
        }

        /// Minutes between start and end.
        var span: Int { (Slot.minutes(end) ?? 0) - (Slot.minutes(start) ?? 0) }
    }

    /// How participants are split into sites (structures); each site has its own activities.
    public enum Sites: Sendable, Equatable {
        /// round(N / size) sites, at least one, of sizes as equal as possible (today: 25).
        case about(Int)
        /// Exactly this many sites (at most N); `exactly(1)` is one large site.
        case exactly(Int)
    }

    /// Supervisor-hours compared with what the shifts' minimums need.
    public enum Supervision: String, Sendable, Equatable, CaseIterable {
        /// About 45 % of the supervisor-hours the site's shift minimums need.
        case scarce
        /// One supervisor per 8 participants of each site (today's).
        case normal
        /// At least 1.6 × the supervisor-hours the shift minimums need, and never fewer than normal.
        case plentiful
    }

    /// Working days from Monday: 4 (mon–thu), 5 (mon–fri, the default) or 6 (mon–sat).
    public var days: Int
    /// The slots of every day, in order: two or three. Default: am 08:00–12:00, pm 13:00–17:00.
    public var slots: [Slot]
    /// Site layout. Default: sites of about 25 participants.
    public var sites: Sites
    /// false: every supervisor supervises only activities of their own site (the model decomposes
    /// by site). true: some supervisors also supervise activities of one or two neighbouring sites
    /// (two or three sites in all) and, on a site alone, more of its activities.
    public var sharedSupervisors: Bool
    /// How many supervisors each site has.
    public var supervision: Supervision
    /// false: every weekly min, target and max, goal's hours and supervisor's max_hours is a
    /// multiple of 4 (today's). true: they move off the grid by half-hours (min 18.5, target 21,
    /// max 26, goals of 7.5 h, max_hours 31.5).
    public var unevenHours: Bool
    /// false: integer weights and priorities (today's). true: the top-level `weights:` have
    /// fractions (goals 7.5, target 1.5, preference 0.25), goals weigh 1.5 or 2.5, and client
    /// orders have priority 1.5.
    public var fractionalWeights: Bool

    public init(days: Int = 5, slots: [Slot] = GeneratorShape.defaultSlots, sites: Sites = .about(25),
                sharedSupervisors: Bool = false, supervision: Supervision = .normal, unevenHours: Bool = false,
                fractionalWeights: Bool = false) {
        self.days = days; self.slots = slots; self.sites = sites; self.sharedSupervisors = sharedSupervisors
        self.supervision = supervision; self.unevenHours = unevenHours; self.fractionalWeights = fractionalWeights
    }

    public static let defaultSlots = [Slot(id: "am", start: "08:00", end: "12:00"), Slot(id: "pm", start: "13:00", end: "17:00")]

    /// Today's week: mon–fri, 4-hour half-days, sites of about 25 with their own supervisors.
    public static let classic = GeneratorShape()

    /// Why this shape cannot be generated (empty when it can), each with the fix.
    public var problems: [String] {
        var result: [String] = []
        if !(4...6).contains(days) { result.append("days is \(days): use 4 (mon–thu), 5 (mon–fri) or 6 (mon–sat)") }
        if !(2...3).contains(slots.count) { result.append("\(slots.count) slots a day: use two or three") }
        var previousEnd = -1
        for (i, s) in slots.enumerated() {
            guard let start = Slot.minutes(s.start), let end = Slot.minutes(s.end), start < end else {
                result.append("slot \(i + 1) (\(s.id)): '\(s.start)'–'\(s.end)' is not a time range: write HH:MM-HH:MM, start before end")
                continue
            }
            if start < previousEnd { result.append("slot \(i + 1) (\(s.id)) starts at \(s.start), before the previous slot ends") }
            previousEnd = end
            if !(s.hours >= 1 && s.hours <= 8) || (s.hours * 4).rounded() != s.hours * 4 {
                result.append("slot \(i + 1) (\(s.id)): \(s.hours) hours: use 1 to 8 hours in quarters (3.25, 4.5)")
            } else if s.hours * 60 > Double(end - start) {
                result.append("slot \(i + 1) (\(s.id)): \(s.hours) paid hours do not fit in \(s.start)–\(s.end)")
            }
        }
        if Set(slots.map(\.id)).count != slots.count { result.append("slot ids repeat: give each slot its own id") }
        switch sites {
        case .about(let k) where k < 1: result.append("sites of about \(k) participants: use at least 1")
        case .exactly(let k) where k < 1: result.append("\(k) sites: use at least 1")
        default: break
        }
        return result
    }

    /// Slots of the given paid hours with times a planner would write: the first starts at 08:00
    /// (07:30 when it lasts more than 4 h), the second an hour after the first ends (not before
    /// 12:30), the third half an hour after the second; ends are rounded up to the quarter hour.
    /// Two slots are `am`, `pm`; three are `am`, `pm`, `soir`.
    public static func slots(hours: [Double]) -> [Slot] {
        let ids = hours.count == 3 ? ["am", "pm", "soir"] : hours.count == 2 ? ["am", "pm"] : hours.indices.map { "s\($0 + 1)" }
        var result: [Slot] = []
        var start = hours.first.map { $0 > 4 ? 7 * 60 + 30 : 8 * 60 } ?? 480
        for (i, h) in hours.enumerated() {
            let minutes = Int((h * 60).rounded(.up))
            let end = (start + minutes + 14) / 15 * 15
            result.append(Slot(id: ids[i], start: Slot.clock(start), end: Slot.clock(Swift.min(end, 24 * 60)), hours: h))
            start = i == 0 ? Swift.max(end + 60, 12 * 60 + 30) : end + 30
        }
        return result
    }

    /// Parses a `--slots` list: each item is paid hours (`3.25`), a time range (`13:00-16:30`), or
    /// both (`13:00-16:30=3.25`). Hours alone get the times of `slots(hours:)`.
    public static func slots(parsing text: String) -> Result<[Slot], ShapeError> {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let ids = items.count == 3 ? ["am", "pm", "soir"] : items.count == 2 ? ["am", "pm"] : items.indices.map { "s\($0 + 1)" }
        var ranges: [Slot?] = []
        for (i, item) in items.enumerated() {
            if Double(item) != nil { ranges.append(nil); continue }
            let parts = item.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            let range = parts[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2, range.count == 2, let a = Slot.minutes(range[0]), let b = Slot.minutes(range[1]), a < b else {
                return .failure(ShapeError("--slots item \(i + 1) '\(item)' is neither hours nor a time range: "
                    + "write e.g. `--slots 4,3.25` or `--slots 08:00-12:00,13:00-16:30=3.25`"))
            }
            var hours = Double(b - a) / 60
            if parts.count == 2 {
                guard let h = Double(parts[1]) else {
                    return .failure(ShapeError("--slots item \(i + 1) '\(item)': '\(parts[1])' is not a number of hours: write e.g. 13:00-16:30=3.25"))
                }
                hours = h
            }
            ranges.append(Slot(id: ids[i], start: range[0], end: range[1], hours: hours))
        }
        if ranges.allSatisfy({ $0 == nil }) { return .success(slots(hours: items.map { Double($0)! })) }
        if let i = ranges.firstIndex(where: { $0 == nil }) {
            return .failure(ShapeError("--slots item \(i + 1) '\(items[i])' is hours among time ranges: give every slot as hours "
                + "(`--slots 4,3.25`) or every slot as a range (`--slots 08:00-12:00,13:00-16:30=3.25`)"))
        }
        return .success(ranges.map { $0! })
    }

    /// The `parcours generate` options that make this shape (empty for `classic`).
    public var options: String {
        if let family = GeneratorShape.families.first(where: { $0.shape == self }) {
            return family.name == "classic" ? "" : "--family \(family.name)"
        }
        var parts: [String] = []
        if days != 5 { parts.append("--days \(days)") }
        if slots != GeneratorShape.defaultSlots {
            let hoursOnly = GeneratorShape.slots(hours: slots.map(\.hours)) == slots
            let items = slots.map { s in
                hoursOnly ? number(s.hours) : "\(s.start)-\(s.end)" + (Double(s.span) / 60 == s.hours ? "" : "=\(number(s.hours))")
            }
            parts.append("--slots " + items.joined(separator: ","))
        }
        switch sites {
        case .about(25): break
        case .about(let k): parts.append("--site-size \(k)")
        case .exactly(1): parts.append("--one-site")
        case .exactly(let k): parts.append("--sites \(k)")
        }
        if sharedSupervisors { parts.append("--shared-supervisors") }
        if supervision != .normal { parts.append("--supervision \(supervision.rawValue)") }
        if unevenHours { parts.append("--uneven-hours") }
        if fractionalWeights { parts.append("--fractional-weights") }
        return parts.joined(separator: " ")
    }
}

/// A shape that cannot be made, with a message saying what to write instead.
public struct ShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A named preset of `GeneratorShape`.
public struct GeneratorFamily: Sendable, Equatable {
    /// Short kebab-case name (`--family NAME`, matrix names NAME-SIZE).
    public var name: String
    /// One line for `--help` and the generated file's header.
    public var summary: String
    public var shape: GeneratorShape
}

extension GeneratorShape {
    /// The presets, in the order the matrix lists them.
    public static let families: [GeneratorFamily] = [
        GeneratorFamily(name: "classic", summary: "mon–fri, 4 h half-days, sites of ~25, own supervisors (default)",
                        shape: .classic),
        GeneratorFamily(name: "afternoon325", summary: "pm 13:00–16:30 paid 3.25 h, sites of ~12, shared supervisors",
                        shape: GeneratorShape(slots: [Slot(id: "am", start: "08:00", end: "12:00"),
                                                      Slot(id: "pm", start: "13:00", end: "16:30", hours: 3.25)],
                                              sites: .about(12), sharedSupervisors: true)),
        GeneratorFamily(name: "three-slots", summary: "three slots a day: 08:00–11:30, 12:30–16:15, 16:30–19:30",
                        shape: GeneratorShape(slots: [Slot(id: "am", start: "08:00", end: "11:30"),
                                                      Slot(id: "pm", start: "12:30", end: "16:15"),
                                                      Slot(id: "soir", start: "16:30", end: "19:30")])),
        GeneratorFamily(name: "six-days", summary: "mon–sat, 4 h mornings, pm 13:00–16:30 (3.5 h)",
                        shape: GeneratorShape(days: 6, slots: [Slot(id: "am", start: "08:00", end: "12:00"),
                                                               Slot(id: "pm", start: "13:00", end: "16:30")])),
        GeneratorFamily(name: "one-site", summary: "one large site, am 07:30–12:00 (4.5 h), shared supervisors",
                        shape: GeneratorShape(slots: [Slot(id: "am", start: "07:30", end: "12:00"),
                                                      Slot(id: "pm", start: "13:00", end: "17:00")],
                                              sites: .exactly(1), sharedSupervisors: true)),
        GeneratorFamily(name: "scarce", summary: "about 45 % of the supervisor-hours the shifts need",
                        shape: GeneratorShape(supervision: .scarce)),
        GeneratorFamily(name: "plentiful", summary: "3.75 h half-days, more supervisors than the shifts need",
                        shape: GeneratorShape(slots: [Slot(id: "am", start: "08:15", end: "12:00"),
                                                      Slot(id: "pm", start: "13:00", end: "16:45")],
                                              supervision: .plentiful)),
        GeneratorFamily(name: "fractional",
                        summary: "mon–thu, 3.75 h afternoons, uneven hours, fractional weights",
                        shape: GeneratorShape(days: 4, slots: [Slot(id: "am", start: "08:00", end: "12:00"),
                                                               Slot(id: "pm", start: "13:00", end: "16:45")],
                                              unevenHours: true, fractionalWeights: true)),
    ]

    /// The preset with that name.
    public static func family(named name: String) -> GeneratorFamily? { families.first { $0.name == name } }
}

/// `20`, `3.25`, `18.5`: hours and weights as a planner writes them.
func number(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
}
