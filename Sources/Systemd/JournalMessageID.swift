/// `MESSAGE_ID=` values: one fixed 128-bit id per notable event, so `journalctl
/// MESSAGE_ID=...` finds every occurrence whatever the wording.
///
/// A log call names one with the metadata key `message_id`, either by its name here
/// (`reload_refused`) or as 32 hex digits.
public enum JournalMessageID {
    /// An escalation started for a measure.
    public static let escalationStarted = "5c0a3f1e8b7d4e2a9f61c3d7b2e48a10"
    /// An escalation climbed a level.
    public static let escalationRaised = "9e4b27d15a8c4f3e8d02b6a1c7f35e21"
    /// A notice could not be delivered.
    public static let noticeFailed = "c31d8e7a2f6b4a59b0e4d1f8a3c76b32"
    /// A reload put a new configuration in place.
    public static let reloadDone = "1f7a9c3e5b2d4c8e9a06f4b1d8e27c43"
    /// A reload was refused; the old configuration stays.
    public static let reloadRefused = "7b2e5d9a1c4f4b3e8f17a2c6d9e05b54"

    /// The ids by the names a log call may use.
    /// A notice delivered to the journal (a focal point on `notices: journal`).
    public static let notice = "4d8a2c6e1f3b4e7a9c05b8d2e6f14a37"

    public static let byName: [String: String] = [
        "escalation_started": escalationStarted,
        "escalation_raised": escalationRaised,
        "notice_failed": noticeFailed,
        "reload_done": reloadDone,
        "reload_refused": reloadRefused,
    ]

    /// The id a `message_id` metadata value stands for: a known name, or 32 hex digits
    /// (lower-cased); nil otherwise.
    public static func resolve(_ value: String) -> String? {
        if let id = byName[value] { return id }
        let hex = value.lowercased()
        guard hex.count == 32, hex.allSatisfy(\.isHexDigit) else { return nil }
        return hex
    }
}
