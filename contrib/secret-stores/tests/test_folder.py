"""The folder helper: what it leaves on disk, and its lock under real time and real races."""

from __future__ import annotations

import json
import os
import stat
import time

from conftest import FolderHarness
from test_conformance import entry, intent, listed, locked, ok_results


def files_under(folder: str) -> list[str]:
    return sorted(os.path.relpath(os.path.join(base, name), folder)
                  for base, _, names in os.walk(folder) for name in names)


def test_secrets_are_files_of_mode_0600_in_a_0700_folder_and_the_index_holds_none(folder: FolderHarness) -> None:
    helper = folder.start()
    lock_id = locked(folder, helper)
    stored = [entry("erp-sync", "KEY1"), entry("Conexiones API Fracttal Imè", "KEY2")]
    ok_results(helper.request("put", lock_id=lock_id, entries=stored), 2)

    scope = folder.scope_folder()
    assert stat.S_IMODE(os.stat(scope).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(os.path.join(scope, "secrets")).st_mode) == 0o700
    secret_files = [name for name in files_under(scope) if name.startswith("secrets/")]
    assert len(secret_files) == 2
    for name in secret_files + ["index.json", "lock"]:
        assert stat.S_IMODE(os.stat(os.path.join(scope, name)).st_mode) == 0o600, name
    index = open(os.path.join(scope, "index.json")).read()
    assert all(item["secret"] not in index for item in stored)
    assert not [name for name in files_under(scope) if ".tmp-" in name], "a temporary file was left behind"
    record = json.load(open(os.path.join(scope, json.loads(index)["entries"]["erp-sync"]["location"])))
    assert record == {"name": "erp-sync", "key": "KEY1", "secret": stored[0]["secret"],
                      "secret_created_at": stored[0]["secret_created_at"]}


def test_any_name_stays_inside_the_scope_folder(folder: FolderHarness) -> None:
    helper = folder.start()
    lock_id = locked(folder, helper)
    names = ["../../escape", "..", ".", "a/b", "/etc/passwd", "ERP", "erp", "日本語の名前", "x" * 300,
             "e\u0301", "\u00e9"]
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry(name, f"K{n}") for n, name in enumerate(names)]),
               len(names))
    assert sorted(listed(helper)) == sorted(names)
    assert sorted(os.listdir(folder.root)) == [os.path.basename(folder.scope_folder())]
    secret_files = [name for name in files_under(folder.scope_folder()) if name.startswith("secrets/")]
    assert len(secret_files) == len(names)
    assert all(name.count("/") == 1 and len(os.path.basename(name)) < 100 for name in secret_files)
    for name in names:
        assert folder.stored_secret(name) is not None


def test_rename_and_forget_leave_no_secret_file_behind(folder: FolderHarness) -> None:
    helper = folder.start()
    lock_id = locked(folder, helper)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("one", "K1")]), 1)
    ok_results(helper.request("rename", lock_id=lock_id, entries=[{"key": "K1", "from": "one", "to": "two"}]), 1)
    assert len([name for name in files_under(folder.scope_folder()) if name.startswith("secrets/")]) == 1
    ok_results(helper.request("forget", lock_id=lock_id, entries=[{"name": "two", "key": "K1"}]), 1)
    assert [name for name in files_under(folder.scope_folder()) if name.startswith("secrets/")] == []


def test_a_missing_store_folder_is_refused_at_hello(folder: FolderHarness) -> None:
    helper = folder.start(hello=False, command=f"'{folder.command().split(chr(39))[1]}' '{folder.root}/absent'")
    answer = helper.request("hello", protocol=1, target=folder.target, scope=folder.scope)
    assert answer["ok"] is False and "does not exist" in answer["error"]
    assert not os.path.exists(os.path.join(folder.root, "absent"))


def test_another_scope_is_its_own_store(folder: FolderHarness) -> None:
    helper = folder.start()
    ok_results(helper.request("put", lock_id=locked(folder, helper), entries=[entry("erp-sync", "K1")]), 1)
    other = folder.start(hello=False)
    assert other.request("hello", protocol=1, target=folder.target, scope=folder.scope + " other")["ok"]
    assert listed(other) == {}
    assert other.request("lock", holder="other scope", ttl_seconds=60)["ok"]  # a lock per scope


def test_an_index_of_another_scope_is_refused(folder: FolderHarness) -> None:
    helper = folder.start()
    ok_results(helper.request("intend", lock_id=locked(folder, helper), intents=[intent("a")]), 1)
    path = os.path.join(folder.scope_folder(), "index.json")
    document = json.load(open(path))
    document["scope"] = "somebody else"
    with open(path, "w") as handle:
        json.dump(document, handle)
    answer = folder.start().request("list")
    assert answer["ok"] is False and "another scope" in answer["error"]


def test_a_lock_expires_in_real_time(folder: FolderHarness) -> None:
    first, second = folder.start(), folder.start()
    started = time.monotonic()
    taken = first.request("lock", holder="short", ttl_seconds=1)
    refused = second.request("lock", holder="waiting", ttl_seconds=60)
    if refused["ok"]:  # only a machine too slow to ask within the second may see this
        assert time.monotonic() - started >= 1.0, "a lock of 1 s was taken over before it expired"
        return
    time.sleep(max(0.0, started + 1.1 - time.monotonic()))
    assert second.request("lock", holder="waiting", ttl_seconds=60)["ok"]
    assert first.request("renew", lock_id=taken["lock_id"])["ok"] is False


def test_one_of_many_simultaneous_lockers_wins(folder: FolderHarness) -> None:
    helpers = [folder.start() for _ in range(6)]
    for number, helper in enumerate(helpers):
        helper.send("lock", holder=f"runner {number}", ttl_seconds=60)
    answers = [helper.receive() for helper in helpers]
    winners = [answer for answer in answers if answer["ok"]]
    assert len(winners) == 1
    assert {answer["lock_id"] for answer in answers if not answer["ok"]} == {winners[0]["lock_id"]}


def test_one_of_many_simultaneous_takers_of_an_expired_lock_wins(folder: FolderHarness) -> None:
    assert folder.start().request("lock", holder="dead", ttl_seconds=1)["ok"]
    helpers = [folder.start(extra_env={"FRACTTAL_STORE_CLOCK_OFFSET": "10"}) for _ in range(6)]
    for number, helper in enumerate(helpers):
        helper.send("lock", holder=f"runner {number}", ttl_seconds=60)
    answers = [helper.receive() for helper in helpers]
    assert len([answer for answer in answers if answer["ok"]]) == 1


def test_the_fail_put_testing_aid_refuses_only_that_name(folder: FolderHarness) -> None:
    helper = folder.start(extra_env={"FRACTTAL_STORE_FOLDER_FAIL_PUT": "erp-sync"})
    lock_id = locked(folder, helper)
    answer = helper.request("put", lock_id=lock_id, entries=[entry("erp-sync", "K1"), entry("erp-sync-2", "K2")])
    assert [result["ok"] for result in answer["results"]] == [False, True]
    assert "FRACTTAL_STORE_FOLDER_FAIL_PUT" in answer["results"][0]["error"]
    ok_results(helper.request("intend", lock_id=lock_id, intents=[intent("erp-sync")]), 1)  # intend still works
