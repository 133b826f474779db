// SPDX-License-Identifier: GPL-3.0-or-later
//
// `parcours progress --format html`: one section per person, with a chart of their weeks (the
// contract's band shaded, the target as a tick, the hours as a bar) and their goals week by week.
// Inline SVG and CSS, no script: the same history gives the same bytes.

import ParcoursReports
import Plot

extension Progress {
    public func html(title: String = "Pathways") -> String {
        var sections: [Body] = [.h1(.words(title))]
        if weeks.isEmpty { sections.append(.p(.words("No published week yet: publish one with parcours publish WEEK ROSTER."))) }
        for (participant, weeks) in byParticipant { sections.append(Self.section(participant, weeks)) }
        return HTMLReport.page(title: title, css: ReportStyle.css, body: sections)
    }

    private static func section(_ participant: String, _ weeks: [ParticipantWeek]) -> Body {
        let name = weeks.last?.name.map { "\($0) (\(participant))" } ?? participant
        // The capacity's column only for a person with a ramp-up.
        let steps = weeks.contains { $0.capacity != nil }
        var rows: [Node<HTML.TableContext>] = weeks.map { w in
            .tr(.td(.words(w.week)), .td(.words(hours(w.hours))), .td(.words(band(w))),
                .td(.words(w.goals.map(goalText).joined(separator: ", "))), .td(.words(w.trainings.joined(separator: ", "))),
                .if(steps, .td(.words(w.capacity.map(capacityText) ?? ""))))
        }
        if weeks.count > 1 {
            let total = weeks.reduce(0) { $0 + $1.hours }, target = weeks.reduce(0) { $0 + $1.target }
            rows.append(.tr(.td(.words("over \(weeks.count) weeks")), .td(.words(hours(total))), .td(.words("target \(hours(target))")),
                            .td(.words(cumulated(weeks).map(totalText).joined(separator: ", "))), .td(), .if(steps, .td())))
        }
        return .element(named: "section", nodes: [
            .h2(.words(name)),
            chart(weeks),
            .table(.tr(.th("week"), .th("hours"), .th("contract"), .th("goals"), .th("trainings"), .if(steps, .th("capacity"))), .group(rows)),
        ])
    }

    private static let left = 34.0, top = 10.0, plotHeight = 120.0, column = 46.0

    /// The weeks side by side: band min–max shaded, the target as a tick, the hours as a bar (red
    /// under the minimum).
    private static func chart(_ weeks: [ParticipantWeek]) -> Body {
        let scaleEnd = SVG.ceiling(weeks.map { max($0.maximum, $0.hours) }.max() ?? 0, step: 10)
        func y(_ h: Double) -> Double { top + plotHeight - h / scaleEnd * plotHeight }
        var nodes: [Body] = stride(from: 0.0, through: scaleEnd, by: 10).flatMap { h -> [Body] in
            [SVG.line(left, y(h), left + Double(weeks.count) * column, y(h), stroke: "#e1e5e9"), SVG.text(left - 4, y(h) + 3, "\(Progress.number(h)) h", anchor: "end")]
        }
        for (i, w) in weeks.enumerated() {
            let x = left + Double(i) * column
            nodes.append(SVG.rect(x + 6, y(w.maximum), column - 12, y(w.minimum) - y(w.maximum), fill: "#dcefdc"))
            nodes.append(SVG.rect(x + 14, y(w.hours), column - 28, y(0) - y(w.hours), fill: w.hours < w.minimum - 1e-9 ? "#c62828" : "#2f6f9f",
                                  title: "\(w.week): \(hours(w.hours)) (\(band(w)))"))
            nodes.append(SVG.line(x + 6, y(w.target), x + column - 6, y(w.target), stroke: "#1d232a", width: 1.5))
            nodes.append(SVG.text(x + column / 2, top + plotHeight + 14, String(w.week.dropFirst(5)), anchor: "middle"))
        }
        return SVG.figure("Hours week by week (band: min–max, tick: target)",
                          width: left + Double(max(1, weeks.count)) * column + 10, height: top + plotHeight + 22, nodes)
    }
}
