/// The Python program behind ``PythonChecker``: an independent reader of the module's output.
///
/// It checks the raw bytes (CRLF only, at most 75 octets a line, no UTF-8 sequence split by a
/// fold), parses with `icalendar.Calendar.from_ical` (collecting the parse errors it records),
/// expands recurrences with `recurring_ical_events`, converts every `TZID` value through its
/// `VTIMEZONE` read on its own (`to_tz(lookup_tzid=False)`, i.e. dateutil's tzical) and through
/// `zoneinfo`, and samples each `VTIMEZONE` against `zoneinfo` across the window (every 12
/// hours, and both sides of every change of offset or name).
enum CheckerScript {
    static let source = #"""
        """Independent check of an iCalendar file written by the ICalendar module.

        Usage: check_ics.py FILE.ics WINDOW_START WINDOW_END OUT.json
        WINDOW_* are ISO 8601 UTC instants bounding the expansion of recurrences and the
        sampling of VTIMEZONE offsets. Exits 3 when a package is missing.
        """
        import json
        import re
        import sys
        from datetime import date, datetime, timedelta, timezone

        try:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            import icalendar
            import recurring_ical_events
        except ImportError as error:  # the Swift test turns this into a failure
            print(f"missing Python package: {error.name} ({error})", file=sys.stderr)
            sys.exit(3)

        UTC = timezone.utc
        ics_path, window_start, window_end, out_path = sys.argv[1:5]
        start = datetime.fromisoformat(window_start.replace("Z", "+00:00"))
        end = datetime.fromisoformat(window_end.replace("Z", "+00:00"))
        raw = open(ics_path, "rb").read()
        problems = []

        # 1. The bytes: CRLF only, lines of at most 75 octets, no UTF-8 sequence split by a fold.
        if not raw.endswith(b"\r\n"):
            problems.append("the file does not end with CRLF")
        physical = raw.split(b"\r\n")[:-1]
        for number, line in enumerate(physical, 1):
            if b"\r" in line or b"\n" in line:
                problems.append(f"line {number} holds a bare CR or LF")
            if len(line) > 75:
                problems.append(f"line {number} has {len(line)} octets")
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                problems.append(f"line {number} is not UTF-8 on its own (a fold split a character)")
            if not line.startswith(b" ") and not re.match(rb"^[A-Z][A-Z0-9-]*[;:]", line):
                problems.append(f"line {number} is neither a continuation nor a property: {line[:40]!r}")
        logical = re.sub(rb"\r\n[ \t]", b"", raw).split(b"\r\n")[:-1]

        # 2. The parse.
        calendar = icalendar.Calendar.from_ical(raw)
        for component in calendar.walk():
            for error in getattr(component, "errors", []):
                problems.append(f"{component.name}: {error}")


        def as_list(value):
            if value is None:
                return []
            return value if isinstance(value, list) else [value]


        def instant(value):
            if isinstance(value, datetime):
                if value.tzinfo is None:
                    return "floating " + value.isoformat()
                return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            if isinstance(value, date):
                return value.isoformat()
            return repr(value)


        def address(prop):
            params = prop.params
            return {
                "address": str(prop),
                "name": params.get("CN"),
                "role": params.get("ROLE"),
                "participation": params.get("PARTSTAT"),
                "rsvp": params.get("RSVP"),
            }


        def text(component, name):
            value = component.get(name)
            return None if value is None else str(value)


        # 3. The occurrences, as a reader expands them.
        occurrences = []
        for event in recurring_ical_events.of(calendar).between(start, end):
            categories = []
            for prop in as_list(event.get("CATEGORIES")):
                categories += [str(c) for c in prop.cats]
            organizer = event.get("ORGANIZER")
            occurrences.append({
                "uid": text(event, "UID"),
                "start": instant(event["DTSTART"].dt),
                "end": instant(event["DTEND"].dt) if "DTEND" in event else None,
                "summary": text(event, "SUMMARY"),
                "description": text(event, "DESCRIPTION"),
                "location": text(event, "LOCATION"),
                "status": text(event, "STATUS"),
                "sequence": int(event["SEQUENCE"]) if "SEQUENCE" in event else None,
                "organizer": address(organizer) if organizer is not None else None,
                "attendees": [address(a) for a in as_list(event.get("ATTENDEE"))],
                "categories": categories,
                "url": text(event, "URL"),
            })
        occurrences.sort(key=lambda o: (o["start"], o["uid"]))

        # 4. Every VTIMEZONE, read on its own (not looked up by TZID), against zoneinfo.
        zones = {}
        for vtimezone in calendar.walk("VTIMEZONE"):
            tzid = str(vtimezone["TZID"])
            try:
                reference = ZoneInfo(tzid)
            except (ZoneInfoNotFoundError, ValueError):
                reference = None
            zones[tzid] = (vtimezone.to_tz(lookup_tzid=False), reference)

        values = []
        for event in calendar.walk("VEVENT"):
            for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE"):
                for prop in as_list(event.get(name)):
                    tzid = prop.params.get("TZID")
                    dts = [d.dt for d in prop.dts] if name == "EXDATE" else [prop.dt]
                    for dt in dts:
                        if tzid is None or not isinstance(dt, datetime):
                            continue
                        local = dt.replace(tzinfo=None)
                        own, reference = zones.get(tzid, (None, None))
                        values.append({
                            "uid": text(event, "UID"),
                            "property": name,
                            "tzid": tzid,
                            "local": local.isoformat(),
                            "vtimezone": instant(local.replace(tzinfo=own)) if own else None,
                            "zoneinfo": instant(local.replace(tzinfo=reference)) if reference else None,
                        })



        def reference_transitions(reference, first, last):
            """The instants in [first, last] at which zoneinfo's offset or name changes, to the second."""
            def state(seconds):
                moment = datetime.fromtimestamp(seconds, reference)
                return moment.utcoffset(), moment.tzname()

            found, moment, end_seconds = [], int(first.timestamp()), int(last.timestamp())
            while moment < end_seconds:
                following = min(moment + 86400, end_seconds)
                if state(moment) != state(following):
                    low, high = moment, following  # state(low) != state(high): bisect to the second
                    while high - low > 1:
                        middle = (low + high) // 2
                        low, high = (middle, high) if state(middle) == state(low) else (low, middle)
                    found.append(datetime.fromtimestamp(high, UTC))
                moment = following
            return found


        samples = []
        for tzid, (own, reference) in zones.items():
            if reference is None:
                samples.append({"tzid": tzid, "checked": 0, "transitions": 0, "mismatches": []})
                continue
            transitions = reference_transitions(reference, start, end)
            moments = [start + timedelta(hours=12 * i) for i in range(int((end - start) / timedelta(hours=12)) + 1)]
            for change in transitions:
                moments += [change - timedelta(seconds=1), change, change + timedelta(minutes=30)]
            mismatches = []
            for moment in sorted(moments):
                mine, theirs = moment.astimezone(own), moment.astimezone(reference)
                if (mine.utcoffset(), mine.tzname()) != (theirs.utcoffset(), theirs.tzname()) and len(mismatches) < 10:
                    mismatches.append(
                        f"{moment.isoformat()}: VTIMEZONE {mine.utcoffset()} {mine.tzname()}, "
                        f"zoneinfo {theirs.utcoffset()} {theirs.tzname()}")
            samples.append({"tzid": tzid, "checked": len(moments), "transitions": len(transitions), "mismatches": mismatches})

        json.dump({
            "problems": problems,
            "method": text(calendar, "METHOD"),
            "logicalLines": [line.decode("utf-8", "replace") for line in logical],
            "occurrences": occurrences,
            "values": values,
            "zones": samples,
        }, open(out_path, "w"), indent=1, ensure_ascii=False)
        """#
}
