#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Browser reference for line breaking: where headless Chromium starts each line.

Run BY HAND (not by CI) after changing tests/typography/cases.yaml:

    apt-get install -y chromium          # Debian's package, with fonts-noto-cjk
    python3 tests/typography/browser_line_starts.py

For every case of cases.yaml it lays the case text out in headless Chromium in
a div exactly `width` CSS px wide, `font-size: {px}px`, `line-height: 1.2`,
weight 400/700, `lang` set, `line-break: strict` for ja, `word-break: keep-all`
for ko, `text-autospace: normal` for a case with `autospace: true`, at device
scale factor 1. JavaScript in the page takes a Range per
grapheme cluster, watches the top of its first client rect change, and reports
the line starts as CODE POINT indices into the text. The results come out of
`chromium --headless --dump-dom` as JSON in <pre id=result>.

Fonts: the same faces in the same order as newsticker's font chain
(fonts/FontChain.cpp), as a CSS font-family list of the system fonts, found
through fontconfig: first the Noto Sans CJK face newsticker uses for the
language (JP, KR, SC, TC; fonts-noto-cjk), which also draws spaces, Latin,
digits and common punctuation; then Noto Color Emoji, Noto Sans Arabic, Noto
Sans Hebrew, DejaVu Sans, Symbola, and the Noto Sans faces of fonts-noto-core
for Thai, Lao, Khmer, Myanmar, Devanagari, Bengali, ... (FALLBACK_FAMILIES; a
family fontconfig does not know is left out, as newsticker leaves out a file it
cannot read). Chromium, like newsticker, takes each character from the first
face that has it. newsticker asks the script faces only for their own Unicode
blocks; the list here does not restrict them, which makes no difference as
long as every character outside those blocks is in an earlier face (the CJK
face, DejaVu Sans, Symbola): true of every case so far (spaces, Latin, digits
and . , - come from the CJK face), to be checked when a case brings a
character that is not.

Right-to-left: cases in ar and he get `dir="rtl"` (with `text-align: start`,
so their lines are right-aligned, as a reader of those languages expects).
Line starts stay logical (code point indices in reading order). A line's
width is measured from the leftmost left to the rightmost right of all its
graphemes' client rects, which holds for right-to-left and mixed lines too.

It writes tests/typography/browser_line_starts.yaml beside this script, which
tests/render/browser_line_breaks_test.cpp compares with newsticker's wrapText.

Options: --chromium PATH (default: chromium), --output FILE, --keep-html DIR
(also write the page there, to open it in a browser and look), --cases FILE
(set these cases instead of cases.yaml, to try texts and widths), --screenshots
DIR (also save Chromium's rendering of each case as DIR/<id>-chromium.png: a
page holding that case alone, white background, black text, the same fonts and
style, taken with `chromium --headless --screenshot` in a window exactly the
case's box: `width` by the box height the measuring run reported, rounded
up), --only ID[,ID...] (screenshots of these cases only; the line starts are
always measured and written for every case).
Python 3 stdlib plus yaml only.

History: the font-family list, `dir="rtl"` for ar and he, the line widths
over all rects and --screenshots came with the Arabic, Hebrew, Thai and Hindi cases; before them
each case had only its CJK face (plus Noto Color Emoji when the text had
emoji). The line starts and widths of the earlier cases are the same with the
full list.
"""

import argparse
import html
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases.yaml")
OUTPUT = os.path.join(HERE, "browser_line_starts.yaml")

# Same face per language as fonts/FontChain.cpp (.ttc index 0 JP, 1 KR, 2 SC, 3 TC).
FAMILY = {"ko": "Noto Sans CJK KR", "zh-Hans": "Noto Sans CJK SC", "zh": "Noto Sans CJK SC",
          "zh-Hant": "Noto Sans CJK TC"}
DEFAULT_FAMILY = "Noto Sans CJK JP"
EMOJI_FAMILY = "Noto Color Emoji"

# newsticker's fallbacks after the CJK face, in fonts/FontChain.cpp's order,
# by their fontconfig family names (fc-list : family).
FALLBACK_FAMILIES = [
    EMOJI_FAMILY,
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Thai",
    "Noto Sans Lao",
    "Noto Sans Khmer",
    "Noto Sans Myanmar",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Gurmukhi",
    "Noto Sans Gujarati",
    "Noto Sans Tamil",
    "Noto Sans Telugu",
    "Noto Sans Kannada",
    "Noto Sans Malayalam",
    "Noto Sans Sinhala",
    "Noto Sans Georgian",
    "Noto Sans Armenian",
    "Noto Sans Ethiopic",
    "DejaVu Sans",
    "Symbola",
]

# Languages set right to left.
RTL_LANGUAGES = {"ar", "he", "fa"}

PAGE_SCRIPT = r"""
(function () {
  const results = {};
  const seg = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  for (const box of document.querySelectorAll('div.case')) {
    const node = box.firstChild;  // the one text node of the box
    const text = node.data;
    const starts = [];
    const widths = [];
    const visual = [];  // per line: [x, code point index] of each grapheme that is not a space
    let lineTop = null, lineLeft = 0, lineRight = 0;
    let cp = 0;  // code points before the current grapheme
    const isSpace = (g) => /^\s+$/.test(g);
    for (const {segment, index} of seg.segment(text)) {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + segment.length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.height > 0);
      if (rects.length > 0 && !isSpace(segment)) {
        // The rect on the grapheme's own line: a soft hyphen's range may
        // also hold the hyphen drawn at the end of the line above.
        const r = rects[rects.length - 1];
        if (lineTop === null || r.top > lineTop + r.height / 2) {
          if (lineTop !== null) widths.push(lineRight - lineLeft);
          starts.push(cp);
          visual.push([]);
          lineTop = r.top;
          lineLeft = Infinity;
          lineRight = -Infinity;
        }
        // Leftmost left and rightmost right of the line's rects: in a
        // right-to-left or mixed line the first grapheme in reading order is
        // not the leftmost one.
        for (const rect of rects) {
          if (rect.top > lineTop + rect.height / 2 || rect.bottom < lineTop + rect.height / 2) continue;
          lineLeft = Math.min(lineLeft, rect.left);
          lineRight = Math.max(lineRight, rect.right);
        }
        visual[visual.length - 1].push([r.left + r.width / 2, cp]);
      }
      cp += Array.from(segment).length;
    }
    if (lineTop !== null) widths.push(lineRight - lineLeft);
    const boxRect = box.getBoundingClientRect();
    const order = visual.map((line) => line.sort((a, b) => a[0] - b[0]).map((entry) => entry[1]));
    results[box.id] = {line_starts: starts, line_widths: widths, box_width: boxRect.width,
                       box_height: boxRect.height, visual_order: order};
  }
  results['__user_agent'] = navigator.userAgent;
  results['__device_pixel_ratio'] = window.devicePixelRatio;
  const pre = document.createElement('pre');
  pre.id = 'result';
  pre.textContent = JSON.stringify(results);
  document.body.appendChild(pre);
})();
"""


def installed_families():
    """The family names fontconfig knows (each font may have several)."""
    try:
        out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        return set()
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def fallbacks_installed():
    known = installed_families()
    return [family for family in FALLBACK_FAMILIES if family in known]


def family_for(case, fallbacks):
    families = [FAMILY.get(case["language"], DEFAULT_FAMILY)] + fallbacks
    return ", ".join('"%s"' % family for family in families)


def direction_for(case):
    return "rtl" if case["language"] in RTL_LANGUAGES else "ltr"


def weight_for(case):
    return {"regular": 400, "bold": 700}[case.get("weight", "regular")]


def case_box(case, fallbacks):
    style = [
        "width: %dpx" % case["width"],
        "font-family: %s" % family_for(case, fallbacks),
        "font-size: %dpx" % case["px"],
        "font-weight: %d" % weight_for(case),
    ]
    if case["language"] == "ja":
        style.append("line-break: strict")
    if case["language"] == "ko":
        style.append("word-break: keep-all")
    if case.get("autospace"):
        style.append("text-autospace: normal")
    return '<div class="case" id="%s" lang="%s" dir="%s" style="%s">%s</div>' % (
        html.escape(case["id"]), html.escape(case["language"]), direction_for(case), html.escape("; ".join(style)),
        html.escape(case["text"], quote=False))


PAGE_STYLE = """html, body { margin: 0; padding: 0; background: #ffffff; color: #000000; }
div.case { margin: 0 0 40px 0; padding: 0; border: 0; box-sizing: content-box;
           line-height: 1.2; white-space: normal; font-kerning: normal; font-style: normal;
           letter-spacing: normal; word-spacing: normal; text-align: start; overflow-wrap: normal; }"""


def build_page(cases, fallbacks):
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>newsticker line starts</title>
<style>
%s
</style></head>
<body>
%s
<script>%s</script>
</body></html>
""" % (PAGE_STYLE, "\n".join(case_box(case, fallbacks) for case in cases), PAGE_SCRIPT)


def build_screenshot_page(case, fallbacks):
    """One case alone at the page's top left, for a screenshot of exactly its box."""
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>%s</title>
<style>
%s
html, body { overflow: hidden; }
div.case { margin: 0; }
</style></head>
<body>
%s
</body></html>
""" % (html.escape(case["id"]), PAGE_STYLE, case_box(case, fallbacks))


def take_screenshot(chromium, page_path, png_path, size):
    profile = tempfile.mkdtemp(prefix="newsticker-chromium-")
    try:
        command = chromium_command(chromium, profile, size) + [
            "--hide-scrollbars", "--default-background-color=ffffffff", "--screenshot=" + png_path,
            "file://" + page_path]
        done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if done.returncode != 0 or not os.path.exists(png_path):
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit("chromium wrote no screenshot %s (exit code %d)" % (png_path, done.returncode))
    with open(png_path, "rb") as f:
        header = f.read(24)
    # PNG signature, IHDR: width and height, big-endian, at bytes 16..23.
    got = (int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big"))
    if header[:8] != b"\x89PNG\r\n\x1a\n" or got != size:
        raise SystemExit("%s is %r, not a %dx%d PNG" % (png_path, got, size[0], size[1]))


def save_screenshots(chromium, cases, results, fallbacks, directory):
    os.makedirs(directory, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="newsticker-shots-")
    try:
        for case in cases:
            page_path = os.path.join(workdir, case["id"] + ".html")
            with open(page_path, "w", encoding="utf-8") as f:
                f.write(build_screenshot_page(case, fallbacks))
            size = (case["width"], int(math.ceil(results[case["id"]]["box_height"] - 1e-6)))
            png_path = os.path.join(directory, case["id"] + "-chromium.png")
            take_screenshot(chromium, page_path, os.path.abspath(png_path), size)
            print("wrote %s (%dx%d)" % (png_path, size[0], size[1]))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def chromium_command(chromium, profile, window_size):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--force-device-scale-factor=1", "--window-size=%d,%d" % window_size,
            "--user-data-dir=" + profile]


def run_chromium(chromium, page_path):
    profile = tempfile.mkdtemp(prefix="newsticker-chromium-")
    try:
        command = chromium_command(chromium, profile, (1920, 1080)) + ["--dump-dom", "file://" + page_path]
        done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    match = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, re.S)
    if not match:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit("chromium printed no <pre id=result> (exit code %d)" % done.returncode)
    return json.loads(html.unescape(match.group(1)))


def chromium_version(chromium):
    out = subprocess.run([chromium, "--version"], capture_output=True, text=True, check=False).stdout
    return " ".join(out.split())


def lines_of(text, starts):
    points = list(text)  # code points
    bounds = list(starts) + [len(points)]
    return ["".join(points[bounds[i]:bounds[i + 1]]).rstrip(" \t\n\r\u3000") for i in range(len(starts))]


def wrapped_comment(text, width=78):
    """`text` as YAML comment lines, broken at spaces."""
    lines, line = [], "#"
    for word in text.split(" "):
        if len(line) + 1 + len(word) > width and line != "#":
            lines.append(line)
            line = "#"
        line += " " + word
    return lines + [line]


def quoted(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--output", default=OUTPUT)
    parser.add_argument("--keep-html", metavar="DIR")
    parser.add_argument("--screenshots", metavar="DIR")
    parser.add_argument("--only", metavar="ID[,ID...]")
    parser.add_argument("--cases", default=CASES, help="the cases to set (default: cases.yaml beside this script)")
    args = parser.parse_args()

    with open(args.cases, encoding="utf-8") as f:
        cases = yaml.safe_load(f)
    shots = cases
    if args.only:
        wanted = [name for name in args.only.split(",") if name]
        unknown = sorted(set(wanted) - {case["id"] for case in cases})
        if unknown:
            raise SystemExit("--only: no such case: %s" % ", ".join(unknown))
        shots = [case for case in cases if case["id"] in wanted]
    fallbacks = fallbacks_installed()
    page = build_page(cases, fallbacks)
    workdir = tempfile.mkdtemp(prefix="newsticker-lines-")
    try:
        page_path = os.path.join(workdir, "cases.html")
        with open(page_path, "w", encoding="utf-8") as f:
            f.write(page)
        if args.keep_html:
            os.makedirs(args.keep_html, exist_ok=True)
            shutil.copy(page_path, os.path.join(args.keep_html, "cases.html"))
        results = run_chromium(args.chromium, page_path)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    if results.get("__device_pixel_ratio") != 1:
        raise SystemExit("device pixel ratio is %r, not 1" % results.get("__device_pixel_ratio"))
    version = chromium_version(args.chromium)
    out = [
        "# Browser reference for line breaking: where headless Chromium starts each",
        "# line of the cases in cases.yaml. GENERATED, do not edit: produced by",
        "#   python3 tests/typography/browser_line_starts.py",
        "# with %s (Debian's chromium package)," % version,
        "# system fonts through fontconfig, device scale factor 1.",
        "# Each case: a div exactly `width` CSS px wide, font-size px, line-height 1.2,",
        "# weight 400/700, lang set, line-break: strict (ja), word-break: keep-all (ko),",
        "# text-autospace: normal (autospace: true),",
        "# dir=\"rtl\" (ar, he; text-align: start, so right-aligned), white-space: normal,",
        "# font-kerning: normal, no padding or margin.",
        "# font-family: Noto Sans CJK JP/KR/SC/TC by language, then newsticker's",
        "# fallbacks in fonts/FontChain.cpp's order (those fontconfig knows):",
    ] + wrapped_comment(", ".join(fallbacks)) + [
        "# (before the ar/he/th/hi cases: the CJK face alone, plus Noto Color Emoji",
        "# for emoji; the earlier cases' line starts and widths did not change).",
        "# line_starts: the code point index (not UTF-16 unit) where each visual line",
        "# starts, in reading order (logical, also for right-to-left lines); lines: the",
        "# text of each line, trailing spaces removed (for review); line_widths: the",
        "# browser's width of each line in CSS px, leftmost to rightmost of the line's",
        "# glyph boxes (for review).",
        "# Checked by tests/render/browser_line_breaks_test.cpp.",
    ]
    for case in cases:
        r = results[case["id"]]
        if abs(r["box_width"] - case["width"]) > 1e-6:
            raise SystemExit("%s: box is %r px wide, not %d" % (case["id"], r["box_width"], case["width"]))
        starts = r["line_starts"]
        out.append("%s:" % case["id"])
        out.append("  line_starts: [%s]" % ", ".join(str(s) for s in starts))
        out.append("  line_widths: [%s]" % ", ".join("%.2f" % w for w in r["line_widths"]))
        if case.get("visual"):
            out.append("  visual_order:")
            for line in r["visual_order"]:
                out.append("    - [%s]" % ", ".join(str(i) for i in line))
        out.append("  lines:")
        for line in lines_of(case["text"], starts):
            out.append("    - %s" % quoted(line))
    text = "\n".join(out) + "\n"
    # The file must read back as what was measured.
    parsed = yaml.safe_load(text)
    for case in cases:
        assert parsed[case["id"]]["line_starts"] == results[case["id"]]["line_starts"], case["id"]
        assert parsed[case["id"]]["lines"] == lines_of(case["text"], results[case["id"]]["line_starts"])
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    for case in cases:
        print("%-20s %s" % (case["id"], results[case["id"]]["line_starts"]))
    print("wrote %s (%s)" % (args.output, version))

    if args.screenshots:
        save_screenshots(args.chromium, shots, results, fallbacks, args.screenshots)


if __name__ == "__main__":
    main()
