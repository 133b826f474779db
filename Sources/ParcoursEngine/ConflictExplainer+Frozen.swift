// SPDX-License-Identifier: GPL-3.0-or-later
//
// Replanning (`--freeze-before`): before the frozen period every participant keeps their published
// state. For the conflict search that state is written into the week itself — a published
// assignment or enrolment as one more pin, a published idle period as an absence — so that each
// can be relaxed on its own: "Paul D. (p13)'s published assignment to boulangerie on mon am is
// kept (frozen before tue am)", fixed by freezing fewer periods. They are tried a whole period at
// a time (the planner's unit: `--freeze-before`), then person by person within the periods that
// conflict. A published idle period is relaxable where a pin of the person's own falls; elsewhere
// it stays a hard rule (one instance per person and period would be too many to try).

import ParcoursScenario

extension ConflictExplainer {
    /// The published states before the frozen period, as the week's own pins and absences.
    struct Freeze {
        let before: Period
        /// How many of each participant's `fixed` items are their own (the frozen ones follow).
        var ownPins: [Int]
        /// One instance per frozen period, whose members are the published states then, person by person.
        var periods: [RuleInstance] = []
        private(set) var idlePeriods = Set<[Int]>()

        init(before: Period, ownPins: [Int]) { self.before = before; self.ownPins = ownPins }

        /// Whether p's idle period t is kept as an absence that a pin of their own falls in.
        func isIdle(_ p: Int, _ t: Period) -> Bool { idlePeriods.contains([p, t.index]) }

        func fix(_ t: Period) -> String { "freeze before \(t) instead (--freeze-before \(t.day.rawValue).\(t.slot)), so that it can change" }

        mutating func markIdle(_ p: Int, _ t: Period) { idlePeriods.insert([p, t.index]) }
    }

    /// The week with its published states before `before` written in, or the week as it is.
    static func freezing(_ scenario: Scenario, before: Period?) -> (Scenario, Freeze?) {
        guard let before, let baseline = scenario.baseline else { return (scenario, nil) }
        var week = scenario
        var freeze = Freeze(before: before, ownPins: scenario.participants.map(\.fixed.count))
        var members: [Int: [RuleInstance]] = [:]   // by period index
        let index = Dictionary(scenario.participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var published = Set<[Int]>()
        for (i, entry) in baseline.enumerated() {
            guard let p = index[entry.participant], let t = scenario.calendar.period(day: entry.day, slot: entry.slot), t < before else { continue }
            published.insert([p, t.index])
            let item: FixedItem, place: String
            switch entry.place {
            case .activity(let a): (item, place) = (FixedItem(place: .activity(a), day: entry.day, slot: entry.slot), "assignment to \(a)")
            case .training(let k): (item, place) = (FixedItem(place: .training(k)), "enrolment in \(k)")
            }
            guard !week.participants[p].fixed.contains(where: { $0 == item || (item.day == nil && $0.place == item.place) }) else { continue }
            week.participants[p].fixed.append(item)
            let who = named(scenario.participants[p].name, entry.participant)
            members[t.index, default: []].append(RuleInstance(
                rule: .fixed, text: "\(who)'s published \(place) on \(t) is kept (frozen before \(before)).", path: "baseline/\(i)",
                fix: freeze.fix(t), relax: { s in
                    if let j = s.participants[p].fixed.firstIndex(of: item) { s.participants[p].fixed.remove(at: j) }
                }, frozen: true))
        }
        // Every published idle period is kept (someone free then could otherwise mentor, or make a
        // training's minimum); it is relaxable where a pin of the person's own falls.
        let slots = scenario.calendar.slots.map(\.id)
        for (p, person) in scenario.participants.enumerated() {
            var occupied = Set<Period>()
            for item in person.fixed {
                switch item.place {
                case .activity:
                    if let d = item.day, let s = item.slot, let t = scenario.calendar.period(day: d, slot: s) { occupied.insert(t) }
                case .training(let k):
                    if let training = scenario.trainings.first(where: { $0.id == k }) { occupied.formUnion(scenario.sessionPeriods(training)) }
                }
            }
            for t in scenario.calendar.periods where t < before && !published.contains([p, t.index]) && person.availability.allows(t) {
                makeUnavailable(&week.participants[p].availability, at: t, slots: slots)
                guard occupied.contains(t) else { continue }
                freeze.markIdle(p, t)
                members[t.index, default: []].append(RuleInstance(
                    rule: .fixed, text: "\(named(person.name, person.id)) was idle on \(t) in the published roster, which is kept (frozen before \(before)).",
                    path: "participants/\(person.id)", fix: freeze.fix(t), relax: { s in
                        makeAvailable(&s.participants[p].availability, at: t, slots: s.calendar.slots.map(\.id))
                    }, frozen: true))
            }
        }
        // Latest first: the deletion filter relaxes what it can in order, so the conflict keeps the
        // earliest period that cannot be kept (the one to freeze before).
        for t in scenario.calendar.periods.reversed() {
            guard let those = members[t.index] else { continue }
            freeze.periods.append(RuleInstance(rule: .fixed, text: "the published roster of \(t) is kept (frozen before \(before)).",
                                               path: "baseline", fix: freeze.fix(t), relax: { s in for m in those { m.relax(&s) } },
                                               frozen: true, members: those))
        }
        return (week, freeze)
    }

    /// Availability without `t` (a whole day in an `available` list keeps its other slots).
    static func makeUnavailable(_ availability: inout Availability, at t: Period, slots: [String]) {
        switch availability {
        case .always: availability = .except([TimeRef(day: t.day, slot: t.slot)])
        case .except(let refs): availability = .except(refs + [TimeRef(day: t.day, slot: t.slot)])
        case .only(let refs): availability = .only(removing(t, from: refs, slots: slots))
        }
    }
}
