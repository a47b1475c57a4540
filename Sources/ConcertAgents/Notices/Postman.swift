import ConcertCore
import ConcertNotices
import ConcertStore
import Foundation
import Logging
import Mail

/// The agent that composes notices: it follows the log, composes the notices each event causes,
/// and stores them in the outbox with the cursor (the last event composed) in one transaction;
/// the ``Courier`` delivers them from there.
///
/// Composing is exactly once: an event's notices and the cursor move together, and a notice's
/// id (its Message-ID) depends only on its event, so an event offered again after a crash adds
/// nothing. Each notice records its recipient's channel and, when its event came outside the
/// plan's working hours, is held until the next opening (quiet hours; the same rule for every
/// kind of notice, convocations and cancellations included). With a digest period
/// (`monitoring.digest`), a digestible notice (task, reminder, overdue, escalation) is held
/// instead until its recipient's next digest time, with its part in the digest beside it.
public actor Postman {
    /// Events read from the log per step when catching up.
    static let catchUpBatch = 500
    /// Longest wait between two attempts at storing notices when the database fails.
    static let maximumBackoff: Duration = .seconds(300)

    private let ledger: Ledger
    private let store: any EventStore
    private let outbox: any NoticeOutbox
    private let courier: Courier?
    private let composer: NoticeComposer
    private let sender: MailAddress
    private let logger: Logger
    private var events: AsyncThrowingStream<RecordedPlanEvent, any Error>?
    /// The postman's own fold of the log, so each notice is composed against the state right
    /// after its event even when the postman runs behind the ledger.
    private var state: PlanState?
    /// The plan's business calendar, for quiet hours; nil when the plan declares none usable.
    private var calendar: BusinessCalendar?
    private var calendarRead = false
    /// The last event whose notices are in the outbox.
    public private(set) var composed: Int64 = 0
    /// Notices stored since start.
    public private(set) var stored = 0

    public init(
        ledger: Ledger, store: any EventStore, outbox: any NoticeOutbox, courier: Courier?, planID: String,
        sender: MailAddress, logger: Logger
    ) {
        self.ledger = ledger
        self.store = store
        self.outbox = outbox
        self.courier = courier
        self.composer = NoticeComposer(planID: planID)
        self.sender = sender
        self.logger = logger
    }

    /// Reads where composing stopped and subscribes to the log; call before `run()`.
    public func start() async {
        if events == nil {
            let (current, stream) = await ledger.subscribeWithState()
            state = current
            events = stream
        }
        var backoff: Duration = .milliseconds(100)
        while !Task.isCancelled {
            do {
                composed = try await outbox.cursor()
                return
            } catch {
                logger.error("cannot read the notice cursor; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, Self.maximumBackoff)
            }
        }
    }

    /// Composes what the log holds beyond the cursor, then follows it until cancelled.
    public func run() async {
        if events == nil { await start() }
        guard let events else { return }
        self.events = nil
        do {
            try await catchUp()
            for try await recorded in events {
                state?.evolve(recorded)
                if recorded.sequence > composed { try await handle(recorded) }
            }
        } catch is CancellationError {
            return
        } catch {
            logger.warning("postman fell behind the live stream; catching up from the log", metadata: ["error": "\(error)"])
            await start()
            await run()
        }
    }

    /// Composes the events logged before the subscription that are beyond the cursor, against
    /// the state at subscription.
    private func catchUp() async throws {
        let end = state?.lastSequence ?? 0
        while composed < end {
            let rows = try await store.events(after: composed, limit: Self.catchUpBatch)
            if rows.isEmpty { return }
            for row in rows where row.sequence <= end { try await handle(try RecordedPlanEvent(row)) }
            if let last = rows.last, last.sequence >= end { return }
        }
    }

    /// Composes one event's notices and stores them with the cursor, retrying with backoff
    /// until the database takes them.
    private func handle(_ recorded: RecordedPlanEvent) async throws {
        let current: PlanState
        if let state { current = state } else { current = await ledger.currentState }
        let entries = outboxEntries(for: composer.notices(for: recorded, in: current), in: current)
        var backoff: Duration = .seconds(1)
        while true {
            try Task.checkCancellation()
            do {
                let inserted = try await outbox.insert(entries, through: recorded.sequence)
                composed = max(composed, recorded.sequence)
                stored += inserted.count
                for notice in inserted {
                    logger.debug(
                        "notice composed",
                        metadata: [
                            "id": "\(notice.id)", "kind": "\(notice.kind)", "recipient": "\(notice.recipient)",
                            "channel": "\(notice.channel)", "not_before": "\(notice.notBefore)",
                        ])
                }
                await courier?.stored(inserted)
                return
            } catch {
                logger.error(
                    "could not store notices; retrying",
                    metadata: ["sequence": "\(recorded.sequence)", "error": "\(error)", "retry_in": "\(backoff)"])
                try await Task.sleep(for: backoff)
                backoff = min(backoff * 2, Self.maximumBackoff)
            }
        }
    }

    /// The notices as outbox entries: serialized once, with their channel and quiet-hours hold.
    private func outboxEntries(for notices: [Notice], in state: PlanState) -> [OutboxNotice] {
        if !calendarRead {
            calendarRead = true
            calendar = try? state.plan.businessCalendar()
        }
        var entries: [OutboxNotice] = []
        for notice in notices {
            let point = state.focalPoint(notice.recipient)
            let channel = point?.noticeChannel ?? .maildir
            let data: Data
            do {
                data =
                    channel == .journal
                    ? try JournalNotice.encoded(JournalNotice.fields(for: notice))
                    : try NoticeMail.message(for: notice, from: sender).serialized()
            } catch {
                logger.error(
                    "cannot write a notice as mail; skipped",
                    metadata: ["message_id": "\(notice.messageID)", "error": "\(error)"])
                continue
            }
            // The journal is a log, read by machines: its entries are neither held nor digested.
            var notBefore = channel == .journal ? notice.date : calendar?.nextWorkingTime(atOrAfter: notice.date) ?? notice.date
            var digestPart: Data?
            if channel != .journal, DigestComposer.isDigestible(notice.kind), let calendar,
                let time = DigestComposer.nextDigestTime(
                    after: notice.date, period: state.plan.monitoring.digest, calendar: calendar)
            {
                notBefore = time
                digestPart = DigestComposer.Part(
                    notice: notice, language: point?.language ?? "en", plan: state.plan.title
                ).encoded()
            }
            entries.append(
                OutboxNotice(
                    id: notice.messageID, recipient: notice.recipient.rawValue, kind: notice.kind.rawValue,
                    subjectID: notice.subjectID, subjectLine: notice.subject, sequence: notice.sequence,
                    created: notice.date, channel: channel.rawValue,
                    address: notice.recipientEmail, fileName: notice.fileName, notBefore: notBefore, message: data,
                    digestPart: digestPart))
        }
        return entries
    }
}
