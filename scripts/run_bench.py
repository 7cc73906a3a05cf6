"""`make bench`: run the benchmark suite (bench/suite.py) with the arguments given, e.g. ARGS=--quick.

bench/booking_surge.py, which the suite runs as scenario 2, can also be run on its own.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(args):
    return subprocess.call([sys.executable, str(ROOT / "bench" / "suite.py"), *args], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
