"""The shared core in-process: what it answers when a store misbehaves, and redaction."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

import fracttal_store

SECRET = "Sredactme0123456789abcdef0123456"


class LeakyBackend(fracttal_store.Backend):
    """A store whose failures quote the secret back, as a careless library might."""

    def __init__(self, crash: bool):
        self.crash = crash

    def load_index(self) -> Any:
        return None

    def save_index(self, index: Any) -> None:
        pass

    def location_for(self, name: str) -> str:
        return name

    def write_value(self, record: dict[str, Any], location: Any) -> None:
        if self.crash:
            raise RuntimeError(f"boom while writing {record['secret']}")
        raise fracttal_store.StoreError(f"refused the value {record['secret']}")


def converse(backend: fracttal_store.Backend, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    reader = io.BytesIO(b"".join(json.dumps(request).encode() + b"\n" for request in requests))
    writer = io.BytesIO()
    assert fracttal_store.Helper(backend).serve(reader, writer) == 0
    return [json.loads(line) for line in writer.getvalue().decode().splitlines()]


@pytest.mark.parametrize("crash", [False, True])
def test_a_secret_quoted_by_a_failing_store_is_redacted(crash: bool, capsys: Any) -> None:
    answers = converse(LeakyBackend(crash), [
        {"op": "hello", "protocol": 1, "target": "https://x.example/api", "scope": "s"},
        {"op": "put", "entries": [{"intent": "i", "name": "a", "key": "K", "secret": SECRET,
                                   "secret_created_at": "2025-01-01T00:00:00Z"}]},
        {"op": "bye"},
    ])
    put = answers[1]
    if crash:
        assert put["ok"] is False and "internal error" in put["error"]
    else:
        assert put["ok"] and put["results"][0]["ok"] is False
    assert "[redacted]" in json.dumps(put)
    assert SECRET not in json.dumps(answers)
    assert answers[-1] == {"ok": True}
    stderr = capsys.readouterr().err
    assert SECRET not in stderr
    if crash:
        assert "[redacted]" in stderr


def test_the_redactor_replaces_longer_secrets_first() -> None:
    redactor = fracttal_store.Redactor()
    redactor.add("abc")
    redactor.add("abcdef")
    assert redactor.text("x abcdef y abc") == "x [redacted] y [redacted]"
    assert redactor.value({"k": ["abc", 1]}) == {"k": ["[redacted]", 1]}


def test_names_and_scopes_become_safe_file_names() -> None:
    assert fracttal_store.name_slug("../../etc/passwd").startswith("etc-passwd-")
    assert fracttal_store.name_slug("ERP") != fracttal_store.name_slug("erp")
    assert fracttal_store.name_slug("日本").startswith("x-")
    assert fracttal_store.scope_slug("https://acme.fracttal.com/api", "k").startswith("acme-fracttal-com-api-")
    assert fracttal_store.scope_slug("https://a/api", "one") != fracttal_store.scope_slug("https://a/api", "two")
