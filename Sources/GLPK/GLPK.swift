// SPDX-License-Identifier: GPL-3.0-or-later
//
// Library-wide facts and checks: the version, errors, names, the per-thread terminal output.

import CGLPK

/// An error from the GLPK layer, with what went wrong and, where known, what would fix it.
public struct GLPKError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An argument GLPK would have aborted on.
        case invalidArgument
        /// The installed GLPK is not one this layer supports.
        case unsupportedVersion
        /// A file could not be read or written.
        case io
        /// GLPK itself failed (no memory, numerical trouble…).
        case solverFailure
    }

    public var kind: Kind
    public var message: String
    public var fix: String?

    public init(_ kind: Kind, _ message: String, fix: String? = nil) {
        self.kind = kind; self.message = message; self.fix = fix
    }

    public var description: String {
        fix.map { "\(message) (\($0))" } ?? message
    }
}

public enum GLPK {
    /// The version of the linked library, e.g. "5.0".
    public static var version: String { String(cString: glp_version()) }

    /// The oldest version this layer was written against (the parameter structures changed before it).
    public static let minimumVersion = (major: 4, minor: 65)

    /// Throws when the linked GLPK is older than `minimumVersion` or its version cannot be read.
    public static func checkVersion() throws(GLPKError) {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 2 else {
            throw GLPKError(.unsupportedVersion, "cannot read the GLPK version '\(version)'")
        }
        if parts[0] < minimumVersion.major || (parts[0] == minimumVersion.major && parts[1] < minimumVersion.minor) {
            throw GLPKError(.unsupportedVersion, "GLPK \(version) is too old",
                            fix: "install GLPK 4.65 or newer (Debian: apt-get install libglpk-dev)")
        }
    }

    /// GLPK names are 1 to 255 bytes with no control characters; anything else would abort.
    public static func checkName(_ name: String) throws(GLPKError) {
        let bytes = name.utf8.count
        guard bytes >= 1, bytes <= 255 else {
            throw GLPKError(.invalidArgument, "the name '\(name.prefix(40))…' has \(bytes) bytes",
                            fix: "use a name of 1 to 255 bytes")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw GLPKError(.invalidArgument, "the name '\(name)' contains a control character")
        }
    }

    static func checkFinite(_ value: Double, _ what: @autoclosure () -> String) throws(GLPKError) {
        guard value.isFinite else {
            throw GLPKError(.invalidArgument, "\(what()) is \(value)", fix: "give a finite number")
        }
    }

    /// Refuses paths GLPK would misuse: empty ones, and device files (as root, GLPK's writers may
    /// remove an existing file before writing it).
    static func checkOutputPath(_ path: String) throws(GLPKError) {
        guard !path.isEmpty else { throw GLPKError(.io, "empty output path") }
        guard !path.hasPrefix("/dev/") && !path.hasPrefix("/proc/") && !path.hasPrefix("/sys/") else {
            throw GLPKError(.io, "refusing to write to the device path '\(path)'", fix: "write to a regular file")
        }
    }

    /// Frees GLPK's environment of the calling thread (every problem created on it must be gone).
    /// Call it at the end of a thread that solved something.
    public static func releaseThreadEnvironment() {
        _ = glp_free_env()
    }

    /// Terminal output is off unless a solve routes it to a handler.
    static func silenceTerminalIfUnhooked() {
        _ = glp_term_out(GLP_OFF)
    }
}

/// Routes GLPK's terminal output of the calling thread to a handler for the duration of `body`.
final class TerminalRoute {
    let handler: (String) -> Void
    init(_ handler: @escaping (String) -> Void) { self.handler = handler }

    static func with<T>(_ handler: ((String) -> Void)?, _ body: () -> T) -> T {
        guard let handler else {
            _ = glp_term_out(GLP_OFF)
            return body()
        }
        let route = TerminalRoute(handler)
        let info = Unmanaged.passRetained(route).toOpaque()
        glp_term_hook({ info, text in
            guard let info, let text else { return 1 }
            Unmanaged<TerminalRoute>.fromOpaque(info).takeUnretainedValue().handler(String(cString: text))
            return 1 // handled: GLPK prints nothing itself
        }, info)
        _ = glp_term_out(GLP_ON)
        defer {
            glp_term_hook(nil, nil)
            _ = glp_term_out(GLP_OFF)
            Unmanaged<TerminalRoute>.fromOpaque(info).release()
        }
        return body()
    }
}
