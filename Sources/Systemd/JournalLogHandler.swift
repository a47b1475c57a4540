import CSystemd
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A swift-log handler that writes structured entries to the journal with
/// `sd_journal_sendv(3)`.
///
/// Each entry has `MESSAGE`, `PRIORITY` (from the level), `CODE_FILE`, `CODE_LINE`,
/// `CODE_FUNC`, `SYSLOG_IDENTIFIER`, `LOGGER` (the label), every metadata key as an upper-case
/// field (see ``JournalFieldName``), and `MESSAGE_ID` when the metadata has `message_id`.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public let label: String
    public let identifier: String

    /// - Parameters:
    ///   - label: the logger's label, written as `LOGGER=`.
    ///   - identifier: `SYSLOG_IDENTIFIER=`, what `journalctl -t` selects.
    public init(label: String, identifier: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.identifier = identifier
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let fields = Self.fields(
            message: "\(event.message)", level: event.level, metadata: merged, identifier: identifier, label: label,
            file: event.file, function: event.function, line: event.line)
        Self.send(fields)
    }

    /// The entry's fields, in order, as `NAME=value` strings.
    public static func fields(
        message: String, level: Logger.Level, metadata: Logger.Metadata, identifier: String, label: String,
        file: String, function: String, line: UInt
    ) -> [String] {
        var fields = [
            "MESSAGE=\(message)",
            "PRIORITY=\(JournalPriority.priority(for: level))",
            "CODE_FILE=\(file)",
            "CODE_LINE=\(line)",
            "CODE_FUNC=\(function)",
            "SYSLOG_IDENTIFIER=\(identifier)",
            "LOGGER=\(label)",
        ]
        let reserved: Set<String> = [
            "MESSAGE", "PRIORITY", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "SYSLOG_IDENTIFIER", "LOGGER", "MESSAGE_ID",
        ]
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            if key == "message_id" {
                if let id = JournalMessageID.resolve("\(value)") { fields.append("MESSAGE_ID=\(id)") }
                continue
            }
            guard let name = JournalFieldName.sanitised(key), !reserved.contains(name) else { continue }
            fields.append("\(name)=\(value)")
        }
        return fields
    }

    /// Sends one entry of `NAME=value` fields; each field is one iovec into a single buffer
    /// (values may hold newlines: the native protocol carries them).
    /// - Returns: 0, or a negative errno when journald could not be reached.
    @discardableResult
    public static func send(_ fields: [String]) -> Int32 {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(fields.count)
        for field in fields {
            let start = bytes.count
            bytes.append(contentsOf: field.utf8)
            ranges.append(start..<bytes.count)
        }
        return bytes.withUnsafeMutableBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -EINVAL }
            let vectors = ranges.map { iovec(iov_base: base + $0.lowerBound, iov_len: $0.count) }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
    }
}
