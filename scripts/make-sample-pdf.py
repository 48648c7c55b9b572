#!/usr/bin/env python3
"""Writes samples/invented-article-print.pdf: an invented article laid out as a printed web
page (two pages, Helvetica, one text line per show operation), so that the PDF path has a
sample of our own with its expected record beside it.

    python3 scripts/make-sample-pdf.py

Uses only the standard library; the output is byte-for-byte the same on every run.
"""
from pathlib import Path

PAGES = [
    [
        (18, "Journal of Invented Hydrology, Volume 12, Number 3"),
        (11, ""),
        (11, "Research Article"),
        (20, "Tidal mixing in invented"),
        (20, "estuaries"),
        (11, ""),
        (12, "Mei Lindqvist1 and Dara A. Okafor2,*"),
        (10, "1 Department of Invented Hydrology, University of Utopia, Utopia, Norway"),
        (10, "2 Institute of Imaginary Coasts, Atlantis Polytechnic, Atlantis, Portugal"),
        (10, "* Correspondence: d.okafor@example.org"),
        (10, "Received: 3 February 2021; Accepted: 28 April 2021; Published: 15 June 2021"),
        (10, "https://doi.org/10.5555/jih.2021.0043"),
        (11, ""),
        (14, "Abstract"),
        (11, "Tides mix fresh and salt water in invented estuaries. We measured salinity at"),
        (11, "twelve stations in two estuaries for one year. Mixing was strongest at spring"),
        (11, "tides and weakest in late summer. A simple model predicts the mixing within ten"),
        (11, "per cent."),
        (11, ""),
        (14, "1. Introduction"),
        (11, "Where a river meets the sea, tides stir fresh water into salt water. How strongly"),
        (11, "they stir matters for the animals that live in the estuary."),
    ],
    [
        (14, "Funding"),
        (11, "This work was supported by the Invented Research Council under grant"),
        (11, "IRC-2019-0042."),
        (11, ""),
        (14, "References"),
        (10, "1. Moreau A, Brandt K. Mixing in shallow invented estuaries. Invent Coast Res."),
        (10, "2015;7:11-29."),
        (10, "2. Lindqvist M, Okafor DA. Tides and salt in invented rivers. J Invent Hydrol."),
        (10, "2018;9(2):45-60."),
        (10, "3. Okafor DA. Imaginary estuaries. 2nd ed. Atlantis: Polytechnic Press; 2016."),
    ],
]


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def content(lines) -> bytes:
    ops = ["BT"]
    y = 740
    for size, text in lines:
        y -= size + 6
        if text:
            ops.append(f"/F1 {size} Tf 1 0 0 1 60 {y} Tm ({escape(text)}) Tj")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def build() -> bytes:
    objects = []
    page_ids = [3 + 2 * i for i in range(len(PAGES))]
    font_id = 3 + 2 * len(PAGES)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(PAGES)} >>".encode())
    for i, lines in enumerate(PAGES):
        stream = content(lines)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "samples" / "invented-article-print.pdf"
    target.write_bytes(build())
    print(f"wrote {target}")
