// SPDX-License-Identifier: GPL-3.0-or-later
//
// A generated week's supervisors: how many each site gets for the shape's supervision, what they
// supervise, their availability and hours, and the ones shared between sites.

import ParcoursScenario

extension GeneratedWeek {
    // MARK: Supervisors

    /// Supervisor-hours the site's shift minimums need: Σ over the open shifts of its supervised
    /// activities of ⌈min / ratio⌉ × hours.
    func supervisionNeed(site s: Int) -> Double {
        sites[s].activities.reduce(0) { total, a in
            let act = activities[a]
            guard act.ratio > 0 else { return total }
            return act.openPeriods.reduce(total) { $0 + Double((act.minimum(at: $1) + act.ratio - 1) / act.ratio) * cal.hours($1) }
        }
    }

    /// The hours a supervisor can give: their max_hours (40 without), or less when their
    /// activities are open for fewer of their available hours.
    func supervisorHours(_ j: Int) -> Double {
        let sup = supervisors[j]
        let open = (0..<cal.count).filter { t in sup.available(t) && sup.activities.contains { activities[$0].isOpen(t) } }
        return Swift.min(sup.maxHours ?? 40, open.reduce(0) { $0 + cal.hours($1) })
    }

    mutating func makeSupervisors(site s: Int, _ rng: inout SplitMix64, uneven: inout SplitMix64) {
        let width = Swift.max(2, String(Swift.max(1, n / 8 + sites.count)).count)
        // About one supervisor per 8 participants of the site, at least one. Scarce: about 45 % of
        // the supervisor-hours the shift minimums need (0.45 × need / 36 h, at least one, never
        // more than normal). Plentiful: ⌈1.6 × need / 32 h⌉, never fewer than normal.
        let normal = Swift.max(1, Int((Double(sites[s].people.count) / 8).rounded()))
        let count: Int
        switch shape.supervision {
        case .normal: count = normal
        case .scarce: count = Swift.max(1, Swift.min(normal, Int((0.45 * supervisionNeed(site: s) / 36).rounded())))
        case .plentiful: count = Swift.max(normal, Int((1.6 * supervisionNeed(site: s) / 32).rounded(.up)))
        }
        let supervised = sites[s].activities.filter { activities[$0].ratio > 0 }
        let candidates = supervised.isEmpty ? sites[s].activities : supervised
        var mine: [Int] = []
        for j in 0..<count {
            let number = supervisors.count + 1
            var sup = GSupervisor(cal: cal, id: "sup" + String(repeating: "0", count: Swift.max(0, width - String(number).count)) + String(number),
                                  name: "\(rng.pick(Catalogue.supervisorNames)) \(rng.pick(Catalogue.initials)).", site: s)
            // Each supervises 2–4 activities of their site (all of them when there are fewer): one in
            // turn, so that every supervised activity has someone, and the others at random.
            let want = Swift.min(candidates.count, rng.int(2...4))
            var chosen = [candidates[j % candidates.count]]
            for a in rng.shuffled(candidates) where chosen.count < want && !chosen.contains(a) { chosen.append(a) }
            sup.activities = sites[s].activities.filter(chosen.contains)
            // Availability: 60 % always; 20 % away one whole day; 20 % one slot.
            switch rng.weighted([60, 20, 20]) {
            case 1: sup.offDay = rng.int(0...(cal.days - 1)); sup.reason = rng.pick(Catalogue.supervisorReasons)
            case 2:
                sup.offDay = rng.int(0...(cal.days - 1)); sup.offSlot = rng.int(0...(cal.slots - 1))
                sup.reason = rng.pick(Catalogue.supervisorReasons)
            default: break
            }
            // max_hours: 35 % none (up to 40 h), 30 % 36, 20 % 32, 15 % 24 (part-time); with uneven
            // hours 35.5, 31.5 and 22.5.
            let hours: [Double] = shape.unevenHours ? [35.5, 31.5, 22.5] : [36, 32, 24]
            switch rng.weighted([35, 30, 20, 15]) {
            case 1: sup.maxHours = hours[0]
            case 2: sup.maxHours = hours[1]
            case 3: sup.maxHours = hours[2]
            default: break
            }
            mine.append(supervisors.count)
            supervisors.append(sup)
        }
        // With fewer supervisors than supervised activities, the ones left over go to whoever
        // supervises least.
        for a in candidates where !mine.contains(where: { supervisors[$0].activities.contains(a) }) {
            let j = mine.min { supervisors[$0].activities.count < supervisors[$1].activities.count }!
            supervisors[j].activities = sites[s].activities.filter { supervisors[j].activities.contains($0) || $0 == a }
        }
        sites[s].supervisors = mine
    }

    mutating func shareSupervisors(_ rng: inout SplitMix64) {
        // Shared supervisors. With several sites, each site's first supervisor and 40 % of the
        // others also supervise one or two (uniformly) supervised activities of the next site, and
        // half of them (with three sites or more) one or two of the site after too: two or three
        // sites in all. On a site alone, they supervise two more of its supervised activities.
        func supervised(_ s: Int) -> [Int] { sites[s].activities.filter { activities[$0].ratio > 0 } }
        for s in sites.indices {
            for (position, j) in sites[s].supervisors.enumerated() where position == 0 || rng.chance(0.4) {
                var extra: [Int] = []
                if sites.count == 1 {
                    extra = Array(rng.shuffled(supervised(s).filter { !supervisors[j].activities.contains($0) }).prefix(2))
                } else {
                    let reach = sites.count >= 3 && rng.chance(0.5) ? 2 : 1
                    for k in 1...reach {
                        let pool = supervised((s + k) % sites.count)
                        if pool.isEmpty { continue }
                        extra += rng.shuffled(pool).prefix(rng.int(1...2))
                    }
                }
                let all = supervisors[j].activities + extra
                supervisors[j].activities = activities.indices.filter(all.contains)
            }
        }
    }
}
