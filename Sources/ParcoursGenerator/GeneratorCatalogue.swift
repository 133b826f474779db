// SPDX-License-Identifier: GPL-3.0-or-later
//
// What generated weeks are made of: the skills, the kinds of activities and trainings, the names
// and the reasons of absence a week draws from.

struct SkillLevel { var skill: String; var level: Int }
struct MentoringRule { var skill: String; var level: Int; var ratio: Int }

struct ActivityKind {
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

struct TrainingKind {
    var key: String
    var name: String
    var teaches: [String]
    var seats: Int
    var minParticipants: Int
    var prerequisites: [SkillLevel]
}

enum Catalogue {
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
