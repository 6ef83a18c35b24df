"""Imports flow ui -> assistant -> tools -> models, never back."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
LAYERS = ["ui", "assistant", "tools", "models"]


def imported_packages(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", LAYERS)
def test_no_upward_imports(layer):
    above = set(LAYERS[: LAYERS.index(layer)])
    for path in (ROOT / layer).rglob("*.py"):
        assert not (imported_packages(path) & above), f"{path.relative_to(ROOT)} imports from {above}"


def test_tools_know_nothing_of_gradio():
    for layer in ("tools", "models", "assistant"):
        for path in (ROOT / layer).rglob("*.py"):
            assert "gradio" not in imported_packages(path), path
