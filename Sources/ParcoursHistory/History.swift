// SPDX-License-Identifier: GPL-3.0-or-later
//
// The history of published weeks: one SQLite file (GRDB), written one week at a time in one
// transaction, so that a week is either all there or not at all, even if the process is killed
// mid-write. What a week gave each person — hours against their contract, each goal's hours,
// the trainings attended — is counted when it is published, from the scenario and roster alone.

import GRDB
import ParcoursReports
import ParcoursRoster
import ParcoursScenario

/// What went wrong with the history file, where, and what would fix it.
public struct HistoryError: Error, Equatable, CustomStringConvertible {
    /// The history file (or the roster or scenario at fault).
    public var path: String
    public var message: String
    public var fix: String

    public init(path: String, message: String, fix: String) { self.path = path; self.message = message; self.fix = fix }
    public var description: String { "\(path): \(message) (\(fix))" }
}

/// One goal of one participant in one published week.
public struct GoalWeek: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case activity, skill, training }
    public var kind: Kind
    /// The activity, skill or training the goal names.
    public var subject: String
    public var asked: Double
    public var achieved: Double
    /// When the goal is a week's share of a pathway goal: that goal's hours (nil for a training)
    /// and date.
    public var planHours: Double?
    public var planBy: String?
    public var isMet: Bool { achieved >= asked - 1e-9 }

    public init(kind: Kind, subject: String, asked: Double, achieved: Double, planHours: Double? = nil, planBy: String? = nil) {
        self.kind = kind; self.subject = subject; self.asked = asked; self.achieved = achieved
        self.planHours = planHours; self.planBy = planBy
    }
}

/// A participant's capacity in a week of their pathway's ramp-up.
public struct CapacityStep: Sendable, Equatable {
    /// The week of the pathway (1 = the week holding its start).
    public var pathwayWeek: Int
    /// Nil: every day.
    public var maxDays: Int?
    public var maxHoursPerDay: Double

    public init(pathwayWeek: Int, maxDays: Int?, maxHoursPerDay: Double) {
        self.pathwayWeek = pathwayWeek; self.maxDays = maxDays; self.maxHoursPerDay = maxHoursPerDay
    }
}

/// One participant's published week: what the roster gave them, against what the week asked.
public struct ParticipantWeek: Sendable, Equatable {
    /// The week's first day (the scenario's `week`, YYYY-MM-DD).
    public var week: String
    public var participant: String
    public var name: String?
    public var hours: Double
    /// The contract's band that week (`hours`).
    public var minimum: Double, target: Double, maximum: Double
    public var goals: [GoalWeek]
    /// The trainings attended that week, by id.
    public var trainings: [String]
    /// The ramp-up's step in force that week (nil without a ramp-up, or before its first step).
    public var capacity: CapacityStep? = nil

    public var displayName: String { name ?? participant }
}

/// What participants worked in the last published weeks (fairness over weeks reads it).
public struct RecentWork: Sendable, Equatable {
    /// The weeks, latest first.
    public var weeks: [String]
    /// Participant → activity → hours over these weeks.
    public var hours: [String: [String: Double]]
    /// Participant → how many of these weeks they were in.
    public var weeksIn: [String: Int]
}

/// A published week as the history lists it.
public struct PublishedWeek: Sendable, Equatable {
    public var week: String
    /// The scenario's name.
    public var scenario: String
    public var status: String
    public var objective: Double?
    public var assignments: Int
    public var participants: Int
}

/// The history file. Open it with `History(path:)` (created and migrated when new); every method
/// reads or writes on the calling thread.
public final class History: Sendable {
    public let path: String
    private let queue: DatabaseQueue

    public convenience init(path: String) throws(HistoryError) { try self.init(path: path, migratingUpTo: nil) }

    /// Opens the history migrated up to `migration` (all of them when nil): tests make files of
    /// older versions with it.
    init(path: String, migratingUpTo migration: String?) throws(HistoryError) {
        self.path = path
        do {
            queue = try DatabaseQueue(path: path)
            if let migration { try Self.migrator.migrate(queue, upTo: migration) } else { try Self.migrator.migrate(queue) }
        } catch let error as DatabaseError {
            throw HistoryError(path: path, message: "cannot open the history: \(error.message ?? "\(error.resultCode)")",
                               fix: "give --history a writable file, or move a file that is not a Parcours history out of the way")
        } catch {
            throw HistoryError(path: path, message: "cannot open the history: \(error)", fix: "give --history a writable file")
        }
    }

    /// The schema, step by step: a file made by an older version is brought up to date on opening.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: published weeks") { db in
            try db.create(table: "week") { t in
                t.primaryKey("start", .text)
                t.column("scenario", .text).notNull()
                t.column("status", .text).notNull()
                t.column("objective", .double)
            }
            try db.create(table: "assignment") { t in
                t.column("week", .text).notNull().references("week", onDelete: .cascade)
                t.column("participant", .text).notNull()
                t.column("day", .text).notNull()
                t.column("slot", .text).notNull()
                t.column("kind", .text).notNull()   // activity or training
                t.column("place", .text).notNull()
                t.column("hours", .double).notNull()
            }
            try db.create(table: "participantWeek") { t in
                t.column("week", .text).notNull().references("week", onDelete: .cascade)
                t.column("position", .integer).notNull()   // the participant's place in the scenario
                t.column("participant", .text).notNull()
                t.column("name", .text)
                t.column("hours", .double).notNull()
                t.column("minimum", .double).notNull()
                t.column("target", .double).notNull()
                t.column("maximum", .double).notNull()
                t.primaryKey(["week", "participant"])
            }
            try db.create(table: "goalWeek") { t in
                t.column("week", .text).notNull().references("week", onDelete: .cascade)
                t.column("participant", .text).notNull()
                t.column("position", .integer).notNull()   // the goal's place in the participant's list
                t.column("kind", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("asked", .double).notNull()
                t.column("achieved", .double).notNull()
            }
            try db.create(table: "trainingWeek") { t in
                t.column("week", .text).notNull().references("week", onDelete: .cascade)
                t.column("participant", .text).notNull()
                t.column("training", .text).notNull()
            }
            // A person's weeks, and their hours so far, without reading every week of everyone.
            try db.create(index: "participantWeekByParticipant", on: "participantWeek", columns: ["participant", "week"])
            try db.create(index: "assignmentByParticipant", on: "assignment", columns: ["participant", "week"])
            for table in ["assignment", "goalWeek", "trainingWeek"] {
                try db.create(index: "\(table)ByWeek", on: table, columns: ["week"])
            }
        }
        migrator.registerMigration("v2: pathway plans") { db in
            // A weekly goal that is the share of a pathway goal: that goal's hours and date.
            try db.alter(table: "goalWeek") { t in
                t.add(column: "planHours", .double)
                t.add(column: "planBy", .text)
            }
            // The ramp-up's step in force that week (null without one).
            try db.alter(table: "participantWeek") { t in
                t.add(column: "pathwayWeek", .integer)
                t.add(column: "maxDays", .integer)
                t.add(column: "maxHoursPerDay", .double)
            }
            // The skills each training of the week taught: a skill goal counts its sessions in
            // later weeks, whose files may not hold the training any more.
            try db.create(table: "taught") { t in
                t.column("week", .text).notNull().references("week", onDelete: .cascade)
                t.column("training", .text).notNull()
                t.column("skill", .text).notNull()
            }
            try db.create(index: "taughtByWeek", on: "taught", columns: ["week"])
        }
        return migrator
    }

    /// Records the week as published, in one transaction: publishing the same week (the
    /// scenario's `week`) again replaces it. `beforeCommit` runs inside the transaction, after
    /// every row is written (tests stop the process there).
    @discardableResult
    public func publish(_ scenario: Scenario, _ roster: Roster, beforeCommit: (() -> Void)? = nil) throws(HistoryError) -> PublishedWeek {
        guard let week = scenario.week else {
            throw HistoryError(path: path, message: "the scenario '\(scenario.name)' has no `week`, by which the history keys its weeks",
                               fix: "add `week: YYYY-MM-DD` (the first day of the week) to the scenario")
        }
        guard roster.hasSolution else {
            throw HistoryError(path: path, message: "the roster of '\(scenario.name)' has no assignments to publish (status \(roster.status.rawValue))",
                               fix: "solve the week until it has a roster, then publish that")
        }
        let plan = WeekPlan(scenario: scenario, roster: roster)
        let summary = PublishedWeek(week: week, scenario: scenario.name, status: roster.status.rawValue, objective: roster.objective,
                                    assignments: roster.assignments.count, participants: scenario.participants.count)
        do {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM week WHERE start = ?", arguments: [week])
                try db.execute(sql: "INSERT INTO week (start, scenario, status, objective) VALUES (?, ?, ?, ?)",
                               arguments: [week, scenario.name, summary.status, roster.objective])
                for a in roster.assignments {
                    let hours = scenario.calendar.period(day: a.day, slot: a.slot)?.hours ?? 0
                    let (kind, place): (String, String) = switch a.place {
                    case .activity(let id): ("activity", id)
                    case .training(let id): ("training", id)
                    }
                    try db.execute(sql: "INSERT INTO assignment (week, participant, day, slot, kind, place, hours) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [week, a.participant, a.day.rawValue, a.slot, kind, place, hours])
                }
                for (p, person) in scenario.participants.enumerated() {
                    let step = Self.capacityStep(person, in: scenario)
                    try db.execute(sql: "INSERT INTO participantWeek (week, position, participant, name, hours, minimum, target, maximum, "
                                   + "pathwayWeek, maxDays, maxHoursPerDay) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [week, p, person.id, person.name, plan.hours(participant: p),
                                               person.hours.min, person.hours.target, person.hours.max,
                                               step?.pathwayWeek, step?.maxDays, step?.maxHoursPerDay])
                    for (g, progress) in plan.goals(participant: p).enumerated() {
                        let (kind, subject): (GoalWeek.Kind, String) = switch progress.goal.kind {
                        case .activity(let id, _): (.activity, id)
                        case .skill(let id, _): (.skill, id)
                        case .training(let id): (.training, id)
                        }
                        let goalPlan = progress.goal.plan
                        try db.execute(sql: "INSERT INTO goalWeek (week, participant, position, kind, subject, asked, achieved, planHours, planBy) "
                                       + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       arguments: [week, person.id, g, kind.rawValue, subject, progress.asked, progress.achieved,
                                                   goalPlan.flatMap { $0.subject.isTraining ? nil : $0.hours }, goalPlan?.by])
                    }
                }
                for (k, training) in scenario.trainings.enumerated() {
                    for skill in training.teaches.sorted() where !plan.enrolled(training: k).isEmpty {
                        try db.execute(sql: "INSERT INTO taught (week, training, skill) VALUES (?, ?, ?)", arguments: [week, training.id, skill])
                    }
                    for p in plan.enrolled(training: k) {
                        try db.execute(sql: "INSERT INTO trainingWeek (week, participant, training) VALUES (?, ?, ?)",
                                       arguments: [week, scenario.participants[p].id, training.id])
                    }
                }
                beforeCommit?()
            }
        } catch {
            throw failure(error, doing: "publish the week \(week)")
        }
        return summary
    }

    /// Every published week, oldest first.
    public func weeks() throws(HistoryError) -> [PublishedWeek] {
        return try read(doing: "read the published weeks") { db in
            try Row.fetchAll(db, sql: """
                SELECT w.start, w.scenario, w.status, w.objective,
                       (SELECT COUNT(*) FROM assignment a WHERE a.week = w.start) AS assignments,
                       (SELECT COUNT(*) FROM participantWeek p WHERE p.week = w.start) AS participants
                FROM week w ORDER BY w.start
                """).map { row in
                PublishedWeek(week: row["start"], scenario: row["scenario"], status: row["status"], objective: row["objective"],
                              assignments: row["assignments"], participants: row["participants"])
            }
        }
    }

    /// Each participant's published weeks (one participant's when given), participant by participant
    /// in the order of their latest scenario, each week oldest first.
    public func pathways(participant: String? = nil) throws(HistoryError) -> [ParticipantWeek] {
        return try read(doing: "read the pathways") { db in
            let filter = participant == nil ? "" : "WHERE p.participant = ?"
            let arguments: StatementArguments = participant.map { [$0] } ?? []
            // Only the goals and trainings of the weeks asked for: one participant's when given.
            let only = participant == nil ? "" : "WHERE participant = ? "
            let goals = try Row.fetchAll(db, sql: "SELECT * FROM goalWeek \(only)ORDER BY week, participant, position", arguments: arguments)
            var goalsOf: [String: [GoalWeek]] = [:]
            for row in goals {
                let key = "\(row["week"] as String)\u{0}\(row["participant"] as String)"
                goalsOf[key, default: []].append(GoalWeek(kind: GoalWeek.Kind(rawValue: row["kind"]) ?? .activity, subject: row["subject"],
                                                          asked: row["asked"], achieved: row["achieved"],
                                                          planHours: row["planHours"], planBy: row["planBy"]))
            }
            var trainingsOf: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM trainingWeek \(only)ORDER BY week, participant, training", arguments: arguments) {
                trainingsOf["\(row["week"] as String)\u{0}\(row["participant"] as String)", default: []].append(row["training"])
            }
            // The participant's place in the latest week they appear in orders the list.
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.*, (SELECT q.position FROM participantWeek q WHERE q.participant = p.participant
                             ORDER BY q.week DESC LIMIT 1) AS latest
                FROM participantWeek p \(filter) ORDER BY latest, p.participant, p.week
                """, arguments: arguments)
            return rows.map { row in
                let key = "\(row["week"] as String)\u{0}\(row["participant"] as String)"
                let pathwayWeek: Int? = row["pathwayWeek"], maxHoursPerDay: Double? = row["maxHoursPerDay"]
                let step = pathwayWeek.flatMap { n in
                    maxHoursPerDay.map { CapacityStep(pathwayWeek: n, maxDays: row["maxDays"], maxHoursPerDay: $0) }
                }
                return ParticipantWeek(week: row["week"], participant: row["participant"], name: row["name"], hours: row["hours"],
                                       minimum: row["minimum"], target: row["target"], maximum: row["maximum"],
                                       goals: goalsOf[key] ?? [], trainings: trainingsOf[key] ?? [], capacity: step)
            }
        }
    }

    /// The hours a participant worked in these activities in the weeks published before `week`,
    /// plus, for a skill, the sessions they attended of trainings teaching it (contract §5): those
    /// named in `trainings`, and those the history recorded as teaching the skill the week they ran.
    public func hours(of participant: String, in activities: Set<String>, trainings: Set<String> = [], teaching skill: String? = nil,
                      before week: String) throws(HistoryError) -> Double {
        guard !activities.isEmpty || !trainings.isEmpty || skill != nil else { return 0 }
        return try read(doing: "read the hours of '\(participant)'") { db in
            func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }
            var places = ["(a.kind = 'activity' AND a.place IN (\(marks(activities.count))))"]
            var values: [String] = [participant, week] + activities.sorted()
            if !trainings.isEmpty {
                places.append("(a.kind = 'training' AND a.place IN (\(marks(trainings.count))))")
                values += trainings.sorted()
            }
            if let skill {
                places.append("(a.kind = 'training' AND EXISTS (SELECT 1 FROM taught t WHERE t.week = a.week AND t.training = a.place AND t.skill = ?))")
                values.append(skill)
            }
            // Each assignment is one period: counted once, whichever way it qualifies.
            return try Double.fetchOne(db, sql: "SELECT COALESCE(SUM(a.hours), 0) FROM assignment a WHERE a.participant = ? AND a.week < ? "
                                       + "AND (\(places.joined(separator: " OR ")))", arguments: StatementArguments(values)) ?? 0
        }
    }

    /// The first week published before `week` in which the participant attended the training (nil: none).
    public func attended(_ participant: String, training: String, before week: String) throws(HistoryError) -> String? {
        return try read(doing: "read the trainings of '\(participant)'") { db in
            try String.fetchOne(db, sql: "SELECT MIN(week) FROM trainingWeek WHERE participant = ? AND training = ? AND week < ?",
                                arguments: [participant, training, week])
        }
    }

    /// The (at most) `count` weeks published last before `week`, latest first, and what each
    /// participant worked in them: hours per activity, and how many of these weeks they were in.
    public func recentWork(weeks count: Int, before week: String) throws(HistoryError) -> RecentWork {
        guard count > 0 else { return RecentWork(weeks: [], hours: [:], weeksIn: [:]) }
        return try read(doing: "read the weeks before \(week)") { db in
            let weeks = try String.fetchAll(db, sql: "SELECT start FROM week WHERE start < ? ORDER BY start DESC LIMIT ?", arguments: [week, count])
            guard let oldest = weeks.last else { return RecentWork(weeks: [], hours: [:], weeksIn: [:]) }
            var hours: [String: [String: Double]] = [:], weeksIn: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT participant, place, SUM(hours) AS hours FROM assignment "
                                        + "WHERE kind = 'activity' AND week >= ? AND week < ? GROUP BY participant, place",
                                        arguments: [oldest, week]) {
                hours[row["participant"] as String, default: [:]][row["place"] as String] = row["hours"] as Double
            }
            for row in try Row.fetchAll(db, sql: "SELECT participant, COUNT(*) AS n FROM participantWeek WHERE week >= ? AND week < ? "
                                        + "GROUP BY participant", arguments: [oldest, week]) {
                weeksIn[row["participant"] as String] = row["n"] as Int
            }
            return RecentWork(weeks: weeks, hours: hours, weeksIn: weeksIn)
        }
    }

    /// The hours of a participant in the (at most) `count` weeks published last before `week`.
    public func recentHours(of participant: String, weeks count: Int, before week: String) throws(HistoryError) -> [Double] {
        guard count > 0 else { return [] }
        return try read(doing: "read the hours of '\(participant)'") { db in
            try Double.fetchAll(db, sql: "SELECT hours FROM participantWeek WHERE participant = ? AND week < ? ORDER BY week DESC LIMIT ?",
                                arguments: [participant, week, count])
        }
    }

    /// The ramp-up's step in force for the participant this week, with the capacity it gives.
    static func capacityStep(_ p: Participant, in scenario: Scenario) -> CapacityStep? {
        guard let pathway = p.pathway, let week = scenario.week, let n = pathway.weekNumber(of: week), pathway.step(inWeek: n) != nil else { return nil }
        let capacity = scenario.capacity(p)
        return CapacityStep(pathwayWeek: n, maxDays: capacity.maxDays, maxHoursPerDay: scenario.maxHoursPerDay(p))
    }

    /// A read of the history, whose failure says what it was doing.
    private func read<T>(doing what: @autoclosure () -> String, _ body: (Database) throws -> T) throws(HistoryError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw failure(error, doing: what())
        }
    }

    private func failure(_ error: any Error, doing what: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        let message = (error as? DatabaseError)?.message ?? "\(error)"
        return HistoryError(path: path, message: "could not \(what): \(message)",
                            fix: "check that the file is a Parcours history and is writable; nothing was changed")
    }
}
