/// The credentials of the process at the other end of a Unix socket connection, as the kernel
/// reports them (`SO_PEERCRED`) for the moment the peer connected. They cannot be spoofed.
public struct VarlinkPeerCredentials: Sendable, Hashable, CustomStringConvertible {
    /// The peer's process id. It may have been reused if the peer has exited since.
    public let pid: Int32
    /// The peer's effective user id.
    public let uid: UInt32
    /// The peer's effective group id.
    public let gid: UInt32

    /// Creates credentials.
    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    public var description: String { "pid=\(pid) uid=\(uid) gid=\(gid)" }
}
