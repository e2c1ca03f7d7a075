"""Packaged data: every file listed with the right sha256, and nothing unlisted."""

from __future__ import annotations

from importlib import resources

import pytest

from relnlp import resources as res
from relnlp.errors import ResourceError


def test_resources_manifest_hashes_match() -> None:
    hashed = res.verify()
    assert hashed, "the manifest lists no files"
    assert any(name.startswith("gazetteer/") for name in hashed)


def test_resources_every_data_file_is_listed() -> None:
    base = resources.files("relnlp") / "data"
    listed = set(res.manifest()["files"])

    def walk(d: object, prefix: str = "") -> list[str]:
        out = []
        for child in d.iterdir():  # type: ignore[attr-defined]
            name = prefix + child.name
            if child.is_dir():
                if child.name != "__pycache__":
                    out.extend(walk(child, name + "/"))
            elif child.name != "MANIFEST.json" and not child.name.endswith(".meta.json"):
                out.append(name)
        return out

    assert set(walk(base)) == listed
    for info in res.manifest()["files"].values():
        assert info["source"] and info["licence"] and info["version"]


def test_resources_unknown_name_lists_known_ones() -> None:
    with pytest.raises(ResourceError, match=r"\[E102\].*gazetteer/"):
        res.path("no/such/file.txt")
