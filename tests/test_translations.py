"""Interface strings are complete in fr, es and en, and the compiled files are current."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

PO_FILES = {
    lang: Path(settings.LOCALE_PATHS[0]) / lang / "LC_MESSAGES" / "django.po"
    for lang in ("fr", "es", "en")
}


@pytest.mark.parametrize("lang", PO_FILES)
def test_every_string_is_translated(lang):
    po = polib.pofile(str(PO_FILES[lang]))
    missing = [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert missing == []


@pytest.mark.parametrize("lang", PO_FILES)
def test_compiled_catalog_matches_the_po_file(lang):
    po = polib.pofile(str(PO_FILES[lang]))
    mo = polib.mofile(str(PO_FILES[lang].with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    wanted = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in po.translated_entries()}
    assert compiled == wanted, "run `make messages` (or manage.py compile_translations)"


PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{\s*(\w+)\s*\}\}")


def placeholders(text):
    return {a or b for a, b in PLACEHOLDER.findall(text)}


@pytest.mark.parametrize("lang", PO_FILES)
def test_translations_keep_the_placeholders(lang):
    """A translation borrowed from another string (a fuzzy guess) shows up here."""
    wrong = []
    for entry in polib.pofile(str(PO_FILES[lang])):
        if entry.obsolete:
            continue
        expected = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
            # The singular form may spell the number out ("une place").
            if placeholders(forms[-1]) != expected or not placeholders(forms[0]) <= expected:
                wrong.append(entry.msgid)
        elif placeholders(entry.msgstr) != expected:
            wrong.append(entry.msgid)
    assert wrong == []
