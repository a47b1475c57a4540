import ICalendar
import Testing

/// Expects `document.serialized()` to throw an ``ICalendarError`` with `code`.
func expectRefusal(
    _ document: ICalendarDocument, _ code: ICalendarError.Code, sourceLocation: SourceLocation = #_sourceLocation
) {
    let error = #expect(throws: ICalendarError.self, sourceLocation: sourceLocation) { try document.serialized() }
    #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
}
