import ConcertCore

/// `calendar:` — the plan's business calendar: working days and hours, holidays, and what
/// happens to a meeting on a non-working day. Optional; declared in one file at most.
/// Every key is optional and defaults to `BusinessCalendarDeclaration.standard`.
///
/// ```yaml
/// calendar:
///   working_days: [MO, TU, WE, TH, FR]
///   working_hours: {start: "09:00", end: "17:30"}
///   national_holidays: PT          # Portugal's national holidays, every year
///   holidays:                      # extra days off
///     - {date: 2026-06-13, name: "Santo António (Lisbon)"}
///   meeting_on_holiday: move_to_next_working_day   # | move_to_previous_working_day | keep | cancel
/// ```
enum CalendarSection: WorkflowSection {
    static let key = "calendar"
    static let mergesAcrossFiles = false
    static let schema = KeySchema(
        ["working_days", "working_hours", "national_holidays", "holidays", "meeting_on_holiday"])
    static let hoursSchema = KeySchema(["start", "end"])
    static let holidaySchema = KeySchema(["date", "name"], nameKey: "date")

    static func decode(_ value: YAMLValue, into draft: inout WorkflowDraft, log: DiagnosticLog) {
        guard let reader = MappingReader(value, schema: schema, noun: "calendar", fallback: "calendar", log: log)
        else { return }
        let standard = BusinessCalendarDeclaration.standard
        let days = reader.optional("working_days").map { workingDays($0, what: reader.what("working_days"), log) }
        let hours = reader.optional("working_hours").map { workingHours($0, log) }
        var national: NationalHolidays?
        var nationalIsValid = true
        if let value = reader.optional("national_holidays") {
            national = value.choice(reader.what("national_holidays"), NationalHolidays.self, log)
            nationalIsValid = national != nil
        }
        let holidays = reader.optional("holidays").map { extraHolidays($0, what: reader.what("holidays"), log) }
        var policy: HolidayPolicy? = standard.meetingOnHoliday
        if let value = reader.optional("meeting_on_holiday") {
            policy = value.choice(reader.what("meeting_on_holiday"), HolidayPolicy.self, log)
        }
        guard let days = days ?? standard.workingDays, let hours = hours ?? standard.workingHours,
            nationalIsValid, let holidays = holidays ?? standard.holidays, let policy
        else { return }
        draft.calendar = BusinessCalendarDeclaration(
            workingDays: days, workingHours: hours, nationalHolidays: national, holidays: holidays,
            meetingOnHoliday: policy)
    }

    /// A non-empty list of distinct weekdays (`MO` ... `SU`).
    private static func workingDays(_ value: YAMLValue, what: String, _ log: DiagnosticLog) -> [Weekday]? {
        guard let items = value.list(what, log) else { return nil }
        guard !items.isEmpty else {
            log.report(.invalidValue, "\(what) must name at least one working day", at: value.location)
            return nil
        }
        var days: [Weekday] = []
        var isValid = true
        for item in items {
            guard let day = item.choice("an item of \(what)", Weekday.self, log) else {
                isValid = false
                continue
            }
            if days.contains(day) {
                log.report(.invalidValue, "\(what) lists '\(day)' twice", at: item.location)
                isValid = false
            }
            days.append(day)
        }
        return isValid ? days : nil
    }

    /// `{start: "HH:MM", end: "HH:MM"}` with the start before the end.
    private static func workingHours(_ value: YAMLValue, _ log: DiagnosticLog) -> WorkingHours? {
        guard
            let reader = MappingReader(
                value, schema: hoursSchema, noun: "working hours", fallback: "working hours", log: log)
        else { return nil }
        let start = reader.required("start").flatMap { localTime($0, what: reader.what("start"), log) }
        let end = reader.required("end").flatMap { localTime($0, what: reader.what("end"), log) }
        guard let start, let end else { return nil }
        guard let hours = WorkingHours(start: start.value, end: end.value) else {
            log.report(
                .outOfRange, "'end' of working hours (\(end.value)) must be after their 'start' (\(start.value))",
                at: end.location)
            return nil
        }
        return hours
    }

    private static func localTime(_ value: YAMLValue, what: String, _ log: DiagnosticLog) -> Located<LocalTime>? {
        guard let text = value.string(what, log) else { return nil }
        guard let time = LocalTime(iso: text) else {
            log.report(
                .invalidValue, "\(what) '\(text)' is not a time of day (HH:MM, 00:00 to 23:59)", at: value.location)
            return nil
        }
        return Located(value: time, location: value.location)
    }

    /// A list of `{date, name}`, each date at most once.
    private static func extraHolidays(_ value: YAMLValue, what: String, _ log: DiagnosticLog) -> [Holiday]? {
        guard let items = value.list(what, log) else { return nil }
        var table = SymbolTable<CalendarDate>(noun: "holiday")
        var holidays: [Holiday] = []
        var isValid = true
        for (index, item) in items.enumerated() {
            guard
                let reader = MappingReader(
                    item, schema: holidaySchema, noun: "holiday", fallback: "holiday #\(index + 1)", log: log)
            else {
                isValid = false
                continue
            }
            let date = reader.requiredDate("date")
            let name = reader.requiredString("name")
            if let date, !table.declare(date.value, display: "holiday \(date.value)", at: date.location, log: log) {
                isValid = false
            }
            guard let date, let name else {
                isValid = false
                continue
            }
            holidays.append(Holiday(date: date.value, name: name))
        }
        return isValid ? holidays : nil
    }
}
