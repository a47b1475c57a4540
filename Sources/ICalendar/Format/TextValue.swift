/// RFC 5545 TEXT values (3.3.11): the escaping that keeps any string one property value.
///
/// Backslash, semicolon and comma are escaped; every line break (CR LF, CR, LF, and the
/// Unicode breaks NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR) becomes the two characters
/// `\n`; every other control character is dropped, since TEXT may not hold one. What comes
/// out holds no CR and no LF, so nothing in it can end the content line or start another
/// property: a title such as `"Budget\r\nATTENDEE:mailto:x@example.org"` stays one value.
enum TextValue {
    /// `text` escaped as an RFC 5545 TEXT value.
    static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\n" where previousWasCarriageReturn:
                continue  // the LF of a CR LF pair: the CR already wrote "\n"
            case "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}":
                out.append(contentsOf: "\\n".unicodeScalars)
            case "\t":
                out.append(scalar)
            default:
                if !isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Whether `scalar` is a C0 or C1 control character or DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `scalar` breaks a line in some reader: CR, LF, NEL, LINE or PARAGRAPH SEPARATOR.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }
}
