// SPDX-License-Identifier: GPL-3.0-or-later
//
// A corpus of invalid scenarios: each must fail with an error at the exact line and column of the
// mistake, whose message carries the key words a planner needs. Bodies start on line 3 (after
// `parcours: 1` and `name: Test`).

import Testing
@testable import ParcoursScenario

struct InvalidCase: CustomTestStringConvertible, Sendable {
    var name: String
    var body: String
    var line: Int
    var column: Int
    var words: [String]
    var header = "parcours: 1\nname: Test\n"
    var testDescription: String { name }
}

let decl = """
skills: [{id: cuisine}, {id: hygiene}]
activities:
  - {id: cuisine, tags: [heavy], requires: {hygiene: 1}, open: [{days: all, slots: all, min: 0, max: 2}]}
  - {id: jardin, open: [{days: [mon], slots: [am], min: 0, max: 2}]}
trainings:
  - {id: haccp, seats: 1, prerequisites: {hygiene: 1}, sessions: [{day: thu, slot: pm}]}

"""   // lines 3–8: entities below start on line 9

let invalidCases: [InvalidCase] = [
    InvalidCase(name: "unknown top-level key", body: "participant: []\n", line: 3, column: 1, words: ["unknown key", "did you mean 'participants'"]),
    InvalidCase(name: "missing name", body: "", line: 1, column: 1, words: ["needs 'name'"], header: "parcours: 1\nweek: 2026-11-23\n"),
    InvalidCase(name: "wrong format version", body: "", line: 1, column: 11, words: ["version 2", "parcours: 1"], header: "parcours: 2\nname: X\n"),
    InvalidCase(name: "week not a date", body: "week: 2026-02-30\n", line: 3, column: 7, words: ["YYYY-MM-DD"]),
    InvalidCase(name: "YAML syntax error", body: "participants: [{id: p1, hours: 8}\n", line: 4, column: 1, words: ["not valid YAML"]),
    InvalidCase(name: "duplicate key", body: "rules: {}\nrules: {}\n", line: 3, column: 1, words: ["appears twice"]),
    InvalidCase(name: "calendar day misspelt", body: "calendar: {days: [mon, tues]}\n", line: 3, column: 24, words: ["not a day", "did you mean 'tue'"]),
    InvalidCase(name: "calendar days out of order", body: "calendar: {days: [tue, mon]}\n", line: 3, column: 24, words: ["week order"]),
    InvalidCase(name: "slot ends before it starts", body: "calendar: {slots: [{id: am, start: \"12:00\", end: \"08:00\"}]}\n",
                line: 3, column: 50, words: ["ends", "before it starts"]),
    InvalidCase(name: "slot without hours", body: "calendar: {slots: [{id: am}]}\n", line: 3, column: 20, words: ["needs its paid hours"]),
    InvalidCase(name: "negative ratio", body: "rules: {supervision_ratio: -1}\n", line: 3, column: 28, words: ["at least 0"]),
    InvalidCase(name: "weight not a number", body: "weights: {coverage: lots}\n", line: 3, column: 21, words: ["must be a number"]),
    InvalidCase(name: "decimal comma", body: "participants: [{id: p1, hours: \"7,5\"}]\n", line: 3, column: 32, words: ["with a point", "7.5"]),
    InvalidCase(name: "invalid id", body: "participants: [{id: Amina K, hours: 8}]\n", line: 3, column: 21, words: ["not a valid id", "Amina-K"]),
    InvalidCase(name: "duplicate participant id", body: "participants:\n  - {id: p1, hours: 8}\n  - {id: p1, hours: 8}\n",
                line: 5, column: 10, words: ["used twice", "first at test.yaml:4:10"]),
    InvalidCase(name: "missing hours", body: "participants: [{id: p1}]\n", line: 3, column: 16, words: ["needs 'hours'"]),
    InvalidCase(name: "min above max", body: "participants: [{id: p1, hours: {min: 20, max: 10}}]\n", line: 3, column: 47, words: ["below hours.min"]),
    InvalidCase(name: "target outside band", body: "participants: [{id: p1, hours: {min: 10, max: 20, target: 30}}]\n",
                line: 3, column: 59, words: ["between min", "max"]),
    InvalidCase(name: "negative hours", body: "participants: [{id: p1, hours: -4}]\n", line: 3, column: 32, words: ["at least 0"]),
    InvalidCase(name: "both availability forms", body: "participants: [{id: p1, hours: 8, availability: {available: [mon], unavailable: [tue]}}]\n",
                line: 3, column: 68, words: ["both", "keep one"]),
    InvalidCase(name: "slot not in calendar", body: "participants: [{id: p1, hours: 8, availability: {unavailable: [{day: mon, slot: soir}]}}]\n",
                line: 3, column: 81, words: ["not a slot"]),
    InvalidCase(name: "skill level not integer", body: decl + "participants: [{id: p1, hours: 8, skills: {cuisine: 1.5}}]\n",
                line: 9, column: 53, words: ["whole number"]),
    InvalidCase(name: "skill level zero", body: decl + "participants: [{id: p1, hours: 8, skills: {cuisine: 0}}]\n",
                line: 9, column: 53, words: ["at least 1"]),
    InvalidCase(name: "undeclared skill", body: decl + "participants: [{id: p1, hours: 8, skills: {cusine: 1}}]\n",
                line: 9, column: 44, words: ["skill 'cusine'", "not declared", "did you mean 'cuisine'"]),
    InvalidCase(name: "goal on undeclared activity", body: decl + "participants: [{id: p1, hours: 8, goals: [{activity: kitchen, hours: 4}]}]\n",
                line: 9, column: 54, words: ["activity 'kitchen'", "not declared"]),
    InvalidCase(name: "goal with two kinds", body: decl + "participants: [{id: p1, hours: 8, goals: [{activity: cuisine, skill: cuisine, hours: 4}]}]\n",
                line: 9, column: 43, words: ["exactly one of"]),
    InvalidCase(name: "training goal with hours", body: decl + "participants: [{id: p1, hours: 8, goals: [{training: haccp, hours: 4}]}]\n",
                line: 9, column: 61, words: ["training goal has no hours"]),
    InvalidCase(name: "avoid oneself", body: "participants: [{id: p1, hours: 8, avoid: [p1]}]\n", line: 3, column: 43, words: ["avoid themself"]),
    InvalidCase(name: "avoid unknown participant", body: "participants:\n  - {id: p1, hours: 8, avoid: [p2]}\n  - {id: p3, hours: 8}\n",
                line: 4, column: 32, words: ["participant 'p2'", "not declared"]),
    InvalidCase(name: "dislike unknown activity", body: decl + "participants: [{id: p1, hours: 8, preferences: {dislikes: [plonge]}}]\n",
                line: 9, column: 60, words: ["activity 'plonge'"]),
    InvalidCase(name: "fixed while unavailable", body: decl + "participants:\n  - id: p1\n    hours: 8\n    skills: {hygiene: 1}\n    availability: {unavailable: [tue]}\n    fixed: [{day: tue, slot: am, activity: cuisine}]\n",
                line: 14, column: 13, words: ["fixed in 'cuisine' on tue am", "not available"]),
    InvalidCase(name: "fixed against restriction", body: decl + "participants:\n  - {id: p1, hours: 8, skills: {hygiene: 1}, restrictions: [heavy], fixed: [{day: mon, slot: am, activity: cuisine}]}\n",
                line: 10, column: 77, words: ["restricted", "heavy"]),
    InvalidCase(name: "fixed without requirement", body: decl + "participants:\n  - {id: p1, hours: 8, fixed: [{day: mon, slot: am, activity: cuisine}]}\n",
                line: 10, column: 32, words: ["requires hygiene level 1"]),
    InvalidCase(name: "fixed in closed shift", body: decl + "participants:\n  - {id: p1, hours: 8, fixed: [{day: tue, slot: am, activity: jardin}]}\n",
                line: 10, column: 32, words: ["not open"]),
    InvalidCase(name: "fixed activity without slot", body: decl + "participants:\n  - {id: p1, hours: 8, fixed: [{day: mon, activity: jardin}]}\n",
                line: 10, column: 32, words: ["needs its day and slot"]),
    InvalidCase(name: "fixed training outside its sessions", body: decl + "participants:\n  - {id: p1, hours: 8, skills: {hygiene: 1}, fixed: [{training: haccp, day: mon, slot: am}]}\n",
                line: 10, column: 54, words: ["not one of its sessions", "thu pm"]),
    InvalidCase(name: "fixed training without prerequisite", body: decl + "participants:\n  - {id: p1, hours: 8, fixed: [{training: haccp}]}\n",
                line: 10, column: 32, words: ["needs hygiene level 1"]),
    InvalidCase(name: "more fixed than seats", body: decl + "participants:\n  - {id: p1, hours: 8, skills: {hygiene: 1}, fixed: [{training: haccp}]}\n  - {id: p2, hours: 8, skills: {hygiene: 1}, fixed: [{training: haccp}]}\n",
                line: 8, column: 24, words: ["2 participants are fixed", "1 seats"]),
    InvalidCase(name: "fixed hours over the daily cap", body: decl + "participants:\n  - id: p1\n    hours: 8\n    skills: {hygiene: 1}\n    capacity: {max_hours_per_day: 4}\n    fixed: [{day: mon, slot: am, activity: jardin}, {day: mon, slot: pm, activity: cuisine}]\n",
                line: 14, column: 12, words: ["on mon add up to 8 h", "daily cap of 4 h"]),
    InvalidCase(name: "open block min above max", body: "activities: [{id: a, open: [{days: all, slots: all, min: 3, max: 2}]}]\n",
                line: 3, column: 66, words: ["below its min"]),
    InvalidCase(name: "open block without slots", body: "activities: [{id: a, open: [{days: all, min: 0, max: 2}]}]\n",
                line: 3, column: 29, words: ["needs 'slots'"]),
    InvalidCase(name: "open block on a day off the calendar", body: "activities: [{id: a, open: [{days: [sun], slots: all, min: 0, max: 2}]}]\n",
                line: 3, column: 37, words: ["not a day of this week's calendar"]),
    InvalidCase(name: "mentoring skill undeclared", body: "activities: [{id: a, mentoring: {skill: couture, level: 2, ratio: 3}}]\n",
                line: 3, column: 41, words: ["skill 'couture'"]),
    InvalidCase(name: "supervisor of unknown activity", body: decl + "supervisors: [{id: marc, activities: [cuisne]}]\n",
                line: 9, column: 39, words: ["activity 'cuisne'", "did you mean 'cuisine'"]),
    InvalidCase(name: "unknown supervisor key", body: "supervisors: [{id: marc, activities: [], max_hour: 30}]\n",
                line: 3, column: 42, words: ["unknown key 'max_hour'", "did you mean 'max_hours'"]),
    InvalidCase(name: "training without seats", body: "trainings: [{id: k, sessions: [{day: mon, slot: am}]}]\n",
                line: 3, column: 13, words: ["needs 'seats'"]),
    InvalidCase(name: "training sessions repeat", body: "trainings: [{id: k, seats: 2, sessions: [{day: mon, slot: am}, {day: mon, slot: am}]}]\n",
                line: 3, column: 64, words: ["two sessions on mon am", "distinct"]),
    InvalidCase(name: "session without slot", body: "trainings: [{id: k, seats: 2, sessions: [{day: mon}]}]\n",
                line: 3, column: 42, words: ["needs 'slot'"]),
    InvalidCase(name: "baseline names unknown participant", body: decl + "baseline: [{participant: p9, day: mon, slot: am, activity: jardin}]\n",
                line: 9, column: 12, words: ["participant 'p9'", "not declared"]),
    InvalidCase(name: "baseline file missing", body: "baseline: nowhere.json\n", line: 3, column: 11, words: ["does not exist", "relative to the scenario"]),
    InvalidCase(name: "participants csv missing", body: "participants: {csv: nowhere.csv}\n", line: 3, column: 21, words: ["does not exist"]),
    InvalidCase(name: "entities not a list", body: "participants: p1\n", line: 3, column: 15, words: ["must be a list"]),
]

@Suite struct InvalidScenarios {
    @Test func theCorpusHasAtLeastThirtyCases() {
        #expect(invalidCases.count >= 30)
    }

    @Test(arguments: invalidCases)
    func eachIsLocatedAndExplained(_ c: InvalidCase) {
        let found = errors(c.header + c.body)
        let here = found.filter { $0.location?.line == c.line && $0.location?.column == c.column }
        #expect(!here.isEmpty, "no error at \(c.line):\(c.column); got:\n\(found.map(\.description).joined(separator: "\n"))")
        if let first = here.first {
            let text = first.description
            for word in c.words {
                #expect(text.contains(word), "'\(word)' missing from: \(text)")
            }
            #expect(first.location?.file == "test.yaml")
            #expect(first.fix != nil || text.contains("fix"), "no fix in: \(text)")
        }
    }

    @Test func everyProblemIsReportedInOneRun() {
        let found = errors(scenarioText(decl + """
        participants:
          - {id: p1, hours: {min: 9, max: 8}, skills: {cusine: 1}}
          - {id: p2, hours: 8, avoid: [p2]}
        supervisors: [{id: s, activities: [jardn]}]
        """))
        #expect(found.count == 4)
        #expect(found.map { $0.location?.line ?? 0 }.sorted() == [10, 10, 11, 12])
    }
}
