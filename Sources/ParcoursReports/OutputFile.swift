// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every report file is written atomically: into a temporary file beside it, then renamed over it,
// so that a reader (a browser, a calendar app, a spreadsheet) never sees half a file, and a failed
// write leaves the old file as it was.

import Foundation

public struct OutputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var fix: String
    public var description: String { "error: cannot write '\(path)': \(message); \(fix)" }
}

public enum OutputFile {
    public static func write(_ text: String, to path: String) throws(OutputFileError) {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws(OutputFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw OutputFileError(path: path, message: "the folder '\(folder.path)' does not exist", fix: "create it first, or give another path")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw OutputFileError(path: path, message: "the folder '\(folder.path)' is not writable", fix: "check its permissions, or give another path")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw OutputFileError(path: path, message: reason, fix: "check that the path is not a folder and that you may write it")
        }
    }

    /// Creates a folder (and its parents) for a set of files, e.g. `--ics-dir`.
    public static func makeFolder(_ path: String) throws(OutputFileError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError(path: path, message: "the folder cannot be created", fix: "check the path and its permissions")
        }
    }
}
