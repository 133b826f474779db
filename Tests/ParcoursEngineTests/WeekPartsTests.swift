// SPDX-License-Identifier: GPL-3.0-or-later
//
// A week's parts (WeekParts) and the first roster built from them: the parts are the sites, people
// go where they can work most, avoid pairs stay together, and solving the parts first never changes
// the optimum.

import Testing
import ParcoursScenario
@testable import ParcoursEngine

/// Two sites of one activity each (mornings, min 1, max 2), one supervisor each, and a training
/// T (two seats, at least two people) on Monday afternoon that a1 and b1 both want.
private func twoSites() -> Scenario {
    var garden = activity("garden", min: 1, max: 2, ratio: 8), kitchen = activity("kitchen", min: 1, max: 2, ratio: 8)
    garden.site = "farm"
    kitchen.site = "restaurant"
    garden.requires = ["farm": 1]
    kitchen.requires = ["restaurant": 1]
    func member(_ id: String, _ skills: [String: Int]) -> Participant {
        var p = person(id, max: 8, target: 8)
        p.skills = skills
        return p
    }
    var a1 = member("a1", ["farm": 1]), b1 = member("b1", ["restaurant": 1])
    a1.goals = [Goal(.training("T"))]
    b1.goals = [Goal(.training("T"))]
    // c1 can work on both sites, but the farm opens in the afternoon too: more shifts there.
    garden.open = [OpenBlock(min: 1, max: 2)]
    let people = [a1, member("a2", ["farm": 1]), b1, member("b2", ["restaurant": 1]), member("c1", ["farm": 1, "restaurant": 1])]
    let t = Training(id: "T", seats: 2, minParticipants: 2, sessions: [TimeRef(day: .mon, slot: "pm")])
    return week(people, [garden, kitchen], days: [.mon, .tue],
                supervisors: [Supervisor(id: "sam", activities: ["garden"]), Supervisor(id: "rita", activities: ["kitchen"])],
                trainings: [t], skills: ["farm", "restaurant"])
}

@Suite struct PartsOfAWeek {
    @Test func sitesAreParts() {
        let parts = WeekParts(WeekIndex(twoSites())).parts
        #expect(parts.count == 2)
        #expect(parts.map(\.participants) == [[0, 1, 4], [2, 3]])   // c1 (4) goes to the farm
        #expect(parts.map(\.supervisors) == [[0], [1]])
        #expect(parts.map(\.activities) == [[0], [1]])
    }

    @Test func peopleWhoAvoidEachOtherShareAPart() {
        var s = twoSites()
        s.participants[0].avoid = ["b2"]
        #expect(WeekParts(WeekIndex(s)).parts.count == 1)
    }

    @Test func aPartsWeekKeepsItsPeopleAndSharesTheSeatsLeft() {
        let s = twoSites()
        let part = WeekParts(WeekIndex(s)).parts[1]
        let sub = WeekParts.scenario(of: part, in: s, enrolled: [1], reserved: [0])
        #expect(sub.participants.map(\.id) == ["b1", "b2"])
        #expect(sub.activities.map(\.id) == ["kitchen"])
        #expect(sub.trainings[0].seats == 1)
        #expect(sub.trainings[0].minParticipants == 0)   // the training already runs
        let untouched = WeekParts.scenario(of: part, in: s, enrolled: [0], reserved: [1])
        #expect(untouched.trainings[0].seats == 1 && untouched.trainings[0].minParticipants == 2)
    }

    @Test func solvingThePartsFirstKeepsTheOptimum() {
        let s = twoSites()
        var plain = EngineOptions(timeLimit: 30)
        plain.solvePartsFirst = false
        let withParts = solve(s), without = solve(s, plain)
        #expect(withParts.status == .optimal && without.status == .optimal)
        #expect(withParts.objective == without.objective)
        // a1 and b1 meet in T although they are in different parts: the whole week's search joins them.
        #expect(withParts.enrollments.map(\.participants) == [["a1", "b1"]])
        #expect(RosterVerification(scenario: s, roster: withParts).isValid)
    }
}
