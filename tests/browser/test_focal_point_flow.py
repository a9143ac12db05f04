"""A delegation registers itself through the portal, as the issue tells it: the focal point opens their link, fills
the form with three participants and the note verbale as a PDF, and submits; the secretariat signs in, opens the
queue, views the PDF and accepts; the list of participants shows the delegation; a second submission after the
deadline is marked late; the secretariat decides on it from the late-notes page; and the focal point withdraws the
delegation, which the secretariat accepts. At a desktop's width and a phone's, with a screenshot of each page.

Each run makes its own meeting whose deadline is an instant about a minute ahead (the server's clock is the real
one), so the first note is on time and, after waiting for the deadline, the second is late.
"""

import datetime
import re
import subprocess
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ACCOUNT, PASSWORD, Server
from test_portal import fits_the_width, shot, sign_in, wait_for

# Long enough for Chromium to start and the first note to be sent on a loaded machine.
DEADLINE_AHEAD = datetime.timedelta(seconds=60)

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def msp(binary, database, *arguments):
    return subprocess.run([binary, *map(str, arguments), "--database", database], check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture
def meeting(msp_binary, workdir, browser):
    """A fresh database with a meeting whose deadline is DEADLINE_AHEAD from now, a secretariat account, and
    Uganda's focal point; yields (server URL, Uganda's link path, the deadline, the PDF's path)."""
    folder = workdir / f"flow-{browser.size}"
    folder.mkdir()
    database = folder / "msp.sqlite"
    deadline = (datetime.datetime.now(datetime.timezone.utc) + DEADLINE_AHEAD).replace(microsecond=0)
    opens = deadline.date() + datetime.timedelta(days=30)
    msp(msp_binary, database, "meeting", "add", "FP", "--title", "Meeting of the focal-point flow",
        "--convention", "CCM", "--opens", opens, "--closes", opens + datetime.timedelta(days=2),
        "--deadline", deadline.isoformat().replace("+00:00", "Z"), "--time-zone", "Europe/Zurich",
        "--venue", "Palais des Nations, Geneva")
    password_file = folder / "password"
    password_file.write_text(PASSWORD + "\n")
    msp(msp_binary, database, "user", "add", ACCOUNT, "--role", "secretariat", "--password-file", password_file)
    added = msp(msp_binary, database, "focal-point", "add", "--delegation", "Uganda", "--email", "focal@ug.example")
    link = re.search(r"/focal-point/[A-Za-z0-9_-]+", added).group(0)
    pdf = folder / "note-verbale.pdf"
    pdf.write_bytes(PDF)
    server = Server(msp_binary, database)
    yield server.url, link, deadline, pdf
    server.stop()


def press(browser, button, result, screenshots, name):
    """Clicks `button` (scrolled into view first) and waits for `result`, longer than for a page: the click posts a
    form and follows its redirect. On a timeout, the page as it was is kept as `name`-timeout.png and named."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()
    try:
        return WebDriverWait(browser, 30).until(EC.visibility_of_element_located(result))
    except Exception:
        path = screenshots / f"{name}-timeout-{browser.size}.png"
        browser.save_screenshot(str(path))
        text = browser.find_element(By.TAG_NAME, "body").text[:500]
        pytest.fail(f"{result} did not appear after pressing {name} ({browser.current_url}; {path}): {text}")


def fill_participant(browser, number, role, title, name, function, gender, email):
    Select(browser.find_element(By.NAME, f"participant-{number}-role")).select_by_value(role)
    browser.find_element(By.NAME, f"participant-{number}-title").send_keys(title)
    browser.find_element(By.NAME, f"participant-{number}-name").send_keys(name)
    browser.find_element(By.NAME, f"participant-{number}-function").send_keys(function)
    Select(browser.find_element(By.NAME, f"participant-{number}-gender")).select_by_value(gender)
    browser.find_element(By.NAME, f"participant-{number}-email").send_keys(email)


def submit_note(browser, url, reference, participants, pdf):
    browser.get(url)
    wait_for(browser, (By.ID, "reference")).send_keys(reference)
    for number, participant in enumerate(participants, start=1):
        fill_participant(browser, number, *participant)
    browser.find_element(By.ID, "pdf").send_keys(str(pdf))
    browser.find_element(By.CSS_SELECTOR, "form.portal-form button[type=submit]").click()
    return wait_for(browser, (By.ID, "received"))


def test_a_delegation_registers_through_its_link_and_the_secretariat_accepts(browser, meeting, screenshots):
    portal, link, deadline, pdf = meeting
    delegation = [
        ("head", "H.E. Mr.", "John Okello", "Ambassador, Permanent Representative", "male", "okello@ug.example"),
        ("alternate", "Ms.", "Grace Namara", "First Secretary", "female", "namara@ug.example"),
        ("adviser", "Dr.", "Samuel Kato", "Adviser", "male", "kato@ug.example"),
    ]

    # The focal point's page: the deadline with the time left, no registration yet.
    browser.get(portal + link)
    assert "Uganda at FP" == wait_for(browser, (By.TAG_NAME, "h1")).text
    assert "left" in browser.find_element(By.CSS_SELECTOR, ".deadline").text
    fits_the_width(browser)
    shot(browser, screenshots, "10-focal-point-page")

    received = submit_note(browser, portal + link, "Note UG/1/2026", delegation, pdf)
    assert "on time" in received.text, received.text
    assert browser.find_element(By.CSS_SELECTOR, "#submissions tr.pending").text.count("Okello") == 1
    fits_the_width(browser)
    shot(browser, screenshots, "11-focal-point-submitted")

    # The secretariat: the queue, the submission beside its PDF, accepted.
    secretariat = portal + "/meetings/FP/submissions"
    sign_in(browser, portal, PASSWORD, next_path="/meetings/FP/submissions")
    queue = wait_for(browser, (By.ID, "queue"))
    assert "Uganda" in queue.text and "on time" in queue.text
    fits_the_width(browser)
    shot(browser, screenshots, "12-queue")
    queue.find_element(By.LINK_TEXT, "Open").click()
    frame = wait_for(browser, (By.CSS_SELECTOR, "iframe.portal-pdf"))
    pdf_url = frame.get_attribute("src")
    # The PDF as the frame gets it, with this browser's session (the page's policy lets no script fetch it): the
    # bytes the focal point sent, served as a PDF to show inline.
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(pdf_url, headers={"Cookie": cookies})) as answer:
        assert answer.headers["Content-Type"] == "application/pdf"
        assert answer.headers["Content-Disposition"].startswith("inline")
        assert answer.read() == PDF
    assert [row.text.count("Namara") for row in browser.find_elements(By.CSS_SELECTOR, "#participants tbody tr")] \
        == [0, 1, 0]
    fits_the_width(browser)
    shot(browser, screenshots, "13-submission")
    accept = browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Accept')]")
    done = press(browser, accept, (By.ID, "done"), screenshots, "accept").text
    assert "accepted by j.dupont" in done and "recorded as note" in done, done
    assert browser.find_element(By.ID, "status").text == "accepted"

    # The list of participants shows the delegation, its head first.
    browser.get(portal + "/meetings/FP/participants")
    document = wait_for(browser, (By.CSS_SELECTOR, ".portal-document"))
    assert "Uganda" in document.text and "John Okello" in document.text
    fits_the_width(browser)
    shot(browser, screenshots, "14-participants-after")
    # It links to the same list as an A4 PDF, downloaded with the secretariat's session.
    download = browser.find_element(By.CSS_SELECTOR, ".document-actions a").get_attribute("href")
    assert download == portal + "/meetings/FP/participants.pdf"
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(download, headers={"Cookie": cookies})) as printed:
        assert printed.headers["Content-Type"] == "application/pdf"
        assert printed.read(5) == b"%PDF-"

    # After the deadline: a second note (an amendment) is received late, and the page says so.
    wait = (deadline - datetime.datetime.now(datetime.timezone.utc)).total_seconds() + 1
    if wait > 0:
        time.sleep(wait)
    received = submit_note(browser, portal + link, "Note UG/2/2026", delegation[:1], pdf)
    assert "late by" in received.text and "the secretariat decides" in received.text, received.text
    shot(browser, screenshots, "15-focal-point-late")
    browser.get(secretariat)
    late_row = wait_for(browser, (By.CSS_SELECTOR, "#queue tr.late"))
    assert "late by" in late_row.text
    late_row.find_element(By.LINK_TEXT, "Open").click()
    accept = wait_for(browser, (By.XPATH, "//button[starts-with(normalize-space(), 'Accept')]"))
    press(browser, accept, (By.ID, "done"), screenshots, "accept-late")

    # Accepted, it is a late note: the secretariat decides on it from the late-notes page, with a reason.
    browser.get(portal + "/meetings/FP/late-notes")
    row = wait_for(browser, (By.CSS_SELECTOR, "#late-notes tr.pending"))
    assert "Uganda" in row.text
    fits_the_width(browser)
    shot(browser, screenshots, "16-late-notes-to-decide")
    row.find_element(By.NAME, "reason").send_keys("Sent minutes after the deadline; the President agreed")
    notice = press(
        browser, row.find_element(By.CSS_SELECTOR, "button[value=accepted]"), (By.ID, "decided"), screenshots,
        "decide")
    assert "accepted by " + ACCOUNT in notice.text

    # The focal point withdraws the delegation; accepted, it leaves the list.
    browser.get(portal + link)
    wait_for(browser, (By.ID, "withdrawal-reference")).send_keys("Note UG/3/2026")
    browser.find_element(By.ID, "withdrawal-pdf").send_keys(str(pdf))
    browser.find_element(By.CSS_SELECTOR, "#withdrawal-form button[type=submit]").click()
    assert "Your withdrawal" in wait_for(browser, (By.ID, "received")).text
    browser.get(secretariat)
    wait_for(browser, (By.ID, "queue")).find_element(By.LINK_TEXT, "Open").click()
    assert wait_for(browser, (By.ID, "withdrawal")).text.startswith("A withdrawal")
    accept = browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Accept')]")
    press(browser, accept, (By.ID, "done"), screenshots, "accept-withdrawal")
    browser.get(portal + "/meetings/FP/participants")
    assert "John Okello" not in wait_for(browser, (By.CSS_SELECTOR, ".portal-document")).text

    # The meeting's page, its figures and its delegations with their focal points.
    browser.get(portal + "/meetings/FP")
    assert "0 submission(s) from focal points" in wait_for(browser, (By.ID, "todo-submissions")).text
    fits_the_width(browser)
    shot(browser, screenshots, "18-meeting")
    browser.get(portal + "/meetings/FP/statistics")
    assert "States Parties registered: 0 of " in wait_for(browser, (By.ID, "states-parties")).text
    fits_the_width(browser)
    shot(browser, screenshots, "19-statistics")
    browser.get(portal + "/meetings/FP/delegations")
    assert "focal@ug.example" in wait_for(browser, (By.ID, "delegations")).text
    fits_the_width(browser)
    shot(browser, screenshots, "20-delegations")

    # The delegation's history tells all of it, with who and when.
    browser.get(portal + "/meetings/FP/delegations")
    wait_for(browser, (By.ID, "delegations")).find_element(By.LINK_TEXT, "Uganda").click()
    history = wait_for(browser, (By.ID, "history")).text
    for event in ("submission", "received", "accepted", "withdrawal", "late note accepted"):
        assert event in history, event
    fits_the_width(browser)
    shot(browser, screenshots, "17-history")
