/// An error from building an iCalendar document, with a stable ``Code`` and a message for people.
///
/// The writer never emits a document it cannot stand behind: a value that would make the
/// output invalid (a negative `SEQUENCE`, an end before the start, a malformed address, an
/// `RRULE` that is not a recurrence rule, a date outside years 1 to 9999) is refused with
/// this error instead of being written. Text is never refused: it is escaped.
///
/// Codes are a struct rather than an enum so that new ones can be added without breaking
/// exhaustive switches in callers; compare with `==`:
///
/// ```swift
/// catch let error where error.code == .invalidAddress { ... }
/// ```
public struct ICalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidIdentifier, invalidSequence, invalidTimes, dateOutOfRange
            case invalidAddress, invalidURI, invalidRecurrenceRule, duplicateEvent
            case schedulingRule
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A `UID` or `PRODID` is empty (or holds nothing but control characters).
        public static let invalidIdentifier = Code(.invalidIdentifier)
        /// A `SEQUENCE` is negative.
        public static let invalidSequence = Code(.invalidSequence)
        /// Start, end, `RECURRENCE-ID` or `EXDATE` disagree: an end not after its start, or an
        /// all-day value mixed with a timed one.
        public static let invalidTimes = Code(.invalidTimes)
        /// An instant or a day falls outside years 1 to 9999, or is not finite.
        public static let dateOutOfRange = Code(.dateOutOfRange)
        /// An organizer's or attendee's e-mail address cannot form a `mailto:` URI.
        public static let invalidAddress = Code(.invalidAddress)
        /// A `URL` holds characters a URI cannot hold.
        public static let invalidURI = Code(.invalidURI)
        /// An `RRULE` text is not an RFC 5545 recurrence rule, or does not fit the event's start.
        public static let invalidRecurrenceRule = Code(.invalidRecurrenceRule)
        /// Two events share a `UID` and a `RECURRENCE-ID` (or both lack one).
        public static let duplicateEvent = Code(.duplicateEvent)
        /// A `REQUEST` or `CANCEL` document breaks a rule of scheduling messages (RFC 5546):
        /// no events, more than one `UID`, no organizer, no attendee, or a cancellation whose
        /// status is not `CANCELLED`.
        public static let schedulingRule = Code(.schedulingRule)

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
