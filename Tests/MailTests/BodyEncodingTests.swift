import Foundation
import Mail
import Testing

/// Text parts: CRLF line breaks, `7bit` or quoted-printable, lines of at most 76 octets.
@Suite struct BodyEncodingTests {
    static func body(_ text: String) throws -> (encoding: String?, lines: [String]) {
        let serialized = try Serialized(Fixtures.plain(body: .text(text)))
        return (serialized.field("Content-Transfer-Encoding"), serialized.bodyLines)
    }

    @Test func makesEveryLineBreakCRLF() throws {
        let (encoding, lines) = try Self.body("a\nb\rc\r\nd\n\ne")
        #expect(encoding == "7bit")
        #expect(lines == ["a", "b", "c", "d", "", "e"])
    }

    @Test func writesShortASCIILinesAsTheyAre() throws {
        let text = "Line one\n\tindented = fine\n" + String(repeating: "x", count: 76)
        let (encoding, lines) = try Self.body(text)
        #expect(encoding == "7bit")
        #expect(lines == ["Line one", "\tindented = fine", String(repeating: "x", count: 76)])
    }

    @Test func quotesNonASCIIText() throws {
        let (encoding, lines) = try Self.body("Reunião = às 9h \nfim\t")
        #expect(encoding == "quoted-printable")
        #expect(lines == ["Reuni=C3=A3o =3D =C3=A0s 9h=20", "fim=09"])
    }

    @Test(arguments: ["a line ending in a space \nnext", "a tab\t", String(repeating: "y", count: 77), "nul\u{0}"])
    func quotesWhatSevenBitCannotCarry(text: String) throws {
        #expect(try Self.body(text).encoding == "quoted-printable")
    }

    @Test func breaksLongLinesSoftly() throws {
        let (_, lines) = try Self.body(String(repeating: "a", count: 200) + "\nã")
        #expect(
            lines == [
                String(repeating: "a", count: 75) + "=", String(repeating: "a", count: 75) + "=",
                String(repeating: "a", count: 50), "=C3=A3",
            ])
    }

    @Test func neverSplitsAnEscape() throws {
        for offset in 0..<4 {
            let (_, lines) = try Self.body(String(repeating: "a", count: offset) + String(repeating: "ção", count: 60))
            #expect(lines.count > 4)
            for line in lines {
                #expect(line.utf8.count <= 76)
                // A soft break is the only '=' not followed by two hexadecimal digits.
                let body = line.hasSuffix("=") ? String(line.dropLast()) : line
                let escapes = body.split(separator: "=", omittingEmptySubsequences: false).dropFirst()
                #expect(escapes.allSatisfy { $0.prefix(2).allSatisfy(\.isHexDigit) && $0.count >= 2 })
            }
        }
    }

    @Test func keepsEveryContentLineWithin76Octets() throws {
        let serialized = try Serialized(Fixtures.invitation())
        for line in serialized.bodyLines where !line.hasPrefix("Content-") {
            #expect(line.utf8.count <= 76, "\(line)")
        }
    }

    @Test func keepsAnEmptyText() throws {
        let (encoding, lines) = try Self.body("")
        #expect(encoding == "7bit")
        #expect(lines == [""])
    }

    @Test func writesAShortFileNameQuoted() throws {
        let serialized = try Serialized(Fixtures.plain(body: .attachment(.text("x"), filename: "ata \"final\".txt")))
        #expect(serialized.field("Content-Disposition") == "attachment; filename=\"ata \\\"final\\\".txt\"")
    }

    @Test func splitsALongFileNameIntoRFC2231Sections() throws {
        let filename = String(repeating: "convocatória da comissão ", count: 4) + ".ics"
        let serialized = try Serialized(Fixtures.plain(body: .attachment(.text("x"), filename: filename)))
        let lines = serialized.headerLines.drop { !$0.hasPrefix("Content-Disposition") }
        #expect(lines.first == "Content-Disposition: attachment;")
        #expect(lines.dropFirst().first?.hasPrefix(" filename*0*=utf-8''convocat%C3%B3ria%20da%20") == true)
        #expect(lines.contains { $0.hasPrefix(" filename*2*=") })
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func refusesAnEmptyMultipart() {
        expectRefusal(Fixtures.plain(body: .mixed([])), .invalidBody)
        expectRefusal(Fixtures.plain(body: .mixed([.alternative([])])), .invalidBody)
    }

    @Test func refusesAnAttachmentInsideAnAttachment() {
        expectRefusal(
            Fixtures.plain(body: .attachment(.attachment(.text("x"), filename: "a"), filename: "b")), .invalidBody)
    }

    @Test(arguments: ["", "a\r\nContent-Type: text/html", "a\u{0}"])
    func refusesABadFileName(filename: String) {
        expectRefusal(Fixtures.plain(body: .attachment(.text("x"), filename: filename)), .invalidBody)
    }

    @Test(arguments: ["", "REQUEST; charset=latin1", "REQUEST\r\n", "REQ UEST", "PEDIDO\u{E7}"])
    func refusesACalendarMethodThatIsNotAToken(method: String) {
        expectRefusal(Fixtures.plain(body: .calendar(Fixtures.calendar, method: method)), .invalidBody)
    }

    @Test func refusesADateOutsideYears1To9999() {
        var message = Fixtures.plain()
        for date in [
            Date(timeIntervalSince1970: .infinity), Date(timeIntervalSince1970: .nan),
            Date.distantFuture.addingTimeInterval(1e12), Date(timeIntervalSinceReferenceDate: -1e12),
        ] {
            message.date = date
            expectRefusal(message, .invalidDate)
        }
    }
}
