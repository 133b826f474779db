// SPDX-License-Identifier: GPL-3.0-or-later
//
// `--per-person`: one A4 page per participant and per supervisor, the sheet handed out — their
// week day by day with times, places and supervisors, their hours and their goals.

import ParcoursRoster
import ParcoursScenario
import Plot

extension HTMLReport {
    func personSheets() -> [Body] {
        scenario.participants.indices.map(participantSheet) + scenario.supervisors.indices.map(supervisorSheet)
    }

    /// Days down, slots across, as a person reads their week.
    private func weekTable(_ cell: (Period) -> Node<HTML.TableRowContext>) -> Body {
        let header: [Node<HTML.TableRowContext>] = scenario.calendar.slots.map { slot in
            let times = [ClockTime(slot.start), ClockTime(slot.end)].compactMap { $0?.description }.joined(separator: "–")
            return .th(.words(slot.id), .span(.classes("sub"), .text(times)))
        }
        let rows: [Node<HTML.TableContext>] = scenario.calendar.days.map { day in
            .tr(.th(.text(dates.label(of: day))), .group(plan.periods.filter { $0.day == day }.map(cell)))
        }
        return .table(.thead(.tr(.th("Day"), .group(header))), .tbody(.group(rows)))
    }

    private func participantSheet(_ p: Int) -> Body {
        let who = scenario.participants[p]
        let hours = plan.hours(participant: p)
        let goals = plan.goals(participant: p)
        return .section(
            .classes("sheet", "person-sheet"),
            .attr("id", "sheet-" + who.id),
            .h1(.words(who.displayName)),
            .p(.classes("meta"), .words(scenario.name + " · " + weekSpan)),
            weekTable { t in
                if let place = plan.place[p][t.index] {
                    let supervisors = plan.supervisors(of: p, in: t).map { scenario.supervisors[$0].displayName }
                    let site: String? = { if case .activity(let a) = place { return scenario.activities[a].site } else { return nil } }()
                    let detail = [site, supervisors.isEmpty ? nil : "with " + supervisors.joined(separator: ", ")].compactMap { $0 }
                    let style: String = { if case .activity(let a) = place { return "act-\(a)" } else { return "training" } }()
                    return .td(.classes(style), .words(placeName(place)), .span(.classes("sub"), .words(detail.joined(separator: " · "))))
                }
                if let away = WeekPlan.absence(who.availability, in: t) { return .td(.classes("away"), .words(awayText(away))) }
                return .td("free")
            },
            .p(.words("Hours this week: \(Figures.hours(hours)) (contract \(Figures.number(who.hours.min))–\(Figures.hours(who.hours.max)), "
                + "target \(Figures.hours(who.hours.target))).")),
            .if(!goals.isEmpty, .group(
                .h3("Goals this week"),
                .ul(.group(goals.map { g in .li(.words(goalWords(g))) }))
            ))
        )
    }

    private func supervisorSheet(_ s: Int) -> Body {
        let who = scenario.supervisors[s]
        return .section(
            .classes("sheet", "person-sheet"),
            .attr("id", "sheet-" + who.id),
            .h1(.words(who.displayName)),
            .p(.classes("meta"), .words("Supervisor · " + scenario.name + " · " + weekSpan)),
            weekTable { t in
                if let a = plan.supervising[s][t.index] {
                    let people = plan.shift(activity: a, period: t)?.participants.map { scenario.participants[$0].displayName } ?? []
                    return .td(.classes("act-\(a)"), .words(activityName(a)),
                               .span(.classes("sub"), .words("\(people.count): " + people.joined(separator: ", "))))
                }
                if WeekPlan.absence(who.availability, in: t) != nil { return .td(.classes("away"), "away") }
                return .td("")
            },
            .p(.words("Hours supervising: \(Figures.hours(plan.hours(supervisor: s)))"
                + (who.maxHours.map { " (maximum \(Figures.hours($0)))." } ?? ".")))
        )
    }

    /// `Cuisine: 8 h of 8 h — met`.
    func goalWords(_ g: GoalProgress) -> String {
        let what: String
        switch g.goal.kind {
        case .activity(let id, _): what = plan.activity(id: id).map(activityName) ?? id
        case .skill(let id, _): what = scenario.skills.first { $0.id == id }.flatMap(\.name) ?? id
        case .training(let id):
            let name = plan.training(id: id).map(trainingName) ?? id
            return "Training \(name): " + (g.isMet ? "enrolled — met" : "not enrolled this week")
        }
        return "\(what): \(Figures.hours(g.achieved)) of \(Figures.hours(g.asked))" + (g.isMet ? " — met" : "")
    }
}
