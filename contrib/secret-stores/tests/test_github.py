"""The GitHub helper, against the stand-in gh: names, collisions, and no secret in any argument."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import GitHubHarness, load_helper
from test_conformance import entry, intent, listed, ok_results

helper_module = load_helper("github/fracttal-store-github", "fracttal_store_github")


@pytest.mark.parametrize("name, mapped", [
    ("erp-sync", "ERP_SYNC"),
    ("Conexiones API Fracttal Imè", "CONEXIONES_API_FRACTTAL_IM_"),
    ("Conexiones API Fracttal Ime\u0301", "CONEXIONES_API_FRACTTAL_IM_"),  # e + combining accent: one character
    ("consumidorfabian09/05", "CONSUMIDORFABIAN09_05"),
    ("  a__b  ", "_A_B_"),
    ("9lives", "9LIVES"),
])
def test_names_map_like_the_env_secrets_format(name: str, mapped: str) -> None:
    assert helper_module.env_name(name) == mapped


def calls(github: GitHubHarness) -> list[list[str]]:
    return github.state()["calls"]


def test_a_secret_goes_on_stdin_never_in_arguments(github: GitHubHarness) -> None:
    helper = github.start()
    stored = [entry("erp-sync", "KEY1"), entry("billing", "KEY2")]
    ok_results(helper.request("put", entries=stored), 2)
    secret_sets = [call for call in calls(github) if call[:2] == ["secret", "set"]]
    assert sorted(call[2] for call in secret_sets) == ["FRACTTAL_BILLING_SECRET", "FRACTTAL_ERP_SYNC_SECRET"]
    assert all("--body" not in call and "-b" not in call for call in secret_sets)
    everything = json.dumps(calls(github))
    assert all(item["secret"] not in everything for item in stored)
    assert github.kept("secrets") == {"FRACTTAL_ERP_SYNC_SECRET": stored[0]["secret"],
                                      "FRACTTAL_BILLING_SECRET": stored[1]["secret"]}


def test_the_key_is_a_variable_and_the_index_holds_no_secret(github: GitHubHarness) -> None:
    helper = github.start()
    stored = entry("erp-sync", "KEY1")
    ok_results(helper.request("put", entries=[stored]), 1)
    variables = github.kept("variables")
    assert variables["FRACTTAL_ERP_SYNC_KEY"] == "KEY1"
    (index_name,) = [name for name in variables if name.startswith("FRACTTAL_STORE_")]
    assert stored["secret"] not in variables[index_name]
    assert json.loads(variables[index_name])["entries"]["erp-sync"]["location"] == {
        "secret": "FRACTTAL_ERP_SYNC_SECRET", "variable": "FRACTTAL_ERP_SYNC_KEY"}


def test_intend_fails_names_that_cannot_map_or_collide(github: GitHubHarness) -> None:
    helper = github.start()
    ok_results(helper.request("put", entries=[entry("billing", "KEY1")]), 1)
    answer = helper.request("intend", intents=[intent("erp-sync"), intent("erp sync"), intent("ñ"),
                                               intent("client"), intent("BILLING"), intent("fine")])
    results = answer["results"]
    assert [result["ok"] for result in results] == [False, False, False, False, False, True], answer
    assert "same place" in results[0]["error"] and "same place" in results[1]["error"]
    assert "no ASCII letter" in results[2]["error"]
    assert "FRACTTAL_CLIENT_SECRET" in results[3]["error"]
    assert "'billing'" in results[4]["error"]
    assert set(listed(helper)) == {"billing", "fine"}
    answer = helper.request("put", entries=[entry("Billing", "KEY9")])
    assert answer["results"][0]["ok"] is False
    assert github.kept("variables")["FRACTTAL_BILLING_KEY"] == "KEY1"


def test_another_scope_in_the_same_repository_cannot_take_a_name(github: GitHubHarness) -> None:
    ok_results(github.start().request("put", entries=[entry("erp-sync", "KEY1")]), 1)
    other = github.start(hello=False)
    assert other.request("hello", protocol=1, target="https://other.fracttal.example/api", scope="other")["ok"]
    answer = other.request("intend", intents=[intent("ERP sync"), intent("billing")])
    assert [result["ok"] for result in answer["results"]] == [False, True]
    assert "another scope" in answer["results"][0]["error"]
    assert listed(other).keys() == {"billing"}


def test_after_a_rename_the_secret_stays_until_the_next_put(github: GitHubHarness) -> None:
    helper = github.start()
    stored = entry("old name", "KEY1")
    ok_results(helper.request("put", entries=[stored]), 1)
    ok_results(helper.request("rename", entries=[{"key": "KEY1", "from": "old name", "to": "new name"}]), 1)
    assert "FRACTTAL_OLD_NAME_SECRET" in helper.stderr() and "cannot be read back" in helper.stderr()
    assert github.kept("secrets") == {"FRACTTAL_OLD_NAME_SECRET": stored["secret"]}
    assert github.index()["entries"]["new name"]["location"]["secret"] == "FRACTTAL_OLD_NAME_SECRET"

    rotated = entry("new name", "KEY1", created="2025-03-04T05:06:07Z")
    ok_results(helper.request("put", entries=[rotated]), 1)
    assert github.kept("secrets") == {"FRACTTAL_NEW_NAME_SECRET": rotated["secret"]}
    assert "FRACTTAL_OLD_NAME_KEY" not in github.kept("variables")
    assert github.kept("variables")["FRACTTAL_NEW_NAME_KEY"] == "KEY1"


def test_forget_deletes_the_secret_and_its_key_variable(github: GitHubHarness) -> None:
    helper = github.start()
    ok_results(helper.request("put", entries=[entry("erp-sync", "KEY1")]), 1)
    ok_results(helper.request("forget", entries=[{"name": "erp-sync", "key": "KEY1"}]), 1)
    assert github.kept("secrets") == {}
    assert [name for name in github.kept("variables") if not name.startswith("FRACTTAL_STORE_")] == []


def test_repo_and_environment_reach_every_call(github: GitHubHarness) -> None:
    command = github.command() + " --env production --prefix ACME"
    helper = github.start(command=command)
    ok_results(helper.request("put", entries=[entry("erp-sync", "KEY1")]), 1)
    assert listed(helper).keys() == {"erp-sync"}
    assert all(call[-4:] == ["--repo", github.repo, "--env", "production"] for call in calls(github))
    assert list(github.kept("secrets", "production")) == ["ACME_ERP_SYNC_SECRET"]
    assert github.kept("secrets") == {}


def test_an_index_that_cannot_be_saved_fails_the_request(github: GitHubHarness) -> None:
    helper = github.start()
    ok_results(helper.request("intend", intents=[intent("erp-sync")]), 1)
    (index_name,) = [name for name in github.kept("variables") if name.startswith("FRACTTAL_STORE_")]
    failing = github.start(extra_env={"FAKE_GH_FAIL": f"variable set {index_name}"})
    answer: dict[str, Any] = failing.request("intend", intents=[intent("billing")])
    assert answer["ok"] is False and "HTTP 500" in answer["error"]
    assert listed(failing).keys() == {"erp-sync"}
