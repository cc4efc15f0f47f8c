from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings import SETTINGS, SettingsError, load_settings, settings_markdown

REQUIRED_KEYS = {
    "kiosk.id",
    "central.url",
    "central.token",
    "central.allow_insecure_http",
    "storage.data_dir",
    "idcard.port",
    "idcard.baudrate",
    "session.idle_timeout_s",
    "ui.language",
}


def test_every_required_key_is_declared_once() -> None:
    keys = [s.key for s in SETTINGS]
    assert set(keys) >= REQUIRED_KEYS
    assert len(keys) == len(set(keys))


def test_defaults_load_with_nothing_configured() -> None:
    settings = load_settings(environ={})
    assert settings["session.idle_timeout_s"] == 90
    assert settings["ui.language"] == "zh_CN"
    assert settings["central.url"] == ""
    assert not settings.has_central


def test_toml_file_then_environment_override(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nid = "HALL07"\n[session]\nidle_timeout_s = 120\n')
    settings = load_settings(config, environ={"LEGAL_KIOSK_SESSION__IDLE_TIMEOUT_S": "150"})
    assert settings["kiosk.id"] == "HALL07"
    assert settings["session.idle_timeout_s"] == 150
    assert settings.source == str(config)


def test_config_file_from_environment_variable(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[ui]\nlanguage = "en"\n')
    assert load_settings(environ={"LEGAL_KIOSK_CONFIG": str(config)})["ui.language"] == "en"


@pytest.mark.parametrize(
    ("toml", "key_in_message"),
    [
        ("[session]\nidle_timeout_s = 5\n", "session.idle_timeout_s"),
        ('[session]\nidle_timeout_s = "soon"\n', "session.idle_timeout_s"),
        ('[ui]\nlanguage = "fr"\n', "ui.language"),
        ('[kiosk]\nid = "hall 01!"\n', "kiosk.id"),
        ("[idcard]\nbaudrate = 300\n", "idcard.baudrate"),
        ("[sesion]\nidle_timeout_s = 100\n", "sesion.idle_timeout_s"),
        ('[central]\nurl = "http://platform.example.gov.cn/api/v1"\n', "central.url"),
        ('[central]\nurl = "ftp://x"\n', "central.url"),
    ],
)
def test_invalid_values_name_the_key(tmp_path: Path, toml: str, key_in_message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(toml)
    with pytest.raises(SettingsError) as caught:
        load_settings(config, environ={})
    assert key_in_message in str(caught.value)


def test_plain_http_allowed_for_loopback_or_when_configured(tmp_path: Path) -> None:
    env = {"LEGAL_KIOSK_CENTRAL__URL": "http://127.0.0.1:8765/api/v1"}
    assert load_settings(environ=env).has_central
    env = {
        "LEGAL_KIOSK_CENTRAL__URL": "http://10.1.2.3/api/v1",
        "LEGAL_KIOSK_CENTRAL__ALLOW_INSECURE_HTTP": "true",
    }
    assert load_settings(environ=env)["central.allow_insecure_http"] is True


def test_secret_value_is_never_echoed_in_errors_or_redacted_view(tmp_path: Path) -> None:
    settings = load_settings(environ={"LEGAL_KIOSK_CENTRAL__TOKEN": "s3cr3t-token-value"})
    assert "s3cr3t" not in str(settings.redacted())
    assert settings["central.token"] == "s3cr3t-token-value"


def test_missing_or_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", environ={})
    broken = tmp_path / "broken.toml"
    broken.write_text("[kiosk\nid=")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(broken, environ={})


def test_configuration_doc_is_generated_from_the_declaration() -> None:
    doc = Path(__file__).resolve().parents[3] / "docs" / "configuration.md"
    assert doc.read_text(encoding="utf-8") == settings_markdown(), (
        "docs/configuration.md is stale: run `make docs`"
    )


def test_cli_default_command_respects_global_config_value(tmp_path: Path) -> None:
    from kiosk.cli import _first_positional, _insert_default_command

    argv = ["--config", str(tmp_path / "k.toml"), "sync", "--once"]
    assert _first_positional(argv) == "sync"
    assert _insert_default_command(["--config", "k.toml", "--windowed"], "run") == [
        "--config",
        "k.toml",
        "run",
        "--windowed",
    ]
