// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing
import ParcoursRoster
import ParcoursScenario
@testable import ParcoursReports

/// The part of a page from an element with this id to the end of its row or section.
func fragment(_ html: String, id: String, until end: String = "</tr>") -> String {
    guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
    let rest = html[start.lowerBound...]
    return String(rest[..<(rest.range(of: end)?.upperBound ?? rest.endIndex)])
}

func occurrences(of needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

@Suite struct HTMLReportTests {
    let html = HTMLReport(reportPlan()).html

    @Test func everyPersonAndEveryShiftIsOnThePage() {
        for name in ["Amina K.", "Bruno L.", "Chloé M.", "Marc D."] { #expect(html.contains(name), "\(name) is missing") }
        for id in ["person-amina", "person-bruno", "person-chloe", "supervisor-marc", "activity-kitchen", "activity-garden", "training-haccp"] {
            #expect(html.contains("id=\"\(id)\""), "row \(id) is missing")
        }
        // Every open shift shows its headcount against min–max: kitchen 4 periods, garden 2 mornings.
        let kitchen = fragment(html, id: "activity-kitchen"), garden = fragment(html, id: "activity-garden")
        for cell in ["2 / 2–3", "1 / 2–3  −1", "0 / 2–3  −2"] { #expect(kitchen.contains(cell), "kitchen shift '\(cell)'") }
        #expect(occurrences(of: "<td class=\"cell act-0", in: kitchen) == 4)
        #expect(occurrences(of: "<td class=\"cell act-1", in: garden) == 2)
        #expect(occurrences(of: "<td class=\"cell closed\"", in: garden) == 2)
        #expect(kitchen.contains("Marc D."))
    }

    @Test func shortShiftsAreMarkedWithTheirExplanation() {
        #expect(occurrences(of: " short\"", in: html) == 4)
        #expect(html.contains("Short shifts (4)"))
        #expect(occurrences(of: "class=\"short-shift\"", in: html) == 4)
        // Tuesday afternoon: Amina and Bruno are in the training; Chloé could have come, and Marc is free.
        #expect(html.contains("2 missing (0 of at least 2). Of the 3 participants allowed here, 2 work elsewhere then "
            + "and 1 is free and within their limits."))
        #expect(!html.contains("No supervisor of this activity is free then"))
        #expect(html.contains("1 missing (1 of at least 2). Of the 3 participants allowed here, 1 is away and 1 is free and within their limits."))
        // Monday morning in the garden: Chloé is away, the others are in the kitchen.
        #expect(html.contains("1 missing (0 of at least 1). Of the 3 participants allowed here, 2 work elsewhere then and 1 is away."))
    }

    @Test func eachRowsHoursAreTheRostersAgainstTheContract() {
        #expect(fragment(html, id: "person-amina").contains("14.5 h"))
        #expect(fragment(html, id: "person-amina").contains("12 · 14 · 16"))
        let bruno = fragment(html, id: "person-bruno")
        #expect(bruno.contains("7.25 h") && bruno.contains("under minimum"))
        #expect(!fragment(html, id: "person-amina").contains("under minimum"))
        #expect(fragment(html, id: "person-chloe").contains(">4 h<"))
        #expect(fragment(html, id: "supervisor-marc").contains("11.25 h"))
    }

    @Test func datesTimesTermsAndStatusAreInPlainWords() {
        #expect(html.contains("Mon 23 Nov") && html.contains("Tue 24 Nov"))
        #expect(html.contains("13:00–16:15"))
        #expect(html.contains("Valid, the best roster found in the time given; not proved the best."))
        #expect(html.contains("a gap of 2 %"))
        for term in ObjectiveTerm.contractTerms { #expect(html.contains(">\(term.rawValue)<")) }
        #expect(html.contains(">612.5<"))
        // Fairness over weeks only for a roster solved with it.
        #expect(!html.contains(">fairness<"))
        var fair = reportRoster()
        fair.terms?[.fairness] = -12
        let withFairness = HTMLReport(WeekPlan(scenario: reportWeek(ReportNames()), roster: fair)).html
        #expect(withFairness.contains(">fairness<") && withFairness.contains(">-12<"))
        #expect(occurrences(of: "<svg", in: html) == 3)
    }

    @Test func thePageNeedsNoNetworkAndRunsNoScript() {
        for needle in ["http://", "https://", "src=", "href=", "url(", "@import", "<script", "<link"] {
            #expect(!html.contains(needle), "the page contains \(needle)")
        }
        #expect(html.contains("@media print") && html.contains("size: A4 landscape"))
    }

    @Test func reasonsAreShownOnlyWhenAsked() {
        #expect(!html.contains("rendez-vous médical"))
        #expect(fragment(html, id: "person-chloe").contains("away"))
        let shown = HTMLReport(reportPlan(), options: .init(showReasons: true)).html
        #expect(fragment(shown, id: "person-chloe").contains("away: rendez-vous médical"))
    }

    @Test func theSamePlanGivesTheSameBytes() {
        #expect(HTMLReport(reportPlan()).html == html)
    }

    @Test func perPersonGivesOnePageEach() {
        let sheets = HTMLReport(reportPlan(), options: .init(perPerson: true)).html
        #expect(occurrences(of: "class=\"sheet person-sheet\"", in: sheets) == 4)
        let amina = fragment(sheets, id: "sheet-amina", until: "</section>")
        #expect(amina.contains("Hours this week: 14.5 h (contract 12–16 h, target 14 h)."))
        #expect(amina.contains("Cuisine – repas: 7.25 h of 8 h"))
        #expect(amina.contains("with Marc D."))
        #expect(fragment(sheets, id: "sheet-bruno", until: "</section>").contains("Training HACCP: enrolled — met"))
        #expect(fragment(sheets, id: "sheet-marc", until: "</section>").contains("Hours supervising: 11.25 h (maximum 20 h)."))
        #expect(!sheets.contains("id=\"person-amina\""), "the week's grid is not in the sheets")
    }

    @Test func hostileNamesAreTextNotMarkup() {
        let page = HTMLReport(reportPlan(.hostile), options: .init(showReasons: true, perPerson: false)).html
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        // No attribute value is closed early by a quote from the scenario.
        #expect(!page.contains("\"la\""))
        let sheets = HTMLReport(reportPlan(.hostile), options: .init(perPerson: true)).html
        #expect(!sheets.contains("<script") && sheets.contains("&lt;script&gt;"))
    }
}
