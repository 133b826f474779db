// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writing a command's output file without losing anything: the path is checked before any work
// (its folder exists and is writable, it is not one of the command's inputs, even through a link),
// and the file is replaced atomically — a temporary file in the same folder, renamed over it — with
// the old file's permissions, through a symbolic link to the file it points to. A planner's rosters
// hold health and social data: a 600 roster stays 600.

import Foundation

public struct OutputFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var fix: String
    public var description: String { "error: cannot write '\(path)': \(message)\n    fix: \(fix)" }
}

public enum OutputFile {
    /// Why `path` cannot receive an output, or `nil` when it can. `inputs` are the files the command
    /// reads; writing over one of them (the same file after links are resolved) is refused.
    public static func check(_ path: String, inputs: [String]) -> OutputFileError? {
        func refuse(_ message: String, _ fix: String) -> OutputFileError { OutputFileError(path: path, message: message, fix: fix) }
        let target = resolved(path)
        for input in inputs where sameFile(target, resolved(input)) {
            return refuse("it is the input '\(input)'; writing there would replace it",
                          "choose another file name for the output")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return refuse("it is a folder", "give a file name, e.g. \(path)/roster.json") }
            if access(target, W_OK) != 0 { return refuse("the file is read-only", "change its permissions or write elsewhere") }
        }
        let folder = directory(of: target)
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return refuse("the folder '\(folder)' does not exist", "create it first, or write elsewhere")
        }
        if access(folder, W_OK | X_OK) != 0 { return refuse("the folder '\(folder)' is not writable", "write elsewhere") }
        return nil
    }

    /// Writes `text` to `path` atomically, keeping an existing file's permissions and writing
    /// through a symbolic link. On failure the old file is untouched.
    public static func write(_ text: String, to path: String) throws(OutputFileError) {
        if let problem = check(path, inputs: []) { throw problem }
        let target = resolved(path)
        let folder = directory(of: target)
        let temporary = (folder as NSString).appendingPathComponent(".\((target as NSString).lastPathComponent).\(getpid()).tmp")
        func fail(_ what: String) -> OutputFileError {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return OutputFileError(path: path, message: "\(what): \(reason)", fix: "check the disk and the folder's permissions")
        }
        var existing = stat()
        let keepsMode = stat(target, &existing) == 0
        // A new file gets 0666 less the umask, like any file a program creates.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard fd >= 0 else { throw fail("cannot create a temporary file in '\(folder)'") }
        if keepsMode, fchmod(fd, existing.st_mode & 0o7777) != 0 { close(fd); throw fail("cannot keep the file's permissions") }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; close(fd); throw fail("writing failed") }
            written += n
        }
        if fsync(fd) != 0 { close(fd); throw fail("writing failed") }
        close(fd)
        if rename(temporary, target) != 0 { throw fail("cannot replace the file") }
    }

    /// The path with every symbolic link resolved; for a file that does not exist yet, its folder's.
    static func resolved(_ path: String, links: Int = 0) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // A dangling link writes where it points (a loop of links stops, as the system's, after 40).
        if links < 40, let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            let next = destination.hasPrefix("/") ? destination : (directory(of: path) as NSString).appendingPathComponent(destination)
            return resolved(next, links: links + 1)
        }
        let folder = directory(of: path)
        guard let real = realpath(folder, nil) else { return path }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
    }

    /// Two paths name the same file: the same resolved path, or the same inode (a hard link).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var x = stat(), y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    static func directory(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}
