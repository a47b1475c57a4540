/// Free text and display names turned into header pieces: verbatim where US-ASCII allows,
/// RFC 2047 encoded-words elsewhere.
///
/// Words are split at spaces. Consecutive words that need encoding share encoded-words, with
/// the spaces between them encoded too; the other words stay as they are, so the spaces around
/// them are real spaces that any reader keeps. A word that holds `=?` is always encoded, so
/// text that merely looks like an encoded-word reads back as itself. When the text holds runs
/// of spaces as well as words to encode, it is encoded whole, so its spacing survives.
enum HeaderText {
    /// The longest word written verbatim where length matters: it then fits a folded line on
    /// its own.
    static let longestVerbatimWord = HeaderField.preferredLength - 2

    /// Pieces for `unstructured` text (RFC 5322 3.2.5), such as a subject. Leading and
    /// trailing spaces are dropped.
    ///
    /// - Parameters:
    ///   - text: The text, free of control characters.
    ///   - encodingLongWords: Whether to encode words longer than ``longestVerbatimWord``
    ///     octets, which keeps every line within ``HeaderField/preferredLength``.
    static func unstructured(_ text: String, encodingLongWords: Bool) -> [HeaderField.Piece] {
        mixed(text.trimmingSpaces()) { word in
            !MailSyntax.isPrintableASCII(word) || word.contains("=?")
                || (encodingLongWords && word.utf8.count > longestVerbatimWord)
        }
    }

    /// Pieces for a display name (an RFC 5322 `phrase`). Leading and trailing spaces are
    /// dropped.
    ///
    /// Atoms stay as they are; other US-ASCII is one quoted-string when it fits a line; in the
    /// rest, the words that are not atoms are encoded.
    static func phrase(_ name: String) -> [HeaderField.Piece] {
        let trimmed = name.trimmingSpaces()
        guard !trimmed.isEmpty else { return [] }
        let isAtom = { (word: Substring) in !word.isEmpty && word.utf8.allSatisfy(MailSyntax.isAtext) }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: false)
        if !trimmed.contains("=?"), MailSyntax.isPrintableASCII(trimmed[...]), !words.allSatisfy(isAtom) {
            var quoted = "\""
            for character in trimmed {
                if character == "\"" || character == "\\" { quoted += "\\" }
                quoted.append(character)
            }
            quoted += "\""
            if quoted.utf8.count <= longestVerbatimWord {
                return [.verbatim(quoted)]
            }
        }
        return mixed(trimmed) { word in !isAtom(word) || word.contains("=?") }
    }

    /// Pieces for `text`: words for which `needsEncoding` holds are encoded, consecutive ones
    /// together; the others stay verbatim.
    private static func mixed(_ text: String, needsEncoding: (Substring) -> Bool) -> [HeaderField.Piece] {
        guard !text.isEmpty else { return [] }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        let encode = words.map(needsEncoding)
        if !encode.contains(true) {
            return words.map { .verbatim(String($0)) }
        }
        if words.contains(where: \.isEmpty) {
            return [.encoded(text)]
        }
        var pieces: [HeaderField.Piece] = []
        var run: [Substring] = []
        for (word, encoded) in zip(words, encode) {
            if encoded {
                run.append(word)
                continue
            }
            if !run.isEmpty {
                pieces.append(.encoded(run.joined(separator: " ")))
                run = []
            }
            pieces.append(.verbatim(String(word)))
        }
        if !run.isEmpty {
            pieces.append(.encoded(run.joined(separator: " ")))
        }
        return pieces
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
            let last = scalars.lastIndex(where: { $0 != " " })
        else { return "" }
        return String(scalars[first...last])
    }
}
