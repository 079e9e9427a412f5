import pytest

from notifications.sms.segments import GSM7, UCS2, analyse


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Rappel: soccer samedi 10 h, depart eglise 9 h 15", GSM7),
        # é, ñ, ¡ and ¿ are in the GSM alphabet; á, í, ó, ú and ç are not.
        ("Mañana fútbol", UCS2),
        ("¡Mañana!", GSM7),
        ("Départ à l'église", GSM7),
        ("Sortie annulée, désolé", GSM7),
        ("Reçu", UCS2),
        ("Reunión mañana", UCS2),
    ],
)
def test_encoding_follows_the_gsm_alphabet(text, encoding):
    assert analyse(text).encoding == encoding


@pytest.mark.parametrize(
    "length, segments", [(0, 0), (1, 1), (160, 1), (161, 2), (306, 2), (307, 3)]
)
def test_gsm7_segment_limits(length, segments):
    assert analyse("a" * length).segments == segments


@pytest.mark.parametrize("length, segments", [(70, 1), (71, 2), (134, 2), (135, 3)])
def test_ucs2_segment_limits(length, segments):
    text = "ó" + "a" * (length - 1)
    info = analyse(text)
    assert (info.encoding, info.units, info.segments) == (UCS2, length, segments)


def test_extension_characters_take_two_septets():
    assert analyse("€" * 80).units == 160
    assert analyse("€" * 81).segments == 2


def test_characters_outside_the_bmp_take_two_units():
    assert analyse("⚽" * 35).units == 35
    assert analyse("🚐" * 35).units == 70
