// SPDX-License-Identifier: GPL-3.0-or-later
//
// The roster's types (`Roster`, its assignments, the objective terms) live in `ParcoursRoster`, so
// that reports and history can read rosters without importing the search; every user of the
// engine sees them as before.

@_exported import ParcoursRoster
