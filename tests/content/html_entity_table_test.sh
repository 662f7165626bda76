#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# content/HtmlEntityTable.inc is what content/generate_html_entities.py makes
# of Debian's Python (html.entities.html5): the committed table was not edited
# by hand and has every name. Skipped (77) without /usr/bin/python3.
#   html_entity_table_test.sh SOURCE_DIR
set -euo pipefail
cd "$1"
python=/usr/bin/python3
if ! "$python" -c 'import html.entities' 2>/dev/null; then
  echo "SKIP: no $python with html.entities"
  exit 77
fi
fresh=$(mktemp "${TMPDIR:-/tmp}/newsticker-entities.XXXXXX")
trap 'rm -f "$fresh"' EXIT
"$python" content/generate_html_entities.py >"$fresh"
# The Python version in the header may differ between machines; the names and texts may not.
if ! diff <(tail -n +3 "$fresh") <(tail -n +3 content/HtmlEntityTable.inc); then
  echo "FAIL: content/HtmlEntityTable.inc differs from what content/generate_html_entities.py prints" >&2
  exit 1
fi
names=$(grep -c '^{"' content/HtmlEntityTable.inc)
if [ "$names" -ne 2125 ]; then
  echo "FAIL: $names names in content/HtmlEntityTable.inc, expected HTML5's 2125 (2231 with the legacy forms)" >&2
  exit 1
fi
echo "PASS: content/HtmlEntityTable.inc has HTML5's $names names, as Python's html.entities"
