// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reading scenario files, their variants (contract §7) and published rosters: the one entry point
// of the input side. Every problem in every file is collected and returned together as a
// `ScenarioError`; nothing a user writes can crash the process.

import Foundation
import Yams

/// A scenario as loaded, with the warnings that did not stop it.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    /// Titles of the variants applied, in order.
    public var variants: [String]
    public var warnings: [ScenarioDiagnostic]
    /// Every file read: the scenario, its variants, the published roster and the spreadsheet it
    /// names (so that a command can refuse to write its output over one of them).
    public var files: [String] = []
    /// Where each entity and field was written, for messages that point at the lines involved.
    public var locations = ScenarioLocations()
}

/// Where the items of a loaded scenario were written. Paths name an entity and a field, as
/// `participants/p13/fixed/0`, `participants/p13/availability`, `supervisors/k02/availability`,
/// `activities/boulangerie/open`, `trainings/haccp/seats`; a path not recorded falls back to its
/// closest recorded parent (the entity's id line).
public struct ScenarioLocations: Sendable {
    let map: SourceMap
    init(_ map: SourceMap) { self.map = map }

    public init() { map = SourceMap() }

    public func location(_ path: String) -> SourceLocation? { map.location(path) }
}

/// A what-if variant file (contract §7), read but not yet applied.
public struct Variant: Sendable {
    public var title: String
    public var file: String
    let text: String
}

public enum ScenarioLoader {
    /// Loads a scenario file, applies variant files in order, and optionally replaces its baseline
    /// by a published roster file. Throws every error found, in every file.
    public static func load(file: String, variants: [String] = [], baseline: String? = nil) throws(ScenarioError) -> Scenario {
        try read(file: file, variants: variants, baseline: baseline).scenario
    }

    /// Loads scenario text; `file` names it in messages and `directory` resolves relative paths
    /// (`participants: {csv: …}`, `baseline: …`).
    public static func load(yaml: String, file: String = "scenario.yaml", directory: String = ".",
                            variants: [Variant] = []) throws(ScenarioError) -> Scenario {
        try read(yaml: yaml, file: file, directory: directory, variants: variants, baseline: nil).scenario
    }

    /// Like `load(file:…)`, and also returns the warnings.
    public static func read(file: String, variants: [String] = [], baseline: String? = nil) throws(ScenarioError) -> LoadedScenario {
        let sink = DiagnosticSink()
        let text = readText(file, sink: sink, referencedAt: nil, what: "scenario file")
        var loadedVariants: [Variant] = []
        for v in variants {
            do { loadedVariants.append(try loadVariant(file: v)) } catch { sink.append(error.diagnostics) }
        }
        guard let text, !sink.hasErrors else { throw ScenarioError(sink.diagnostics) }
        var loaded = try read(yaml: text, file: file, directory: directoryOf(file), variants: loadedVariants, baseline: baseline, sink: sink)
        loaded.files = [file] + variants + loaded.files
        return loaded
    }

    /// Reads a variant file and checks its shape (what it changes is checked when it is applied).
    public static func loadVariant(file: String) throws(ScenarioError) -> Variant {
        let sink = DiagnosticSink()
        guard let text = readText(file, sink: sink, referencedAt: nil, what: "variant file") else { throw ScenarioError(sink.diagnostics) }
        return try variant(yaml: text, file: file)
    }

    public static func variant(yaml: String, file: String = "variant.yaml") throws(ScenarioError) -> Variant {
        let sink = DiagnosticSink()
        let reader = YAMLReader(file: file, sink: sink)
        var title = ""
        if let root = compose(yaml, reader: reader),
           let f = reader.fields(root, known: ["variant", "changes"], required: ["variant", "changes"], what: "the variant file",
                                 fixForWrongType: "a variant starts with `variant: \"what changes\"` and a `changes:` list") {
            if let t = f["variant"], let text = reader.string(t, what: "variant (its title)") { title = text }
            if let c = f["changes"] { _ = reader.sequence(c, what: "changes") }
        }
        if sink.hasErrors { throw ScenarioError(sink.diagnostics) }
        return Variant(title: title, file: file, text: yaml)
    }

    /// Reads a published roster (the roster JSON of §6, or a bare list of assignments) for `scenario`.
    public static func loadBaseline(file: String, for scenario: Scenario) throws(ScenarioError) -> [BaselineEntry] {
        let sink = DiagnosticSink()
        let reader = YAMLReader(file: file, sink: sink)
        let parser = ScenarioParser(reader: reader, calendar: scenario.calendar)
        let entries = baseline(file: file, parser: parser, referencedAt: nil)
        var checked = scenario
        checked.baseline = entries
        ScenarioValidator(scenario: checked, sources: reader.sources, sink: sink).checkBaseline()
        if sink.hasErrors { throw ScenarioError(sink.diagnostics) }
        return entries ?? []
    }

    // MARK: Implementation

    static func read(yaml: String, file: String, directory: String, variants: [Variant], baseline: String?,
                     sink: DiagnosticSink = DiagnosticSink()) throws(ScenarioError) -> LoadedScenario {
        let reader = YAMLReader(file: file, sink: sink)
        let parser = ScenarioParser(reader: reader)
        guard let root = compose(yaml, reader: reader) else { throw ScenarioError(sink.diagnostics) }
        var sources = SourceMap()
        var files: [String] = []
        let parsed = parser.document(root, csvLoader: { path, node in
            let csvFile = resolve(path, in: directory)
            files.append(csvFile)
            let csvReader = YAMLReader(file: csvFile, sink: sink)
            guard let text = readSpreadsheet(csvFile, sink: sink, referencedAt: reader.location(node)) else { return nil }
            let csvParser = ScenarioParser(reader: csvReader, calendar: parser.calendar)
            let participants = ParticipantsCSV.participants(text, parser: csvParser)
            sources.merge(csvReader.sources)
            return participants
        }, baselineLoader: { path, node in
            let rosterFile = resolve(path, in: directory)
            files.append(rosterFile)
            let rosterReader = YAMLReader(file: rosterFile, sink: sink)
            let entries = Self.baseline(file: rosterFile, parser: ScenarioParser(reader: rosterReader, calendar: parser.calendar),
                                        referencedAt: reader.location(node))
            sources.merge(rosterReader.sources)
            return entries
        })
        sources.merge(reader.sources)
        guard var scenario = parsed else { throw ScenarioError(sink.diagnostics) }
        // Local errors do not stop here: the checks between entities run too, so that one run
        // lists every problem (an entity whose id could not be read is simply absent).

        // A published roster given on the command line replaces the scenario's, before the variants
        // (so that removing a participant also removes their published assignments).
        if let baseline {
            files.append(baseline)
            let rosterReader = YAMLReader(file: baseline, sink: sink)
            scenario.baseline = Self.baseline(file: baseline, parser: ScenarioParser(reader: rosterReader, calendar: scenario.calendar),
                                              referencedAt: nil)
            sources.remove(under: "baseline")
            sources.merge(rosterReader.sources)
        }
        for variant in variants {
            apply(variant, to: &scenario, sources: &sources, sink: sink)
        }
        ScenarioValidator(scenario: scenario, sources: sources, sink: sink).run()
        guard !sink.hasErrors else { throw ScenarioError(sink.diagnostics) }
        return LoadedScenario(scenario: scenario, variants: variants.map(\.title), warnings: sink.diagnostics, files: files,
                              locations: ScenarioLocations(sources))
    }

    /// The YAML tree of a text, or `nil` with the parser's error located.
    static func compose(_ text: String, reader: YAMLReader) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                reader.sink.error(SourceLocation(file: reader.file, line: 1, column: 1), "the file is empty",
                                  fix: "a scenario starts with `parcours: 1` and `name: …`")
                return nil
            }
            return root
        } catch let error as YamlError {
            let (location, message) = describe(error, file: reader.file)
            reader.sink.error(location, "this is not valid YAML: \(message)",
                              fix: "check the indentation (spaces, not tabs), the colons after keys, and matching quotes and brackets")
            return nil
        } catch {
            reader.sink.error(SourceLocation(file: reader.file, line: 1, column: 1), "this is not valid YAML: \(error)")
            return nil
        }
    }

    private static func describe(_ error: YamlError, file: String) -> (SourceLocation?, String) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return (at(mark), problem + (context.map { " (\($0.text))" } ?? ""))
        case let .duplicatedKeysInMapping(duplicates, context):
            return (at(context.mark), "the key '\(duplicates.joined(separator: "', '"))' appears twice in the same mapping")
        case let .reader(problem, offset, _, _):
            return (SourceLocation(file: file, line: 1, column: 1), problem + (offset.map { " at byte \($0)" } ?? ""))
        default:
            return (SourceLocation(file: file, line: 1, column: 1), "\(error)")
        }
    }

    static func readText(_ path: String, sink: DiagnosticSink, referencedAt: SourceLocation?, what: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            sink.error(referencedAt ?? SourceLocation(file: path, line: 1, column: 1),
                       exists ? (isDirectory.boolValue ? "the \(what) '\(path)' is a folder, not a file" : "the \(what) '\(path)' cannot be read")
                              : "the \(what) '\(path)' does not exist",
                       value: path, fix: referencedAt == nil ? "check the path" : "paths are relative to the scenario file's folder")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error(referencedAt ?? SourceLocation(file: path, line: 1, column: 1), "the \(what) '\(path)' is not UTF-8 text",
                       value: path, fix: "save it as UTF-8 (in a spreadsheet: CSV UTF-8)")
            return nil
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// A spreadsheet export: UTF-8 (with or without a byte-order mark), or else Windows-1252 — what
    /// French Excel writes for "CSV (point-virgule)" — read as such, with a note. Anything else
    /// (UTF-16, a binary file) is refused.
    static func readSpreadsheet(_ path: String, sink: DiagnosticSink, referencedAt: SourceLocation?) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            return readText(path, sink: sink, referencedAt: referencedAt, what: "participants spreadsheet")
        }
        if let text = String(data: data, encoding: .utf8) { return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text }
        guard let text = Windows1252.decode(Array(data)) else {
            sink.error(referencedAt ?? SourceLocation(file: path, line: 1, column: 1),
                       "the participants spreadsheet '\(path)' is neither UTF-8 nor Windows-1252 text", value: path,
                       fix: "export it again as \"CSV UTF-8\" (Excel) or as CSV with the character set Unicode (UTF-8) (LibreOffice)")
            return nil
        }
        sink.note(SourceLocation(file: path, line: 1, column: 1),
                  "the spreadsheet is not UTF-8; it was read as Windows-1252, the encoding of Excel's \"CSV (point-virgule)\"",
                  fix: "nothing to do if the names read right; export as \"CSV UTF-8\" to avoid this note")
        return text
    }

    static func directoryOf(_ file: String) -> String {
        let dir = (file as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory == "." ? path : (directory as NSString).appendingPathComponent(path))
    }

    /// Reads a roster file's assignments.
    static func baseline(file: String, parser: ScenarioParser, referencedAt: SourceLocation?) -> [BaselineEntry]? {
        let reader = parser.reader
        guard let text = readText(file, sink: reader.sink, referencedAt: referencedAt, what: "published roster"),
              let root = compose(text, reader: reader) else { return nil }
        if case .sequence = root { return parser.baselineEntries(root, what: "the published roster") }
        guard case .mapping(let mapping) = root else {
            reader.error(root, "a published roster is the roster JSON written by `parcours solve`", value: reader.shown(root))
            return nil
        }
        if let format = mapping["format"], case .scalar(let s) = format, s.string != "parcours.roster/1" {
            reader.error(format, "this roster has the format '\(s.string)'; Parcours reads parcours.roster/1", value: s.string)
            return nil
        }
        guard let assignments = mapping["assignments"] else {
            reader.error(root, "the published roster has no `assignments`", fix: "use a roster JSON written by `parcours solve`")
            return nil
        }
        return parser.baselineEntries(assignments, what: "the published roster")
    }
}
