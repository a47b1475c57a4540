import Foundation
import Mail
import Testing

/// No value can end a header early: line breaks in free text become spaces, and everywhere
/// else they are refused.
@Suite struct InjectionTests {
    static let headerNames = [
        "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    ]

    @Test(arguments: [
        "Hello\r\nBcc: victim@example.org", "Hello\nBcc: victim@example.org", "Hello\rBcc: victim@example.org",
        "Hello\r\n\r\nInjected body", "Olá\r\nBcc: victim@example.org", "Hello\u{0}\u{1B}[31m\u{7F}\u{85}end",
    ])
    func keepsASubjectOnOneHeader(subject: String) throws {
        let serialized = try Serialized(Fixtures.plain(subject: subject))
        #expect(serialized.fields.map(\.name) == Self.headerNames)
        #expect(!serialized.headerLines.contains { $0.hasPrefix("Bcc") || $0.hasPrefix("Injected") })
        #expect(serialized.bodyLines == ["Hello,", "all good.", ""])
        let raw = serialized.text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(raw.allSatisfy { $0.last == 0x0D && !$0.dropLast().contains(0x0D) && !$0.contains(0) })
    }

    @Test func turnsLineBreaksInASubjectIntoSpaces() throws {
        let serialized = try Serialized(Fixtures.plain(subject: "Hello\r\nBcc: victim@example.org"))
        #expect(serialized.field("Subject") == "Hello Bcc: victim@example.org")
    }

    @Test(arguments: [
        "ana@example.org\r\nBcc: victim@example.org", "ana@example.org\n", "ana@exa\rmple.org",
        "Ana <ana@example.org>", "ana silva@example.org", "ana@example.org, victim@example.org",
        "ana@@example.org", "ana@example@org", "ana", "@example.org", "ana@", "ana.@example.org",
        "ana@example..org", "\"ana\"@example.org", "ana@[192.0.2.1]", "anã@example.org", "ana@example.org\u{0}", "",
    ])
    func refusesAnAddressThatIsNotOneMailbox(address: String) {
        let error = #expect(throws: MailError.self) { try MailAddress(name: "Ana", address: address) }
        #expect(error?.code == .invalidAddress)
    }

    @Test(arguments: ["Ana\r\nBcc: victim@example.org", "Ana\n", "Ana\u{0}", "Ana\tSilva"])
    func refusesADisplayNameWithAControlCharacter(name: String) {
        let error = #expect(throws: MailError.self) { try MailAddress(name: name, address: "ana@example.org") }
        #expect(error?.code == .invalidAddress)
    }

    @Test func acceptsUsualAddresses() throws {
        for address in ["ana.silva@gov.example", "a+tag@x.example", "o'brien@example.ie", "x_y-z@sub.example.org"] {
            #expect(try MailAddress(address: address).address == address)
        }
    }

    @Test(arguments: [
        "X-Notice\r\nBcc", "X Notice", "X-Notice:", "", "Ação", "Subject", "content-type", "BCC", "Message-ID",
    ])
    func refusesABadExtraHeaderName(name: String) {
        var message = Fixtures.plain()
        message.extraHeaders = [(name, "value")]
        expectRefusal(message, .invalidHeader)
    }

    @Test(arguments: ["a\r\nBcc: victim@example.org", "a\nb", "a\rb", "a\u{0}b", "a\tb"])
    func refusesAnExtraHeaderValueWithAControlCharacter(value: String) {
        var message = Fixtures.plain()
        message.extraHeaders = [("X-Concert-Notice", value)]
        expectRefusal(message, .invalidHeader)
    }

    @Test(arguments: [
        "a@b\r\nBcc: victim@example.org", "a b@c", "<a@b>", "a@b>", "ab", "a@b@c", "@b", "a@", "a@b c", "",
    ])
    func refusesAMalformedMessageIdentifier(identifier: String) {
        var message = Fixtures.plain()
        message.messageID = identifier
        expectRefusal(message, .invalidMessageID)
        message = Fixtures.plain()
        message.inReplyTo = identifier
        expectRefusal(message, .invalidMessageID)
        message = Fixtures.plain()
        message.references = ["ok@example.org", identifier]
        expectRefusal(message, .invalidMessageID)
    }

    @Test func neverUsesABoundaryFoundInAPart() throws {
        // A 7bit part may hold anything that looks like a boundary.
        let lookalike = "--=_0123456789abcdef\n--=_0123456789abcdef--\n=_"
        let message = Fixtures.plain(body: .mixed([.text(lookalike), .alternative([.text(lookalike), .text("b")])]))
        let serialized = try Serialized(message)
        let boundaries = serialized.text.components(separatedBy: "boundary=\"").dropFirst()
            .compactMap { $0.split(separator: "\"").first }
        #expect(boundaries.count == 2)
        for boundary in boundaries {
            let delimiters = serialized.text.components(separatedBy: "\r\n--\(boundary)").count - 1
            // Two parts, each opened by a delimiter, then the closing delimiter: nothing else.
            #expect(delimiters == 3)
        }
    }
}
