// SPDX-License-Identifier: GPL-3.0-or-later
//
// A week often falls apart into parts that share little but trainings: the structures of a pôle,
// the sites of a large chantier, each with its own people, workshops and supervisors. Solved one at
// a time, each part is a small MIP that GLPK handles well; put together, they make a first roster
// for the whole week (shared/notes/solver-performance.md: "sites only through supervisors and
// people", "give it one").

import ParcoursScenario

/// The parts of a week. Activities of one `site`, and activities that share a supervisor, belong
/// together (so do activities without a site that someone can work in both); each participant goes
/// to the part where they can work the most shifts (where they are pinned, if they are), and two
/// people who avoid each other go to the same part (they may meet in a training). A participant
/// able to work in two parts is kept to one: the parts' rosters are a first roster, and the whole
/// week's search may still move them. Trainings are shared and link nothing.
public struct WeekParts: Sendable {
    public struct Part: Sendable, Equatable {
        public var participants: [Int]
        public var supervisors: [Int]
        public var activities: [Int]
    }

    /// Parts with at least one participant, in the order of their first participant; activities and
    /// supervisors that nobody works with join the first part.
    public let parts: [Part]

    public init(_ index: WeekIndex) {
        let s = index.scenario
        let A = s.activities.count
        var parent = Array(0..<A)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func join(_ a: Int, _ b: Int) { let (ra, rb) = (find(a), find(b)); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }

        var firstOfSite: [String: Int] = [:]
        for (a, activity) in s.activities.enumerated() {
            guard let site = activity.site else { continue }
            if let b = firstOfSite[site] { join(a, b) } else { firstOfSite[site] = a }
        }
        for supervisor in s.supervisors {
            let mine = supervisor.activities.compactMap { index.activityIndex[$0] }
            for a in mine.dropFirst() { join(mine[0], a) }
        }
        // Shifts each participant may work, by activity.
        let eligible: [[Int: Int]] = s.participants.map { participant in
            var count: [Int: Int] = [:]
            for shift in index.shifts {
                let activity = s.activities[shift.activity]
                guard participant.availability.allows(shift.period), RosterModel.meetsRequirements(participant, activity),
                      RosterModel.respectsRestrictions(participant, activity) else { continue }
                count[shift.activity, default: 0] += 1
            }
            return count
        }
        for count in eligible {
            let unsited = count.keys.filter { s.activities[$0].site == nil }.sorted()
            for a in unsited.dropFirst() { join(unsited[0], a) }
        }
        /// The activity group p works most in; nil for someone who can work in none.
        func home(_ p: Int) -> Int? {
            for item in s.participants[p].fixed {
                if case .activity(let aid) = item.place, let a = index.activityIndex[aid] { return find(a) }
            }
            var shifts: [Int: Int] = [:]
            for (a, n) in eligible[p] { shifts[find(a), default: 0] += n }
            return shifts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
        }
        for (p, participant) in s.participants.enumerated() {
            for other in participant.avoid {
                if let q = index.participantIndex[other], let hp = home(p), let hq = home(q) { join(hp, hq) }
            }
        }
        var partOf: [Int: Int] = [:]
        var parts: [Part] = []
        var homeless: [Int] = []
        for p in s.participants.indices {
            guard let root = home(p).map(find) else { homeless.append(p); continue }
            if partOf[root] == nil { partOf[root] = parts.count; parts.append(Part(participants: [], supervisors: [], activities: [])) }
            parts[partOf[root]!].participants.append(p)
        }
        guard !parts.isEmpty else { self.parts = []; return }
        parts[0].participants = (parts[0].participants + homeless).sorted()
        for a in 0..<A { parts[partOf[find(a)] ?? 0].activities.append(a) }
        for (v, supervisor) in s.supervisors.enumerated() {
            let a = supervisor.activities.compactMap { index.activityIndex[$0] }.first
            parts[a.flatMap { partOf[find($0)] } ?? 0].supervisors.append(v)
        }
        self.parts = parts
    }

    /// The week of one part: its people, supervisors and activities, every training with the seats
    /// still free (`enrolled` by earlier parts, and `reserved` for later parts' pinned people), and
    /// no minimum group size once earlier parts made a training run.
    public static func scenario(of part: Part, in s: Scenario, enrolled: [Int], reserved: [Int]) -> Scenario {
        var sub = s
        sub.participants = part.participants.map { s.participants[$0] }
        sub.supervisors = part.supervisors.map { s.supervisors[$0] }
        sub.activities = part.activities.map { s.activities[$0] }
        for k in sub.trainings.indices {
            sub.trainings[k].seats = max(0, s.trainings[k].seats - enrolled[k] - reserved[k])
            if enrolled[k] > 0 { sub.trainings[k].minParticipants = 0 }
        }
        let ids = Set(sub.participants.map(\.id))
        sub.baseline = s.baseline?.filter { ids.contains($0.participant) }
        return sub
    }
}
