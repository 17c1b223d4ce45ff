"""A store helper run the way fracttal runs it: `/bin/sh -c COMMAND`, one JSON line per request.

Every answer line is checked for every secret the test session has used (an answer must never
hold one), and so is the helper's standard error when it is closed.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import tempfile
import time
from typing import Any

#: Every secret any test handed to any helper in this session.
SECRETS_USED: set[str] = set()

ANSWER_TIMEOUT = 30.0


def remember_secrets(request: Any) -> None:
    if isinstance(request, dict):
        for entry in request.get("entries") or []:
            if isinstance(entry, dict) and isinstance(entry.get("secret"), str):
                SECRETS_USED.add(entry["secret"])


def leaked(text: str) -> list[str]:
    return [secret for secret in SECRETS_USED if secret and secret in text]


class HelperProcess:
    def __init__(self, command: str, env: dict[str, str], cwd: str):
        self.command = command
        self._stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(["/bin/sh", "-c", command], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self._stderr, env=env, cwd=cwd)
        self._buffer = b""
        self.answers: list[str] = []

    # ---- requests

    def send_line(self, line: bytes) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line)
        self.proc.stdin.flush()
        return self.receive()

    def request(self, op: str, **fields: Any) -> dict[str, Any]:
        self.send(op, **fields)
        return self.receive()

    def send(self, op: str, **fields: Any) -> None:
        """Writes a request without waiting for its answer (see receive)."""
        request = {"op": op, **fields}
        remember_secrets(request)
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    def receive(self) -> dict[str, Any]:
        text = self._read_line()
        self.answers.append(text)
        assert not leaked(text), f"an answer holds a secret: {text}"
        answer = json.loads(text)
        assert isinstance(answer, dict) and isinstance(answer.get("ok"), bool), text
        return answer

    def _read_line(self) -> str:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + ANSWER_TIMEOUT
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no answer from the helper within {ANSWER_TIMEOUT} s; stderr: {self.stderr()}")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise AssertionError(f"the helper closed its stdout; stderr: {self.stderr()}")
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode("utf-8")

    # ---- the end

    def stderr(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")

    def bye(self) -> int:
        answer = self.request("bye")
        assert answer == {"ok": True}, answer
        return self.wait()

    def wait(self, timeout: float = 10.0) -> int:
        code = self.proc.wait(timeout)
        self.check_stderr()
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def check_stderr(self) -> None:
        text = self.stderr()
        assert not leaked(text), f"the helper's stderr holds a secret: {text}"

    def close(self) -> None:
        """Ends the process however it stands; checks its stderr for secrets."""
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.close()
                self.proc.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                self.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        self.check_stderr()
        self._stderr.close()
