/// RFC 5545 parameter values (3.1, 3.2): the encoding that keeps any string one parameter.
///
/// A parameter value may be a bare `paramtext` or a `quoted-string`, and neither may hold a
/// DQUOTE or a control character: so DQUOTE and control characters are dropped (line breaks
/// and tabs become a space, so "Ana\nSilva" reads "Ana Silva"), and the value is quoted when
/// it holds `:`, `;` or `,`. A caret is written `^^` (RFC 6868), so that readers which decode
/// RFC 6868 (`^n`, `^'`, `^^`) give back the caret and nothing else. What comes out cannot end
/// the parameter, start another parameter, or end the content line: a name such as
/// `Ana";ROLE=CHAIR:mailto:x@example.org` stays one `CN`.
enum ParameterValue {
    /// `text` encoded as a parameter value, quoted when it must be.
    static func encoded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var needsQuotes = false
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\"":
                continue
            case "^":
                out.append(contentsOf: "^^".unicodeScalars)
            case ":", ";", ",":
                needsQuotes = true
                out.append(scalar)
            case "\n" where previousWasCarriageReturn:
                continue
            case "\t":
                out.append(" ")
            default:
                if TextValue.isLineBreak(scalar) {
                    out.append(" ")
                } else if !TextValue.isControl(scalar) {
                    out.append(scalar)
                }
            }
        }
        let value = String(out)
        return needsQuotes ? "\"" + value + "\"" : value
    }
}
