import NIOCore

/// A NIO inbound handler that turns a byte stream into NUL-delimited Varlink messages.
///
/// Each complete message (without its NUL) is passed on as one `ByteBuffer`. When a message
/// exceeds the size limit the handler fires ``VarlinkFrameError`` down the pipeline after the
/// messages that preceded it and ignores all further input, so the owner of the connection
/// can answer what came before and then close. When a partial message stays incomplete for
/// longer than the optional timeout, the handler closes the channel.
final class VarlinkFrameHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private var decoder: VarlinkFrameDecoder
    private let partialMessageTimeout: TimeAmount?
    private var timeoutTask: Scheduled<Void>?
    private var failed = false

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - maximumMessageSize: The largest message accepted, without its NUL.
    ///   - partialMessageTimeout: How long a started message may stay incomplete; `nil` for no
    ///     limit.
    init(maximumMessageSize: Int, partialMessageTimeout: TimeAmount? = nil) {
        self.decoder = VarlinkFrameDecoder(maximumMessageSize: maximumMessageSize)
        self.partialMessageTimeout = partialMessageTimeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        decoder.append(Self.unwrapInboundIn(data))
        do {
            while let message = try decoder.nextMessage() {
                context.fireChannelRead(Self.wrapInboundOut(message))
            }
        } catch {
            failed = true
            cancelTimeout()
            context.fireErrorCaught(error)
            return
        }
        updateTimeout(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimeout()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimeout()
    }

    private func updateTimeout(context: ChannelHandlerContext) {
        guard let partialMessageTimeout else { return }
        if decoder.hasPartialMessage {
            guard timeoutTask == nil else { return }
            let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
            timeoutTask = context.eventLoop.scheduleTask(in: partialMessageTimeout) {
                let (handler, context) = bound.value
                handler.timeoutTask = nil
                handler.failed = true
                context.fireErrorCaught(VarlinkFrameError.partialMessageTimeout)
                context.close(promise: nil)
            }
        } else {
            cancelTimeout()
        }
    }

    private func cancelTimeout() {
        timeoutTask?.cancel()
        timeoutTask = nil
    }
}
