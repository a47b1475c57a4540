/// The spelling rules for identifiers in workflow files.
struct IdentifierSyntax: Sendable {
    /// The rule as shown in messages.
    let pattern: String
    private let first: @Sendable (UInt8) -> Bool
    private let rest: @Sendable (UInt8) -> Bool

    init(pattern: String, first: @escaping @Sendable (UInt8) -> Bool, rest: @escaping @Sendable (UInt8) -> Bool) {
        self.pattern = pattern
        self.first = first
        self.rest = rest
    }

    func accepts(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let head = bytes.next(), first(head) else { return false }
        while let byte = bytes.next() {
            guard rest(byte) else { return false }
        }
        return true
    }

    private static func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
    private static func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// Entities, focal points, bodies, the plan: `mai`, `mai-political`.
    static let slug = IdentifierSyntax(
        pattern: "[a-z0-9][a-z0-9-]*",
        first: { isLower($0) || isDigit($0) },
        rest: { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") })

    /// Measures: `M01`, `M7.2`.
    static let measure = IdentifierSyntax(
        pattern: "[A-Za-z0-9][A-Za-z0-9._-]*",
        first: { isLower($0) || isUpper($0) || isDigit($0) },
        rest: {
            isLower($0) || isUpper($0) || isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_")
                || $0 == UInt8(ascii: "-")
        })

    /// Indicator names: `people_served`.
    static let snake = IdentifierSyntax(
        pattern: "[a-z0-9_]+",
        first: { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") },
        rest: { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") })

    /// Unix user names: `ana`, `svc_concert`.
    static let unixUser = IdentifierSyntax(
        pattern: "[a-z_][a-z0-9_.-]*",
        first: { isLower($0) || $0 == UInt8(ascii: "_") },
        rest: {
            isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
                || $0 == UInt8(ascii: "-")
        })
}
