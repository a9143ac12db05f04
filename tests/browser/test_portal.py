"""The portal's sign-in, list of participants, late notes and sign-out, as a person sees them in Chromium, at a
desktop's width and a phone's (390x844). Each page is screenshotted (see conftest.py for where)."""

from selenium.webdriver.common.by import By
from selenium_axe_python import Axe
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ACCOUNT, PASSWORD


def shot(browser, screenshots, name):
    """Saves the page as shown, and checks it with axe-core (`accessible`): every page the tests look at is both."""
    path = screenshots / f"{name}-{browser.size}.png"
    assert browser.save_screenshot(str(path)), path
    assert path.stat().st_size > 5000, f"{path} looks blank"
    accessible(browser, name)


# The rules of WCAG 2.1 at levels A and AA that axe-core checks automatically.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def accessible(browser, name):
    """axe-core (the selenium-axe-python wheel ships it) finds no violation of WCAG 2.1 A or AA on the page as
    shown, at this window's size: contrast, labels, names of links and buttons, headings, landmarks, language."""
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in results["violations"]
    ]
    assert not violations, f"{name}: " + "; ".join(violations)


def wait_for(browser, locator):
    return WebDriverWait(browser, 10).until(EC.visibility_of_element_located(locator))


def fits_the_width(browser):
    """The page itself does not scroll sideways (wide tables scroll inside their own box)."""
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page is {overflow}px wider than the window"


def sign_in(browser, portal, password, next_path=None):
    browser.get(portal + "/login" + (f"?next={next_path}" if next_path else ""))
    wait_for(browser, (By.ID, "name")).send_keys(ACCOUNT)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form.portal-form button[type=submit]").click()


def test_the_sign_in_page_has_a_labelled_form(browser, portal, screenshots):
    browser.get(portal + "/login")
    assert browser.title == "Sign in: msp"
    name = wait_for(browser, (By.ID, "name"))
    password = browser.find_element(By.ID, "password")
    assert browser.find_element(By.CSS_SELECTOR, "label[for=name]").text == "Name"
    assert browser.find_element(By.CSS_SELECTOR, "label[for=password]").text == "Password"
    assert password.get_attribute("type") == "password"
    assert browser.find_element(By.NAME, "csrf_token").get_attribute("value")
    # Fields a thumb can hit at a phone's width, inside the window.
    width = browser.execute_script("return window.innerWidth")
    for field in (name, password):
        assert field.size["height"] >= 30
        assert field.location["x"] >= 0 and field.location["x"] + field.size["width"] <= width
    fits_the_width(browser)
    shot(browser, screenshots, "01-sign-in")


def test_a_wrong_password_shows_the_error_at_the_password_field(browser, portal, screenshots):
    sign_in(browser, portal, "not the password at all")
    error = wait_for(browser, (By.ID, "password-error"))
    assert "not right" in error.text
    password = browser.find_element(By.ID, "password")
    assert password.get_attribute("aria-invalid") == "true"
    assert password.get_attribute("aria-describedby") == "password-error"
    # The name typed is kept, the password is not; still the sign-in page, no one signed in.
    assert browser.find_element(By.ID, "name").get_attribute("value") == ACCOUNT
    assert password.get_attribute("value") == ""
    assert not browser.find_elements(By.CSS_SELECTOR, ".portal-user")
    # The message sits right below its field.
    assert error.location["y"] > password.location["y"]
    fits_the_width(browser)
    shot(browser, screenshots, "02-sign-in-wrong-password")


def test_signing_in_reading_the_lists_and_signing_out(browser, portal, screenshots):
    # A page behind sign-in sends to the sign-in page, which brings back after.
    browser.get(portal + "/meetings/7MSP/participants")
    wait_for(browser, (By.ID, "name"))
    assert "/login?next=" in browser.current_url
    browser.find_element(By.ID, "name").send_keys(ACCOUNT)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form.portal-form button[type=submit]").click()
    user = wait_for(browser, (By.CSS_SELECTOR, ".portal-user"))
    assert user.text == f"{ACCOUNT} (secretariat)"
    assert browser.current_url == portal + "/meetings/7MSP/participants"
    document = browser.find_element(By.CSS_SELECTOR, ".portal-document")
    assert "7MSP" in browser.title or "Seventh" in document.text
    assert "Uganda" in document.text or "Kenya" in document.text or len(document.text) > 500
    fits_the_width(browser)
    shot(browser, screenshots, "03-participants")

    # The start page lists the meeting, with its links.
    browser.get(portal + "/")
    wait_for(browser, (By.CSS_SELECTOR, ".portal-meeting"))
    assert "7MSP" in browser.find_element(By.CSS_SELECTOR, ".portal-meeting").text
    fits_the_width(browser)
    shot(browser, screenshots, "04-home")

    browser.find_element(By.LINK_TEXT, "Late notes").click()
    heading = wait_for(browser, (By.TAG_NAME, "h1"))
    assert heading.text == "Late notes: 7MSP"
    assert browser.current_url == portal + "/meetings/7MSP/late-notes"
    assert "Deadline:" in browser.find_element(By.TAG_NAME, "main").text
    fits_the_width(browser)
    shot(browser, screenshots, "05-late-notes")

    # Signing out: the bar offers to sign in again, and the lists need it again.
    browser.find_element(By.CSS_SELECTOR, "form.portal-logout button").click()
    wait_for(browser, (By.CSS_SELECTOR, "a.portal-login"))
    assert not browser.find_elements(By.CSS_SELECTOR, ".portal-user")
    fits_the_width(browser)
    shot(browser, screenshots, "06-signed-out")
    browser.get(portal + "/meetings/7MSP/late-notes")
    wait_for(browser, (By.ID, "name"))
    assert "/login?next=" in browser.current_url


def test_a_restart_of_the_server_keeps_the_browser_signed_in(browser, msp_binary, database, screenshots):
    from conftest import Server

    server = Server(msp_binary, database)
    try:
        sign_in(browser, server.url, PASSWORD, next_path="/meetings/7MSP/late-notes")
        wait_for(browser, (By.CSS_SELECTOR, ".portal-user"))
    finally:
        server.stop()
    # Another process over the same file (on another port: cookies are kept per host, not per port).
    restarted = Server(msp_binary, database)
    try:
        browser.get(restarted.url + "/meetings/7MSP/late-notes")
        user = wait_for(browser, (By.CSS_SELECTOR, ".portal-user"))
        assert user.text == f"{ACCOUNT} (secretariat)"
        assert browser.find_element(By.TAG_NAME, "h1").text == "Late notes: 7MSP"
        shot(browser, screenshots, "07-after-restart")
    finally:
        restarted.stop()
