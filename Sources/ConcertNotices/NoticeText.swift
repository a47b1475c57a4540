import ConcertCore
import Foundation

/// Small pieces of text the notices share.
enum NoticeText {
    /// A wall-clock time written out in the recipient's language:
    /// "Tuesday, 12 January 2027 at 10:00" or "terça-feira, 12 de janeiro de 2027 às 10:00".
    static func when(_ instant: Date, in zone: TimeZone, language: NoticeTemplates.Language) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .pt ? "pt_PT" : "en_GB")
        formatter.timeZone = zone
        formatter.dateStyle = .full
        formatter.timeStyle = .short
        return formatter.string(from: instant)
    }

    /// The focal point's e-mail address, if it has one.
    static func email(of point: FocalPoint) -> String? {
        point.channels.first { $0.kind == .email }?.address
    }

    /// An id made safe for a message id's left part: letters, digits, `-` and `_` kept, the rest `_`.
    static func token(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> Character in
                let c = Character(scalar)
                return (scalar.isASCII && (c.isLetter || c.isNumber)) || c == "-" || c == "_" ? c : "_"
            })
    }
}
