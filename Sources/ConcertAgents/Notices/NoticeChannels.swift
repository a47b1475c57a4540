import ConcertStore
import Dispatch
import Foundation
import Mail
import Systemd

/// The ways a notice leaves the daemon: into its recipient's Maildir, to an SMTP relay, or into
/// the systemd journal.
///
/// Both block (file system calls, a TCP dialog), so each delivery runs on a Dispatch queue of
/// its own, never on Swift's cooperative pool.
public struct NoticeChannels: Sendable {
    /// The Maildir root: one Maildir per focal point underneath (`<root>/<focal point id>/`).
    public var maildirRoot: URL
    /// The SMTP client for the configured relay; nil when the daemon has none.
    public var smtp: SMTPClient?
    /// The envelope sender for SMTP (a bare address).
    public var sender: String

    public init(maildirRoot: URL, smtp: SMTPClient? = nil, sender: String) {
        self.maildirRoot = maildirRoot
        self.smtp = smtp
        self.sender = sender
    }

    private static let queue = DispatchQueue(label: "concert.notices.delivery", qos: .utility, attributes: .concurrent)

    /// Delivers one notice's message through its channel.
    ///
    /// - Returns: Whether it was newly delivered (false when its Maildir file was there already).
    /// - Throws: ``DeliveryFailure``.
    func deliver(_ notice: OutboxNotice) async throws(DeliveryFailure) -> Bool {
        let channels = self
        let result: Result<Bool, DeliveryFailure> = await withCheckedContinuation { continuation in
            Self.queue.async {
                continuation.resume(returning: Result { () throws(DeliveryFailure) in try channels.deliverBlocking(notice) })
            }
        }
        return try result.get()
    }

    private func deliverBlocking(_ notice: OutboxNotice) throws(DeliveryFailure) -> Bool {
        switch notice.channel {
        case "maildir":
            let maildir = Maildir(root: maildirRoot.appendingPathComponent(notice.recipient, isDirectory: true))
            do {
                switch try maildir.deliver(notice.message, uniqueName: notice.fileName) {
                case .delivered: return true
                case .alreadyPresent: return false
                }
            } catch {
                throw DeliveryFailure("cannot write to the Maildir of \(notice.recipient): \(error)", permanent: false)
            }
        case "smtp":
            guard let smtp else {
                throw DeliveryFailure(
                    "\(notice.recipient) receives notices by SMTP but concertd has no relay (start it with --smtp-relay HOST:PORT)",
                    permanent: true)
            }
            guard let address = notice.address else {
                throw DeliveryFailure("\(notice.recipient) receives notices by SMTP but has no e-mail address", permanent: true)
            }
            do {
                try smtp.send(notice.message, from: sender, to: [address])
                return true
            } catch {
                throw DeliveryFailure(error.message, permanent: error.kind == .permanent)
            }
        case "journal":
            guard let fields = JournalNotice.decoded(notice.message) else {
                throw DeliveryFailure("the notice's journal entry cannot be read", permanent: true)
            }
            let result = JournalLogHandler.send(fields)
            guard result >= 0 else {
                throw DeliveryFailure("journald cannot be reached (errno \(-result))", permanent: false)
            }
            return true
        default:
            throw DeliveryFailure("unknown channel '\(notice.channel)'", permanent: true)
        }
    }
}

/// Why one delivery attempt failed; a permanent failure is not retried.
struct DeliveryFailure: Error, CustomStringConvertible {
    var description: String
    var permanent: Bool

    init(_ description: String, permanent: Bool) {
        self.description = description
        self.permanent = permanent
    }
}
