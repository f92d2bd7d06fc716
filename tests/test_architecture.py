"""The engine's stages import one way, down (docs/architecture.md): every import of every module
is read from its source — at module level, inside functions and under TYPE_CHECKING alike."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

from conftest import ROOT

ENGINE = ROOT / "lint"
#: lowest first: a module may import its own stage and the stages before it
STAGES = ("reading", "text", "checking", "across", "running", "reporting", "server", "cli")
#: the public face (liclint, liclint.testing, python -m liclint) stands above every stage
FACE = len(STAGES)
MAX_LINES = 600


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ENGINE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["liclint", *parts])


def stage(module: str) -> int:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return STAGES.index(parts[1])
    return FACE


def imports(path: Path) -> set[str]:
    """The liclint modules ``path`` imports (a name imported from a package counts as the
    package's submodule when there is one)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    )
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("liclint")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if not base.startswith("liclint"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if _exists(sub) else base)
    return found


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (ENGINE / relative).with_suffix(".py").is_file() or (ENGINE / relative).is_dir()


GRAPH = {module_name(p): imports(p) for p in sorted(ENGINE.rglob("*.py")) if "data" not in p.parts}


def test_no_stage_imports_a_later_one():
    wrong = []
    for module, imported in GRAPH.items():
        for other in imported:
            if other == "liclint":  # the package root: only __version__ is taken from it
                continue
            if stage(other) > stage(module):
                wrong.append(f"{module} -> {other}")
    assert wrong == []


def test_the_root_package_gives_only_its_version():
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "liclint" and node.level == 0:
                assert [a.name for a in node.names] == ["__version__"], path


def test_the_engine_imports_nothing_of_the_rules():
    assert [
        m for m, imported in GRAPH.items() if any(i.startswith("liclint.rules") for i in imported)
    ] == []


def test_no_import_cycle():
    seen: dict[str, int] = {}  # 1 on the path, 2 done
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        seen[module] = 1
        for other in sorted(GRAPH.get(module, ())):
            if other not in GRAPH or other == module:
                continue
            if seen.get(other) == 1:
                cycles.append(" -> ".join([*path[path.index(other) :], other]))
            elif other not in seen:
                visit(other, [*path, other])
        seen[module] = 2

    for module in GRAPH:
        if module not in seen:
            visit(module, [module])
    # a package's __init__ is imported with each of its modules: importing one back is no cycle
    cycles = [c for c in cycles if not _through_own_package(c)]
    assert cycles == []


def _through_own_package(cycle: str) -> bool:
    modules = cycle.split(" -> ")
    return any(
        b.startswith(a + ".") or a.startswith(b + ".") for a, b in itertools.pairwise(modules)
    )


def test_no_engine_module_is_over_600_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in ENGINE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
