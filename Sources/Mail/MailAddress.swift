/// One mailbox: an optional display name and a plain `local@domain` address.
///
/// The address is checked when the value is made and cannot change afterwards, so a
/// `MailAddress` always fits a header: both sides of its single `@` are RFC 5322 dot-atoms
/// (US-ASCII letters, digits and ``!#$%&'*+-/=?^_`{|}~`` in dot-separated runs), which rules
/// out spaces, angle brackets, line breaks and control characters. Quoted local parts, domain
/// literals and internationalised addresses are not accepted.
///
/// The display name may hold any text but control characters (a line break or a NUL is
/// refused); it is quoted or encoded (RFC 2047) as needed when the message is written.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The display name, e.g. "Comissão Interministerial"; nil or empty for none.
    public let name: String?
    /// The mailbox, e.g. `cim@example.org`.
    public let address: String

    /// Creates a mailbox.
    ///
    /// - Parameters:
    ///   - name: The display name, or nil.
    ///   - address: The `local@domain` address.
    /// - Throws: ``MailError/Code/invalidAddress`` when the address is not one plain mailbox or
    ///   the name holds a control character or a line break.
    public init(name: String? = nil, address: String) throws(MailError) {
        guard MailSyntax.isDotAtomPair(address) else {
            throw MailError(
                .invalidAddress,
                "\(address.debugDescription) is not one local@domain address of US-ASCII letters, digits and "
                    + "dot-separated symbols (no spaces, angle brackets, line breaks or second @)")
        }
        if let name, name.unicodeScalars.contains(where: MailSyntax.isControl) {
            throw MailError(
                .invalidAddress, "the display name of \(address) holds a line break or a control character")
        }
        self.name = name
        self.address = address
    }

    /// `Name <address>`, or the address alone; unencoded, for people.
    public var description: String {
        guard let name, !name.isEmpty else { return address }
        return "\(name) <\(address)>"
    }
}
