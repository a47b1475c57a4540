import Foundation

/// Why the timeline refused to move virtual time.
public struct TimelineError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: Hashable, Sendable {
        /// The daemon runs on the system clock; time cannot be moved.
        case notVirtual
        /// The target lies before the current virtual time.
        case backwards
        /// The target lies too far ahead (more than the allowed span in one step).
        case tooFar
    }

    public var code: Code
    public var message: String

    public var description: String { message }
}
