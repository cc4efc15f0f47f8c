"""``python -m devserver``: loopback unless asked otherwise."""

from __future__ import annotations

import pytest

from devserver.__main__ import main


def test_a_non_loopback_host_needs_allow_remote(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--host", "0.0.0.0", "--dataset", "empty"]) == 2
    assert "--allow-remote" in capsys.readouterr().err


def test_an_unknown_dataset_is_refused() -> None:
    with pytest.raises(SystemExit):
        main(["--dataset", "galaxy"])
