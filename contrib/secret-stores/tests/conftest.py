"""Fixtures: one harness per store helper, so the conformance suite runs unchanged over all of them."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from typing import Any

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from helper_process import HelperProcess  # noqa: E402

HELPERS = os.path.dirname(HERE)

# Variables of the machine running the tests that must never reach a helper under test.
_SCRUBBED_PREFIXES = ("AWS_", "GH_", "GITHUB_", "PASSWORD_STORE_", "FRACTTAL_", "GNUPGHOME", "FAKE_GH_")


def base_environment(home: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(_SCRUBBED_PREFIXES)}
    env["HOME"] = home
    # Helpers start with `#!/usr/bin/env python3`: let that be this interpreter (the one with boto3),
    # found directly rather than through a version manager's shim.
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def new_secret() -> str:
    """A 32-character secret like Fracttal's, unique in the session (so a leak is unmistakable)."""
    return "S" + secrets.token_hex(16)[:31]


class StoreHarness:
    """What the conformance suite needs to know about one helper."""

    kind = "?"
    has_lock = True

    def __init__(self, tmp_path: Any):
        self.tmp = str(tmp_path)
        self.home = os.path.join(self.tmp, "home")
        os.makedirs(self.home, exist_ok=True)
        self.target = f"https://{uuid.uuid4().hex[:8]}.fracttal.example/api"
        self.scope = f"{self.target} consumer KEY{uuid.uuid4().hex[:10]}"
        self.processes: list[HelperProcess] = []

    # ---- what each harness provides

    def command(self) -> str:
        raise NotImplementedError

    def environment(self) -> dict[str, str]:
        return base_environment(self.home)

    def put_failure(self) -> tuple[str, dict[str, str]]:
        """A consumer name whose put the store will refuse, and the environment that makes it so."""
        raise NotImplementedError

    def stored_secret(self, name: str) -> str | None:
        """The secret the store holds for a name, read from the store itself (None when absent)."""
        raise NotImplementedError

    # ---- shared

    def start(self, extra_env: dict[str, str] | None = None, hello: bool = True,
              command: str | None = None, without: tuple[str, ...] = ()) -> HelperProcess:
        env = self.environment()
        env.update(extra_env or {})
        for key in without:
            env.pop(key, None)
        process = HelperProcess(command or self.command(), env, self.tmp)
        self.processes.append(process)
        if hello:
            answer = process.request("hello", protocol=1, target=self.target, scope=self.scope)
            assert answer["ok"], answer
        return process

    def close(self) -> None:
        for process in self.processes:
            process.close()


class FolderHarness(StoreHarness):
    kind = "folder"

    def __init__(self, tmp_path: Any):
        super().__init__(tmp_path)
        self.root = os.path.join(self.tmp, "store")
        os.makedirs(self.root)

    def command(self) -> str:
        return f"'{HELPERS}/folder/fracttal-store-folder' '{self.root}'"

    def put_failure(self) -> tuple[str, dict[str, str]]:
        return "refused consumer", {"FRACTTAL_STORE_FOLDER_FAIL_PUT": "refused consumer"}

    def scope_folder(self) -> str:
        (only,) = os.listdir(self.root)
        return os.path.join(self.root, only)

    def stored_secret(self, name: str) -> str | None:
        if not os.listdir(self.root):
            return None
        with open(os.path.join(self.scope_folder(), "index.json")) as handle:
            entry = json.load(handle)["entries"].get(name)
        if entry is None:
            return None
        try:
            with open(os.path.join(self.scope_folder(), entry["location"])) as handle:
                record = json.load(handle)
        except FileNotFoundError:
            return None
        assert record["name"] == name and record["key"] == entry["key"]
        return record["secret"]


def load_helper(path: str, name: str) -> Any:
    """A helper script (no .py) loaded as a module, for its naming functions."""
    loader = importlib.machinery.SourceFileLoader(name, os.path.join(HELPERS, path))
    spec = importlib.util.spec_from_loader(name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


class MotoServer:
    """moto in server mode on a free loopback port, for the whole session."""

    def __init__(self) -> None:
        program = shutil.which("moto_server", path=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
        if program is None:
            raise RuntimeError("moto_server is missing: pip install 'moto[server]'")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(os.devnull, "wb")
        self.process = subprocess.Popen([program, "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1).read()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto_server did not start")
                time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


AWS_ENVIRONMENT = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                   "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": os.devnull,
                   "AWS_SHARED_CREDENTIALS_FILE": os.devnull, "AWS_EC2_METADATA_DISABLED": "true"}


class AwsHarness(StoreHarness):
    kind = "aws"
    moto: MotoServer | None = None
    module: Any = None

    def __init__(self, tmp_path: Any):
        super().__init__(tmp_path)
        if AwsHarness.moto is None:
            AwsHarness.moto = MotoServer()
            AwsHarness.module = load_helper("aws/fracttal-store-aws", "fracttal_store_aws")
        self.prefix = "fracttal"

    _client: Any = None

    @property
    def client(self) -> Any:
        """A boto3 client of the moto server, made once (making one costs a noticeable fraction of a second)."""
        if AwsHarness._client is None:
            import boto3
            AwsHarness._client = boto3.client("secretsmanager", endpoint_url=self.moto.url, region_name="us-east-1",
                                              aws_access_key_id="testing", aws_secret_access_key="testing")
        return AwsHarness._client

    def command(self) -> str:
        return f"'{HELPERS}/aws/fracttal-store-aws'"

    def environment(self) -> dict[str, str]:
        env = super().environment()
        env.update(AWS_ENVIRONMENT, AWS_ENDPOINT_URL=self.moto.url)
        return env

    def base(self) -> str:
        import fracttal_store
        return f"{self.prefix}/{fracttal_store.scope_slug(self.target, self.scope)}"

    def location(self, name: str) -> str:
        return f"{self.base()}/{self.module.encode_name(name)}"

    def put_failure(self) -> tuple[str, dict[str, str]]:
        # A secret of that name that this scope did not make: the helper will not overwrite it.
        name = "refused consumer"
        self.client.create_secret(Name=self.location(name), SecretString="somebody else's")
        return name, {}

    def stored_secret(self, name: str) -> str | None:
        try:
            value = self.client.get_secret_value(SecretId=self.location(name))["SecretString"]
        except self.client.exceptions.ResourceNotFoundException:
            return None
        except self.client.exceptions.InvalidRequestException:
            return None  # scheduled for deletion
        try:
            record = json.loads(value)
        except ValueError:
            return None  # not a value this helper wrote
        return record["secret"] if record.get("name") == name else None


class GnuPG:
    """A throw-away key for the whole session: a home with the private key (to read entries back)
    and a home with only its public key (what the helper gets, so it is proved never to decrypt)."""

    def __init__(self) -> None:
        for program in ("gpg", "gpgconf", "pass"):
            if shutil.which(program) is None:
                raise RuntimeError(f"{program} is missing: apt-get install pass gnupg")
        import tempfile
        self.top = tempfile.mkdtemp(prefix="fgpg")  # short: gpg-agent's socket path has a length limit
        self.full, self.public = os.path.join(self.top, "full"), os.path.join(self.top, "pub")
        for home in (self.full, self.public):
            os.mkdir(home, 0o700)
        self.gpg(self.full, "--passphrase", "", "--quick-gen-key", "fracttal tests <tests@fracttal.invalid>",
                 "default", "default", "never")
        listing = self.gpg(self.full, "--with-colons", "--list-keys").decode()
        self.fingerprint = next(line.split(":")[9] for line in listing.splitlines() if line.startswith("fpr:"))
        exported = self.gpg(self.full, "--export", self.fingerprint)
        self.gpg(self.public, "--import", text=exported)
        self.gpg(self.public, "--import-ownertrust", text=f"{self.fingerprint}:6:\n".encode())

    @staticmethod
    def gpg(home: str, *arguments: str, text: bytes = b"") -> bytes:
        result = subprocess.run(["gpg", "--homedir", home, "--batch", "--quiet", *arguments], input=text,
                                capture_output=True, timeout=60)
        assert result.returncode == 0, result.stderr.decode()
        return result.stdout

    def stop(self) -> None:
        for home in (self.full, self.public):
            subprocess.run(["gpgconf", "--homedir", home, "--kill", "all"], capture_output=True, timeout=30)
        shutil.rmtree(self.top, ignore_errors=True)


class PassHarness(StoreHarness):
    kind = "pass"
    gnupg: GnuPG | None = None

    def __init__(self, tmp_path: Any):
        super().__init__(tmp_path)
        if PassHarness.gnupg is None:
            PassHarness.gnupg = GnuPG()
        self.root = os.path.join(self.tmp, "password-store")
        os.makedirs(self.root, mode=0o700)
        with open(os.path.join(self.root, ".gpg-id"), "w") as handle:
            handle.write(self.gnupg.fingerprint + "\n")  # what `pass init` writes

    def command(self) -> str:
        return f"'{HELPERS}/pass/fracttal-store-pass'"

    def environment(self) -> dict[str, str]:
        env = super().environment()
        env.update(PASSWORD_STORE_DIR=self.root, GNUPGHOME=self.gnupg.public)
        return env

    def entry_folder(self) -> str:
        import fracttal_store
        return f"fracttal/{fracttal_store.scope_slug(self.target, self.scope)}"

    def location(self, name: str) -> str:
        import fracttal_store
        return f"{self.entry_folder()}/{fracttal_store.name_slug(name)}"

    def put_failure(self) -> tuple[str, dict[str, str]]:
        # A folder where the entry's file would go: gpg cannot write it, so pass insert fails.
        name = "refused consumer"
        os.makedirs(os.path.join(self.root, self.location(name) + ".gpg"))
        return name, {}

    def show(self, location: str) -> str | None:
        if not os.path.isfile(os.path.join(self.root, location + ".gpg")):
            return None
        env = dict(self.environment(), GNUPGHOME=self.gnupg.full)
        result = subprocess.run(["pass", "show", location], capture_output=True, env=env, timeout=60)
        assert result.returncode == 0, result.stderr.decode()
        return result.stdout.decode()

    def stored_secret(self, name: str) -> str | None:
        text = self.show(self.location(name))
        return None if text is None else text.split("\n", 1)[0]


class GitHubHarness(StoreHarness):
    """The GitHub helper against tests/fake-gh/gh, a stand-in for the GitHub CLI put first on PATH."""

    kind = "github"
    has_lock = False
    repo = "octo/fracttal-config"

    def __init__(self, tmp_path: Any):
        super().__init__(tmp_path)
        self.state_path = os.path.join(self.tmp, "gh-state.json")

    def command(self) -> str:
        return f"'{HELPERS}/github/fracttal-store-github' --repo {self.repo}"

    def environment(self) -> dict[str, str]:
        env = super().environment()
        env.update(PATH=os.path.join(HERE, "fake-gh") + os.pathsep + env["PATH"], FAKE_GH_STATE=self.state_path)
        return env

    def state(self) -> dict[str, Any]:
        try:
            with open(self.state_path) as handle:
                return json.load(handle)
        except FileNotFoundError:
            return {"calls": [], "secrets": {}, "variables": {}}

    def kept(self, group: str, environment: str = "") -> dict[str, str]:
        return self.state()[group].get(f"{self.repo}|{environment}", {})

    def put_failure(self) -> tuple[str, dict[str, str]]:
        return "refused consumer", {"FAKE_GH_FAIL": "secret set FRACTTAL_REFUSED_CONSUMER_SECRET"}

    def index(self) -> dict[str, Any]:
        indexes = [json.loads(value) for name, value in self.kept("variables").items()
                   if name.startswith("FRACTTAL_STORE_")]
        return next((index for index in indexes if index["scope"] == self.scope), {"entries": {}, "marks": {}})

    def stored_secret(self, name: str) -> str | None:
        entry = self.index()["entries"].get(name)
        if entry is None:
            return None
        assert self.kept("variables").get(entry["location"]["variable"]) == entry["key"]
        return self.kept("secrets").get(entry["location"]["secret"])


HARNESSES: dict[str, type[StoreHarness]] = {"folder": FolderHarness, "aws": AwsHarness, "pass": PassHarness,
                                            "github": GitHubHarness}


@pytest.fixture(scope="session", autouse=True)
def stop_servers() -> Any:
    yield
    if AwsHarness.moto is not None:
        AwsHarness.moto.stop()
    if PassHarness.gnupg is not None:
        PassHarness.gnupg.stop()


def harness_for(kind: str, tmp_path: Any, request: Any) -> StoreHarness:
    harness = HARNESSES[kind](tmp_path)
    request.addfinalizer(harness.close)
    return harness


@pytest.fixture(params=list(HARNESSES))
def store(request: Any, tmp_path: Any) -> StoreHarness:
    return harness_for(request.param, tmp_path, request)


@pytest.fixture
def folder(request: Any, tmp_path: Any) -> FolderHarness:
    return harness_for("folder", tmp_path, request)


@pytest.fixture
def aws(request: Any, tmp_path: Any) -> AwsHarness:
    return harness_for("aws", tmp_path, request)


@pytest.fixture
def password_store(request: Any, tmp_path: Any) -> PassHarness:
    return harness_for("pass", tmp_path, request)


@pytest.fixture
def github(request: Any, tmp_path: Any) -> GitHubHarness:
    return harness_for("github", tmp_path, request)
