import Mustache

/// The notices' texts, one Mustache template per kind and language, embedded at build time
/// from `Templates/`. A template's first line is the subject; the rest is the body.
///
/// Values are inserted as text (the templates declare `CONTENT_TYPE: TEXT`) and never read as
/// template code, so nothing a user typed can change what a notice says around it.
enum NoticeTemplates {
    /// The languages notices are written in; a focal point's tag picks one (`pt-PT` → `pt`).
    enum Language: String, Sendable, CaseIterable {
        case en
        case pt

        init(tag: String) {
            self = tag.lowercased().hasPrefix("pt") ? .pt : .en
        }
    }

    enum Name: String, Sendable, CaseIterable {
        case convocation
        case update
        case cancellation
        case task
        case reminder
        case escalation
        case digest
    }

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, bytes) in sources {
            // The templates are part of the build; a broken one fails the tests, not a user.
            if let template = try? MustacheTemplate(string: String(decoding: bytes, as: UTF8.self)) {
                library.register(template, named: name)
            }
        }
        return library
    }()

    private static let sources: [(String, [UInt8])] = [
        ("convocation.en", PackageResources.convocation_en_mustache),
        ("convocation.pt", PackageResources.convocation_pt_mustache),
        ("update.en", PackageResources.update_en_mustache),
        ("update.pt", PackageResources.update_pt_mustache),
        ("cancellation.en", PackageResources.cancellation_en_mustache),
        ("cancellation.pt", PackageResources.cancellation_pt_mustache),
        ("task.en", PackageResources.task_en_mustache),
        ("task.pt", PackageResources.task_pt_mustache),
        ("reminder.en", PackageResources.reminder_en_mustache),
        ("reminder.pt", PackageResources.reminder_pt_mustache),
        ("escalation.en", PackageResources.escalation_en_mustache),
        ("escalation.pt", PackageResources.escalation_pt_mustache),
        ("digest.en", PackageResources.digest_en_mustache),
        ("digest.pt", PackageResources.digest_pt_mustache),
    ]

    /// The subject and body of `name` in `language` with `values`.
    static func render(_ name: Name, _ language: Language, _ values: [String: Any]) -> (subject: String, body: String) {
        let text = library.render(values, withTemplate: "\(name.rawValue).\(language.rawValue)") ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.first?.isEmpty == true { lines.removeFirst() }
        let subject = lines.isEmpty ? "" : lines.removeFirst()
        return (subject, lines.joined(separator: "\n"))
    }
}
