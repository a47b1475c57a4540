extension MailBody {
    /// The body as a MIME entity.
    ///
    /// - Throws: ``MailError/Code/invalidBody`` for an empty multipart, an attachment inside an
    ///   attachment, a file name with a control character, or a method that is not a token.
    func entity() throws(MailError) -> MIMEEntity {
        switch self {
        case .text(let text):
            return Self.textEntity(text, type: "text/plain", parameters: [])
        case .calendar(let text, let method):
            guard !method.isEmpty,
                method.utf8.allSatisfy({ MailSyntax.isAlphanumeric($0) || $0 == UInt8(ascii: "-") })
            else {
                throw MailError(
                    .invalidBody, "the calendar method \(method.debugDescription) is not letters, digits and -")
            }
            return Self.textEntity(text, type: "text/calendar", parameters: ["method=" + method])
        case .alternative(let parts):
            return try Self.multipartEntity("alternative", parts)
        case .mixed(let parts):
            return try Self.multipartEntity("mixed", parts)
        case .attachment(let inner, let filename):
            if case .attachment = inner {
                throw MailError(.invalidBody, "the attachment \(filename.debugDescription) holds another attachment")
            }
            guard !filename.isEmpty, !filename.unicodeScalars.contains(where: MailSyntax.isControl) else {
                throw MailError(
                    .invalidBody,
                    "the attachment file name \(filename.debugDescription) is empty or holds a control character")
            }
            var entity = try inner.entity()
            entity.fields.append(
                HeaderField("Content-Disposition", words: ["attachment;"] + ParameterValue.pieces("filename", filename))
            )
            return entity
        }
    }

    /// A `text/*` entity in UTF-8.
    private static func textEntity(_ text: String, type: String, parameters: [String]) -> MIMEEntity {
        let (encoding, octets) = TransferEncoding.encode(text)
        let parameters = ["charset=utf-8"] + parameters
        let words = [type + ";"] + parameters.enumerated().map { $1 + ($0 < parameters.count - 1 ? ";" : "") }
        return MIMEEntity(
            fields: [
                HeaderField("Content-Type", words: words),
                HeaderField("Content-Transfer-Encoding", words: [encoding.rawValue]),
            ],
            body: octets)
    }

    /// A `multipart/*` entity: each part after a delimiter line, then the closing delimiter.
    private static func multipartEntity(_ subtype: String, _ parts: [MailBody]) throws(MailError) -> MIMEEntity {
        guard !parts.isEmpty else { throw MailError(.invalidBody, "a multipart/\(subtype) body has no parts") }
        var rendered: [[UInt8]] = []
        for part in parts {
            rendered.append(try part.entity().octets())
        }
        let boundary = Boundary.make(subtype: subtype, parts: rendered)
        let delimiter = Array("--\(boundary)".utf8)
        var body: [UInt8] = []
        for part in rendered {
            body += delimiter + [0x0D, 0x0A] + part + [0x0D, 0x0A]
        }
        body += delimiter + Array("--\r\n".utf8)
        return MIMEEntity(
            fields: [HeaderField("Content-Type", words: ["multipart/\(subtype);", "boundary=\"\(boundary)\""])],
            body: body)
    }
}
