"""The pass helper: what the password store holds, and that the helper never needs a private key."""

from __future__ import annotations

import os
import stat
import subprocess

from conftest import PassHarness
from test_conformance import CREATED, entry, intent, listed, locked, ok_results


def gpg_files(root: str) -> list[str]:
    return sorted(os.path.relpath(os.path.join(base, name), root)
                  for base, _, names in os.walk(root) for name in names if name.endswith(".gpg"))


def test_an_entry_holds_the_secret_first_then_key_and_time(password_store: PassHarness) -> None:
    helper = password_store.start()
    stored = entry("erp-sync", "KEY1")
    ok_results(helper.request("put", lock_id=locked(password_store, helper), entries=[stored]), 1)
    location = password_store.location("erp-sync")
    assert location.startswith(password_store.entry_folder() + "/erp-sync-")
    assert password_store.show(location) == f"{stored['secret']}\nkey: KEY1\nsecret_created_at: {CREATED}\n"
    path = os.path.join(password_store.root, location + ".gpg")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stored["secret"].encode() not in open(path, "rb").read()
    index = open(os.path.join(password_store.root, password_store.entry_folder(), ".fracttal-index.json")).read()
    assert stored["secret"] not in index and '"erp-sync"' in index


def test_the_helper_has_only_the_public_key(password_store: PassHarness) -> None:
    listing = subprocess.run(["gpg", "--homedir", password_store.gnupg.public, "--list-secret-keys", "--with-colons"],
                             capture_output=True, text=True)
    assert "sec:" not in listing.stdout
    assert password_store.environment()["GNUPGHOME"] == password_store.gnupg.public


def test_any_name_stays_inside_the_scope_folder(password_store: PassHarness) -> None:
    helper = password_store.start()
    names = ["../../escape", "..", "a/b", "/etc/passwd", "ERP", "erp", "名前", "-rf", "--force"]
    ok_results(helper.request("put", lock_id=locked(password_store, helper),
                              entries=[entry(name, f"K{n}") for n, name in enumerate(names)]), len(names))
    assert sorted(listed(helper)) == sorted(names)
    files = gpg_files(password_store.root)
    assert len(files) == len(names)
    assert all(os.path.dirname(name) == password_store.entry_folder() for name in files)
    assert password_store.stored_secret("--force") is not None


def test_rename_and_forget_move_and_remove_the_entry(password_store: PassHarness) -> None:
    helper = password_store.start()
    lock_id = locked(password_store, helper)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("one", "K1")]), 1)
    ok_results(helper.request("rename", lock_id=lock_id, entries=[{"key": "K1", "from": "one", "to": "two"}]), 1)
    assert gpg_files(password_store.root) == [password_store.location("two") + ".gpg"]
    ok_results(helper.request("forget", lock_id=lock_id, entries=[{"name": "two", "key": "K1"}]), 1)
    assert gpg_files(password_store.root) == []


def test_a_store_without_gpg_id_is_refused_at_hello(password_store: PassHarness) -> None:
    os.unlink(os.path.join(password_store.root, ".gpg-id"))
    helper = password_store.start(hello=False)
    answer = helper.request("hello", protocol=1, target=password_store.target, scope=password_store.scope)
    assert answer["ok"] is False and "pass init" in answer["error"]


def test_intend_is_refused_when_the_recipients_cannot_be_encrypted_to(password_store: PassHarness) -> None:
    with open(os.path.join(password_store.root, ".gpg-id"), "w") as handle:
        handle.write("nobody-we-know@example.invalid\n")
    helper = password_store.start()
    answer = helper.request("intend", lock_id=locked(password_store, helper), intents=[intent("erp-sync")])
    assert answer["ok"] is False and "gpg" in answer["error"], answer
    assert listed(helper) == {}


def test_in_a_git_store_the_index_is_committed_too(password_store: PassHarness) -> None:
    env = dict(password_store.environment(), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    subprocess.run(["pass", "git", "init"], env=env, capture_output=True, check=True)
    helper = password_store.start(extra_env={key: env[key] for key in env if key.startswith("GIT_")})
    ok_results(helper.request("put", lock_id=locked(password_store, helper), entries=[entry("erp-sync", "K1")]), 1)
    tracked = subprocess.run(["git", "-C", password_store.root, "ls-files"], capture_output=True, text=True).stdout
    assert password_store.location("erp-sync") + ".gpg" in tracked
    assert f"{password_store.entry_folder()}/.fracttal-index.json" in tracked
    status = subprocess.run(["git", "-C", password_store.root, "status", "--porcelain", "--untracked-files=no"],
                            capture_output=True, text=True).stdout
    assert status == ""
