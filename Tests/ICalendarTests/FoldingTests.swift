import Foundation
import ICalendar
import Testing

/// Content lines fold at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence.
@Suite struct FoldingTests {
    /// The physical lines of the `SUMMARY` property of a document whose event has `summary`.
    static func summaryLines(_ summary: String) throws -> [String] {
        var event = Fixtures.meeting()
        event.summary = summary
        let text = try ICalendarDocument(productID: "-//t//t//EN", events: [event]).serialized()
        let lines = text.components(separatedBy: "\r\n")
        guard let first = lines.firstIndex(where: { $0.hasPrefix("SUMMARY:") }) else { return [] }
        return [lines[first]] + lines[(first + 1)...].prefix { $0.hasPrefix(" ") }
    }

    @Test func leavesALineOf75OctetsWhole() throws {
        // "SUMMARY:" is 8 octets.
        let lines = try Self.summaryLines(String(repeating: "a", count: 67))
        #expect(lines == ["SUMMARY:" + String(repeating: "a", count: 67)])
        #expect(lines[0].utf8.count == 75)
    }

    @Test func foldsALineOf76OctetsAfterOctet75() throws {
        let lines = try Self.summaryLines(String(repeating: "a", count: 68))
        #expect(lines == ["SUMMARY:" + String(repeating: "a", count: 67), " a"])
    }

    @Test func foldsBeforeACharacterThatWouldCrossOctet75() throws {
        // 8 + 66 = 74 octets, then "€" (3 octets) would end at octet 77: the fold comes first.
        let lines = try Self.summaryLines(String(repeating: "a", count: 66) + "€b")
        #expect(lines == ["SUMMARY:" + String(repeating: "a", count: 66), " €b"])
        #expect(lines[0].utf8.count == 74)
    }

    @Test func keepsATwoOctetCharacterEndingAtOctet75() throws {
        // 8 + 65 + 2 ("ç") = 75 octets exactly.
        let lines = try Self.summaryLines(String(repeating: "a", count: 65) + "çd")
        #expect(lines == ["SUMMARY:" + String(repeating: "a", count: 65) + "ç", " d"])
        #expect(lines[0].utf8.count == 75)
    }

    @Test(arguments: [0, 1, 2, 3])
    func foldsLongTextOfFourOctetCharactersIntact(offset: Int) throws {
        let summary = String(repeating: "x", count: offset) + String(repeating: "😀ção€", count: 40)
        let lines = try Self.summaryLines(summary)
        #expect(lines.count > 5)
        for line in lines {
            #expect(line.utf8.count <= 75)
            // Each physical line decodes on its own: no sequence was split.
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        // Continuation lines after the first may hold 74 octets of content; a fold only moves back
        // to the start of a character, so each holds at least 71.
        for line in lines.dropLast() {
            #expect(line.utf8.count >= 72)
        }
        let unfolded = lines[0] + lines.dropFirst().map { String($0.dropFirst()) }.joined()
        #expect(unfolded == "SUMMARY:" + summary)
    }

    @Test func foldsEveryLineOfADocumentAndEndsEachWithCRLF() throws {
        var event = Fixtures.meeting()
        event.description = String(repeating: "Relatório de execução; ", count: 30)
        event.attendees += (1...5).map {
            ICalendarAttendee(name: String(repeating: "Nome Muito Comprido ", count: $0), email: "p\($0)@example.pt")
        }
        let text = try ICalendarDocument(productID: "-//t//t//EN", events: [event]).serialized()
        let bytes = Array(text.utf8)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        for line in text.components(separatedBy: "\r\n").dropLast() {
            #expect(line.utf8.count <= 75)
            #expect(!line.unicodeScalars.contains { $0 == "\r" || $0 == "\n" })
        }
    }
}
