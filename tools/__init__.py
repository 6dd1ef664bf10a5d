"""Benchmark, soak and seeding tools: outside the apps, never installed as commands, never in
the production image (.dockerignore). Run from the project folder: `python -m tools.bench`,
`python -m tools.soak`, `python -m tools.seed_bench` (`make bench` and `make soak` do).

Each tool is a Django command class run as a script, so the project is set up on import.
"""

import os
import sys

import django


def main(command_class, name):
    """Run `command_class` with the script's arguments, as manage.py would run a command."""
    command_class().run_from_argv(["python -m tools", name, *sys.argv[1:]])


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "libertas.settings")
django.setup()
