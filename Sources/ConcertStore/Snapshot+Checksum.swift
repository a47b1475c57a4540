import Foundation

extension Snapshot {
    /// The CRC-32 stored with a snapshot: over its sequence, its date in Unix
    /// milliseconds and its format version (each as 8 bytes, little-endian),
    /// then its state. Covering the metadata means a row moved to another
    /// sequence, or otherwise altered, fails to verify too.
    @_spi(Testing) public static func checksum(
        sequence: Int64, createdAtMillis: Int64, formatVersion: Int64, state: Data
    ) -> UInt32 {
        var crc = CRC32()
        crc.update(sequence)
        crc.update(createdAtMillis)
        crc.update(formatVersion)
        crc.update(state)
        return crc.value
    }
}
