"""QR codes as inline SVG: printed at any size and sharp, no image file to serve."""

import segno


def make_qr(url):
    # Never a Micro QR: many phone camera apps cannot read them.
    return segno.make(url, micro=False)


def qr_svg(url, title=""):
    svg = make_qr(url).svg_inline(border=2, omitsize=True, svgclass="qr", title=title or None)
    # An image with its <title> as name for screen readers.
    return svg.replace("<svg ", '<svg role="img" ', 1)
