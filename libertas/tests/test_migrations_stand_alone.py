"""Migrations are history: they load no project code, so changing the code never rewrites them.

The only project names a migration may hold are the references Django's autodetector writes for
its own app's fields (`import prisoners.photos` for `validators=[prisoners.photos.validate_photo]`),
and no function of the migration may call them. Roles are data (common.groups) and private
storage is left out of migrations (common.storage.PrivateFileField), so nothing else is needed.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

PROJECT = {"libertas", "tools"} | {
    c.name.split(".")[0] for c in apps.get_app_configs() if Path(c.path).parent == settings.BASE_DIR
}


def migration_files():
    for config in apps.get_app_configs():
        if config.name.split(".")[0] in PROJECT:
            yield from sorted((Path(config.path) / "migrations").glob("0*.py"))


def project_imports(path, own_app):
    """(line, reason) for each use of project code in the migration at `path`."""
    tree = ast.parse(path.read_text(), filename=str(path))
    problems = []
    referenced = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in PROJECT:
            problems.append((node.lineno, f"from {node.module} import …"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                root = alias.name.split(".")[0]
                if root in PROJECT and (root != own_app or alias.asname):
                    problems.append((node.lineno, f"import {alias.name}"))
                elif root in PROJECT:
                    referenced.add(root)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import) and node not in tree.body:
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if any(n.split(".")[0] in PROJECT for n in names):
                problems.append((node.lineno, "an import inside a function"))
        if isinstance(node, ast.FunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Name) and inner.id in referenced:
                    problems.append((inner.lineno, f"{node.name}() calls project code"))
    return problems


def test_the_rule_sees_the_apps_migrations():
    names = {f"{p.parent.parent.name}/{p.name}" for p in migration_files()}
    assert "prisoners/0007_public_view_backfill.py" in names
    assert "sponsorships/0005_agreements_to_private_storage.py" in names


def test_no_migration_imports_project_code():
    found = [
        f"{path.relative_to(settings.BASE_DIR)}:{line}: {reason}"
        for path in migration_files()
        for line, reason in project_imports(path, own_app=path.parent.parent.name)
    ]
    assert found == []
