"""Public names of the sandbox package."""

from __future__ import annotations

import builtins
import collections.abc
import inspect
import re
import sys
import typing

import telstra_messaging
import telstra_messaging.sandbox as sandbox
from telstra_messaging.sandbox import _state


def test_all_sorted_and_importable() -> None:
    """__all__ is sorted, constants first, and each name in it exists."""
    names = sandbox.__all__
    assert names == sorted(names, key=lambda name: (not name.isupper(), name))
    for name in names:
        assert hasattr(sandbox, name), name


def test_all_lists_every_public_name() -> None:
    """Every public attribute of the package is listed in __all__."""
    public = {
        name
        for name, value in vars(sandbox).items()
        if not name.startswith("_") and not isinstance(value, type(sys))
    }
    assert public == set(sandbox.__all__)


def test_state_signature_types_exported() -> None:
    """Each sandbox type named in SandboxState's public signatures is in __all__."""
    library_names = vars(builtins) | vars(typing) | vars(collections.abc)
    for member_name, member in vars(sandbox.SandboxState).items():
        if member_name.startswith("_") and member_name != "__init__":
            continue
        function = member.fget if isinstance(member, property) else member
        # _state postpones annotations, so each one is the source text.
        for annotation in inspect.get_annotations(function).values():
            for name in re.findall(r"[A-Za-z_]\w*", annotation):
                if name in vars(_state) and name not in library_names:
                    assert name in sandbox.__all__, f"{member_name}: {name}"


def test_names_differ_from_sdk() -> None:
    """No sandbox name repeats a public name of the SDK, so both import together."""
    shared = set(sandbox.__all__) & set(telstra_messaging.__all__)
    assert shared == set()
