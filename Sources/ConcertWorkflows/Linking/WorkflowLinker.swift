import ConcertCore

/// The second pass: checks what no single section can check alone.
///
/// That is every reference against the declared identifiers, deadlines against the plan's
/// span, entity parents for cycles, cadences against their first meetings, that every body
/// an escalation ladder puts on the agenda meets, and the presence of the `plan` section.
/// Every check is one pass with dictionary lookups (a cadence's check expands its rule up
/// to its first occurrence).
struct WorkflowLinker {
    let log: DiagnosticLog
    /// Names the folder in diagnostics about it as a whole.
    let origin: String

    /// How many distinct unknown names get a "did you mean" search; past that, messages
    /// only list a few known names, so a folder full of bad references stays fast.
    static let suggestionBudget = 200

    func link(_ draft: inout WorkflowDraft) {
        if draft.sections[PlanSection.key] == nil {
            log.report(
                .missingSection, "no file declares the 'plan' section (id, title, time_zone, start, end)",
                at: SourceLocation(wholeFile: origin))
        }
        checkReferences(draft)
        checkDeadlines(draft)
        checkParentCycles(draft)
        checkCadences(draft)
        checkAgendaBodies(draft)
    }

    private func checkReferences(_ draft: WorkflowDraft) {
        var hints: [String: String] = [:]
        var budget = Self.suggestionBudget

        func hint<Key>(for name: String, in table: SymbolTable<Key>, _ spell: (Key) -> String, plural: String) -> String
        {
            let cacheKey = table.noun + "\u{0}" + name
            if let cached = hints[cacheKey] { return cached }
            let known = table.order.lazy.map(spell)
            var text: String
            if budget > 0, let guess = Suggestions.nearest(to: name, among: known) {
                text = "; did you mean '\(guess)'?"
            } else if table.count == 0 {
                text = "; no \(plural) are declared"
            } else {
                text = "; known \(plural) include: \(Suggestions.shortList(known))"
            }
            budget -= 1
            hints[cacheKey] = text
            return text
        }

        for reference in draft.references {
            let message: String
            switch reference.target {
            case let .entity(id):
                guard !draft.entityTable.contains(id) else { continue }
                message =
                    "names unknown entity '\(id)'"
                    + hint(for: id.rawValue, in: draft.entityTable, \.rawValue, plural: "entities")
            case let .focalPoint(id):
                guard !draft.focalPointTable.contains(id) else { continue }
                message =
                    "names unknown focal point '\(id)'"
                    + hint(for: id.rawValue, in: draft.focalPointTable, \.rawValue, plural: "focal points")
            case let .body(id):
                guard !draft.bodyTable.contains(id) else { continue }
                message =
                    "names unknown body '\(id)'"
                    + hint(for: id.rawValue, in: draft.bodyTable, \.rawValue, plural: "bodies")
            case let .measure(id):
                guard !draft.measureTable.contains(id) else { continue }
                message =
                    "names unknown measure '\(id)'"
                    + hint(for: id.rawValue, in: draft.measureTable, \.rawValue, plural: "measures")
            case let .axis(number):
                guard !draft.axisTable.contains(number) else { continue }
                message = "names unknown axis \(number); declared axes: \(Suggestions.ranges(draft.axisTable.order))"
            case let .objective(number):
                guard !draft.objectiveTable.contains(number) else { continue }
                let declared = Suggestions.ranges(draft.objectiveTable.order)
                message = "names unknown objective \(number); declared objectives: \(declared)"
            }
            log.report(.unknownReference, "\(reference.subject) \(message)", at: reference.location)
        }
    }

    private func checkDeadlines(_ draft: WorkflowDraft) {
        guard let header = draft.header else { return }
        let span = header.start.value...header.end.value
        for check in draft.deadlines where !span.contains(check.date.value) {
            let message =
                "deadline \(check.date.value) of \(check.subject) is outside the plan's span "
                + "\(span.lowerBound) to \(span.upperBound)"
            log.report(.outOfRange, message, at: check.date.location)
        }
    }

    /// Reports each cycle of `parent` links once, at the link that closes it.
    private func checkParentCycles(_ draft: WorkflowDraft) {
        enum Mark { case visiting, done }
        var marks: [EntityID: Mark] = [:]
        for start in draft.entityTable.order where marks[start] == nil {
            var path: [EntityID] = []
            var current: EntityID? = start
            while let entity = current, marks[entity] == nil {
                marks[entity] = .visiting
                path.append(entity)
                current = draft.parents[entity]?.value
            }
            if let entity = current, marks[entity] == .visiting, let link = draft.parents[path.last!] {
                let cycle = path.drop(while: { $0 != entity }).map(\.rawValue) + [entity.rawValue]
                log.report(
                    .invalidValue, "entity \(path.last!) has a cycle of parents: \(cycle.joined(separator: " -> "))",
                    at: link.location)
            }
            for entity in path { marks[entity] = .done }
        }
    }
}
