import Foundation
import Mail

/// A serialized message split for inspection.
struct Serialized {
    /// The octets as text.
    var text: String

    init(_ message: MailMessage) throws {
        text = String(decoding: try message.serialized(), as: UTF8.self)
    }

    /// The physical header lines, without CRLF.
    var headerLines: [String] {
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        return head.components(separatedBy: "\r\n")
    }

    /// The physical lines after the header, without CRLF.
    var bodyLines: [String] {
        guard let range = text.range(of: "\r\n\r\n") else { return [] }
        return String(text[range.upperBound...]).components(separatedBy: "\r\n")
    }

    /// The header fields unfolded, as name and value (the value's leading space dropped).
    var fields: [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in headerLines {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !fields.isEmpty {
                fields[fields.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst())))
            }
        }
        return fields
    }

    /// The unfolded value of the first field named `name`.
    func field(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every encoded-word in the header.
    var encodedWords: [String] {
        headerLines.flatMap { line in
            line.split(separator: " ").filter { $0.contains("=?") }.map(String.init)
        }
    }
}
