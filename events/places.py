"""Québec towns and postal areas with their coordinates, from the files in data/.

No geocoder is called: the files ship with the site (data/README.md says where they
come from, their licences and what they lack). A name is matched whatever its accents,
case, hyphens or apostrophes, and "St-Rémi", "Saint Remi" and "st remi" are one name.

`find` answers with one place, or with a few to choose from (two towns of one name, or
the start of several names), or with why it found none. A postal code is read by its
first three characters (the Forward Sortation Area), whose centre stands for it.
"""

import csv
import difflib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# Radius of a distance search, in kilometres: the default, what the form offers, the most.
DEFAULT_KM = 30
KM_CHOICES = (10, 20, 30, 50, 100, 200)
MAX_KM = 300
EARTH_RADIUS_KM = 6371.0
MAX_LENGTH = 80
MIN_PREFIX = 4
MAX_CHOICES = 6
# The widest rural postal areas reach this far from their centre.
MAX_TOWN_TO_AREA_KM = 120
# One of two places of one name is taken without asking when it is this much bigger.
BEST_KNOWN_RATIO = 5
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "mt": "mont"}
ARTICLES = ("l", "la", "le", "les")
PROVINCE_WORDS = {"qc", "quebec", "pq", "canada"}
QUEBEC_POSTAL_LETTERS = "GHJ"
POSTAL_CODE = re.compile(r"\b([A-Za-z]\d[A-Za-z])\s*-?\s*(\d[A-Za-z]\d)?\b")
POSSESSIVE = re.compile(r"(\w)['’]s\b")
LABEL = re.compile(r"^(?P<name>.+?)\s*\((?P<near>[^()]+)\)\s*$")


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    population: int = 0
    near: str = ""  # the nearest bigger town, to tell two places of one name apart
    postal_area: bool = False

    @property
    def point(self):
        return (self.latitude, self.longitude)

    @property
    def label(self):
        """How the place is written in a link: read back by `find` as this very place."""
        return f"{self.name} ({self.near})" if self.near else self.name

    @property
    def rural_area(self):
        """A rural postal area (J0L): its centre may be far from a given village."""
        return self.postal_area and self.name[1] == "0"


@dataclass(frozen=True)
class Found:
    place: Place | None = None
    choices: tuple = ()
    # "" (found, or nothing asked), "unknown", "postal_unknown" or "postal_outside".
    problem: str = ""
    asked: str = ""


def fold(text):
    """Lowercase ASCII words: accents, hyphens and apostrophes dropped, St → Saint."""
    text = POSSESSIVE.sub(r"\1s", text or "")  # "Ayer's Cliff" is "Ayers Cliff"
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c if c.isalnum() else " " for c in text if c.isascii())
    return " ".join(ABBREVIATIONS.get(word, word) for word in text.split())


def _without_article(key):
    words = key.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in ARTICLES else key


def _rows(name):
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@cache
def places():
    """{geonameid: Place} of every town in the file; only a name that two places
    share keeps its "near" town, to tell them apart."""
    rows = _rows("places_qc.csv")
    counts = Counter(fold(row["name"]) for row in rows)
    return {
        row["geonameid"]: Place(
            name=row["name"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            population=int(row["population"]),
            near=row["near"] if counts[fold(row["name"])] > 1 else "",
        )
        for row in rows
    }


@cache
def _index():
    """folded name (also without its article) → places; real names before aliases."""
    index = {}
    for place in places().values():
        key = fold(place.name)
        for variant in {key, _without_article(key)}:
            index.setdefault(variant, []).append(place)
    names = set(index)
    for row in _rows("place_aliases_qc.csv"):
        place = places().get(row["geonameid"])
        key = fold(row["alias"])
        if place is not None and key not in names and place not in index.get(key, []):
            index.setdefault(key, []).append(place)
    return index


@cache
def postal_areas():
    return {
        row["fsa"]: Place(
            name=row["fsa"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            postal_area=True,
        )
        for row in _rows("postal_areas_qc.csv")
    }


def find(text):
    """The place meant by what someone typed: a town, "Town (Near)", or a postal code."""
    asked = " ".join((text or "").split())[:MAX_LENGTH]
    if not fold(asked):
        return Found(asked=asked)
    postal = POSTAL_CODE.fullmatch(asked.strip())
    if postal:
        return _postal_area(postal.group(1), asked)
    label = LABEL.match(asked)
    if label:
        place = _labelled(label.group("name"), label.group("near"))
        if place is not None:
            return Found(place=place, asked=asked)
    found = _town(fold(asked), asked)
    if found.place is None and label:  # "Montréal (Bordeaux-Cartierville)"
        by_name = _town(fold(label.group("name")), asked)
        return by_name if by_name.place is not None else found
    return found


def _postal_area(fsa, asked):
    fsa = fsa.upper()
    place = postal_areas().get(fsa)
    if place is not None:
        return Found(place=place, asked=asked)
    problem = "postal_unknown" if fsa[0] in QUEBEC_POSTAL_LETTERS else "postal_outside"
    return Found(problem=problem, asked=asked)


def _labelled(name, near):
    key, near_key = fold(name), fold(near)
    return next((p for p in _index().get(key, ()) if fold(p.near) == near_key), None)


def _town(key, asked):
    words = key.split()
    if len(words) > 1 and words[-1] in PROVINCE_WORDS:  # "Saint-Rémi QC"
        key = " ".join(words[:-1])
    index = _index()
    exact = index.get(key) or index.get(_without_article(key))
    if exact:
        return _one_or_choices(exact, asked)
    starting = [p for k, found in index.items() if k.startswith(key + " ") for p in found]
    if len(key) >= MIN_PREFIX and starting:
        return Found(choices=_ranked(starting), asked=asked)
    close = difflib.get_close_matches(key, index.keys(), n=MAX_CHOICES, cutoff=0.8)
    if close:
        return Found(choices=_ranked(p for k in close for p in index[k]), asked=asked)
    return Found(problem="unknown", asked=asked)


def _ranked(found):
    unique = {p.label: p for p in found}.values()
    return tuple(sorted(unique, key=lambda p: (-p.population, p.name)))[:MAX_CHOICES]


def _one_or_choices(found, asked):
    ranked = _ranked(found)
    if len(ranked) == 1 or ranked[0].population >= BEST_KNOWN_RATIO * ranked[1].population:
        return Found(place=ranked[0], asked=asked)
    return Found(choices=ranked, asked=asked)


def locate(*texts):
    """The place an address, a municipality or a place name is in, if one is known:
    a town named in it (one found without asking), else the area of its postal code
    when that is an urban one (a rural area's centre can be far from the village).

    A town far from the postal code's area is another town of that name (the
    Saint-Boniface of the file is not the one in Mauricie): it is not taken.
    """
    area = _postal_area_in(texts)
    for text in texts:
        for part in reversed((text or "").split(",")):
            part = POSTAL_CODE.sub(" ", part)
            found = find(part) if fold(part) else Found()
            town = found.place
            if town is None or town.postal_area:
                continue
            if area is None or distance_km(town.point, area.point) <= MAX_TOWN_TO_AREA_KM:
                return town
    if area is not None and not area.rural_area:
        return area
    return None


def _postal_area_in(texts):
    for text in texts:
        postal = POSTAL_CODE.search(text or "")
        if postal and postal.group(2):  # a full code, not any three characters
            return postal_areas().get(postal.group(1).upper())
    return None


def distance_km(a, b):
    """Great-circle distance between two (latitude, longitude) points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def bounding_box(point, km):
    """(south, north, west, east) holding every point within `km` of `point`."""
    lat, lon = point
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    dlon = math.degrees(km / (EARTH_RADIUS_KM * max(math.cos(math.radians(lat)), 0.01)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
