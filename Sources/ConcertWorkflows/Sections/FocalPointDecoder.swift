import ConcertCore

/// One item of an entity's `focal_points:` — a person at political or technical level.
///
/// ```yaml
/// - id: mai-technical
///   level: technical
///   name: "Rita Almeida"
///   unix_user: ralmeida        # optional
///   language: pt-PT            # optional: pt-PT (default) or en
///   email: rita.almeida@example.org
///   phone: "+351 213 000 000"
///   deputy: mai-technical-deputy
///   notices: smtp              # optional: maildir (default), smtp (needs email) or journal
/// ```
enum FocalPointDecoder {
    static let schema = KeySchema(
        ["id", "level", "name", "unix_user", "language", "email", "phone", "deputy", "notices"], nameKey: "id")
    static let languages = ["pt-PT", "en"]

    /// The focal point, or nil when something in it is wrong (reported) or its entity is.
    static func decode(
        _ value: YAMLValue, index: Int, entity: EntityID?, owner: String,
        into draft: inout WorkflowDraft, log: DiagnosticLog
    ) -> FocalPoint? {
        guard
            let reader = MappingReader(
                value, schema: schema, noun: "focal point", fallback: "focal point #\(index + 1) of \(owner)",
                log: log)
        else { return nil }
        var id: FocalPointID?
        let text = reader.requiredIdentifier("id", .slug)
        let written = text.map { FocalPointID($0.value) }
        if let candidate = written, let text {
            if draft.focalPointTable.declare(
                candidate, display: "focal point id '\(candidate)'", at: text.location, log: log)
            {
                id = candidate
            }
        }
        let level = reader.required("level")?.choice(reader.what("level"), FocalPoint.Level.self, log)
        let name = reader.requiredString("name")
        let unixUser = reader.optionalIdentifier("unix_user", .unixUser)?.value
        var language = "pt-PT"
        if let value = reader.optional("language"), let text = value.string(reader.what("language"), log) {
            if languages.contains(text) {
                language = text
            } else {
                log.report(
                    .invalidValue,
                    "\(reader.what("language")) '\(text)' is not one of: \(languages.joined(separator: ", "))",
                    at: value.location)
            }
        }
        var channels: [ContactChannel] = []
        if let value = reader.optional("email"), let text = value.string(reader.what("email"), log) {
            if isPlausibleEmail(text) {
                channels.append(ContactChannel(kind: .email, address: text))
            } else {
                log.report(
                    .invalidValue, "\(reader.what("email")) '\(text)' is not an e-mail address", at: value.location)
            }
        }
        if let value = reader.optional("phone"), let text = value.string(reader.what("phone"), log) {
            if isPlausiblePhone(text) {
                channels.append(ContactChannel(kind: .phone, address: text))
            } else {
                log.report(
                    .invalidValue, "\(reader.what("phone")) '\(text)' is not a telephone number", at: value.location)
            }
        }
        var deputy: FocalPointID?
        if let text = reader.optionalIdentifier("deputy", .slug) {
            let candidate = FocalPointID(text.value)
            if candidate == written {
                log.report(.invalidValue, "\(reader.subject) names itself as its deputy", at: text.location)
            } else {
                deputy = candidate
                draft.refer(to: .focalPoint(candidate), from: reader.subject, at: text.location)
            }
        }
        var noticeChannel = FocalPoint.NoticeChannel.maildir
        if let value = reader.optional("notices"),
            let channel = value.choice(reader.what("notices"), FocalPoint.NoticeChannel.self, log)
        {
            noticeChannel = channel
            if channel == .smtp && !channels.contains(where: { $0.kind == .email }) {
                log.report(
                    .invalidValue,
                    "\(reader.subject) receives notices by smtp but has no usable email: add one, or use notices: maildir",
                    at: value.location)
            }
        }
        guard let id, let entity, let level, let name else { return nil }
        return FocalPoint(
            id: id, entity: entity, level: level, name: name, unixUser: unixUser, language: language,
            channels: channels, deputy: deputy, noticeChannel: noticeChannel)
    }

    /// `local@domain`, no spaces: enough to catch a name typed into the wrong field.
    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }

    /// Digits with optional `+`, spaces, dashes, dots and parentheses.
    static func isPlausiblePhone(_ text: String) -> Bool {
        let digits = text.filter(\.isASCII).filter(\.isNumber).count
        return digits >= 3
            && text.allSatisfy { $0.isASCII && ($0.isNumber || " +-.()".contains($0)) }
    }
}
