/// The naming rules of interface descriptions.
///
/// They are the intersection of what the Varlink specification and the common parsers
/// (python `varlink`, systemd, libvarlink) accept, so a description this module accepts is
/// accepted everywhere.
public enum VarlinkNames {
    /// Whether `name` is a valid interface name: at least two dot-separated components; the
    /// first made of lowercase letters; the others of lowercase letters, digits and inner
    /// hyphens. The last component may also use uppercase letters (`io.concert.Plan`,
    /// `io.systemd.Resolve`).
    public static func isValidInterfaceName(_ name: String) -> Bool {
        let components = name.split(separator: ".", omittingEmptySubsequences: false)
        guard components.count >= 2 else { return false }
        for (position, component) in components.enumerated() {
            let bytes = Array(component.utf8)
            guard let first = bytes.first, let last = bytes.last else { return false }
            let isLast = position == components.count - 1
            if position == 0 {
                guard bytes.allSatisfy(isLowercase) else { return false }
                continue
            }
            for byte in bytes {
                let allowed =
                    isLowercase(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || (isLast && isUppercase(byte))
                guard allowed else { return false }
            }
            guard first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
        }
        return true
    }

    /// Whether `name` is a valid type, method or error name: an uppercase ASCII letter followed
    /// by ASCII letters and digits.
    public static func isValidMemberName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, isUppercase(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || isDigit($0) }
    }

    /// Whether `name` is a valid field or enum value name: `lower_snake_case`, starting with a
    /// lowercase letter, with single underscores only between letters or digits.
    public static func isValidFieldName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, isLowercase(first), bytes.last != UInt8(ascii: "_") else { return false }
        var previousWasUnderscore = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                if previousWasUnderscore { return false }
                previousWasUnderscore = true
            } else if isLowercase(byte) || isDigit(byte) {
                previousWasUnderscore = false
            } else {
                return false
            }
        }
        return true
    }

    private static func isLowercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        isLowercase(byte) || isUppercase(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
