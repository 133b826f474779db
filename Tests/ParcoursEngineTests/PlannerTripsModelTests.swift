// SPDX-License-Identifier: GPL-3.0-or-later
//
// The optional fields of issue 14 in the model and in the independent checker (which must agree),
// and the text grid. Each comment says what the roster would be without the field.

import Testing
import ParcoursScenario
@testable import ParcoursEngine

@Suite struct OptionalFieldsInTheModel {
    func french(openTo: Training.OpenTo?) -> Scenario {
        // p needs French (a skill goal), q is a native speaker; both want 8 h and A has room for one.
        var p = person("p", max: 8, target: 8), q = person("q", max: 8, target: 8)
        p.goals = [Goal(.skill("francais", hours: 4))]
        q.skills = [:]
        var fle = Training(id: "fle", teaches: ["francais"], seats: 4, sessions: [TimeRef(day: .mon, slot: "pm")])
        fle.openTo = openTo
        return week([p, q], [activity("A", min: 0, max: 2)], trainings: [fle], skills: ["francais"])
    }

    @Test func openToGoalsKeepsTheTrainingForThoseWhoNeedIt() {
        // Without open_to, q fills the missing afternoon with the French class.
        #expect(lines(solve(french(openTo: nil))).contains("q mon pm training fle"))
        let r = solve(french(openTo: .goals))
        #expect(lines(r) == ["p mon am A", "p mon pm training fle", "q mon am A"])
        #expect(solve(french(openTo: .participants(["q"]))).enrollments.map(\.participants) == [["q"]])
        // The checker refuses what the model cannot build.
        let enrolled = [Roster.Assignment(participant: "q", day: .mon, slot: "pm", place: .training("fle"))]
        let v = RosterCheck(french(openTo: .goals)).check(enrolled, []).violations
        #expect(v.map(\.rule) == [.trainings])
        #expect(v.first?.message == "q is in fle, which is open only to those with a goal for it")
    }

    @Test func aDailyLimitCapsHoursInTaggedActivities() {
        var p = person("p", max: 8, target: 8)
        var standing = activity("stall", slots: ["am", "pm"], min: 0, max: 1)
        standing.tags = ["standing"]
        // Without the limit, p stands at the stall all day.
        #expect(lines(solve(week([p], [standing]))).count == 2)
        p.limits = ["standing": 4]
        let s = week([p], [standing, activity("office", slots: ["am", "pm"], min: 0, max: 1)])
        let r = solve(s)
        #expect(Set(lines(r).map { $0.hasSuffix("stall") }) == [true, false])
        #expect(r.terms?[.target] == 0)
        let both = ["am", "pm"].map { Roster.Assignment(participant: "p", day: .mon, slot: $0, place: .activity("stall")) }
        let v = RosterCheck(s).check(both, []).violations
        #expect(v.map(\.message) == ["p works 8 h tagged standing on mon, above their limit 4"])
        #expect(v.map(\.rule) == [.dailyCap])
    }

    @Test func aPaidAbsenceCountsTowardsTheContractAndTheTarget() {
        // Sick on Monday, paid: without `paid`, p's 8 h move to Tuesday.
        var p = person("p", min: 8, max: 8, target: 8)
        p.availability = .except([TimeRef(day: .mon, reason: "malade")])
        let s = week([p], [activity("A", slots: ["am", "pm"], min: 0, max: 1)], days: [.mon, .tue])
        #expect(lines(solve(s)) == ["p tue am A", "p tue pm A"])
        var paid = s
        paid.participants[0].availability = .except([TimeRef(day: .mon, reason: "malade", paid: true)])
        let r = solve(paid)
        #expect(r.status == .optimal)
        #expect(lines(r).isEmpty)
        #expect(r.objective == 0 && r.terms?[.contract] == 0 && r.terms?[.target] == 0)
        // The checker counts the same: 4 h more would be 4 h above the target.
        let report = RosterCheck(paid).check([Roster.Assignment(participant: "p", day: .tue, slot: "am", place: .activity("A"))], [])
        #expect(report.terms[.target] == 8 && report.terms[.contract] == 0)
        // Shown as such: in the roster JSON and the summary.
        var shown = r
        shown.paidAbsences = Roster.PaidAbsence.list(for: paid)
        #expect(shown.json().contains("\"paid_absences\": [\n    {\"participant\": \"p\", \"hours\": 8, \"counted_in\": [\"contract\", \"target\"]}\n  ]"))
        #expect(r.summary(for: paid).contains("paid absences, counted as worked in the contract and target terms (1):\n  p 8 h"))
        #expect(r.table(for: paid).contains("paid  paid"))
    }
}

@Suite struct TheTextGrid {
    func grid(width: Int) -> String {
        var a = person("a1", max: 16), b = person("b1", max: 16), c = person("c1", max: 16)
        a.name = "Amina K."; b.name = "Sam"; c.name = "Sam"
        var s = week([a, b, c], [activity("cuisine", slots: ["am", "pm"], min: 0, max: 3)], days: [.mon, .tue, .wed])
        s.week = "2026-11-23"
        var r = Roster(scenario: "test", status: .feasible, solver: Roster.SolverInfo(name: "GLPK", version: "5", seconds: 0))
        r.assignments = [Roster.Assignment(participant: "a1", day: .mon, slot: "am", place: .activity("cuisine")),
                         Roster.Assignment(participant: "a1", day: .wed, slot: "pm", place: .activity("cuisine")),
                         Roster.Assignment(participant: "c1", day: .tue, slot: "am", place: .activity("cuisine"))]
        return r.table(for: s, width: width)
    }

    @Test func namesDatesAndWeeklyHours() {
        let text = grid(width: 100)
        #expect(text == """
                  mon 23 Nov   tue 24 Nov   wed 25 Nov
        who       am       pm  am       pm  am  pm       hours
        Amina K.  cuisine  .   .        .   .   cuisine      8
        b1        .        .   .        .   .   .            0
        c1        .        .   cuisine  .   .   .            4

        """)
    }

    @Test func aGridWiderThanTheTerminalIsCutByDay() {
        let text = grid(width: 40)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { $0.count <= 40 })
        #expect(text.contains("          mon 23 Nov   tue 24 Nov\n"))
        #expect(text.contains("\n\n          wed 25 Nov\nwho       am  pm       hours\n"))
        #expect(text.components(separatedBy: "hours").count == 2)
    }
}
