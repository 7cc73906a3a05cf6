"""Run every benchmark script in bench/ in turn; exit non-zero when one fails."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(args):
    scripts = sorted((ROOT / "bench").glob("*.py"))
    if not scripts:
        print("No benchmarks in bench/ yet.")
        return 0
    failed = []
    for script in scripts:
        print(f"== {script.relative_to(ROOT)}", flush=True)
        if subprocess.call([sys.executable, str(script), *args], cwd=ROOT) != 0:
            failed.append(script.name)
    if failed:
        print("Failed: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
