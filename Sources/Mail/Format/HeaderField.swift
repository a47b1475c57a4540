/// One header field, written folded (RFC 5322 2.2.3) and ended by CRLF.
///
/// The value is a list of ``Piece``s joined by single spaces. Folding only ever turns one of
/// those spaces into CRLF followed by the space, so unfolding gives back the value exactly.
/// Lines are kept to ``preferredLength`` octets where the pieces allow it; a line that would
/// pass ``maximumLength`` is refused.
struct HeaderField: Sendable {
    /// A part of a field value.
    enum Piece: Sendable {
        /// US-ASCII written as is; never split, never followed by a fold when empty.
        case verbatim(String)
        /// Text written as RFC 2047 encoded-words, as many as it takes.
        case encoded(String)
    }

    /// The field name, e.g. `Subject`.
    var name: String
    /// The value's pieces.
    var pieces: [Piece]

    /// The line length folding aims for, in octets without CRLF (RFC 5322 2.1.1).
    static let preferredLength = 78
    /// The longest line allowed, in octets without CRLF (RFC 5322 2.1.1).
    static let maximumLength = 998

    /// A field.
    init(_ name: String, _ pieces: [Piece]) {
        self.name = name
        self.pieces = pieces
    }

    /// A field whose value is verbatim words.
    init(_ name: String, words: [String]) {
        self.init(name, words.map(Piece.verbatim))
    }

    /// The field, folded, each line ended by CRLF.
    ///
    /// - Throws: ``MailError/Code/invalidHeader`` when a line would pass 998 octets.
    func folded() throws(MailError) -> String {
        var folder = Folder(name: name)
        for piece in pieces {
            switch piece {
            case .verbatim(let word): folder.place(word)
            case .encoded(let text): folder.placeEncoded(text)
            }
        }
        let lines = folder.finished()
        if let long = lines.first(where: { $0.utf8.count > HeaderField.maximumLength }) {
            throw MailError(
                .invalidHeader,
                "the \(name) header has a line of \(long.utf8.count) octets, more than \(HeaderField.maximumLength)")
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// Lays pieces out on lines.
    private struct Folder {
        private var lines: [String] = []
        private var line: String
        /// Whether the current line holds a piece (a fold before it would leave it empty).
        private var lineHasPiece = false

        init(name: String) {
            line = name + ":"
        }

        /// Places `word` after a space, on a new line if it does not fit this one.
        mutating func place(_ word: String) {
            if lineHasPiece, !word.isEmpty, line.utf8.count + 1 + word.utf8.count > HeaderField.preferredLength {
                fold()
            }
            line += " " + word
            lineHasPiece = true
        }

        /// Places `text` as encoded-words. Text that fits one encoded-word is kept whole, on a
        /// new line if need be; longer text fills lines, preferably breaking after a space.
        mutating func placeEncoded(_ text: String) {
            let chunks = EncodedWord.chunks(text)
            let freshRoom = EncodedWord.maximumLength - EncodedWord.overhead
            var index = 0
            while index < chunks.count {
                let remaining = chunks[index...].reduce(0) { $0 + $1.utf8.count }
                let room = roomForEncodedText()
                if lineHasPiece, room < min(remaining, freshRoom / 4) || (room < remaining && remaining <= freshRoom) {
                    fold()
                }
                let end = wordEnd(chunks, from: index, room: roomForEncodedText())
                line += " " + EncodedWord.word(chunks[index..<end])
                lineHasPiece = true
                index = end
            }
        }

        /// Where the encoded-word starting at `start` ends: as many chunks as `room` holds (at
        /// least one), moved back to just after an encoded space when one is in reach.
        private func wordEnd(_ chunks: [String], from start: Int, room: Int) -> Int {
            var end = start
            var used = 0
            while end < chunks.count, used + chunks[end].utf8.count <= room || end == start {
                used += chunks[end].utf8.count
                end += 1
            }
            if end < chunks.count, let space = chunks[(start + 1)..<end].lastIndex(of: "_") {
                return space + 1
            }
            return end
        }

        /// The encoded characters that fit in one encoded-word after a space on this line.
        private func roomForEncodedText() -> Int {
            min(EncodedWord.maximumLength, HeaderField.preferredLength - line.utf8.count - 1) - EncodedWord.overhead
        }

        private mutating func fold() {
            lines.append(line)
            line = ""
            lineHasPiece = false
        }

        /// The lines, without line ends.
        func finished() -> [String] {
            lines + [line]
        }
    }
}
