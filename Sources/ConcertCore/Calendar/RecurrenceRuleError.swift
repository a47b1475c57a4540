/// Why an RRULE was refused: what kind of problem, in which rule part, in words.
///
/// `message` names the part and the value, so it can be shown as it is, e.g.
/// `BYHOUR is not supported: ...`.
public struct RecurrenceRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem this is; stable across wording changes of `message`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(_ rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// The text is not `NAME=VALUE` parts separated by `;`.
        public static let syntax = Code("syntax")
        /// `FREQ` is absent.
        public static let missingFrequency = Code("missing-frequency")
        /// A rule part appears twice.
        public static let duplicatePart = Code("duplicate-part")
        /// A rule part that RFC 5545 does not define.
        public static let unknownPart = Code("unknown-part")
        /// A rule part or value RFC 5545 defines that Concert does not support
        /// (`BYHOUR`, `BYMINUTE`, `BYSECOND`, `BYWEEKNO`, `BYYEARDAY`, `FREQ=HOURLY`, ...).
        public static let unsupported = Code("unsupported")
        /// A value of the wrong form or out of range.
        public static let invalidValue = Code("invalid-value")
        /// Parts that RFC 5545 forbids together (`COUNT` with `UNTIL`, ordinals with `FREQ=WEEKLY`, ...).
        public static let conflict = Code("conflict")
    }

    public let code: Code
    /// The rule part at fault (`BYDAY`), when there is one.
    public let part: String?
    public let message: String

    public init(_ code: Code, part: String?, _ message: String) {
        self.code = code
        self.part = part
        self.message = message
    }

    public var description: String { message }
}
