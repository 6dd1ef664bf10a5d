"""Every URL name the project uses exists: a missing route fails here, not silently on a page.

Names are read where they are written: `{% url 'app:name' … %}` in templates, and
`reverse("app:name")`, `reverse_lazy(…)`, `redirect(…)`, `resolve_url(…)` and any other
"app:name" string in Python. Each is
reversed with sample arguments for its route's parameters.
"""

import ast
import re
import uuid
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

BASE = Path(settings.BASE_DIR)
SKIP = {".venv", "staticfiles", "node_modules", ".bench", "migrations"}
TEMPLATE_NAME = re.compile(r"""\{%\s*url\s+(['"])([^'"]+)\1""")
CALLS = {"reverse", "reverse_lazy", "redirect", "resolve_url"}
SAMPLES = {"int": 1, "slug": "x", "str": "x", "path": "x", "uuid": uuid.uuid4()}


def project_files(pattern):
    for path in sorted(BASE.rglob(pattern)):
        if not SKIP & set(path.relative_to(BASE).parts):
            yield path


def names_in_templates():
    for path in project_files("*.html"):
        for match in TEMPLATE_NAME.finditer(path.read_text()):
            yield match.group(2), path
    for path in project_files("*.txt"):
        if "templates" in path.parts:
            for match in TEMPLATE_NAME.finditer(path.read_text()):
                yield match.group(2), path


def names_in_python(namespaces):
    """Names passed to reverse() and its kin, and any string spelled "<namespace>:<name>"
    (lists of names, such as the sitemap's)."""
    spelled = re.compile(rf"^(?:{'|'.join(namespaces)}):[a-z_]+$")
    for path in project_files("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Constant) and spelled.match(str(node.value)):
                yield node.value, path
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            # redirect() and resolve_url() also take a plain address.
            if called in CALLS and literal and "/" not in first.value and "." not in first.value:
                yield first.value, path


def routes(resolver=None, namespace=""):
    """{full name: [sample kwargs of each route with that name]}."""
    found = {}
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            for name, samples in routes(entry, inner).items():
                found.setdefault(name, []).extend(samples)
        elif isinstance(entry, URLPattern) and entry.name:
            converters = getattr(entry.pattern, "converters", {})
            samples = [
                {
                    key: SAMPLES.get(type(conv).__name__.removesuffix("Converter").lower(), "x")
                    for key, conv in converters.items()
                }
            ]
            if not converters:  # a regular expression (re_path): try a number, then a word
                groups = entry.pattern.regex.groupindex
                samples = [dict.fromkeys(groups, "1"), dict.fromkeys(groups, "x")]
                # The admin's app index takes only the label of an app it shows.
                samples.append({key: "prisoners" if key == "app_label" else "1" for key in groups})
            found.setdefault(f"{namespace}{entry.name}", []).extend(samples)
    return found


def reverses(name, known):
    for kwargs in known.get(name, [{}]):
        try:
            reverse(name, kwargs=kwargs)
        except Exception:  # noqa: S112 (another route of the same name may take these)
            continue
        return True
    return False


def test_every_url_name_used_in_templates_and_code_exists():
    known = routes()
    namespaces = {name.split(":")[0] for name in known if ":" in name}
    used = list(names_in_templates()) + list(names_in_python(namespaces))
    assert len(used) > 100  # the parsers see the project
    missing = sorted(
        {f"{name} ({path.relative_to(BASE)})" for name, path in used if not reverses(name, known)}
    )
    assert missing == []
