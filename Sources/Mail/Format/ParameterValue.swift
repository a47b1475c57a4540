/// MIME parameter values (RFC 2045 5.1) for header pieces, with RFC 2231 for text that does
/// not fit a quoted-string.
enum ParameterValue {
    /// The characters RFC 2231 `attribute-char` allows bare in an extended value.
    private static let bare = Set(Array("!#$&+-.^_`|~".utf8))
    /// How many percent-encoded characters one continuation piece holds at most.
    private static let sectionLength = 56

    /// Pieces for `name=value`; when the value is split into sections, every piece but the
    /// last ends with the `;` that separates it from the next.
    ///
    /// Printable US-ASCII that fits a line is a quoted-string (`name="value"`); anything else
    /// is an RFC 2231 extended value in UTF-8, percent-encoded and split into numbered sections
    /// (`name*0*=utf-8''...; name*1*=...`) when it is long.
    static func pieces(_ name: String, _ value: String) -> [String] {
        if MailSyntax.isPrintableASCII(value[...]) {
            var quoted = name + "=\""
            for character in value {
                if character == "\"" || character == "\\" { quoted += "\\" }
                quoted.append(character)
            }
            quoted += "\""
            if quoted.utf8.count < HeaderField.preferredLength - 2 {
                return [quoted]
            }
        }
        var sections: [String] = [""]
        for character in value {
            var encoded = ""
            for octet in character.utf8 {
                let isBare = MailSyntax.isAlphanumeric(octet) || bare.contains(octet)
                encoded += isBare ? String(UnicodeScalar(octet)) : "%" + Hex.byte(octet)
            }
            if !sections[sections.count - 1].isEmpty,
                sections[sections.count - 1].utf8.count + encoded.utf8.count > sectionLength
            {
                sections.append("")
            }
            sections[sections.count - 1] += encoded
        }
        if sections.count == 1 {
            return [name + "*=utf-8''" + sections[0]]
        }
        return sections.enumerated().map { index, section in
            name + "*\(index)*=" + (index == 0 ? "utf-8''" : "") + section + (index < sections.count - 1 ? ";" : "")
        }
    }
}
