import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension VarlinkPeerCredentials {
    /// Reads the peer credentials of a connected Unix socket channel with `SO_PEERCRED`.
    ///
    /// - Returns: A future for the credentials; `nil` when the platform or the socket does not
    ///   provide them. Never fails.
    static func read(from channel: any Channel) -> EventLoopFuture<VarlinkPeerCredentials?> {
        #if os(Linux)
            guard let provider = channel as? any SocketOptionProvider else {
                return channel.eventLoop.makeSucceededFuture(nil)
            }
            let future: EventLoopFuture<LinuxPeerCredentials> = provider.unsafeGetSocketOption(
                level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
            return future.map { raw -> VarlinkPeerCredentials? in
                VarlinkPeerCredentials(pid: raw.pid, uid: raw.uid, gid: raw.gid)
            }.recover { _ in nil }
        #else
            return channel.eventLoop.makeSucceededFuture(nil)
        #endif
    }
}

#if os(Linux)
    /// The layout of Linux's `struct ucred`, which the Glibc module does not import.
    private struct LinuxPeerCredentials: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }
#endif
