/// A token of the interface definition language.
struct VarlinkIDLToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A keyword, name or primitive type: letters, digits, `_`, `.` and inner `-`.
        case word(String)
        case leftParenthesis
        case rightParenthesis
        case comma
        case colon
        case questionMark
        case arrow
        /// `[]`
        case arrayPrefix
        /// `[string]`
        case mapPrefix
        case end
    }

    let kind: Kind
    let line: Int
    let column: Int
    /// The comment block directly above this token, if the token starts its line.
    let documentation: String
}

/// Splits an interface description into tokens.
///
/// Whitespace is space, tab and LF; a CR is rejected because not every parser accepts it.
/// `#` starts a comment that runs to the end of the line.
struct VarlinkIDLLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Comment lines seen since the last token: (line, text, whether it started its line).
    private var comments: [(line: Int, text: String, ownLine: Bool)] = []
    private var lastTokenLine = 0

    init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// All tokens, ending with ``VarlinkIDLToken/Kind/end``.
    mutating func tokenize() throws(VarlinkIDLError) -> [VarlinkIDLToken] {
        var tokens: [VarlinkIDLToken] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var column: Int { index - lineStart + 1 }

    private func error(_ code: VarlinkIDLError.Code, _ message: String) -> VarlinkIDLError {
        VarlinkIDLError(code: code, line: line, column: column, message: message)
    }

    private mutating func next() throws(VarlinkIDLError) -> VarlinkIDLToken {
        try skipWhitespaceAndComments()
        let startLine = line
        let startColumn = column
        let documentation = takeDocumentation(forTokenOnLine: startLine)
        func token(_ kind: VarlinkIDLToken.Kind) -> VarlinkIDLToken {
            VarlinkIDLToken(kind: kind, line: startLine, column: startColumn, documentation: documentation)
        }
        guard index < bytes.count else {
            return token(.end)
        }
        lastTokenLine = startLine
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "("):
            index += 1
            return token(.leftParenthesis)
        case UInt8(ascii: ")"):
            index += 1
            return token(.rightParenthesis)
        case UInt8(ascii: ","):
            index += 1
            return token(.comma)
        case UInt8(ascii: ":"):
            index += 1
            return token(.colon)
        case UInt8(ascii: "?"):
            index += 1
            return token(.questionMark)
        case UInt8(ascii: "-"):
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else {
                throw error(.syntax, "expected '->'")
            }
            index += 2
            return token(.arrow)
        case UInt8(ascii: "["):
            if hasPrefix("[]") {
                index += 2
                return token(.arrayPrefix)
            }
            if hasPrefix("[string]") {
                index += 8
                return token(.mapPrefix)
            }
            throw error(.syntax, "expected '[]' or '[string]'")
        default:
            guard isWordStart(byte) else {
                throw error(.syntax, "unexpected character \(describe(byte))")
            }
            let start = index
            while index < bytes.count, isWordContinuation(at: index) {
                index += 1
            }
            return token(.word(String(decoding: bytes[start..<index], as: UTF8.self)))
        }
    }

    private mutating func skipWhitespaceAndComments() throws(VarlinkIDLError) {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: "\r"):
                throw error(.unsupported, "carriage return; use LF line endings")
            case UInt8(ascii: "#"):
                let ownLine = lastTokenLine != line
                let start = index + 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
                    if bytes[index] == UInt8(ascii: "\r") {
                        throw error(.unsupported, "carriage return; use LF line endings")
                    }
                    index += 1
                }
                var text = Substring(String(decoding: bytes[start..<index], as: UTF8.self))
                if text.first == " " {
                    text = text.dropFirst()
                }
                comments.append((line, String(text), ownLine))
            default:
                return
            }
        }
    }

    /// The block of own-line comments ending on the line above `tokenLine`.
    private mutating func takeDocumentation(forTokenOnLine tokenLine: Int) -> String {
        defer { comments.removeAll(keepingCapacity: true) }
        guard lastTokenLine != tokenLine else { return "" }
        var block: [String] = []
        var expectedLine = tokenLine - 1
        for comment in comments.reversed() {
            guard comment.ownLine, comment.line == expectedLine else { break }
            block.append(comment.text)
            expectedLine -= 1
        }
        return block.reversed().joined(separator: "\n")
    }

    private func hasPrefix(_ prefix: String) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard bytes.count - index >= prefixBytes.count else { return false }
        return Array(bytes[index..<(index + prefixBytes.count)]) == prefixBytes
    }

    private func isWordStart(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_")
    }

    private func isWordContinuation(at position: Int) -> Bool {
        let byte = bytes[position]
        if isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") {
            return true
        }
        if byte == UInt8(ascii: "-") {
            return position + 1 < bytes.count && bytes[position + 1] != UInt8(ascii: ">")
        }
        return false
    }

    private func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte 0x\(String(byte, radix: 16))"
    }
}
