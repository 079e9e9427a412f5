"""The shipped Québec places and postal areas, and how what people type is matched."""

import csv

import pytest

from events import places
from events.places import DATA, bounding_box, distance_km, find, locate

# Québec's extent, with a little margin (its southern border is the 45th parallel).
SOUTH, NORTH, WEST, EAST = 44.9, 62.7, -79.8, -57.0


def rows(name):
    with open(DATA / name, encoding="utf-8") as f:
        header = f.readline()
        return header, list(csv.DictReader(f))


def test_the_places_file_names_its_source_and_holds_only_quebec():
    header, data = rows("places_qc.csv")
    assert "GeoNames" in header and "CC BY 4.0" in header
    assert len(data) > 500
    for row in data:
        assert SOUTH <= float(row["latitude"]) <= NORTH, row
        assert WEST <= float(row["longitude"]) <= EAST, row
    names = {row["name"] for row in data}
    assert {"Saint-Rémi", "Coaticook", "Shawinigan", "Montréal", "Cap-aux-Meules"} <= names
    # Missing from GeoNames' populated places (events/data/README.md): the postal
    # code is the way in for these.
    assert "Compton" not in names


def test_the_postal_areas_are_quebecs_with_their_centre():
    header, data = rows("postal_areas_qc.csv")
    assert "Statistics Canada" in header
    assert len(data) == 420  # less H0H, Santa Claus at the North Pole
    assert {row["fsa"][0] for row in data} == {"G", "H", "J"}
    for row in data:
        assert SOUTH <= float(row["latitude"]) <= NORTH, row
        assert WEST <= float(row["longitude"]) <= EAST, row
    codes = {row["fsa"]: row["name"] for row in data}
    assert codes["J1A"] == "Coaticook" and "J0L" in codes and "J0B" in codes


def test_the_files_stay_small():
    assert sum(f.stat().st_size for f in DATA.glob("*.csv")) < 80_000


@pytest.mark.parametrize(
    "typed",
    [
        "Saint-Rémi",
        "saint-remi",
        "SAINT RÉMI",
        "St-Rémi",
        "St Remi",
        "st. remi",
        "Ste-Remi".replace("Ste", "St"),
        "  Saint Remi, QC ",
        "Saint-Rémi Québec",
    ],
)
def test_a_town_is_found_whatever_its_spelling(typed):
    found = find(typed)
    assert found.place is not None, found
    assert found.place.name == "Saint-Rémi"


@pytest.mark.parametrize(
    "typed, name",
    [
        ("ste-adele", "Sainte-Adèle"),
        ("Ayers Cliff", "Ayer's Cliff"),
        ("ayer’s cliff", "Ayer's Cliff"),
        ("L'Islet sur Mer", "L'Islet-sur-Mer"),
        ("islet sur mer", "L'Islet-sur-Mer"),  # without its article
        ("Les Îles-de-la-Madeleine", "Cap-aux-Meules"),  # another name of the place
        ("montreal", "Montréal"),
        ("Quebec City", "Québec"),
        ("trois rivieres", "Trois-Rivières"),
        ("Montréal (Bordeaux-Cartierville)", "Montréal"),
    ],
)
def test_other_spellings_and_names(typed, name):
    assert find(typed).place.name == name


def test_two_places_of_one_name_are_offered_and_their_label_reads_back():
    found = find("Saint-Alexandre")
    assert found.place is None and found.problem == ""
    labels = [p.label for p in found.choices]
    assert labels == ["Saint-Alexandre (Gatineau)", "Saint-Alexandre (Sept-Îles)"]
    assert find("saint alexandre (sept iles)").place == found.choices[1]
    # A name only one place has needs no "near" town.
    assert find("Coaticook").place.label == "Coaticook"


def test_of_two_places_of_one_name_a_much_better_known_one_is_taken():
    place = find("Ville-Marie").place
    assert place is not None and place.population > 100_000


def test_the_start_of_names_and_close_spellings_are_offered_not_taken():
    clotilde = find("Sainte-Clotilde")
    assert clotilde.place is None
    assert [p.name for p in clotilde.choices] == ["Sainte-Clotilde-de-Horton"]
    saint_jean = find("St-Jean")
    assert "Saint-Jean-sur-Richelieu" in [p.name for p in saint_jean.choices]
    assert [p.name for p in find("Trois-Rivère").choices] == ["Trois-Rivières"]


def test_an_unknown_town_says_so():
    for typed in ("Compton", "Atlantis", "x" * 500):
        found = find(typed)
        assert (found.place, found.choices, found.problem) == (None, (), "unknown")
        assert len(found.asked) <= places.MAX_LENGTH
    assert find("   ").problem == ""  # nothing asked


@pytest.mark.parametrize("typed", ["J0L 1B0", "j0l1b0", "J0L-1B0", "j0l", " J0L "])
def test_a_postal_code_gives_its_area(typed):
    place = find(typed).place
    assert place.postal_area and place.name == "J0L" and place.rural_area
    assert not find("J1A 2B1").place.rural_area


def test_postal_codes_outside_quebec_or_unknown():
    assert find("K1A 0B1").problem == "postal_outside"
    assert find("M5V").problem == "postal_outside"
    assert find("H0Z").problem == "postal_unknown"


def test_locating_an_address():
    assert locate("", "85, rue Child, bureau 3, Coaticook, QC J1A 2B1").name == "Coaticook"
    assert locate("Saint-Rémi", "").name == "Saint-Rémi"
    assert locate("", "150, rue Main, QC J1A 2S4").name == "J1A"  # urban area
    assert locate("", "rang 3, QC J0B 1L0") is None  # a rural area is too wide
    # The file's Saint-Boniface is 250 km from postal area G0X: another town.
    assert locate("", "rue Principale, Saint-Boniface, QC G0X 2L0") is None
    assert locate("Compton", "chemin de Hatley") is None


def test_distances():
    saint_remi, montreal = find("Saint-Rémi").place, find("Montréal").place
    assert distance_km(saint_remi.point, montreal.point) == pytest.approx(27, abs=1)
    assert distance_km(saint_remi.point, saint_remi.point) == 0
    south, north, west, east = bounding_box(saint_remi.point, 30)
    for lat, lon in ((south, saint_remi.longitude), (saint_remi.latitude, east)):
        assert distance_km(saint_remi.point, (lat, lon)) == pytest.approx(30, abs=0.1)
    assert south < saint_remi.latitude < north and west < saint_remi.longitude < east
