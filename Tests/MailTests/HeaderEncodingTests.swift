import Foundation
import Mail
import Testing

/// Non-ASCII header text as RFC 2047 encoded-words, display names quoted per RFC 5322, and
/// folding at 78 octets (RFC 5322 2.1.1, 2.2.3).
@Suite struct HeaderEncodingTests {
    static let subjects = [
        "Reunião de 12 de janeiro",
        String(repeating: "Comissão Interministerial ", count: 12),
        String(repeating: "ção", count: 90),
        "👩‍👩‍👧‍👦 família 🇵🇹 " + String(repeating: "😀", count: 40),
        "Convocatória:  dois espaços e acentos",
        "https://example.org/" + String(repeating: "a", count: 120),
        "=?utf-8?q?not_encoded?= literally",
    ]

    static let names = [
        "Comissão Interministerial",
        "Silva, Ana",
        "Dr. Ana \"Zé\" Silva",
        String(repeating: "Comissão Técnica de Acompanhamento ", count: 4),
        String(repeating: "Técnica-Ministério-", count: 8),
        "Ana (Secretariado), Gabinete do Primeiro-Ministro e das Finanças, Lisboa, Portugal",
    ]

    /// Every header line is at most 78 octets, unless it holds a single unbreakable word.
    static func expectFolded(_ serialized: Serialized, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in serialized.headerLines where line.utf8.count > 78 {
            let words = line.split(separator: " ")
            #expect(
                words.count <= 2 && !(words.first?.hasSuffix(":") == false && words.count == 2),
                "\(line.utf8.count) octets: \(line)", sourceLocation: sourceLocation)
        }
        for word in serialized.encodedWords {
            #expect(word.utf8.count <= 75, "\(word)", sourceLocation: sourceLocation)
        }
        for line in serialized.headerLines {
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }, sourceLocation: sourceLocation)
            #expect(!line.trimmingCharacters(in: .whitespaces).isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test func encodesANonASCIISubjectWordByWord() throws {
        let serialized = try Serialized(Fixtures.plain(subject: "Reunião de 12 de janeiro"))
        #expect(serialized.field("Subject") == "=?utf-8?q?Reuni=C3=A3o?= de 12 de janeiro")
    }

    @Test func encodesConsecutiveWordsTogether() throws {
        let serialized = try Serialized(Fixtures.plain(subject: "Ordem do dia: aprovação às 9h"))
        #expect(serialized.field("Subject") == "Ordem do dia: =?utf-8?q?aprova=C3=A7=C3=A3o_=C3=A0s?= 9h")
    }

    @Test func keepsAnASCIISubjectAsItIs() throws {
        let subject = "Re: [PNIPGM] Weekly report (M01-M12) = 100% on time"
        #expect(try Serialized(Fixtures.plain(subject: subject)).field("Subject") == subject)
    }

    @Test func dropsLeadingAndTrailingSpaces() throws {
        #expect(try Serialized(Fixtures.plain(subject: "  Olá  ")).field("Subject") == "=?utf-8?q?Ol=C3=A1?=")
        #expect(try Serialized(Fixtures.plain(subject: "   ")).headerLines.contains("Subject:"))
    }

    @Test func encodesTextThatLooksLikeAnEncodedWord() throws {
        let serialized = try Serialized(Fixtures.plain(subject: "=?utf-8?q?x?= y"))
        #expect(serialized.field("Subject") == "=?utf-8?q?=3D=3Futf-8=3Fq=3Fx=3F=3D?= y")
    }

    @Test func encodesAVeryLongWordSoItCanFold() throws {
        let word = String(repeating: "a", count: 100)
        let serialized = try Serialized(Fixtures.plain(subject: "see " + word))
        #expect(serialized.field("Subject")?.hasPrefix("see =?utf-8?q?aaaa") == true)
        Self.expectFolded(serialized)
    }

    @Test(arguments: subjects)
    func foldsSubjects(subject: String) throws {
        let serialized = try Serialized(Fixtures.plain(subject: subject))
        Self.expectFolded(serialized)
        for line in serialized.headerLines {
            #expect(line.utf8.count <= 78, "\(line)")
        }
    }

    @Test(arguments: names)
    func foldsDisplayNames(name: String) throws {
        var message = Fixtures.plain()
        message.from = try MailAddress(name: name, address: "cim@pnipgm.example")
        message.to = try (1...3).map { try MailAddress(name: name, address: "person\($0)@pnipgm.example") }
        Self.expectFolded(try Serialized(message))
    }

    @Test(arguments: [
        ("Ana Silva", "Ana Silva <a@example.org>"),
        ("Silva, Ana", "\"Silva, Ana\" <a@example.org>"),
        ("Dr. Ana \"Zé\" Silva", "=?utf-8?q?Dr=2E?= Ana =?utf-8?q?=22Z=C3=A9=22?= Silva <a@example.org>"),
        ("Say \"hi\\there\"", "\"Say \\\"hi\\\\there\\\"\" <a@example.org>"),
        ("Comissão Interministerial", "=?utf-8?q?Comiss=C3=A3o?= Interministerial <a@example.org>"),
        ("  ", "a@example.org"),
    ])
    func writesDisplayNames(name: String, expected: String) throws {
        var message = Fixtures.plain()
        message.from = try MailAddress(name: name, address: "a@example.org")
        #expect(try Serialized(message).field("From") == expected)
    }

    @Test func splitsALongEncodedNameAfterSpaces() throws {
        var message = Fixtures.plain()
        let name = "Comissão-Técnica Ministério-Finanças Secretária-Geral Administração-Interna"
        message.from = try MailAddress(name: name, address: "cim@pnipgm.example")
        let serialized = try Serialized(message)
        let words = serialized.encodedWords
        #expect(words.count == 2)
        #expect(words.dropLast().allSatisfy { $0.hasSuffix("_?=") })
        Self.expectFolded(serialized)
    }

    @Test func encodesNonASCIIInExtraHeaders() throws {
        var message = Fixtures.plain()
        message.extraHeaders = [("X-Concert-Notice", "convocação da comissão")]
        #expect(
            try Serialized(message).field("X-Concert-Notice") == "=?utf-8?q?convoca=C3=A7=C3=A3o?= da "
                + "=?utf-8?q?comiss=C3=A3o?=")
    }

    @Test func foldsLongExtraHeadersAtSpaces() throws {
        var message = Fixtures.plain()
        let value = (1...30).map { "word\($0)" }.joined(separator: " ")
        message.extraHeaders = [("X-Long", value)]
        let serialized = try Serialized(message)
        #expect(serialized.field("X-Long") == value)
        let lines = serialized.headerLines.drop { !$0.hasPrefix("X-Long:") }.prefix { !$0.hasPrefix("MIME-Version") }
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func foldsLongAddressLists() throws {
        var message = Fixtures.plain()
        message.to = try (1...12).map { try MailAddress(name: "Pessoa \($0)", address: "pessoa.\($0)@gov.example") }
        let serialized = try Serialized(message)
        #expect(serialized.headerLines.filter { $0.hasPrefix(" ") }.count > 3)
        for line in serialized.headerLines {
            #expect(line.utf8.count <= 78, "\(line)")
        }
        #expect(serialized.field("To")?.hasPrefix("Pessoa 1 <pessoa.1@gov.example>, Pessoa 2 <") == true)
    }
}
