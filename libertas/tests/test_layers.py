"""The dependency rule, read from the source: each app stands only on the apps below it.

    libertas (wiring)  >  campaign  >  sponsorships | donations  >  prisoners  >  common

An app may name its own code and the apps of lower layers: Python imports, template tag libraries
({% load %}), templates ({% extends %}, {% include %}, template names in Python), URL names
({% url %}, reverse(), redirect(), any "app:name" string) and ORM lookups through the relations a
higher app's foreign keys add to its models. Sponsorships and donations share a layer and never
name each other. Where a higher app adds to a lower app's page or job, it registers in the lower
app's registry (prisoners.panels, common.layout, common.jobs) instead.
"""

import ast
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# The layer table: an app may name itself and the apps of strictly lower layers.
LAYERS = {"common": 0, "prisoners": 1, "sponsorships": 2, "donations": 2, "campaign": 3}
# The project's templates/ folder is the shared layout: it may use common only.
TEMPLATES_DIR = "templates"
# libertas/ (settings, root URLs, whole-site tests) is the wiring on top: it may use every app,
# so it is not scanned. Migrations name other apps' migrations in their dependencies: that is
# Django's own bookkeeping, so they are not scanned either.

LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
TEMPLATE_TAG = re.compile(r"""{%\s*(?:extends|include)\s+["']([^"']+)["']""")
URL_TAG = re.compile(r"""{%\s*url\s+["']([^"']+)["']""")
DOTTED_PATH = re.compile(r"[a-z_]+(\.[A-Za-z_]+)+")
URL_NAME = re.compile(r"[a-z_]+:[\w-]+")
TEMPLATE_NAME = re.compile(r"[a-z_]+/[\w/.-]+\.(html|txt|xml)")
QUOTED_WORD = re.compile(r"""["']-?(\w+)["']""")


def may_use(user, used):
    """True when `user` (an app or templates/) may name `used` (an app)."""
    if user == used:
        return True
    if user == TEMPLATES_DIR:
        return used == "common"
    return LAYERS[used] < LAYERS[user]


def tag_libraries():
    """{library name: app} for every template tag library of the apps."""
    return {
        path.stem: app
        for app in LAYERS
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def upward_relations():
    """{(app, relation): higher app} for the relations a higher app's foreign keys add to a lower
    app's models (Detainee.sponsorships, ...): a lookup through them reaches upwards."""
    found = {}
    for model in apps.get_models():
        lower = model._meta.app_label
        for field in model._meta.get_fields():
            if field.auto_created and not field.concrete and field.related_model is not None:
                higher = field.related_model._meta.app_label
                if lower in LAYERS and higher in LAYERS and not may_use(lower, higher):
                    found[lower, field.name] = higher
    return found


def app_of_template(name):
    """The app whose templates/ folder holds a template, templates/ for the project's, or None."""
    for app in LAYERS:
        if (ROOT / app / "templates" / name).exists():
            return app
    if (ROOT / TEMPLATES_DIR / name).exists():
        return TEMPLATES_DIR
    return None


def python_references(source, user, relations):
    """(line, app, what) for each module, URL name, template and upward lookup a module names."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0], f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0], f"from {node.module} import"
        elif isinstance(node, ast.keyword) and node.arg:
            # A lookup as a keyword: filter(sponsorships__status=...).
            first = node.arg.split("__")[0]
            if (user, first) in relations:
                yield node.value.lineno, relations[user, first], f"lookup {node.arg}="
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
            if DOTTED_PATH.fullmatch(value):
                # A dotted path ("campaign.views.x") is an import in disguise.
                yield node.lineno, value.split(".")[0], repr(value)
            elif URL_NAME.fullmatch(value):
                # A URL name, wherever it goes: reverse(), redirect(), a helper's argument.
                yield node.lineno, value.split(":")[0], f"URL name {value!r}"
            elif TEMPLATE_NAME.fullmatch(value) and app_of_template(value):
                yield node.lineno, app_of_template(value), f"template {value!r}"
    for number, line in enumerate(source.splitlines(), start=1):
        for lookup in QUOTED_WORD.findall(line):
            first = lookup.split("__")[0]
            if (user, first) in relations:
                yield number, relations[user, first], f"lookup through {first!r}"


def template_references(source, user, libraries, relations):
    """(line, app, what) for each tag library, template, URL name and upward relation
    (`detainee.sponsorships`) a template names."""
    for number, line in enumerate(source.splitlines(), start=1):
        for attribute in re.findall(r"\.(\w+)", line):
            if (user, attribute) in relations:
                yield number, relations[user, attribute], f"relation .{attribute}"
        for loaded in LOAD.findall(line):
            words = loaded.split()
            if "from" in words:
                words = words[words.index("from") + 1 :]
            for library in words:
                if library in libraries:
                    yield number, libraries[library], f"{{% load {library} %}}"
        for name in TEMPLATE_TAG.findall(line):
            if app_of_template(name):
                yield number, app_of_template(name), f"template {name!r}"
        for name in URL_TAG.findall(line):
            if ":" in name:
                yield number, name.split(":")[0], f"{{% url {name!r} %}}"


def source_files():
    """(owner, path) for every Python module and template of the apps and of templates/."""
    for top in [*LAYERS, TEMPLATES_DIR]:
        for path in sorted((ROOT / top).rglob("*")):
            if "migrations" in path.parts or "__pycache__" in path.parts:
                continue
            if path.suffix == ".py" or (
                path.suffix in {".html", ".txt", ".xml"}
                and (top == TEMPLATES_DIR or "templates" in path.parts)
            ):
                yield top, path


def violations():
    libraries, relations = tag_libraries(), upward_relations()
    found = []
    for user, path in source_files():
        source = path.read_text()
        if path.suffix == ".py":
            references = python_references(source, user, relations)
        else:
            references = template_references(source, user, libraries, relations)
        for number, used, what in references:
            if used in LAYERS and not may_use(user, used):
                found.append(f"{path.relative_to(ROOT)}:{number}: {user} names {used}: {what}")
    return found


def test_no_app_names_a_higher_or_sibling_app():
    assert violations() == []


def test_the_layer_test_reads_every_kind_of_reference_in_python():
    source = (
        "import campaign.models\n"
        "from donations.models import Donation\n"
        "url = reverse('campaign:home')\n"
        "template_name = 'sponsorships/signup.html'\n"
        "qs = Detainee.objects.filter(sponsorships__status='ACTIVE')\n"
    )
    references = python_references(source, "prisoners", upward_relations())
    assert {(line, used) for line, used, _ in references} == {
        (1, "campaign"),
        (2, "donations"),
        (3, "campaign"),
        (4, "sponsorships"),
        (5, "sponsorships"),
    }


def test_the_layer_test_reads_every_kind_of_reference_in_templates():
    source = (
        "{% load i18n campaign_tags %}{% load sponsor_list from sponsorships_tags %}\n"
        "{% url 'donations:donate' %}{% include 'campaign/page.html' %}\n"
        "{% for s in detainee.sponsorships.all %}{% endfor %}\n"
    )
    references = template_references(source, "prisoners", tag_libraries(), upward_relations())
    assert {(line, used) for line, used, _ in references} == {
        (1, "campaign"),
        (1, "sponsorships"),
        (2, "donations"),
        (2, "campaign"),
        (3, "sponsorships"),
    }


def test_the_layer_table_names_every_app():
    """A new app must take its place in the table, or the rule would not see it."""
    local = {
        app.split(".")[0] for app in settings.INSTALLED_APPS if (ROOT / app.split(".")[0]).is_dir()
    }
    assert local == set(LAYERS)


def test_every_page_the_layout_links_to_is_registered():
    """`{{ pages.x }}` and page_url("x") name pages the apps above register (common.layout);
    an unregistered name would render as an empty link."""
    from common.layout import _pages

    used = set()
    for _user, path in source_files():
        source = path.read_text()
        used |= set(re.findall(r"\bpages\.(\w+)", source))
        used |= set(re.findall(r"""page_url\(["'](\w+)["']\)""", source))
    assert used, "the scan found no page: the pattern no longer matches the templates"
    assert used <= set(_pages)
