#!/usr/bin/env python3
"""Reads RFC 5322 messages with Python's email package and prints what it finds, as JSON, for msp's Swift tests.

Usage: parse_eml.py FILE...   (or one message on standard input)
Prints one JSON object per message (a list when files are given): the decoded From, To, Subject, the body as text,
the headers' raw forms, the longest line, whether every line ends in CRLF, and the parser's defects.
"""
import email
import email.policy
import json
import sys


def describe(raw: bytes) -> dict:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines = lines[:-1]
    body = message.get_body(preferencelist=("plain",))
    defects = [type(d).__name__ for d in message.defects]
    for name in ("From", "To", "Subject"):
        header = message[name]
        if header is not None:
            defects += [type(d).__name__ for d in header.defects]
    return {
        "from": str(message["From"]),
        "from_name": message["From"].addresses[0].display_name if message["From"] else None,
        "from_address": message["From"].addresses[0].addr_spec if message["From"] else None,
        "to": str(message["To"]),
        "to_name": message["To"].addresses[0].display_name if message["To"] else None,
        "to_address": message["To"].addresses[0].addr_spec if message["To"] else None,
        "subject": str(message["Subject"]),
        "date": message["Date"].datetime.isoformat() if message["Date"] else None,
        "message_id": str(message["Message-ID"]),
        "mime_version": str(message["MIME-Version"]),
        "content_type": message.get_content_type(),
        "charset": message.get_content_charset(),
        "transfer_encoding": str(message["Content-Transfer-Encoding"]),
        # The text as meant: CRLF line ends (checked by crlf_only) read as "\n".
        "body": body.get_content().replace("\r\n", "\n") if body is not None else None,
        "max_line": max((len(line.rstrip(b"\r")) for line in lines), default=0),
        "crlf_only": all(line.endswith(b"\r") for line in lines),
        "ascii_only": all(byte < 128 for byte in raw),
        "defects": defects,
    }


if __name__ == "__main__":
    if len(sys.argv) > 1:
        result = []
        for path in sys.argv[1:]:
            with open(path, "rb") as handle:
                result.append(describe(handle.read()))
        print(json.dumps(result))
    else:
        print(json.dumps(describe(sys.stdin.buffer.read())))
