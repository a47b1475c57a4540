import Foundation
import Mail
import Testing

/// The exact shape of serialized messages.
@Suite struct GoldenOutputTests {
    @Test func writesAPlainMessageExactly() throws {
        let text = try Serialized(Fixtures.plain()).text
        #expect(
            text == """
                Date: Tue, 12 Jan 2027 09:30:00 +0000\r
                From: a@example.org\r
                To: b@example.org\r
                Subject: Weekly report\r
                Message-ID: <report.1@example.org>\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Transfer-Encoding: 7bit\r
                \r
                Hello,\r
                all good.\r

                """)
    }

    @Test func writesTheInvitationHeaderExactly() throws {
        let serialized = try Serialized(Fixtures.invitation())
        let boundary = try #require(serialized.field("Content-Type")?.split(separator: "\"").dropFirst().first)
        #expect(
            serialized.headerLines == [
                "Date: Tue, 12 Jan 2027 09:30:00 +0000",
                "From: =?utf-8?q?Comiss=C3=A3o?= Interministerial <cim@pnipgm.example>",
                "To: \"Silva, Ana\" <ana.silva@gov.example>, rui@gov.example,",
                " =?utf-8?q?Jo=C3=A3o_Concei=C3=A7=C3=A3o?= <joao.conceicao@gov.example>",
                "Cc: Secretariado =?utf-8?q?T=C3=A9cnico?= <secretariado@pnipgm.example>",
                "Subject: =?utf-8?q?Convocat=C3=B3ria=3A_Reuni=C3=A3o?= de 12 de janeiro de",
                " 2027 =?utf-8?q?=E2=80=94_Comiss=C3=A3o?= Interministerial de Acompanhamento",
                " do Plano Nacional",
                "Message-ID: <convocation.committee-2027-01-12.3.fp-pcm-political@pnipgm.concert>",
                "In-Reply-To: <convocation.committee-2027-01-12.2.fp-pcm-political@pnipgm.concert>",
                "References: <convocation.committee-2027-01-12.1.fp-pcm-political@pnipgm.concert>",
                " <convocation.committee-2027-01-12.2.fp-pcm-political@pnipgm.concert>",
                "X-Concert-Notice: convocation",
                "Auto-Submitted: auto-generated",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            ])
    }

    @Test func nestsTheInvitationParts() throws {
        let serialized = try Serialized(Fixtures.invitation())
        let outer = try #require(serialized.field("Content-Type")?.split(separator: "\"").dropFirst().first)
        let lines = serialized.bodyLines
        let inner = try #require(
            lines.first { $0.hasPrefix("Content-Type: multipart/alternative") }?.split(separator: "\"").dropFirst()
                .first)
        #expect(outer != inner)
        let skeleton = lines.filter { $0.hasPrefix("--") || $0.hasPrefix("Content-") }
        #expect(
            skeleton == [
                "--\(outer)",
                "Content-Type: multipart/alternative; boundary=\"\(inner)\"",
                "--\(inner)",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "--\(inner)",
                "Content-Type: text/calendar; charset=utf-8; method=REQUEST",
                "Content-Transfer-Encoding: quoted-printable",
                "--\(inner)--",
                "--\(outer)",
                "Content-Type: text/calendar; charset=utf-8; method=REQUEST",
                "Content-Transfer-Encoding: quoted-printable",
                "Content-Disposition: attachment; filename*=utf-8''convocat%C3%B3ria.ics",
                "--\(outer)--",
            ])
        #expect(lines.last == "")
        #expect(serialized.text.hasSuffix("--\(outer)--\r\n"))
    }

    @Test func writesACancellationMethod() throws {
        let message = Fixtures.plain(body: .calendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", method: "CANCEL"))
        let serialized = try Serialized(message)
        #expect(serialized.field("Content-Type") == "text/calendar; charset=utf-8; method=CANCEL")
        #expect(serialized.field("Content-Transfer-Encoding") == "7bit")
        #expect(serialized.bodyLines == ["BEGIN:VCALENDAR", "END:VCALENDAR", ""])
    }

    @Test func leavesOutEmptyRecipientListsAndThreadHeaders() throws {
        var message = Fixtures.plain()
        message.to = []
        let names = try Serialized(message).fields.map(\.name)
        #expect(
            names == [
                "Date", "From", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
            ])
    }

    @Test(arguments: [
        (0.0, "Thu, 1 Jan 1970 00:00:00 +0000"),
        (1_799_746_200.999, "Tue, 12 Jan 2027 09:30:00 +0000"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (-1, "Wed, 31 Dec 1969 23:59:59 +0000"),
    ])
    func writesTheDateInUTC(seconds: Double, expected: String) throws {
        var message = Fixtures.plain()
        message.date = Date(timeIntervalSince1970: seconds)
        #expect(try Serialized(message).field("Date") == expected)
    }
}
