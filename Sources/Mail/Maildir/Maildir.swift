import Foundation

/// A Maildir mailbox (https://cr.yp.to/proto/maildir.html): a folder holding `tmp`, `new` and
/// `cur`, where each message is one file.
///
/// Delivery writes the message to `tmp/NAME`, flushes it to disk, renames it to `new/NAME`
/// and flushes `new`, so a reader sees either the whole message or none of it. A mail reader
/// later moves the file to `cur/NAME:2,FLAGS`.
///
/// The caller chooses the unique name, which makes delivery idempotent: a name already in
/// `new` or `cur` is not written again. One writer at a time should deliver a given name.
public struct Maildir: Sendable {
    /// What ``deliver(_:uniqueName:)`` did.
    public enum DeliveryOutcome: Sendable, Hashable {
        /// The message was written; the URL is its file in `new`.
        case delivered(URL)
        /// A message with this unique name was already there (in `new` or `cur`), and nothing
        /// was written; the URL is the file found.
        case alreadyPresent(URL)
    }

    /// The mailbox folder.
    public let root: URL

    /// The longest unique name, in UTF-8 octets.
    public static let maximumUniqueNameLength = 200

    /// A mailbox at `root`. Nothing is created until the first delivery, which makes `root`
    /// (and any missing parent), `tmp`, `new` and `cur` with mode 0700.
    public init(root: URL) {
        self.root = root
    }

    /// Whether a message with `uniqueName` is in the mailbox: `new/NAME`, `cur/NAME`, or
    /// `cur/NAME:INFO` (such as `cur/NAME:2,S`). False for a name that is not valid.
    public func contains(uniqueName: String) -> Bool {
        (try? existing(uniqueName: uniqueName)) != nil
    }

    /// The file holding `uniqueName`, if any.
    func existing(uniqueName: String) throws(MailError) -> URL? {
        try Self.checkUniqueName(uniqueName)
        let fresh = folder("new").appendingPathComponent(uniqueName)
        if FileSystemCalls.exists(fresh.path) { return fresh }
        let seen = folder("cur")
        let prefix = uniqueName + ":"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seen.path)) ?? []
        if let name = names.filter({ $0 == uniqueName || $0.hasPrefix(prefix) }).min() {
            return seen.appendingPathComponent(name)
        }
        return nil
    }

    /// `root/name`.
    func folder(_ name: String) -> URL {
        root.appendingPathComponent(name, isDirectory: true)
    }

    /// Refuses a unique name that cannot be a Maildir file name.
    ///
    /// - Throws: ``MailError/Code/invalidUniqueName``.
    static func checkUniqueName(_ name: String) throws(MailError) {
        let problem: String? =
            if name.isEmpty {
                "is empty"
            } else if name.utf8.count > maximumUniqueNameLength {
                "is longer than \(maximumUniqueNameLength) bytes"
            } else if name.hasPrefix(".") {
                "starts with ."
            } else if name.contains("/") || name.contains(":") {
                "holds / or :"
            } else if name.unicodeScalars.contains(where: MailSyntax.isControl) {
                "holds a control character"
            } else {
                nil
            }
        if let problem {
            throw MailError(.invalidUniqueName, "the Maildir unique name \(name.debugDescription) \(problem)")
        }
    }
}
