/// A bounds-checked big-endian reader over TZif bytes: every read past the end is nil.
struct TZifByteReader {
    /// The counts of a TZif header (RFC 8536 3.1).
    struct Header {
        var version: Int
        var utCount: Int
        var standardCount: Int
        var leapCount: Int
        var timeCount: Int
        var typeCount: Int
        var characterCount: Int

        /// The length of the data block that follows this header.
        func dataLength(timeSize: Int) -> Int {
            timeCount * timeSize + timeCount + typeCount * 6 + characterCount + leapCount * (timeSize + 4)
                + standardCount + utCount
        }
    }

    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func header() -> Header? {
        guard let magic = take(4), magic == Array("TZif".utf8), let versionByte = byte(), skip(15) else {
            return nil
        }
        var counts: [Int] = []
        for _ in 0..<6 {
            guard let count = int32(), count >= 0, count < 1 << 20 else { return nil }
            counts.append(Int(count))
        }
        guard counts[4] >= 1 else { return nil }
        let version = versionByte == 0 ? 1 : Int(versionByte) - 0x30
        return Header(
            version: version, utCount: counts[0], standardCount: counts[1], leapCount: counts[2], timeCount: counts[3],
            typeCount: counts[4], characterCount: counts[5])
    }

    /// The footer line (`\n` TZ string `\n`), or nil.
    mutating func footer() -> String? {
        guard byte() == 0x0A, let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }

    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, bytes.count - position >= count else { return false }
        position += count
        return true
    }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - position >= count else { return nil }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func byte() -> UInt8? {
        take(1)?[0]
    }

    mutating func int32() -> Int32? {
        guard let raw = take(4) else { return nil }
        return Int32(bitPattern: raw.reduce(0) { $0 << 8 | UInt32($1) })
    }

    mutating func int64() -> Int64? {
        guard let raw = take(8) else { return nil }
        return Int64(bitPattern: raw.reduce(0) { $0 << 8 | UInt64($1) })
    }
}
