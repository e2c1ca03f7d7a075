"""Shared fixtures: the loaded analyser, seed reports, and a network guard."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SEED_IDS = ("000_a36955c7ab553492", "004_880b6a600cf7a9c3")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = host == "localhost"
        if not loopback:
            raise OSError(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any non-loopback connection fails: relnlp must never download at run time."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


DEV_DATA_REASON = (
    "development data absent: put shared/dev beside the repository or set RELNLP_DEV_DATA"
)


@pytest.fixture(scope="session")
def dev_data() -> Path:
    """The development data folder (shared/dev); tests that need it skip without it."""
    from relnlp.evaluate.sets import default_data_dir

    found = default_data_dir()  # shared/dev beside the repository, else $RELNLP_DEV_DATA
    if found is None or not (found / "reports").is_dir():
        pytest.skip(DEV_DATA_REASON)
    return found


@pytest.fixture(scope="session")
def nlp() -> Any:
    import relnlp

    return relnlp.load()


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    paths = {i: SEEDS / f"{i}.txt" for i in SEED_IDS}
    for p in paths.values():
        assert p.exists(), f"seed missing: {p}"
    return paths


@pytest.fixture(scope="session")
def seed_docs(seed_paths: dict[str, Path]) -> dict[str, Any]:
    import relnlp

    return {i: relnlp.read(p) for i, p in seed_paths.items()}


@pytest.fixture(scope="session")
def seed_reports(nlp: Any, seed_docs: dict[str, Any]) -> dict[str, Any]:
    return {i: nlp.analyze(d, doc_id=i) for i, d in seed_docs.items()}


def assert_offsets(text: str, df: Any, name: str = "") -> None:
    """Every row satisfies text[start:end] == row.text, within bounds."""
    for row in df[["start", "end", "text"]].itertuples(index=False):
        assert 0 <= row.start <= row.end <= len(text), (name, row)
        assert text[row.start : row.end] == row.text, (name, row)
