// SPDX-License-Identifier: GPL-3.0-or-later
//
// The cuts that tighten the relaxation (RosterModel, "Tightening"; ReachableHours): each is valid
// for every roster — the hand-checked optimum does not move — and closes a gap the plain
// relaxation leaves open. The LP bounds below are hand-computed.

import Testing
import Modelling
import ModellingGLPK
import ParcoursScenario
@testable import ParcoursEngine

/// The objective of the model's linear relaxation.
private func relaxationBound(_ scenario: Scenario) throws -> Double? {
    let model = try RosterModel(scenario: scenario).model.relaxed()
    return GLPKSolver().solve(model, options: SolveOptions(timeLimit: 30)).solution?.objective
}

@Suite struct ReachableHoursAndHulls {
    @Test func subsetSumsOfPeriodsRespectTheCap() {
        #expect(ReachableHours.subsetSums([4, 4, 3.25])?.hours == [0, 3.25, 4, 7.25, 8, 11.25])
        #expect(ReachableHours.subsetSums([4, 4, 4], atMost: 8)?.hours == [0, 4, 8])
        #expect(ReachableHours.subsetSums([4, 1.1]) == nil)   // not in quarter hours
        let day = ReachableHours.subsetSums([4, 4], atMost: 4)!
        #expect(day.plus(day).hours == [0, 4, 8])
    }

    @Test func onlyEdgesTheContinuousCostUndercutsBecomeCuts() {
        // |h − 6| over {0, 4, 8, 12}: the hull's edge 4–8 is y >= 2; the edges 0–4 and 8–12 lie on
        // the cost itself and add nothing.
        let cuts = lowerHullCuts(points: [0, 4, 8, 12], cost: { abs($0 - 6) }, breakpoints: [6])
        #expect(cuts == [HullLine(slope: 0, intercept: 2)])
        // A reachable target needs no cut.
        #expect(lowerHullCuts(points: [0, 4, 8, 12], cost: { abs($0 - 8) }, breakpoints: [8]).isEmpty)
        // A shortfall max(0, 6 − h) over {0, 4, 8}: the edge from (4, 2) to (8, 0).
        #expect(lowerHullCuts(points: [0, 4, 8], cost: { max(0, 6 - $0) }, breakpoints: [6])
                == [HullLine(slope: -0.5, intercept: 4)])
    }
}

@Suite struct TighterRelaxation {
    @Test func hoursComeInWholePeriods() throws {
        // Target 6 h with 4-hour periods: every roster is 2 h off, 2 × 2 = 4; the relaxation knows it.
        let s = week([person("p", target: 6)], [activity("A", slots: ["am", "pm"], min: 0, max: 1)])
        #expect(try relaxationBound(s) == 4)
        #expect(solve(s).objective == 4)
    }

    @Test func goalHoursComeInWholePeriods() throws {
        // p works 8 h (target 8) in A or B, open morning and afternoon; a 6-hour goal in A; p likes B.
        // Both periods in A: 0. One in each: goal 2 h short, 10 × 2, minus 4 liked hours = 16.
        // The plain relaxation works 1.5 periods in A and 0.5 in B for −2; the goal's hull cut
        // (short >= 4 − 0.5 × achieved between 4 and 8 h) makes that cost 8, so the bound is 0.
        var p = person("p", max: 8, target: 8)
        p.goals = [Goal(.activity("A", hours: 6))]
        p.likes = ["B"]
        let s = week([p], [activity("A", slots: ["am", "pm"], min: 0, max: 1), activity("B", slots: ["am", "pm"], min: 0, max: 1)])
        #expect(solve(s).objective == 0)
        #expect(lines(solve(s)) == ["p mon am A", "p mon pm A"])
        #expect(try relaxationBound(s) == 0)
    }

    @Test func aDailyCapHoldsWholePeriods() throws {
        // A 4 h cap, a 4 h morning in A and a 3.75 h afternoon in B (priority 2): p works one of
        // them. Afternoon: A short, 100 × 4 = 400, and 0.25 h under the 4 h target, 2 × 0.25: 400.5;
        // morning: B short, 100 × 2 × 3.75 = 750. The hours row alone lets the relaxation work the
        // afternoon and a sixteenth of the morning (375); the cover `am + pm ≤ 1` restores 400.5.
        let calendar = Calendar(days: [.mon], slots: [Slot(id: "am", start: "08:00", end: "12:00", hours: 4),
                                                      Slot(id: "pm", start: "13:00", end: "16:45", hours: 3.75)])
        var p = person("p", max: 8, target: 4)
        p.capacity.maxHoursPerDay = 4
        var s = week([p], [activity("A", slots: ["am"]), activity("B", slots: ["pm"], priority: 2)])
        s.calendar = calendar
        let built = try RosterModel(scenario: s)
        let cover = try #require(built.model.constraints.first { $0.name == HardRule.dailyCap.constraintName("p", "mon", "cover1") })
        #expect(cover.terms.count == 2 && cover.upper == 1)
        #expect(try relaxationBound(s) == 400.5)
        let r = solve(s)
        #expect(r.objective == 400.5)
        #expect(lines(r) == ["p mon pm B"])
    }

    @Test func dailyCoversAreTheSetsTheCapCannotHold() {
        // 3.25 + 3.25 + 4 under 7 h: two of the three at most, and the 4 h period with either 3.25 h one
        // is 7.25 h: three covers. Under 8 h only the whole day is one. Equal lengths: the whole day.
        let covers = RosterModel.dailyCovers(hours: [3.25, 3.25, 4], cap: 7).map { "\($0.members) \($0.most)" }
        #expect(covers.sorted() == ["[0, 1, 2] 2", "[0, 2] 1", "[1, 2] 1"])
        #expect(RosterModel.dailyCovers(hours: [3.25, 3.25, 4], cap: 8).map(\.most) == [2])
        #expect(RosterModel.dailyCovers(hours: [4, 3.75], cap: 8).isEmpty)
    }

    @Test func aWeeklyCapHoldsWholePeriods() throws {
        // Monday and Tuesday, 4 h mornings in A and 3.5 h afternoons in B (priority 2); p works at
        // most 10 h, target 7. Two periods at most (the smallest three make 11 h): both afternoons,
        // the mornings short, 100 × 4 × 2 = 800, and p on target. The hours row (at most 8 h, what
        // whole periods reach) lets the relaxation work both afternoons and a quarter of a
        // morning: 700 short, 2 × 1 h above target, 702. The count `periods ≤ 2` restores 800.
        let calendar = Calendar(days: [.mon, .tue], slots: [Slot(id: "am", start: "08:00", end: "12:00", hours: 4),
                                                            Slot(id: "pm", start: "13:00", end: "16:30", hours: 3.5)])
        var s = week([person("p", max: 10, target: 7)], [activity("A", slots: ["am"]), activity("B", slots: ["pm"], priority: 2)])
        s.calendar = calendar
        let built = try RosterModel(scenario: s)
        let count = try #require(built.model.constraints.first { $0.name == HardRule.weeklyHours.constraintName("p", "periods") })
        #expect(count.terms.count == 4 && count.upper == 2)
        #expect(try relaxationBound(s) == 800)
        let r = solve(s)
        #expect(r.objective == 800)
        #expect(lines(r) == ["p mon pm B", "p tue pm B"])
    }

    @Test func theMostPeriodsFitTheWeeklyCapTheDailyCapAndTheDays() {
        // Three days of a 4 h and a 3.5 h period under 20 h: five (three 3.5 h and two 4 h make
        // 18.5 h; six make 22.5 h), where the relaxed cap takes 5.375.
        let days: [[Double]] = [[4, 3.5], [4, 3.5], [4, 3.5]]
        #expect(RosterModel.mostPeriods(days: days, weeklyCap: 20, dailyCap: { _ in 8 }, maxDays: 3) == 5)
        // On two days at most: two a day, four.
        #expect(RosterModel.mostPeriods(days: days, weeklyCap: 20, dailyCap: { _ in 8 }, maxDays: 2) == 4)
        // A 4 h daily cap: one a day, three.
        #expect(RosterModel.mostPeriods(days: days, weeklyCap: 20, dailyCap: { _ in 4 }, maxDays: 3) == 3)
        // Periods of one length that divide the cap: the hours row says it already (no cut).
        #expect(RosterModel.mostPeriods(days: [[4, 4], [4, 4], [4, 4]], weeklyCap: 20, dailyCap: { _ in 8 }, maxDays: 3) == nil)
    }

    @Test func supervisorsComeWhole() throws {
        // A needs a supervisor (ratio 8) and 2 people on Monday morning; Marc can supervise A or B,
        // B needs 2 people too, and there are two people who can only work in A, two only in B.
        // One shift stays short: 100 × 4 × 2 = 800, and two people work 4 h above their target of
        // 0: 2 × 2 × 4 = 16. The plain relaxation splits Marc in half and staffs both shifts (bound
        // 32); the cut short >= 2 × (1 − supervisors) restores 816.
        let a = activity("A", min: 2, max: 2, ratio: 8), b = activity("B", min: 2, max: 2, ratio: 8)
        let marc = Supervisor(id: "marc", activities: ["A", "B"])
        var people: [Participant] = []
        for (id, restricted) in [("a1", "b"), ("a2", "b"), ("b1", "a"), ("b2", "a")] {
            var p = person(id, max: 4)
            p.restrictions = [restricted]
            people.append(p)
        }
        var tagged = [a, b]
        tagged[0].tags = ["a"]
        tagged[1].tags = ["b"]
        let s = week(people, tagged, supervisors: [marc])
        let r = solve(s)
        #expect(r.terms?[.coverage] == 800)
        #expect(r.objective == 816)
        #expect(try relaxationBound(s) == 816)
    }
}
