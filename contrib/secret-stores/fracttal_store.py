"""The shared core of fracttal's store helpers: protocol version 1 over JSON Lines.

A store helper is a program that `fracttal plan` and `fracttal apply` start with
`--secrets-out 'exec:COMMAND'`. The tool writes one JSON request per line on the helper's
standard input and waits for one JSON answer line on its standard output. This module is that
loop plus everything the helpers share:

- the dispatch on `op`, the answers to malformed lines and unknown ops, `bye`;
- the per-scope index (one metadata document: entries and pending marks, never a secret);
- the rules of each write op (intend, put, withdraw, rename, forget), with per-entry results and
  the batch limit of 100 entries;
- the lock algorithm (lock, lock_status, renew, unlock, and the check every write makes), written
  once over four small compare-and-swap primitives that each store provides;
- redaction: every secret this process has seen is replaced by `[redacted]` in anything it
  writes, answers and diagnostics alike, and nothing but answers reaches standard output.

A concrete helper is a `Backend` subclass (where values, the index and the lock live) handed
to `main()`. See README.md beside this file for what each helper stores and where.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import hashlib
import json
import os
import re
import sys
import time
import traceback
import unicodedata
import uuid
from typing import Any, Iterator

PROTOCOL = 1
MAX_BATCH = 100
MAX_LOCK_TTL = 3600
ACTIONS = ("create", "replace", "rotate")
INDEX_FORMAT = 1

# A testing aid: shifts every helper's clock by this many seconds, so tests can see a lock
# expire without waiting for it. Never set it in production.
CLOCK_OFFSET_VARIABLE = "FRACTTAL_STORE_CLOCK_OFFSET"


class StoreError(Exception):
    """A failure whose message may be shown to the user (after redaction)."""


class LockRefused(StoreError):
    """The lock is held by someone else; carries the holder's record."""

    def __init__(self, record: dict[str, Any]):
        super().__init__(f"the store is locked by {record.get('holder')} since {record.get('since')} "
                         f"(lock {record.get('lock_id')})")
        self.record = record


# --------------------------------------------------------------------------------------------
# Redaction: secrets never leave this process except into the store itself.

class Redactor:
    """Every secret seen by this process, replaced by `[redacted]` in any text written out."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()

    def add(self, secret: Any) -> None:
        if isinstance(secret, str) and secret:
            self._secrets.add(secret)

    def text(self, text: str) -> str:
        # Longest first, so a secret that contains another is replaced whole.
        for secret in sorted(self._secrets, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, "[redacted]")
        return text

    def value(self, value: Any) -> Any:
        """A copy of a JSON value with every string (not the keys) redacted."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        return value


REDACTOR = Redactor()
_PROGRAM = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "fracttal-store"


def note(message: str) -> None:
    """A diagnostic line on standard error (the tool shows it, escaped), redacted."""
    try:
        sys.stderr.write(f"{_PROGRAM}: {REDACTOR.text(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


# --------------------------------------------------------------------------------------------
# Time, names and files.

def now() -> float:
    """Seconds since the epoch, shifted by FRACTTAL_STORE_CLOCK_OFFSET when a test sets it."""
    offset = os.environ.get(CLOCK_OFFSET_VARIABLE, "")
    try:
        return time.time() + (float(offset) if offset else 0.0)
    except ValueError:
        return time.time()


def rfc3339(seconds: float) -> str:
    moment = datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_rfc3339(text: Any) -> float | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment.timestamp()


def digest(text: str, length: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def readable(text: str, limit: int = 40) -> str:
    """Lower-case ASCII letters and digits of a text, other runs as one '-', at most limit long."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    kept = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    return kept or "x"


def scope_slug(target: str, scope: str) -> str:
    """A file- and URL-safe name for a store scope: readable part of the target plus a digest of both."""
    readable_target = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", target)
    return f"{readable(readable_target)}-{digest(target + chr(10) + scope)}"


def name_slug(name: str) -> str:
    """A safe, case-insensitive-filesystem-proof file name for a consumer name (readable + digest)."""
    return f"{readable(name)}-{digest(name)}"


def fsync_folder(path: str) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_exclusive(path: str, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        os.fchmod(fd, mode)  # the umask may have narrowed or widened nothing; be exact
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def _temporary_path(path: str) -> str:
    folder, base = os.path.split(path)
    return os.path.join(folder, f".{base}.tmp-{os.getpid()}-{uuid.uuid4().hex[:12]}")


def write_atomic(path: str, data: bytes, mode: int = 0o600) -> None:
    """Writes a whole file or nothing: a temporary file (O_EXCL, mode, fsync), rename, fsync the folder."""
    temporary = _temporary_path(path)
    try:
        _write_exclusive(temporary, data, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_folder(os.path.dirname(path) or ".")


def create_exclusive(path: str, data: bytes, mode: int = 0o600) -> bool:
    """Creates path with all of data, or returns False when it exists (temporary file, then link(2))."""
    temporary = _temporary_path(path)
    try:
        _write_exclusive(temporary, data, mode)
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    fsync_folder(os.path.dirname(path) or ".")
    return True


def remove_file(path: str) -> None:
    """Removes a file (absent is fine) and fsyncs its folder."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return
    fsync_folder(os.path.dirname(path) or ".")


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))


# --------------------------------------------------------------------------------------------
# The index: one metadata document per scope, never a secret.

class Index:
    """Entries (a stored secret's name, key, issue time and location) and pending marks, by name."""

    def __init__(self, target: str, scope: str, raw: dict[str, Any] | None = None, where: str = "the index"):
        self.target, self.scope = target, scope
        self.entries: dict[str, dict[str, Any]] = {}
        self.marks: dict[str, dict[str, Any]] = {}
        if raw is None:
            return
        if not isinstance(raw, dict) or not isinstance(raw.get("entries", {}), dict) \
                or not isinstance(raw.get("marks", {}), dict):
            raise StoreError(f"{where} is not a fracttal store index")
        if raw.get("format", INDEX_FORMAT) != INDEX_FORMAT:
            raise StoreError(f"{where} has format {raw.get('format')!r}; this helper reads format {INDEX_FORMAT}")
        if raw.get("target") != target or raw.get("scope") != scope:
            raise StoreError(f"{where} belongs to another scope ({raw.get('target')!r}); refusing to use it")
        self.entries = {name: dict(entry) for name, entry in raw.get("entries", {}).items()}
        self.marks = {name: dict(mark) for name, mark in raw.get("marks", {}).items()}

    def raw(self) -> dict[str, Any]:
        return {"format": INDEX_FORMAT, "target": self.target, "scope": self.scope,
                "entries": self.entries, "marks": self.marks}

    def encoded(self) -> bytes:
        return (json.dumps(self.raw(), ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")

    def listing(self) -> list[dict[str, Any]]:
        """What `list` answers: every stored entry and every mark, one item per name."""
        items = []
        for name in sorted(set(self.entries) | set(self.marks)):
            entry, mark = self.entries.get(name), self.marks.get(name)
            items.append({
                "name": name,
                "key": entry["key"] if entry else mark.get("key"),
                "secret_created_at": entry["secret_created_at"] if entry else None,
                "pending": dict(mark) if mark else None,
                "stored": entry is not None,
            })
        return items

    def locations(self) -> dict[str, Any]:
        """The location of every stored entry, by its canonical text."""
        return {canonical(entry["location"]): entry["location"] for entry in self.entries.values()
                if "location" in entry}


# --------------------------------------------------------------------------------------------
# What a store provides.

class LockPrimitives:
    """Compare-and-swap on one lock record; the lock algorithm itself lives in Helper."""

    max_ttl = MAX_LOCK_TTL

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Held around read-then-write sequences (and whole write ops) where the store needs it."""
        yield

    def read(self) -> tuple[dict[str, Any] | None, Any]:
        """The current record (None when free) and a token naming this version (None when no record exists)."""
        raise NotImplementedError

    def create(self, record: dict[str, Any]) -> bool:
        """Creates the record if none exists; False when one does."""
        raise NotImplementedError

    def replace(self, token: Any, record: dict[str, Any] | None) -> bool:
        """Replaces the version named by token with record (None frees the lock); False when it changed."""
        raise NotImplementedError


class FileLock(LockPrimitives):
    """A lock file (created whole with O_EXCL + link) serialized by flock on a guard file never unlinked."""

    def __init__(self, folder: str, name: str):
        self.folder = folder
        self.path = os.path.join(folder, name)
        self.guard_path = self.path + ".guard"

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        os.makedirs(self.folder, mode=0o700, exist_ok=True)
        fd = os.open(self.guard_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def read(self) -> tuple[dict[str, Any] | None, Any]:
        try:
            with open(self.path, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            return None, None
        try:
            record = json.loads(data)
            if not isinstance(record, dict) or not isinstance(record.get("lock_id"), str):
                raise ValueError
        except ValueError:
            raise StoreError(f"the lock file {self.path} is unreadable; remove it by hand if no apply is running")
        return record, "file"

    def create(self, record: dict[str, Any]) -> bool:
        os.makedirs(self.folder, mode=0o700, exist_ok=True)
        return create_exclusive(self.path, (json.dumps(record) + "\n").encode("utf-8"))

    def replace(self, token: Any, record: dict[str, Any] | None) -> bool:
        # Only ever called under guard() after read(), so the file is still the one read.
        if record is None:
            remove_file(self.path)
        else:
            write_atomic(self.path, (json.dumps(record) + "\n").encode("utf-8"))
        return True


class Backend:
    """Where one kind of store keeps values, the index and the lock. Subclasses override what they need."""

    #: Shown in diagnostics.
    label = "store"

    def open(self, target: str, scope: str) -> None:
        """Called by hello: remember the scope, check that the store is usable (raise StoreError if not)."""
        self.target, self.scope = target, scope

    def lock(self) -> LockPrimitives | None:
        """The lock primitives, or None for a store without the lock capability."""
        return None

    def load_index(self) -> dict[str, Any] | None:
        """The raw index document of the scope, or None when there is none yet."""
        raise NotImplementedError

    def save_index(self, index: Index) -> None:
        """Stores the index durably (the commit point of every write)."""
        raise NotImplementedError

    def index_name(self) -> str:
        """How the index is named in messages."""
        return "the index"

    def location_for(self, name: str) -> Any:
        """Where the value of a name goes (JSON-able); raises StoreError when the name cannot be stored."""
        raise NotImplementedError

    def foreign_locations(self) -> set[str]:
        """Canonical locations used by other scopes sharing this store (names there are taken)."""
        return set()

    def check_writable(self) -> None:
        """Called by intend before any mark is written: raise StoreError if values could not be stored."""

    def check_value(self, record: dict[str, Any]) -> None:
        """Raise StoreError when this store cannot hold the value (a key or time it cannot represent)."""

    def write_value(self, record: dict[str, Any], location: Any) -> None:
        """Stores {name, key, secret, secret_created_at} at location, durably; raise StoreError on failure."""
        raise NotImplementedError

    def move_value(self, entry: dict[str, Any], new_name: str, location: Any) -> Any:
        """Moves a stored value to a new name; returns where it now is (may stay where it was)."""
        raise NotImplementedError

    def delete_value(self, location: Any) -> None:
        """Deletes a stored value (absent is fine); raise StoreError on failure."""
        raise NotImplementedError


# --------------------------------------------------------------------------------------------
# Validation of request fields.

def _problem_with_name(value: Any, field: str = "name") -> str | None:
    if not isinstance(value, str) or not value:
        return f"{field} must be a non-empty string"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"{field} is not valid Unicode"
    if "\x00" in value:
        return f"{field} contains a NUL character"
    return None


def _optional_string(item: dict[str, Any], field: str) -> str | None:
    value = item.get(field)
    if value is not None and not isinstance(value, str):
        return f"{field} must be a string or null"
    return None


def _required_string(item: dict[str, Any], field: str) -> str | None:
    value = item.get(field)
    if not isinstance(value, str) or not value:
        return f"{field} must be a non-empty string"
    return None


def _first(*problems: str | None) -> str | None:
    return next((problem for problem in problems if problem), None)


class _Once:
    """A value computed on first use only (the locations of other scopes cost a call to the store)."""

    def __init__(self, compute: Any):
        self._compute, self._done, self._value = compute, False, None

    def __call__(self) -> Any:
        if not self._done:
            self._value, self._done = self._compute(), True
        return self._value


def _duplicates(names: list[Any]) -> set[str]:
    seen, twice = set(), set()
    for name in names:
        if isinstance(name, str):
            (twice if name in seen else seen).add(name)
    return twice


# --------------------------------------------------------------------------------------------
# The protocol loop.

class Helper:
    """Serves one tool process: reads requests from stdin and answers each on stdout."""

    def __init__(self, backend: Backend):
        self.backend = backend
        self.opened = False
        self.locking: LockPrimitives | None = None

    # ---- the loop

    def serve(self, reader: Any, writer: Any) -> int:
        while True:
            line = reader.readline()
            if not line:
                return 0  # the tool is gone; a lock we hold frees itself when it expires
            if not line.strip():
                continue
            answer, stop = self.handle_line(line)
            data = (json.dumps(REDACTOR.value(answer), ensure_ascii=True, separators=(",", ":")) + "\n")
            try:
                writer.write(data.encode("ascii"))
                writer.flush()
            except BrokenPipeError:
                return 0
            if stop:
                return 0

    def handle_line(self, line: bytes) -> tuple[dict[str, Any], bool]:
        try:
            request = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            return {"ok": False, "error": f"malformed request: not a JSON line ({type(error).__name__})"}, False
        if not isinstance(request, dict):
            return {"ok": False, "error": "malformed request: not a JSON object"}, False
        self._remember_secrets(request)
        op = request.get("op")
        if not isinstance(op, str):
            return {"ok": False, "error": "malformed request: no op"}, False
        if op == "bye":
            return {"ok": True}, True
        handler = getattr(self, "op_" + op, None) if re.fullmatch(r"[a-z_]+", op) else None
        if handler is None:
            return {"ok": False, "error": "unknown op"}, False
        if op != "hello" and not self.opened:
            return {"ok": False, "error": "hello first: the store's scope is not known yet"}, False
        try:
            return handler(request), False
        except StoreError as error:
            return {"ok": False, "error": str(error)}, False
        except Exception as error:  # noqa: BLE001 - a store failure must be an answer, not a crash
            note(f"internal error in {op}: {type(error).__name__}: {error}")
            for frame in traceback.format_tb(error.__traceback__)[-3:]:
                note(frame.rstrip())
            return {"ok": False, "error": f"internal error in the helper ({type(error).__name__}: {error})"}, False

    @staticmethod
    def _remember_secrets(request: dict[str, Any]) -> None:
        entries = request.get("entries")
        if isinstance(entries, list):
            for entry in entries:
                if isinstance(entry, dict):
                    REDACTOR.add(entry.get("secret"))
        REDACTOR.add(request.get("secret"))

    # ---- batches and the write session

    @staticmethod
    def _batch(request: dict[str, Any], field: str) -> list[Any]:
        items = request.get(field)
        if not isinstance(items, list):
            raise StoreError(f"{field} must be a list")
        if len(items) > MAX_BATCH:
            raise StoreError(f"a batch holds at most {MAX_BATCH} entries; this one has {len(items)}: split it")
        return items

    @contextlib.contextmanager
    def _writing(self, request: dict[str, Any]) -> Iterator[Index]:
        """Checks the lock (when the store has one) and yields the current index; held for the whole write."""
        if self.locking is None:
            yield self._index()
            return
        with self.locking.guard():
            record, _ = self.locking.read()
            self._check_lock(record, request.get("lock_id"))
            yield self._index()

    def _check_lock(self, record: dict[str, Any] | None, lock_id: Any) -> None:
        if not isinstance(lock_id, str) or not lock_id:
            raise StoreError("this write carries no lock_id; this store is written only under its lock")
        if record is None:
            raise StoreError(f"lock {lock_id} is not held: the store is not locked")
        if record.get("lock_id") != lock_id:
            raise StoreError(f"lock {lock_id} is not held: the store is locked by {record.get('holder')} "
                             f"since {record.get('since')} (lock {record.get('lock_id')})")
        if not self._live(record, now()):
            raise StoreError(f"lock {lock_id} expired at {record.get('expires_at')}; renew it before writing")

    def _index(self) -> Index:
        return Index(self.backend.target, self.backend.scope, self.backend.load_index(), self.backend.index_name())

    def _taken_locations(self, index: Index, skip: tuple[str, ...]) -> dict[str, str]:
        """Canonical location -> the name that uses it (entries, and where marks will put theirs)."""
        taken: dict[str, str] = {}
        for name, entry in index.entries.items():
            if name not in skip and "location" in entry:
                taken[canonical(entry["location"])] = name
        for name in index.marks:
            if name not in skip:
                with contextlib.suppress(StoreError):
                    taken.setdefault(canonical(self.backend.location_for(name)), name)
        return taken

    def _where(self, name: str, index: Index, batch: dict[str, list[str]], foreign: "_Once",
               moving_from: str | None = None) -> Any:
        """The location a name's value goes to, or StoreError when it cannot be stored or would collide."""
        location = self.backend.location_for(name)
        key = canonical(location)
        if name in index.entries and canonical(index.entries[name].get("location")) == key:
            return location
        others = [other for other in batch.get(key, []) if other != name]
        if others:
            raise StoreError(f"{name!r} and {others[0]!r} would be stored in the same place; "
                             "rename one of them")
        holder = self._taken_locations(index, (name, moving_from) if moving_from else (name,)).get(key)
        if holder is not None:
            raise StoreError(f"{name!r} would be stored where {holder!r} already is; rename one of them")
        if key in foreign():
            raise StoreError(f"{name!r} would be stored where another scope of this store keeps a consumer")
        return location

    def _batch_locations(self, names: list[Any]) -> dict[str, list[str]]:
        places: dict[str, list[str]] = {}
        for name in names:
            if isinstance(name, str) and not _problem_with_name(name):
                with contextlib.suppress(StoreError):
                    places.setdefault(canonical(self.backend.location_for(name)), []).append(name)
        return places

    def _commit(self, index: Index, before: dict[str, Any]) -> list[str]:
        """Saves the index, then deletes values no entry refers to any more; returns what could not be deleted."""
        self.backend.save_index(index)
        after = index.locations()
        failures = []
        for key, location in before.items():
            if key not in after:
                try:
                    self.backend.delete_value(location)
                except StoreError as error:
                    failures.append(key)
                    note(f"could not delete a value no entry refers to any more: {error}")
        return failures

    # ---- ops

    def op_hello(self, request: dict[str, Any]) -> dict[str, Any]:
        protocol, target, scope = request.get("protocol"), request.get("target"), request.get("scope")
        if protocol != PROTOCOL or isinstance(protocol, bool):
            raise StoreError(f"this helper speaks protocol {PROTOCOL}, not {protocol!r}")
        if not isinstance(target, str) or not target or not isinstance(scope, str) or not scope:
            raise StoreError("hello needs a target and a scope (non-empty strings)")
        self.backend.open(target, scope)
        self.locking = self.backend.lock()
        self.opened = True
        return {"ok": True, "protocol": PROTOCOL, "capabilities": ["lock"] if self.locking else []}

    def op_list(self, request: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "entries": self._index().listing()}

    def op_intend(self, request: dict[str, Any]) -> dict[str, Any]:
        intents = self._batch(request, "intents")
        with self._writing(request) as index:
            self.backend.check_writable()
            names = [item.get("name") if isinstance(item, dict) else None for item in intents]
            twice, batch = _duplicates(names), self._batch_locations(names)
            foreign = _Once(self.backend.foreign_locations)
            results, changed = [], False
            for item in intents:
                problem = self._intent_problem(item) or (
                    "this batch has two intents for that name" if item["name"] in twice else None)
                if problem is None:
                    try:
                        self._where(item["name"], index, batch, foreign)
                    except StoreError as error:
                        problem = str(error)
                if problem:
                    results.append({"ok": False, "error": problem})
                    continue
                # A name has one mark: a newer intent for it replaces the older one.
                index.marks[item["name"]] = {
                    "intent": item["intent"], "action": item["action"], "key": item.get("key"),
                    "prior_keys": list(item.get("prior_keys") or []),
                    "prior_secret_created_at": item.get("prior_secret_created_at"),
                    "old_key": item.get("old_key"),
                }
                changed = True
                results.append({"ok": True})
            if changed:
                self.backend.save_index(index)
        return {"ok": True, "results": results}

    @staticmethod
    def _intent_problem(item: Any) -> str | None:
        if not isinstance(item, dict):
            return "an intent must be an object"
        prior_keys = item.get("prior_keys")
        if prior_keys is not None and (not isinstance(prior_keys, list)
                                       or not all(isinstance(key, str) for key in prior_keys)):
            return "prior_keys must be a list of strings"
        if item.get("action") not in ACTIONS:
            return f"action must be one of {', '.join(ACTIONS)}"
        return _first(_required_string(item, "intent"), _problem_with_name(item.get("name")),
                      _optional_string(item, "key"), _optional_string(item, "prior_secret_created_at"),
                      _optional_string(item, "old_key"))

    def op_put(self, request: dict[str, Any]) -> dict[str, Any]:
        entries = self._batch(request, "entries")
        with self._writing(request) as index:
            before = index.locations()
            names = [item.get("name") if isinstance(item, dict) else None for item in entries]
            twice, batch = _duplicates(names), self._batch_locations(names)
            foreign = _Once(self.backend.foreign_locations)
            results, changed = [], False
            for item in entries:
                problem = self._put_problem(item) or (
                    "this batch has two entries for that name" if item["name"] in twice else None)
                if problem:
                    results.append({"ok": False, "error": problem})
                    continue
                name = item["name"]
                record = {"name": name, "key": item["key"], "secret": item["secret"],
                          "secret_created_at": item["secret_created_at"]}
                try:
                    location = self._where(name, index, batch, foreign)
                    self.backend.check_value(record)
                    self.backend.write_value(record, location)  # the value first ...
                except StoreError as error:
                    results.append({"ok": False, "error": str(error)})
                    continue
                index.entries[name] = {"key": item["key"], "secret_created_at": item["secret_created_at"],
                                       "location": location}
                mark = index.marks.get(name)
                if mark is not None and item.get("intent") is not None and mark.get("intent") == item.get("intent"):
                    del index.marks[name]
                changed = True
                results.append({"ok": True})
            if changed:
                self._commit(index, before)  # ... the metadata last
        return {"ok": True, "results": results}

    @staticmethod
    def _put_problem(item: Any) -> str | None:
        if not isinstance(item, dict):
            return "an entry must be an object"
        return _first(_problem_with_name(item.get("name")), _optional_string(item, "intent"),
                      _required_string(item, "key"), _required_string(item, "secret"),
                      _required_string(item, "secret_created_at"))

    def op_withdraw(self, request: dict[str, Any]) -> dict[str, Any]:
        intents = self._batch(request, "intents")
        if not all(isinstance(intent, str) for intent in intents):
            raise StoreError("intents must be a list of intent IDs (strings)")
        withdrawn = set(intents)
        with self._writing(request) as index:
            gone = [name for name, mark in index.marks.items() if mark.get("intent") in withdrawn]
            for name in gone:
                del index.marks[name]
            if gone:
                self.backend.save_index(index)
        return {"ok": True}

    def op_rename(self, request: dict[str, Any]) -> dict[str, Any]:
        entries = self._batch(request, "entries")
        with self._writing(request) as index:
            before = index.locations()
            foreign = _Once(self.backend.foreign_locations)
            results, changed = [], False
            for item in entries:
                try:
                    changed |= self._rename_one(item, index, foreign)
                    results.append({"ok": True})
                except StoreError as error:
                    results.append({"ok": False, "error": str(error)})
            if changed:
                self._commit(index, before)
        return {"ok": True, "results": results}

    def _rename_one(self, item: Any, index: Index, foreign: "_Once") -> bool:
        if not isinstance(item, dict):
            raise StoreError("an entry must be an object")
        problem = _first(_required_string(item, "key"), _problem_with_name(item.get("from"), "from"),
                         _problem_with_name(item.get("to"), "to"))
        if problem:
            raise StoreError(problem)
        key, old, new = item["key"], item["from"], item["to"]
        entry, mark = index.entries.get(old), index.marks.get(old)
        if entry is not None:
            ours = entry.get("key") == key
        else:
            ours = mark is not None and mark.get("key") == key
        if old == new or not ours:
            return False  # nothing of that consumer under that name (or already renamed): nothing to do
        occupant_entry, occupant_mark = index.entries.get(new), index.marks.get(new)
        occupant_key = occupant_entry["key"] if occupant_entry else (occupant_mark or {}).get("key")
        if (occupant_entry or occupant_mark) and occupant_key != key:
            raise StoreError(f"{new!r} already has an entry (key {occupant_key}); forget it first")
        if entry is not None:
            location = self._where(new, index, {}, foreign, moving_from=old)
            moved = self.backend.move_value(entry, new, location)  # the value first ...
            index.entries[new] = {**entry, "location": moved}
            del index.entries[old]
        if mark is not None:
            index.marks[new] = mark
            del index.marks[old]
        return True

    def op_forget(self, request: dict[str, Any]) -> dict[str, Any]:
        entries = self._batch(request, "entries")
        with self._writing(request) as index:
            before = index.locations()
            results, forgotten, changed = [], [], False
            for item in entries:
                problem = "an entry must be an object" if not isinstance(item, dict) else _first(
                    _problem_with_name(item.get("name")), _required_string(item, "key"))
                if problem:
                    results.append({"ok": False, "error": problem})
                    forgotten.append(None)
                    continue
                name, key = item["name"], item["key"]
                entry, mark = index.entries.get(name), index.marks.get(name)
                location = None
                if entry is not None and entry.get("key") == key:
                    location = canonical(entry.get("location"))
                    del index.entries[name]
                    changed = True
                if mark is not None and mark.get("key") == key:
                    del index.marks[name]
                    changed = True
                results.append({"ok": True})
                forgotten.append(location)
            if changed:
                failed = set(self._commit(index, before))  # the metadata first, then the value
                for position, location in enumerate(forgotten):
                    if location is not None and location in failed:
                        results[position] = {"ok": False, "error": "the entry is forgotten, but its stored "
                                             "secret could not be deleted (see the helper's messages)"}
        return {"ok": True, "results": results}

    # ---- the lock

    @staticmethod
    def _live(record: dict[str, Any] | None, at: float) -> bool:
        if record is None:
            return False
        expires = parse_rfc3339(record.get("expires_at"))
        return expires is not None and at < expires

    @staticmethod
    def _held(record: dict[str, Any]) -> dict[str, Any]:
        return {"ok": False, "error": str(LockRefused(record)), "held_by": record.get("holder"),
                "since": record.get("since"), "lock_id": record.get("lock_id")}

    def _need_lock(self) -> LockPrimitives:
        if self.locking is None:
            raise StoreError("this store has no lock: run fracttal with --no-lock and serialize applies "
                             "another way (a CI concurrency group)")
        return self.locking

    def op_lock(self, request: dict[str, Any]) -> dict[str, Any]:
        locking = self._need_lock()
        holder, ttl = request.get("holder"), request.get("ttl_seconds")
        if not isinstance(holder, str) or not holder:
            raise StoreError("holder must be a non-empty string")
        if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or ttl < 1:
            raise StoreError("ttl_seconds must be a number of seconds, at least 1")
        granted = int(min(ttl, locking.max_ttl))
        with locking.guard():
            record, token = locking.read()
            at = now()
            if self._live(record, at):
                return self._held(record)
            new = {"lock_id": uuid.uuid4().hex, "holder": holder, "since": rfc3339(at),
                   "expires_at": rfc3339(at + granted), "ttl_seconds": granted}
            if token is None:
                taken = locking.create(new)
            else:
                taken = locking.replace(token, new)
                if taken and record is not None:
                    note(f"took over the expired lock {record.get('lock_id')} of {record.get('holder')} "
                         f"(expired at {record.get('expires_at')})")
            if not taken:
                record, _ = locking.read()
                if self._live(record, now()):
                    return self._held(record)
                raise StoreError("the lock changed while this helper was taking it; try again")
        return {"ok": True, "lock_id": new["lock_id"], "ttl_seconds": granted, "since": new["since"],
                "expires_at": new["expires_at"]}

    def op_lock_status(self, request: dict[str, Any]) -> dict[str, Any]:
        if self.locking is None:
            return {"ok": True, "held": False, "held_by": None, "since": None, "lock_id": None}
        record, _ = self.locking.read()
        if not self._live(record, now()):
            return {"ok": True, "held": False, "held_by": None, "since": None, "lock_id": None}
        return {"ok": True, "held": True, "held_by": record.get("holder"), "since": record.get("since"),
                "lock_id": record.get("lock_id"), "expires_at": record.get("expires_at")}

    def _own(self, locking: LockPrimitives, lock_id: Any) -> tuple[dict[str, Any], Any]:
        if not isinstance(lock_id, str) or not lock_id:
            raise StoreError("lock_id must be a non-empty string")
        record, token = locking.read()
        if record is None:
            raise StoreError(f"lock {lock_id} is not held: the store is not locked")
        if record.get("lock_id") != lock_id:
            raise StoreError(f"lock {lock_id} is not held: the store is locked by {record.get('holder')} "
                             f"since {record.get('since')} (lock {record.get('lock_id')})")
        return record, token

    def op_renew(self, request: dict[str, Any]) -> dict[str, Any]:
        locking = self._need_lock()
        with locking.guard():
            record, token = self._own(locking, request.get("lock_id"))
            ttl = int(record.get("ttl_seconds") or locking.max_ttl)
            renewed = {**record, "expires_at": rfc3339(now() + ttl)}
            if not locking.replace(token, renewed):
                raise StoreError("the lock changed while this helper was renewing it")
        return {"ok": True, "ttl_seconds": ttl, "expires_at": renewed["expires_at"]}

    def op_unlock(self, request: dict[str, Any]) -> dict[str, Any]:
        locking = self._need_lock()
        with locking.guard():
            _, token = self._own(locking, request.get("lock_id"))
            if not locking.replace(token, None):
                raise StoreError("the lock changed while this helper was removing it")
        return {"ok": True}


def main(backend: Backend) -> int:
    """Runs the protocol on this process's stdin/stdout; anything else printed goes to stderr."""
    reader, writer = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must never corrupt the answer stream
    try:
        return Helper(backend).serve(reader, writer)
    except KeyboardInterrupt:
        return 130


def usage_requested(usage: str) -> bool:
    """Prints usage and returns True for -h/--help."""
    if any(argument in ("-h", "--help") for argument in sys.argv[1:]):
        sys.stdout.write(usage)
        return True
    return False
