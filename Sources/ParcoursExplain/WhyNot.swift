// SPDX-License-Identifier: GPL-3.0-or-later
//
// Why a participant is not in a shift or a training, from the week's data and the roster: the
// first rule that keeps them out, in the order a planner would check (away, not allowed, busy,
// at a limit, the shift itself). Each answer is a sentence with a `{when}` hole for the periods,
// so that the same cause over several periods reads as one sentence.

import ParcoursScenario
import ParcoursRoster

/// A cause, before its periods are known: `{when}` in the text becomes "on mon am, tue pm".
struct Blocker: Hashable {
    var kind: Reason.Kind
    var template: String

    init(_ kind: Reason.Kind, _ template: String) { self.kind = kind; self.template = template }

    func reason(_ periods: [Period]) -> Reason {
        let when = periods.isEmpty ? "" : "on " + periods.map(\.description).joined(separator: ", ")
        let text = template.replacingOccurrences(of: "{when}", with: when)
            .replacingOccurrences(of: "  ", with: " ").replacingOccurrences(of: " .", with: ".")
        return Reason(kind, text)
    }
}

/// Blockers collected over periods, each cause once with its periods, in first-seen order.
struct BlockerList {
    private var order: [Blocker] = []
    private var periods: [Blocker: [Period]] = [:]

    mutating func add(_ b: Blocker, _ t: Period?) {
        if periods[b] == nil { order.append(b); periods[b] = [] }
        if let t, !periods[b]!.contains(t) { periods[b]!.append(t) }
    }

    var reasons: [Reason] { order.map { $0.reason(periods[$0]!.sorted()) } }
}

extension RosterFacts {
    /// The period alone: away, or at a daily, days or weekly limit (nil when none holds).
    func personalLimit(_ p: Int, at t: Period) -> Blocker? {
        let who = scenario.participants[p], name = self.who(p)
        if let why = Self.absence(who.availability, in: t) {
            return Blocker(.unavailable, "\(name) is not available {when}\(why.isEmpty ? "" : " (\(why))").")
        }
        let cap = scenario.maxHoursPerDay(who)
        if dayHours[p][t.dayIndex] + t.hours > cap + 1e-9 {
            return Blocker(.dailyCap, "\(name) is at their daily cap of \(hoursText(cap)) h {when} (capacity.max_hours_per_day).")
        }
        if dayHours[p][t.dayIndex] == 0 && daysWorked(p) >= scenario.maxDays(who) {
            return Blocker(.daysCap, "\(name) already works their \(scenario.maxDays(who)) days (capacity.max_days), so not {when}.")
        }
        if hours(p) + t.hours > who.hours.max + 1e-9 {
            return Blocker(.weeklyMax, "\(name) has reached their weekly maximum of \(hoursText(who.hours.max)) h (hours.max).")
        }
        return nil
    }

    /// Requirements (H6) and restrictions (H7): whether p may ever work in the activity.
    func eligibility(_ p: Int, in a: Int) -> Blocker? {
        let who = scenario.participants[p], activity = scenario.activities[a], name = self.who(p)
        if let need = who.missingLevels(for: activity).first {
            return Blocker(.requirement, "\(activityName(a)) requires \(need.skill) level \(need.needed) and \(name) has level \(need.has) {when}.")
        }
        if let tag = who.restrictedTags(of: activity).first {
            return Blocker(.restriction, "\(activityName(a)) carries the tag \(tag), one of \(name)'s restrictions {when}.")
        }
        return nil
    }

    /// Why p, who is not in activity a in period t, is not there.
    func whyNot(_ p: Int, in a: Int, at t: Period) -> Blocker {
        let name = who(p)
        guard let demand = demand[a][t.index] else { return Blocker(.closed, "\(activityName(a)) is not open {when}.") }
        if let away = personalLimit(p, at: t), away.kind == .unavailable { return away }
        if let ineligible = eligibility(p, in: a) { return ineligible }
        if let other = place[p][t.index] { return elsewhere(p, other, insteadOf: a) }
        if let limit = personalLimit(p, at: t) { return limit }
        let here = people[a][t.index]
        if let q = here.first(where: { avoids(p, $0) }) {
            return Blocker(.avoid, "\(name) and \(who(q)) avoid each other, and \(who(q)) works in \(activityName(a)) {when}.")
        }
        if here.count >= demand.max {
            return Blocker(.shiftFull, "\(activityName(a)) already has its maximum of \(demand.max) {when}.")
        }
        if let bound = supervisionBinds(a, at: t) { return bound }
        if let m = scenario.activities[a].mentoring, scenario.participants[p].level(m.skill) < m.level {
            let below = here.filter { scenario.participants[$0].level(m.skill) < m.level }.count
            if below + 1 > m.ratio * (here.count - below) {
                return Blocker(.mentoring, "\(name) is below \(m.skill) level \(m.level), and \(activityName(a)) has no mentor free "
                    + "for another beginner {when} (at most \(m.ratio) per mentor).")
            }
        }
        return Blocker(.notChosen, "\(name) was free {when} and \(activityName(a)) had room; the roster gave the hours to nobody "
            + "(a better roster may exist, or a dislike or the published roster kept them away).")
    }

    /// One more participant would need one more supervisor, and none who can supervise is free.
    func supervisionBinds(_ a: Int, at t: Period) -> Blocker? {
        let ratio = scenario.supervisionRatio(scenario.activities[a])
        guard ratio > 0, people[a][t.index].count + 1 > ratio * bosses[a][t.index], freeSupervisors(of: a, at: t).isEmpty else { return nil }
        let able = scenario.supervisors.indices.filter { scenario.supervisors[$0].activities.contains(scenario.activities[a].id) }
        let whereabouts = able.map { "\(supervisorName($0)) \(self.whereabouts($0, at: t))" }
        let who = able.isEmpty ? "nobody can supervise it" : "of those who can supervise it, " + listed(whereabouts)
        return Blocker(.supervision, "\(activityName(a)) needs another supervisor {when} for one more participant (1 per \(ratio)), and \(who).")
    }

    private func elsewhere(_ p: Int, _ other: Place, insteadOf a: Int) -> Blocker {
        switch other {
        case .activity(let b):
            let mine = scenario.activities[a].priority, theirs = scenario.activities[b].priority
            if theirs > mine {
                return Blocker(.higherPriority, "the hours of \(who(p)) went to \(activityName(b)) {when}, which has a higher priority "
                    + "(\(hoursText(theirs)) against \(hoursText(mine))).")
            }
            return Blocker(.elsewhere, "\(who(p)) works in \(activityName(b)) {when}.")
        case .training(let k):
            return Blocker(.elsewhere, "\(who(p)) attends \(trainingName(k)) {when}.")
        }
    }

    /// Where a supervisor is in a period, in a few words.
    func whereabouts(_ s: Int, at t: Period) -> String {
        let who = scenario.supervisors[s]
        if let why = Self.absence(who.availability, in: t) { return "is not available" + (why.isEmpty ? "" : " (\(why))") }
        if let b = supervising[s][t.index] { return "supervises \(activityName(b))" }
        if let cap = who.maxHours, supervisorHours[s] + t.hours > cap + 1e-9 { return "is at their weekly maximum of \(hoursText(cap)) h" }
        return "is free"
    }

    /// Why p is not enrolled in training k.
    func whyNotEnrolled(_ p: Int, in k: Int) -> [Blocker] {
        let training = scenario.trainings[k], who = scenario.participants[p], name = self.who(p), title = trainingName(k)
        guard !sessions[k].isEmpty, training.seats > 0 else { return [Blocker(.closed, "\(title) has no session or no seat this week.")] }
        if let need = who.missingPrerequisites(of: training).first {
            return [Blocker(.prerequisite, "\(title) needs \(need.skill) level \(need.needed) first and \(name) has level \(need.has).")]
        }
        let away = sessions[k].filter { Self.absence(who.availability, in: $0) != nil }
        if !away.isEmpty {
            return [Blocker(.unavailable, "\(name) is not available for every session of \(title): not on \(away.map(\.description).joined(separator: ", ")).")]
        }
        if let q = enrolled[k].first(where: { avoids(p, $0) }) {
            return [Blocker(.avoid, "\(name) and \(self.who(q)) avoid each other, and \(self.who(q)) is enrolled in \(title).")]
        }
        if enrolled[k].count >= training.seats {
            return [Blocker(.trainingFull, "\(title) is full: its \(training.seats) seat\(training.seats == 1 ? "" : "s") went to "
                + listed(enrolled[k].map(self.who)) + ".")]
        }
        if enrolled[k].isEmpty && training.minParticipants > 1 {
            let able = scenario.participants.indices.filter { q in
                scenario.participants[q].meetsPrerequisites(of: training)
                    && sessions[k].allSatisfy { Self.absence(scenario.participants[q].availability, in: $0) == nil }
            }
            return [Blocker(.trainingBelowMinimum, "\(title) runs only with at least \(training.minParticipants) participants "
                + "(min_participants) and did not run; \(able.count) can attend all its sessions.")]
        }
        var blockers: [Blocker] = []
        let extra = sessions[k].filter { place[p][$0.index] == nil }.reduce(0) { $0 + $1.hours }
        for t in sessions[k] {
            if case .activity(let b)? = place[p][t.index] {
                blockers.append(Blocker(.elsewhere,
                                        "\(name) works in \(activityName(b)) during the session of \(title) on \(t)."))
            }
        }
        if blockers.isEmpty && hours(p) + extra > who.hours.max + 1e-9 {
            blockers.append(Blocker(.weeklyMax, "\(title) would take \(name) above their weekly maximum of \(hoursText(who.hours.max)) h."))
        }
        if blockers.isEmpty {
            blockers.append(Blocker(.notChosen, "\(name) could have been enrolled in \(title); the roster did not (a better roster may exist)."))
        }
        return blockers
    }
}
