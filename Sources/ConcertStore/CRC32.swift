import Foundation

/// CRC-32 as in zlib, gzip and PNG (IEEE 802.3, reflected, polynomial 0xEDB88320).
///
/// Used to detect damaged snapshots. Feed bytes with the `update` methods and
/// read ``value`` at any point; the check value of "123456789" is 0xCBF43926.
@_spi(Testing) public struct CRC32: Sendable {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 {
            crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
        return crc
    }

    private var state: UInt32 = 0xFFFF_FFFF

    /// A checksum of no bytes yet.
    public init() {}

    /// The checksum of every byte fed so far.
    public var value: UInt32 { ~state }

    /// Feeds raw bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var crc = state
        Self.table.withUnsafeBufferPointer { table in
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        state = crc
    }

    /// Feeds the bytes of `data`.
    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    /// Feeds the eight bytes of `value`, little-endian.
    public mutating func update(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { update($0) }
    }

    /// The checksum of `data`.
    public static func checksum(_ data: Data) -> UInt32 {
        var crc = CRC32()
        crc.update(data)
        return crc.value
    }
}
