import ConcertCore
import Foundation

/// A message for one focal point, generated from one recorded event.
public struct Notice: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A meeting's convocation, with its agenda and an invitation.
        case convocation
        /// A change to a convened meeting (moved, item added), with the updated invitation.
        case update
        /// A convened meeting was cancelled.
        case cancellation
        /// A task routed to the recipient.
        case task
        /// Monthly reports due soon and not in yet.
        case reminder
        /// Something late, told to the first level of its ladder.
        case overdue
        /// Something still late, told to a higher level of its ladder.
        case escalation
    }

    public var kind: Kind
    /// The event it comes from.
    public var sequence: Int64
    public var recipient: FocalPointID
    public var recipientName: String
    /// The recipient's e-mail, when the plan gives one.
    public var recipientEmail: String?
    /// The meeting or task it is about.
    public var subjectID: String
    public var subject: String
    public var text: String
    /// The iCalendar document attached (`REQUEST` or `CANCEL`), if any.
    public var calendar: String?
    public var calendarMethod: String?
    /// Globally unique and stable: the same event gives the same id on every run.
    public var messageID: String
    /// The first notice of the thread (a meeting's convocation), when this one follows it.
    public var thread: String?
    public var date: Date
    /// The measure the notice is about, when there is one.
    public var measure: MeasureID? = nil
    /// The escalation level, for overdue and escalation notices.
    public var level: Int? = nil

    /// A name for the notice's file in the recipient's Maildir, unique per recipient.
    public var fileName: String { "\(sequence).\(kind.rawValue)" }
}
