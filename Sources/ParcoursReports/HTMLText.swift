// SPDX-License-Identifier: GPL-3.0-or-later
//
// Scenario strings in HTML. Plot escapes text but keeps what looks like an entity (`&amp;` stays
// `&amp;`) and writes attribute values as they are, so every string from a scenario goes through
// these helpers instead: `&`, `<`, `>`, `"` and `'` are always escaped, in text and attributes.

import ParcoursRoster
import Plot

enum HTMLEscape {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Controls other than tab and newline are not allowed in HTML text.
                if c.value < 0x20 && c != "\t" && c != "\n" || c.value == 0x7F { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}

extension Node {
    /// Text from the scenario or roster, escaped exactly.
    package static func words(_ text: String) -> Node { .raw(HTMLEscape.escaped(text)) }

    /// An attribute whose value may come from the scenario (a `title`, a `class`, …).
    package static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: HTMLEscape.escaped(value))
    }

    /// A `class` attribute from the report's own names.
    static func classes(_ names: String...) -> Node {
        .attribute(named: "class", value: names.filter { !$0.isEmpty }.joined(separator: " "))
    }
}

/// Numbers and hours as the report prints them.
enum Figures {
    static func number(_ x: Double) -> String { JSON.number(x) }
    static func hours(_ x: Double) -> String { number(x) + " h" }
    static func percent(_ x: Double) -> String { number((x * 10_000).rounded() / 100) + " %" }
}
