"""Each app's tests stand on their own app, the apps below it and the root conftest.py.

Fixtures and factories that several apps need (named people, staff signed in with the second
factor, a detainee, the Stripe double) live in the root conftest.py, where pytest finds them for
every test: a test never imports another app's tests, and only the project's own tests import
the wiring (`libertas`), which no app may name.
"""

import ast
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
PACKAGES = {path.parent.name for path in BASE.glob("*/__init__.py")}


def modules_of_tests():
    """(owning package, path) of every test module, conftest files and helpers included."""
    yield None, BASE / "conftest.py"
    for package in sorted(PACKAGES):
        for path in sorted((BASE / package / "tests").rglob("*.py")):
            yield package, path


def wrong_imports(owner, path):
    """(line, module) of each import of another package's tests, or of the wiring."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules = [node.module]
        else:
            continue
        for module in modules:
            package, _dot, rest = module.partition(".")
            if package not in PACKAGES or package == owner:
                continue
            if rest == "tests" or rest.startswith("tests.") or package == "libertas":
                yield node.lineno, module


def test_the_scan_reads_every_apps_tests():
    owners = {owner for owner, _path in modules_of_tests()}
    assert {"libertas", "prisoners", "sponsorships", "donations", "campaign"} <= owners


def test_the_scan_finds_imports_of_another_apps_tests_and_of_the_wiring(tmp_path):
    path = tmp_path / "test_example.py"
    path.write_text(
        "from conftest import make_detainee\n"
        "from prisoners.tests.conftest import put_photo\n"
        "def test_x():\n"
        "    from libertas.tests.conftest import screenshot\n"
        "    import libertas.urls\n"
    )
    assert list(wrong_imports("prisoners", path)) == [
        (4, "libertas.tests.conftest"),
        (5, "libertas.urls"),
    ]
    assert list(wrong_imports("campaign", path)) == [
        (2, "prisoners.tests.conftest"),
        (4, "libertas.tests.conftest"),
        (5, "libertas.urls"),
    ]


def test_no_test_module_imports_another_apps_tests_or_the_wiring():
    found = [
        f"{path.relative_to(BASE)}:{line} imports {module}"
        for owner, path in modules_of_tests()
        for line, module in wrong_imports(owner, path)
    ]
    assert found == [], "shared fixtures belong in the root conftest.py:\n" + "\n".join(found)
