/// Why a business calendar could not be made.
public struct BusinessCalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem this is; stable across wording changes of `message`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(_ rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// The working week has no day in it.
        public static let noWorkingDays = Code("no-working-days")
        /// The time zone is not a known IANA identifier.
        public static let unknownTimeZone = Code("unknown-time-zone")
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
