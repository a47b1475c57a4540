/// One RFC 5545 content line (3.1): `NAME *(";" param) ":" value`, written folded and ended by CRLF.
///
/// Values reach a content line already encoded (``TextValue``, ``ParameterValue``, or a form
/// the writer builds from validated parts). As a last guard, ``folded()`` drops any control
/// character (HTAB aside) or line break left in the line, so no value can end the line early.
struct ContentLine: Sendable {
    /// The property name, upper case (`DTSTART`).
    var name: String
    /// Parameters in order, each as a name and an already-encoded value.
    var parameters: [(name: String, value: String)]
    /// The already-encoded value.
    var value: String

    /// The longest physical line, in octets, not counting its CRLF (RFC 5545 3.1).
    static let maximumOctets = 75

    /// A content line.
    ///
    /// - Parameters:
    ///   - name: The property name.
    ///   - parameters: Parameters as name and encoded value.
    ///   - value: The encoded value.
    init(_ name: String, _ parameters: [(name: String, value: String)], _ value: String) {
        self.name = name
        self.parameters = parameters
        self.value = value
    }

    /// A content line without parameters.
    init(_ name: String, _ value: String) {
        self.init(name, [], value)
    }

    /// The unfolded line, without CRLF.
    var unfolded: String {
        var line = name
        for parameter in parameters {
            line += ";" + parameter.name + "=" + parameter.value
        }
        return line + ":" + value
    }

    /// The line folded at ``maximumOctets`` octets, each physical line ended by CRLF.
    ///
    /// A fold is CRLF followed by one space, which counts towards the next line's octets. A
    /// fold never falls inside a UTF-8 sequence: it moves back to the start of the character.
    func folded() -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unfolded.unicodeScalars.lazy.filter(ContentLine.isWritable))
        let octets = Array(String(scalars).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(octets.count + octets.count / 70 * 3 + 2)
        var start = 0
        var limit = ContentLine.maximumOctets
        while octets.count - start > limit {
            var cut = start + limit
            while cut > start, octets[cut] & 0b1100_0000 == 0b1000_0000 {
                cut -= 1  // a continuation byte: fold before the character it belongs to
            }
            if cut == start { cut = start + limit }  // unreachable for valid UTF-8; keeps progress
            out.append(contentsOf: octets[start..<cut])
            out.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = cut
            limit = ContentLine.maximumOctets - 1
        }
        out.append(contentsOf: octets[start...])
        out.append(contentsOf: [0x0D, 0x0A])
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `scalar` may stand in a content line: anything but a control character (HTAB
    /// aside) or a line break.
    static func isWritable(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || !(TextValue.isControl(scalar) || TextValue.isLineBreak(scalar))
    }
}
