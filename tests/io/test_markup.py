from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from relnlp.io import clean_view


def test_markup_removed_and_mapped_back() -> None:
    raw = "### **Title**\n\nThe 70<sup>th</sup> year cost \\$8 and *S-400* <<https://a.org/x_y>>."
    v = clean_view(raw)
    assert v.text == "Title\n\nThe 70th year cost $8 and S-400 https://a.org/x_y."
    for word in ("Title", "70th", "$8", "S-400", "https://a.org/x_y"):
        i = v.text.index(word)
        a, b = v.to_raw(i, i + len(word))
        assert raw[a:b].replace("<sup>", "").replace("</sup>", "").replace("\\", "") == word


def test_markup_footnote_sup_becomes_superscript() -> None:
    v = clean_view("ended in failure.<sup>5</sup> Next")
    assert v.text == "ended in failure.⁵ Next"
    i = v.text.index("⁵")
    assert v.to_raw(i, i + 1) == (17, 29)


def test_markup_leaves_plain_prose_and_identifiers_alone() -> None:
    raw = "snake_case ids t2021_99 stay; 5 * 3 stays; Li Zhanshu (栗战书)."
    v = clean_view(raw)
    assert v.text == raw
    assert v.is_identity


@given(st.text(max_size=300))
def test_markup_map_is_monotonic_and_in_bounds(raw: str) -> None:
    v = clean_view(raw)
    assert len(v.starts) == len(v.ends) == len(v.text)
    if len(v.text):
        assert (v.starts[1:] >= v.starts[:-1]).all()
        assert v.starts.min() >= 0 and v.ends.max() <= len(raw)
        assert (v.ends > v.starts).all()
    for i in range(len(v.text)):
        a, b = v.to_raw(i, i + 1)
        assert 0 <= a < b <= len(raw)
