"""Benchmarks: `make bench` (or `python -m bench [name…] [options]`). Prints figures.

Runs against its own database (`bench.sqlite3`, or BENCH_DATABASE_URL) filled with the
scale data, so figures do not depend on what is in the development database. A
benchmark that also checks correctness (notifications: no message twice) makes the
command exit non-zero when the check fails, after the others have run.
"""

import argparse
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


def load_data():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_scale_data", verbosity=0)
    print(f"scale data ready in {time.perf_counter() - started:.1f} s")


def benchmarks():
    import bench

    names = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    return {name.removeprefix("bench_"): importlib.import_module(f"bench.{name}") for name in names}


def parse(argv, modules):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "names", nargs="*", metavar="name", help=f"run only these: {', '.join(modules)}"
    )
    # A benchmark with options of its own takes them in add_arguments(parser).
    for module in modules.values():
        if hasattr(module, "add_arguments"):
            module.add_arguments(parser)
    options = parser.parse_args(argv)
    unknown = set(options.names) - set(modules)
    if unknown:
        parser.error(f"unknown benchmark: {', '.join(sorted(unknown))}")
    return options


def main(argv):
    setup()
    modules = benchmarks()
    options = parse(argv, modules)
    load_data()
    failed = []
    for name, module in modules.items():
        if options.names and name not in options.names:
            continue
        print(f"\n== {name}")
        result = module.run(options) if hasattr(module, "add_arguments") else module.run()
        if result is False:
            failed.append(name)
    if failed:
        print(f"\nFAILED: {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
