import ConcertNotices
import Foundation
import Systemd

/// A notice as a journal entry: the subject and text as the message, and the fields a service
/// desk or monitoring system filters on. Stored in the outbox in place of a mail message, so
/// the courier only sends what the postman composed.
enum JournalNotice {
    /// The entry's `NAME=value` fields.
    static func fields(for notice: Notice) -> [String] {
        var fields = [
            "MESSAGE=\(notice.subject)\n\n\(notice.text)",
            "PRIORITY=\(notice.kind == .escalation || notice.kind == .overdue ? 4 : 5)",
            "SYSLOG_IDENTIFIER=concertd",
            "MESSAGE_ID=\(JournalMessageID.notice)",
            "CONCERT_NOTICE_ID=\(notice.messageID)",
            "CONCERT_NOTICE_KIND=\(notice.kind.rawValue)",
            "CONCERT_RECIPIENT=\(notice.recipient)",
            "CONCERT_ABOUT=\(notice.subjectID)",
            "CONCERT_EVENT=\(notice.sequence)",
        ]
        if let measure = notice.measure { fields.append("CONCERT_MEASURE=\(measure)") }
        if let level = notice.level { fields.append("CONCERT_LEVEL=\(level)") }
        if let thread = notice.thread { fields.append("CONCERT_THREAD=\(thread)") }
        return fields
    }

    /// The fields as the outbox stores them (a JSON array of strings).
    static func encoded(_ fields: [String]) throws -> Data { try JSONEncoder().encode(fields) }

    static func decoded(_ data: Data) -> [String]? { try? JSONDecoder().decode([String].self, from: data) }
}
