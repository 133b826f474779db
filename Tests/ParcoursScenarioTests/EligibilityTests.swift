// SPDX-License-Identifier: GPL-3.0-or-later
//
// Who may ever be where (H6 requirements, H7 restrictions, training prerequisites), asked of the
// week's data alone, with a case each way.

import Testing
import ParcoursScenario

private let kitchen = Activity(id: "cuisine", tags: ["knives", "standing"], requires: ["hygiene": 2, "knife": 1])
private let hygiene = Training(id: "haccp", seats: 4, prerequisites: ["french": 2], sessions: [])

@Test func aParticipantAtEveryRequiredLevelWithoutARestrictedTagMayWorkThere() {
    let p = Participant(id: "p", hours: HoursBand(exactly: 20), skills: ["hygiene": 3, "knife": 1])
    #expect(p.mayWork(in: kitchen))
    #expect(p.missingLevels(for: kitchen).isEmpty && p.restrictedTags(of: kitchen).isEmpty)
}

@Test func aParticipantBelowARequiredLevelMayNotWorkThereAndSeesEveryMissingLevelByName() {
    // hygiene 1 of 2, and no knife skill at all: both, by skill name, with the level they have.
    let p = Participant(id: "p", hours: HoursBand(exactly: 20), skills: ["hygiene": 1])
    #expect(!p.mayWork(in: kitchen))
    #expect(p.missingLevels(for: kitchen) == [MissingLevel(skill: "hygiene", needed: 2, has: 1),
                                             MissingLevel(skill: "knife", needed: 1, has: 0)])
}

@Test func aRestrictedTagKeepsAQualifiedParticipantOut() {
    let p = Participant(id: "p", hours: HoursBand(exactly: 20), skills: ["hygiene": 2, "knife": 1], restrictions: ["standing", "night"])
    #expect(!p.mayWork(in: kitchen))
    #expect(p.restrictedTags(of: kitchen) == ["standing"])
    #expect(p.missingLevels(for: kitchen).isEmpty)
}

@Test func aTrainingsPrerequisitesAreMetAtTheirLevelAndNotBelow() {
    let ready = Participant(id: "a", hours: HoursBand(exactly: 20), skills: ["french": 2])
    let notYet = Participant(id: "b", hours: HoursBand(exactly: 20), skills: ["french": 1])
    #expect(ready.meetsPrerequisites(of: hygiene) && ready.missingPrerequisites(of: hygiene).isEmpty)
    #expect(!notYet.meetsPrerequisites(of: hygiene))
    #expect(notYet.missingPrerequisites(of: hygiene) == [MissingLevel(skill: "french", needed: 2, has: 1)])
}
