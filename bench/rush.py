#!/usr/bin/env python3
"""The deadline rush (issue 12): msp serve under 64 focal points submitting at once, on a COP-scale database.

  bench/rush                                   # full size: 100,000 participants, 5,000 submissions from 64 clients
  bench/rush --participants 2000 --submissions 200 --clients 8 --out /tmp/rush.md   # the smoke run CI does
  bench/rush --perf /tmp/rush.perf.data         # also `perf record -g` the server during the rush
  bench/rush --rate 300                         # the open loop at 300 submissions/s (default: half the loop's rate)

On one database from bench/generate.py (imported by `msp import`), with one focal point's link per client (each its
own State) and a secretariat account, it measures, in one run:
  1. the rush: each client POSTs submissions (5 participants and a 200 KB PDF, a reference of its own) back to back
     on one keep-alive connection, as the form does; an answer 303 (sent back to the link's page) is a success.
     Rate accepted per second, latency percentiles, errors; then every success is in the database exactly once.
     The load generator (this process, asyncio) and the server's CPU time are printed beside it.
  2. the ceiling: the same rows (a change row, a submission row with its JSON and SHA-256, its PDF's row, one IMMEDIATE
     transaction each, WAL, synchronous=FULL as msp opens it) written by a plain loop through SQLite in one process.
  2b. latency in an open loop: on a fresh copy, submissions arrive at random (a Poisson process) at --rate per second
     (default: half the plain loop's rate), each timed from its arrival, whatever the others do; a client that has
     no idle connection opens one. With 64 clients back to back the mean latency is only 64 / rate, so the closed
     loop's percentiles say little about one focal point's wait; these do.
  3. the secretariat's pages, signed in: the list of participants and the queue (all the rush's submissions
     pending), time to first byte and to last byte (median of --page-runs).
  4. kill -9 of the server in the middle of a second rush on a fresh copy: after a restart, every submission answered
     303 is there, and `PRAGMA integrity_check` is ok.
The results are printed and written as the section "## The deadline rush" of --out (default bench/results.md).
No time is judged: the exit status is non-zero only when a check of correctness fails (a lost or doubled success,
an integrity_check that is not ok).
"""
import argparse, asyncio, threading, hashlib, json, os, re, resource, shutil, signal, sqlite3, statistics, subprocess, sys
import random, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SECTION = "## The deadline rush"
ACCOUNT, PASSWORD = "bench.secretariat", "deadline rush bench password"
PDF_BYTES = 200 * 1024


def sh(argv, **kw):
    return subprocess.run(argv, check=True, capture_output=True, text=True, **kw).stdout


def build_msp():
    print("rush: building msp (release, static Swift runtime)...", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "msp"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    out = sh(["swift", "build", "-c", "release", "--static-swift-stdlib", "--show-bin-path"], cwd=ROOT).strip()
    return os.path.join(out, "msp")


def make_pdf(size):
    head, tail = b"%PDF-1.4\n% deadline rush bench\n", b"\n%%EOF\n"
    return head + b"0" * (size - len(head) - len(tail)) + tail


class Server:
    """msp serve on a free port over `database`."""

    def __init__(self, msp, database):
        self.proc = subprocess.Popen([msp, "serve", "--database", database, "--port", "0"], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        # msp serve may say other things first (where e-mails go); it says where it listens once it does.
        printed, match = [], None
        for line in self.proc.stdout:
            printed.append(line)
            match = re.search(r"listening on http://([^:]+):(\d+)", line)
            if match:
                break
        if not match:
            self.proc.kill()
            sys.exit(f"rush: msp serve did not start: {''.join(printed)!r}")
        # Keep reading what it prints (a line per e-mail it delivers): a full pipe would stop the server.
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()
        self.host, self.port = match.group(1), int(match.group(2))

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# --- HTTP/1.1 on keep-alive connections, by hand (no library: the client must cost little and be measured) ---

async def read_response(reader):
    """(status, headers dict with lower-case names, body bytes)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers.setdefault(name.strip().lower(), []).append(value.strip())
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"][0]))
    elif headers.get("transfer-encoding", [""])[0].lower() == "chunked":
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            body += chunk[:-2]
    else:
        body = b""
    return status, headers, body


async def request(host, port, method, path, body=b"", headers=()):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        head = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Length: {len(body)}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
        writer.write(head.encode() + body)
        return await read_response(reader)
    finally:
        writer.close()


def cookies_of(headers):
    return "; ".join(c.split(";", 1)[0] for c in headers.get("set-cookie", []))


async def sign_in(server):
    status, headers, body = await request(server.host, server.port, "GET", "/login")
    cookie = cookies_of(headers)
    token = re.search(rb'name="csrf_token" value="([^"]+)"', body).group(1).decode()
    form = f"csrf_token={token}&next=%2F&name={ACCOUNT}&password={PASSWORD.replace(' ', '+')}".encode()
    status, headers, _ = await request(server.host, server.port, "POST", "/login", form, [
        ("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)])
    if status not in (302, 303):
        sys.exit(f"rush: signing in answered {status}")
    return cookies_of(headers) or cookie


async def time_page(server, path, cookie):
    """(seconds to the first byte of the answer, seconds to its last byte, status, bytes)."""
    reader, writer = await asyncio.open_connection(server.host, server.port)
    start = time.perf_counter()
    writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n".encode())
    first = await reader.read(1)
    ttfb = time.perf_counter() - start
    rest = await reader.read()
    ttlb = time.perf_counter() - start
    writer.close()
    status = int((first + rest[:12]).split(b" ")[1])
    return ttfb, ttlb, status, len(first) + len(rest)


class Client:
    """One focal point: its link, its form's CSRF token, and a multipart body with its reference left blank."""

    BOUNDARY = "----mspRushBoundary7MA4YWxkTrZu0gW"

    def __init__(self, number, link, csrf, pdf):
        self.number, self.path = number, link + "/submissions"
        b = self.BOUNDARY

        def field(name, value):
            return f'--{b}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'

        people = [("head", "H.E. Ms.", "Amina Okafor", "Ambassador, Permanent Representative", "female"),
                  ("alternate", "Mr.", "José García", "Deputy Permanent Representative", "male"),
                  ("adviser", "Dr.", "Zoë Müller", "Legal Adviser", "female"),
                  ("adviser", "Mr.", "Søren Ødegaard", "Counsellor", "male"),
                  ("adviser", "Ms.", "Nguyễn Văn Hana", "First Secretary", "female")]
        rows = "".join(
            field(f"participant-{i}-role", role) + field(f"participant-{i}-title", title)
            + field(f"participant-{i}-name", name) + field(f"participant-{i}-function", function)
            + field(f"participant-{i}-gender", gender) + field(f"participant-{i}-email", f"p{i}@mission.example")
            for i, (role, title, name, function, gender) in enumerate(people, 1))
        self.before = (field("csrf_token", csrf) + field("rows", "8")).encode() + \
            f'--{b}\r\nContent-Disposition: form-data; name="reference"\r\n\r\n'.encode()
        self.after = ("\r\n" + rows + f'--{b}\r\nContent-Disposition: form-data; name="pdf"; filename="note.pdf"\r\n'
                      "Content-Type: application/pdf\r\n\r\n").encode() + pdf + f"\r\n--{b}--\r\n".encode()

    def post(self, reference, host):
        body = self.before + reference.encode() + self.after
        head = (f"POST {self.path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; "
                f"boundary={self.BOUNDARY}\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        return head + body


async def rush(server, clients, total, label, on_start=None):
    """Every client submits back to back until `total` were sent (or the server is gone). Returns the outcome."""
    sent = [0]
    successes, statuses, latencies, errors = [], {}, [], []

    async def one(client):
        try:
            reader, writer = await asyncio.open_connection(server.host, server.port)
        except OSError as error:
            errors.append(repr(error))
            return
        seq = 0
        while sent[0] < total:
            sent[0] += 1
            seq += 1
            reference = f"Rush {label}/{client.number}/{seq}"
            start = time.perf_counter()
            try:
                writer.write(client.post(reference, f"{server.host}:{server.port}"))
                status, headers, _ = await read_response(reader)
            except (OSError, asyncio.IncompleteReadError) as error:
                errors.append(repr(error))
                break
            latencies.append(time.perf_counter() - start)
            statuses[status] = statuses.get(status, 0) + 1
            if status == 303:
                successes.append(reference)
            if headers.get("connection", [""])[0].lower() == "close":
                break
        writer.close()

    usage0, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    server_cpu0 = server.cpu_seconds()
    tasks = [asyncio.ensure_future(one(c)) for c in clients]
    if on_start:
        await on_start()
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    usage1 = resource.getrusage(resource.RUSAGE_SELF)
    client_cpu = (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)
    try:
        server_cpu = server.cpu_seconds() - server_cpu0
    except OSError:
        server_cpu = None
    return dict(successes=successes, statuses=statuses, latencies=sorted(latencies), errors=errors, elapsed=elapsed,
                client_cpu=client_cpu, server_cpu=server_cpu)


async def open_loop(server, clients, total, rate, label, seed=7):
    """`total` submissions arriving at random at `rate` per second (exponential gaps), each timed from its arrival:
    an open loop, where a slow answer does not hold the next arrival back. Returns the outcome, as `rush` does."""
    rng = random.Random(seed)
    host = f"{server.host}:{server.port}"
    successes, statuses, latencies, errors, idle = [], {}, [], [], []

    async def one(n, client, arrival):
        connection = idle.pop() if idle else None
        if connection is None:
            try:
                connection = await asyncio.open_connection(server.host, server.port)
            except OSError as error:
                errors.append(repr(error))
                return
        reader, writer = connection
        reference = f"Rush {label}/{n}"
        try:
            writer.write(client.post(reference, host))
            status, headers, _ = await read_response(reader)
        except (OSError, asyncio.IncompleteReadError) as error:
            errors.append(repr(error))
            writer.close()
            return
        latencies.append(time.perf_counter() - arrival)
        statuses[status] = statuses.get(status, 0) + 1
        if status == 303:
            successes.append(reference)
        if headers.get("connection", [""])[0].lower() == "close":
            writer.close()
        else:
            idle.append(connection)

    server_cpu0 = server.cpu_seconds()
    start = arrival = time.perf_counter()
    tasks = []
    for n in range(total):
        arrival += rng.expovariate(rate)
        delay = arrival - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.ensure_future(one(n, clients[n % len(clients)], arrival)))
    await asyncio.gather(*tasks)
    for _, writer in idle:
        writer.close()
    return dict(successes=successes, statuses=statuses, latencies=sorted(latencies), errors=errors,
                elapsed=time.perf_counter() - start, server_cpu=server.cpu_seconds() - server_cpu0)


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(round(p / 100 * (len(sorted_values) - 1))))]


def stored_references(database, label):
    with sqlite3.connect(database) as db:
        return [r for (r,) in db.execute("SELECT json_extract(content, '$.reference') FROM submission")
                if r and r.startswith(f"Rush {label}/")]


def compare(successes, stored):
    """(every success stored exactly once, number lost, number doubled, rows stored without a success answer)."""
    counts = {}
    for reference in stored:
        counts[reference] = counts.get(reference, 0) + 1
    lost = sum(1 for r in successes if counts.get(r, 0) == 0)
    doubled = sum(1 for r in set(stored) if counts[r] > 1)
    unanswered = len(set(stored) - set(successes))
    return lost == 0 and doubled == 0, lost, doubled, unanswered


def plain_loop(database, total, pdf, focal_point_ids):
    """The ceiling: the rows a submission writes, by a plain loop through SQLite in one process."""
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    participants = [{"role": "head", "title": "H.E. Ms.", "name": "Amina Okafor",
                     "function": "Ambassador, Permanent Representative", "gender": "female",
                     "email": "p1@mission.example"}] + [
        {"role": "adviser", "title": "Mr.", "name": f"Adviser {i}", "function": "Counsellor", "gender": "male",
         "email": f"p{i}@mission.example"} for i in range(2, 6)]
    usage0, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    for n in range(total):
        reference = f"Plain loop/{n}"
        content = json.dumps({"reference": reference, "participants": participants}, ensure_ascii=False)
        digest = hashlib.sha256(pdf).digest()
        db.execute("BEGIN IMMEDIATE")
        cur = db.execute("INSERT INTO change (made_at, os_user, command, summary) VALUES (?, ?, 'submit', ?)",
                         (int(time.time()), "focal point bench", f"submission of note {reference}"))
        sub = db.execute("""INSERT INTO submission (meeting_id, state_iso3, organization_id, focal_point_id,
                                                    received_at, change_id, content, pdf_size, pdf_sha256, status)
                            SELECT meeting_id, state_iso3, organization_id, id, ?, ?, ?, ?, ?, 'pending'
                            FROM focal_point WHERE id = ? AND revoked_at IS NULL""",
                         (int(time.time()), cur.lastrowid, content, len(pdf), digest,
                          focal_point_ids[n % len(focal_point_ids)]))
        db.execute("INSERT INTO submission_document (submission_id, pdf) VALUES (?, ?)", (sub.lastrowid, pdf))
        db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    usage1 = resource.getrusage(resource.RUSAGE_SELF)
    db.close()
    return elapsed, (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)


def main():
    parser = argparse.ArgumentParser(description="the deadline rush of msp serve")
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--submissions", type=int, default=5000, help="submissions in the rush (all left pending)")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--page-runs", type=int, default=5)
    parser.add_argument("--kill-after", type=float, help="seconds into the second rush to kill -9 the server "
                        "(default: half the first rush's time)")
    parser.add_argument("--perf", help="perf record -g the server during the rush into this file")
    parser.add_argument("--out", default=os.path.join(HERE, "results.md"))
    parser.add_argument("--note", default="", help="what the machine was doing, for the results")
    parser.add_argument("--msp", help="an msp binary to use instead of building one")
    parser.add_argument("--rate", type=float, help="the open loop's offered rate, submissions per second "
                        "(default: half the plain loop's rate)")
    args = parser.parse_args()
    msp = os.path.abspath(args.msp) if args.msp else build_msp()
    load = os.getloadavg()
    scale = args.participants / 100_000

    work = tempfile.mkdtemp(prefix="msp-rush-")
    data = os.path.join(work, "data")
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), data, "--participants", str(args.participants),
                    "--organizations", str(max(10, round(2300 * scale))), "--amendments",
                    str(max(5, round(1000 * scale)))], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(data, "meeting.txt"), encoding="utf-8") as f:
        meeting_args = f.read().splitlines()
    code = meeting_args[2]
    base = os.path.join(work, "base.sqlite")
    sh([msp] + meeting_args + ["--database", base])
    sh([msp, "import", os.path.join(data, "import.csv"), "--database", base])
    password_file = os.path.join(work, "password")
    with open(password_file, "w") as f:
        f.write(PASSWORD + "\n")
    sh([msp, "user", "add", ACCOUNT, "--role", "secretariat", "--password-file", password_file, "--database", base])
    # One link per client, each for a State of its own (ISO 3166 alpha-3 codes find them).
    with open(os.path.join(ROOT, "fixtures", "reference", "states.csv"), encoding="utf-8") as f:
        states = [line.split(",")[2] for line in f.read().splitlines()[1:]]
    if args.clients > len(states):
        sys.exit(f"rush: at most {len(states)} clients (one State each)")
    links = []
    for i, iso3 in enumerate(states[:args.clients]):
        out = sh([msp, "focal-point", "add", "--delegation", iso3, "--email", f"focal{i}@mission.example",
                  "--meeting", code, "--database", base])
        links.append(re.search(r"(/focal-point/[A-Za-z0-9_-]{43})\s*$", out).group(1))
    with sqlite3.connect(base) as db:
        focal_point_ids = [i for (i,) in db.execute("SELECT id FROM focal_point WHERE revoked_at IS NULL")]
        participants_stored = db.execute("SELECT count(*) FROM participant").fetchone()[0]
    pdf = make_pdf(PDF_BYTES)
    failures = []

    # 1. The rush, on a copy of the set-up database.
    rush_db = os.path.join(work, "rush.sqlite")
    shutil.copy(base, rush_db)
    server = Server(msp, rush_db)

    async def forms(server):
        clients = []
        for i, link in enumerate(links):
            status, _, body = await request(server.host, server.port, "GET", link)
            csrf = re.search(rb'name="csrf_token" value="([0-9a-f]+)"', body).group(1).decode()
            clients.append(Client(i, link, csrf, pdf))
        return clients

    perf = [None]

    async def start_perf():
        if args.perf:
            perf[0] = subprocess.Popen(["perf", "record", "-g", "-o", args.perf, "-p", str(server.proc.pid)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    clients = asyncio.run(forms(server))
    result = asyncio.run(rush(server, clients, args.submissions, "A", start_perf))
    if perf[0]:
        perf[0].send_signal(signal.SIGINT)
        perf[0].wait()
    successes = result["successes"]
    ok, lost, doubled, unanswered = compare(successes, stored_references(rush_db, "A"))
    if not ok:
        failures.append(f"rush: {lost} successes lost, {doubled} stored twice")
    lat = result["latencies"]
    rate = len(successes) / result["elapsed"]
    print(f"rush: {len(successes)} accepted of {sum(result['statuses'].values())} answered in "
          f"{result['elapsed']:.2f} s = {rate:.0f}/s; p50 {percentile(lat, 50) * 1000:.1f} ms, p99 "
          f"{percentile(lat, 99) * 1000:.1f} ms; statuses {result['statuses']}; errors {len(result['errors'])}; "
          f"in the database: lost {lost}, doubled {doubled}, stored without an answer {unanswered}; "
          f"CPU: server {result['server_cpu']:.2f} s, load generator {result['client_cpu']:.2f} s", file=sys.stderr)

    # 3. The secretariat's pages, signed in, with the rush's submissions pending.
    async def pages():
        cookie = await sign_in(server)
        out = {}
        for name, path in [("participants", f"/meetings/{code}/participants"),
                           ("queue", f"/meetings/{code}/submissions")]:
            runs = [await time_page(server, path, cookie) for _ in range(args.page_runs)]
            statuses = {r[2] for r in runs}
            if statuses != {200}:
                failures.append(f"page {path}: statuses {statuses}")
            out[name] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[0][3])
        return out

    page_times = asyncio.run(pages())
    with sqlite3.connect(rush_db) as db:
        pending = db.execute("SELECT count(*) FROM submission WHERE status = 'pending'").fetchone()[0]
    for name, (ttfb, ttlb, size) in page_times.items():
        print(f"page {name}: TTFB {ttfb * 1000:.1f} ms, TTLB {ttlb * 1000:.1f} ms, {size:,} bytes", file=sys.stderr)
    server.stop()

    # 2. The ceiling: the same rows by a plain loop, on another copy of the set-up database.
    loop_db = os.path.join(work, "loop.sqlite")
    shutil.copy(base, loop_db)
    loop_seconds, loop_cpu = plain_loop(loop_db, args.submissions, pdf, focal_point_ids)
    loop_rate = args.submissions / loop_seconds
    server_ms = result["server_cpu"] * 1000 / max(1, len(successes))
    loop_ms = loop_cpu * 1000 / args.submissions
    print(f"plain loop: {args.submissions} in {loop_seconds:.2f} s = {loop_rate:.0f}/s ({loop_ms:.2f} ms CPU each); "
          f"the portal's rate is {rate / loop_rate:.3f} of it; msp serve's CPU per submission "
          f"{server_ms:.2f} ms, {server_ms / loop_ms:.1f}x the loop's", file=sys.stderr)

    # 2b. The open loop at half the plain loop's rate (or --rate), on a fresh copy.
    open_rate = args.rate or loop_rate / 2
    open_db = os.path.join(work, "open.sqlite")
    shutil.copy(base, open_db)
    server = Server(msp, open_db)
    clients = asyncio.run(forms(server))
    opened = asyncio.run(open_loop(server, clients, args.submissions, open_rate, "O"))
    server.stop()
    open_ok, open_lost, open_doubled, _ = compare(opened["successes"], stored_references(open_db, "O"))
    if not open_ok:
        failures.append(f"open loop: {open_lost} successes lost, {open_doubled} stored twice")
    open_lat = opened["latencies"]
    print(f"open loop at {open_rate:.0f}/s offered: {len(opened['successes'])} accepted in {opened['elapsed']:.2f} s; "
          f"p50 {percentile(open_lat, 50) * 1000:.1f} ms, p90 {percentile(open_lat, 90) * 1000:.1f} ms, p99 "
          f"{percentile(open_lat, 99) * 1000:.1f} ms; statuses {opened['statuses']}; errors {len(opened['errors'])}",
          file=sys.stderr)

    # 4. kill -9 in the middle of a rush, on a fresh copy; then a restart.
    kill_db = os.path.join(work, "kill.sqlite")
    shutil.copy(base, kill_db)
    server = Server(msp, kill_db)
    clients = asyncio.run(forms(server))
    kill_after = args.kill_after or max(0.2, result["elapsed"] / 2)

    async def killer():
        async def later():
            await asyncio.sleep(kill_after)
            server.proc.kill()
        asyncio.ensure_future(later())

    killed = asyncio.run(rush(server, clients, 10 ** 9, "K", killer))
    server.proc.wait()
    restarted = Server(msp, kill_db)
    health = asyncio.run(request(restarted.host, restarted.port, "GET", "/healthz"))
    restarted.stop()
    with sqlite3.connect(kill_db) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    kill_ok, kill_lost, kill_doubled, kill_unanswered = compare(killed["successes"], stored_references(kill_db, "K"))
    if not kill_ok or integrity != "ok" or health[0] != 200:
        failures.append(f"kill -9: lost {kill_lost}, doubled {kill_doubled}, integrity {integrity}, "
                        f"healthz {health[0]}")
    print(f"kill -9 after {kill_after:.2f} s: {len(killed['successes'])} answered 303 before, lost {kill_lost}, "
          f"doubled {kill_doubled}, stored without an answer {kill_unanswered} (in flight), client errors "
          f"{len(killed['errors'])}; after restart /healthz {health[0]}, integrity_check {integrity}", file=sys.stderr)

    # Results.
    machine = f"{os.cpu_count()} cores, load average {load[0]:.1f} when it started"
    lines = [SECTION, "",
             f"`bench/rush --participants {args.participants} --submissions {args.submissions} --clients "
             f"{args.clients}`: {participants_stored:,} participants stored; {args.clients} clients, each a focal point "
             f"of its own State on one keep-alive connection, submitting back to back (5 participants and a "
             f"{PDF_BYTES // 1024} KB PDF each); the load generator is this script (Python asyncio) on the same "
             f"machine; {machine}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}."
             + (f" {args.note}" if args.note else ""), "",
             "| figure | value | target |", "|---|---:|---:|",
             f"| submissions accepted (303) per second, {args.clients} clients back to back | {rate:,.0f}/s | "
             f"≥ 1.0× the plain loop ({'met' if rate >= loop_rate else 'missed'}) |",
             f"| closed-loop latency p50 / p90 / p99 / max | {percentile(lat, 50) * 1000:.1f} / "
             f"{percentile(lat, 90) * 1000:.1f} / {percentile(lat, 99) * 1000:.1f} / "
             f"{lat[-1] * 1000 if lat else float('nan'):.1f} ms | |",
             f"| open loop at {open_rate:,.0f}/s offered ({'--rate' if args.rate else 'half the plain loop'}): "
             f"latency p50 / p90 / p99 / max | {percentile(open_lat, 50) * 1000:.1f} / "
             f"{percentile(open_lat, 90) * 1000:.1f} / {percentile(open_lat, 99) * 1000:.1f} / "
             f"{open_lat[-1] * 1000 if open_lat else float('nan'):.1f} ms; {len(opened['successes']):,} accepted, "
             f"lost {open_lost}, doubled {open_doubled} | p99 < 100 ms "
             f"({'met' if percentile(open_lat, 99) < 0.1 else 'missed'}) |",
             f"| answers other than 303, connection errors | "
             f"{sum(v for k, v in result['statuses'].items() if k != 303)}, {len(result['errors'])} | none |",
             f"| every success in the database exactly once | {len(successes):,} answered, lost {lost}, doubled "
             f"{doubled} | all |",
             f"| plain loop (same rows, one process, one transaction each) | {loop_rate:,.0f}/s | |",
             f"| portal / plain loop | {rate / loop_rate:.3f} | |",
             f"| CPU per submission: msp serve / plain loop | {server_ms:.2f} ms / {loop_ms:.2f} ms "
             f"({server_ms / loop_ms:.1f}×) | |",
             f"| CPU during the rush: msp serve / load generator | {result['server_cpu']:.1f} s / "
             f"{result['client_cpu']:.1f} s in {result['elapsed']:.1f} s | |"]
    for name, label in [("participants", f"list of participants ({participants_stored:,})"),
                        ("queue", f"queue ({pending:,} pending)")]:
        ttfb, ttlb, size = page_times[name]
        # The list to its last byte in < 300 ms, the queue to its first in < 100 ms.
        target = (f"TTLB < 300 ms ({'met' if ttlb < 0.3 else 'missed'})" if name == "participants"
                  else f"TTFB < 100 ms ({'met' if ttfb < 0.1 else 'missed'})")
        lines.append(f"| {label}: TTFB / TTLB (median of {args.page_runs}) | {ttfb * 1000:.1f} / {ttlb * 1000:.1f} ms "
                     f"({size / 1e6:.1f} MB) | {target} |")
    lines.append(f"| kill -9 {kill_after:.1f} s into a rush, restart | {len(killed['successes']):,} answered 303: lost "
                 f"{kill_lost}, doubled {kill_doubled} ({kill_unanswered} stored whose answer was cut); "
                 f"integrity_check {integrity} | none lost, ok |")
    section = "\n".join(lines) + "\n"
    print(section)
    existing = ""
    if os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as f:
            existing = f.read()
    before, _, after = existing.partition(SECTION)
    # Keep what follows the section (another "## " section), replace the section itself.
    rest = after[after.find("\n## "):] if after and "\n## " in after else ""
    with open(args.out, "w", encoding="utf-8") as f:
        f.write((before.rstrip("\n") + "\n\n" if before.strip() else "") + section + rest)
    shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit("rush: FAILED: " + "; ".join(failures))


if __name__ == "__main__":
    main()
