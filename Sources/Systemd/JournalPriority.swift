import Logging

/// Syslog priorities (`PRIORITY=` in the journal) for swift-log levels.
public enum JournalPriority {
    /// trace and debug → 7 (debug), info → 6, notice → 5, warning → 4, error → 3, critical → 2.
    public static func priority(for level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
