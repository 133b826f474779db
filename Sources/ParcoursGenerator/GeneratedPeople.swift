// SPDX-License-Identifier: GPL-3.0-or-later
//
// A generated week's participants: hours, capacity, availability, skills and restrictions, then
// their preferences, goals and avoid pairs; and what each of them may work.

import ParcoursScenario

extension GeneratedWeek {
    // MARK: Participants

    func siteActivities(_ p: GPerson) -> [Int] { p.sites.flatMap { sites[$0].activities } }

    func mayWork(_ p: GPerson, in a: Int) -> Bool {
        let activity = activities[a]
        return activity.requires.allSatisfy { p.level($0.skill) >= $0.level } && !activity.tags.contains(where: p.restrictions.contains)
    }

    /// Periods in which p could work in activity a.
    func workable(_ p: GPerson, _ a: Int) -> [Int] {
        mayWork(p, in: a) ? activities[a].openPeriods.filter(p.canWork) : []
    }

    /// Own-site activities p may work in at some period.
    func allowedActivities(_ p: GPerson) -> [Int] { sites[p.site].activities.filter { !workable(p, $0).isEmpty } }

    /// The most hours p could work in the week: workable periods, the daily cap (the best set of
    /// a day's workable slots within it), the days cap.
    func reachableHours(_ p: GPerson) -> Double {
        var perDay: [[Double]] = Array(repeating: [], count: cal.days)
        for t in 0..<cal.count where siteActivities(p).contains(where: { activities[$0].isOpen(t) && mayWork(p, in: $0) }) && p.canWork(t) {
            perDay[cal.day(t)].append(cal.hours(t))
        }
        func best(_ hours: [Double]) -> Double {
            var result = 0.0
            for mask in 0..<(1 << hours.count) {
                let sum = hours.indices.reduce(0.0) { mask & (1 << $1) != 0 ? $0 + hours[$1] : $0 }
                if sum <= p.cap { result = Swift.max(result, sum) }
            }
            return result
        }
        return perDay.map(best).sorted(by: >).prefix(p.daysCap).reduce(0, +)
    }

    func eligible(_ p: GPerson, for k: Int) -> Bool {
        let training = trainings[k]
        let sessionDays = Set(training.sessions.map(cal.day)).count
        return training.kind.prerequisites.allSatisfy { p.level($0.skill) >= $0.level }
            && training.sessions.allSatisfy(p.canWork)
            && sessionDays <= p.daysCap && training.sessions.reduce(0) { $0 + cal.hours($1) } <= p.max
    }

    mutating func makePeople(site s: Int, _ rng: inout SplitMix64, uneven: inout SplitMix64) {
        let width = Swift.max(3, String(n).count)
        let siteKinds = sites[s].activities.map { activities[$0] }
        // Skills developed on this site, in vocabulary order.
        let developed = Catalogue.skills.map(\.id).filter { id in siteKinds.contains { $0.develops.contains(id) } }
        let siteTags = Catalogue.restrictionWeights.filter { w in siteKinds.contains { $0.tags.contains(w.tag) } }
        for i in sites[s].people {
            var p = GPerson(cal: cal, id: "p" + String(repeating: "0", count: Swift.max(0, width - String(i + 1).count)) + String(i + 1),
                            name: "\(rng.pick(Catalogue.firstNames)) \(rng.pick(Catalogue.initials)).", site: s, sites: [s])
            // Induction: every participant has their own site's; 6 % also the next site's.
            p.skills[sites[s].access] = 1
            if sites.count > 1 && rng.chance(0.06) {
                let other = (s + 1) % sites.count
                p.sites.append(other)
                p.skills[sites[other].access] = 1
            }

            // Hours bands (weekly, min / target / max):
            //   40 % CDDI standard      20 / 24 / 28
            //   15 % CDDI long          24 / 28 / 32
            //   10 % near full-time     28 / 32 / 36
            //   25 % ramp-up            12 / 16 / 20   (3 in 4 of them: half-days only, 4 h a day)
            //   10 % fixed hours        `hours: 20` or `hours: 24`
            // then 25 % of the bands move by ±4 h as a whole, and the target is the band's middle
            // (60 %), its min (20 %, then written by default) or its max (20 %).
            let band = rng.weighted([40, 15, 10, 25, 10])
            switch band {
            case 0: (p.min, p.target, p.max) = (20, 24, 28)
            case 1: (p.min, p.target, p.max) = (24, 28, 32)
            case 2: (p.min, p.target, p.max) = (28, 32, 36)
            case 3: (p.min, p.target, p.max) = (12, 16, 20)
            default:
                let h: Double = rng.pick([20, 24])
                (p.min, p.target, p.max) = (h, h, h)
                p.exact = true
            }
            if !p.exact {
                if rng.chance(0.25) {
                    let shift: Double = rng.pick([-4, 4])
                    if p.min + shift >= 4 && p.max + shift <= 40 { p.min += shift; p.target += shift; p.max += shift }
                }
                switch rng.weighted([60, 20, 20]) {
                case 1: p.target = p.min
                case 2: p.target = p.max
                default: break
                }
            }
            // Uneven hours (shape.unevenHours, from their own stream): min − 0.5 or − 1.5; max − 0,
            // − 1.5 or − 2; target + −3, −1.5, 0 or 1, kept within [min, max] (20 / 24 / 28 may
            // become 18.5 / 21 / 26); fixed hours ± 0.5 (19.5, 24.5).
            if shape.unevenHours {
                if p.exact {
                    let h = p.max + uneven.pick([-0.5, 0.5])
                    (p.min, p.target, p.max) = (h, h, h)
                } else {
                    p.min -= uneven.pick([0.5, 1.5])
                    p.max -= uneven.pick([0, 1.5, 2])
                    p.target = Swift.min(p.max, Swift.max(p.min, p.target + uneven.pick([-3, -1.5, 0, 1])))
                }
            }
            // Ramp-up capacity: max_hours_per_day 4 (the longest slot: one slot a day) for 3 in 4
            // ramp-up bands and 8 % of the others; max_days for 20 % of everyone (3 days 40 %,
            // 4 days 60 %: two and one days fewer than the week). A days cap without a daily cap
            // writes `max_hours_per_day: 8` (rules.max_hours_per_day) explicitly half of the time.
            if band == 3 ? rng.chance(0.75) : rng.chance(0.08) { p.dailyCap = cal.halfDay }
            if rng.chance(0.20) {
                p.maxDays = rng.chance(0.4) ? cal.days - 2 : cal.days - 1
                if p.dailyCap == nil && rng.chance(0.5) { p.dailyCap = cal.fullDay }
            }
            p.writeDailyCap = p.dailyCap != nil

            // Availability: 45 % always; 30 % one half-day appointment; 13 % two; 8 % a whole day
            // away; 4 % mornings only (an `available` list: school hours).
            switch rng.weighted([45, 30, 13, 8, 4]) {
            case let choice where choice == 1 || choice == 2:
                var taken: [Int] = []
                while taken.count < choice {
                    let t = rng.int(0...(cal.count - 1))
                    if !taken.contains(t) { taken.append(t) }
                }
                for t in taken.sorted() {
                    p.unavailable.append(GUnavailable(day: cal.day(t), slot: cal.slot(t), reason: rng.pick(Catalogue.halfDayReasons)))
                }
            case 3:
                p.unavailable.append(GUnavailable(day: rng.int(0...(cal.days - 1)), slot: nil, reason: rng.pick(Catalogue.wholeDayReasons)))
            case 4:
                p.only = (0..<cal.days).map { cal.period(day: $0, slot: 0) }
            default: break
            }

            // Skills: français 20 % none, 35 % level 1, 45 % level 2; sécurité 30 % level 1, 5 %
            // level 2; each skill developed on the site: 28 % level 1, 10 % level 2, 2 % level 3;
            // hygiene, when no activity of the site develops it: 10 % level 1 (a former job).
            switch rng.weighted([20, 35, 45]) {
            case 1: p.skills["francais"] = 1
            case 2: p.skills["francais"] = 2
            default: break
            }
            switch rng.weighted([65, 30, 5]) {
            case 1: p.skills["securite"] = 1
            case 2: p.skills["securite"] = 2
            default: break
            }
            for skill in developed {
                let level = rng.weighted([60, 28, 10, 2])
                if level > 0 { p.skills[skill] = Swift.max(p.level(skill), level) }
            }
            if !developed.contains("hygiene") && rng.chance(0.10) { p.skills["hygiene"] = 1 }

            // Restrictions (medical or legal): 18 % one tag, 4 % two, among the tags of the site's
            // activities, weighted: heavy-lifting 40, outdoor 15, power-tools / dust / chemicals /
            // heights 10 each, food / public-facing 5 each.
            let restrictionCount = rng.weighted([78, 18, 4])
            var pool = siteTags
            for _ in 0..<restrictionCount where !pool.isEmpty {
                let k = rng.weighted(pool.map(\.weight))
                p.restrictions.append(pool[k].tag)
                pool.remove(at: k)
            }
            people.append(p)
        }

        // Requirements: at least half the site meets each activity's required levels.
        let members = Array(sites[s].people)
        for a in sites[s].activities {
            for req in activities[a].kind.requires {
                let have = members.filter { people[$0].level(req.skill) >= req.level }.count
                let need = (members.count + 1) / 2
                for i in rng.shuffled(members.filter { people[$0].level(req.skill) < req.level }).prefix(Swift.max(0, need - have)) {
                    people[i].skills[req.skill] = req.level
                }
            }
        }
        // Mentoring: at least max(2, size / 6) people on the site who meet the activity's
        // requirements are at or above the mentoring level.
        for a in sites[s].activities {
            guard let m = activities[a].mentoring else { continue }
            let reqs = activities[a].requires
            func qualified(_ i: Int) -> Bool { reqs.allSatisfy { people[i].level($0.skill) >= $0.level } }
            let have = members.filter { qualified($0) && people[$0].level(m.skill) >= m.level }.count
            let need = Swift.max(2, members.count / 6)
            for i in rng.shuffled(members.filter { !(qualified($0) && people[$0].level(m.skill) >= m.level) }).prefix(Swift.max(0, need - have)) {
                for r in reqs where people[i].level(r.skill) < r.level { people[i].skills[r.skill] = r.level }
                people[i].skills[m.skill] = Swift.max(people[i].level(m.skill), m.level)
            }
        }
        // Everyone may work somewhere: else their restrictions go, then they get the requirements
        // of the site activity open most while they are available, then (never with these
        // patterns) their availability.
        for i in members {
            if allowedActivities(people[i]).isEmpty { people[i].restrictions = [] }
            if allowedActivities(people[i]).isEmpty {
                let p = people[i]
                let best = sites[s].activities.max { activities[$0].openPeriods.filter(p.canWork).count
                    < activities[$1].openPeriods.filter(p.canWork).count }!
                for r in activities[best].requires where people[i].level(r.skill) < r.level { people[i].skills[r.skill] = r.level }
            }
            if allowedActivities(people[i]).isEmpty { people[i].unavailable = []; people[i].only = nil }
            // The band never asks for more than they could work.
            let reachable = reachableHours(people[i])
            if people[i].max > reachable {
                people[i].max = reachable
                people[i].min = Swift.min(people[i].min, reachable)
                people[i].target = Swift.min(people[i].target, reachable)
            }
        }
    }

    // MARK: Preferences and goals

    mutating func makePreferencesAndGoals(_ i: Int, _ rng: inout SplitMix64) {
        let p = people[i]
        let allowed = allowedActivities(p)
        let own = sites[p.site].activities
        // Likes: 55 % one activity they may work in, 15 % two; dislikes: 35 % one other activity
        // of their site (allowed or not).
        let likeCount = Swift.min(allowed.count, rng.weighted([30, 55, 15]))
        let likes = Array(rng.shuffled(allowed).prefix(likeCount))
        people[i].likes = own.filter(likes.contains)
        let others = own.filter { !likes.contains($0) }
        if !others.isEmpty && rng.chance(0.35) { people[i].dislikes = [rng.pick(others)] }

        // Goals, drawn independently (so some have none, some several):
        //   35 % an activity goal: 8 h (70 %) or 12 h in an allowed activity, a liked one if any;
        //   30 % a skill goal: 4 or 8 h in a skill an allowed activity develops or an eligible
        //        training teaches, weight 2 in 30 % of cases;
        //   25 % a training goal: an eligible training, weight 2 in 20 % of cases.
        // Goal hours never exceed the weekly max. With uneven hours the goals are 7.5 or 11.5 h
        // (activity) and 3.5 or 7.5 h (skill), at most the weekly max rounded down to the half
        // hour, and at least 3 h; with fractional weights, weight 2 becomes 1.5 for a skill goal
        // and 2.5 for a training goal.
        let uneven = shape.unevenHours
        func cap(_ hours: Double) -> Double {
            uneven ? Swift.min(hours, (p.max * 2).rounded(.down) / 2) : Swift.min(hours, (p.max / 4).rounded(.down) * 4)
        }
        let smallest: Double = uneven ? 3 : 4
        var goals: [GGoal] = []
        if rng.chance(0.35), !allowed.isEmpty {
            let a = likes.first ?? rng.pick(allowed)
            let hours = cap(rng.chance(0.7) ? (uneven ? 7.5 : 8) : (uneven ? 11.5 : 12))
            if hours >= smallest { goals.append(.activity(a, hours: hours)) }
        }
        let eligibleTrainings = trainings.indices.filter { eligible(p, for: $0) }
        if rng.chance(0.30) {
            var skills: [String] = []
            for a in allowed { for s in activities[a].develops where !skills.contains(s) { skills.append(s) } }
            for k in eligibleTrainings { for s in trainings[k].kind.teaches where !skills.contains(s) { skills.append(s) } }
            if !skills.isEmpty {
                let skill = rng.pick(skills)
                let hours = cap(uneven ? rng.pick([3.5, 7.5]) : rng.pick([4, 8]))
                let weight: Double = rng.chance(0.3) ? (shape.fractionalWeights ? 1.5 : 2) : 1
                if hours >= smallest { goals.append(.skill(skill, hours: hours, weight: weight)) }
            }
        }
        if rng.chance(0.25), !eligibleTrainings.isEmpty {
            goals.append(.training(rng.pick(eligibleTrainings), weight: rng.chance(0.2) ? (shape.fractionalWeights ? 2.5 : 2) : 1))
        }
        people[i].goals = goals
    }

    // MARK: Avoid pairs

    mutating func makeAvoidPairs(_ rng: inout SplitMix64) {
        // One pair per 20 participants (at least one from 10 participants on), two people of
        // the same site, listed once (on the first of the two).
        guard n >= 10 else { return }
        let pairs = Swift.max(1, n / 20)
        var made = 0, attempts = 0
        while made < pairs && attempts < pairs * 20 {
            attempts += 1
            let a = rng.below(people.count)
            let members = Array(sites[people[a].site].people).filter { $0 != a }
            guard !members.isEmpty else { continue }
            let b = rng.pick(members)
            let (x, y) = (Swift.min(a, b), Swift.max(a, b))
            if people[x].avoid.contains(y) { continue }
            people[x].avoid.append(y)
            people[x].avoid.sort()
            made += 1
        }
    }
}
