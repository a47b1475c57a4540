import Foundation
import Mail

/// Messages and parts the tests share.
enum Fixtures {
    /// 2027-01-12T09:30:00Z, a Tuesday.
    static let date = Date(timeIntervalSince1970: 1_799_746_200)

    static let messageID = "convocation.committee-2027-01-12.3.fp-pcm-political@pnipgm.concert"

    static func address(_ address: String, _ name: String? = nil) -> MailAddress {
        do {
            return try MailAddress(name: name, address: address)
        } catch {
            fatalError("fixture address \(address): \(error)")
        }
    }

    static let committee = address("cim@pnipgm.example", "Comissão Interministerial")

    /// Accents, a long line, trailing spaces, `=`, a tab, lines that look like mbox and SMTP
    /// markers, an emoji, and no final line break.
    static let text = """
        Exmos. Senhores,

        Convocamos V. Exas. para a Reunião de 12 de janeiro de 2027, às 09h30, na sala do Conselho \
        de Ministros, com a seguinte ordem de trabalhos: aprovação da ata; ponto de situação das \
        medidas M01 a M12; outros assuntos.\u{20}\u{20}
        From the agenda: item 2 = 50% of the time.
        .
        \tIndentação com tabulação — e um emoji: 🇵🇹
        Com os melhores cumprimentos,
        A Comissão
        """

    /// An RFC 5545 request, CRLF-terminated, with non-ASCII text.
    static let calendar =
        [
            "BEGIN:VCALENDAR", "PRODID:-//Example//Mail tests//PT", "VERSION:2.0", "METHOD:REQUEST",
            "BEGIN:VEVENT", "UID:committee-2027-01-12@pnipgm.example", "DTSTAMP:20270105T120000Z",
            "DTSTART:20270112T093000Z", "DTEND:20270112T113000Z", "SEQUENCE:3",
            "SUMMARY:Reunião de 12 de janeiro — Comissão Interministerial",
            "RRULE:FREQ=WEEKLY;COUNT=2",
            "ORGANIZER;CN=Comissão Interministerial:mailto:cim@pnipgm.example",
            "ATTENDEE;CN=Ana Silva;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ana.silva@gov.example",
            "END:VEVENT", "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined()

    /// An iMIP invitation: text and calendar as alternatives, and the calendar again as a file.
    static func invitation() -> MailMessage {
        MailMessage(
            messageID: messageID, date: date, from: committee,
            to: [
                address("ana.silva@gov.example", "Silva, Ana"), address("rui@gov.example"),
                address("joao.conceicao@gov.example", "João Conceição"),
            ],
            cc: [address("secretariado@pnipgm.example", "Secretariado Técnico")],
            subject: "Convocatória: Reunião de 12 de janeiro de 2027 — Comissão Interministerial de "
                + "Acompanhamento do Plano Nacional",
            inReplyTo: "convocation.committee-2027-01-12.2.fp-pcm-political@pnipgm.concert",
            references: [
                "convocation.committee-2027-01-12.1.fp-pcm-political@pnipgm.concert",
                "convocation.committee-2027-01-12.2.fp-pcm-political@pnipgm.concert",
            ],
            extraHeaders: [("X-Concert-Notice", "convocation"), ("Auto-Submitted", "auto-generated")],
            body: .mixed([
                .alternative([.text(text), .calendar(calendar, method: "REQUEST")]),
                .attachment(.calendar(calendar, method: "REQUEST"), filename: "convocatória.ics"),
            ]))
    }

    /// A plain US-ASCII text message.
    static func plain(subject: String = "Weekly report", body: MailBody = .text("Hello,\nall good.\n")) -> MailMessage {
        MailMessage(
            messageID: "report.1@example.org", date: date, from: address("a@example.org"),
            to: [address("b@example.org")], subject: subject, body: body)
    }

    /// `text` with every line break made CRLF, as a MIME text part holds it.
    static func canonical(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }
}
