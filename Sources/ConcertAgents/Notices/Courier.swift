import ConcertStore
import Foundation
import Logging

/// The agent that delivers what the outbox holds: it takes the pending notices that are due
/// (their quiet-hours hold and their next attempt reached), hands each to its channel, and
/// records the outcome — delivered, or a failed attempt and when to try again, or after the
/// retry limit (or a permanent refusal) `failed`, the dead-letter state.
///
/// It wakes through the shared ``Timeline`` at the earliest due time, so virtual time drives
/// its retries and nothing polls. Delivery is at least once: a crash between a delivery and
/// its record delivers that notice again with the same bytes (a Maildir skips a file that is
/// there; an SMTP relay receives the identical message, same Message-ID).
public actor Courier {
    /// The timeline key of the courier's next wake-up.
    static let timelineKey = "notices.courier"
    /// Notices taken from the outbox per step.
    static let batch = 100

    public let outbox: any NoticeOutbox
    public let feed: NoticeFeed
    public let policy: NoticeRetryPolicy
    private let timeline: Timeline
    private let channels: NoticeChannels
    private let logger: Logger
    private var sweeping = false
    private var sweepAgain = false
    /// Notices newly handed to a channel since start.
    public private(set) var deliveries = 0
    /// Failed attempts since start.
    public private(set) var failedAttempts = 0

    public init(
        outbox: any NoticeOutbox, timeline: Timeline, channels: NoticeChannels, policy: NoticeRetryPolicy = .standard,
        feed: NoticeFeed = NoticeFeed(), logger: Logger
    ) {
        self.outbox = outbox
        self.timeline = timeline
        self.channels = channels
        self.policy = policy
        self.feed = feed
        self.logger = logger
    }

    /// Schedules the first wake-up for what the outbox already holds (after a restart).
    public func start() async {
        await scheduleNext()
    }

    /// Tells the courier (and the followers) about notices just stored.
    public func stored(_ notices: [OutboxNotice]) async {
        guard !notices.isEmpty else { return }
        await feed.publish(notices)
        await scheduleNext()
    }

    /// Takes a notice back to pending, due now, with its attempts reset.
    ///
    /// - Returns: The notice as it now stands; nil when there is no such notice.
    public func redeliver(id: String) async throws -> OutboxNotice? {
        guard let notice = try await outbox.redeliver(id: id, at: timeline.clock.now) else { return nil }
        logger.info("notice to be redelivered", metadata: ["id": "\(id)", "recipient": "\(notice.recipient)"])
        await feed.publish([notice])
        await scheduleNext()
        return notice
    }

    /// Wakes at the earliest due time, or not at all when nothing is pending.
    private func scheduleNext() async {
        do {
            if let due = try await outbox.nextDue() {
                await timeline.schedule(Self.timelineKey, at: due) { [weak self] at in await self?.sweep(at: at) }
            } else {
                await timeline.cancel(Self.timelineKey)
            }
        } catch {
            logger.error("cannot read the notice outbox", metadata: ["error": "\(error)"])
        }
    }

    /// Delivers every notice due now, then schedules the next wake-up.
    func sweep(at instant: Date) async {
        if sweeping {
            sweepAgain = true
            return
        }
        sweeping = true
        defer { sweeping = false }
        repeat {
            sweepAgain = false
            let now = max(instant, timeline.clock.now)
            let due: [OutboxNotice]
            do {
                due = try await outbox.due(at: now, limit: Self.batch)
            } catch {
                logger.error("cannot read the notices due", metadata: ["error": "\(error)"])
                break
            }
            for notice in due {
                if Task.isCancelled { return }
                await attempt(notice)
            }
            if due.count == Self.batch { sweepAgain = true }
        } while sweepAgain
        await scheduleNext()
    }

    /// One attempt at one notice, and its record.
    private func attempt(_ notice: OutboxNotice) async {
        let metadata: Logger.Metadata = [
            "id": "\(notice.id)", "recipient": "\(notice.recipient)", "kind": "\(notice.kind)", "channel": "\(notice.channel)",
            "about": "\(notice.subjectID)",
        ]
        do {
            let fresh = try await channels.deliver(notice)
            if fresh { deliveries += 1 }
            guard let recorded = try await outbox.recordDelivered(id: notice.id, at: timeline.clock.now) else { return }
            logger.info(fresh ? "notice delivered" : "notice was already delivered", metadata: metadata)
            await feed.publish([recorded])
        } catch let failure as DeliveryFailure {
            failedAttempts += 1
            let attempts = notice.attempts + 1
            let next = failure.permanent ? nil : policy.nextAttempt(afterAttempts: attempts, at: timeline.clock.now)
            var details = metadata
            details["error"] = "\(failure)"
            details["attempts"] = "\(attempts)"
            if let next {
                details["next_attempt"] = "\(next)"
                logger.warning("notice not delivered; will retry", metadata: details)
            } else {
                logger.error("notice not delivered; given up", metadata: details)
            }
            do {
                if let recorded = try await outbox.recordFailure(id: notice.id, error: failure.description, nextAttempt: next) {
                    await feed.publish([recorded])
                }
            } catch {
                logger.error("cannot record a failed attempt", metadata: ["id": "\(notice.id)", "error": "\(error)"])
            }
        } catch {
            logger.error("cannot record a delivery", metadata: ["id": "\(notice.id)", "error": "\(error)"])
        }
    }
}
