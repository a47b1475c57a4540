/// The first pass over each file: routes its top-level keys to their section decoders.
///
/// It reports files that are not a mapping, unknown sections and single-file sections
/// declared a second time.
struct SectionAssembler {
    let log: DiagnosticLog

    func decodeFile(_ root: YAMLValue, into draft: inout WorkflowDraft) {
        let keys = WorkflowSections.keys
        guard case let .mapping(mapping) = root.node else {
            let message =
                "a workflow file must be a mapping of sections (\(keys.joined(separator: ", "))), "
                + "found \(root.shapeDescription)"
            log.report(.wrongType, message, at: root.location)
            return
        }
        for (keyNode, valueNode) in mapping {
            let key = YAMLValue(node: keyNode, file: root.file)
            guard let name = key.scalarText else {
                log.report(
                    .unknownKey, "a section name must be a plain key, found \(key.shapeDescription)", at: key.location)
                continue
            }
            if DuplicateKeyMarker.isMarker(name) { continue }
            guard let section = WorkflowSections.named(name) else {
                var message = "unknown section '\(name)'"
                if let guess = Suggestions.nearest(to: name, among: keys) { message += "; did you mean '\(guess)'?" }
                message += " (allowed: \(keys.joined(separator: ", ")))"
                log.report(.unknownKey, message, at: key.location)
                continue
            }
            if let first = draft.sections[name] {
                guard section.mergesAcrossFiles else {
                    let message =
                        "section '\(name)' is already declared at \(first); "
                        + "only \(mergeable) may be split over several files"
                    log.report(.duplicateSection, message, at: key.location)
                    continue
                }
            } else {
                draft.sections[name] = key.location
            }
            section.decode(YAMLValue(node: valueNode, file: root.file), into: &draft, log: log)
        }
    }

    private var mergeable: String {
        let names = WorkflowSections.all.filter { $0.mergesAcrossFiles }.map { $0.key }
        return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }
}
