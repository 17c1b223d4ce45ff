"""The protocol every store helper speaks, checked the same way against each of them."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from conftest import StoreHarness, new_secret
from helper_process import SECRETS_USED

CREATED = "2025-01-02T03:04:05Z"
FREE = {"ok": True, "held": False, "held_by": None, "since": None, "lock_id": None}
ROTATED = "2025-02-03T04:05:06Z"


def intent(name: str, action: str = "create", key: str | None = None, prior_keys: list[str] | None = None,
           prior_secret_created_at: str | None = None, old_key: str | None = None) -> dict[str, Any]:
    return {"intent": uuid.uuid4().hex, "name": name, "key": key, "action": action,
            "prior_keys": prior_keys or [], "prior_secret_created_at": prior_secret_created_at, "old_key": old_key}


def mark_of(item: dict[str, Any]) -> dict[str, Any]:
    return {field: item[field] for field in ("intent", "action", "key", "prior_keys",
                                              "prior_secret_created_at", "old_key")}


def entry(name: str, key: str, created: str = CREATED, intent_id: str | None = None) -> dict[str, Any]:
    return {"intent": intent_id, "name": name, "key": key, "secret": new_secret(), "secret_created_at": created}


def locked(store: StoreHarness, helper: Any) -> str | None:
    """Takes the lock when the store has one; returns the lock_id every write carries."""
    if not store.has_lock:
        return None
    answer = helper.request("lock", holder="tests@host pid 1", ttl_seconds=900)
    assert answer["ok"], answer
    return answer["lock_id"]


def listed(helper: Any) -> dict[str, dict[str, Any]]:
    answer = helper.request("list")
    assert answer["ok"], answer
    names = [item["name"] for item in answer["entries"]]
    assert len(names) == len(set(names)), "a name appears twice in list"
    for item in answer["entries"]:
        assert "secret" not in item
        assert set(item) >= {"name", "key", "secret_created_at", "pending"}
    return {item["name"]: item for item in answer["entries"]}


def ok_results(answer: dict[str, Any], count: int) -> None:
    assert answer["ok"], answer
    assert answer["results"] == [{"ok": True}] * count, answer


# ---- the conversation

def test_hello_answers_protocol_and_capabilities(store: StoreHarness) -> None:
    helper = store.start(hello=False)
    answer = helper.request("hello", protocol=1, target=store.target, scope=store.scope)
    assert answer == {"ok": True, "protocol": 1, "capabilities": ["lock"] if store.has_lock else []}


def test_a_request_before_hello_is_refused(store: StoreHarness) -> None:
    helper = store.start(hello=False)
    answer = helper.request("list")
    assert answer["ok"] is False and "hello" in answer["error"]


def test_hello_with_another_protocol_is_refused(store: StoreHarness) -> None:
    helper = store.start(hello=False)
    answer = helper.request("hello", protocol=2, target=store.target, scope=store.scope)
    assert answer["ok"] is False and "protocol" in answer["error"]
    assert helper.request("list")["ok"] is False


def test_unknown_op_is_answered_unknown_op(store: StoreHarness) -> None:
    helper = store.start()
    assert helper.request("launch_rockets") == {"ok": False, "error": "unknown op"}
    assert helper.request("list")["ok"]


def test_malformed_lines_are_answered_and_the_loop_goes_on(store: StoreHarness) -> None:
    helper = store.start()
    for line in (b"this is not json\n", b"[1, 2]\n", b'{"no": "op"}\n', b'{"op": 7}\n', b"\xff\xfe{}\n"):
        answer = helper.send_line(line)
        assert answer["ok"] is False and answer["error"], (line, answer)
    assert helper.request("list")["ok"]


def test_unknown_fields_are_ignored(store: StoreHarness) -> None:
    helper = store.start(hello=False)
    answer = helper.request("hello", protocol=1, target=store.target, scope=store.scope, future_field={"x": 1})
    assert answer["ok"], answer
    lock_id = locked(store, helper)
    item = {**intent("erp-sync"), "colour": "blue"}
    ok_results(helper.request("intend", lock_id=lock_id, intents=[item], trace="abc"), 1)
    assert helper.request("list", page=3)["ok"]


def test_bye_answers_then_exits_zero(store: StoreHarness) -> None:
    helper = store.start()
    assert helper.bye() == 0


def test_an_empty_store_lists_nothing(store: StoreHarness) -> None:
    assert listed(store.start()) == {}


# ---- entries and marks

def test_intend_then_put_lists_the_entry_with_its_time_and_no_mark(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    create = intent("erp-sync", prior_keys=["OLDKEY1"])
    ok_results(helper.request("intend", lock_id=lock_id, intents=[create]), 1)

    marked = listed(helper)["erp-sync"]
    assert marked["pending"] == mark_of(create)
    assert marked["secret_created_at"] is None and marked["stored"] is False

    stored = entry("erp-sync", "NEWKEY1", intent_id=create["intent"])
    ok_results(helper.request("put", lock_id=lock_id, entries=[stored]), 1)
    assert listed(helper)["erp-sync"] == {"name": "erp-sync", "key": "NEWKEY1", "secret_created_at": CREATED,
                                          "pending": None, "stored": True}
    assert store.stored_secret("erp-sync") == stored["secret"]


def test_list_never_holds_a_secret(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    entries = [entry(f"consumer {number}", f"KEY{number}") for number in range(3)]
    ok_results(helper.request("put", lock_id=lock_id, entries=entries), 3)
    helper.request("list")
    line = helper.answers[-1]
    for item in entries:
        assert item["secret"] not in line
    assert set(listed(helper)) == {"consumer 0", "consumer 1", "consumer 2"}


def test_withdraw_clears_only_the_named_marks(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    first, second = intent("first"), intent("second")
    ok_results(helper.request("intend", lock_id=lock_id, intents=[first, second]), 2)
    assert helper.request("withdraw", lock_id=lock_id, intents=[first["intent"], "no-such-intent"]) == {"ok": True}
    assert set(listed(helper)) == {"second"}


def test_a_rotate_mark_on_a_stored_entry_keeps_the_entry(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("erp-sync", "KEY1")]), 1)
    rotate = intent("erp-sync", action="rotate", key="KEY1", prior_secret_created_at=CREATED)
    ok_results(helper.request("intend", lock_id=lock_id, intents=[rotate]), 1)
    item = listed(helper)["erp-sync"]
    assert (item["key"], item["secret_created_at"], item["pending"]) == ("KEY1", CREATED, mark_of(rotate))

    assert helper.request("withdraw", lock_id=lock_id, intents=[rotate["intent"]])["ok"]
    item = listed(helper)["erp-sync"]
    assert (item["key"], item["secret_created_at"], item["pending"]) == ("KEY1", CREATED, None)


def test_entries_and_marks_survive_a_new_helper_process(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("kept", "K0")]), 1)
    marks = [intent("made", prior_keys=["A1", "A2"]),
             intent("replaced", action="replace", prior_keys=["B1"], old_key="B1"),
             intent("rotated", action="rotate", key="C1", prior_secret_created_at=CREATED)]
    ok_results(helper.request("intend", lock_id=lock_id, intents=marks), 3)
    before = listed(helper)
    assert helper.bye() == 0

    seen = listed(store.start())
    assert seen == before
    assert {name: item["pending"] for name, item in seen.items()} == {
        "kept": None, **{item["name"]: mark_of(item) for item in marks}}


def test_marks_survive_a_killed_helper(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    create = intent("erp-sync")
    ok_results(helper.request("intend", lock_id=lock_id, intents=[create]), 1)
    helper.kill()
    assert listed(store.start())["erp-sync"]["pending"] == mark_of(create)


def test_a_put_for_a_name_replaces_its_entry(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("erp-sync", "KEY1")]), 1)
    newer = entry("erp-sync", "KEY2", created=ROTATED)
    ok_results(helper.request("put", lock_id=lock_id, entries=[newer]), 1)
    item = listed(helper)["erp-sync"]
    assert (item["key"], item["secret_created_at"]) == ("KEY2", ROTATED)
    assert store.stored_secret("erp-sync") == newer["secret"]


def test_a_put_clears_only_the_mark_of_its_intent(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    create = intent("erp-sync")
    ok_results(helper.request("intend", lock_id=lock_id, intents=[create]), 1)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("erp-sync", "KEY1", intent_id="other")]), 1)
    item = listed(helper)["erp-sync"]
    assert item["key"] == "KEY1" and item["pending"] == mark_of(create)


def test_a_newer_intent_for_a_name_replaces_its_mark(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    ok_results(helper.request("intend", lock_id=lock_id, intents=[intent("erp-sync")]), 1)
    repair = intent("erp-sync", action="rotate", key="K9", prior_secret_created_at=CREATED)
    ok_results(helper.request("intend", lock_id=lock_id, intents=[repair]), 1)
    assert listed(helper)["erp-sync"]["pending"] == mark_of(repair)


def test_rename_moves_the_entry_and_its_mark(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    stored = entry("old name", "KEY1")
    ok_results(helper.request("put", lock_id=lock_id, entries=[stored]), 1)
    rotate = intent("old name", action="rotate", key="KEY1", prior_secret_created_at=CREATED)
    ok_results(helper.request("intend", lock_id=lock_id, intents=[rotate]), 1)

    renamed = [{"key": "KEY1", "from": "old name", "to": "new name"}]
    ok_results(helper.request("rename", lock_id=lock_id, entries=renamed), 1)
    seen = listed(helper)
    assert set(seen) == {"new name"}
    assert (seen["new name"]["key"], seen["new name"]["secret_created_at"]) == ("KEY1", CREATED)
    assert seen["new name"]["pending"] == mark_of(rotate)
    assert store.stored_secret("new name") == stored["secret"]


def test_rename_of_another_consumer_changes_nothing(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("erp-sync", "KEY1")]), 1)
    renamed = [{"key": "OTHER", "from": "erp-sync", "to": "x"}]
    ok_results(helper.request("rename", lock_id=lock_id, entries=renamed), 1)
    assert set(listed(helper)) == {"erp-sync"}


def test_rename_onto_a_name_held_by_another_consumer_fails_that_entry(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("one", "KEY1"), entry("two", "KEY2"),
                                                               entry("three", "KEY3")]), 3)
    answer = helper.request("rename", lock_id=lock_id, entries=[{"key": "KEY1", "from": "one", "to": "two"},
                                                                {"key": "KEY3", "from": "three", "to": "four"}])
    assert answer["ok"] and answer["results"][0]["ok"] is False and "two" in answer["results"][0]["error"]
    assert answer["results"][1] == {"ok": True}
    seen = listed(helper)
    assert (seen["one"]["key"], seen["two"]["key"], seen["four"]["key"]) == ("KEY1", "KEY2", "KEY3")


def test_forget_removes_only_the_entry_of_that_key(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("erp-sync", "KEY2"), entry("other", "KEY3")]), 2)
    ok_results(helper.request("forget", lock_id=lock_id, entries=[{"name": "erp-sync", "key": "KEY1"}]), 1)
    assert set(listed(helper)) == {"erp-sync", "other"}  # a replacement's old key: the new entry stays

    ok_results(helper.request("forget", lock_id=lock_id, entries=[{"name": "erp-sync", "key": "KEY2"},
                                                                  {"name": "never stored", "key": "K"}]), 2)
    assert set(listed(helper)) == {"other"}
    assert store.stored_secret("erp-sync") is None


def test_forget_removes_a_mark_of_that_key_only(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    create = intent("being made")
    rotate = intent("rotating", action="rotate", key="KEY5", prior_secret_created_at=CREATED)
    ok_results(helper.request("intend", lock_id=lock_id, intents=[create, rotate]), 2)
    ok_results(helper.request("forget", lock_id=lock_id, entries=[{"name": "being made", "key": "KEY4"},
                                                                  {"name": "rotating", "key": "KEY5"}]), 2)
    assert {name: item["pending"] for name, item in listed(helper).items()} == {"being made": mark_of(create)}


# ---- failures, entry by entry and whole

def test_intend_fails_bad_entries_alone(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    good, bad_action, no_name = intent("good"), {**intent("bad"), "action": "explode"}, {**intent("x"), "name": ""}
    answer = helper.request("intend", lock_id=lock_id, intents=[good, bad_action, no_name, "not an object"])
    assert answer["ok"], answer
    assert [result["ok"] for result in answer["results"]] == [True, False, False, False]
    assert all(result["error"] for result in answer["results"][1:])
    assert set(listed(helper)) == {"good"}


def test_a_refused_put_fails_that_entry_alone_and_keeps_its_mark(store: StoreHarness) -> None:
    refused, env = store.put_failure()
    helper = store.start(extra_env=env)
    lock_id = locked(store, helper)
    marks = [intent("before"), intent(refused), intent("after")]
    ok_results(helper.request("intend", lock_id=lock_id, intents=marks), 3)
    puts = [entry(item["name"], f"KEY{number}", intent_id=item["intent"]) for number, item in enumerate(marks)]
    answer = helper.request("put", lock_id=lock_id, entries=puts)
    assert answer["ok"], answer
    assert [result["ok"] for result in answer["results"]] == [True, False, True]
    assert answer["results"][1]["error"]

    seen = listed(helper)
    assert seen["before"]["pending"] is None and seen["after"]["pending"] is None
    assert seen[refused]["pending"] == mark_of(marks[1]) and seen[refused]["secret_created_at"] is None
    assert store.stored_secret(refused) is None
    assert store.stored_secret("after") == puts[2]["secret"]
    assert refused in [name for name in seen]  # still listed, through its mark
    assert puts[1]["secret"] not in helper.stderr()


def test_two_entries_for_one_name_in_a_batch_both_fail(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    answer = helper.request("put", lock_id=lock_id, entries=[entry("twice", "K1"), entry("twice", "K2"),
                                                             entry("once", "K3")])
    assert [result["ok"] for result in answer["results"]] == [False, False, True]
    assert set(listed(helper)) == {"once"}


def test_a_batch_of_101_is_refused_whole(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    batches = {
        "intend": ("intents", [intent(f"c{number}") for number in range(101)]),
        "put": ("entries", [entry(f"c{number}", f"K{number}") for number in range(101)]),
        "withdraw": ("intents", [uuid.uuid4().hex for _ in range(101)]),
        "rename": ("entries", [{"key": f"K{n}", "from": f"c{n}", "to": f"d{n}"} for n in range(101)]),
        "forget": ("entries", [{"name": f"c{number}", "key": f"K{number}"} for number in range(101)]),
    }
    for op, (field, items) in batches.items():
        answer = helper.request(op, lock_id=lock_id, **{field: items})
        assert answer["ok"] is False and "100" in answer["error"], (op, answer)
        assert "results" not in answer
    assert listed(helper) == {}


def test_a_batch_of_100_is_served(store: StoreHarness) -> None:
    helper = store.start()
    lock_id = locked(store, helper)
    marks = [intent(f"consumer {number:03}") for number in range(100)]
    ok_results(helper.request("intend", lock_id=lock_id, intents=marks), 100)
    assert len(listed(helper)) == 100
    assert helper.request("withdraw", lock_id=lock_id, intents=[item["intent"] for item in marks])["ok"]
    assert listed(helper) == {}


def test_no_secret_reaches_the_helpers_stderr(store: StoreHarness) -> None:
    refused, env = store.put_failure()
    helper = store.start(extra_env=env)
    lock_id = locked(store, helper)
    puts = [entry(refused, "KEY1"), entry("kept", "KEY2")]
    helper.request("put", lock_id=lock_id, entries=puts)
    helper.request("put", lock_id="wrong" if store.has_lock else None, entries=[entry("x", "K")])
    helper.send_line(b'{"op":"put","entries":[{"name":"y","secret":"' + puts[0]["secret"].encode() + b'"}]}\n')
    assert helper.bye() == 0
    stderr = helper.stderr()
    assert all(item["secret"] not in stderr for item in puts)
    assert puts[0]["secret"] in SECRETS_USED  # the harness's own checks watch for it too


# ---- the lock

def needs_lock(store: StoreHarness) -> None:
    if not store.has_lock:
        pytest.skip(f"the {store.kind} helper has no lock capability (see test_lockless_store)")


def test_writes_without_the_lock_are_refused(store: StoreHarness) -> None:
    needs_lock(store)
    helper = store.start()
    for lock_id in (None, "not-a-lock"):
        for op, field, items in (("intend", "intents", [intent("a")]), ("put", "entries", [entry("a", "K")]),
                                 ("withdraw", "intents", ["x"]),
                                 ("rename", "entries", [{"key": "K", "from": "a", "to": "b"}]),
                                 ("forget", "entries", [{"name": "a", "key": "K"}])):
            answer = helper.request(op, lock_id=lock_id, **{field: items})
            assert answer["ok"] is False and "lock" in answer["error"], (op, answer)
    locked(store, helper)
    answer = helper.request("intend", lock_id="not-a-lock", intents=[intent("a")])
    assert answer["ok"] is False and "lock" in answer["error"]
    assert answer.get("results") is None
    assert listed(helper) == {}


def test_a_lock_held_by_another_is_refused_with_its_holder(store: StoreHarness) -> None:
    needs_lock(store)
    first, second = store.start(), store.start()
    taken = first.request("lock", holder="alice@ci run 7", ttl_seconds=900)
    assert taken["ok"] and taken["ttl_seconds"] == 900 and taken["lock_id"]
    refused = second.request("lock", holder="bob@laptop", ttl_seconds=900)
    assert refused["ok"] is False
    assert (refused["held_by"], refused["lock_id"]) == ("alice@ci run 7", taken["lock_id"])
    assert refused["since"].endswith("Z") and refused["since"] == taken["since"]
    again = first.request("lock", holder="alice@ci run 7", ttl_seconds=900)
    assert again["ok"] is False and again["lock_id"] == taken["lock_id"]

    answer = second.request("intend", lock_id=refused["lock_id"] + "x", intents=[intent("a")])
    assert answer["ok"] is False


def test_lock_status_tells_who_holds_the_lock(store: StoreHarness) -> None:
    needs_lock(store)
    first, second = store.start(), store.start()
    assert second.request("lock_status") == FREE
    taken = first.request("lock", holder="alice", ttl_seconds=60)
    status = second.request("lock_status")
    assert (status["ok"], status["held"], status["held_by"], status["lock_id"], status["since"]) == (
        True, True, "alice", taken["lock_id"], taken["since"])
    assert first.request("unlock", lock_id=taken["lock_id"]) == {"ok": True}
    assert second.request("lock_status")["held"] is False


def test_unlock_of_another_lock_id_is_refused(store: StoreHarness) -> None:
    needs_lock(store)
    helper = store.start()
    assert helper.request("unlock", lock_id="nothing-held")["ok"] is False
    taken = helper.request("lock", holder="alice", ttl_seconds=60)
    refused = helper.request("unlock", lock_id="someone-else")
    assert refused["ok"] is False and "someone-else" in refused["error"]
    assert helper.request("lock_status")["lock_id"] == taken["lock_id"]
    assert store.start().request("unlock", lock_id=taken["lock_id"]) == {"ok": True}  # fracttal unlock LOCK_ID
    assert helper.request("lock_status")["held"] is False
    assert helper.request("lock", holder="bob", ttl_seconds=60)["ok"]


def test_renew_extends_only_its_own_lock(store: StoreHarness) -> None:
    needs_lock(store)
    helper = store.start()
    taken = helper.request("lock", holder="alice", ttl_seconds=60)
    renewed = helper.request("renew", lock_id=taken["lock_id"])
    assert renewed["ok"] and renewed["expires_at"] >= taken["expires_at"]
    assert helper.request("renew", lock_id="someone-else")["ok"] is False


def test_the_granted_ttl_is_capped_at_an_hour(store: StoreHarness) -> None:
    needs_lock(store)
    helper = store.start()
    refused = helper.request("lock", holder="x", ttl_seconds=0)
    assert refused["ok"] is False and "ttl_seconds" in refused["error"]
    answer = helper.request("lock", holder="alice", ttl_seconds=10 ** 6)
    assert answer["ok"] and answer["ttl_seconds"] == 3600


def test_an_expired_lock_is_taken_over(store: StoreHarness) -> None:
    needs_lock(store)
    first = store.start()
    taken = first.request("lock", holder="dead runner", ttl_seconds=1)
    assert taken["ok"] and taken["ttl_seconds"] == 1
    later = store.start(extra_env={"FRACTTAL_STORE_CLOCK_OFFSET": "30"})  # 30 s later
    assert later.request("lock_status")["held"] is False
    over = later.request("lock", holder="next runner", ttl_seconds=900)
    assert over["ok"] and over["lock_id"] != taken["lock_id"]

    assert first.request("renew", lock_id=taken["lock_id"])["ok"] is False
    refused = first.request("intend", lock_id=taken["lock_id"], intents=[intent("a")])
    assert refused["ok"] is False and "next runner" in refused["error"]
    assert first.request("unlock", lock_id=taken["lock_id"])["ok"] is False
    status = first.request("lock_status")
    assert (status["held"], status["held_by"], status["lock_id"]) == (True, "next runner", over["lock_id"])


def test_a_write_under_an_expired_lock_is_refused_until_renewed(store: StoreHarness) -> None:
    needs_lock(store)
    taken = store.start().request("lock", holder="slow runner", ttl_seconds=5)
    later = store.start(extra_env={"FRACTTAL_STORE_CLOCK_OFFSET": "60"})
    refused = later.request("intend", lock_id=taken["lock_id"], intents=[intent("a")])
    assert refused["ok"] is False and "expired" in refused["error"]
    assert later.request("renew", lock_id=taken["lock_id"])["ok"]  # nobody took it meanwhile
    ok_results(later.request("intend", lock_id=taken["lock_id"], intents=[intent("a")]), 1)


def test_lockless_store(store: StoreHarness) -> None:
    if store.has_lock:
        pytest.skip(f"the {store.kind} helper has the lock capability")
    helper = store.start()
    answer = helper.request("lock", holder="alice", ttl_seconds=60)
    assert answer["ok"] is False and "--no-lock" in answer["error"]
    assert helper.request("lock_status") == FREE
    ok_results(helper.request("intend", lock_id=None, intents=[intent("a")]), 1)
    ok_results(helper.request("put", intents=None, entries=[entry("a", "K1")]), 1)
    assert json.dumps(listed(helper)["a"]["key"]) == '"K1"'
