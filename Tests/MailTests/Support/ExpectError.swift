import Mail
import Testing

/// Expects `message.serialized()` to throw a ``MailError`` with `code`.
func expectRefusal(_ message: MailMessage, _ code: MailError.Code, sourceLocation: SourceLocation = #_sourceLocation) {
    let error = #expect(throws: MailError.self, sourceLocation: sourceLocation) { try message.serialized() }
    #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
}
