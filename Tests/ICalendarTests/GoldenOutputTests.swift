import Foundation
import ICalendar
import Testing

/// The exact text of a small invitation, checked line by line against RFC 5545 by hand.
@Suite struct GoldenOutputTests {
    static let expected = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Concert//Concert 1.0//PT",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:REQUEST",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Lisbon",
        "BEGIN:STANDARD",
        // In force since 26 October 2025, 01:00 UTC, i.e. 02:00 summer time (TZOFFSETFROM).
        "DTSTART:20251026T020000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "TZNAME:WET",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:meeting-42@concert.example.pt",
        "DTSTAMP:20260105T093000Z",
        "SEQUENCE:2",
        "DTSTART;TZID=Europe/Lisbon:20260113T100000",
        "DTEND;TZID=Europe/Lisbon:20260113T120000",
        "SUMMARY:Comissão de Acompanhamento\\, 3.ª reunião",
        "DESCRIPTION:Ordem de trabalhos:\\n1. Relatório\\; 2. Medidas",
        "LOCATION:Sala 2\\, Edifício Central",
        "STATUS:CONFIRMED",
        "ORGANIZER;CN=Secretariado Técnico:mailto:secretariado@example.pt",
        // 75 octets, then the fold: CRLF and one space.
        "ATTENDEE;CN=Ana Sousa;ROLE=CHAIR;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ana",
        " .sousa@example.pt",
        "ATTENDEE;CN=Rui Lopes;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:",
        " mailto:rui.lopes@example.pt",
        "ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:observador@examp",
        " le.org",
        "CATEGORIES:Reunião,Comissão",
        "URL:https://concert.example.pt/meetings/42",
        "CREATED:20251201T080000Z",
        "LAST-MODIFIED:20260105T093000Z",
        "END:VEVENT",
        "END:VCALENDAR",
    ].map { $0 + "\r\n" }.joined()

    static let document = ICalendarDocument(
        productID: "-//Concert//Concert 1.0//PT", method: .request, events: [Fixtures.meeting(sequence: 2)])

    @Test func writesTheExpectedText() throws {
        let text = try Self.document.serialized()
        let got = text.components(separatedBy: "\r\n")
        let want = Self.expected.components(separatedBy: "\r\n")
        for (index, (line, expected)) in zip(got, want).enumerated() {
            #expect(line == expected, "line \(index + 1)")
        }
        #expect(got.count == want.count)
        #expect(text == Self.expected)
    }

    @Test func namesTheMethodInTheContentType() {
        #expect(Self.document.contentType == "text/calendar; charset=utf-8; method=REQUEST")
        #expect(ICalendarDocument(productID: "-//x//y//EN").contentType == "text/calendar; charset=utf-8")
    }

    @Test func isTheSameEveryTime() throws {
        #expect(try Self.document.serialized() == Self.document.serialized())
    }
}
