"""Limits as settings: flags over environment over the home's settings.toml over defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.settings import Limits, SettingsError, load_limits


def test_defaults_apply_without_a_settings_file(tmp_path: Path) -> None:
    assert load_limits(tmp_path, environ={}) == Limits()


def test_a_flag_beats_the_environment_which_beats_the_file(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("[limits]\nmemory_mb = 1000\nstream_mb = 64\nitem_chars = 5000\n")
    limits = load_limits(
        tmp_path,
        {"memory_mb": 3000, "stream_mb": None},
        environ={"MINUTEBOOK_MEMORY_MB": "2000", "MINUTEBOOK_STREAM_MB": "32"},
    )
    assert (limits.memory_mb, limits.stream_mb, limits.item_chars) == (3000, 32, 5000)
    assert limits.time_per_file == Limits().time_per_file


def test_the_time_limit_grows_with_the_file_and_zero_means_none() -> None:
    assert Limits(time_per_file=300, time_per_mb=120).seconds_for(5_000_000) == 900
    assert Limits(time_per_file=0, time_per_mb=0).seconds_for(10**9) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[limits]\nmemory_mb = 'lots'\n", "is not a whole number"),
        ("[limits]\nmemroy_mb = 10\n", "unknown limit memroy_mb"),
        ("[limits\n", "not valid TOML"),
        ("[limits]\nstream_mb = -1\n", "must be 0 (no limit) or more"),
    ],
)
def test_a_bad_settings_file_is_one_error_naming_it(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "settings.toml").write_text(text)
    with pytest.raises(SettingsError) as bad:
        load_limits(tmp_path, environ={})
    assert str(bad.value).startswith(str(tmp_path / "settings.toml")) and message in str(bad.value)


def test_a_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="MINUTEBOOK_TIME_PER_FILE"):
        load_limits(tmp_path, environ={"MINUTEBOOK_TIME_PER_FILE": "soon"})
