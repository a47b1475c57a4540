/// Makes text from the daemon safe to print: control characters (escape sequences, carriage
/// returns, bells) become visible `\u{..}` escapes, so no note or title can drive the terminal.
enum TerminalText {
    static func safe(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out.append(" ")
            case 0x0A: out.append("\n")
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                out.append("\\u{\(String(scalar.value, radix: 16))}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Like `safe`, on one line: newlines become visible too.
    static func line(_ text: String) -> String {
        safe(text).replacingOccurrences(of: "\n", with: "\\n")
    }
}
