// SPDX-License-Identifier: GPL-3.0-or-later
//
// Variants (contract §7): each kind of change applied to a base scenario; and participants from
// spreadsheet exports (comma, semicolon, BOM, errors naming row and column).

import Foundation
import Testing
@testable import ParcoursScenario

let variantBase = scenarioText("""
skills: [{id: cuisine}, {id: hygiene}]
activities:
  - {id: cuisine, develops: [cuisine], requires: {hygiene: 1}, open: [{days: all, slots: all, min: 1, max: 3}]}
  - {id: jardin, open: [{days: all, slots: all, min: 0, max: 3}]}
trainings:
  - {id: haccp, teaches: [hygiene], seats: 4, sessions: [{day: thu, slot: pm}]}
supervisors:
  - {id: marc, activities: [cuisine, jardin]}
participants:
  - id: p01
    hours: 20
    skills: {hygiene: 1}
    goals: [{activity: cuisine, hours: 8}, {training: haccp}, {skill: hygiene, hours: 4}]
    preferences: {likes: [jardin]}
    fixed: [{day: mon, slot: am, activity: cuisine}]
  - {id: p02, hours: 12, avoid: [p01]}
baseline:
  - {participant: p01, day: tue, slot: am, activity: jardin}
  - {participant: p02, day: tue, slot: am, activity: cuisine}
""")

func applying(_ changes: String) throws -> Scenario {
    let variant = try ScenarioLoader.variant(yaml: "variant: \"test\"\nchanges:\n" + changes, file: "variant.yaml")
    return try ScenarioLoader.load(yaml: variantBase, file: "test.yaml", variants: [variant])
}

@Suite struct Variants {
    @Test func patchReplacesWholeFieldsOnly() throws {
        let s = try applying("  - patch: {supervisor: marc, availability: {unavailable: [{day: tue}]}}\n"
                             + "  - patch: {activity: jardin, open: [{days: [fri], slots: [am], min: 2, max: 4}]}\n")
        #expect(s.supervisors[0].availability == .except([TimeRef(day: .tue)]))
        #expect(s.supervisors[0].activities == ["cuisine", "jardin"])
        #expect(s.activities[1].open == [OpenBlock(days: [.fri], slots: ["am"], min: 2, max: 4)])
        #expect(s.activities[0].open == [OpenBlock(min: 1, max: 3)])
    }

    @Test func removeParticipantDropsAvoidListsAndBaseline() throws {
        let s = try applying("  - remove: {participant: p01}\n")
        #expect(s.participants.map(\.id) == ["p02"])
        #expect(s.participants[0].avoid.isEmpty)
        #expect(s.baseline?.map(\.participant) == ["p02"])
    }

    @Test func removeActivityDropsGoalsPreferencesFixedSupervisionAndBaseline() throws {
        let s = try applying("  - remove: {activity: cuisine}\n")
        #expect(s.activities.map(\.id) == ["jardin"])
        #expect(s.supervisors[0].activities == ["jardin"])
        #expect(s.participants[0].goals == [Goal(.training("haccp")), Goal(.skill("hygiene", hours: 4))])
        #expect(s.participants[0].fixed.isEmpty)
        #expect(s.baseline?.map(\.participant) == ["p01"])
    }

    @Test func removeTrainingAndSkill() throws {
        let s = try applying("  - remove: {training: haccp}\n  - remove: {skill: hygiene}\n")
        #expect(s.trainings.isEmpty && s.skills.map(\.id) == ["cuisine"])
        #expect(s.participants[0].goals == [Goal(.activity("cuisine", hours: 8))])
        #expect(s.participants[0].skills.isEmpty && s.activities[0].requires.isEmpty)
    }

    @Test func addAppendsANewEntity() throws {
        let s = try applying("  - add: {participant: {id: p31, hours: 20, skills: {hygiene: 1}}}\n"
                             + "  - add: {activity: {id: plonge, open: [{days: all, slots: [pm], min: 1, max: 1}]}}\n")
        #expect(s.participants.map(\.id) == ["p01", "p02", "p31"])
        #expect(s.participants[2].hours == HoursBand(exactly: 20) && s.participants[2].skills == ["hygiene": 1])
        #expect(s.activities.last?.id == "plonge")
    }

    @Test func rulesAndWeights() throws {
        let s = try applying("  - rules: {supervision_ratio: 10}\n  - weights: {coverage: 200}\n")
        #expect(s.rules.supervisionRatio == 10 && s.rules.maxHoursPerDay == 8)
        #expect(s.weights.coverage == 200 && s.weights.contract == 50)
    }

    @Test func changesApplyInOrder() throws {
        let s = try applying("  - patch: {participant: p02, hours: 10}\n  - patch: {participant: p02, hours: 14}\n")
        #expect(s.participants[1].hours == HoursBand(exactly: 14))
    }

    @Test func unknownIdIsALocatedError() throws {
        let variant = try ScenarioLoader.variant(yaml: "variant: x\nchanges:\n  - remove: {participant: p07}\n  - patch: {activity: cusine, priority: 2}\n",
                                                 file: "v.yaml")
        let found = errors(variantBase, variants: [variant])
        #expect(found.map { "\($0.location!)" } == ["v.yaml:3:27", "v.yaml:4:23"])
        #expect(found[1].fix == "did you mean 'cuisine'?")
    }

    @Test func patchThatBreaksAFixedItemIsReportedAtTheFixedItem() throws {
        let variant = try ScenarioLoader.variant(yaml: "variant: x\nchanges:\n  - patch: {participant: p01, availability: {unavailable: [mon]}}\n")
        let found = errors(variantBase, variants: [variant])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("not available") == true)
        #expect(found.first?.location?.file == "test.yaml")
    }

    @Test func addingAnExistingIdAndPatchingTheIdAreErrors() throws {
        let variant = try ScenarioLoader.variant(yaml: "variant: x\nchanges:\n  - add: {participant: {id: p02, hours: 3}}\n  - patch: {participant: p02, id: p03}\n")
        let found = errors(variantBase, variants: [variant])
        #expect(found.count == 2)
        #expect(found[0].message.contains("already has a participant 'p02'"))
        #expect(found[1].message.contains("unknown key 'id'"))
    }
}

@Suite struct ParticipantsFromSpreadsheets {
    func scenario(csv: String, bytes: [UInt8] = []) throws -> (dir: String, file: String) {
        let dir = try temporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir + "/people.csv", contents: Data(bytes) + Data(csv.utf8))
        let file = dir + "/week.yaml"
        try scenarioText("""
        skills: [{id: cuisine}, {id: hygiene}]
        activities: [{id: cuisine, open: [{days: all, slots: all, min: 0, max: 2}]}]
        trainings: [{id: haccp, seats: 4, sessions: [{day: thu, slot: pm}]}]
        participants: {csv: people.csv}
        """).write(toFile: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    let expected = [
        Participant(id: "p01", name: "Amina K.", hours: HoursBand(min: 20, max: 26, target: 24),
                    capacity: Capacity(maxHoursPerDay: 4, maxDays: 4), availability: .except([TimeRef(day: .tue, slot: "am"), TimeRef(day: .thu)]),
                    skills: ["cuisine": 2, "hygiene": 1], goals: [Goal(.activity("cuisine", hours: 8)), Goal(.skill("hygiene", hours: 4), weight: 2)]),
        Participant(id: "p02", hours: HoursBand(exactly: 12.5), restrictions: ["heavy"], goals: [Goal(.training("haccp"))],
                    likes: ["cuisine"], avoid: ["p01"]),
    ]

    @Test func commaSeparatedUTF8() throws {
        let (_, file) = try scenario(csv: """
        id,name,hours_min,hours_max,hours_target,max_hours_per_day,max_days,skills,unavailable,goals,restrictions,likes,avoid,hours
        p01,Amina K.,20,26,24,4,4,"cuisine:2;hygiene:1",tue.am;thu,"activity:cuisine:8;skill:hygiene:4:2",,,,
        p02,,,,,,,,,training:haccp,heavy,cuisine,p01,12.5

        """)
        #expect(try ScenarioLoader.load(file: file).participants == expected)
    }

    @Test func semicolonSeparatedWithBOMAndDecimalCommas() throws {
        let (_, file) = try scenario(csv: """
        ID;Name;Hours min;Hours max;Hours target;Max hours per day;Max days;Skills;Unavailable;Goals;Restrictions;Likes;Avoid;Hours
        p01;Amina K.;20;26;24;4;4;cuisine:2,hygiene:1;"tue.am;thu";"activity:cuisine:8;skill:hygiene:4:2";;;;
        p02;;;;;;;;;training:haccp;heavy;cuisine;p01;12,5
        """, bytes: [0xEF, 0xBB, 0xBF])
        #expect(try ScenarioLoader.load(file: file).participants == expected)
    }

    @Test func errorsNameTheRowAndColumn() throws {
        let (dir, file) = try scenario(csv: "id;hours;skills;unavailable;colour\np01;8;cusine:1;;\np02;huit;;frii;\n")
        let found: [ScenarioDiagnostic]
        do { _ = try ScenarioLoader.load(file: file); found = [] } catch { found = error.errors }
        let csv = dir + "/people.csv"
        #expect(found.map(\.location) == [
            SourceLocation(file: csv, line: 1, column: 5),   // unknown column
            SourceLocation(file: csv, line: 3, column: 2),   // hours 'huit'
            SourceLocation(file: csv, line: 3, column: 4),   // day 'frii'
            SourceLocation(file: csv, line: 2, column: 3),   // undeclared skill
        ])
        #expect(found[0].message.contains("unknown column 'colour'"))
        #expect(found[2].fix == "did you mean 'fri'?")
        #expect(found[3].fix == "did you mean 'cuisine'?")
    }
}
