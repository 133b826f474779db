// SPDX-License-Identifier: GPL-3.0-or-later
//
// A generated week's sites with their activities, its trainings, and each site's demand (the
// activities' minimums). The distributions are documented where they are drawn, and at the top of
// ScenarioGenerator.swift.

import ParcoursScenario

extension GeneratedWeek {
    // MARK: Sites and activities

    mutating func makeSites(_ rng: inout SplitMix64) {
        // Sites of about 25 participants (or the shape's size, or its exact count); sizes differ
        // by at most one.
        let count: Int
        switch shape.sites {
        case .about(let size): count = Swift.max(1, Int((Double(n) / Double(size)).rounded()))
        case .exactly(let k): count = Swift.max(1, Swift.min(k, n))
        }
        var start = 0
        for s in 0..<count {
            let size = n / count + (s < n % count ? 1 : 0)
            let base = Catalogue.siteNames[s % Catalogue.siteNames.count]
            let name = s < Catalogue.siteNames.count ? base : "\(base) \(s / Catalogue.siteNames.count + 1)"
            sites.append(GSite(id: "s\(s + 1)", name: name, people: start..<(start + size)))
            accessSkills.append((id: "acces-s\(s + 1)", name: "Accueil sécurité du site s\(s + 1) – \(name)"))
            start += size
        }
        for s in sites.indices {
            // About one activity per 6 participants, kinds drawn without repeats; a site of more
            // than 96 (16 kinds × 6) has second and third teams of some kinds (`s1-cuisine-2`).
            let size = sites[s].people.count
            let count = Swift.max(1, Int((Double(size) / 6).rounded()))
            var kinds: [Int] = []
            while kinds.count < count {
                kinds += rng.shuffled(Array(Catalogue.activities.indices)).prefix(count - kinds.count)
            }
            for (position, k) in kinds.enumerated() {
                let kind = Catalogue.activities[k]
                let team = position / Catalogue.activities.count + 1
                let key = team == 1 ? kind.key : "\(kind.key)-\(team)"
                let teamName = team == 1 ? kind.name : "\(kind.name) (équipe \(team))"
                var a = GActivity(cal: cal, id: "\(sites[s].id)-\(key)", name: "\(teamName) – \(sites[s].name)", site: s, kind: kind,
                                  tags: kind.tags, develops: kind.develops,
                                  requires: [SkillLevel(skill: sites[s].access, level: 1)] + kind.requires,
                                  mentoring: size >= 8 ? kind.mentoring : nil, ratio: kind.ratio, priority: Double(kind.priority))
                // Supervision ratio: the kind's (0, 6, 8 or 10); 30 % of the supervised ones move by
                // ±2 within 6–10, and 6 % of them need no supervisor at all (an autonomous team).
                if a.ratio > 0 {
                    if rng.chance(0.30) { a.ratio = Swift.min(10, Swift.max(6, a.ratio + rng.pick([-2, 2]))) }
                    if rng.chance(0.06) { a.ratio = 0 }
                }
                // Priority 2 for 12 % of the others (a client's order), besides the kitchen; 1.5
                // with fractional weights.
                if a.priority == 1 && rng.chance(0.12) { a.priority = shape.fractionalWeights ? 1.5 : 2 }
                // Opening pattern: 50 % every half-day, 20 % mornings only, 15 % Monday to Thursday
                // (Monday to Wednesday in a four-day week), 15 % every slot but Wednesday's second
                // (closed by a `max: 0` block: the team meeting).
                switch rng.weighted([50, 20, 15, 15]) {
                case 0: break
                case 1: a.baseSlots = [0]
                case 2: a.baseDays = cal.days > 4 ? [0, 1, 2, 3] : [0, 1, 2]
                default: a.closed = cal.period(day: 2, slot: 1)
                }
                // Peak: the kinds that deliver orders always, others with 35 % chance; one open
                // period (half of the time Friday morning, or Thursday's in a four-day week) whose
                // min and max rise by `bump`.
                if kind.peak || rng.chance(0.35) {
                    let open = a.openPeriods
                    let friday = cal.period(day: Swift.min(4, cal.days - 1), slot: 0)
                    a.peak = open.contains(friday) && rng.chance(0.5) ? friday : rng.pick(open)
                }
                // max = min + spread, spread 1–3.
                a.spread = rng.int(1...3)
                sites[s].activities.append(activities.count)
                activities.append(a)
            }
        }
    }

    // MARK: Trainings

    mutating func makeTrainings(_ rng: inout SplitMix64) {
        // round(N / 40) trainings, at least two, in catalogue order, repeating as groups 2, 3, ….
        let count = Swift.max(2, Int((Double(n) / 40).rounded()))
        for i in 0..<count {
            let kind = Catalogue.trainings[i % Catalogue.trainings.count]
            let group = i / Catalogue.trainings.count + 1
            // Seats: the kind's ±2 (at least 4); min_participants: the kind's, but 0 (always runs)
            // for a quarter of them.
            let seats = Swift.max(4, kind.seats + rng.int(-2...2))
            let minimum = rng.chance(0.25) ? 0 : Swift.min(kind.minParticipants, seats)
            // Two sessions on two different days; the same slot in 70 % of trainings (another
            // one, uniformly, otherwise).
            let d1 = rng.int(0...(cal.days - 2))
            let d2 = rng.int((d1 + 1)...(cal.days - 1))
            let s1 = rng.int(0...(cal.slots - 1))
            let s2 = rng.chance(0.7) ? s1 : cal.slots == 2 ? 1 - s1 : (s1 + 1 + rng.below(cal.slots - 1)) % cal.slots
            trainings.append(GTraining(id: group == 1 ? kind.key : "\(kind.key)-\(group)",
                                       name: group == 1 ? kind.name : "\(kind.name) (groupe \(group))",
                                       kind: kind, seats: seats, minParticipants: minimum,
                                       sessions: [cal.period(day: d1, slot: s1), cal.period(day: d2, slot: s2)]))
        }
    }

    // MARK: Demand

    mutating func setDemand(site s: Int, _ rng: inout SplitMix64) {
        // Target: Σ over the site's shifts of min × hours = factor × the participants' total max
        // hours, factor uniform in 1.15–1.25. The base mins share it in proportion to weights
        // uniform in 0.7–1.3, then a greedy search moves mins (±1) and peak bumps (1–4) to come
        // as close to the target as integers allow. Peaks start at +2.
        // (Hours are those of each period: a min counts its activity's open hours.)
        let total = sites[s].people.reduce(0) { $0 + people[$1].max }
        let factor = 1.15 + 0.10 * rng.unit()
        let target = total * factor
        let mine = sites[s].activities
        let weights = mine.map { _ in 0.7 + 0.6 * rng.unit() }
        let denominator = zip(mine, weights).reduce(0.0) { $0 + $1.1 * activities[$1.0].openHours }
        for (a, w) in zip(mine, weights) {
            activities[a].min = Swift.max(1, Int((target * w / denominator).rounded()))
        }
        func demand() -> Double { mine.reduce(0) { $0 + activities[$1].demandHours } }
        for _ in 0..<1000 {
            let current = demand()
            var best: (error: Double, a: Int, dMin: Int, dBump: Int)?
            let error = abs(current - target)
            for a in mine {
                let open = activities[a].openHours
                for d in [-1, 1] where activities[a].min + d >= 1 {
                    let e = abs(current + Double(d) * open - target)
                    if e < error - 1e-9, best == nil || e < best!.error - 1e-9 { best = (e, a, d, 0) }
                }
                if let peak = activities[a].peak {
                    for d in [-1, 1] where (1...4).contains(activities[a].bump + d) {
                        let e = abs(current + Double(d) * cal.hours(peak) - target)
                        if e < error - 1e-9, best == nil || e < best!.error - 1e-9 { best = (e, a, 0, d) }
                    }
                }
            }
            guard let move = best else { break }
            activities[move.a].min += move.dMin
            activities[move.a].bump += move.dBump
        }
    }
}
