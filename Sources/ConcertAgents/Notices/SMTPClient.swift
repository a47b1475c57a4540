import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal SMTP submission client (RFC 5321) for a trusted relay: greeting, `EHLO` (falling
/// back to `HELO`), `MAIL FROM`, `RCPT TO`, `DATA` with dot-stuffing, `QUIT`. Plain TCP only:
/// no TLS, no authentication.
///
/// It is written on blocking POSIX sockets with timeouts, run on a Dispatch queue by the caller
/// (``NoticeChannels``), rather than on SwiftNIO: one message is one strictly sequential
/// command-and-reply dialog, which a blocking loop states in a few dozen lines that read like
/// the RFC, while NIO would need a handler state machine for the same thing. It never runs on
/// Swift's cooperative pool.
public struct SMTPClient: Sendable, Hashable {
    /// Where to submit: a host name or address and a port.
    public struct Relay: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: UInt16

        public init(host: String, port: UInt16) {
            self.host = host
            self.port = port
        }

        /// `HOST:PORT` (`[v6]:PORT` for an IPv6 address); nil when it cannot be read.
        public init?(parsing text: String) {
            var host: Substring
            let portText: Substring
            if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
                host = text[text.index(after: text.startIndex)..<close]
                let rest = text[text.index(after: close)...]
                guard rest.hasPrefix(":") else { return nil }
                portText = rest.dropFirst()
            } else {
                guard let colon = text.lastIndex(of: ":") else { return nil }
                host = text[..<colon]
                portText = text[text.index(after: colon)...]
            }
            host = host.trimmingPrefix(" ")
            guard !host.isEmpty, !host.contains(where: \.isWhitespace), let port = UInt16(portText), port > 0 else {
                return nil
            }
            self.init(host: String(host), port: port)
        }

        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    public var relay: Relay
    /// The name this client gives in `EHLO`.
    public var clientName: String
    /// How long to wait to connect, and for each reply or write.
    public var timeout: Duration

    public init(relay: Relay, clientName: String = "concertd.localdomain", timeout: Duration = .seconds(30)) {
        self.relay = relay
        self.clientName = clientName
        self.timeout = timeout
    }

    /// Submits one message to `recipients` from `sender` (bare addresses), blocking until the
    /// relay has accepted it or refused it.
    ///
    /// - Throws: ``SMTPError``: transient (a 4xx reply, no connection, a timeout) or permanent
    ///   (a 5xx reply), with the server's text.
    public func send(_ message: Data, from sender: String, to recipients: [String]) throws(SMTPError) {
        for address in [sender] + recipients where address.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "<" || $0 == ">" }) {
            throw SMTPError(.permanent, "the address '\(address)' cannot be sent over SMTP")
        }
        guard !recipients.isEmpty else { throw SMTPError(.permanent, "no recipient") }
        let connection = try SMTPConnection(relay: relay, timeout: timeout)
        defer { connection.close() }
        try connection.expect([220], after: "connecting")
        do {
            try connection.command("EHLO \(clientName)", expecting: [250])
        } catch let error where error.kind == .permanent {
            try connection.command("HELO \(clientName)", expecting: [250])
        }
        try connection.command("MAIL FROM:<\(sender)>", expecting: [250])
        for recipient in recipients {
            try connection.command("RCPT TO:<\(recipient)>", expecting: [250, 251])
        }
        try connection.command("DATA", expecting: [354])
        try connection.write(Self.dataSection(message))
        try connection.expect([250], after: "the message")
        try? connection.command("QUIT", expecting: [221])
    }

    /// The message as a DATA section: every line ending CRLF, a line that starts with "." given
    /// another one, and the CRLF "." CRLF terminator.
    public static func dataSection(_ message: Data) -> Data {
        var out = Data()
        out.reserveCapacity(message.count + message.count / 50 + 5)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in message {
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\r"))
            }
            if atLineStart && byte == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
            previous = byte
        }
        if !atLineStart {
            if previous == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
            } else {
                out.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
            }
        }
        out.append(contentsOf: Array(".\r\n".utf8))
        return out
    }
}

/// Why a submission did not go through.
public struct SMTPError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// Worth retrying later: a 4xx reply, a connection refused or cut, a timeout.
        case transient
        /// The relay refused it for good: a 5xx reply.
        case permanent
    }

    public var kind: Kind
    /// The reply code, when the server gave one.
    public var code: Int?
    public var message: String

    public init(_ kind: Kind, code: Int? = nil, _ message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// One blocking TCP connection to the relay, reading replies line by line.
private final class SMTPConnection {
    private let fd: Int32
    private let relay: SMTPClient.Relay
    private var buffer: [UInt8] = []

    init(relay: SMTPClient.Relay, timeout: Duration) throws(SMTPError) {
        self.relay = relay
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(relay.host, String(relay.port), &hints, &list)
        guard status == 0, let list else {
            throw SMTPError(.transient, "cannot resolve the SMTP relay \(relay): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        let millis = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var lastError = "no address"
        var candidate: UnsafeMutablePointer<addrinfo>? = list
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = String(cString: strerror(errno))
                continue
            }
            if let failure = Self.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen, millis: millis) {
                lastError = failure
                Glibc.close(fd)
                continue
            }
            var limit = timeval(tv_sec: Int(millis / 1000), tv_usec: Int(millis % 1000) * 1000)
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            self.fd = fd
            return
        }
        throw SMTPError(.transient, "cannot connect to the SMTP relay \(relay): \(lastError)")
    }

    /// Connects within `millis`; nil on success, else why not.
    private static func connect(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>, _ length: socklen_t, millis: Int32)
        -> String?
    {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(fd, F_SETFL, flags) }
        if Glibc.connect(fd, address, length) == 0 { return nil }
        guard errno == EINPROGRESS else { return String(cString: strerror(errno)) }
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&poller, 1, millis)
        if ready == 0 { return "timed out after \(millis) ms" }
        if ready < 0 { return String(cString: strerror(errno)) }
        var failure: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &size)
        return failure == 0 ? nil : String(cString: strerror(failure))
    }

    func close() {
        Glibc.close(fd)
    }

    func write(_ data: Data) throws(SMTPError) {
        let failure: String? = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno == EAGAIN || errno == EWOULDBLOCK ? "timed out writing" : String(cString: strerror(errno))
                }
                offset += n
            }
            return nil
        }
        if let failure { throw SMTPError(.transient, "lost the SMTP relay \(relay): \(failure)") }
    }

    func command(_ line: String, expecting codes: Set<Int>) throws(SMTPError) {
        try write(Data((line + "\r\n").utf8))
        let verb = line.split(separator: " ").first.map(String.init) ?? line
        try expect(codes, after: verb.hasPrefix("MAIL") || verb.hasPrefix("RCPT") ? String(line.prefix(4)) : verb)
    }

    /// Reads one reply (all its lines) and checks its code.
    func expect(_ codes: Set<Int>, after step: String) throws(SMTPError) {
        var lines: [String] = []
        var code = 0
        while true {
            let line = try readLine()
            let digits = line.prefix(3)
            guard digits.count == 3, let value = Int(digits) else {
                throw SMTPError(.transient, "the SMTP relay \(relay) sent a malformed reply after \(step): \(line.prefix(200))")
            }
            code = value
            lines.append(String(line.dropFirst(4)))
            if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { break }
        }
        if codes.contains(code) { return }
        let text = "\(code) \(lines.joined(separator: " "))".trimmingCharacters(in: .whitespaces)
        let message = "the SMTP relay \(relay) answered \(step) with \(text)"
        throw SMTPError((500..<600).contains(code) ? .permanent : .transient, code: code, message)
    }

    private func readLine() throws(SMTPError) -> String {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 64 * 1024 else {
                throw SMTPError(.transient, "the SMTP relay \(relay) sent a line longer than 64 KiB")
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                buffer.append(contentsOf: chunk[..<n])
            } else if n == 0 {
                throw SMTPError(.transient, "the SMTP relay \(relay) closed the connection")
            } else if errno != EINTR {
                let reason = errno == EAGAIN || errno == EWOULDBLOCK ? "timed out waiting for a reply" : String(cString: strerror(errno))
                throw SMTPError(.transient, "the SMTP relay \(relay): \(reason)")
            }
        }
    }
}
