"""axe-core in the real browser: WCAG 2.0/2.1 A and AA rules, every violation listed when the check fails."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

_axe = Axe()


def run_axe(page, within=None):
    """The raw violations (list of axe result dicts) of the page as it is now, or of the part `within` selects."""
    return _axe.run(page, context=within, options=AXE_OPTIONS).response["violations"]


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            target = ", ".join(str(t) for t in node.get("target", []))
            lines.append(f"    at {target}: {node.get('failureSummary', '').strip()}")
            lines.append(f"      {node.get('html', '')[:300]}")
    return "\n".join(lines)


def check_axe(page, name, *, within=None):
    """Fail the test with every WCAG A/AA violation axe finds on the page, or in the part the CSS selector `within`
    selects (name says which page state)."""
    violations = run_axe(page, within)
    assert not violations, f"axe: {len(violations)} WCAG violation(s) on '{name}' ({page.url}):\n" + \
        describe_violations(violations)
