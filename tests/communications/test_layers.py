"""The mail modules import in one direction: tasks → sending → outbox → rendering, events, models. The outbox hands
mails to the worker by task name, so no module imports one that imports it back (inline imports included)."""

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from communications import outbox, tasks

PACKAGE = Path(outbox.__file__).parent


def communications_imports(path):
    """The communications modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module == "communications":
            found.update(f"communications.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("communications."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("communications."))
    return found


def test_the_mail_modules_import_in_one_direction():
    modules = {f"communications.{path.stem}": path for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    graph = {name: communications_imports(path) & modules.keys() for name, path in modules.items()}
    assert "communications.outbox" in graph["communications.sending"]  # the sweep hands mails over again
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError as cycle:
        raise AssertionError(f"import circle: {' → '.join(reversed(cycle.args[1]))}") from None


def test_the_outbox_publishes_the_workers_own_task_names():
    assert (tasks.send_mail.name, tasks.send_mails.name) == (outbox.SEND_MAIL_TASK, outbox.SEND_MAILS_TASK)
