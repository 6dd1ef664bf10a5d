# ruff: noqa: S603, S607 -- runs our own programs (manage.py, this tool, pdftoppm)
"""Everything the site outputs, rendered for a person to look at: `make review` (see README).

On a fresh SQLite database in a temporary folder (never db.sqlite3, never media/ or .cache/),
with the demo data plus records chosen to break layouts (photos of every shape, a very long
name, each category and status, LIMITED records, a sponsor with a logo), it writes into one
folder (review/ by default) an index.html linking:

- pages: each public page (the sitemap, plus the URL conf's pages without arguments), the
  sponsor portal and the staff admin, at 390 and 1280 px, full page, in every language,
  photographed by Chromium (as the browser tests launch it);
- e-mails: every message the site sends while the tool walks through its flows (sign a
  petition, follow, sponsor, donate, invite staff, report a correction, mark released), in
  each language, as text and HTML (and the HTML as PNG), through common.mail as the site
  sends them; a template under */templates/*/email/ that no flow reached is listed as such;
- files: whatever the pages link to that is not a page (PDF banners and posters, share
  images, calendars, CSV and JSON exports, feeds), found by reading the pages' links, and the
  admin's "export" actions. PDF pages become PNGs (pdftoppm), text stays text.

Nothing here is hard-coded per output: a new page, e-mail template, PDF or export shows up as
soon as the site links or sends it. `--only` and `--limit` render a subset (the smoke test).
"""

import html
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tools import main
from tools.bench import CHROMIUM, CHROMIUM_FLAGS

BASE = Path(settings.BASE_DIR)
PYTHON = sys.executable
WIDTHS = (390, 1280)
KINDS = ("pages", "admin", "emails", "files")
PASSWORD = "review-password-1234"  # noqa: S105 -- an account in a throw-away database
TEXT_TYPES = ("text/", "application/json", "application/rss", "application/atom", "+xml")
# Links that are assets, not outputs of the site.
ASSET_PREFIXES = ("/static/", "/media/")


class Command(BaseCommand):
    help = "Render every page, e-mail, PDF, image and export of the site into one folder."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(BASE / "review"))
        parser.add_argument("--only", nargs="+", choices=KINDS, default=list(KINDS))
        parser.add_argument(
            "--limit", type=int, default=0, help="at most this many items of each kind"
        )
        parser.add_argument(
            "--no-browser", action="store_true", help="skip the screenshots (no Chromium)"
        )
        parser.add_argument("--port", type=int, default=0)
        parser.add_argument("--inside", action="store_true", help="(internal) do the work")

    def handle(self, *args, output, only, limit, no_browser, port, inside, **options):
        if inside:
            return Review(Path(output), only, limit, not no_browser, self.stdout).run()
        # The parent: a temporary database, media and cache, then this tool again inside them.
        began = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="libertas-review-") as tmp:
            tmp = Path(tmp)
            port = port or free_port()
            env = {
                **os.environ,
                "DJANGO_DEBUG": "1",
                "DATABASE_URL": f"sqlite:///{tmp / 'review.sqlite3'}",
                "MEDIA_ROOT": str(tmp / "media"),
                "PRIVATE_MEDIA_ROOT": str(tmp / "private-media"),
                "CACHE_URL": f"file://{tmp / 'cache'}",
                "SITE_URL": f"http://127.0.0.1:{port}",
                "SERVE_MEDIA": "1",
                "REVIEW_PORT": str(port),
            }
            command = [PYTHON, "-m", "tools.review", "--inside", f"--output={output}"]
            command += ["--only", *only, f"--limit={limit}"]
            command += ["--no-browser"] if no_browser else []
            result = subprocess.run(command, env=env, cwd=BASE, check=False)
            if result.returncode:
                raise CommandError(f"review failed (exit {result.returncode})")
        seconds = time.monotonic() - began
        self.stdout.write(f"Review written to {output}/index.html in {seconds:.0f} s")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Review:
    """Inside the temporary environment: seed, then render each kind of output."""

    def __init__(self, output, only, limit, browser, stdout):
        self.out = output
        self.only = only
        self.limit = limit
        self.use_browser = browser and Path(CHROMIUM).exists()
        self.stdout = stdout
        # {kind: {language: [(title, [(label, relative path)])]}}
        self.items = defaultdict(lambda: defaultdict(list))
        self.problems = []
        self.languages = [code for code, _name in settings.LANGUAGES]

    def say(self, text):
        self.stdout.write(text)
        self.stdout.flush()

    def run(self):
        from django.core.management import call_command

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        if self.out.exists():
            shutil.rmtree(self.out)
        self.out.mkdir(parents=True)
        self.say("Migrating and seeding a temporary database…")
        call_command("migrate", "--no-input", verbosity=0)
        call_command("load_demo", verbosity=0)
        from tools import review_data

        self.data = review_data.seed()
        if not self.use_browser and ("pages" in self.only or "admin" in self.only):
            self.problems.append("Chromium not found or --no-browser: pages were not photographed")
        with self.server(), self.browser() as browser:
            self.chromium = browser
            if "emails" in self.only:
                self.emails()
            if "pages" in self.only or "files" in self.only:
                self.pages_and_files()
            if "admin" in self.only:
                self.admin()
        self.write_index()
        self.say(f"{sum(len(v) for k in self.items.values() for v in k.values())} items")
        if self.problems:
            self.say("Problems:\n  " + "\n  ".join(self.problems))

    # Infrastructure -----------------------------------------------------------------------

    def server(self):
        from contextlib import contextmanager

        @contextmanager
        def running():
            if not self.use_browser:
                yield
                return
            port = os.environ["REVIEW_PORT"]
            process = subprocess.Popen(
                [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=BASE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                wait_for(f"http://127.0.0.1:{port}/healthz")
                yield
            finally:
                process.terminate()
                process.wait(10)

        return running()

    def browser(self):
        from contextlib import contextmanager

        @contextmanager
        def launched():
            if not self.use_browser:
                yield None
                return
            from playwright.sync_api import sync_playwright

            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                yield browser
                browser.close()

        return launched()

    def add(self, kind, language, title, files):
        self.items[kind][language].append((title, files))

    def path(self, kind, language, name):
        path = self.out / kind / language / safe_name(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def rel(self, path):
        return path.relative_to(self.out).as_posix()

    def photograph(self, url, kind, language, name, cookies=()):
        """Full-page screenshots of `url` at each width; [(label, relative path)]."""
        if self.chromium is None:
            return []
        context = self.chromium.new_context(viewport={"width": WIDTHS[-1], "height": 900})
        if cookies:
            context.add_cookies(list(cookies))
        page = context.new_page()
        shots = []
        try:
            page.goto(url, wait_until="load")
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.wait_for_timeout(100)
                target = self.path(kind, language, f"{name}-{width}.png")
                page.screenshot(path=target, full_page=True)
                shots.append((f"{width} px", self.rel(target)))
        except Exception as error:  # noqa: BLE001 -- one broken page must not stop the review
            self.problems.append(f"{url}: {error}")
        finally:
            context.close()
        return shots

    def photograph_html(self, content, kind, language, name):
        if self.chromium is None:
            return []
        page = self.chromium.new_page(viewport={"width": 700, "height": 600})
        try:
            page.set_content(content, wait_until="load")
            target = self.path(kind, language, f"{name}.png")
            page.screenshot(path=target, full_page=True)
        finally:
            page.close()
        return [("HTML as PNG", self.rel(target))]

    def cookies_of(self, client):
        """The test client's session, for Chromium: the same signed-in person."""
        return [
            {"name": name, "value": morsel.value, "domain": "127.0.0.1", "path": "/"}
            for name, morsel in client.cookies.items()
        ]

    def limited(self, items):
        return items[: self.limit] if self.limit else items

    # E-mails -----------------------------------------------------------------------------

    def emails(self):
        from tools import review_data

        self.say("E-mails: walking through the site's flows in each language…")
        sent = review_data.run_mail_flows(self.languages, self.problems)
        seen = set()
        count = defaultdict(int)
        for language, template, _message in sent:
            seen.add(template)
            count[(language, template)] += 1
        counters = defaultdict(int)
        for language, template, message in sent:
            if self.limit and counters[language] >= self.limit:
                continue
            counters[language] += 1
            counters[(language, template)] += 1
            number = counters[(language, template)]
            name = f"{template.replace('/email/', '-').replace('/', '-')}-{number}"
            files = []
            text = self.path("emails", language, f"{name}.txt")
            headers = "".join(
                f"{key}: {value}\n"
                for key, value in [
                    ("From", message.from_email),
                    ("To", ", ".join(message.to)),
                    ("Reply-To", ", ".join(message.reply_to)),
                    ("Subject", message.subject),
                    *message.extra_headers.items(),
                ]
                if value
            )
            text.write_text(headers + "\n" + message.body)
            files.append(("text", self.rel(text)))
            for content, mimetype in getattr(message, "alternatives", []):
                if mimetype == "text/html":
                    page = self.path("emails", language, f"{name}.html")
                    page.write_text(content)
                    files.append(("HTML", self.rel(page)))
                    files += self.photograph_html(content, "emails", language, name)
            title = f"{template} — {message.subject}"
            if count[(language, template)] > 1:
                title += f" ({number} of {count[(language, template)]} sent in one flow)"
            self.add("emails", language, title, files)
        for template in review_data.email_templates():
            if template not in seen:
                self.problems.append(f"e-mail template {template} was not sent by any flow")

    # Pages and the files they link --------------------------------------------------------

    def pages_and_files(self):
        from django.test import Client

        from tools import review_data

        public = Client(HTTP_HOST="127.0.0.1")
        sponsor = Client(HTTP_HOST="127.0.0.1")
        sponsor.force_login(self.data["sponsor_user"])
        staff = review_data.signed_in_staff(self.data["staff_user"])
        self.staff_client = staff
        pages = review_data.public_pages(public)  # [(language, path)]
        portal = review_data.portal_pages(sponsor)
        pages = [(lang, path, public) for lang, path in pages]
        pages += [(lang, path, sponsor) for lang, path in portal]
        by_language = defaultdict(list)
        for language, path, client in pages:
            by_language[language].append((path, client))
        links = {}  # url -> (client, language)
        self.say(f"Pages: {len(pages)} in {len(self.languages)} languages…")
        for language, entries in by_language.items():
            if "pages" in self.only:
                # --limit: the sponsor portal first (its pages are the sponsor's view).
                ordered = sorted(entries, key=lambda entry: entry[1] is not sponsor)
                for path, client in self.limited(ordered):
                    url = f"http://127.0.0.1:{os.environ['REVIEW_PORT']}{path}"
                    cookies = self.cookies_of(client) if client is sponsor else ()
                    name = path.strip("/") or "root"
                    shots = self.photograph(url, "pages", language, name, cookies)
                    self.add("pages", language, path, shots)
            for path, client in entries:
                response = client.get(path)
                if response.status_code != 200:
                    self.problems.append(f"{path}: HTTP {response.status_code}")
                    continue
                for link in review_data.links_in(review_data.body(response).decode(), path):
                    link = one_address(link)
                    links.setdefault(link, (client, language_of(link, language)))
        if "files" in self.only:
            self.files(links, staff)

    def files(self, links, staff):
        from tools import review_data

        found = []
        for url, (client, language) in sorted(links.items()):
            response = client.get(url)
            kind = response.get("Content-Type", "").split(";")[0]
            if response.status_code != 200 or kind == "text/html":
                continue
            found.append((url, language, kind, review_data.body(response)))
        found += [
            (name, language, kind, content)
            for name, language, kind, content in review_data.admin_exports(staff, self.languages)
        ]
        self.say(f"Files: {len(found)} linked outputs…")
        per_kind = defaultdict(int)
        for url, language, kind, content in found:
            key = (kind, language, url.startswith("admin-"))
            per_kind[key] += 1
            if self.limit and per_kind[key] > self.limit:
                continue
            name = urlsplit(url).path.strip("/").removeprefix(f"{language}/") or "root"
            name = re.sub(r"\.(png|jpe?g|pdf)$", "", name)
            query = urlsplit(url).query
            query = query.replace(f"lang={language}", "").strip("&")
            if query:
                name += "-" + query
            saved = self.save_file(name, language, kind, content)
            self.add("files", language, f"{url} ({kind})", saved)

    def save_file(self, name, language, kind, content):
        if kind == "application/pdf":
            pdf = self.path("files", language, f"{name}.pdf")
            pdf.write_bytes(content)
            subprocess.run(
                ["pdftoppm", "-png", "-r", "50", str(pdf), str(pdf.with_suffix(""))], check=True
            )
            pages = sorted(pdf.parent.glob(pdf.stem + "-*.png"))
            return [("PDF", self.rel(pdf))] + [
                (f"page {i} as PNG", self.rel(page)) for i, page in enumerate(pages, 1)
            ]
        if kind.startswith("image/"):
            image = self.path("files", language, f"{name}.{kind.split('/')[1]}")
            image.write_bytes(content)
            return [("image", self.rel(image))]
        if any(marker in kind for marker in TEXT_TYPES):
            text = self.path("files", language, f"{name}.txt")
            text.write_bytes(content)
            return [("text", self.rel(text))]
        other = self.path("files", language, f"{name}.bin")
        other.write_bytes(content)
        return [(kind, self.rel(other))]

    # Admin --------------------------------------------------------------------------------

    def admin(self):
        from tools import review_data

        staff = getattr(self, "staff_client", None) or review_data.signed_in_staff(
            self.data["staff_user"]
        )
        cookies = self.cookies_of(staff)
        paths = review_data.admin_pages(self.data)
        self.say(f"Admin: {len(paths)} pages in {len(self.languages)} languages…")
        for language in self.languages:
            for title, path in self.limited(paths):
                path = f"/{language}/{path.split('/', 2)[2]}"
                url = f"http://127.0.0.1:{os.environ['REVIEW_PORT']}{path}"
                shots = self.photograph(url, "admin", language, title, cookies)
                self.add("admin", language, f"{title}: {path}", shots)

    # The index ----------------------------------------------------------------------------

    def write_index(self):
        parts = [
            "<!doctype html><meta charset=utf-8><title>Libertas review</title>",
            "<style>body{font:15px/1.4 sans-serif;max-width:70em;margin:2em auto;padding:0 1em}"
            "li{margin:.2em 0}a{margin-right:.6em}.p{color:#a00}</style>",
            "<h1>Libertas: every output, for review</h1>",
            f"<p>Rendered {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} from a temporary "
            "database with the demo data and the review records (tools/review_data.py).</p>",
        ]
        if self.problems:
            parts.append("<h2 class=p>Problems met while rendering</h2><ul>")
            parts += [f"<li class=p>{html.escape(p)}" for p in self.problems]
            parts.append("</ul>")
        titles = {
            "pages": "Public pages and the sponsor portal",
            "admin": "Staff admin",
            "emails": "E-mails",
            "files": "PDFs, images, calendars, exports",
        }
        parts.append("<nav><ul>")
        for kind in KINDS:
            for language in self.items.get(kind, {}):
                count = len(self.items[kind][language])
                anchor = f"<a href='#{kind}-{language}'>{titles[kind]}, {language}</a>"
                parts.append(f"<li>{anchor} ({count})")
        parts.append("</ul></nav>")
        for kind in KINDS:
            for language, entries in self.items.get(kind, {}).items():
                parts.append(f"<h2 id='{kind}-{language}'>{titles[kind]} — {language}</h2><ul>")
                for title, files in entries:
                    anchors = " ".join(
                        f"<a href='{html.escape(path)}'>{html.escape(label)}</a>"
                        for label, path in files
                    )
                    anchors = anchors or "<i>nothing rendered</i>"
                    parts.append(f"<li>{html.escape(title)}: {anchors}")
                parts.append("</ul>")
        (self.out / "index.html").write_text("\n".join(parts))


def wait_for(url, seconds=30):
    from urllib.request import urlopen

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urlopen(url, timeout=2):  # noqa: S310 -- our own server on the loopback
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def safe_name(name):
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-")[:150] or "item"


def one_address(url):
    """A file that takes its language from ?lang= gets one address whichever page links it:
    the page's language prefix made the same, so it is fetched and shown once."""
    parts = urlsplit(url)
    chosen = re.search(r"(?:^|&)lang=([a-z-]+)", parts.query)
    first = parts.path.lstrip("/").split("/", 1)
    if chosen and first[0] in dict(settings.LANGUAGES) and len(first) == 2:
        return f"/{chosen.group(1)}/{first[1]}?{parts.query}"
    return url


def language_of(url, default):
    first = urlsplit(url).path.strip("/").split("/", 1)[0]
    query_language = re.search(r"(?:^|&)lang=([a-z-]+)", urlsplit(url).query)
    if query_language:
        return query_language.group(1)
    return first if first in dict(settings.LANGUAGES) else default


if __name__ == "__main__":
    main(Command, "review")
