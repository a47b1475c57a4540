import ConcertCore
import Foundation

/// Groups a recipient's digestible notices into one message, the digest, written in the
/// recipient's language: a short introduction, then each notice's subject and text in order.
///
/// Tasks, reminders, overdue and escalation notices are digestible; convocations, updates and
/// cancellations never are (they carry calendar invitations a client processes one by one).
/// A digest's Message-ID depends only on its recipient and the ids of the notices it holds, so
/// composing it again gives the same message.
public enum DigestComposer {
    /// One notice's part in a digest: what the digest says of it. It is stored with the notice
    /// (``encoded()``) until the digest is composed, so the digest needs neither the plan nor
    /// the log.
    public struct Part: Codable, Hashable, Sendable {
        /// The notice's own Message-ID.
        public var messageID: String
        public var kind: String
        public var subject: String
        /// The notice's text (a signature at its end is left out of the digest).
        public var text: String
        /// The message the notice replies to (its thread's root), when it follows one.
        public var thread: String?
        /// The recipient's language tag (`pt-PT`, `en`).
        public var language: String
        public var recipientName: String
        /// The plan's title, for the signature.
        public var plan: String

        public init(
            messageID: String, kind: String, subject: String, text: String, thread: String?, language: String,
            recipientName: String, plan: String
        ) {
            self.messageID = messageID
            self.kind = kind
            self.subject = subject
            self.text = text
            self.thread = thread
            self.language = language
            self.recipientName = recipientName
            self.plan = plan
        }

        /// A notice's part, for a recipient who reads `language`.
        public init(notice: Notice, language: String, plan: String) {
            self.init(
                messageID: notice.messageID, kind: notice.kind.rawValue, subject: notice.subject,
                text: DigestComposer.withoutSignature(notice.text), thread: notice.thread, language: language,
                recipientName: notice.recipientName, plan: plan)
        }

        /// The root of the escalation thread this notice belongs to: the notice it replies to,
        /// or itself when it opens the thread; nil for a notice not about an escalation.
        public var escalationRoot: String? {
            guard kind == Notice.Kind.overdue.rawValue || kind == Notice.Kind.escalation.rawValue else { return nil }
            return thread ?? messageID
        }

        public func encoded() -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return (try? encoder.encode(self)) ?? Data()
        }

        public static func decoded(_ data: Data) -> Part? {
            try? JSONDecoder().decode(Part.self, from: data)
        }
    }

    /// A composed digest.
    public struct Digest: Hashable, Sendable {
        /// `digest.<recipient>.<16 hex digits of the sorted ids' hash>@<domain>`.
        public var messageID: String
        /// A name unique per recipient, for a Maildir file: `digest.<16 hex digits>`.
        public var fileName: String
        public var subject: String
        public var text: String
        /// The escalation threads' roots among its notices, in order, each once.
        public var references: [String]
        public var recipientName: String
    }

    /// Whether notices of this kind may be grouped into a digest.
    public static func isDigestible(_ kind: Notice.Kind) -> Bool {
        switch kind {
        case .task, .reminder, .overdue, .escalation: true
        case .convocation, .update, .cancellation: false
        }
    }

    /// The digest id for a recipient's notices: the same ids (in any order) give the same id.
    public static func messageID(recipient: String, ids: [String]) -> String {
        let domain = ids.sorted().first?.split(separator: "@").last.map(String.init) ?? "concert.invalid"
        return "digest.\(NoticeText.token(recipient)).\(hash(ids))@\(domain)"
    }

    /// The Maildir file name of the digest of `ids`.
    public static func fileName(ids: [String]) -> String {
        "digest.\(hash(ids))"
    }

    /// The digest of `parts` for `recipient`, the parts in the order given.
    public static func digest(recipient: String, parts: [Part]) -> Digest {
        let ids = parts.map(\.messageID)
        let first = parts.first
        let language = NoticeTemplates.Language(tag: first?.language ?? "en")
        let name = first?.recipientName ?? recipient
        let items: [[String: Any]] = parts.enumerated().map { index, part in
            ["number": "\(index + 1)", "subject": part.subject, "text": withoutSignature(part.text)]
        }
        let values: [String: Any] = [
            "recipient": name, "count": "\(parts.count)", "notices": items, "plan": first?.plan ?? "",
        ]
        let (subject, text) = NoticeTemplates.render(.digest, language, values)
        var references: [String] = []
        for root in parts.compactMap(\.escalationRoot) where !references.contains(root) { references.append(root) }
        return Digest(
            messageID: messageID(recipient: recipient, ids: ids), fileName: fileName(ids: ids), subject: subject,
            text: text, references: references, recipientName: name)
    }

    /// When a digestible notice created at `created` goes out: `daily`, at the opening of the
    /// next working day's working hours (today's when it has not passed yet); `weekly`, at the
    /// opening of the first working day of the next ISO week; `none`, nil (no digest).
    public static func nextDigestTime(after created: Date, period: DigestPeriod, calendar: BusinessCalendar) -> Date? {
        let today = CalendarDate(created, in: calendar.timeZone)
        switch period {
        case .none:
            return nil
        case .daily:
            if calendar.isWorkingDay(today) && created <= calendar.openingTime(on: today) {
                return calendar.openingTime(on: today)
            }
            return max(created, calendar.openingTime(on: calendar.nextWorkingDay(after: today)))
        case .weekly:
            let monday = today.adding(days: 8 - today.weekday.isoNumber)
            return max(created, calendar.openingTime(on: calendar.nextWorkingDay(onOrAfter: monday)))
        }
    }

    /// A notice's text up to its signature (`-- ` on a line of its own), which a digest would
    /// otherwise repeat and which makes mail clients hide everything after it.
    static func withoutSignature(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let index = lines.firstIndex(where: { $0 == "-- " }) { lines.removeSubrange(index...) }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// The first 16 hex digits of the FNV-1a (64-bit) hash of the sorted ids.
    static func hash(_ ids: [String]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ids.sorted().joined(separator: "\n").utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
