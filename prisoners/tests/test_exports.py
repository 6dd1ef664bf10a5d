"""Open data: CSV and JSON of the public fields of public records, under CC BY 4.0."""

import csv
import io
import json

from conftest import make_detainee
from prisoners.models import Visibility


def test_the_json_export_states_its_licence_and_lists_public_records(client, db):
    make_detainee(hometown_en="Berdzor", charges_en="Espionage", charges_fr="Espionnage")
    make_detainee(slug="record-2", visibility=Visibility.LIMITED)
    response = client.get("/fr/prisoners/export.json")
    assert 'rel="license"' in response["Link"]
    data = json.loads(response.content)
    assert data["licence"] == "CC BY 4.0"
    assert data["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    [record] = data["records"]
    assert record["slug"] == "ani-karapetyan"
    assert record["name_hy"] == "Անի Կարապետյան"
    assert record["charges"] == "Espionnage"
    assert record["captured_on"] == "2023-09-28"
    assert record["url"].endswith("/fr/prisoners/ani-karapetyan/")
    assert isinstance(record["days_held"], int)


def test_the_csv_export_carries_its_licence(client, db):
    make_detainee()
    response = client.get("/en/prisoners/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "creativecommons.org/licenses/by/4.0" in response["Link"]
    # RFC 4180: the first line is the header; the licence is in the Link header, not a line.
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    text = response.content.decode()
    assert text.startswith("slug,name_en,")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["name_en"] for row in rows] == ["Ani Karapetyan"]
    assert "family_contact" not in rows[0] and "internal_notes" not in rows[0]


def test_the_list_page_links_to_the_exports(client, db):
    html = client.get("/en/prisoners/").content.decode()
    assert 'href="/en/prisoners/export.csv"' in html
    assert 'href="/en/prisoners/export.json"' in html
    assert "CC BY 4.0" in html
