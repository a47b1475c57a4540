import NIOCore

/// Splits a byte stream into Varlink messages at NUL bytes.
///
/// Feed it whatever the transport delivers with ``append(_:)`` (a message split over many
/// reads, or many messages in one read) and take complete messages with ``nextMessage()``.
/// A message longer than ``maximumMessageSize`` bytes (not counting the NUL) is an error, detected
/// as soon as that many bytes have arrived without a NUL, so a peer cannot make the buffer grow
/// without bound. After an error the decoder stays failed.
///
/// The decoder does no I/O; ``VarlinkFrameHandler`` wraps it for a NIO pipeline.
public struct VarlinkFrameDecoder: Sendable {
    /// The default cap on a message's size: 16 MiB, as systemd and libvarlink use.
    public static let defaultMaximumMessageSize = 16 * 1024 * 1024

    /// The largest message accepted, in bytes, without its NUL terminator.
    public let maximumMessageSize: Int

    private var buffer: ByteBuffer
    /// Bytes at the front of the readable region already known to hold no NUL.
    private var scanned = 0
    private var failure: VarlinkFrameError?

    /// Creates a decoder.
    ///
    /// - Parameter maximumMessageSize: The largest message accepted, without its NUL.
    public init(maximumMessageSize: Int = VarlinkFrameDecoder.defaultMaximumMessageSize) {
        self.maximumMessageSize = max(1, maximumMessageSize)
        self.buffer = ByteBuffer()
    }

    /// Whether bytes of an incomplete message are buffered.
    public var hasPartialMessage: Bool {
        buffer.readableBytes > 0
    }

    /// The number of buffered bytes not yet returned as messages.
    public var bufferedByteCount: Int {
        buffer.readableBytes
    }

    /// Appends bytes received from the transport.
    public mutating func append(_ bytes: ByteBuffer) {
        guard failure == nil else { return }
        var bytes = bytes
        buffer.writeBuffer(&bytes)
    }

    /// Appends bytes received from the transport.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        guard failure == nil else { return }
        buffer.writeBytes(bytes)
    }

    /// Returns the next complete message without its NUL terminator, or `nil` when more bytes
    /// are needed.
    ///
    /// - Throws: ``VarlinkFrameError`` when a message exceeds ``maximumMessageSize``; every later
    ///   call throws the same error.
    public mutating func nextMessage() throws(VarlinkFrameError) -> ByteBuffer? {
        if let failure {
            throw failure
        }
        let view = buffer.readableBytesView
        let searchStart = view.index(view.startIndex, offsetBy: scanned)
        guard let terminator = view[searchStart...].firstIndex(of: 0) else {
            scanned = view.count
            if scanned > maximumMessageSize {
                return try fail()
            }
            compactIfIdle()
            return nil
        }
        let length = view.distance(from: view.startIndex, to: terminator)
        guard length <= maximumMessageSize else {
            return try fail()
        }
        // Both reads are within the readable bytes just inspected.
        let message = buffer.readSlice(length: length) ?? ByteBuffer()
        buffer.moveReaderIndex(forwardBy: 1)
        scanned = 0
        compactIfIdle()
        return message
    }

    private mutating func fail() throws(VarlinkFrameError) -> ByteBuffer? {
        let error = VarlinkFrameError.messageTooLarge(limit: maximumMessageSize)
        failure = error
        buffer = ByteBuffer()
        scanned = 0
        throw error
    }

    /// Releases consumed bytes so a long-lived connection does not keep old storage alive.
    private mutating func compactIfIdle() {
        if buffer.readableBytes == 0 {
            buffer.clear()
        } else if buffer.readerIndex > 64 * 1024 {
            buffer.discardReadBytes()
        }
    }
}
