/// Portugal's national public holidays (feriados nacionais obrigatórios, Código do
/// Trabalho, art. 234), computed for any year.
///
/// The thirteen are: 1 January, Good Friday, Easter Sunday, 25 April, 1 May, Corpus
/// Christi (Easter + 60 days), 10 June, 15 August, 5 October, 1 November, 1 December,
/// 8 December and 25 December. Corpus Christi, 5 October, 1 November and 1 December were
/// suspended for 2013 to 2015 (Lei 23/2012, restored by Lei 8/2016), so those years have
/// nine. Earlier years use today's list. Carnival and municipal holidays (Santo António
/// in Lisbon, São João in Porto) are not national: declare them as extra holidays.
/// Names are the official Portuguese ones.
public enum PortugueseHolidays {
    /// The national holidays of `year`, in date order; empty outside 1583 to 9999.
    public static func national(year: Int) -> [Holiday] {
        guard let easter = Easter.sunday(year: year) else { return [] }
        var result: [Holiday] = []
        for (month, day, name) in fixed where isObserved(name, year: year) {
            result.append(Holiday(date: CalendarDate(uncheckedYear: year, month: month, day: day), name: name))
        }
        for (offset, name) in movable where isObserved(name, year: year) {
            result.append(Holiday(date: CalendarDate(clampingDayNumber: easter.dayNumber + offset), name: name))
        }
        return result.sorted()
    }

    /// The national holiday on `date`, if there is one.
    public static func holiday(on date: CalendarDate) -> Holiday? {
        if let found = fixed.first(where: { $0.month == date.month && $0.day == date.day }) {
            return isObserved(found.name, year: date.year) ? Holiday(date: date, name: found.name) : nil
        }
        // Movable holidays fall between 20 March and 24 June.
        guard (3...6).contains(date.month), let easter = Easter.sunday(year: date.year) else { return nil }
        let offset = date.dayNumber - easter.dayNumber
        guard let found = movable.first(where: { $0.offset == offset }), isObserved(found.name, year: date.year)
        else { return nil }
        return Holiday(date: date, name: found.name)
    }

    private static let corpusChristi = "Corpo de Deus"
    private static let republic = "Implantação da República"
    private static let allSaints = "Dia de Todos-os-Santos"
    private static let restoration = "Restauração da Independência"

    private static let fixed: [(month: Int, day: Int, name: String)] = [
        (1, 1, "Ano Novo"),
        (4, 25, "Dia da Liberdade"),
        (5, 1, "Dia do Trabalhador"),
        (6, 10, "Dia de Portugal, de Camões e das Comunidades Portuguesas"),
        (8, 15, "Assunção de Nossa Senhora"),
        (10, 5, republic),
        (11, 1, allSaints),
        (12, 1, restoration),
        (12, 8, "Imaculada Conceição"),
        (12, 25, "Natal"),
    ]

    /// Days from Easter Sunday.
    private static let movable: [(offset: Int, name: String)] = [
        (-2, "Sexta-feira Santa"),
        (0, "Domingo de Páscoa"),
        (60, corpusChristi),
    ]

    private static func isObserved(_ name: String, year: Int) -> Bool {
        guard (2013...2015).contains(year) else { return true }
        return ![corpusChristi, republic, allSaints, restoration].contains(name)
    }
}
