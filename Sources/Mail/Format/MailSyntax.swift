/// Character classes of RFC 5322 (3.2.3, 3.6.8) used to validate and quote header values.
enum MailSyntax {
    /// Whether `byte` is `atext`: a letter, a digit or one of ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtext(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || atextSymbols.contains(byte)
    }

    private static let atextSymbols = Set(Array("!#$%&'*+-/=?^_`{|}~".utf8))

    /// Whether `text` is a `dot-atom-text`: atoms of `atext` joined by single dots.
    static func isDotAtom(_ text: Substring) -> Bool {
        let atoms = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return !atoms.isEmpty && atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(isAtext) }
    }

    /// Whether `text` is `left@right`, each side a `dot-atom-text`: the form this module accepts
    /// for addresses and message identifiers.
    static func isDotAtomPair(_ text: String) -> Bool {
        let sides = text.split(separator: "@", omittingEmptySubsequences: false)
        return sides.count == 2 && isDotAtom(sides[0]) && isDotAtom(sides[1])
    }

    /// Whether `byte` is an `ftext` octet: printable US-ASCII other than `:`.
    static func isFieldNameByte(_ byte: UInt8) -> Bool {
        (33...126).contains(byte) && byte != UInt8(ascii: ":")
    }

    /// Whether `scalar` is a control character (C0, DEL or C1), which includes CR, LF and NUL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `text` is printable US-ASCII and spaces only.
    static func isPrintableASCII(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }
}

extension MailSyntax {
    /// Whether `byte` is a US-ASCII letter or digit.
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }
}
