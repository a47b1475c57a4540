import CSystemd

/// Tells the service manager how the service is doing, through `sd_notify(3)`.
///
/// Every call is a no-op when `NOTIFY_SOCKET` is not set, so the same code runs under
/// systemd and in a terminal.
public struct ServiceNotifier: Sendable {
    /// Whether a service manager listens (`NOTIFY_SOCKET` was set when this was made).
    public let isSupervised: Bool

    /// - Parameter environment: the process environment; `NOTIFY_SOCKET` decides.
    public init(environment: [String: String]) {
        isSupervised = !(environment["NOTIFY_SOCKET"] ?? "").isEmpty
    }

    /// `READY=1`: start-up (or a reload) is complete and the service serves.
    public func ready(status: String? = nil) {
        send(["READY=1"] + (status.map { ["STATUS=" + Self.oneLine($0)] } ?? []))
    }

    /// `STATUS=`: a line of free text that `systemctl status` shows.
    public func status(_ text: String) {
        send(["STATUS=" + Self.oneLine(text)])
    }

    /// `WATCHDOG=1`: the service is alive.
    public func watchdog() {
        send(["WATCHDOG=1"])
    }

    /// `RELOADING=1` with `MONOTONIC_USEC=`, which systemd 253 and later require to match the
    /// reload to its request; end the reload with ``ready(status:)``.
    public func reloading() {
        send(["RELOADING=1", "MONOTONIC_USEC=\(csystemd_monotonic_usec())"])
    }

    /// `STOPPING=1`: the service is shutting down.
    public func stopping() {
        send(["STOPPING=1"])
    }

    /// The watchdog's interval (`WATCHDOG_USEC`, honouring `WATCHDOG_PID`), or nil when no
    /// watchdog supervises this process. Ping at half of it.
    public var watchdogInterval: Duration? {
        guard isSupervised else { return nil }
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(clamping: usec))
    }

    private func send(_ assignments: [String]) {
        guard isSupervised else { return }
        _ = sd_notify(0, assignments.joined(separator: "\n"))
    }

    /// A status is one line: newlines would start new assignments.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
