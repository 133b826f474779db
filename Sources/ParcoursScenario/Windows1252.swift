// SPDX-License-Identifier: GPL-3.0-or-later
//
// Windows-1252, the 8-bit encoding of Western European Windows (French Excel's CSV exports):
// Latin-1 but for 0x80–0x9F, where it has the euro sign, typographic quotes, `œ` and a few more.

enum Windows1252 {
    /// 0x80–0x9F; `nil` for the five bytes the encoding leaves undefined.
    private static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// The text of `bytes` read as Windows-1252, or `nil` when they cannot be a text in it: an
    /// undefined byte, or a control character other than tab and line breaks (a NUL byte, as in
    /// UTF-16, most often).
    static func decode(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0xFF: scalars.append(Unicode.Scalar(byte))
            case 0x80...0x9F:
                guard let scalar = high[Int(byte - 0x80)] else { return nil }
                scalars.append(scalar)
            default: return nil
            }
        }
        return String(scalars)
    }
}
