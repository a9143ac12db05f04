#!/usr/bin/env python3
"""A real SMTP server for msp's tests (aiosmtpd): listens on 127.0.0.1:PORT and keeps every message it receives in
FOLDER as N.eml (the data as received, dot-stuffing undone by the server) and N.json (the envelope and what Python's
email package reads in it, see parse_eml.py). Prints "listening" once it accepts connections; stops on SIGTERM or
after --lifetime seconds (default 300), so that a test that dies leaves nothing running for long.

Usage: smtp_sink.py PORT FOLDER [--lifetime SECONDS]
"""
import json
import os
import signal
import sys
import threading
import time

from aiosmtpd.controller import Controller

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parse_eml import describe  # noqa: E402


class Keep:
    def __init__(self, folder: str):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            number = self.count
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        info = describe(raw)
        info["mail_from"] = envelope.mail_from
        info["rcpt_tos"] = envelope.rcpt_tos
        path = os.path.join(self.folder, f"{number}")
        with open(path + ".eml.tmp", "wb") as handle:
            handle.write(raw)
        with open(path + ".json.tmp", "w") as handle:
            json.dump(info, handle)
        os.rename(path + ".eml.tmp", path + ".eml")
        os.rename(path + ".json.tmp", path + ".json")
        return "250 OK kept"


def main():
    port = int(sys.argv[1])
    folder = sys.argv[2]
    lifetime = 300.0
    if "--lifetime" in sys.argv:
        lifetime = float(sys.argv[sys.argv.index("--lifetime") + 1])
    os.makedirs(folder, exist_ok=True)
    # decode_data=False keeps the bytes as sent; the server undoes dot-stuffing itself.
    controller = Controller(Keep(folder), hostname="127.0.0.1", port=port, decode_data=False)
    controller.start()
    print("listening", flush=True)
    done = threading.Event()
    # A parent may have started us with SIGTERM blocked (a test runner's threads): take it back.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    # Short sleeps, not one long wait: the signal handler runs between them.
    deadline = time.monotonic() + lifetime
    while not done.is_set() and time.monotonic() < deadline:
        time.sleep(0.1)
    controller.stop()


if __name__ == "__main__":
    main()
