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

// MARK: - Catalogues

private struct SkillLevel { var skill: String; var level: Int }
private struct MentoringRule { var skill: String; var level: Int; var ratio: Int }

private struct ActivityKind {
    var key: String
    var name: String
    var tags: [String]
    var develops: [String]
    var requires: [SkillLevel]
    var mentoring: MentoringRule?
    var ratio: Int
    var priority: Int
    /// Always has a peak half-day (an order to deliver); other kinds get one with 35 % chance.
    var peak: Bool
}

private struct TrainingKind {
    var key: String
    var name: String
    var teaches: [String]
    var seats: Int
    var minParticipants: Int
    var prerequisites: [SkillLevel]
}

private enum Catalogue {
    /// The skill vocabulary, in declaration order (site induction skills come after).
    static let skills: [(id: String, name: String)] = [
        ("francais", "Français (oral et écrit)"),
        ("securite", "Sécurité au travail"),
        ("hygiene", "Hygiène alimentaire"),
        ("maraichage", "Maraîchage"),
        ("espaces-verts", "Espaces verts"),
        ("cuisine", "Cuisine"),
        ("logistique", "Logistique"),
        ("conduite-engins", "Conduite d'engins"),
        ("tri", "Tri et valorisation"),
        ("vente", "Vente et relation client"),
        ("menuiserie", "Menuiserie"),
        ("batiment", "Second œuvre du bâtiment"),
        ("proprete", "Propreté des locaux"),
        ("couture", "Couture"),
        ("mecanique", "Mécanique cycle"),
        ("informatique", "Informatique"),
    ]

    /// Sixteen kinds of production; a site draws its activities among them without repeats.
    /// Supervision ratios: 0 for the shop and the front desk (the team works on its own there),
    /// 6 where tools or food make it delicate, 8 or 10 elsewhere (then ±2 with 30 % chance).
    static let activities: [ActivityKind] = [
        ActivityKind(key: "maraichage", name: "Maraîchage biologique", tags: ["outdoor", "heavy-lifting"],
                     develops: ["maraichage"], requires: [], mentoring: nil, ratio: 8, priority: 1, peak: false),
        ActivityKind(key: "espaces-verts", name: "Entretien d'espaces verts", tags: ["outdoor", "power-tools"],
                     develops: ["espaces-verts", "securite"], requires: [SkillLevel(skill: "securite", level: 1)],
                     mentoring: nil, ratio: 6, priority: 1, peak: false),
        ActivityKind(key: "cuisine", name: "Cuisine – repas du restaurant solidaire", tags: ["food"],
                     develops: ["cuisine", "hygiene"], requires: [SkillLevel(skill: "hygiene", level: 1)],
                     mentoring: MentoringRule(skill: "cuisine", level: 2, ratio: 3), ratio: 6, priority: 2, peak: false),
        ActivityKind(key: "conserverie", name: "Conserverie – bocaux et confitures", tags: ["food"],
                     develops: ["cuisine", "hygiene"], requires: [SkillLevel(skill: "hygiene", level: 1)],
                     mentoring: nil, ratio: 8, priority: 1, peak: false),
        ActivityKind(key: "paniers", name: "Préparation des paniers", tags: ["heavy-lifting"],
                     develops: ["logistique", "conduite-engins"], requires: [], mentoring: nil, ratio: 10, priority: 1, peak: true),
        ActivityKind(key: "tri-textile", name: "Tri textile", tags: ["dust"],
                     develops: ["tri"], requires: [], mentoring: nil, ratio: 10, priority: 1, peak: false),
        ActivityKind(key: "boutique", name: "Boutique solidaire – vente", tags: ["public-facing"],
                     develops: ["vente", "francais"], requires: [], mentoring: nil, ratio: 0, priority: 1, peak: false),
        ActivityKind(key: "menuiserie", name: "Menuiserie – réemploi de palettes", tags: ["power-tools", "dust"],
                     develops: ["menuiserie", "securite"], requires: [SkillLevel(skill: "securite", level: 1)],
                     mentoring: MentoringRule(skill: "menuiserie", level: 2, ratio: 2), ratio: 6, priority: 1, peak: false),
        ActivityKind(key: "batiment", name: "Second œuvre – peinture et rénovation", tags: ["heights", "chemicals"],
                     develops: ["batiment"], requires: [], mentoring: nil, ratio: 8, priority: 1, peak: false),
        ActivityKind(key: "proprete", name: "Nettoyage de locaux", tags: ["chemicals"],
                     develops: ["proprete"], requires: [], mentoring: nil, ratio: 10, priority: 1, peak: false),
        ActivityKind(key: "couture", name: "Atelier couture – retouches", tags: [],
                     develops: ["couture"], requires: [], mentoring: MentoringRule(skill: "couture", level: 2, ratio: 3),
                     ratio: 8, priority: 1, peak: false),
        ActivityKind(key: "atelier-velo", name: "Atelier vélo – réparation", tags: [],
                     develops: ["mecanique"], requires: [], mentoring: MentoringRule(skill: "mecanique", level: 2, ratio: 3),
                     ratio: 8, priority: 1, peak: false),
        ActivityKind(key: "collecte", name: "Collecte d'encombrants", tags: ["heavy-lifting", "outdoor"],
                     develops: ["logistique"], requires: [SkillLevel(skill: "securite", level: 1)], mentoring: nil,
                     ratio: 8, priority: 1, peak: true),
        ActivityKind(key: "informatique", name: "Reconditionnement informatique", tags: [],
                     develops: ["informatique"], requires: [], mentoring: nil, ratio: 10, priority: 1, peak: false),
        ActivityKind(key: "accueil", name: "Accueil et caisse de la ressourcerie", tags: ["public-facing"],
                     develops: ["vente", "francais"], requires: [SkillLevel(skill: "francais", level: 1)], mentoring: nil,
                     ratio: 0, priority: 1, peak: false),
        ActivityKind(key: "blanchisserie", name: "Blanchisserie", tags: ["chemicals", "heavy-lifting"],
                     develops: ["proprete"], requires: [], mentoring: nil, ratio: 10, priority: 1, peak: false),
    ]

    /// Trainings, in the order they are opened; beyond eight, groups repeat (`haccp-2`, …).
    static let trainings: [TrainingKind] = [
        TrainingKind(key: "fle", name: "Atelier de français (FLE)", teaches: ["francais"], seats: 12, minParticipants: 0, prerequisites: []),
        TrainingKind(key: "haccp", name: "Hygiène alimentaire HACCP", teaches: ["hygiene"], seats: 8, minParticipants: 3,
                     prerequisites: [SkillLevel(skill: "francais", level: 1)]),
        TrainingKind(key: "sst", name: "Sauveteur secouriste du travail", teaches: ["securite"], seats: 10, minParticipants: 4, prerequisites: []),
        TrainingKind(key: "gestes-postures", name: "Gestes et postures", teaches: ["securite"], seats: 10, minParticipants: 3, prerequisites: []),
        TrainingKind(key: "numerique", name: "Compétences numériques de base", teaches: ["informatique"], seats: 8, minParticipants: 2,
                     prerequisites: []),
        TrainingKind(key: "caces", name: "CACES chariot élévateur", teaches: ["conduite-engins"], seats: 6, minParticipants: 3,
                     prerequisites: [SkillLevel(skill: "securite", level: 1), SkillLevel(skill: "francais", level: 1)]),
        TrainingKind(key: "code-route", name: "Préparation au code de la route", teaches: [], seats: 10, minParticipants: 2,
                     prerequisites: [SkillLevel(skill: "francais", level: 1)]),
        TrainingKind(key: "recherche-emploi", name: "Techniques de recherche d'emploi", teaches: [], seats: 12, minParticipants: 0,
                     prerequisites: []),
    ]

    static let siteNames = [
        "Les Jardins du Ried", "Ressourcerie du Canal", "Atelier des Tanneries", "Ferme de la Pépinière",
        "Relais des Forges", "Halle du Marché", "Plateforme des Docks", "Moulin de la Vallée", "Fabrique du Quai",
        "Jardins de la Source", "Atelier de la Gare", "Cour des Tisserands", "Domaine des Essarts",
        "Entrepôt des Chartreux", "Potager des Saules", "Maison des Métiers", "Atelier du Faubourg",
        "Ferme du Bocage", "Recyclerie des Coteaux", "Cuisine des Remparts",
    ]

    static let firstNames = [
        "Amina", "Karim", "Sophie", "Mamadou", "Léa", "Yacine", "Fatou", "Julien", "Nadia", "Olivier", "Aïcha",
        "Thomas", "Samira", "Kevin", "Marie", "Moussa", "Inès", "Dylan", "Chantal", "Ibrahim", "Sandrine", "Rachid",
        "Élodie", "Bilal", "Nathalie", "Sékou", "Manon", "Hakim", "Christelle", "Ousmane", "Lucie", "Mehdi",
        "Valérie", "Abdel", "Jessica", "Patrick", "Zohra", "Enzo", "Awa", "Didier", "Leïla", "Mathieu", "Khadija",
        "Steven", "Fabienne", "Issa", "Océane", "Nordine", "Mariam", "Cédric",
    ]

    static let supervisorNames = [
        "Marc", "Isabelle", "Jean-Pierre", "Sylvie", "Hervé", "Nathalie", "Rémi", "Catherine", "Farid", "Brigitte",
        "Laurent", "Malika", "Philippe", "Agnès", "Bruno", "Samia", "Denis", "Véronique", "Thierry", "Corinne",
    ]

    static let initials = Array("ABCDEFGHIJKLMNOPRSTVZ").map(String.init)

    static let halfDayReasons = [
        "rendez-vous CIP", "rendez-vous France Travail", "rendez-vous médical", "démarches logement",
        "rendez-vous assistante sociale", "rendez-vous SPIP", "code de la route", "entretien d'embauche",
        "rendez-vous CAF", "soins",
    ]
    static let wholeDayReasons = [
        "PMSMP (immersion en entreprise)", "garde des enfants", "formation extérieure", "audience au tribunal",
        "journée de soins",
    ]
    static let supervisorReasons = ["formation d'encadrant", "réunion du réseau", "récupération", "visite de chantier"]

    /// Restriction tags and how often each is drawn (medical restrictions are mostly about lifting).
    static let restrictionWeights: [(tag: String, weight: Double)] = [
        ("heavy-lifting", 40), ("outdoor", 15), ("power-tools", 10), ("dust", 10), ("chemicals", 10), ("heights", 10),
        ("food", 5), ("public-facing", 5),
    ]
}

// MARK: - The week being generated

private let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

/// The week's periods, numbered day * slots + slot: with the default calendar 0 = mon am,
/// 1 = mon pm, …, 9 = fri pm, 4 hours each.
private struct GCalendar {
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

private func twoDecimals(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100)." + (fraction.count == 1 ? "0" + fraction : fraction)
}

private struct GSite {
    var id: String
    var name: String
    var people: Range<Int>
    var activities: [Int] = []
    var supervisors: [Int] = []
    var access: String { "acces-\(id)" }
}

private struct GActivity {
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

private struct GSupervisor {
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

private struct GTraining {
    var id: String
    var name: String
    var kind: TrainingKind
    var seats: Int
    var minParticipants: Int
    var sessions: [Int]
}

private struct GUnavailable { var day: Int; var slot: Int?; var reason: String }

private enum GGoal {
    case activity(Int, hours: Double)
    case skill(String, hours: Double, weight: Double)
    case training(Int, weight: Double)
}

private enum GFixed {
    case activity(Int, period: Int)
    case training(Int)
}

private struct GPerson {
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

private struct GeneratedWeek {
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

    // MARK: Writing

    func render() -> String {
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        func quoted(_ text: String) -> String { "\"" + text + "\"" }
        func levels(_ items: [SkillLevel]) -> String { "{" + items.map { "\($0.skill): \($0.level)" }.joined(separator: ", ") + "}" }
        let vocabulary = Catalogue.skills.map(\.id) + accessSkills.map(\.id)
        let days = Array(dayNames.prefix(cal.days))
        let slots = shape.slots.map(\.id)
        func day(_ t: Int) -> String { days[cal.day(t)] }
        func slot(_ t: Int) -> String { slots[cal.slot(t)] }

        let demand = activities.reduce(0) { $0 + $1.demandHours }
        let capacity = people.reduce(0) { $0 + $1.max }
        let fixedCount = people.filter { $0.fixed != nil }.count
        let pairs = people.reduce(0) { $0 + $1.avoid.count }
        let options = shape.options
        line("# Generated by Parcours's scenario generator: `parcours generate --participants \(n) --seed \(seed)"
             + (options.isEmpty ? "" : " " + options) + "`")
        let headcount = n == 1 ? "1 participant" : "\(n) participants"
        if shape == .classic {
            line("# N = \(headcount), seed \(seed). The same N and seed always give the same file.")
        } else {
            line("# N = \(headcount), seed \(seed). The same N, seed and shape always give the same file.")
        }
        line("# \(sites.count) site\(sites.count == 1 ? "" : "s") of about \(n / sites.count) participants, \(activities.count) activities, "
             + "\(supervisors.count) supervisors, \(trainings.count) trainings, \(pairs) avoid pair\(pairs == 1 ? "" : "s"), "
             + "\(fixedCount) fixed item\(fixedCount == 1 ? "" : "s").")
        line("# Demand: Σ min × hours over the shifts = \(number(demand)) h, for \(number(capacity)) h of participants' maximum hours"
             + " (× \(twoDecimals(demand / Swift.max(1, capacity)))).")
        if shape != .classic {
            let need = sites.indices.reduce(0) { $0 + supervisionNeed(site: $1) }
            let supply = supervisors.indices.reduce(0) { $0 + supervisorHours($1) }
            let shared = supervisors.filter { Set($0.activities.map { activities[$0].site }).count > 1 }.count
            line("# Supervision (\(shape.supervision.rawValue)): \(number(supply)) supervisor-hours for \(number(need)) h that the shift "
                 + "minimums need; \(shared) supervisor\(shared == 1 ? "" : "s") on several sites.")
        }
        line()
        line("parcours: 1")
        line("name: \(quoted("Semaine générée – \(headcount) (graine \(seed))"))")
        line("week: 2026-03-02")
        line("timezone: Europe/Paris")
        line()
        if cal.days == 5 && shape.slots == GeneratorShape.defaultSlots {
            line("# The default calendar, written out: five days, two half-days of 4 hours.")
        } else {
            let counts = [4: "four", 5: "five", 6: "six"]
            line("# \(counts[cal.days] ?? String(cal.days)) days, \(cal.slots == 3 ? "three slots" : "two slots") a day: "
                 + shape.slots.map { "\($0.id) \($0.start)–\($0.end) (\(number($0.hours)) h)" }.joined(separator: ", ") + ".")
        }
        line("calendar:")
        line("  days: \(list(days))")
        line("  slots:")
        for s in shape.slots {
            let hours = Double(s.span) / 60 == s.hours ? "" : ", hours: \(number(s.hours))"
            line("    - {id: \(s.id), start: \(quoted(s.start)), end: \(quoted(s.end))\(hours)}")
        }
        line()
        line("rules: {supervision_ratio: 8, max_hours_per_day: \(number(cal.fullDay))}")
        if shape.fractionalWeights {
            line("weights: {coverage: 100, contract: 50, goals: 7.5, target: 1.5, preference: 0.25, stability: 5}")
        } else {
            line("weights: {coverage: 100, contract: 50, goals: 10, target: 2, preference: 1, stability: 5}")
        }
        line()
        line("skills:")
        for (id, name) in Catalogue.skills + accessSkills { line("  - {id: \(id), name: \(quoted(name))}") }

        line()
        line("activities:")
        for site in sites {
            line("  # Site \(site.id) – \(site.name): \(site.people.count) participants")
            for a in site.activities {
                let act = activities[a]
                line("  - id: \(act.id)")
                line("    name: \(quoted(act.name))")
                line("    site: \(quoted("\(site.id) – \(site.name)"))")
                if !act.tags.isEmpty { line("    tags: \(list(act.tags))") }
                line("    develops: \(list(act.develops))")
                line("    requires: \(levels(act.requires))")
                if let m = act.mentoring { line("    mentoring: {skill: \(m.skill), level: \(m.level), ratio: \(m.ratio)}") }
                if act.ratio != 8 { line("    supervision_ratio: \(act.ratio)") }
                if act.priority != 1 { line("    priority: \(number(act.priority))") }
                line("    open:")
                let baseDays = act.baseDays.map { list($0.map { days[$0] }) } ?? "all"
                let baseSlots = act.baseSlots.map { list($0.map { slots[$0] }) } ?? "all"
                line("      - {days: \(baseDays), slots: \(baseSlots), min: \(act.min), max: \(act.min + act.spread)}")
                if let t = act.closed {
                    line("      - {days: [\(day(t))], slots: [\(slot(t))], min: 0, max: 0}   # team meeting")
                }
                if let t = act.peak {
                    line("      - {days: [\(day(t))], slots: [\(slot(t))], min: \(act.min + act.bump), "
                         + "max: \(act.min + act.spread + act.bump)}   # peak: an order to deliver")
                }
            }
        }

        line()
        line("supervisors:")
        for site in sites {
            line("  # Site \(site.id)")
            for j in site.supervisors {
                let sup = supervisors[j]
                line("  - id: \(sup.id)")
                line("    name: \(quoted(sup.name))")
                line("    activities: \(list(sup.activities.map { activities[$0].id }))")
                if let d = sup.offDay {
                    let slot = sup.offSlot.map { ", slot: \(slots[$0])" } ?? ""
                    line("    availability: {unavailable: [{day: \(days[d])\(slot), reason: \(quoted(sup.reason))}]}")
                }
                if let h = sup.maxHours { line("    max_hours: \(number(h))") }
            }
        }

        line()
        line("trainings:")
        for k in trainings {
            line("  - id: \(k.id)")
            line("    name: \(quoted(k.name))")
            if !k.kind.teaches.isEmpty { line("    teaches: \(list(k.kind.teaches))") }
            line("    seats: \(k.seats)")
            line("    min_participants: \(k.minParticipants)")
            if !k.kind.prerequisites.isEmpty { line("    prerequisites: \(levels(k.kind.prerequisites))") }
            line("    sessions: \(list(k.sessions.map { "{day: \(day($0)), slot: \(slot($0))}" }))")
        }

        line()
        line("participants:")
        for site in sites {
            line("  # Site \(site.id)")
            for i in site.people {
                let p = people[i]
                line("  - id: \(p.id)")
                line("    name: \(quoted(p.name))")
                if p.exact || p.min == p.max {
                    line("    hours: \(number(p.max))")
                } else if p.target == p.min {
                    line("    hours: {min: \(number(p.min)), max: \(number(p.max))}")
                } else {
                    line("    hours: {min: \(number(p.min)), max: \(number(p.max)), target: \(number(p.target))}")
                }
                var capacity: [String] = []
                if p.writeDailyCap, let c = p.dailyCap { capacity.append("max_hours_per_day: \(number(c))") }
                if let d = p.maxDays { capacity.append("max_days: \(d)") }
                if !capacity.isEmpty { line("    capacity: {\(capacity.joined(separator: ", "))}") }
                if let only = p.only {
                    line("    availability: {available: \(list(only.map { "{day: \(day($0)), slot: \(slot($0))}" }))}")
                } else if !p.unavailable.isEmpty {
                    line("    availability:")
                    let items = p.unavailable.map { u in
                        "{day: \(days[u.day])\(u.slot.map { ", slot: \(slots[$0])" } ?? ""), reason: \(quoted(u.reason))}"
                    }
                    line("      unavailable: \(list(items))")
                }
                let skills = vocabulary.compactMap { id in p.skills[id].map { "\(id): \($0)" } }
                if !skills.isEmpty { line("    skills: {\(skills.joined(separator: ", "))}") }
                if !p.restrictions.isEmpty { line("    restrictions: \(list(p.restrictions))") }
                if !p.goals.isEmpty {
                    line("    goals:")
                    for g in p.goals {
                        switch g {
                        case .activity(let a, let h): line("      - {activity: \(activities[a].id), hours: \(number(h))}")
                        case .skill(let s, let h, let w):
                            line("      - {skill: \(s), hours: \(number(h))\(w == 1 ? "" : ", weight: \(number(w))")}")
                        case .training(let k, let w): line("      - {training: \(trainings[k].id)\(w == 1 ? "" : ", weight: \(number(w))")}")
                        }
                    }
                }
                var preferences: [String] = []
                if !p.likes.isEmpty { preferences.append("likes: \(list(p.likes.map { activities[$0].id }))") }
                if !p.dislikes.isEmpty { preferences.append("dislikes: \(list(p.dislikes.map { activities[$0].id }))") }
                if !preferences.isEmpty { line("    preferences: {\(preferences.joined(separator: ", "))}") }
                if !p.avoid.isEmpty { line("    avoid: \(list(p.avoid.map { people[$0].id }))") }
                switch p.fixed {
                case .activity(let a, let t)?:
                    line("    fixed: [{day: \(day(t)), slot: \(slot(t)), activity: \(activities[a].id)}]")
                case .training(let k)?:
                    line("    fixed: [{training: \(trainings[k].id)}]")
                case nil: break
                }
            }
        }
        return out
    }
}
