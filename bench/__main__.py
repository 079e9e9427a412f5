"""Benchmarks: `make bench` (or `python -m bench [name…]`). Prints figures; asserts nothing.

Runs against its own database (`bench.sqlite3`, or BENCH_DATABASE_URL) filled with the
scale data, so figures do not depend on what is in the development database.
"""

import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_scale_data", verbosity=0)
    print(f"scale data ready in {time.perf_counter() - started:.1f} s")


def main(names):
    setup()
    import bench

    modules = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    for name in modules:
        if names and name.removeprefix("bench_") not in names:
            continue
        print(f"\n== {name.removeprefix('bench_')}")
        importlib.import_module(f"bench.{name}").run()


if __name__ == "__main__":
    main(sys.argv[1:])
