import Foundation
import ConcertNotices
import Mail

/// A notice as an Internet message: text, plus the invitation as `text/calendar` beside it
/// (`multipart/alternative`, as RFC 6047 has it) so mail clients offer accept and decline.
enum NoticeMail {
    static func message(for notice: Notice, from sender: MailAddress) throws -> MailMessage {
        let domain = notice.messageID.split(separator: "@").last.map(String.init) ?? "concert.invalid"
        let to = try MailAddress(name: notice.recipientName, address: notice.recipientEmail ?? "\(notice.recipient)@\(domain)")
        var body = MailBody.text(notice.text)
        if let calendar = notice.calendar, let method = notice.calendarMethod {
            body = .alternative([.text(notice.text), .calendar(calendar, method: method)])
        }
        return MailMessage(
            messageID: notice.messageID, date: notice.date, from: sender, to: [to], cc: [], subject: notice.subject,
            inReplyTo: notice.thread, references: notice.thread.map { [$0] } ?? [],
            extraHeaders: [
                ("X-Concert-Notice", notice.kind.rawValue), ("X-Concert-About", notice.subjectID),
                ("X-Concert-Event", "\(notice.sequence)"),
            ],
            body: body)
    }

    /// A digest as an Internet message: its text, referring to every escalation thread among its
    /// notices so a mail client files it beside them. Its date is given (the latest of its
    /// notices' holds), so composing it again gives the same bytes.
    static func message(
        for digest: DigestComposer.Digest, recipient: String, address: String?, date: Date, from sender: MailAddress
    ) throws -> MailMessage {
        let domain = digest.messageID.split(separator: "@").last.map(String.init) ?? "concert.invalid"
        let to = try MailAddress(name: digest.recipientName, address: address ?? "\(recipient)@\(domain)")
        return MailMessage(
            messageID: digest.messageID, date: date, from: sender, to: [to], cc: [], subject: digest.subject,
            inReplyTo: nil, references: digest.references,
            extraHeaders: [("X-Concert-Notice", "digest"), ("X-Concert-About", recipient)],
            body: .text(digest.text))
    }
}
