"""Interface strings are complete in fr, es and en, and the compiled files are current."""

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
