// SPDX-License-Identifier: GPL-3.0-or-later
//
// A generated week's fixed items, chosen so that they can all hold together (see the top of
// ScenarioGenerator.swift).

import ParcoursScenario

extension GeneratedWeek {
    // MARK: Fixed items

    mutating func makeFixed(_ rng: inout SplitMix64) {
        // One fixed item per 40 participants, at least 1, at most 8 (none below 10 participants);
        // every fourth is a training enrolment, the others an activity in one half-day.
        guard n >= 10 else { return }
        let count = Swift.min(8, Swift.max(1, n / 40))
        var inPair = Array(repeating: false, count: people.count)
        for (i, p) in people.enumerated() { for j in p.avoid { inPair[i] = true; inPair[j] = true } }
        var taken = inPair                       // pinned, helper or in an avoid pair
        var usedPeriods: [Int] = []
        var supervisorHours = Array(repeating: 0.0, count: supervisors.count)
        var pinnedTrainings: [Int] = []
        for f in 0..<count {
            let wantTraining = f % 4 == 3
            for i in rng.shuffled(Array(people.indices)).prefix(60) where !taken[i] {
                let p = people[i]
                if wantTraining {
                    // A training whose minimum can be reached by people never pinned nor paired.
                    var done = false
                    for k in rng.shuffled(Array(trainings.indices)) where !pinnedTrainings.contains(k) && eligible(p, for: k) {
                        let helpers = rng.shuffled(people.indices.filter { $0 != i && !taken[$0] && eligible(people[$0], for: k) })
                            .prefix(Swift.max(0, trainings[k].minParticipants - 1))
                        guard helpers.count >= trainings[k].minParticipants - 1, trainings[k].seats >= 1 else { continue }
                        people[i].fixed = .training(k)
                        taken[i] = true
                        for h in helpers { taken[h] = true }
                        pinnedTrainings.append(k)
                        done = true
                        break
                    }
                    if done { break }
                } else {
                    // An activity of their site they may work in without a mentor, in a period
                    // nobody else is pinned, with one of its supervisors (of any site, the first
                    // in file order) available and free.
                    var done = false
                    for a in rng.shuffled(allowedActivities(p)) {
                        let activity = activities[a]
                        if let m = activity.mentoring, p.level(m.skill) < m.level { continue }
                        for t in rng.shuffled(workable(p, a)) where !usedPeriods.contains(t) {
                            var supervisor: Int?
                            if activity.ratio > 0 {
                                supervisor = supervisors.indices.first { j in
                                    supervisors[j].activities.contains(a) && supervisors[j].available(t)
                                        && supervisorHours[j] + cal.hours(t) <= (supervisors[j].maxHours ?? 40)
                                }
                                if supervisor == nil { continue }
                            }
                            if let supervisor { supervisorHours[supervisor] += cal.hours(t) }
                            people[i].fixed = .activity(a, period: t)
                            usedPeriods.append(t)
                            taken[i] = true
                            done = true
                            break
                        }
                        if done { break }
                    }
                    if done { break }
                }
            }
        }
    }
}
