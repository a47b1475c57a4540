/// The Python program behind ``MailPython``: an independent reader of the module's output,
/// using only the standard library (`email` with `policy.default`, and `mailbox`).
///
/// For a message it checks the raw octets (US-ASCII, CRLF line ends only, no white-space-only
/// header line, the longest header and body lines), collects the defects the parser records
/// for every part and every header, and reports the decoded headers and, in walk order, each
/// part's content type, parameters, transfer encoding, disposition, file name, decoded
/// content and longest encoded line. For a Maildir it reports each message's folder, flags,
/// subject and identifier.
enum MailCheckerScript {
    static let source = #"""
        """Independent reading of messages written by the Mail module, with Python's standard library.

        Usage: check_mail.py message FILE OUT.json
               check_mail.py maildir FOLDER OUT.json
        """
        import email
        import email.policy
        import json
        import mailbox
        import sys


        def raw_problems(raw):
            """Byte-level checks: US-ASCII, CRLF line ends only, the lengths of the longest lines."""
            problems = []
            if not raw.endswith(b"\r\n"):
                problems.append("the message does not end with CRLF")
            lines = raw.split(b"\r\n")
            if lines and lines[-1] == b"":
                lines = lines[:-1]
            for number, line in enumerate(lines, 1):
                if b"\r" in line or b"\n" in line:
                    problems.append(f"line {number} holds a bare CR or LF")
                if any(byte > 127 for byte in line):
                    problems.append(f"line {number} is not US-ASCII")
                if b"\0" in line:
                    problems.append(f"line {number} holds a NUL")
            end = lines.index(b"") if b"" in lines else len(lines)
            header_lines = lines[:end]
            for number, line in enumerate(header_lines, 1):
                if line[:1] in (b" ", b"\t") and not line.strip():
                    problems.append(f"header line {number} is only white space")
            return problems, header_lines, lines[end + 1:]


        def header_defects(part, where):
            found = [f"{where}: {type(defect).__name__}: {defect}" for defect in part.defects]
            for name, value in part.items():
                for defect in getattr(value, "defects", ()):
                    found.append(f"{where} {name}: {type(defect).__name__}: {defect}")
            return found


        def mailbox_of(header):
            if header is None:
                return []
            return [{"name": address.display_name, "address": address.addr_spec} for address in header.addresses]


        def read_message(raw):
            problems, header_lines, body_lines = raw_problems(raw)
            message = email.message_from_bytes(raw, policy=email.policy.default)
            defects = []
            parts = []
            for index, part in enumerate(message.walk()):
                defects += header_defects(part, f"part {index}")
                entry = {
                    "contentType": part.get_content_type(),
                    "parameters": {key: str(value) for key, value in part["content-type"].params.items()}
                    if part["content-type"] is not None else {},
                    "transferEncoding": part.get("content-transfer-encoding"),
                    "disposition": part.get_content_disposition(),
                    "filename": part.get_filename(),
                    "content": None,
                    "longestLine": 0,
                }
                if not part.is_multipart():
                    entry["content"] = part.get_content()
                    lines = part.get_payload().split("\r\n")
                    entry["longestLine"] = max(len(line) for line in lines)
                parts.append(entry)
            date = message["date"]
            return {
                "problems": problems,
                "defects": defects,
                "longestHeaderLine": max((len(line) for line in header_lines), default=0),
                "longestBodyLine": max((len(line) for line in body_lines), default=0),
                "headerNames": [name for name, _ in message.items()],
                "subject": None if message["subject"] is None else str(message["subject"]),
                "from": mailbox_of(message["from"]),
                "to": mailbox_of(message["to"]),
                "cc": mailbox_of(message["cc"]),
                "messageID": message["message-id"],
                "inReplyTo": message["in-reply-to"],
                "references": None if message["references"] is None else str(message["references"]).split(),
                "date": None if date is None or date.datetime is None else date.datetime.isoformat(),
                "extra": {name: str(value) for name, value in message.items() if name.lower().startswith("x-")},
                "parts": parts,
            }


        def read_maildir(folder):
            box = mailbox.Maildir(folder, factory=None, create=False)
            messages = []
            for key in sorted(box.keys()):
                stored = box.get_message(key)
                parsed = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
                messages.append({
                    "key": key,
                    "subdir": stored.get_subdir(),
                    "flags": stored.get_flags(),
                    "subject": str(parsed["subject"]),
                    "messageID": parsed["message-id"],
                    "defects": header_defects(parsed, key),
                })
            return {"count": len(box), "messages": messages}


        mode, path, out = sys.argv[1:4]
        if mode == "message":
            report = read_message(open(path, "rb").read())
        else:
            report = read_maildir(path)
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(report, handle, ensure_ascii=False)
        """#
}
