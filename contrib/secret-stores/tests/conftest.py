"""Fixtures: one harness per store helper, so the conformance suite runs unchanged over all of them."""

from __future__ import annotations

import json
import os
import secrets
import sys
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
              command: str | None = None) -> HelperProcess:
        env = self.environment()
        env.update(extra_env or {})
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


HARNESSES: dict[str, type[StoreHarness]] = {"folder": FolderHarness}


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
