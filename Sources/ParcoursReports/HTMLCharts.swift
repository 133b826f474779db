// SPDX-License-Identifier: GPL-3.0-or-later
//
// The report's charts, as inline SVG (no script, no network): each participant's weekly hours
// against their band, the coverage of each activity day by day, and goal hours achieved
// against asked.

import ParcoursRoster
import ParcoursScenario
import Plot

/// SVG elements built with Plot's generic elements; coordinates rounded to 0.1 for stable bytes
/// (the history's progress page draws with them too).
package enum SVG {
    package static func number(_ x: Double) -> String { JSON.number((x * 10).rounded() / 10) }

    package static func element(_ name: String, _ attributes: [(String, String)], _ children: [Body] = []) -> Body {
        .element(named: name, nodes: attributes.map { Body.attr($0.0, $0.1) } + children)
    }

    package static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, title: String? = nil) -> Body {
        var attributes = [("x", number(x)), ("y", number(y)), ("width", number(max(0, w))), ("height", number(h)), ("fill", fill)]
        if let stroke { attributes.append(("stroke", stroke)) }
        return element("rect", attributes, title.map { [element("title", [], [.words($0)])] } ?? [])
    }

    package static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1) -> Body {
        element("line", [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2)),
                         ("stroke", stroke), ("stroke-width", number(width))])
    }

    package static func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start") -> Body {
        element("text", [("x", number(x)), ("y", number(y)), ("text-anchor", anchor)], [.words(content)])
    }

    package static func figure(_ caption: String, width: Double, height: Double, _ children: [Body]) -> Body {
        .element(named: "figure", nodes: [
            .element(named: "figcaption", nodes: [Body.words(caption)]),
            element("svg", [("viewBox", "0 0 \(number(width)) \(number(height))"), ("width", number(width)),
                            ("height", number(height)), ("role", "img"), ("aria-label", caption)], children),
        ])
    }

    /// A label that fits the charts' left margin (the full text is in each bar's tooltip).
    package static func label(_ text: String) -> String { text.count <= 22 ? text : text.prefix(21) + "…" }

    /// A scale's end: the smallest multiple of `step` at or above `x` (at least one step).
    package static func ceiling(_ x: Double, step: Double) -> Double { max(step, (x / step).rounded(.up) * step) }
}

extension HTMLReport {
    func charts() -> [Body] {
        [hoursChart(), coverageChart(), goalsChart()].compactMap { $0 }
    }

    private static let labelWidth = 130.0, rowHeight = 13.0, plotWidth = 360.0, top = 18.0

    /// Hours per participant: the band min–max shaded, the target as a tick, the hours as a bar.
    private func hoursChart() -> Body? {
        guard !scenario.participants.isEmpty else { return nil }
        let people = scenario.participants
        let scaleEnd = SVG.ceiling(people.indices.map { max(people[$0].hours.max, plan.hours(participant: $0)) }.max() ?? 0, step: 5)
        func x(_ h: Double) -> Double { Self.labelWidth + h / scaleEnd * Self.plotWidth }
        var nodes = axis(scaleEnd: scaleEnd, step: scaleEnd > 30 ? 10 : 5, height: Self.top + Double(people.count) * Self.rowHeight, x: x)
        for (p, who) in people.enumerated() {
            let y = Self.top + Double(p) * Self.rowHeight, hours = plan.hours(participant: p)
            let under = hours < who.hours.min - 1e-9
            nodes.append(SVG.text(Self.labelWidth - 4, y + 9, SVG.label(who.displayName), anchor: "end"))
            nodes.append(SVG.rect(x(who.hours.min), y + 1, x(who.hours.max) - x(who.hours.min), Self.rowHeight - 2, fill: "#dcefdc"))
            nodes.append(SVG.rect(x(0), y + 4, x(hours) - x(0), Self.rowHeight - 8, fill: under ? "#c62828" : "#2f6f9f",
                                  title: "\(who.displayName): \(Figures.hours(hours)) (min \(Figures.number(who.hours.min)), target \(Figures.number(who.hours.target)), max \(Figures.number(who.hours.max)))"))
            nodes.append(SVG.line(x(who.hours.target), y, x(who.hours.target), y + Self.rowHeight, stroke: "#1d232a", width: 1.5))
        }
        let height = Self.top + Double(people.count) * Self.rowHeight + 4
        return SVG.figure("Weekly hours against each contract (band: min–max, tick: target)",
                          width: Self.labelWidth + Self.plotWidth + 20, height: height, nodes)
    }

    /// Vertical grid lines with their hour labels on top.
    private func axis(scaleEnd: Double, step: Double, height: Double, x: (Double) -> Double) -> [Body] {
        stride(from: 0.0, through: scaleEnd, by: step).flatMap { h -> [Body] in
            [SVG.line(x(h), Self.top - 4, x(h), height, stroke: "#e1e5e9"), SVG.text(x(h), Self.top - 7, Figures.hours(h), anchor: "middle")]
        }
    }

    /// Coverage per activity and day: person-hours staffed (filled) against the minimum asked (outline).
    private func coverageChart() -> Body? {
        let activities = scenario.activities.indices.filter { a in plan.shifts.contains { $0.activity == a } }
        guard !activities.isEmpty else { return nil }
        let days = scenario.calendar.days
        func hours(_ a: Int, _ day: Day) -> (staffed: Double, asked: Double) {
            plan.shifts.filter { $0.activity == a && $0.period.day == day }.reduce((0, 0)) { sum, shift in
                (sum.0 + Double(shift.participants.count) * shift.period.hours, sum.1 + Double(shift.demand.min) * shift.period.hours)
            }
        }
        let scaleEnd = SVG.ceiling(activities.flatMap { a in days.map { d in max(hours(a, d).staffed, hours(a, d).asked) } }.max() ?? 0, step: 4)
        let cellWidth = 64.0, cellHeight = 18.0
        var nodes: [Body] = days.enumerated().map { i, day in
            SVG.text(Self.labelWidth + (Double(i) + 0.5) * cellWidth, Self.top - 6, dates.label(of: day), anchor: "middle")
        }
        for (row, a) in activities.enumerated() {
            let y = Self.top + Double(row) * cellHeight
            nodes.append(SVG.text(Self.labelWidth - 4, y + 12, SVG.label(scenario.activities[a].id), anchor: "end"))
            for (i, day) in days.enumerated() {
                let (staffed, asked) = hours(a, day), x = Self.labelWidth + Double(i) * cellWidth + 2, w = cellWidth - 8
                let short = staffed < asked - 1e-9
                nodes.append(SVG.rect(x, y + 3, w * staffed / scaleEnd, cellHeight - 6, fill: ReportStyle.colour(activity: a),
                                      title: "\(activityName(a)), \(dates.label(of: day)): \(Figures.hours(staffed)) staffed, \(Figures.hours(asked)) asked"))
                nodes.append(SVG.rect(x, y + 3, w * asked / scaleEnd, cellHeight - 6, fill: "none", stroke: short ? "#c62828" : "#1d232a"))
            }
        }
        return SVG.figure("Coverage per activity and day: person-hours staffed (filled) against the minimum (outline, red when short)",
                          width: Self.labelWidth + Double(days.count) * cellWidth + 10,
                          height: Self.top + Double(activities.count) * cellHeight + 4, nodes)
    }

    /// Goal hours achieved (filled) against asked (outline), per participant with goals.
    private func goalsChart() -> Body? {
        let people = scenario.participants.indices.filter { !scenario.participants[$0].goals.isEmpty }
        guard !people.isEmpty else { return nil }
        let totals = people.map { p -> (achieved: Double, asked: Double) in
            plan.goals(participant: p).reduce((0, 0)) { ($0.0 + min($1.achieved, $1.asked), $0.1 + $1.asked) }
        }
        let scaleEnd = SVG.ceiling(totals.map(\.asked).max() ?? 0, step: 4)
        func x(_ h: Double) -> Double { Self.labelWidth + h / scaleEnd * Self.plotWidth }
        var nodes = axis(scaleEnd: scaleEnd, step: scaleEnd > 24 ? 8 : 4, height: Self.top + Double(people.count) * Self.rowHeight, x: x)
        for (row, p) in people.enumerated() {
            let y = Self.top + Double(row) * Self.rowHeight, (achieved, asked) = totals[row]
            let who = scenario.participants[p].displayName
            nodes.append(SVG.text(Self.labelWidth - 4, y + 9, SVG.label(who), anchor: "end"))
            nodes.append(SVG.rect(x(0), y + 2, x(achieved) - x(0), Self.rowHeight - 4, fill: "#6a9f3f",
                                  title: "\(who): \(Figures.hours(achieved)) of \(Figures.hours(asked)) goal hours"))
            nodes.append(SVG.rect(x(0), y + 2, x(asked) - x(0), Self.rowHeight - 4, fill: "none", stroke: "#1d232a"))
        }
        return SVG.figure("Goal hours achieved (filled) against asked (outline)", width: Self.labelWidth + Self.plotWidth + 20,
                          height: Self.top + Double(people.count) * Self.rowHeight + 4, nodes)
    }
}
