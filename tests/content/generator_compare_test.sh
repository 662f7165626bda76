#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The site fixtures read as their generators build them: Debian's hugo
# builds tests/content/sites/hugo-multilingual (config directory, three
# languages, mainSections) and jekyll builds tests/content/sites/jekyll (data
# values, reference links, an .html post), each from a copy in a temporary
# folder, with a template of ours that prints every page's file, language,
# title, date and address. Every post `newsticker --check --json` loads must
# be such a page with the same title, day, language and address, and every
# page of the site's news (Hugo: its main section; Jekyll: its posts) must be
# a post; `--check` gives no warning. Skipped (status 77) only when neither
# generator is installed (firmware/install/install-deps.sh installs both).
#   generator_compare_test.sh SOURCE_DIR NEWSTICKER...
set -euo pipefail
source_dir=$1
shift
newsticker=("$@")
if ! command -v hugo >/dev/null 2>&1 && ! command -v jekyll >/dev/null 2>&1; then
  echo "SKIP  neither hugo nor jekyll is installed (apt-get install hugo jekyll, or run firmware/install/install-deps.sh)"
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-generator-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
passed=0

# compare SITE_DIR PAGES_FILE NEWS_PATTERN: PAGES_FILE holds "file|language|title|day|url" lines from the
# generator; NEWS_PATTERN (a Python regex) names the files that are the site's news.
compare() {
  local site=$1 pages=$2 news=$3
  local check_out="$tmp/check.json" check_text="$tmp/check.txt"
  "${newsticker[@]}" --check --content "$site" > "$check_text" 2>&1 || true
  "${newsticker[@]}" --check --json --content "$site" > "$check_out"
  python3 - "$pages" "$check_out" "$check_text" "$news" <<'EOF'
import json, re, sys
pages_file, check_file, text_file, news = sys.argv[1:5]
pages = {}
for line in open(pages_file, encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    file, language, title, day, url = line.split("|", 4)
    pages[file] = {"language": language, "title": title, "day": day, "url": url}
posts = {post["file"]: post for post in json.load(open(check_file, encoding="utf-8"))["posts"]}
failed = 0
def fail(message):
    global failed
    failed += 1
    print("FAIL  " + message)
for file, post in sorted(posts.items()):
    page = pages.get(file)
    if page is None:
        fail(f"{file}: newsticker's post is no page the generator built")
        continue
    got = {"title": post["title"], "day": (post["date"] or "")[:10], "url": post["url"],
           "language": post["language"]}
    for key, value in got.items():
        if value != page[key]:
            fail(f"{file}: {key} {value!r}, the generator's {page[key]!r}")
for file in sorted(pages):
    if re.search(news, file) and file not in posts:
        fail(f"{file}: a page of the site's news that newsticker does not load")
last = open(text_file, encoding="utf-8").read().strip().splitlines()[-1]
if not last.endswith(" 0 warnings") or " 0 files rejected" not in last:
    fail(f"--check: {last}")
print(f"{'ok   ' if not failed else 'FAIL '} {len(posts)} posts against {len(pages)} pages")
sys.exit(1 if failed else 0)
EOF
}

if command -v hugo >/dev/null 2>&1; then
  site="$tmp/hugo-multilingual"
  cp -r "$source_dir/tests/content/sites/hugo-multilingual" "$site"
  mkdir -p "$site/layouts/_default"
  printf '%s\n' '{{ .File.Filename }}|{{ .Lang }}|{{ .Title }}|{{ .Date.Format "2006-01-02" }}|{{ .Permalink }}' \
    > "$site/layouts/_default/single.html"
  (cd "$site" && hugo --quiet --destination "$tmp/hugo-out")
  find "$tmp/hugo-out" -name index.html -exec cat {} + | grep '|' | sed "s|^[^|]*$site/||" > "$tmp/hugo-pages.txt"
  rm -rf "$site/layouts" "$site/resources" "$site/.hugo_build.lock"
  echo "hugo $(hugo version | cut -d' ' -f2): $(wc -l < "$tmp/hugo-pages.txt") pages"
  if compare "$site" "$tmp/hugo-pages.txt" '^content/[a-z]+/blog/'; then passed=$((passed + 1)); else failures=$((failures + 1)); fi
else
  echo "SKIP  hugo is not installed"
fi

if command -v jekyll >/dev/null 2>&1; then
  site="$tmp/jekyll"
  cp -r "$source_dir/tests/content/sites/jekyll" "$site"
  printf '%s\n' '---' 'layout: null' '---' \
    '{% for post in site.posts %}{{ post.path }}|{{ post.lang | default: site.lang }}|{{ post.title }}|{{ post.date | date: "%Y-%m-%d" }}|{{ post.url | absolute_url }}' \
    '{% endfor %}' > "$site/newsticker-pages.txt"
  jekyll build --quiet --source "$site" --destination "$tmp/jekyll-out" 2>&1 | grep -v "Layout 'post' requested" || true
  [ -f "$tmp/jekyll-out/newsticker-pages.txt" ] || { echo "FAIL  jekyll built nothing"; exit 1; }
  rm -f "$site/newsticker-pages.txt"
  echo "jekyll $(jekyll --version | cut -d' ' -f2): $(grep -c '|' "$tmp/jekyll-out/newsticker-pages.txt") posts"
  if compare "$site" "$tmp/jekyll-out/newsticker-pages.txt" '_posts/'; then passed=$((passed + 1)); else failures=$((failures + 1)); fi
else
  echo "SKIP  jekyll is not installed"
fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
