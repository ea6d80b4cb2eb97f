"""Guards on the public face: __all__, version, typing marker, light import."""

from __future__ import annotations

import subprocess
import sys
import types
from importlib.metadata import version
from pathlib import Path

import payterms


def test_all_is_sorted_and_complete() -> None:
    assert payterms.__all__ == sorted(payterms.__all__)
    assert len(set(payterms.__all__)) == len(payterms.__all__)
    public = {
        name
        for name, value in vars(payterms).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    } | {"__version__"}
    assert set(payterms.__all__) == public


def test_unknown_attribute_raises_attribute_error() -> None:
    assert not hasattr(payterms, "no_such_name")


def test_every_exported_name_exists() -> None:
    for name in payterms.__all__:
        assert hasattr(payterms, name), name


def test_version_comes_from_metadata() -> None:
    assert payterms.__version__ == version("payterms")


def test_typed_marker_ships() -> None:
    assert (Path(payterms.__file__).parent / "py.typed").is_file()


def test_import_does_not_load_holidays_or_optional_extras() -> None:
    code = (
        "import sys, payterms; "
        "heavy = [m for m in ('holidays', 'numpy', 'pandas', 'matplotlib') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_public_callables_are_documented_with_an_example() -> None:
    missing = []
    for name in payterms.__all__:
        obj = getattr(payterms, name)
        if callable(obj) and not isinstance(obj, type(payterms.DEFAULT_ROUNDING)):
            doc = getattr(obj, "__doc__", "") or ""
            if isinstance(obj, type) and issubclass(obj, BaseException):
                continue
            if ">>>" not in doc and not (isinstance(obj, type) and _members_have_examples(obj)):
                missing.append(name)
    assert missing == []


def _members_have_examples(cls: type) -> bool:
    return any(">>>" in (getattr(v, "__doc__", "") or "") for v in vars(cls).values())
