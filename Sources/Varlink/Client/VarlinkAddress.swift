/// A Varlink service address the client can connect to.
public enum VarlinkAddress: Sendable, Hashable {
    /// A Unix socket in the file system.
    case unixSocket(path: String)

    /// Parses `unix:/path` (properties after `;` are ignored) or a plain path.
    ///
    /// - Throws: ``VarlinkClientError/Code/invalidAddress`` for empty paths, abstract sockets
    ///   (`unix:@name`) and other transports.
    public init(parsing text: String) throws {
        var rest = Substring(text)
        if rest.hasPrefix("unix:") {
            rest = rest.dropFirst("unix:".count)
            if let semicolon = rest.firstIndex(of: ";") {
                rest = rest[..<semicolon]
            }
        } else if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
            throw VarlinkClientError(
                code: .invalidAddress, message: "unsupported address \"\(text)\"; use unix:PATH or a path")
        }
        guard !rest.isEmpty else {
            throw VarlinkClientError(code: .invalidAddress, message: "address \"\(text)\" has no path")
        }
        guard !rest.hasPrefix("@") else {
            throw VarlinkClientError(code: .invalidAddress, message: "abstract sockets are not supported")
        }
        self = .unixSocket(path: String(rest))
    }
}
