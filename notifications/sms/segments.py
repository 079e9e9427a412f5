"""How many SMS segments a text costs.

A text that fits the GSM 03.38 alphabet is sent as GSM-7: 160 characters in one
segment, 153 per segment once split (each part carries a header). One character
outside it — "á", "í", "ó", "ú", "¿" are, while "é", "ñ", "¡" are not — switches the
whole message to UCS-2: 70 characters, then 67 per segment. Characters of the GSM
extension table ("€", "[", "{"…) take two septets. The gsm0338 codec knows the
alphabet; this module only counts.
"""

from dataclasses import dataclass

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

GSM7 = "GSM-7"
UCS2 = "UCS-2"
LIMITS = {GSM7: (160, 153), UCS2: (70, 67)}


@dataclass(frozen=True)
class SegmentInfo:
    encoding: str
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int


def analyse(text):
    try:
        units = len(text.encode("gsm03.38"))
        encoding = GSM7
    except UnicodeEncodeError:
        units = len(text.encode("utf-16-le")) // 2
        encoding = UCS2
    single, multi = LIMITS[encoding]
    if units <= single:
        segments = 1 if units else 0
    else:
        segments = -(-units // multi)
    return SegmentInfo(encoding=encoding, units=units, segments=segments)


def segment_count(text):
    return analyse(text).segments
