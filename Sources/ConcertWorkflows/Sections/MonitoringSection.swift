import ConcertCore

/// `monitoring:` — the monthly reporting cycle and the escalation ladders, with which ladder
/// applies to which axis or measure. Optional; declared in one file at most. Every key is
/// optional: without the section the plan has `MonitoringPolicy.none`.
///
/// ```yaml
/// monitoring:
///   reporting:
///     opens_on_day: 25              # 1..28
///     due_on_day: 5                 # 1..28; the next month's when not after opens_on_day
///     remind_working_days_before: 3 # 0..20
///   ladders:
///     - id: standard
///       steps:
///         - notify: technical               # the first step is reached at once
///           repeat_every_working_days: 5    # optional, 1..60; notify steps only
///           max_repeats: 2                  # optional, 0..20, 0 by default; notify steps only
///         - notify: political
///           after_working_days: 10          # 0..260; required on every step but the first
///         - agenda: secretaries-of-state    # a body with a cadence
///           after_working_days: 10
///         - agenda: committee
///           after: meeting                  # once the previous agenda step's meeting is held
///   default_ladder: standard
///   axis_ladders: {4: urgent}               # axis number -> ladder id
///   measure_ladders: {M08: urgent}          # measure id -> ladder id
///   digest: daily                           # daily, weekly or none (the default)
/// ```
///
/// Ladder ids are checked here (the ladders are in the same section); axes, measures and
/// agenda bodies are references the linker checks, and it also checks that an agenda step's
/// body has a cadence.
enum MonitoringSection: WorkflowSection {
    static let key = "monitoring"
    static let mergesAcrossFiles = false
    static let schema = KeySchema([
        "reporting", "ladders", "default_ladder", "axis_ladders", "measure_ladders", "digest",
    ])
    static let reportingSchema = KeySchema(["opens_on_day", "due_on_day", "remind_working_days_before"])
    static let ladderSchema = KeySchema(["id", "steps"], nameKey: "id")
    static let stepSchema = KeySchema(
        ["notify", "agenda", "after_working_days", "after", "repeat_every_working_days", "max_repeats"])

    /// Most steps a ladder may have.
    static let maximumSteps = 10

    /// What `after:` may wait for.
    private enum AfterEvent: String, CaseIterable {
        case meeting
    }

    /// What a step does, as written (for the next step's `after: meeting`).
    private enum StepKind {
        case notify, agenda
    }

    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog) {
        guard let reader = MappingReader(value, schema: schema, noun: "monitoring", fallback: "monitoring", log: log)
        else { return }
        var reporting: ReportingCycle?
        var reportingIsValid = true
        if let value = reader.optional("reporting") {
            reporting = readReporting(value, log)
            reportingIsValid = reporting != nil
        }
        var table = SymbolTable<String>(noun: "ladder")
        var ladders: [EscalationLadder]? = []
        if let value = reader.optional("ladders") {
            ladders = readLadders(value, what: reader.what("ladders"), table: &table, into: &draft, log: log)
        }
        var defaultLadder: String?
        var defaultIsValid = true
        if let value = reader.optional("default_ladder") {
            defaultLadder = ladderName(value, what: reader.what("default_ladder"), for: "", table: table, log)
            defaultIsValid = defaultLadder != nil
        }
        var axisLadders: [Int: String]? = [:]
        if let value = reader.optional("axis_ladders") {
            axisLadders = readAxisLadders(
                value, what: reader.what("axis_ladders"), table: table, into: &draft, log: log)
        }
        var measureLadders: [MeasureID: String]? = [:]
        if let value = reader.optional("measure_ladders") {
            measureLadders = readMeasureLadders(
                value, what: reader.what("measure_ladders"), table: table, into: &draft, log: log)
        }
        var digest: DigestPeriod? = DigestPeriod.none
        if let value = reader.optional("digest") {
            digest = value.choice(reader.what("digest"), DigestPeriod.self, log)
        }
        guard reportingIsValid, let ladders, defaultIsValid, let axisLadders, let measureLadders, let digest
        else { return }
        draft.monitoring = MonitoringPolicy(
            reporting: reporting, ladders: ladders, defaultLadder: defaultLadder, axisLadders: axisLadders,
            measureLadders: measureLadders, digest: digest)
    }

    // MARK: Reporting cycle

    private static func readReporting(_ value: YAMLValue, _ log: DiagnosticLog) -> ReportingCycle? {
        guard
            let reader = MappingReader(
                value, schema: reportingSchema, noun: "reporting cycle", fallback: "reporting cycle", log: log)
        else { return nil }
        let opens = ranged(reader, "opens_on_day", ReportingCycle.dayRange)
        let due = ranged(reader, "due_on_day", ReportingCycle.dayRange)
        let remind = ranged(reader, "remind_working_days_before", ReportingCycle.reminderRange)
        guard let opens, let due, let remind else { return nil }
        return ReportingCycle(opensOnDay: opens, dueOnDay: due, remindWorkingDaysBefore: remind)
    }

    /// A required integer in `range`.
    private static func ranged(_ reader: MappingReader, _ key: String, _ range: ClosedRange<Int>) -> Int? {
        guard let number = reader.requiredInt(key) else { return nil }
        guard range.contains(number.value) else {
            reader.log.report(
                .outOfRange, "\(reader.what(key)) must be between \(range.lowerBound) and \(range.upperBound)",
                at: number.location)
            return nil
        }
        return number.value
    }

    /// An optional integer in `range`; `isValid` is false when one was written but is wrong.
    private static func optionalRanged(
        _ reader: MappingReader, _ key: String, _ range: ClosedRange<Int>
    ) -> (value: Int?, isValid: Bool) {
        guard reader.optional(key) != nil else { return (nil, true) }
        guard let number = ranged(reader, key, range) else { return (nil, false) }
        return (number, true)
    }

    // MARK: Ladders

    /// The ladders, or nil when one of them has a problem (reported). Every readable id is
    /// declared in `table`, even for a ladder with a problem, so references to it do not
    /// add a second diagnostic.
    private static func readLadders(
        _ value: YAMLValue, what: String, table: inout SymbolTable<String>, into draft: inout WorkflowDraft,
        log: DiagnosticLog
    ) -> [EscalationLadder]? {
        guard let items = value.list(what, log) else { return nil }
        var ladders: [EscalationLadder] = []
        var isValid = true
        for (index, item) in items.enumerated() {
            guard
                let reader = MappingReader(
                    item, schema: ladderSchema, noun: "ladder", fallback: "ladder #\(index + 1)", log: log)
            else {
                isValid = false
                continue
            }
            var id: String?
            if let text = reader.requiredIdentifier("id", .slug),
                table.declare(text.value, display: "ladder id '\(text.value)'", at: text.location, log: log)
            {
                id = text.value
            }
            let steps = readSteps(reader, into: &draft)
            guard let id, let steps else {
                isValid = false
                continue
            }
            ladders.append(EscalationLadder(id: id, steps: steps))
        }
        return isValid ? ladders : nil
    }

    /// One to `maximumSteps` steps, each read on its own (all problems are reported).
    private static func readSteps(_ ladder: MappingReader, into draft: inout WorkflowDraft) -> [EscalationStep]? {
        let log = ladder.log
        let what = ladder.what("steps")
        guard let value = ladder.required("steps"), let items = value.list(what, log) else { return nil }
        var isValid = true
        if items.isEmpty {
            log.report(.invalidValue, "\(what) must have at least one step", at: value.location)
            isValid = false
        } else if items.count > maximumSteps {
            log.report(
                .outOfRange, "\(what) has \(items.count) steps; at most \(maximumSteps) are allowed",
                at: items[maximumSteps].location)
            isValid = false
        }
        var steps: [EscalationStep] = []
        var previous: StepKind?
        for (index, item) in items.enumerated() {
            let (step, kind) = readStep(
                item, index: index, ladder: ladder.subject, previous: previous, into: &draft, log: log)
            previous = kind
            if let step {
                steps.append(step)
            } else {
                isValid = false
            }
        }
        return isValid ? steps : nil
    }

    /// One step, and what it does as written (nil when that is unclear), for the next step.
    ///
    /// - Parameters:
    ///   - previous: What the step before does; nil for the first step or an unclear one.
    private static func readStep(
        _ item: YAMLValue, index: Int, ladder: String, previous: StepKind?, into draft: inout WorkflowDraft,
        log: DiagnosticLog
    ) -> (step: EscalationStep?, kind: StepKind?) {
        guard
            let reader = MappingReader(
                item, schema: stepSchema, noun: "step", fallback: "step #\(index + 1) of \(ladder)", log: log)
        else { return (nil, nil) }
        let subject = reader.subject

        var kind: StepKind?
        var action: EscalationStep.Action?
        switch (reader.contains("notify"), reader.contains("agenda")) {
        case (true, true):
            log.report(
                .invalidValue, "\(subject) has both 'notify' and 'agenda'; a step does one or the other",
                at: reader.keyLocation("agenda") ?? reader.location)
        case (false, false):
            log.report(
                .missingKey,
                "\(subject) is missing required key 'notify' (political or technical) or 'agenda' (a body id)",
                at: reader.location)
        case (true, false):
            kind = .notify
            if let level = reader.required("notify")?.choice(reader.what("notify"), FocalPoint.Level.self, log) {
                action = .notify(level)
            }
        case (false, true):
            kind = .agenda
            if let text = reader.requiredIdentifier("agenda", .slug) {
                let body = BodyID(text.value)
                draft.refer(to: .body(body), from: subject, at: text.location)
                draft.agendaSteps.append(
                    WorkflowDraft.AgendaCheck(body: Located(value: body, location: text.location), subject: subject))
                action = .agenda(body)
            }
        }

        let trigger = readTrigger(reader, index: index, previous: previous)

        let repeatKey = "repeat_every_working_days"
        let maxKey = "max_repeats"
        var repeatEvery: (value: Int?, isValid: Bool) = (nil, true)
        var maxRepeats: (value: Int?, isValid: Bool) = (nil, true)
        for key in [repeatKey, maxKey] where kind == .agenda {
            if let location = reader.keyLocation(key) {
                log.report(.invalidValue, "\(subject) is an agenda step and must not have '\(key)'", at: location)
                if key == repeatKey { repeatEvery.isValid = false } else { maxRepeats.isValid = false }
            }
        }
        if kind != .agenda {
            repeatEvery = optionalRanged(reader, repeatKey, EscalationStep.repeatRange)
            maxRepeats = optionalRanged(reader, maxKey, EscalationStep.maxRepeatsRange)
            if let count = maxRepeats.value, count > 0, repeatEvery.isValid, repeatEvery.value == nil,
                let location = reader.keyLocation(maxKey)
            {
                log.report(
                    .missingKey, "\(reader.what(maxKey)) needs '\(repeatKey)' (how often to repeat)", at: location)
                maxRepeats.isValid = false
            }
        }

        guard let action, let trigger, repeatEvery.isValid, maxRepeats.isValid else { return (nil, kind) }
        let step = EscalationStep(
            action: action, trigger: trigger, repeatEveryWorkingDays: repeatEvery.value,
            maxRepeats: maxRepeats.value ?? 0)
        return (step, kind)
    }

    /// `after_working_days: N` or `after: meeting`; the first step is reached at once.
    private static func readTrigger(
        _ reader: MappingReader, index: Int, previous: StepKind?
    ) -> EscalationStep.Trigger? {
        let log = reader.log
        let subject = reader.subject
        let waitKey = "after_working_days"
        switch (reader.contains(waitKey), reader.contains("after")) {
        case (true, true):
            log.report(
                .invalidValue, "\(subject) has both '\(waitKey)' and 'after'; a step waits for one or the other",
                at: reader.keyLocation("after") ?? reader.location)
            return nil
        case (false, true):
            guard let value = reader.required("after"),
                value.choice(reader.what("after"), AfterEvent.self, log) != nil
            else { return nil }
            if index == 0 {
                log.report(
                    .invalidValue, "\(subject) is the first step and cannot wait for a meeting ('after: meeting')",
                    at: value.location)
                return nil
            }
            if previous == .notify {
                log.report(
                    .invalidValue,
                    "\(subject) waits for a meeting ('after: meeting') but the step before it is not an agenda step",
                    at: value.location)
                return nil
            }
            return .afterMeeting
        case (true, false):
            guard let days = reader.requiredInt(waitKey) else { return nil }
            if index == 0 {
                guard days.value == 0 else {
                    log.report(
                        .outOfRange, "\(reader.what(waitKey)) must be 0: the first step is reached at once",
                        at: days.location)
                    return nil
                }
            } else if !EscalationStep.waitRange.contains(days.value) {
                let range = EscalationStep.waitRange
                log.report(
                    .outOfRange,
                    "\(reader.what(waitKey)) must be between \(range.lowerBound) and \(range.upperBound)",
                    at: days.location)
                return nil
            }
            return .workingDays(days.value)
        case (false, false):
            guard index > 0 else { return .workingDays(0) }
            log.report(
                .missingKey,
                "\(subject) is missing required key '\(waitKey)' (needed on every step but the first, "
                    + "unless 'after: meeting')",
                at: reader.location)
            return nil
        }
    }

    // MARK: Which ladder applies

    /// A ladder id declared in this section, or nil (reported).
    ///
    /// - Parameters:
    ///   - context: Appended after the unknown name, e.g. ` for axis 4`.
    private static func ladderName(
        _ value: YAMLValue, what: String, for context: String, table: SymbolTable<String>, _ log: DiagnosticLog
    ) -> String? {
        guard let name = value.identifier(what, .slug, log) else { return nil }
        guard !table.contains(name) else { return name }
        var message = "\(what) names unknown ladder '\(name)'\(context)"
        if let guess = Suggestions.nearest(to: name, among: table.order) {
            message += "; did you mean '\(guess)'?"
        } else if table.count == 0 {
            message += "; no ladders are declared"
        } else {
            message += "; known ladders include: \(Suggestions.shortList(table.order))"
        }
        log.report(.unknownReference, message, at: value.location)
        return nil
    }

    /// The entries of a mapping (duplicate-key markers left out), or nil when it is not one.
    private static func entries(_ value: YAMLValue, what: String, _ log: DiagnosticLog) -> [(YAMLValue, YAMLValue)]? {
        guard case let .mapping(mapping) = value.node else {
            log.report(.wrongType, "\(what) must be a mapping, found \(value.shapeDescription)", at: value.location)
            return nil
        }
        var result: [(YAMLValue, YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let key = YAMLValue(node: keyNode, file: value.file)
            if let text = key.scalarText, DuplicateKeyMarker.isMarker(text) { continue }
            result.append((key, YAMLValue(node: valueNode, file: value.file)))
        }
        return result
    }

    /// `{axis number: ladder id}`; the axes are references for the linker.
    private static func readAxisLadders(
        _ value: YAMLValue, what: String, table: SymbolTable<String>, into draft: inout WorkflowDraft,
        log: DiagnosticLog
    ) -> [Int: String]? {
        guard let entries = entries(value, what: what, log) else { return nil }
        var result: [Int: String] = [:]
        var isValid = true
        for (key, item) in entries {
            let axis = key.int("a key of \(what)", log)
            if let axis {
                if result[axis] != nil {
                    log.report(.duplicateKey, "\(what) lists axis \(axis) twice", at: key.location)
                    isValid = false
                }
                draft.refer(to: .axis(axis), from: what, at: key.location)
            }
            let ladder = ladderName(item, what: what, for: axis.map { " for axis \($0)" } ?? "", table: table, log)
            guard let axis, let ladder else {
                isValid = false
                continue
            }
            result[axis] = ladder
        }
        return isValid ? result : nil
    }

    /// `{measure id: ladder id}`; the measures are references for the linker.
    private static func readMeasureLadders(
        _ value: YAMLValue, what: String, table: SymbolTable<String>, into draft: inout WorkflowDraft,
        log: DiagnosticLog
    ) -> [MeasureID: String]? {
        guard let entries = entries(value, what: what, log) else { return nil }
        var result: [MeasureID: String] = [:]
        var isValid = true
        for (key, item) in entries {
            let measure = key.identifier("a key of \(what)", .measure, log).map { MeasureID($0) }
            if let measure { draft.refer(to: .measure(measure), from: what, at: key.location) }
            let ladder = ladderName(
                item, what: what, for: measure.map { " for measure \($0)" } ?? "", table: table, log)
            guard let measure, let ladder else {
                isValid = false
                continue
            }
            result[measure] = ladder
        }
        return isValid ? result : nil
    }
}
