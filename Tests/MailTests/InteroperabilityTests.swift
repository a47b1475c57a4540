import Foundation
import Mail
import Testing

/// The module's output as read by an independent implementation: Python's standard `email`
/// package (`policy.default`) and `mailbox.Maildir`. See ``MailPython``.
@Suite(.serialized) struct InteroperabilityTests {
    /// Clean octets, no defect in any part or header, content lines of at most 76 octets and
    /// part headers of at most 78.
    static func expectClean(_ report: MailPython.MessageReport, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(report.problems == [], sourceLocation: sourceLocation)
        #expect(report.defects == [], sourceLocation: sourceLocation)
        #expect(report.longestBodyLine <= 78, sourceLocation: sourceLocation)
        for part in report.parts {
            #expect(part.longestLine <= 76, "\(part.contentType)", sourceLocation: sourceLocation)
        }
    }

    @Test func readsBackAnInvitation() throws {
        let message = Fixtures.invitation()
        let report = try MailPython.read(message: message.serialized())
        Self.expectClean(report)
        #expect(report.subject == message.subject)
        #expect(report.from == [MailPython.Mailbox(name: "Comissão Interministerial", address: "cim@pnipgm.example")])
        #expect(
            report.to == [
                MailPython.Mailbox(name: "Silva, Ana", address: "ana.silva@gov.example"),
                MailPython.Mailbox(name: "", address: "rui@gov.example"),
                MailPython.Mailbox(name: "João Conceição", address: "joao.conceicao@gov.example"),
            ])
        #expect(report.cc == [MailPython.Mailbox(name: "Secretariado Técnico", address: "secretariado@pnipgm.example")])
        #expect(report.messageID == "<\(Fixtures.messageID)>")
        #expect(report.inReplyTo == "<convocation.committee-2027-01-12.2.fp-pcm-political@pnipgm.concert>")
        #expect(report.references == message.references.map { "<\($0)>" })
        #expect(report.date == "2027-01-12T09:30:00+00:00")
        #expect(report.extra == ["X-Concert-Notice": "convocation"])
        #expect(
            report.headerNames == [
                "Date", "From", "To", "Cc", "Subject", "Message-ID", "In-Reply-To", "References", "X-Concert-Notice",
                "Auto-Submitted", "MIME-Version", "Content-Type",
            ])

        #expect(
            report.parts.map(\.contentType) == [
                "multipart/mixed", "multipart/alternative", "text/plain", "text/calendar", "text/calendar",
            ])
        try #require(report.parts.count == 5)
        let text = report.parts[2]
        let invitation = report.parts[3]
        let attachment = report.parts[4]
        #expect(text.content == Fixtures.canonical(Fixtures.text))
        #expect(text.parameters["charset"] == "utf-8")
        for calendar in [invitation, attachment] {
            #expect(calendar.parameters["method"] == "REQUEST")
            #expect(calendar.parameters["charset"] == "utf-8")
            #expect(calendar.content == Fixtures.calendar)
        }
        #expect(invitation.disposition == nil)
        #expect(attachment.disposition == "attachment")
        #expect(attachment.filename == "convocatória.ics")
    }

    @Test func readsBackAPlainMessage() throws {
        let report = try MailPython.read(message: Fixtures.plain().serialized())
        Self.expectClean(report)
        #expect(report.longestHeaderLine <= 78)
        #expect(report.subject == "Weekly report")
        #expect(report.parts.map(\.contentType) == ["text/plain"])
        #expect(report.parts.first?.transferEncoding == "7bit")
        #expect(report.parts.first?.content == "Hello,\r\nall good.\r\n")
    }

    @Test(arguments: HeaderEncodingTests.subjects + ["Reunião de 12 de janeiro", "Re: Reunião — ata (versão 2)", ""])
    func readsBackSubjects(subject: String) throws {
        let report = try MailPython.read(message: Fixtures.plain(subject: subject).serialized())
        Self.expectClean(report)
        #expect(report.longestHeaderLine <= 78)
        #expect(report.subject == subject.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: HeaderEncodingTests.names + ["Ana Silva", "O'Brien", "=?utf-8?q?x?="])
    func readsBackDisplayNames(name: String) throws {
        var message = Fixtures.plain()
        message.from = try MailAddress(name: name, address: "cim@pnipgm.example")
        message.to = try (1...3).map { try MailAddress(name: name, address: "person\($0)@pnipgm.example") }
        let report = try MailPython.read(message: message.serialized())
        Self.expectClean(report)
        // Python's `email` keeps the white space between two encoded-words in a phrase, which
        // RFC 2047 (6.2) says to drop. A name too long for one encoded-word is split, after a
        // space where it has one, and Python reads a space at each split: compare without
        // spaces. `readsNamesThatFitOneEncodedWordExactly` covers the exact reading.
        let collapse = { (text: String) in text.filter { $0 != " " } }
        #expect(report.from.map { collapse($0.name) } == [collapse(name)])
        #expect(
            report.to.map(\.address) == ["person1@pnipgm.example", "person2@pnipgm.example", "person3@pnipgm.example"])
        #expect(report.to.allSatisfy { collapse($0.name) == collapse(name) })
    }

    @Test func readsNamesThatFitOneEncodedWordExactly() throws {
        var message = Fixtures.plain()
        message.from = try MailAddress(name: "Comissão Técnica da Ação Governativa", address: "a@example.org")
        let report = try MailPython.read(message: message.serialized())
        Self.expectClean(report)
        #expect(report.from.first?.name == "Comissão Técnica da Ação Governativa")
    }

    @Test func keepsAnInjectedSubjectInTheSubject() throws {
        let report = try MailPython.read(
            message: Fixtures.plain(subject: "Olá\r\nBcc: victim@example.org\r\n\r\nbody").serialized())
        Self.expectClean(report)
        #expect(report.subject == "Olá Bcc: victim@example.org  body")
        #expect(!report.headerNames.contains("Bcc"))
        #expect(report.parts.first?.content == "Hello,\r\nall good.\r\n")
    }

    @Test func readsALongNonASCIIFileNameAndACancellation() throws {
        let filename = String(repeating: "convocatória da comissão ", count: 4) + "(cancelamento).ics"
        let cancellation = Fixtures.calendar.replacingOccurrences(of: "METHOD:REQUEST", with: "METHOD:CANCEL")
        let message = Fixtures.plain(
            body: .mixed([
                .text(String(repeating: "Linha muito longa sem quebras, com acentuação. ", count: 10)),
                .attachment(.calendar(cancellation, method: "CANCEL"), filename: filename),
            ]))
        let report = try MailPython.read(message: message.serialized())
        Self.expectClean(report)
        #expect(report.longestHeaderLine <= 78)
        #expect(report.parts.map(\.contentType) == ["multipart/mixed", "text/plain", "text/calendar"])
        try #require(report.parts.count == 3)
        #expect(
            report.parts[1].content == String(repeating: "Linha muito longa sem quebras, com acentuação. ", count: 10))
        #expect(report.parts[2].filename == filename)
        #expect(report.parts[2].parameters["method"] == "CANCEL")
        #expect(report.parts[2].content == cancellation)
    }

    @Test func readsBoundaryLookalikesAsContent() throws {
        let lookalike = "--=_0123456789abcdef\n--=_0123456789abcdef--\n"
        let message = Fixtures.plain(body: .alternative([.text(lookalike), .text("second")]))
        let report = try MailPython.read(message: message.serialized())
        Self.expectClean(report)
        #expect(report.parts.compactMap(\.content) == [Fixtures.canonical(lookalike), "second"])
    }

    @Test func readsADeliveredMaildir() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let maildir = Maildir(root: folder.url)
        let invitation = Fixtures.invitation()
        let plain = Fixtures.plain(subject: "Reunião adiada")
        #expect(
            try maildir.deliver(invitation.serialized(), uniqueName: invitation.messageID)
                != .alreadyPresent(folder.url))
        _ = try maildir.deliver(plain.serialized(), uniqueName: plain.messageID)
        // Again, as after a restart: nothing new.
        #expect(
            try maildir.deliver(invitation.serialized(), uniqueName: invitation.messageID)
                == .alreadyPresent(folder.url.appendingPathComponent("new/\(invitation.messageID)")))
        // A reader marks one as seen.
        try FileManager.default.moveItem(
            at: folder.url.appendingPathComponent("new/\(plain.messageID)"),
            to: folder.url.appendingPathComponent("cur/\(plain.messageID):2,S"))
        _ = try maildir.deliver(plain.serialized(), uniqueName: plain.messageID)

        let report = try MailPython.read(maildir: folder.url)
        #expect(report.count == 2)
        let byKey = Dictionary(uniqueKeysWithValues: report.messages.map { ($0.key, $0) })
        let stored = try #require(byKey[invitation.messageID])
        #expect(stored.subdir == "new")
        #expect(stored.subject == invitation.subject)
        #expect(stored.messageID == "<\(invitation.messageID)>")
        #expect(stored.defects == [])
        let seen = try #require(byKey[plain.messageID])
        #expect(seen.subdir == "cur")
        #expect(seen.flags == "S")
        #expect(seen.subject == "Reunião adiada")
    }
}
