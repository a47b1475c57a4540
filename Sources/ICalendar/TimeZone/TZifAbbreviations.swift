import Foundation

/// The time zone abbreviations (`WET`, `WEST`, `-04`) of a zone, read from the system's tz
/// database in TZif form (RFC 8536).
///
/// Foundation's `TimeZone.abbreviation(for:)` on Linux gives ICU's locale-dependent names
/// ("GMT+1"), not the tz database's; `TZNAME` should carry the latter, which is what other
/// readers of the same zone (Python's `zoneinfo`, `date`) show. Offsets and transitions still
/// come from Foundation: a name is taken only when the TZif file agrees on the offset, and
/// nil (the caller falls back to Foundation) when there is no file, it cannot be read, or it
/// disagrees.
struct TZifAbbreviations: Sendable {
    /// One local time type: an offset east of UTC and its abbreviation.
    private struct LocalTimeType: Sendable {
        var offset: Int
        var abbreviation: String
    }

    private var transitionTimes: [Int64]
    private var transitionTypes: [Int]
    private var types: [LocalTimeType]
    /// The standard and daylight types of the POSIX TZ footer, which governs after the last
    /// transition.
    private var footerTypes: [LocalTimeType]

    /// Folders searched for TZif files, after `$TZDIR`.
    static let searchPath = ["/usr/share/zoneinfo", "/var/db/timezone/zoneinfo", "/usr/share/lib/zoneinfo"]

    /// The abbreviations of `identifier`, or nil when no readable TZif file is found.
    init?(identifier: String) {
        guard TZifAbbreviations.isSafe(identifier) else { return nil }
        let folders = (ProcessInfo.processInfo.environment["TZDIR"].map { [$0] } ?? []) + TZifAbbreviations.searchPath
        for folder in folders {
            guard let handle = FileHandle(forReadingAtPath: folder + "/" + identifier) else { continue }
            defer { try? handle.close() }
            if let data = try? handle.read(upToCount: 1 << 20), let parsed = TZifAbbreviations(bytes: [UInt8](data)) {
                self = parsed
                return
            }
        }
        return nil
    }

    /// Parses TZif data, or returns nil when it is not well-formed TZif.
    init?(bytes: [UInt8]) {
        var reader = TZifByteReader(bytes: bytes)
        guard let first = reader.header() else { return nil }
        var header = first
        var timeSize = 4
        if first.version >= 2 {
            // Skip the 32-bit block; the 64-bit block and the footer follow.
            guard reader.skip(first.dataLength(timeSize: 4)), let second = reader.header() else { return nil }
            header = second
            timeSize = 8
        }
        var times: [Int64] = []
        for _ in 0..<header.timeCount {
            guard let time = timeSize == 8 ? reader.int64() : reader.int32().map(Int64.init) else { return nil }
            times.append(time)
        }
        var indices: [Int] = []
        for _ in 0..<header.timeCount {
            guard let index = reader.byte().map(Int.init), index < header.typeCount else { return nil }
            indices.append(index)
        }
        var rawTypes: [(offset: Int, abbreviationIndex: Int)] = []
        for _ in 0..<header.typeCount {
            guard let offset = reader.int32(), reader.byte() != nil, let index = reader.byte() else { return nil }
            rawTypes.append((Int(offset), Int(index)))
        }
        guard let characters = reader.take(header.characterCount),
            reader.skip(header.leapCount * (timeSize + 4) + header.standardCount + header.utCount)
        else { return nil }
        var types: [LocalTimeType] = []
        for raw in rawTypes {
            guard raw.abbreviationIndex < characters.count else { return nil }
            let tail = characters[raw.abbreviationIndex...]
            let name = tail.prefix { $0 != 0 }
            types.append(LocalTimeType(offset: raw.offset, abbreviation: String(decoding: name, as: UTF8.self)))
        }
        self.transitionTimes = times
        self.transitionTypes = indices
        self.types = types
        self.footerTypes = first.version >= 2 ? TZifAbbreviations.footerTypes(reader.footer()) : []
    }

    /// The abbreviation in force at `seconds` (since 1970, UTC), provided the file's offset
    /// then is `offset`; nil otherwise.
    func abbreviation(at seconds: Int, offset: Int) -> String? {
        let candidates: [LocalTimeType]
        if let last = transitionTimes.last, Int64(seconds) >= last, !footerTypes.isEmpty {
            candidates = footerTypes
        } else if let first = transitionTimes.first, Int64(seconds) >= first {
            // The last transition at or before `seconds`.
            var low = 0
            var high = transitionTimes.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if transitionTimes[middle] <= Int64(seconds) { low = middle } else { high = middle - 1 }
            }
            candidates = [types[transitionTypes[low]]]
        } else {
            candidates = types.isEmpty ? footerTypes : [types[0]]
        }
        return candidates.first { $0.offset == offset && TZifAbbreviations.isPlausible($0.abbreviation) }?.abbreviation
    }

    /// The types named by a POSIX TZ string such as `WET0WEST,M3.5.0/1,M10.5.0` or
    /// `<-04>4<-03>,M9.1.6/24,M4.1.6/24`: standard, then daylight if any.
    private static func footerTypes(_ footer: String?) -> [LocalTimeType] {
        guard let footer else { return [] }
        var scanner = Substring(footer)
        guard let standardName = posixName(&scanner), let standardOffset = posixOffset(&scanner) else { return [] }
        let standard = LocalTimeType(offset: standardOffset, abbreviation: standardName)
        guard let daylightName = posixName(&scanner) else { return [standard] }
        let daylightOffset = scanner.first == "," || scanner.isEmpty ? standardOffset + 3600 : posixOffset(&scanner)
        guard let daylightOffset else { return [standard] }
        return [standard, LocalTimeType(offset: daylightOffset, abbreviation: daylightName)]
    }

    /// A POSIX zone name: three or more letters, or `<...>` around letters, digits, `+`, `-`.
    private static func posixName(_ text: inout Substring) -> String? {
        if text.first == "<" {
            guard let close = text.firstIndex(of: ">") else { return nil }
            let name = text[text.index(after: text.startIndex)..<close]
            text = text[text.index(after: close)...]
            return name.count >= 3 ? String(name) : nil
        }
        let name = text.prefix { $0.isASCII && $0.isLetter }
        text = text.dropFirst(name.count)
        return name.count >= 3 ? String(name) : nil
    }

    /// A POSIX offset `[+-]hh[:mm[:ss]]`, hours west of UTC, as seconds east of UTC.
    private static func posixOffset(_ text: inout Substring) -> Int? {
        var sign = -1
        if text.first == "+" || text.first == "-" {
            sign = text.first == "-" ? 1 : -1
            text = text.dropFirst()
        }
        var total = 0
        for (index, unit) in [3600, 60, 1].enumerated() {
            if index > 0 {
                guard text.first == ":" else { break }
                text = text.dropFirst()
            }
            let digits = text.prefix { $0.isASCIIDigit }
            guard (1...3).contains(digits.count), let value = Int(digits) else { return nil }
            text = text.dropFirst(digits.count)
            total += value * unit
        }
        return sign * total
    }

    /// Whether `name` can be a `TZNAME`: 1 to 16 printable ASCII characters.
    private static func isPlausible(_ name: String) -> Bool {
        (1...16).contains(name.utf8.count) && name.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// Whether `identifier` names a file under the zone folder and nothing outside it.
    private static func isSafe(_ identifier: String) -> Bool {
        !identifier.isEmpty && identifier.count <= 255
            && identifier.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
                !part.isEmpty && part != "." && part != ".."
                    && part.unicodeScalars.allSatisfy { scalar in
                        switch scalar {
                        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "+", ".": return true
                        default: return false
                        }
                    }
            }
    }
}
