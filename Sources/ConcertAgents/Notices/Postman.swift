import ConcertCore
import ConcertNotices
import ConcertStore
import Foundation
import Logging
import Mail

#if canImport(Glibc)
    import Glibc
#endif

/// The agent that delivers notices: it follows the log, composes the notices each event
/// causes, and delivers each into its recipient's Maildir (`<root>/<focal point id>/`).
///
/// Delivery is at least once and never doubled: a notice's file name and Message-ID depend only
/// on its event, a delivery that finds the file already there (in `new/` or read, in `cur/`)
/// skips it, and the last event handled is recorded in `<root>/.delivered` only after its
/// notices are on disk. After a crash the events since are composed and offered again.
public actor Postman {
    /// Events read from the log per step when catching up.
    static let catchUpBatch = 500
    /// Longest wait between two attempts at a delivery that failed.
    static let maximumBackoff: Duration = .seconds(300)

    private let ledger: Ledger
    private let store: any EventStore
    private let composer: NoticeComposer
    private let root: URL
    private let sender: MailAddress
    private let logger: Logger
    private var events: AsyncThrowingStream<RecordedPlanEvent, any Error>?
    /// The postman's own fold of the log, so each notice is composed against the state right
    /// after its event even when the postman runs behind the ledger.
    private var state: PlanState?
    /// The last event whose notices are all delivered.
    public private(set) var delivered: Int64 = 0
    /// Notices delivered since start.
    public private(set) var deliveries = 0

    public init(
        ledger: Ledger, store: any EventStore, planID: String, root: URL, sender: MailAddress, logger: Logger
    ) {
        self.ledger = ledger
        self.store = store
        self.composer = NoticeComposer(planID: planID)
        self.root = root
        self.sender = sender
        self.logger = logger
    }

    private var cursorURL: URL { root.appendingPathComponent(".delivered") }

    /// Reads where delivery stopped and subscribes to the log; call before `run()`.
    public func start() async {
        if events == nil {
            let (current, stream) = await ledger.subscribeWithState()
            state = current
            events = stream
        }
        if let text = try? String(contentsOf: cursorURL, encoding: .utf8),
            let value = Int64(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            delivered = value
        }
    }

    /// Delivers what the log holds beyond the cursor, then follows it until cancelled.
    public func run() async {
        if events == nil { await start() }
        guard let events else { return }
        self.events = nil
        do {
            try await catchUp()
            for try await recorded in events {
                state?.evolve(recorded)
                if recorded.sequence > delivered { try await handle(recorded) }
            }
        } catch is CancellationError {
            return
        } catch {
            logger.warning("postman fell behind the live stream; catching up from the log", metadata: ["error": "\(error)"])
            await start()
            await run()
        }
    }

    /// Delivers the events logged before the subscription that have no notices on record yet
    /// (a crash came between their delivery and the cursor), against the state at subscription.
    private func catchUp() async throws {
        let end = state?.lastSequence ?? 0
        while delivered < end {
            let rows = try await store.events(after: delivered, limit: Self.catchUpBatch)
            if rows.isEmpty { return }
            for row in rows where row.sequence <= end { try await handle(try RecordedPlanEvent(row)) }
            if let last = rows.last, last.sequence >= end { return }
        }
    }

    /// Composes and delivers one event's notices, retrying with backoff until they are on disk.
    private func handle(_ recorded: RecordedPlanEvent) async throws {
        let current: PlanState
        if let state { current = state } else { current = await ledger.currentState }
        let notices = composer.notices(for: recorded, in: current)
        var backoff: Duration = .seconds(1)
        while true {
            try Task.checkCancellation()
            do {
                for notice in notices { try deliver(notice) }
                try saveCursor(recorded.sequence)
                delivered = recorded.sequence
                return
            } catch {
                logger.error(
                    "could not deliver notices; retrying",
                    metadata: ["sequence": "\(recorded.sequence)", "error": "\(error)", "retry_in": "\(backoff)"])
                try await Task.sleep(for: backoff)
                backoff = min(backoff * 2, Self.maximumBackoff)
            }
        }
    }

    private func deliver(_ notice: Notice) throws {
        let maildir = Maildir(root: root.appendingPathComponent(notice.recipient.rawValue, isDirectory: true))
        let data = try NoticeMail.message(for: notice, from: sender).serialized()
        switch try maildir.deliver(data, uniqueName: notice.fileName) {
        case .delivered:
            deliveries += 1
            logger.info(
                "notice delivered",
                metadata: [
                    "kind": "\(notice.kind.rawValue)", "recipient": "\(notice.recipient)", "about": "\(notice.subjectID)",
                    "message_id": "\(notice.messageID)",
                ])
        case .alreadyPresent:
            logger.debug("notice already delivered", metadata: ["message_id": "\(notice.messageID)"])
        }
    }

    /// Records the cursor durably: a temporary file, flushed, renamed over the old one, and the
    /// folder flushed so the rename survives a crash.
    private func saveCursor(_ sequence: Int64) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let temporary = root.appendingPathComponent(".delivered.tmp").path
        let bytes = Array("\(sequence)\n".utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PostmanError("cannot write \(temporary): errno \(errno)") }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == bytes.count, synced == 0 else { throw PostmanError("cannot write \(temporary): errno \(errno)") }
        guard rename(temporary, cursorURL.path) == 0 else {
            throw PostmanError("cannot rename \(temporary): errno \(errno)")
        }
        let folder = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }
}

/// The postman could not record where it stands.
struct PostmanError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
