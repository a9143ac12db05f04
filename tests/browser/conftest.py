"""The portal in a real browser: Debian's Chromium, driven through chromium-driver by selenium.

Nothing is built here: the suite runs the `msp` that `swift build` left (.build/debug/msp, or MSP_BINARY) on a
fresh demo database in a temporary folder, with one secretariat account, as `msp serve --port 0`, and reads the
port from the line it prints when it listens. Screenshots go to MSP_SCREENSHOTS, or to a temporary folder whose
path is printed at the end of the run.
"""

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT = "j.dupont"
PASSWORD = "correct horse battery staple"

# Desktop and a phone (an iPhone 12 to 15's CSS pixels).
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def find(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    for path in ("/usr/lib/chromium/chromium", "/usr/lib/chromium/chromedriver"):
        if Path(path).name in names and os.access(path, os.X_OK):
            return path
    return None


@pytest.fixture(scope="session")
def msp_binary():
    binary = Path(os.environ.get("MSP_BINARY", ROOT / ".build/debug/msp")).resolve()
    if not os.access(binary, os.X_OK):
        pytest.fail(f"{binary} is not built: run `swift build` first (this suite builds nothing)")
    return binary


@pytest.fixture(scope="session")
def workdir():
    folder = Path(tempfile.mkdtemp(prefix="msp-browser-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshots():
    folder = Path(os.environ.get("MSP_SCREENSHOTS") or tempfile.mkdtemp(prefix="msp-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    print(f"\nscreenshots: {folder}")


class Server:
    """`msp serve --port 0` over a database: `url` once it listens; `stop()` sends SIGTERM and waits."""

    def __init__(self, binary, database):
        self.process = subprocess.Popen(
            [binary, "serve", "--database", database, "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.url = None
        lines = []
        for line in self.process.stdout:
            lines.append(line)
            found = re.search(r"listening on (http://[0-9.]+:[0-9]+)", line)
            if found:
                self.url = found.group(1)
                break
        if self.url is None:
            self.process.kill()
            pytest.fail("msp serve did not say where it listens:\n" + "".join(lines))

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            pytest.fail("msp serve did not stop on SIGTERM")
        assert self.process.returncode == 0, f"msp serve exited {self.process.returncode}"


@pytest.fixture(scope="session")
def database(msp_binary, workdir):
    """A demo database with one secretariat account."""
    database = workdir / "demo.sqlite"
    subprocess.run([msp_binary, "demo", "--database", database], check=True, capture_output=True)
    password_file = workdir / "password"
    password_file.write_text(PASSWORD + "\n")
    subprocess.run(
        [msp_binary, "user", "add", ACCOUNT, "--role", "secretariat", "--password-file", password_file,
         "--database", database],
        check=True, capture_output=True)
    return database


@pytest.fixture(scope="session")
def portal(msp_binary, database):
    """The base URL of `msp serve` over the demo database, for the whole run."""
    server = Server(msp_binary, database)
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def chromium():
    binary = find("chromium", "chromium-browser")
    driver = find("chromedriver")
    if not binary or not driver:
        pytest.fail("chromium and chromium-driver are needed (apt-get install chromium chromium-driver)")
    return binary, driver


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def browser(request, chromium):
    """A fresh headless Chromium (no cookies) at the width the test is run for; its size name is `browser.size`."""
    binary, driver = chromium
    options = Options()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    width, height = SIZES[request.param]
    options.add_argument(f"--window-size={width},{height}")
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    chrome.set_window_size(width, height)
    chrome.size = request.param
    yield chrome
    chrome.quit()
