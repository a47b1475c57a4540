import ConcertCore
import Foundation
import Testing

@Suite struct BusinessCalendarTests {
    static let lisbon = TimeZone(identifier: "Europe/Lisbon")!

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Lisbon's calendar: Monday to Friday, 09:00-17:30, national holidays and Santo António.
    static let calendar = try! BusinessCalendar(
        timeZone: lisbon, nationalHolidays: .portugal,
        holidays: [Holiday(date: day("2026-06-13"), name: "Santo António (Lisbon)")])

    @Test func workingDaysSkipWeekendsAndHolidays() {
        let calendar = Self.calendar
        #expect(calendar.isWorkingDay(Self.day("2026-04-02")))  // Thursday
        #expect(!calendar.isWorkingDay(Self.day("2026-04-03")))  // Good Friday
        #expect(!calendar.isWorkingDay(Self.day("2026-04-04")))  // Saturday
        #expect(!calendar.isWorkingDay(Self.day("2026-06-10")))  // Wednesday, Portugal Day
        #expect(calendar.holiday(on: Self.day("2026-06-13"))?.name == "Santo António (Lisbon)")
        #expect(calendar.holiday(on: Self.day("2026-06-12")) == nil)
        #expect(calendar.holidays(in: 2026).count == 14)
        #expect(calendar.holidays(in: 2026).map(\.date) == calendar.holidays(in: 2026).map(\.date).sorted())
    }

    @Test func nextAndPreviousWorkingDays() {
        let calendar = Self.calendar
        #expect(calendar.nextWorkingDay(onOrAfter: Self.day("2026-04-02")) == Self.day("2026-04-02"))
        #expect(calendar.nextWorkingDay(onOrAfter: Self.day("2026-04-03")) == Self.day("2026-04-06"))
        #expect(calendar.nextWorkingDay(after: Self.day("2026-04-02")) == Self.day("2026-04-06"))
        #expect(calendar.previousWorkingDay(onOrBefore: Self.day("2026-04-05")) == Self.day("2026-04-02"))
        #expect(calendar.previousWorkingDay(before: Self.day("2026-04-06")) == Self.day("2026-04-02"))
        // 24 December is a Thursday in 2026; 25 is Christmas; then a weekend.
        #expect(calendar.nextWorkingDay(after: Self.day("2026-12-24")) == Self.day("2026-12-28"))
    }

    @Test func addingAndCountingWorkingDays() {
        let calendar = Self.calendar
        // Thursday before Easter + 1 working day: Good Friday and the weekend are skipped.
        #expect(calendar.adding(workingDays: 1, to: Self.day("2026-04-02")) == Self.day("2026-04-06"))
        #expect(calendar.adding(workingDays: 5, to: Self.day("2026-04-02")) == Self.day("2026-04-10"))
        #expect(calendar.adding(workingDays: 1, to: Self.day("2026-04-04")) == Self.day("2026-04-06"))
        #expect(calendar.adding(workingDays: 0, to: Self.day("2026-04-04")) == Self.day("2026-04-04"))
        #expect(calendar.adding(workingDays: -1, to: Self.day("2026-04-06")) == Self.day("2026-04-02"))
        // June 2026: 4 (Thu) Corpus Christi, 10 (Wed) Portugal Day, 13 (Sat) Santo António.
        #expect(calendar.adding(workingDays: 10, to: Self.day("2026-06-01")) == Self.day("2026-06-17"))
        #expect(calendar.workingDays(from: Self.day("2026-06-01"), to: Self.day("2026-06-17")) == 10)
        #expect(calendar.workingDays(from: Self.day("2026-06-17"), to: Self.day("2026-06-01")) == -10)
        #expect(calendar.workingDays(from: Self.day("2026-04-03"), to: Self.day("2026-04-03")) == 0)
        // 261 weekdays in 2026, 9 of them national holidays (1 January is the first).
        #expect(calendar.workingDays(from: Self.day("2025-12-31"), to: Self.day("2026-12-31")) == 252)
    }

    /// `workingDays(from:to:)` undoes `adding(workingDays:to:)` across years and holidays:
    /// from any day going forward, from a working day going back; and it is antisymmetric.
    @Test func addingAndCountingAreInverse() {
        let calendar = Self.calendar
        var start = Self.day("2025-12-20")
        for offset in 0..<40 {
            for count in [-23, -5, -1, 1, 2, 7, 30, 260] where count > 0 || calendar.isWorkingDay(start) {
                let end = calendar.adding(workingDays: count, to: start)
                #expect(calendar.isWorkingDay(end))
                #expect(calendar.workingDays(from: start, to: end) == count, "\(start) + \(count) = \(end)")
                #expect(calendar.workingDays(from: end, to: start) == -count, "\(end) - \(count) = \(start)")
            }
            start = start.adding(days: offset % 3 + 1)
        }
        // Going back from a Saturday: the Friday before is one working day back, yet no
        // working day lies after it up to the Saturday.
        #expect(calendar.adding(workingDays: -1, to: Self.day("2026-01-10")) == Self.day("2026-01-09"))
        #expect(calendar.workingDays(from: Self.day("2026-01-10"), to: Self.day("2026-01-09")) == 0)
    }

    @Test func workingHoursOnTheWallClock() {
        let calendar = Self.calendar
        #expect(!calendar.isWithinWorkingHours(Self.utc("2026-01-14T08:59:00Z")))  // 08:59 WET
        #expect(calendar.isWithinWorkingHours(Self.utc("2026-01-14T09:00:00Z")))
        #expect(calendar.isWithinWorkingHours(Self.utc("2026-07-15T08:00:00Z")))  // 09:00 WEST
        #expect(calendar.isWithinWorkingHours(Self.utc("2026-07-15T16:29:59Z")))  // 17:29:59 WEST
        #expect(!calendar.isWithinWorkingHours(Self.utc("2026-07-15T16:30:00Z")))  // 17:30: closed
        #expect(!calendar.isWithinWorkingHours(Self.utc("2026-06-10T10:00:00Z")))  // holiday
        #expect(!calendar.isWithinWorkingHours(Self.utc("2026-07-18T10:00:00Z")))  // Saturday
    }

    @Test func nextWorkingTimeHoldsUntilHoursBegin() {
        let calendar = Self.calendar
        let within = Self.utc("2026-01-14T11:00:00Z")
        #expect(calendar.nextWorkingTime(atOrAfter: within) == within)
        // Early on a working day: that morning.
        #expect(
            calendar.nextWorkingTime(atOrAfter: Self.utc("2026-01-14T06:00:00Z")) == Self.utc("2026-01-14T09:00:00Z"))
        // Friday evening before Easter: the Thursday is followed by Good Friday and the weekend.
        #expect(
            calendar.nextWorkingTime(atOrAfter: Self.utc("2026-04-02T17:00:00Z")) == Self.utc("2026-04-06T08:00:00Z"))
        // Saturday night across the spring change: Monday 09:00 is WEST (08:00 UTC).
        #expect(
            calendar.nextWorkingTime(atOrAfter: Self.utc("2026-03-28T22:00:00Z")) == Self.utc("2026-03-30T08:00:00Z"))
        #expect(calendar.openingTime(on: Self.day("2026-01-14")) == Self.utc("2026-01-14T09:00:00Z"))
        #expect(calendar.closingTime(on: Self.day("2026-07-15")) == Self.utc("2026-07-15T16:30:00Z"))
    }

    @Test func meetingsOnHolidaysFollowThePolicy() throws {
        let calendar = Self.calendar
        let portugalDay = try #require(LocalDateTime(iso: "2026-06-10T15:00"))
        #expect(calendar.reschedule(portugalDay) == LocalDateTime(iso: "2026-06-11T15:00"))
        #expect(
            calendar.reschedule(portugalDay, policy: .moveToNextWorkingDay) == LocalDateTime(iso: "2026-06-11T15:00"))
        #expect(
            calendar.reschedule(portugalDay, policy: .moveToPreviousWorkingDay)
                == LocalDateTime(iso: "2026-06-09T15:00"))
        #expect(calendar.reschedule(portugalDay, policy: .keep) == portugalDay)
        #expect(calendar.reschedule(portugalDay, policy: .cancel) == nil)
        let ordinary = try #require(LocalDateTime(iso: "2026-06-09T15:00"))
        #expect(calendar.reschedule(ordinary, policy: .cancel) == ordinary)
        // Good Friday at 10:00 WEST moves to Monday at 10:00.
        #expect(calendar.reschedule(Self.utc("2026-04-03T09:00:00Z")) == Self.utc("2026-04-06T09:00:00Z"))
        // Moved across the change to winter time, still 10:00 on the wall: 23 Oct 2026 is a
        // Friday; with it a holiday the next working day is Monday 26 Oct, in WET.
        let closure = try BusinessCalendar(
            timeZone: Self.lisbon, holidays: [Holiday(date: Self.day("2026-10-23"), name: "Closure")])
        #expect(closure.reschedule(Self.utc("2026-10-23T09:00:00Z")) == Self.utc("2026-10-26T10:00:00Z"))
        #expect(closure.reschedule(Self.utc("2026-10-23T09:00:00Z"), policy: .cancel) == nil)
    }

    @Test func aCalendarNeedsAWorkingDay() throws {
        #expect(throws: BusinessCalendarError.self) { try BusinessCalendar(timeZone: Self.lisbon, workingDays: []) }
        let weekendOnly = try BusinessCalendar(timeZone: Self.lisbon, workingDays: [.saturday])
        #expect(weekendOnly.nextWorkingDay(after: Self.day("2026-01-01")) == Self.day("2026-01-03"))
        #expect(weekendOnly.adding(workingDays: 2, to: Self.day("2026-01-01")) == Self.day("2026-01-10"))
    }

    @Test func searchesStopAtTheEndsOfTheCalendar() {
        let calendar = Self.calendar
        #expect(calendar.adding(workingDays: 10, to: Self.day("9999-12-28")) == Self.day("9999-12-31"))
        #expect(calendar.nextWorkingDay(after: Self.day("9999-12-31")) == Self.day("9999-12-31"))
        #expect(calendar.adding(workingDays: -10, to: Self.day("0001-01-03")) == Self.day("0001-01-01"))
    }

    @Test func workingHoursAreValidated() throws {
        let nine = try #require(LocalTime(iso: "09:00"))
        #expect(WorkingHours(start: nine, end: nine) == nil)
        #expect(WorkingHours.standard.description == "09:00-17:30")
        let data = Data(#"{"start":"18:00","end":"09:00"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorkingHours.self, from: data) }
    }

    @Test func declarationDefaultsAndBuildsTheCalendar() throws {
        let standard = BusinessCalendarDeclaration.standard
        #expect(standard.workingDays == Weekday.mondayToFriday)
        #expect(standard.workingHours == .standard)
        #expect(standard.nationalHolidays == nil)
        #expect(standard.holidays.isEmpty)
        #expect(standard.meetingOnHoliday == .moveToNextWorkingDay)
        let declared = BusinessCalendarDeclaration(
            workingDays: [.friday, .monday, .monday], nationalHolidays: .portugal, meetingOnHoliday: .cancel)
        #expect(declared.workingDays == [.monday, .friday])
        let calendar = try declared.calendar(timeZone: Self.lisbon)
        #expect(calendar.workingDays == [.monday, .friday])
        #expect(calendar.meetingPolicy == .cancel)
        #expect(!calendar.isWorkingDay(Self.day("2026-01-01")))
        let data = try JSONEncoder().encode(declared)
        #expect(try JSONDecoder().decode(BusinessCalendarDeclaration.self, from: data) == declared)
    }

    @Test func planBuildsItsCalendarInItsTimeZone() throws {
        var plan = Plan(
            id: "p", title: "P", timeZone: "America/Santiago", start: Self.day("2026-01-01"),
            end: Self.day("2026-12-31"))
        #expect(plan.calendar == .standard)
        #expect(try plan.businessCalendar().timeZone.identifier == "America/Santiago")
        plan.timeZone = "Mars/Olympus"
        #expect(throws: BusinessCalendarError.self) { try plan.businessCalendar() }
    }

    @Test func bodyRecurrence() throws {
        let body = Body(
            id: "committee", name: "Committee", kind: .committee, cadence: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU",
            firstMeeting: "2026-01-13T10:00")
        let recurrence = try #require(body.recurrence(defaultTimeZone: "Europe/Lisbon"))
        #expect(recurrence.timeZone.identifier == "Europe/Lisbon")
        #expect(recurrence.firstOccurrence == Self.utc("2026-01-13T10:00:00Z"))
        #expect(Body(id: "x", name: "X", kind: .monitoring).recurrence(defaultTimeZone: "Europe/Lisbon") == nil)
    }
}
