/// A body rendered: its `Content-*` header fields and its encoded octets.
struct MIMEEntity: Sendable {
    /// `Content-Type`, then `Content-Transfer-Encoding` and `Content-Disposition` when set.
    var fields: [HeaderField]
    /// The encoded content, without a line end after its last line.
    var body: [UInt8]

    /// The entity as a body part: folded fields, an empty line, the body.
    func octets() throws(MailError) -> [UInt8] {
        var out: [UInt8] = []
        for field in fields {
            out += Array(try field.folded().utf8)
        }
        out += [0x0D, 0x0A]
        out += body
        return out
    }
}
