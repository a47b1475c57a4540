/// RFC 5322 `msg-id` values (3.6.4), as `Message-ID`, `In-Reply-To` and `References` hold them.
enum MessageIdentifier {
    /// `<identifier>`, after checking that `identifier` is `left@right` of dot-atoms.
    ///
    /// - Parameters:
    ///   - identifier: The identifier without angle brackets.
    ///   - header: The header it is for, for the error message.
    /// - Throws: ``MailError/Code/invalidMessageID``.
    static func bracketed(_ identifier: String, for header: String) throws(MailError) -> String {
        guard MailSyntax.isDotAtomPair(identifier) else {
            throw MailError(
                .invalidMessageID,
                "\(header) \(identifier.debugDescription) is not left@right of US-ASCII dot-atoms "
                    + "(no spaces, angle brackets or second @)")
        }
        return "<" + identifier + ">"
    }
}
