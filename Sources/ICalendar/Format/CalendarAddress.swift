/// RFC 5545 CAL-ADDRESS values (3.3.3) for e-mail: `mailto:` URIs (RFC 6068).
///
/// An address is refused, not repaired, when it cannot be one mailbox: empty, without `@`,
/// with nothing before or after its last `@`, or holding a space, a control character or a
/// line break. Characters outside a conservative safe set (letters, digits and
/// `-._~!$'*+=@`) are percent-encoded as UTF-8, so the URI holds nothing a reader could take
/// for a parameter, a property or the end of the line.
enum CalendarAddress {
    /// `mailto:` followed by `address`, percent-encoded where needed.
    ///
    /// - Parameters:
    ///   - address: The mailbox, e.g. `ana@example.org`.
    ///   - who: What the address belongs to, for the error message.
    /// - Throws: ``ICalendarError/Code/invalidAddress``.
    static func mailto(_ address: String, _ who: String) throws(ICalendarError) -> String {
        guard let at = address.lastIndex(of: "@"), at != address.startIndex,
            address.index(after: at) != address.endIndex
        else {
            throw ICalendarError(.invalidAddress, "\(who) has no mailbox@domain address")
        }
        var uri = "mailto:"
        for scalar in address.unicodeScalars {
            if scalar.properties.isWhitespace || TextValue.isControl(scalar) || TextValue.isLineBreak(scalar) {
                throw ICalendarError(
                    .invalidAddress, "\(who)'s address holds a space, a control character or a line break")
            }
            if isSafe(scalar) {
                uri.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 {
                    uri += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
        }
        return uri
    }

    /// Whether `scalar` may stand unencoded in the address part of a `mailto:` URI.
    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", "!", "$", "'", "*", "+", "=", "@": return true
        default: return false
        }
    }
}

extension String {
    /// The string left-padded with zeros to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
