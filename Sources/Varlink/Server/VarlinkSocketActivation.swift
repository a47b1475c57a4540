#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds a listening socket passed by systemd socket activation (`sd_listen_fds(3)`).
public enum VarlinkSocketActivation {
    /// The first file descriptor systemd passes.
    public static let firstDescriptor: Int32 = 3

    /// The descriptor of the passed socket to serve Varlink on, or `nil` when the process was
    /// not socket-activated.
    ///
    /// `LISTEN_PID` must be this process. With one passed descriptor it is used whatever its
    /// name; with several, the one named `name` in `LISTEN_FDNAMES` (set `FileDescriptorName=`
    /// in the `.socket` unit). The descriptor must be a socket; it is marked close-on-exec.
    ///
    /// - Parameters:
    ///   - name: The descriptor name to look for when several are passed.
    ///   - unsetEnvironment: Whether to remove `LISTEN_PID`, `LISTEN_FDS` and
    ///     `LISTEN_FDNAMES` afterwards so child processes do not see them.
    public static func listeningDescriptor(named name: String = "varlink", unsetEnvironment: Bool = true) -> Int32? {
        let names = ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"]
        var environment: [String: String] = [:]
        for variable in names {
            environment[variable] = Self.environment(variable)
        }
        if unsetEnvironment {
            for variable in names {
                unsetenv(variable)
            }
        }
        return listeningDescriptor(named: name, environment: environment, processID: getpid())
    }

    /// ``listeningDescriptor(named:unsetEnvironment:)`` on given variables, for testing.
    static func listeningDescriptor(named name: String, environment: [String: String], processID: Int32) -> Int32? {
        guard let pidText = environment["LISTEN_PID"], let pid = Int32(pidText), pid == processID,
            let countText = environment["LISTEN_FDS"], let count = Int32(countText), count >= 1, count < 4096
        else {
            return nil
        }
        let descriptor: Int32
        if count == 1 {
            descriptor = firstDescriptor
        } else {
            let names = (environment["LISTEN_FDNAMES"] ?? "").split(separator: ":", omittingEmptySubsequences: false)
            guard names.count == Int(count), let position = names.firstIndex(where: { $0 == name }) else {
                return nil
            }
            descriptor = firstDescriptor + Int32(position)
        }
        guard isSocket(descriptor) else { return nil }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return descriptor
    }

    /// Whether `descriptor` is an open socket.
    static func isSocket(_ descriptor: Int32) -> Bool {
        guard descriptor >= 0 else { return false }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFSOCK
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}
