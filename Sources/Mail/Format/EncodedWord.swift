/// RFC 2047 encoded-words in the "Q" encoding and the UTF-8 charset: `=?utf-8?q?...?=`.
///
/// Text is cut into chunks, each the encoding of whole characters, so that a header writer can
/// pack chunks into encoded-words of at most ``maximumLength`` characters without splitting a
/// UTF-8 sequence (RFC 2047 5). The characters left bare are the ones allowed in every
/// context, phrases included: letters, digits and `!*+-/`; a space becomes `_`.
enum EncodedWord {
    /// The longest encoded-word, in characters (RFC 2047 2).
    static let maximumLength = 75
    /// What an encoded-word opens with.
    static let prefix = "=?utf-8?q?"
    /// What an encoded-word closes with.
    static let suffix = "?="
    /// The characters an encoded-word adds around its encoded text.
    static let overhead = prefix.utf8.count + suffix.utf8.count

    /// `text` Q-encoded in chunks of whole characters (whole scalars for a grapheme cluster too
    /// long to fit one encoded-word).
    static func chunks(_ text: String) -> [String] {
        var chunks: [String] = []
        for character in text {
            let encoded = encode(character.utf8)
            if encoded.utf8.count <= maximumLength - overhead {
                chunks.append(encoded)
            } else {
                chunks += character.unicodeScalars.map { encode(String($0).utf8) }
            }
        }
        return chunks
    }

    /// The encoded-word holding `chunks`.
    static func word(_ chunks: some Sequence<String>) -> String {
        prefix + chunks.joined() + suffix
    }

    /// Q-encodes UTF-8 octets.
    private static func encode(_ octets: some Sequence<UInt8>) -> String {
        var out = ""
        for octet in octets {
            switch octet {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                UInt8(ascii: "-"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(octet))
            case UInt8(ascii: " "):
                out += "_"
            default:
                out += "=" + Hex.byte(octet)
            }
        }
        return out
    }
}
