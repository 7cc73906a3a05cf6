"""The map of the house (README, "Architecture"): every import points down the layers; no modules import in a circle.

Read from the source with `ast`, so an import inside a function counts as much as one at the top of a module.
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Bottom to top; a package may import only from packages before it (and itself). Keep in step with the README.
LAYERS = ["kortrijk_ats", "communications", "procedures", "pay", "candidates", "interviews.models", "interviews.intake",
          "interviews.jury", "interviews", "offers", "reports", "workbench", "demo"]
# The project's wiring sits above everything: it names every app to assemble the site.
WIRING = {"kortrijk_ats.settings", "kortrijk_ats.urls", "kortrijk_ats.celery", "kortrijk_ats.wsgi",
          "kortrijk_ats.admin_site"}


def layer_of(module):
    """The most specific layer a dotted module name belongs to, or None for a module outside the project."""
    matches = [layer for layer in LAYERS if module == layer or module.startswith(f"{layer}.")]
    return max(matches, key=len) if matches else None


def project_modules():
    modules = {}
    for top in {layer.split(".")[0] for layer in LAYERS}:
        for path in (ROOT / top).rglob("*.py") if (ROOT / top).is_dir() else ():
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            modules[name] = path
    return modules


def imports_of(name, path, modules):
    """The project modules `name` imports, each with its line."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            # `from package import module` imports the module; `from module import name` the module itself.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.append((target, node.lineno))
    return found


def graph():
    modules = project_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def upward_imports(imports):
    upward = []
    for name, targets in imports.items():
        if name in WIRING or layer_of(name) is None:
            continue
        own = LAYERS.index(layer_of(name))
        for target, line in targets:
            theirs = layer_of(target)
            if theirs is not None and LAYERS.index(theirs) > own and not theirs.startswith(f"{layer_of(name)}."):
                upward.append(f"{name}:{line} imports {target}")
    return sorted(set(upward))


def circles(imports):
    edges = defaultdict(set)
    for name, targets in imports.items():
        edges[name].update(target for target, _line in targets)
    # Tarjan's strongly connected components; any component of two or more modules is a circle.
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(edges):
        if node not in index:
            visit(node)
    return found


def test_every_import_points_down_the_layers():
    assert upward_imports(graph()) == []


def test_no_modules_import_each_other_in_a_circle():
    assert circles(graph()) == []


def test_the_checks_see_an_upward_import_and_a_circle(tmp_path):
    """Negative control: the walk finds what it looks for."""
    assert layer_of("interviews.jury.pv") == "interviews.jury"
    assert layer_of("interviews.models.jury") == "interviews.models"
    assert layer_of("interviews.urls") == "interviews"
    modules = {"candidates.a": None, "interviews.b": None, "interviews": None}
    source = tmp_path / "a.py"
    source.write_text("from interviews import b\nimport interviews.b\nfrom .c import d\n")
    assert imports_of("candidates.a", source, modules) == [("interviews.b", 1), ("interviews.b", 2)]
    assert upward_imports({"candidates.a": [("interviews.b", 1)], "interviews.b": [("candidates.a", 3)]}) == [
        "candidates.a:1 imports interviews.b"]
    assert circles({"offers.x": [("offers.y", 1)], "offers.y": [("offers.z", 1)], "offers.z": [("offers.x", 1)]}) == [
        ["offers.x", "offers.y", "offers.z"]]
