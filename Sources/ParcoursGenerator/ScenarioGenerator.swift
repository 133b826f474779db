// SPDX-License-Identifier: GPL-3.0-or-later
//
// Generated weeks (issues #5 and #11): a realistic, feasible scenario of any size and shape, for
// benchmarks, tests and demonstrations, written in the contract's YAML (version 1) and in its own
// forms only (`{day: tue, slot: am}`, never a project short form such as `tue.am`). The same size,
// seed and shape always give the same bytes: every draw comes from a SplitMix64 stream seeded by
// (seed, size), never from the system's random generator, and nothing is ever taken in a
// dictionary's or set's order. The classic shape (`GeneratorShape.classic`, the default) makes
// exactly the week it made before shapes existed: the draws of shape-only features come from
// streams of their own, forked after all the others.
//
// The shape of a generated week (each distribution is documented again where it is drawn):
// - Calendar: the shape's days (mon–thu, mon–fri by default, or mon–sat) and its two or three
//   slots a day with their paid hours (default am 08:00–12:00 and pm 13:00–17:00, 4 h each;
//   e.g. 13:00–16:30 paid 3.25 h, or 08:00–11:30, 12:30–16:15, 16:30–19:30). "Friday morning" is
//   the first slot of the week's fifth day (of Thursday in a four-day week), "Wednesday
//   afternoon" is Wednesday's second slot. rules.max_hours_per_day is 8, or the two longest
//   slots when they make more (4.5 + 4 = 8.5); the ramp-up daily cap ("4") is the longest slot,
//   so that every slot fits in every cap.
// - Structures ("sites"): round(N / 25) sites by default (round(N / k) for `.about(k)`, or
//   exactly k for `.exactly(k)`; `.exactly(1)` is one large site), at least one, sizes as equal
//   as possible. Each site has its own activities (round(size / 6), at least one: about N / 6 in
//   all; a site of more than 96 has second and third teams of some kinds, `s1-cuisine-2`) and its
//   own supervisors (round(size / 8), at least one: about N / 8). Every activity of a site
//   requires the site's induction skill `acces-sN` ("accueil sécurité fait"), which its
//   participants have (6 % of them also for the next site): people stay on their site. Skills,
//   goals, likes and dislikes of a participant point at their own site's activities.
// - Supervisors supervise only activities of their site (the model decomposes by site) unless
//   the shape shares them: then each site's first supervisor and 40 % of the others also
//   supervise one or two supervised activities of the next site, half of them (with three sites
//   or more) of the site after too: two or three sites in all; on a site alone, shared
//   supervisors take two more of its activities.
// - Supervision: normal is one supervisor per 8 participants of the site. With `need` = Σ over
//   the site's supervised open shifts of ⌈min / ratio⌉ × hours (normal gives roughly 55–130 % of
//   it), scarce is round(0.45 × need / 36 h) supervisors (at least one, at most normal: about
//   40 % of the need), plentiful ⌈1.6 × need / 32 h⌉ (at least normal: about 1.5–1.8 × the need).
// - Trainings (round(N / 40), at least two) are shared by every site.
// - Solver-friendly numbers by default: every weekly min, target and max, every goal's hours and
//   every supervisor's max_hours is a multiple of 4 (with 4 h slots, of a slot); daily caps are a
//   slot or a full day; weights and priorities are integers. With uneven hours, bands move off
//   that grid by half-hours (20 / 24 / 28 may become 18.5 / 21 / 26), goals are 7.5 / 11.5 h
//   (activity) and 3.5 / 7.5 h (skill), max_hours 35.5, 31.5 or 22.5. With fractional weights,
//   `weights:` is {goals: 7.5, target: 1.5, preference: 0.25, the others as default}, heavier
//   goals weigh 1.5 (skill) or 2.5 (training) instead of 2, and client orders have priority 1.5.
//   A weekly maximum never exceeds what the person could work (their workable periods, the best
//   set of a day's slots within their daily cap, their days cap): with slots other than 4 h that
//   cap makes maxima such as 27.25 even without uneven hours.
// - Demand above what can be covered: on each site, Σ over shifts of min × hours is 1.15–1.25 ×
//   the site participants' total maximum hours (up to rounding; tiny weeks overshoot, a week of
//   one person only equals it).
// - Every participant has at least one activity they may work in (available while it is open,
//   requirements met, no restricted tag, the slot within their daily cap), and a maximum no
//   higher than what they could work.
// - Fixed items (one per 40 participants, at least 1 and at most 8; none below 10 participants)
//   can all hold together: each in its own period, with a supervisor (of any site, with shared
//   supervisors) available and not pinned elsewhere, within their hours, no mentoring needed,
//   nobody in an avoid pair, and enough other eligible people (never pinned, never in an avoid
//   pair) to reach a pinned training's minimum. So everyone idle but the pinned items, those
//   helpers enrolled in the pinned trainings and one supervisor per pinned shift is a valid roster.
//
// Where each part is drawn: GeneratedSites.swift (sites, activities, trainings, demand),
// GeneratedPeople.swift (participants, their preferences, goals and avoid pairs),
// GeneratedSupervisors.swift, GeneratedFixedItems.swift; what they draw from in
// GeneratorCatalogue.swift; the YAML in GeneratorYAML.swift.

import ParcoursScenario

/// Writes generated scenarios.
public enum ScenarioGenerator {
    /// A complete scenario file for `participants` people (any size from 1; the command accepts
    /// 1–5000). Deterministic: the same size and seed give the same bytes.
    public static func yaml(participants: Int, seed: UInt64 = 1) -> String {
        yaml(participants: participants, seed: seed, shape: .classic)
    }

    /// A complete scenario file of the given shape (see `GeneratorShape`; `shape.problems` must be
    /// empty). Deterministic: the same size, seed and shape give the same bytes; `.classic` gives
    /// the week of `yaml(participants:seed:)`.
    public static func yaml(participants: Int, seed: UInt64 = 1, shape: GeneratorShape) -> String {
        precondition(shape.problems.isEmpty, shape.problems.joined(separator: "; "))
        var week = GeneratedWeek(participants: max(1, participants), seed: seed, shape: shape)
        week.generate()
        return week.render()
    }
}

/// The week being generated: its parts, drawn in a fixed order from streams forked off one seed.
struct GeneratedWeek {
    let n: Int
    let seed: UInt64
    let shape: GeneratorShape
    let cal: GCalendar
    var master: SplitMix64
    var sites: [GSite] = []
    var activities: [GActivity] = []
    var supervisors: [GSupervisor] = []
    var trainings: [GTraining] = []
    var people: [GPerson] = []
    var accessSkills: [(id: String, name: String)] = []

    init(participants: Int, seed: UInt64, shape: GeneratorShape) {
        n = participants
        self.seed = seed
        self.shape = shape
        cal = GCalendar(days: shape.days, hours: shape.slots.map(\.hours))
        // The size is mixed into the seed: two sizes with the same seed are unrelated weeks.
        var mixer = SplitMix64(seed: seed ^ (UInt64(participants) &* 0xD1B5_4A32_D192_ED03))
        master = SplitMix64(seed: mixer.next())
    }

    mutating func generate() {
        // One stream per part, forked in a fixed order.
        var siteRandom = master.fork()
        var trainingRandom = master.fork()
        var peopleRandom = master.fork()
        var supervisorRandom = master.fork()
        var demandRandom = master.fork()
        var goalRandom = master.fork()
        var avoidRandom = master.fork()
        var fixedRandom = master.fork()
        // Streams used only by shapes other than the classic one (forked last, so that they move
        // nothing of the classic week).
        var unevenRandom = master.fork()
        var sharingRandom = master.fork()

        makeSites(&siteRandom)
        makeTrainings(&trainingRandom)
        for s in sites.indices { makePeople(site: s, &peopleRandom, uneven: &unevenRandom) }
        // Demand comes before the supervisors (who are counted from it when supervision is scarce
        // or plentiful); each draws from its own stream, so the order changes no draw.
        for s in sites.indices { setDemand(site: s, &demandRandom) }
        for s in sites.indices { makeSupervisors(site: s, &supervisorRandom, uneven: &unevenRandom) }
        if shape.sharedSupervisors { shareSupervisors(&sharingRandom) }
        for p in people.indices { makePreferencesAndGoals(p, &goalRandom) }
        makeAvoidPairs(&avoidRandom)
        makeFixed(&fixedRandom)
    }
}
