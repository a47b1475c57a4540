import ConcertAgents
import Foundation
import Testing

/// The SMTP client against a real SMTP server on loopback (aiosmtpd).
@Suite("SMTP client", .serialized)
struct SMTPClientTests {
    static let message = Data(
        """
        From: Concert <concert@example.org>\r
        To: Rita <rita@example.org>\r
        Subject: Convocation\r
        Message-ID: <meeting.committee.rita@test.concert>\r
        \r
        The agenda:\r
        .hidden line that starts with a dot\r
        ..two dots\r
        .\r
        end\r

        """.utf8)

    @Test func theServerReceivesTheMessageByteForByteWithDotStuffingUndone() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let client = SMTPClient(relay: .init(host: "127.0.0.1", port: server.port), timeout: .seconds(10))
        try client.send(Self.message, from: "concert@example.org", to: ["rita@example.org"])
        let received = try server.received()
        #expect(received.count == 1)
        #expect(received.first?.from == "concert@example.org")
        #expect(received.first?.to == ["rita@example.org"])
        #expect(received.first?.data == Self.message)
    }

    @Test func dotStuffingAndLineEndings() {
        let section = SMTPClient.dataSection(Data(".a\n..b\r\nc\n.".utf8))
        #expect(String(decoding: section, as: UTF8.self) == "..a\r\n...b\r\nc\r\n..\r\n.\r\n")
        #expect(String(decoding: SMTPClient.dataSection(Data("x\r\n".utf8)), as: UTF8.self) == "x\r\n.\r\n")
    }

    @Test func aTemporaryRefusalIsTransientThenTheSameMessageGoesThrough() throws {
        let server = try SMTPTestServer(replies: ["451 4.3.0 Try again later"])
        defer { server.stop() }
        let client = SMTPClient(relay: .init(host: "127.0.0.1", port: server.port), timeout: .seconds(10))
        #expect {
            try client.send(Self.message, from: "concert@example.org", to: ["rita@example.org"])
        } throws: { error in
            guard let error = error as? SMTPError else { return false }
            return error.kind == .transient && error.code == 451 && error.message.contains("Try again later")
        }
        try client.send(Self.message, from: "concert@example.org", to: ["rita@example.org"])
        #expect(try server.received().map(\.data) == [Self.message])
    }

    @Test func aPermanentRefusalIsPermanentWithTheServersText() throws {
        let server = try SMTPTestServer(replies: ["554 5.7.1 Message rejected"])
        defer { server.stop() }
        let client = SMTPClient(relay: .init(host: "127.0.0.1", port: server.port), timeout: .seconds(10))
        #expect {
            try client.send(Self.message, from: "concert@example.org", to: ["rita@example.org"])
        } throws: { error in
            guard let error = error as? SMTPError else { return false }
            return error.kind == .permanent && error.code == 554 && error.message.contains("Message rejected")
        }
        #expect(try server.received().isEmpty)
    }

    @Test func noServerIsTransient() throws {
        // A port that was free a moment ago: nothing listens there.
        let server = try SMTPTestServer()
        let port = server.port
        server.stop()
        let client = SMTPClient(relay: .init(host: "127.0.0.1", port: port), timeout: .seconds(5))
        #expect {
            try client.send(Self.message, from: "concert@example.org", to: ["rita@example.org"])
        } throws: { error in
            (error as? SMTPError)?.kind == .transient
        }
    }

    @Test func relaysAreParsed() {
        #expect(SMTPClient.Relay(parsing: "127.0.0.1:2525") == .init(host: "127.0.0.1", port: 2525))
        #expect(SMTPClient.Relay(parsing: "[::1]:25") == .init(host: "::1", port: 25))
        #expect(SMTPClient.Relay(parsing: "mail.example.org:587")?.host == "mail.example.org")
        #expect(SMTPClient.Relay(parsing: "localhost") == nil)
        #expect(SMTPClient.Relay(parsing: "localhost:0") == nil)
        #expect(SMTPClient.Relay(parsing: ":25") == nil)
    }
}
