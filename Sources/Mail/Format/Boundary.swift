/// Multipart boundaries (RFC 2046 5.1.1) drawn from the parts they separate.
///
/// A boundary is `=_` followed by a 64-bit FNV-1a hash of the subtype and the encoded parts, in
/// hexadecimal; the same parts always get the same boundary, so a message serialises to the
/// same octets every time. `=_` cannot occur in quoted-printable or base64 text, and the
/// boundary is checked against the parts anyway: if a part holds it, the hash is taken again
/// with a counter until one does not.
enum Boundary {
    /// A boundary that occurs in none of `parts`.
    static func make(subtype: String, parts: [[UInt8]]) -> String {
        var counter: UInt64 = 0
        while true {
            var hash = FNV1a()
            hash.add(Array(subtype.utf8))
            for part in parts {
                hash.add(part)
                hash.add([0])
            }
            if counter > 0 { hash.add(Array(String(counter).utf8)) }
            let boundary = "=_" + Hex.word(hash.value)
            let octets = Array(boundary.utf8)
            if !parts.contains(where: { $0.contains(octets) }) {
                return boundary
            }
            counter += 1
        }
    }

    /// The 64-bit Fowler–Noll–Vo 1a hash.
    private struct FNV1a {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ octets: [UInt8]) {
            for octet in octets {
                value = (value ^ UInt64(octet)) &* 0x0000_0100_0000_01b3
            }
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the array as a contiguous run.
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { start in
            self[start] == needle[0] && self[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
