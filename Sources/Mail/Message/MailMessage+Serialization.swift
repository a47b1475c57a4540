import Foundation

extension MailMessage {
    /// The header fields the writer sets itself, lower case; an extra header may not use them.
    static let reservedHeaders: Set<String> = [
        "date", "from", "sender", "to", "cc", "bcc", "subject", "message-id", "in-reply-to", "references",
        "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
    ]

    /// The message as octets, all US-ASCII with CRLF line ends: header fields, an empty line,
    /// the body. A multipart body ends with CRLF; a single text body ends as its text does.
    ///
    /// The fields are `Date`, `From`, `To` and `Cc` (when not empty), `Subject`, `Message-ID`,
    /// `In-Reply-To` and `References` (when set), the extra headers, `MIME-Version: 1.0`, then
    /// the body's `Content-Type`, `Content-Transfer-Encoding` and `Content-Disposition`. Lines
    /// are folded at 78 octets wherever a space allows it. The same message always gives the
    /// same octets.
    ///
    /// - Throws: ``MailError`` with ``MailError/Code/invalidMessageID`` for a malformed
    ///   identifier, ``MailError/Code/invalidHeader`` for a bad extra header,
    ///   ``MailError/Code/invalidDate`` or ``MailError/Code/invalidBody``.
    public func serialized() throws(MailError) -> Data {
        var fields = [
            HeaderField("Date", words: try MailDate.formatted(date).split(separator: " ").map(String.init)),
            HeaderField("From", Self.addressList([from])),
        ]
        if !to.isEmpty { fields.append(HeaderField("To", Self.addressList(to))) }
        if !cc.isEmpty { fields.append(HeaderField("Cc", Self.addressList(cc))) }
        fields.append(HeaderField("Subject", HeaderText.unstructured(Self.oneLine(subject), encodingLongWords: true)))
        fields.append(HeaderField("Message-ID", words: [try MessageIdentifier.bracketed(messageID, for: "Message-ID")]))
        if let inReplyTo {
            fields.append(
                HeaderField("In-Reply-To", words: [try MessageIdentifier.bracketed(inReplyTo, for: "In-Reply-To")]))
        }
        if !references.isEmpty {
            var words: [String] = []
            for reference in references {
                words.append(try MessageIdentifier.bracketed(reference, for: "References"))
            }
            fields.append(HeaderField("References", words: words))
        }
        for (name, value) in extraHeaders {
            fields.append(try Self.extraField(name, value))
        }
        fields.append(HeaderField("MIME-Version", words: ["1.0"]))
        let entity = try body.entity()
        fields += entity.fields

        var out = ""
        for field in fields {
            out += try field.folded()
        }
        return Data(out.utf8) + Data([0x0D, 0x0A]) + Data(entity.body)
    }

    /// Pieces for a list of mailboxes: `name <address>` or `address`, separated by commas.
    private static func addressList(_ addresses: [MailAddress]) -> [HeaderField.Piece] {
        var pieces: [HeaderField.Piece] = []
        for (index, mailbox) in addresses.enumerated() {
            let separator = index < addresses.count - 1 ? "," : ""
            let name = HeaderText.phrase(mailbox.name ?? "")
            if name.isEmpty {
                pieces.append(.verbatim(mailbox.address + separator))
            } else {
                pieces += name
                pieces.append(.verbatim("<" + mailbox.address + ">" + separator))
            }
        }
        return pieces
    }

    /// `text` with every line break and other control character made a space.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.unicodeScalars.contains(where: MailSyntax.isControl) ? " " : $0 })
    }

    /// An extra header field, checked.
    private static func extraField(_ name: String, _ value: String) throws(MailError) -> HeaderField {
        guard !name.isEmpty, name.utf8.allSatisfy(MailSyntax.isFieldNameByte) else {
            throw MailError(
                .invalidHeader, "\(name.debugDescription) is not a header field name (printable US-ASCII but :)")
        }
        guard !reservedHeaders.contains(name.lowercased()) else {
            throw MailError(.invalidHeader, "the \(name) header is written from the message's own fields")
        }
        guard !value.unicodeScalars.contains(where: MailSyntax.isControl) else {
            throw MailError(.invalidHeader, "the value of \(name) holds a line break or a control character")
        }
        return HeaderField(name, HeaderText.unstructured(value, encodingLongWords: false))
    }
}
