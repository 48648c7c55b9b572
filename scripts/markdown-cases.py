#!/usr/bin/env python3
"""Markdown conversions of the dev corpus pages, scored with `papersift eval pages`.

Scrapers often save a page as Markdown (html2text, markdownify) rather than as a text
browser's dump. This script converts each corpus page's source.html with both converters
into a case folder of its own (the Markdown as `dump.txt`, the gold copied beside it) and
runs `eval pages` on each folder, so the Markdown styles can be compared with the
`dump.txt` kind of the corpus itself.

    pip install html2text markdownify
    cargo build --release
    scripts/markdown-cases.py [CORPUS_PAGES] [WORK_DIR]

Defaults: ../shared/corpus/pages and a new temporary folder. Nothing is written into the
repository; the corpus pages stay where they are.
"""

import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def converters():
    try:
        import html2text
        import markdownify
    except ImportError as err:
        sys.exit(f"markdown-cases: {err.name} is missing (pip install html2text markdownify)")

    def with_html2text(html):
        h = html2text.HTML2Text()
        h.body_width = 0
        return h.handle(html)

    def with_markdownify(html):
        return markdownify.markdownify(html, heading_style="ATX")

    return {"html2text": with_html2text, "markdownify": with_markdownify}


def main():
    pages = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus", "pages")
    if not os.path.isdir(pages):
        sys.exit(f"markdown-cases: no corpus pages at {pages} (the dev corpus is not beside the repository)")
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="papersift-markdown.")
    binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "papersift")
    if not os.access(binary, os.X_OK):
        sys.exit(f"markdown-cases: no binary at {binary} (run: cargo build --release)")
    for name, convert in converters().items():
        out = os.path.join(work, name)
        for case in sorted(os.listdir(pages)):
            source = os.path.join(pages, case, "source.html")
            gold = os.path.join(pages, case, "gold.json")
            if not (os.path.isfile(source) and os.path.isfile(gold)):
                continue
            raw = open(source, "rb").read()
            try:
                html = raw.decode("utf-8")
            except UnicodeDecodeError:
                html = raw.decode("cp1252", errors="replace")
            os.makedirs(os.path.join(out, case), exist_ok=True)
            with open(os.path.join(out, case, "dump.txt"), "w", encoding="utf-8") as f:
                f.write(convert(html))
            shutil.copy(gold, os.path.join(out, case, "gold.json"))
        print(f"== {name} ({out})", flush=True)
        subprocess.run([binary, "eval", "pages", out, "--worst", "5"], check=False)


if __name__ == "__main__":
    main()
