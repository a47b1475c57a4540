import Foundation

/// An Internet message (RFC 5322) with a MIME body (RFC 2045), ready to serialise.
///
/// Every field is checked when the message is serialised, not when it is set: see
/// ``serialized()`` for what is refused.
public struct MailMessage: Sendable {
    /// The `Message-ID` without angle brackets, e.g. `notice.42@example.org`.
    public var messageID: String
    /// The `Date`, written in UTC to the whole second.
    public var date: Date
    /// The `From` mailbox.
    public var from: MailAddress
    /// The `To` mailboxes; no `To` header is written when empty.
    public var to: [MailAddress]
    /// The `Cc` mailboxes; no `Cc` header is written when empty.
    public var cc: [MailAddress]
    /// The `Subject`, any text; encoded as needed, with line breaks and other control
    /// characters written as spaces so the subject stays one header.
    public var subject: String
    /// The `Message-ID` this message answers, without angle brackets.
    public var inReplyTo: String?
    /// The `Message-ID`s of the thread, oldest first, without angle brackets.
    public var references: [String]
    /// More header fields, written in order after `References`, e.g.
    /// `("Auto-Submitted", "auto-generated")`.
    ///
    /// Names are RFC 5322 field names (printable US-ASCII but `:`) other than the ones the
    /// writer sets itself; values may not hold line breaks or control characters. A value is
    /// treated as unstructured text: words outside US-ASCII are written as encoded-words.
    public var extraHeaders: [(String, String)]
    /// The content.
    public var body: MailBody

    /// Creates a message.
    public init(
        messageID: String, date: Date, from: MailAddress, to: [MailAddress], cc: [MailAddress] = [],
        subject: String, inReplyTo: String? = nil, references: [String] = [],
        extraHeaders: [(String, String)] = [], body: MailBody
    ) {
        self.messageID = messageID
        self.date = date
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.inReplyTo = inReplyTo
        self.references = references
        self.extraHeaders = extraHeaders
        self.body = body
    }
}
