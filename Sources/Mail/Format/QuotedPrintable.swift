/// The quoted-printable encoding (RFC 2045 6.7) of text lines.
enum QuotedPrintable {
    /// One line of text as encoded lines: every line but the last ends with a soft break
    /// (`=`), and none passes ``TransferEncoding/maximumLineLength`` octets.
    ///
    /// Printable US-ASCII other than `=` stays as it is, as do spaces and tabs except at the
    /// end of the line; every other octet becomes `=XX`.
    static func encodedLines(_ line: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for (index, octet) in line.enumerated() {
            let last = index == line.count - 1
            let token = encoded(octet, last: last)
            // A soft break needs one octet, so only the last line may use all 76.
            let limit = TransferEncoding.maximumLineLength - (last ? 0 : 1)
            if current.count + token.count > limit {
                lines.append(current + [UInt8(ascii: "=")])
                current = []
            }
            current += token
        }
        lines.append(current)
        return lines
    }

    private static func encoded(_ octet: UInt8, last: Bool) -> [UInt8] {
        let literal: Bool
        switch octet {
        case 0x09, 0x20: literal = !last
        case 33...126: literal = octet != UInt8(ascii: "=")
        default: literal = false
        }
        return literal ? [octet] : Array(("=" + Hex.byte(octet)).utf8)
    }
}
