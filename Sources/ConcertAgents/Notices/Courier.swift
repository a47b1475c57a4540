import ConcertNotices
import ConcertStore
import Foundation
import Logging
import Mail

/// The agent that delivers what the outbox holds: it takes the pending notices that are due
/// (their quiet-hours hold and their next attempt reached), hands each to its channel, and
/// records the outcome — delivered, or a failed attempt and when to try again, or after the
/// retry limit (or a permanent refusal) `failed`, the dead-letter state.
///
/// It wakes through the shared ``Timeline`` at the earliest due time, so virtual time drives
/// its retries and nothing polls. Delivery is at least once: a crash between a delivery and
/// its record delivers that notice again with the same bytes (a Maildir skips a file that is
/// there; an SMTP relay receives the identical message, same Message-ID).
///
/// Digestible notices (those with a digest part) due together for one recipient go as one
/// digest message when there are two or more; one goes as itself. The notices are taken into
/// the digest (its id recorded on each) before it is delivered, and its Message-ID, Maildir
/// name, date and text depend only on them, so a crash between its delivery and its record
/// delivers the same digest again (a Maildir keeps the copy it has), and a notice is never in
/// two digests.
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
    /// The From of digests.
    private let sender: MailAddress?
    private let logger: Logger
    private var sweeping = false
    private var sweepAgain = false
    /// Notices newly handed to a channel since start.
    public private(set) var deliveries = 0
    /// Failed attempts since start.
    public private(set) var failedAttempts = 0

    public init(
        outbox: any NoticeOutbox, timeline: Timeline, channels: NoticeChannels, policy: NoticeRetryPolicy = .standard,
        feed: NoticeFeed = NoticeFeed(), sender: MailAddress? = nil, logger: Logger
    ) {
        self.outbox = outbox
        self.timeline = timeline
        self.channels = channels
        self.sender = sender ?? (try? MailAddress(name: "Concert", address: channels.sender))
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
            var digests: [String] = []
            var groups: [GroupKey: [OutboxNotice]] = [:]
            var order: [GroupKey] = []
            for notice in due {
                if Task.isCancelled { return }
                if let digest = notice.digest {
                    if !digests.contains(digest) { digests.append(digest) }
                } else if notice.digestPart != nil {
                    let key = GroupKey(recipient: notice.recipient, channel: notice.channel, address: notice.address)
                    if groups[key] == nil { order.append(key) }
                    groups[key, default: []].append(notice)
                } else {
                    await attempt(notice)
                }
            }
            for key in order {
                if Task.isCancelled { return }
                guard let group = groups[key] else { continue }
                if group.count == 1 {
                    await attempt(group[0])
                } else if !(await takeIntoDigest(group)) {
                    sweepAgain = true
                }
            }
            for digest in digests {
                if Task.isCancelled { return }
                await attemptDigest(digest)
            }
            if due.count == Self.batch { sweepAgain = true }
        } while sweepAgain
        await scheduleNext()
    }

    /// What notices must share to go in one digest.
    private struct GroupKey: Hashable {
        var recipient: String
        var channel: String
        var address: String?
    }

    /// Takes a recipient's notices into one digest and attempts it.
    ///
    /// - Returns: False when they could not all be taken (one changed meanwhile).
    private func takeIntoDigest(_ group: [OutboxNotice]) async -> Bool {
        let id = DigestComposer.messageID(recipient: group[0].recipient, ids: group.map(\.id))
        do {
            let taken = try await outbox.assignDigest(id, ids: group.map(\.id))
            guard !taken.isEmpty else { return false }
            await feed.publish(taken)
            await attemptDigest(id, members: taken)
            return true
        } catch {
            logger.error("cannot take notices into a digest", metadata: ["digest": "\(id)", "error": "\(error)"])
            return true
        }
    }

    /// One attempt at the digest `id` (its pending notices), and its record on each of them.
    private func attemptDigest(_ id: String, members known: [OutboxNotice]? = nil) async {
        let all: [OutboxNotice]
        do {
            if let known { all = known } else { all = try await outbox.notices(inDigest: id) }
        } catch {
            logger.error("cannot read a digest", metadata: ["digest": "\(id)", "error": "\(error)"])
            return
        }
        let pending = all.filter { $0.status == .pending }
        guard let first = pending.first else { return }
        let ids = pending.map(\.id)
        let metadata: Logger.Metadata = [
            "id": "\(id)", "recipient": "\(first.recipient)", "kind": "digest", "channel": "\(first.channel)",
            "notices": "\(ids.count)",
        ]
        let parts = all.compactMap { $0.digestPart.flatMap(DigestComposer.Part.decoded) }
        let delivery: OutboxNotice
        do {
            guard parts.count == all.count, let sender else {
                throw DeliveryFailure("the digest's notices cannot be read back", permanent: true)
            }
            let digest = DigestComposer.digest(recipient: first.recipient, parts: parts)
            let date = all.map(\.notBefore).max() ?? first.notBefore
            let message = try NoticeMail.message(
                for: digest, recipient: first.recipient, address: first.address, date: date, from: sender)
            delivery = OutboxNotice(
                id: id, recipient: first.recipient, kind: "digest", subjectID: first.recipient,
                subjectLine: digest.subject, sequence: all.map(\.sequence).max() ?? 0, created: date,
                channel: first.channel, address: first.address, fileName: digest.fileName, notBefore: date,
                message: try message.serialized())
        } catch let failure as DeliveryFailure {
            await recordDigestFailure(failure, ids: ids, attempts: pending.map(\.attempts).max() ?? 0, metadata)
            return
        } catch {
            let failure = DeliveryFailure("cannot write the digest as mail: \(error)", permanent: true)
            await recordDigestFailure(failure, ids: ids, attempts: pending.map(\.attempts).max() ?? 0, metadata)
            return
        }
        do {
            let fresh = try await channels.deliver(delivery)
            if fresh { deliveries += 1 }
            let recorded = try await outbox.recordDelivered(ids: ids, at: timeline.clock.now)
            guard !recorded.isEmpty else { return }
            logger.info(fresh ? "digest delivered" : "digest was already delivered", metadata: metadata)
            await feed.publish(recorded)
        } catch let failure as DeliveryFailure {
            await recordDigestFailure(failure, ids: ids, attempts: pending.map(\.attempts).max() ?? 0, metadata)
        } catch {
            logger.error("cannot record a digest's delivery", metadata: ["id": "\(id)", "error": "\(error)"])
        }
    }

    /// A failed attempt at a digest counts as an attempt at each of its notices.
    private func recordDigestFailure(
        _ failure: DeliveryFailure, ids: [String], attempts previous: Int, _ metadata: Logger.Metadata
    ) async {
        let next = nextAttempt(after: failure, attempts: previous + 1, what: "digest", metadata)
        do {
            let recorded = try await outbox.recordFailure(ids: ids, error: failure.description, nextAttempt: next)
            await feed.publish(recorded)
        } catch {
            logger.error("cannot record a failed attempt at a digest", metadata: ["id": metadata["id"] ?? "", "error": "\(error)"])
        }
    }

    /// Counts a failed attempt, logs it, and returns when to try again (nil: given up).
    private func nextAttempt(
        after failure: DeliveryFailure, attempts: Int, what: String, _ metadata: Logger.Metadata
    ) -> Date? {
        failedAttempts += 1
        let next = failure.permanent ? nil : policy.nextAttempt(afterAttempts: attempts, at: timeline.clock.now)
        var details = metadata
        details["error"] = "\(failure)"
        details["attempts"] = "\(attempts)"
        if let next {
            details["next_attempt"] = "\(next)"
            logger.warning("\(what) not delivered; will retry", metadata: details)
        } else {
            details["message_id"] = "notice_failed"
            logger.error("\(what) not delivered; given up", metadata: details)
        }
        return next
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
            let next = nextAttempt(after: failure, attempts: notice.attempts + 1, what: "notice", metadata)
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
