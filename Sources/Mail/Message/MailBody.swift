/// The content of a message: a text, a calendar object, or parts of either (RFC 2045, 2046).
///
/// Text is written as UTF-8 with its line breaks made CRLF, `7bit` when it is short lines of
/// printable US-ASCII and quoted-printable otherwise, so every body line stays within 76
/// octets and every part decodes to the text it was given.
public indirect enum MailBody: Sendable {
    /// A `text/plain; charset=utf-8` part.
    case text(String)
    /// A `text/calendar; charset=utf-8; method=...` part (RFC 6047): an iCalendar object,
    /// usually already CRLF-terminated, and its `METHOD` (e.g. `REQUEST`, `CANCEL`), which must
    /// be an RFC 5545 token (letters, digits and `-`).
    case calendar(String, method: String)
    /// A `multipart/alternative` part: the same content in several forms, plainest first.
    case alternative([MailBody])
    /// A `multipart/mixed` part: independent parts in order.
    case mixed([MailBody])
    /// A part with `Content-Disposition: attachment` and a file name; the name may hold any
    /// text but control characters.
    case attachment(MailBody, filename: String)
}
