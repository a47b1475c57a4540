import Foundation
import Varlink

#if canImport(Glibc)
    import Glibc
#endif

/// Writing to stdout and stderr.
///
/// Writes go straight to the descriptors. When the reader has gone (`concertctl events | head`),
/// the command ends quietly with status 0 as soon as a write fails with EPIPE, as Unix tools do,
/// instead of dying on the signal or on a raised error.
enum Output {
    static func line(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    /// Writes text exactly as given (an iCalendar document keeps its CRLF line endings).
    static func raw(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Lets a closed pipe show up as EPIPE from `write` rather than as SIGPIPE; call at start.
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                // The reader is gone (EPIPE) or the output is unusable: nothing more can be said.
                exit(errno == EPIPE ? 0 : 74)
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// JSON text of a value: pretty for documents, compact for streams (one per line).
    static func json(_ value: JSONValue, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
