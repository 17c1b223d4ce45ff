#!/usr/bin/env python3
"""Drives the sandbox's web console in a real browser: Debian's headless Chromium, through
Selenium and Debian's chromedriver.

  1. starts `fracttal sandbox serve` on a free loopback port with a fresh data file, and reads
     its addresses and the console's one-time login link from its output;
  2. logs in with that link and sees the help article's company in the OAuth Consumers table
     (screenshot: consumers.png);
  3. sends the new-consumer form once empty (the server's "must not be empty" shows beside the
     name), then filled in, and reads key and secret from the Credentials panel
     (screenshot: credentials.png, the secret masked first);
  4. gets an access token at /oauth/token with that key and secret;
  5. plans a configuration that declares the new consumer as created: no changes;
  6. edits the consumer's description in the console, and sees `fracttal plan` report that
     change as drift (exit code 2, the description's before and after).

Usage: scripts/console-browser-test.py PATH/TO/fracttal [SCREENSHOT_DIR]
SCREENSHOT_DIR defaults to $CONSOLE_SCREENSHOTS, else .build/console-screenshots. Secrets are
never printed: not the consumer's, not the bootstrap consumer's, not the login link's token.
"""

import base64
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request

# Selenium Manager must never fetch a browser or a driver: Debian's are used.
os.environ["SE_OFFLINE"] = "true"

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ready  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SEEDED_CONSUMERS = [
    "PERMISOS DESTINO", "AFJ Permisos destino", "consumidor alex", "Conexiones API Fracttal Imè",
    "Permisos destino", "consumidorfabian09/05", "Projeto 1212", "ci-bootstrap",
]
NAME = "console-demo"
CREATED_DESCRIPTION = "Created in the console"
EDITED_DESCRIPTION = "Edited in the console"
CONFIGURATION = f"""version: 1
consumers:
  - name: {NAME}
    description: {CREATED_DESCRIPTION}
    permission_group: PERMISO 1 TECNICO
    hub: true
"""


class Failure(Exception):
    """A step that did not go as it should; its message says which."""


def check(condition, message):
    if not condition:
        raise Failure(message)


def step(text):
    print(f"console: {text}", flush=True)


class Sandbox:
    """`fracttal sandbox serve` on a free port, with its printed addresses."""

    def __init__(self, binary, work):
        self.work = work
        self.credentials_path = os.path.join(work, "credentials.json")
        self.stderr = open(os.path.join(work, "sandbox.stderr"), "w")
        self.process = subprocess.Popen(
            [binary, "sandbox", "serve", "--port", "0", "--data", os.path.join(work, "sandbox.sqlite"),
             "--credentials-out", self.credentials_path],
            stdout=subprocess.PIPE, stderr=self.stderr, text=True,
        )
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.process.stdout], daemon=True).start()
        self.addresses = {}
        while not any(name.startswith("Console login URL") for name in self.addresses):
            try:
                line = lines.get(timeout=60)
            except queue.Empty:
                raise Failure("the sandbox printed no console login URL within 60 seconds")
            name, _, value = line.strip().partition(": ")
            self.addresses[name] = value
        self.api_url = self.addresses["API base URL"]
        self.token_url = self.addresses["Token URL"]
        self.console_url = self.addresses["Console URL"]
        self.login_url = next(value for name, value in self.addresses.items() if name.startswith("Console login URL"))
        with open(self.credentials_path) as handle:
            self.bootstrap = json.load(handle)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.stderr.close()


def browser():
    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1600,1000", "--force-device-scale-factor=1", "--lang=en-US",
                     "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def wait_for(driver, locator, seconds=20):
    try:
        return WebDriverWait(driver, seconds).until(ready.visibility_of_element_located(locator))
    except TimeoutException:
        raise Failure(f"no visible {locator[1]} on {driver.current_url} within {seconds} s")


def table_names(driver):
    return [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#consumers td.name a")]


def request_token(token_url, key, secret):
    basic = base64.b64encode(f"{key}:{secret}".encode()).decode()
    request = urllib.request.Request(
        token_url, data=b"grant_type=client_credentials", method="POST",
        headers={"Authorization": f"Basic {basic}", "Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, {}


def plan(binary, sandbox, folder, secrets):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("FRACTTAL_")}
    environment.update({
        "FRACTTAL_BASE_URL": sandbox.api_url, "FRACTTAL_TOKEN_URL": sandbox.token_url,
        "FRACTTAL_CLIENT_ID": sandbox.bootstrap["key"], "FRACTTAL_CLIENT_SECRET": sandbox.bootstrap["secret"],
        "NO_COLOR": "1",
    })
    result = subprocess.run(
        [binary, "plan", folder, "--detailed-exitcode"], cwd=sandbox.work, env=environment,
        capture_output=True, text=True, timeout=120,
    )
    output = result.stdout + result.stderr
    for secret in secrets:
        check(secret not in output, "fracttal plan printed a secret")
    return result.returncode, output


def run(binary, screenshots):
    work = tempfile.mkdtemp(prefix="fracttal-console-")
    sandbox = None
    driver = None
    try:
        sandbox = Sandbox(binary, work)
        step(f"sandbox serving its console at {sandbox.console_url}")
        driver = browser()
        origin = sandbox.console_url.removesuffix("/console/")

        driver.get(sandbox.login_url)
        wait_for(driver, (By.CSS_SELECTOR, "#consumers"))
        check(driver.current_url == f"{origin}/console/consumers",
              f"the login link led to {driver.current_url}, not the consumers table")
        check(table_names(driver) == SEEDED_CONSUMERS,
              f"the consumers table shows {table_names(driver)}, not the help article's company")
        driver.save_screenshot(os.path.join(screenshots, "consumers.png"))
        step("logged in with the one-time link; the table shows the help article's company (consumers.png)")

        driver.find_element(By.LINK_TEXT, "New consumer").click()
        wait_for(driver, (By.ID, "name"))
        redirect = driver.find_element(By.ID, "redirect-field")
        check(not redirect.is_displayed(), "the redirect URI shows for client credentials")
        Select(driver.find_element(By.ID, "grant_type")).select_by_value("authorization_code")
        check(redirect.is_displayed(), "the redirect URI stays hidden for authorization code")
        Select(driver.find_element(By.ID, "grant_type")).select_by_value("client_credentials")
        Select(driver.find_element(By.ID, "id_group_permission")).select_by_visible_text("PERMISO 1 TECNICO")
        driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
        error = wait_for(driver, (By.CSS_SELECTOR, 'p.error[data-field="name"]'))
        check(error.text == "name must not be empty", f"the name's error reads {error.text!r}")
        step("an empty name is refused beside its field: " + error.text)

        driver.find_element(By.ID, "name").send_keys(NAME)
        driver.find_element(By.ID, "description").send_keys(CREATED_DESCRIPTION)
        driver.find_element(By.ID, "hub_enabled").click()
        check(Select(driver.find_element(By.ID, "id_group_permission")).first_selected_option.text == "PERMISO 1 TECNICO",
              "the refused form lost the chosen group")
        driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
        secret_element = wait_for(driver, (By.ID, "consumer-secret"))
        key = driver.find_element(By.ID, "consumer-key").text
        secret = secret_element.text
        check(len(key) >= 16 and len(secret) == 32, "the Credentials panel shows no key and 32-character secret")
        credentials_url = driver.current_url
        copy_buttons = [button for button in driver.find_elements(By.CSS_SELECTOR, "button.copy") if button.is_displayed()]
        check(len(copy_buttons) == 2, "the Credentials panel shows no copy buttons although JavaScript runs")
        driver.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        copy_buttons[0].click()
        WebDriverWait(driver, 10).until(lambda _: copy_buttons[0].text == "Copied")
        copied = driver.execute_async_script("navigator.clipboard.readText().then(arguments[arguments.length - 1])")
        check(copied == key, "the key's copy button did not put the key on the clipboard")
        # The screenshot is kept and shown: it must not hold the secret.
        driver.execute_script("arguments[0].textContent = '•'.repeat(32)", secret_element)
        driver.save_screenshot(os.path.join(screenshots, "credentials.png"))
        step(f"created {NAME} (key {key}); the Credentials panel showed its secret once, with copy buttons"
             " (credentials.png, masked)")

        status, answer = request_token(sandbox.token_url, key, secret)
        check(status == 200 and answer.get("token_type") == "Bearer" and answer.get("access_token"),
              f"the token endpoint answered {status} to the new consumer's credentials")
        step("the new key and secret get an access token at /oauth/token")

        driver.get(credentials_url)
        wait_for(driver, (By.ID, "secret-hidden"))
        check(secret not in driver.page_source, "the Credentials panel showed the secret a second time")

        secrets = [secret, sandbox.bootstrap["secret"]]
        folder = os.path.join(work, "config")
        os.makedirs(folder)
        with open(os.path.join(folder, "consumers.yaml"), "w") as handle:
            handle.write(CONFIGURATION)
        code, output = plan(binary, sandbox, folder, secrets)
        check(code == 0 and "No changes." in output,
              f"fracttal plan of the consumer as created exited {code}:\n{output}")
        step("fracttal plan: no changes while the console's consumer matches the configuration")

        driver.get(f"{origin}/console/consumers?q={NAME}")
        wait_for(driver, (By.CSS_SELECTOR, "#consumers"))
        check(table_names(driver) == [NAME], f"the filter kept {table_names(driver)}")
        driver.find_element(By.LINK_TEXT, NAME).click()
        description = wait_for(driver, (By.ID, "description"))
        check(description.get_attribute("value") == CREATED_DESCRIPTION, "the edit form lost the description")
        description.clear()
        description.send_keys(EDITED_DESCRIPTION)
        driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
        notice = wait_for(driver, (By.CSS_SELECTOR, "p.notice"))
        check(NAME in notice.text, f"the console's notice reads {notice.text!r}")
        step(f"edited the description in the console: {notice.text}")

        code, output = plan(binary, sandbox, folder, secrets)
        expected = f'~ description: "{EDITED_DESCRIPTION}" -> "{CREATED_DESCRIPTION}"'
        check(code == 2 and f'consumer["{NAME}"]' in output and expected in output,
              f"fracttal plan did not report the console's edit as drift (exit {code}):\n{output}")
        step(f"fracttal plan reports the drift: {expected}")

        # A refused form answers 400, which the browser logs too; only script and policy errors count.
        problems = [entry["message"] for entry in driver.get_log("browser")
                    if "Content Security Policy" in entry["message"] or "Uncaught" in entry["message"]]
        check(not problems, "the browser reported problems: " + "; ".join(problems))
        return 0
    except Failure as failure:
        print(f"console browser test failed: {failure}", file=sys.stderr)
        if driver is not None:
            driver.save_screenshot(os.path.join(screenshots, "failure.png"))
        if sandbox is not None and os.path.exists(os.path.join(work, "sandbox.stderr")):
            with open(os.path.join(work, "sandbox.stderr")) as handle:
                sys.stderr.write(handle.read())
        return 1
    finally:
        if driver is not None:
            driver.quit()
        if sandbox is not None:
            sandbox.stop()
        shutil.rmtree(work, ignore_errors=True)


def main():
    if len(sys.argv) not in (2, 3):
        print("usage: scripts/console-browser-test.py PATH/TO/fracttal [SCREENSHOT_DIR]", file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    screenshots = sys.argv[2] if len(sys.argv) == 3 else os.environ.get("CONSOLE_SCREENSHOTS", ".build/console-screenshots")
    os.makedirs(screenshots, exist_ok=True)
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            print(f"console browser test: {tool} is missing: apt-get install chromium chromium-driver", file=sys.stderr)
            return 1
    code = run(binary, screenshots)
    if code == 0:
        step(f"passed; screenshots in {screenshots}")
    return code


if __name__ == "__main__":
    sys.exit(main())
