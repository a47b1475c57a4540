import Foundation

extension Maildir {
    /// Delivers `data` as the message named `uniqueName`, unless the mailbox already holds it.
    ///
    /// Creates the mailbox folders if needed, then writes `tmp/NAME` (replacing a leftover
    /// from an interrupted delivery) with mode 0600, flushes it, renames it to `new/NAME` and
    /// flushes `new`. When the call returns `.delivered`, the message survives a crash.
    ///
    /// - Parameters:
    ///   - data: The message, e.g. ``MailMessage/serialized()``.
    ///   - uniqueName: The file name: at most 200 bytes, no `/`, `:` or control character, not
    ///     starting with `.`. Derive it from something stable (a message identifier) so that
    ///     delivering again is recognised.
    /// - Returns: ``DeliveryOutcome/delivered(_:)`` or ``DeliveryOutcome/alreadyPresent(_:)``.
    /// - Throws: ``MailError/Code/invalidUniqueName``, or ``MailError/Code/deliveryFailed``
    ///   when the file system refuses a step.
    public func deliver(_ data: Data, uniqueName: String) throws(MailError) -> DeliveryOutcome {
        if let found = try existing(uniqueName: uniqueName) {
            return .alreadyPresent(found)
        }
        try FileSystemCalls.makeDirectory(root.path)
        for name in ["tmp", "new", "cur"] {
            try FileSystemCalls.makeDirectory(folder(name).path)
        }
        let temporary = folder("tmp").appendingPathComponent(uniqueName)
        let target = folder("new").appendingPathComponent(uniqueName)
        try FileSystemCalls.writeDurably(data, to: temporary.path)
        try FileSystemCalls.move(temporary.path, to: target.path)
        try FileSystemCalls.syncDirectory(folder("new").path)
        return .delivered(target)
    }
}
