// SPDX-License-Identifier: GPL-3.0-or-later
//
// The two grids of the printed week: by person (who works where, each row's hours against the
// contract) and by workshop (headcount against min / max, the supervisors, short shifts).

import ParcoursRoster
import ParcoursScenario
import Plot

extension HTMLReport {
    // MARK: Header rows shared by both grids

    /// Two header rows: the days with their dates, then the slots with their times.
    func periodHeader(first: String, last: [String]) -> Node<HTML.TableContext> {
        let slots = scenario.calendar.slots.count
        let days: [Node<HTML.TableRowContext>] = scenario.calendar.days.map { day in
            .th(.attribute(named: "colspan", value: String(slots)), .text(dates.label(of: day)))
        }
        let periods: [Node<HTML.TableRowContext>] = plan.periods.map { t in
            .th(.words(t.slot), .span(.classes("sub"), .text(dates.times(of: t))))
        }
        let lastCells: [Node<HTML.TableRowContext>] = last.map { .th(.classes("total"), .attribute(named: "rowspan", value: "2"), .text($0)) }
        return .thead(
            .tr(.th(.classes("who"), .attribute(named: "rowspan", value: "2"), .text(first)), .group(days), .group(lastCells)),
            .tr(.group(periods))
        )
    }

    // MARK: By person

    func personGridSection() -> Body {
        .section(
            .classes("sheet", "person-grid"),
            heading("Who works where"),
            .table(
                .classes("grid"),
                periodHeader(first: "Person", last: ["Hours", "min · target · max"]),
                .tbody(
                    .group(scenario.participants.indices.map(participantRow)),
                    .if(!scenario.supervisors.isEmpty, .tr(.classes("group"),
                        .th(.attribute(named: "colspan", value: String(plan.periods.count + 3)), "Supervisors"))),
                    .group(scenario.supervisors.indices.map(supervisorRow))
                )
            ),
            legend()
        )
    }

    private func participantRow(_ p: Int) -> Node<HTML.TableContext> {
        let who = scenario.participants[p]
        let hours = plan.hours(participant: p)
        let under = hours < who.hours.min - 1e-9
        let cells: [Node<HTML.TableRowContext>] = plan.periods.map { t in
            if let place = plan.place[p][t.index] { return placeCell(place, period: t, p: p) }
            if let away = WeekPlan.absence(who.availability, in: t) {
                let text = awayText(away)
                return .td(.classes("cell", "away"), .attr("title", text), .words(text == "away" ? "" : text))
            }
            return .td(.classes("cell"))
        }
        return .tr(
            .attr("id", "person-" + who.id),
            .th(.words(who.displayName), .span(.classes("sub"), .words(who.id))),
            .group(cells),
            .td(.classes(under ? "under" : ""), .text(Figures.hours(hours)), .if(under, .span(.classes("sub"), "under minimum"))),
            .td(.text([who.hours.min, who.hours.target, who.hours.max].map(Figures.number).joined(separator: " · ")))
        )
    }

    private func placeCell(_ place: Place, period t: Period, p: Int) -> Node<HTML.TableRowContext> {
        switch place {
        case .activity(let a):
            let supervisors = plan.supervisors(of: p, in: t).map { scenario.supervisors[$0].displayName }
            let title = activityName(a) + (supervisors.isEmpty ? "" : " – with " + supervisors.joined(separator: ", "))
            return .td(.classes("cell", "act-\(a)"), .attr("title", title), .words(scenario.activities[a].id))
        case .training(let k):
            return .td(.classes("cell", "training"), .attr("title", "Training: " + trainingName(k)), .words("▸ " + scenario.trainings[k].id))
        }
    }

    private func supervisorRow(_ s: Int) -> Node<HTML.TableContext> {
        let who = scenario.supervisors[s]
        let cells: [Node<HTML.TableRowContext>] = plan.periods.map { t in
            if let a = plan.supervising[s][t.index] {
                return .td(.classes("cell", "act-\(a)"), .attr("title", "Supervises " + activityName(a)), .words(scenario.activities[a].id))
            }
            if WeekPlan.absence(who.availability, in: t) != nil { return .td(.classes("cell", "away"), .attr("title", "away")) }
            return .td(.classes("cell"))
        }
        return .tr(
            .attr("id", "supervisor-" + who.id),
            .th(.words(who.displayName), .span(.classes("sub"), .words(who.id))),
            .group(cells),
            .td(.text(Figures.hours(plan.hours(supervisor: s)))),
            .td(.text(who.maxHours.map { "max " + Figures.number($0) } ?? "no maximum"))
        )
    }

    private func legend() -> Body {
        let items: [Body] = scenario.activities.indices.map { a in
            let activity = scenario.activities[a], site = activity.site.map { ", \($0)" } ?? ""
            return .span(.span(.classes("swatch", "act-\(a)")), .strong(.words(activity.id)), .words(" " + activityName(a) + site))
        }
        return .div(
            .classes("legend"),
            .group(items),
            .if(!scenario.trainings.isEmpty, .span(.span(.classes("swatch"), .style("outline: 2px dashed #6a4c93")),
                .words("▸ training session: " + scenario.trainings.map { "\($0.id) \($0.name ?? "")" }.joined(separator: "; ")))),
            .span(.span(.classes("swatch"), .style("background: #e4e6e8")), "away")
        )
    }

    // MARK: By workshop

    func workshopGridSection() -> Body {
        let short = plan.shifts.filter(\.isShort)
        return .section(
            .classes("sheet", "workshop-grid"),
            heading("Workshops: headcount against min–max, and supervisors"),
            .table(
                .classes("grid"),
                periodHeader(first: "Activity / training", last: ["Person-hours"]),
                .tbody(
                    .group(scenario.activities.indices.map(activityRow)),
                    .if(!scenario.trainings.isEmpty, .tr(.classes("group"),
                        .th(.attribute(named: "colspan", value: String(plan.periods.count + 2)), "Trainings (enrolled / seats)"))),
                    .group(scenario.trainings.indices.map(trainingRow))
                )
            ),
            .h3(.text(short.isEmpty ? "Every shift reaches its minimum." : "Short shifts (\(short.count))")),
            .ul(.classes("notes"), .group(short.map { shift in
                .li(.attr("class", "short-shift"), .span(.classes("short-mark"), .words("\(activityName(shift.activity)), \(dates.label(of: shift.period.day)) \(shift.period.slot): ")),
                    .words(plan.shortfallNote(shift)))
            }))
        )
    }

    private func activityRow(_ a: Int) -> Node<HTML.TableContext> {
        let activity = scenario.activities[a]
        var staffedHours = 0.0
        let cells: [Node<HTML.TableRowContext>] = plan.periods.map { t in
            guard let shift = plan.shift(activity: a, period: t) else { return .td(.classes("cell", "closed"), "closed") }
            staffedHours += Double(shift.participants.count) * t.hours
            let supervisors = shift.supervisors.map { scenario.supervisors[$0].displayName }.joined(separator: ", ")
            let count = "\(shift.participants.count) / \(shift.demand.min)–\(shift.demand.max)"
            return .td(
                .classes("cell", "act-\(a)", shift.isShort ? "short" : ""),
                .attr("title", shift.isShort ? plan.shortfallNote(shift) : count + (supervisors.isEmpty ? "" : ", " + supervisors)),
                .text(count + (shift.isShort ? "  −\(shift.missing)" : "")),
                .span(.classes("sub"), .words(supervisors.isEmpty ? (scenario.supervisionRatio(activity) > 0 ? "no supervisor" : "") : supervisors))
            )
        }
        return .tr(
            .attr("id", "activity-" + activity.id),
            .th(.words(activityName(a)), .span(.classes("sub"), .words(activity.site ?? activity.id))),
            .group(cells),
            .td(.text(Figures.hours(staffedHours)))
        )
    }

    private func trainingRow(_ k: Int) -> Node<HTML.TableContext> {
        let training = scenario.trainings[k]
        let sessions = Set(scenario.sessionPeriods(training).map(\.index))
        let enrolled = plan.enrolled(training: k).count
        let cells: [Node<HTML.TableRowContext>] = plan.periods.map { t in
            guard sessions.contains(t.index) else { return .td(.classes("cell")) }
            return .td(.classes("cell", "training"), .text("\(enrolled) / \(training.seats)"))
        }
        let runs = enrolled == 0 ? "does not run" : "runs"
        return .tr(
            .attr("id", "training-" + training.id),
            .th(.words(trainingName(k)), .span(.classes("sub"), .words(runs))),
            .group(cells),
            .td(.text(Figures.hours(Double(enrolled) * scenario.sessionPeriods(training).reduce(0) { $0 + $1.hours })))
        )
    }
}
