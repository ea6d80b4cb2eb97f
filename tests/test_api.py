"""Guards on the public face: __all__, version, typing marker, light import."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import types
from importlib.metadata import version
from pathlib import Path

import payterms


def test_all_is_sorted_and_complete() -> None:
    assert payterms.__all__ == sorted(payterms.__all__)
    assert len(set(payterms.__all__)) == len(payterms.__all__)
    eager = {
        name
        for name, value in vars(payterms).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name not in {"annotations", "importlib", "TYPE_CHECKING", "Any"}
        and name not in payterms._LAZY
    }
    # law and einvoice are subpackages, reached as payterms.law and payterms.einvoice
    lazy = set(payterms._LAZY) - {"law", "einvoice"}
    assert set(payterms.__all__) == eager | lazy | {"__version__"}


def test_lazy_names_resolve_to_their_modules() -> None:
    for name, module in payterms._LAZY.items():
        value = getattr(payterms, name)
        if module:
            assert value is getattr(importlib.import_module(module), name), name
        else:
            assert value is importlib.import_module(f"payterms.{name}")
    assert set(payterms.__all__) <= set(dir(payterms))


def test_unknown_attribute_raises_attribute_error() -> None:
    assert not hasattr(payterms, "no_such_name")


def test_every_exported_name_exists() -> None:
    for name in payterms.__all__:
        assert hasattr(payterms, name), name


def test_version_comes_from_metadata() -> None:
    assert payterms.__version__ == version("payterms")


def test_typed_marker_ships() -> None:
    assert (Path(payterms.__file__).parent / "py.typed").is_file()


def test_import_is_light() -> None:
    # `import payterms` loads only the error tree, the limits and the money helpers; holidays, the
    # optional extras and the modules behind the other public names load on first use.
    code = (
        "import sys, payterms; "
        "heavy = [m for m in ('holidays', 'numpy', 'pandas', 'matplotlib', 'attrs') "
        "if m in sys.modules]; "
        "heavy += sorted(m for m in sys.modules if m.startswith('payterms.') and m not in "
        "('payterms._checks', 'payterms.errors', 'payterms.limits', 'payterms.money')); "
        "print(','.join(heavy))"
    )
    # run against the package under test, whatever is installed
    env = {**os.environ, "PYTHONPATH": str(Path(payterms.__file__).parent.parent)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
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
