@_spi(Testing) import ConcertStore
import Foundation
import Testing

@Suite("CRC-32")
struct CRC32Tests {
    @Test("matches the standard check values")
    func checkValues() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
        #expect(
            CRC32.checksum(Data("The quick brown fox jumps over the lazy dog".utf8))
                == 0x414F_A339)
    }

    @Test("feeding in pieces gives the same value as at once")
    func incremental() {
        var crc = CRC32()
        crc.update(Data("12345".utf8))
        crc.update(Data("6789".utf8))
        #expect(crc.value == 0xCBF4_3926)
    }
}
