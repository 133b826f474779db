// SPDX-License-Identifier: GPL-3.0-or-later
//
// The records of a CSV text, in one pass over its bytes (linear time, no copy of the file per row),
// each cell with the file line it starts on — a quoted cell may span lines, and a message must
// name the line a planner sees in an editor, not the record's number.
//
// The dialect is a spreadsheet's export (RFC 4180, leniently): a cell that starts with `"` is
// quoted, `""` inside it is one quote, and line breaks inside it belong to the cell; a quote in the
// middle of an unquoted cell is an ordinary character. Lines end with LF, CRLF or a lone CR.

struct CSVRecords {
    struct Record {
        /// The cells, as written (quotes removed).
        var cells: [String]
        /// The file line each cell starts on (1-based).
        var lines: [Int]
        /// The line the record starts on.
        var line: Int { lines.first ?? 1 }
        var isBlank: Bool { cells.allSatisfy { $0.trimmingSpaces.isEmpty } }
    }

    /// A quoted cell that is never closed: where its quote opened.
    struct UnclosedQuote: Equatable {
        var line: Int
        /// The cell's position in its record (1-based), the column of CSV messages.
        var cell: Int
    }

    private(set) var records: [Record] = []
    /// Set when the text ends inside a quoted cell; `records` then holds the records before it.
    private(set) var unclosedQuote: UnclosedQuote?

    private static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    init(_ text: String, delimiter: UInt8) {
        var cells: [String] = [], lines: [Int] = []
        var cell: [UInt8] = []
        var line = 1, cellLine = 1
        var quoted = false, atCellStart = true
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self)); lines.append(cellLine)
            cell.removeAll(keepingCapacity: true)
            atCellStart = true
        }
        func endRecord() {
            endCell()
            records.append(Record(cells: cells, lines: lines))
            cells.removeAll(keepingCapacity: true); lines.removeAll(keepingCapacity: true)
        }
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if atCellStart { cellLine = line }
            if quoted {
                if byte == Self.quote {
                    if i < bytes.count, bytes[i] == Self.quote { cell.append(Self.quote); i += 1 } else { quoted = false }
                    continue
                }
                if byte == Self.lineFeed || (byte == Self.carriageReturn && (i == bytes.count || bytes[i] != Self.lineFeed)) { line += 1 }
                cell.append(byte)
                continue
            }
            switch byte {
            case Self.quote where atCellStart:
                quoted = true; atCellStart = false
            case delimiter:
                endCell()
            case Self.carriageReturn, Self.lineFeed:
                if byte == Self.carriageReturn, i < bytes.count, bytes[i] == Self.lineFeed { i += 1 }
                endRecord()
                line += 1
            default:
                cell.append(byte); atCellStart = false
            }
        }
        if quoted {
            unclosedQuote = UnclosedQuote(line: cellLine, cell: cells.count + 1)
            return
        }
        // The last line, unless the text ended with a line break.
        if !cells.isEmpty || !cell.isEmpty || !atCellStart { endRecord() }
    }

    /// The separator of cells: the most frequent of `;`, `,` and tab on the first line, outside quotes.
    static func delimiter(of text: String) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in text.utf8 {
            if byte == quote { quoted.toggle() }
            if !quoted, byte == lineFeed || byte == carriageReturn { break }
            if !quoted, let n = counts[byte] { counts[byte] = n + 1 }
        }
        let semicolons = counts[UInt8(ascii: ";")]!, commas = counts[UInt8(ascii: ",")]!, tabs = counts[UInt8(ascii: "\t")]!
        if tabs > max(semicolons, commas) { return UInt8(ascii: "\t") }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}
