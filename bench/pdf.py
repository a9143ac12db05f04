#!/usr/bin/env python3
"""The PDF benchmark: the list of participants as a PDF at COP scale, and the engine it was chosen against.

  bench/pdf                                   # 10,000, 30,000 and 100,000 participants; Chromium at 10,000
  bench/pdf --sizes 2000 --runs 1 --chromium 0 --out /tmp/pdf.md   # the small run CI does

For each size: a database made by bench/generate.py's data and `msp import`, then `msp export-roster --format pdf`
timed (median of --runs) with its peak memory (maximum resident set size) and the PDF's pages and bytes, against
the goal of issue 10 (100,000 participants in under 30 s and 500 MiB). With --chromium N, Chromium (headless)
prints msp's own HTML list of the first N-participant size, the engine msp did not choose, timed the same way.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import run_timed  # noqa: E402  (one way of timing a command and reading its peak memory)

GOAL_SECONDS, GOAL_MB = 30.0, 500.0


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def main():
    parser = argparse.ArgumentParser(description="msp's PDF list of participants at COP scale")
    parser.add_argument("--sizes", default="10000,30000,100000", help="participants, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", type=int, default=10000,
                        help="print the HTML of this size with Chromium too (0: not at all)")
    parser.add_argument("--msp", help="an msp binary to use instead of building one")
    parser.add_argument("--out", default=os.path.join(HERE, "results-pdf.md"))
    args = parser.parse_args()
    if args.msp:
        msp = os.path.abspath(args.msp)
    else:
        print("bench: building msp (release, static Swift runtime)...", file=sys.stderr)
        root = os.path.dirname(HERE)
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "msp"], cwd=root,
                       check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--show-bin-path"], cwd=root,
                             check=True, capture_output=True, text=True).stdout.strip()
        msp = os.path.join(out, "msp")
    work = tempfile.mkdtemp(prefix="msp-bench-pdf-")
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        data = os.path.join(work, f"data{size}")
        scale = size / 100_000
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), data, "--participants", str(size),
                        "--organizations", str(max(10, round(2300 * scale))),
                        "--amendments", str(max(5, round(1000 * scale)))], check=True)
        with open(os.path.join(data, "meeting.txt"), encoding="utf-8") as f:
            meeting_args = f.read().splitlines()
        db = os.path.join(work, f"{size}.sqlite")
        subprocess.run([msp] + meeting_args + ["--database", db], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([msp, "import", os.path.join(data, "import.csv"), "--database", db], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([msp, "document", "set", "participants", "--symbol", "FCCC/CP/2017/INF.4", "--issued",
                        "2017-11-06", "--database", db], check=True, stdout=subprocess.DEVNULL)
        # The list holds fewer participants than the rows generated: an amendment replaces its delegation's list.
        listed = json.loads(subprocess.run([msp, "stats", "--format", "json", "--database", db], check=True,
                                           capture_output=True, text=True).stdout)["participants"]
        pdf = os.path.join(work, f"{size}.pdf")
        times, peaks = [], []
        for _ in range(args.runs):
            seconds, peak = run_timed([msp, "export-roster", "--format", "pdf", "--output", pdf, "--database", db])
            times.append(seconds)
            peaks.append(peak)
        rows.append(("msp (Pango and Cairo)", size, listed, statistics.median(times), max(peaks), pdf_pages(pdf),
                     os.path.getsize(pdf)))
        print(f"bench: {size} rows ({listed} listed): {rows[-1][3]:.2f} s, {rows[-1][4]:.0f} MB", file=sys.stderr)
        if args.chromium == size:
            chromium = shutil.which("chromium") or shutil.which("chromium-browser")
            if chromium:
                html = os.path.join(work, f"{size}.html")
                subprocess.run([msp, "export-roster", "--format", "html", "--output", html, "--database", db],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                printed = os.path.join(work, f"{size}-chromium.pdf")
                seconds, peak = run_timed([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                                           "--no-pdf-header-footer", f"--print-to-pdf={printed}", "file://" + html])
                # Chromium's peak is its browser process's; its renderer is a child, counted by wait4 as well.
                rows.append(("Chromium printing msp's HTML", size, listed, seconds, peak, pdf_pages(printed),
                             os.path.getsize(printed)))
    lines = ["| engine | rows generated | participants listed | seconds | peak MB | pages | MB |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for engine, size, listed, seconds, peak, pages, size_bytes in rows:
        lines.append(f"| {engine} | {size:,} | {listed:,} | {seconds:.2f} | {peak:.0f} | {pages:,} | {size_bytes / 1e6:.1f} |")
    largest = max((r for r in rows if r[0].startswith("msp")), key=lambda r: r[1])
    verdict = "met" if largest[3] < GOAL_SECONDS and largest[4] < GOAL_MB else "missed"
    lines.append("")
    lines.append(f"Goal (issue 10): the 100,000-participant roster of bench/generate.py in under {GOAL_SECONDS:.0f} s "
                 f"and {GOAL_MB:.0f} MB. At {largest[1]:,} rows ({largest[2]:,} listed): {largest[3]:.1f} s, "
                 f"{largest[4]:.0f} MB: {verdict}.")
    report = "\n".join(lines) + "\n"
    print(report)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# The list of participants as PDF (bench/pdf)\n\n" + report)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
