// SPDX-License-Identifier: GPL-3.0-or-later
//
// The printable week (`--format html`): one self-contained page, no script, no network — inline CSS
// and SVG only. On paper: the person grid, the workshop grid, then the summary and charts, each on
// an A4 landscape page. With `perPerson`, the file holds instead one page per person: the sheet
// handed out to each participant and supervisor.

import ParcoursRoster
import ParcoursScenario
import Plot

package typealias Body = Node<HTML.BodyContext>

public struct HTMLReport: Sendable {
    public struct Options: Sendable, Equatable {
        /// Show why someone is away (health or social information: off by default).
        public var showReasons = false
        /// One page per person instead of the week's grids.
        public var perPerson = false
        public init(showReasons: Bool = false, perPerson: Bool = false) {
            self.showReasons = showReasons; self.perPerson = perPerson
        }
    }

    public let plan: WeekPlan
    public let options: Options
    let dates: WeekDates

    public init(_ plan: WeekPlan, options: Options = Options()) {
        self.plan = plan
        self.options = options
        dates = WeekDates(plan.scenario)
    }

    var scenario: Scenario { plan.scenario }
    var roster: Roster { plan.roster }

    /// The whole page. The same scenario, roster and options always give the same bytes.
    public var html: String {
        let title = scenario.name + (options.perPerson ? " – personal sheets" : " – roster")
        let sections: [Body] = options.perPerson
            ? personSheets()
            : [personGridSection(), workshopGridSection(), summarySection()]
        return Self.page(title: title, css: ReportStyle.css + "\n" + ReportStyle.activityRules(count: scenario.activities.count), body: sections)
    }

    /// A page with the reports' head (UTF-8, the viewport, its title and CSS, no script), rendered
    /// the same way every time; the history's progress page is one too.
    package static func page(title: String, css: String, body: [Body]) -> String {
        let page = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [Node<HTML.HeadContext>.words(title)]),
                .style(css)
            ),
            .body(.group(body))
        )
        return page.render(indentedBy: .spaces(1)) + "\n"
    }

    // MARK: Shared pieces

    /// `Jardins de la Plaine – semaine 48` and the dates of the week.
    func heading(_ subtitle: String) -> Body {
        .group(
            .h1(.words(scenario.name)),
            .p(.classes("meta"), .words(subtitle + " · " + weekSpan + " · " + statusWords.short))
        )
    }

    /// `Mon 23 Nov – Fri 27 Nov 2026`, or the day names without `week`.
    var weekSpan: String {
        guard let first = scenario.calendar.days.first, let last = scenario.calendar.days.last else { return "" }
        let year = dates.date(of: last).map { " \($0.year)" } ?? ""
        return dates.label(of: first) + " – " + dates.label(of: last) + year
    }

    func activityName(_ a: Int) -> String { scenario.activities[a].name ?? scenario.activities[a].id }
    func trainingName(_ k: Int) -> String { scenario.trainings[k].name ?? scenario.trainings[k].id }

    func placeName(_ place: Place) -> String {
        switch place {
        case .activity(let a): return activityName(a)
        case .training(let k): return "Training: " + trainingName(k)
        }
    }

    /// Why a person is away in a period, as the page may show it: the reason only with `showReasons`.
    func awayText(_ ref: TimeRef) -> String {
        guard options.showReasons, let reason = ref.reason, !reason.isEmpty else { return "away" }
        return "away: " + reason
    }

    // MARK: Summary

    struct StatusWords { var short: String; var long: String }

    /// The status (optimal / gap) in plain words.
    var statusWords: StatusWords {
        let gap = roster.gap ?? 0
        switch roster.status {
        case .optimal:
            return gap > 1e-9
                ? StatusWords(short: "optimal within \(Figures.percent(gap))",
                              long: "Optimal within the gap asked for: no valid roster costs more than \(Figures.percent(gap)) less than this one.")
                : StatusWords(short: "optimal", long: "Optimal: the solver proved that no valid roster costs less than this one.")
        case .feasible:
            let bound = roster.bound.map { " The best possible roster costs at least \(Figures.number($0)) (a gap of \(Figures.percent(gap)))." } ?? ""
            return StatusWords(short: "valid, not proved best",
                               long: "Valid, the best roster found in the time given; not proved the best." + bound)
        case .infeasible:
            return StatusWords(short: "no valid roster", long: "No roster can satisfy every hard rule. " + (roster.explanation ?? ""))
        case .noSolution:
            return StatusWords(short: "no roster found", long: "No roster was found in the time given. " + (roster.explanation ?? ""))
        }
    }

    static let termWords: [ObjectiveTerm: String] = [
        .coverage: "shifts below their minimum (missing people × hours × priority)",
        .contract: "hours under a contract minimum",
        .target: "hours away from each person's target",
        .goals: "pathway goal hours not reached",
        .preference: "hours in disliked minus liked activities",
        .stability: "changes from the published roster",
        .fairness: "disliked minus liked hours of those whose recent weeks had more of them",
    ]

    func summarySection() -> Body {
        var rows: [Node<HTML.TableContext>] = [.tr(.th("Term"), .th("What it counts"), .th("Cost"))]
        if let terms = roster.terms {
            for term in terms.reported {
                rows.append(.tr(.td(.text(term.rawValue)), .td(.text(Self.termWords[term] ?? "")),
                                .td(.classes("value"), .text(Figures.number(terms[term])))))
            }
            rows.append(.tr(.th("total"), .th(""), .th(.classes("value"), .text(Figures.number(roster.objective ?? terms.total)))))
        }
        return .section(
            .classes("sheet", "summary"),
            .h2("How good this week is"),
            .p(.classes("status"), .words(statusWords.long)),
            .if(roster.terms != nil, .table(.classes("terms"), .group(rows))),
            .p(.classes("meta"), .words("Each term is already multiplied by its weight; the roster minimises their sum.")),
            .if(roster.hasSolution, .div(.classes("charts"), .group(charts())))
        )
    }
}
