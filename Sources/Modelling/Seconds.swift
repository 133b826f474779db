// SPDX-License-Identifier: GPL-3.0-or-later

extension Duration {
    /// The duration in seconds, as a Double (what every clock of the search compares).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
