import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// The sockets the service manager passed (socket activation), through
/// `sd_listen_fds_with_names(3)`.
///
/// Honours `LISTEN_PID` (the variables are ignored unless they name this process),
/// `LISTEN_FDS` and `LISTEN_FDNAMES`, and unsets them so children do not inherit them.
public struct ListenedSockets: Sendable {
    /// One passed descriptor and the name `FileDescriptorName=` gave it (`unknown` when none).
    public struct Socket: Sendable, Hashable {
        public var descriptor: Int32
        public var name: String
        /// Whether it is a listening stream socket (what a server can accept on).
        public var isListeningStream: Bool
    }

    /// The passed descriptors, in order (from `SD_LISTEN_FDS_START`, 3).
    public let sockets: [Socket]

    /// Reads and consumes the passed descriptors. Call once, early.
    public static func take() -> ListenedSockets {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(1, &names)
        defer {
            if let names {
                for index in 0..<Int(max(count, 0)) { free(names[index]) }
                free(names)
            }
        }
        guard count > 0 else { return ListenedSockets(sockets: []) }
        let sockets = (0..<Int(count)).map { index -> Socket in
            let descriptor = Int32(SD_LISTEN_FDS_START) + Int32(index)
            let name = names?[index].map { String(cString: $0) } ?? "unknown"
            return Socket(
                descriptor: descriptor, name: name,
                isListeningStream: csystemd_is_listening_stream_socket(descriptor) > 0)
        }
        return ListenedSockets(sockets: sockets)
    }

    public init(sockets: [Socket]) {
        self.sockets = sockets
    }

    /// The socket a server should adopt: the one named `name`, else the first listening
    /// stream socket.
    public func serverSocket(named name: String) -> Socket? {
        sockets.first { $0.name == name && $0.isListeningStream } ?? sockets.first(where: \.isListeningStream)
    }
}
