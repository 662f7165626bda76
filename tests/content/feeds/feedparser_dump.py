#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""What Python's feedparser (Debian python3-feedparser) reads from a feed file,
for tests/content/feedparser_reference_test.cpp: one line per entry,
"title<TAB>link<TAB>date", the title reduced to text (tags dropped, references
decoded, whitespace collapsed), the date in UTC as YYYY-MM-DDTHH:MM:SSZ or ""
when feedparser found none. Exits 77 when feedparser is not installed.

  feedparser_dump.py FILE [HTTP_CHARSET]"""
import html.parser
import sys
import time

try:
    import feedparser
except ImportError:
    print('feedparser is not installed (Debian: python3-feedparser)', file=sys.stderr)
    sys.exit(77)


class TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def text_of(markup):
    parser = TextOf()
    parser.feed(markup)
    parser.close()
    return ' '.join(''.join(parser.parts).split())


def main():
    path = sys.argv[1]
    # Response headers only for a charset: with any, feedparser reads an
    # undeclared document by RFC 3023's rules rather than as it sniffs it.
    headers = {}
    if len(sys.argv) > 2 and sys.argv[2]:
        headers['content-type'] = 'application/xml; charset=' + sys.argv[2]
    with open(path, 'rb') as f:
        parsed = feedparser.parse(f.read(), response_headers=headers or None)
    for entry in parsed.entries:
        title = entry.get('title', '')
        if entry.get('title_detail', {}).get('type', 'text/plain') != 'text/plain':
            title = text_of(title)
        date = entry.get('published_parsed') or entry.get('updated_parsed') or entry.get('created_parsed')
        shown = time.strftime('%Y-%m-%dT%H:%M:%SZ', date) if date else ''
        fields = [title, entry.get('link', ''), shown]
        print('\t'.join(field.replace('\t', ' ').replace('\n', ' ') for field in fields))


if __name__ == '__main__':
    main()
