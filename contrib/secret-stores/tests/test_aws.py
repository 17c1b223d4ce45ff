"""The AWS helper against moto: names, tags, what the index and lock hold, and compare-and-swap."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import AWS_ENVIRONMENT, AwsHarness
from test_conformance import CREATED, entry, intent, listed, locked, ok_results


def tags_of(aws: AwsHarness, secret_id: str) -> dict[str, str]:
    return {tag["Key"]: tag["Value"] for tag in aws.client.describe_secret(SecretId=secret_id).get("Tags", [])}


def test_a_consumer_is_one_secret_with_its_key_and_time_as_tags(aws: AwsHarness) -> None:
    helper = aws.start()
    stored = entry("erp-sync", "KEY1")
    ok_results(helper.request("put", lock_id=locked(aws, helper), entries=[stored]), 1)
    location = aws.location("erp-sync")
    assert location == f"{aws.base()}/erp-sync"
    tags = tags_of(aws, location)
    assert (tags["fracttal:key"], tags["fracttal:secret_created_at"]) == ("KEY1", CREATED)
    value = json.loads(aws.client.get_secret_value(SecretId=location)["SecretString"])
    assert value == {"name": "erp-sync", "key": "KEY1", "secret": stored["secret"], "secret_created_at": CREATED}

    rotated = entry("erp-sync", "KEY1", created="2025-06-07T08:09:10Z")
    ok_results(helper.request("put", lock_id=helper.request("lock_status")["lock_id"], entries=[rotated]), 1)
    assert tags_of(aws, location)["fracttal:secret_created_at"] == "2025-06-07T08:09:10Z"
    assert aws.stored_secret("erp-sync") == rotated["secret"]


def test_the_index_and_the_lock_hold_no_secret(aws: AwsHarness) -> None:
    helper = aws.start()
    lock_id = locked(aws, helper)
    stored = entry("erp-sync", "KEY1")
    ok_results(helper.request("intend", lock_id=lock_id, intents=[intent("billing")]), 1)
    ok_results(helper.request("put", lock_id=lock_id, entries=[stored]), 1)
    index = aws.client.get_secret_value(SecretId=f"{aws.base()}/+index", VersionStage="AWSCURRENT")["SecretString"]
    assert stored["secret"] not in index
    assert set(json.loads(index)["entries"]) == {"erp-sync"} and set(json.loads(index)["marks"]) == {"billing"}
    lock = json.loads(aws.client.get_secret_value(SecretId=f"{aws.base()}/+lock", VersionStage="AWSCURRENT")[
        "SecretString"])
    assert lock["lock_id"] == lock_id and lock["holder"] == "tests@host pid 1"


@pytest.mark.parametrize("name, encoded", [
    ("a/b", "a_2Fb"),
    ("con espacios_y_más", "con_20espacios_5Fy_5Fm_C3_A1s"),
    ("erp-sync12", "erp_2Dsync12"),  # a hyphen and six characters at the end read like an ARN suffix
    ("..", ".."),
])
def test_names_are_encoded_one_to_one(aws: AwsHarness, name: str, encoded: str) -> None:
    assert aws.module.encode_name(name) == encoded


def test_a_name_too_long_for_secrets_manager_fails_its_entry_alone(aws: AwsHarness) -> None:
    helper = aws.start()
    lock_id = locked(aws, helper)
    long_name = "ñ" * 100
    answer = helper.request("intend", lock_id=lock_id, intents=[intent(long_name), intent("fine")])
    assert [result["ok"] for result in answer["results"]] == [False, True]
    assert "too long" in answer["results"][0]["error"]
    answer = helper.request("put", lock_id=lock_id, entries=[entry(long_name, "K1"), entry("fine", "K2")])
    assert [result["ok"] for result in answer["results"]] == [False, True]


def test_a_secret_this_scope_did_not_make_is_never_overwritten(aws: AwsHarness) -> None:
    name, _ = aws.put_failure()
    helper = aws.start()
    answer = helper.request("put", lock_id=locked(aws, helper), entries=[entry(name, "K1")])
    assert answer["results"][0]["ok"] is False and "not this scope's" in answer["results"][0]["error"]
    assert aws.client.get_secret_value(SecretId=aws.location(name))["SecretString"] == "somebody else's"


def test_the_endpoint_and_prefix_can_be_given_as_arguments(aws: AwsHarness) -> None:
    command = f"{aws.command()} --endpoint-url {aws.moto.url} --prefix other/prefix"
    helper = aws.start(command=command, without=("AWS_ENDPOINT_URL",))
    ok_results(helper.request("put", lock_id=locked(aws, helper), entries=[entry("erp-sync", "K1")]), 1)
    aws.prefix = "other/prefix"
    assert aws.stored_secret("erp-sync") is not None


def test_rename_copies_the_value_and_deletes_the_old_secret(aws: AwsHarness) -> None:
    helper = aws.start()
    lock_id = locked(aws, helper)
    stored = entry("old", "K1")
    ok_results(helper.request("put", lock_id=lock_id, entries=[stored]), 1)
    ok_results(helper.request("rename", lock_id=lock_id, entries=[{"key": "K1", "from": "old", "to": "new"}]), 1)
    assert aws.stored_secret("new") == stored["secret"]
    with pytest.raises(aws.client.exceptions.ResourceNotFoundException):
        aws.client.describe_secret(SecretId=aws.location("old"))


def test_a_forgotten_secret_in_its_recovery_window_comes_back_on_the_next_put(aws: AwsHarness) -> None:
    helper = aws.start(command=f"{aws.command()} --recovery-window-days 7")
    lock_id = locked(aws, helper)
    ok_results(helper.request("put", lock_id=lock_id, entries=[entry("erp-sync", "K1")]), 1)
    ok_results(helper.request("forget", lock_id=lock_id, entries=[{"name": "erp-sync", "key": "K1"}]), 1)
    assert "DeletedDate" in aws.client.describe_secret(SecretId=aws.location("erp-sync"))
    assert listed(helper) == {}
    again = entry("erp-sync", "K2")
    ok_results(helper.request("put", lock_id=lock_id, entries=[again]), 1)
    assert "DeletedDate" not in aws.client.describe_secret(SecretId=aws.location("erp-sync"))
    assert aws.stored_secret("erp-sync") == again["secret"]


@pytest.fixture
def backend(aws: AwsHarness, monkeypatch: Any) -> Any:
    """The helper's backend in this process, to drive its compare-and-swap directly."""
    for key, value in AWS_ENVIRONMENT.items():
        monkeypatch.setenv(key, value)
    made = []

    def make() -> Any:
        instance = aws.module.AwsBackend(aws.module.options(["--endpoint-url", aws.moto.url]))
        instance.open(aws.target, aws.scope)
        made.append(instance)
        return instance
    return make


def test_the_lock_is_compare_and_swap(backend: Any) -> None:
    first, second = backend().lock(), backend().lock()
    assert first.read() == (None, None)
    assert first.create({"lock_id": "one"}) is True
    assert second.create({"lock_id": "two"}) is False
    record, version = second.read()
    assert record == {"lock_id": "one"}
    assert first.replace(version, {"lock_id": "three"}) is True
    assert second.replace(version, {"lock_id": "two"}) is False  # AWSCURRENT moved since it read
    assert second.read()[0] == {"lock_id": "three"}
    _, version = second.read()
    assert second.replace(version, None) is True
    assert first.read()[0] is None and first.read()[1] is not None  # free, and the secret stays


def test_an_index_changed_under_a_writer_is_not_overwritten(backend: Any) -> None:
    import fracttal_store
    first, second = backend(), backend()
    index = fracttal_store.Index(first.target, first.scope)
    first.save_index(index)
    raw_first, raw_second = first.load_index(), second.load_index()
    assert raw_first == raw_second
    one = fracttal_store.Index(first.target, first.scope, raw_first)
    one.marks["a"] = {"intent": "1"}
    first.save_index(one)
    two = fracttal_store.Index(second.target, second.scope, raw_second)
    two.marks["b"] = {"intent": "2"}
    with pytest.raises(fracttal_store.StoreError, match="changed while"):
        second.save_index(two)
    assert set(first.load_index()["marks"]) == {"a"}
