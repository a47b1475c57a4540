import ConcertCore
import ICalendar
