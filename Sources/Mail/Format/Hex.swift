/// Upper-case hexadecimal, as quoted-printable, encoded-words and RFC 2231 values use it.
enum Hex {
    private static let digits = Array("0123456789ABCDEF".utf8)

    /// Two upper-case hexadecimal digits for `byte`.
    static func byte(_ byte: UInt8) -> String {
        String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    /// Sixteen lower-case hexadecimal digits for `value`.
    static func word(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
