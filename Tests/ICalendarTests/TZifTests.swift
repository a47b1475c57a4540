import Foundation
import Testing

@testable import ICalendar

/// The reader of the system's TZif files, which supplies `TZNAME`s.
@Suite struct TZifTests {
    static func bytes(_ identifier: String) throws -> [UInt8] {
        let path = try #require(
            TZifAbbreviations.searchPath.map { $0 + "/" + identifier }.first {
                FileManager.default.fileExists(atPath: $0)
            },
            "no TZif file for \(identifier) on this system")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func readsNamesFromTheTransitionsAndTheFooter() throws {
        let lisbon = try #require(TZifAbbreviations(bytes: Self.bytes("Europe/Lisbon")))
        let july2026 = Int(Fixtures.instant(2026, 7, 1).timeIntervalSince1970)
        #expect(lisbon.abbreviation(at: july2026, offset: 3600) == "WEST")
        #expect(lisbon.abbreviation(at: july2026 + 183 * 86_400, offset: 0) == "WET")
        // Far past the file's transitions, the POSIX footer decides.
        let july2090 = Int(Fixtures.instant(2090, 7, 1).timeIntervalSince1970)
        #expect(lisbon.abbreviation(at: july2090, offset: 3600) == "WEST")
        // A disagreement on the offset gives no name.
        #expect(lisbon.abbreviation(at: july2026, offset: 0) == nil)
        let santiago = try #require(TZifAbbreviations(bytes: Self.bytes("America/Santiago")))
        #expect(santiago.abbreviation(at: july2090, offset: -4 * 3600) == "-04")
        #expect(santiago.abbreviation(at: july2090, offset: -3 * 3600) == "-03")
    }

    @Test func refusesMalformedDataWithoutCrashing() throws {
        let lisbon = try Self.bytes("Europe/Lisbon")
        for length in stride(from: 0, to: lisbon.count, by: 7) {
            _ = TZifAbbreviations(bytes: Array(lisbon.prefix(length)))
        }
        #expect(TZifAbbreviations(bytes: Array(lisbon.prefix(40))) == nil)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var noise = lisbon
            for _ in 0..<20 {
                noise[Int.random(in: 0..<noise.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = TZifAbbreviations(bytes: noise)?.abbreviation(at: 0, offset: 0)
        }
    }

    @Test func refusesIdentifiersThatLeaveTheZoneFolder() {
        #expect(TZifAbbreviations(identifier: "../../etc/passwd") == nil)
        #expect(TZifAbbreviations(identifier: "/etc/passwd") == nil)
        #expect(TZifAbbreviations(identifier: "Europe/./Lisbon") == nil)
        #expect(TZifAbbreviations(identifier: "Europe/Lisbon") != nil)
    }

    @Test func fallsBackToFoundationsNameWithoutATZifFile() throws {
        let plusOne = try #require(TimeZone(secondsFromGMT: 3600))
        let zone = try ICalendarTimeZone(plusOne, covering: Fixtures.instant(2026, 1, 1)...Fixtures.instant(2026, 2, 1))
        #expect(zone.observances.map(\.name) == [plusOne.abbreviation(for: Fixtures.instant(1970, 1, 1))])
    }
}
