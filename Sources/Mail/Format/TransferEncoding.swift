/// How a text part's octets travel (RFC 2045 6): as they are when they are short lines of
/// printable US-ASCII, quoted-printable otherwise.
enum TransferEncoding: String, Sendable {
    case sevenBit = "7bit"
    case quotedPrintable = "quoted-printable"

    /// The longest encoded line, in octets without CRLF (RFC 2045 6.7).
    static let maximumLineLength = 76

    /// The encoding for `text` and the encoded octets.
    ///
    /// Line breaks are first made CRLF (RFC 2046 4.1.1): a CR, an LF or a CR LF pair each
    /// become one CRLF. The result is `7bit` when every line is printable US-ASCII (tabs
    /// allowed), at most ``maximumLineLength`` octets, and does not end in a space or a tab;
    /// otherwise it is quoted-printable.
    static func encode(_ text: String) -> (encoding: TransferEncoding, octets: [UInt8]) {
        let lines = canonicalLines(text)
        let plain = lines.allSatisfy { line in
            line.count <= maximumLineLength && line.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 }
                && line.last != 0x20 && line.last != 0x09
        }
        if plain {
            return (.sevenBit, join(lines))
        }
        return (.quotedPrintable, join(lines.flatMap(QuotedPrintable.encodedLines)))
    }

    /// The lines of `text` as UTF-8, split at CR LF, CR and LF.
    static func canonicalLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        var afterCR = false
        for octet in text.utf8 {
            defer { afterCR = octet == 0x0D }
            switch octet {
            case 0x0D: lines.append([])
            case 0x0A where afterCR: continue
            case 0x0A: lines.append([])
            default: lines[lines.count - 1].append(octet)
            }
        }
        return lines
    }

    /// `lines` joined by CRLF (none after the last).
    private static func join(_ lines: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { out += [0x0D, 0x0A] }
            out += line
        }
        return out
    }
}
