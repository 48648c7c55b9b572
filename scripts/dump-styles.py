#!/usr/bin/env python3
"""Other dump styles of the dev corpus pages, scored with `papersift eval pages`.

The corpus's own `dump.txt` is a w3m dump. Scrapers save pages in other styles too: as
Markdown (html2text, markdownify) or with another text browser (lynx, links). This script
turns each corpus page's source.html into each style it can make here, into a case folder
per style (the text as `dump.txt`, the gold copied beside it), and runs `eval pages` on
each folder, so the styles can be compared with the corpus's `dump.txt` kind. Styles whose
tool is missing are skipped with a message.

    pip install html2text markdownify        (Markdown styles)
    apt-get install lynx links               (text browser styles)
    cargo build --release
    scripts/dump-styles.py [CORPUS_PAGES] [WORK_DIR]

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
    """Each style this machine can make: a function from (html text, file path) to text."""
    styles = {}
    try:
        import html2text

        def with_html2text(html, _path):
            h = html2text.HTML2Text()
            h.body_width = 0
            return h.handle(html)

        styles["html2text"] = with_html2text
    except ImportError:
        print("dump-styles: skipping html2text (pip install html2text)", file=sys.stderr)
    try:
        import markdownify

        def with_markdownify(html, _path):
            return markdownify.markdownify(html, heading_style="ATX")

        styles["markdownify"] = with_markdownify
    except ImportError:
        print("dump-styles: skipping markdownify (pip install markdownify)", file=sys.stderr)
    browsers = {
        "lynx": ["lynx", "-dump", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8", "-width=80"],
        "links": ["links", "-dump", "-width", "80"],
    }
    for name, command in browsers.items():
        if shutil.which(command[0]) is None:
            print(f"dump-styles: skipping {name} (not installed)", file=sys.stderr)
            continue

        def with_browser(_html, path, command=command):
            done = subprocess.run(command + [path], capture_output=True, timeout=60, check=False)
            return done.stdout.decode("utf-8", errors="replace")

        styles[name] = with_browser
    return styles


def main():
    pages = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus", "pages")
    if not os.path.isdir(pages):
        sys.exit(f"dump-styles: no corpus pages at {pages} (the dev corpus is not beside the repository)")
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="papersift-dump-styles.")
    binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "papersift")
    if not os.access(binary, os.X_OK):
        sys.exit(f"dump-styles: no binary at {binary} (run: cargo build --release)")
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
                f.write(convert(html, source))
            shutil.copy(gold, os.path.join(out, case, "gold.json"))
        print(f"== {name} ({out})", flush=True)
        subprocess.run([binary, "eval", "pages", out, "--worst", "5"], check=False)


if __name__ == "__main__":
    main()
