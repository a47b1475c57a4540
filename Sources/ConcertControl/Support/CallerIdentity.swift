import ConcertCore
import Foundation
import Varlink

#if canImport(Glibc)
    import Glibc
#endif

/// Who is calling, from the socket's peer credentials.
enum CallerIdentity {
    /// The author of a caller's commands. Every local caller who can open the socket acts as
    /// a coordinator: the socket's file mode and group decide who that is.
    static func author(_ peer: VarlinkPeerCredentials?) -> Author {
        guard let peer else { return Author.user(uid: UInt32.max, name: "unknown", role: .observer) }
        return Author.user(uid: peer.uid, name: userName(peer.uid), role: .coordinator)
    }

    /// The user name for a uid, or the uid as text when it has none.
    static func userName(_ uid: UInt32) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard status == 0, result != nil, let name = entry.pw_name else { return String(uid) }
        return String(cString: name)
    }
}
