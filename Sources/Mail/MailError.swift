/// An error from building or delivering a message, with a stable ``Code`` and a message for people.
///
/// The writer never emits a message it cannot stand behind: a value that could end a header
/// early or make the message unreadable (a line break in an address, a malformed
/// `Message-ID`, an extra header that is not a header) is refused with this error instead of
/// being written. Free text is never refused: a subject or a display name is encoded.
///
/// Codes are a struct rather than an enum so that new ones can be added without breaking
/// exhaustive switches in callers; compare with `==`:
///
/// ```swift
/// catch let error where error.code == .invalidAddress { ... }
/// ```
public struct MailError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidAddress, invalidMessageID, invalidHeader, invalidBody, invalidDate
            case invalidUniqueName, deliveryFailed
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// An address is not one plain `local@domain` mailbox, or a display name holds a
        /// control character or a line break.
        public static let invalidAddress = Code(.invalidAddress)
        /// A `Message-ID`, `In-Reply-To` or `References` identifier is not `left@right` made of
        /// dot-atoms (no spaces, no angle brackets, exactly one `@`).
        public static let invalidMessageID = Code(.invalidMessageID)
        /// An extra header has a name that is not a field name (or is one the writer sets
        /// itself), or a value holding a line break or a control character; or a header line
        /// cannot be kept within 998 octets.
        public static let invalidHeader = Code(.invalidHeader)
        /// A body cannot be written: an empty multipart, an attachment inside an attachment, a
        /// file name holding a control character, or a calendar method that is not a token.
        public static let invalidBody = Code(.invalidBody)
        /// The date is not finite or falls outside years 1 to 9999.
        public static let invalidDate = Code(.invalidDate)
        /// A Maildir unique name is empty, longer than 200 bytes, starts with `.`, or holds a
        /// `/`, a `:` or a control character.
        public static let invalidUniqueName = Code(.invalidUniqueName)
        /// The file system refused a step of a Maildir delivery.
        public static let deliveryFailed = Code(.deliveryFailed)

        /// The code's name, e.g. "invalidAddress".
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence for people: what was refused and why.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - message: A sentence for people.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// "code: message".
    public var description: String {
        "\(code): \(message)"
    }
}
