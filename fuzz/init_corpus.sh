#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from fixtures/ (and, when ../shared is beside the project, a few corpus
# pages of each kind), so the fuzzers start from real articles. The corpus is generated, not committed.
set -eu  # no pipefail: `head` closes the pipes of `find | sort` on purpose
cd "$(dirname "$0")"
root=..
mkdir -p corpus/parse_bytes corpus/parse_html corpus/dates
for f in "$root"/fixtures/articles/*.txt; do
    cp "$f" corpus/parse_bytes/
    # dates: each paragraph of the fixtures, so seeds stay small and many.
    awk -v dir=corpus/dates -v name="$(basename "$f" .txt)" \
        'BEGIN { RS = ""; n = 0 } { n++; print > (dir "/" name "-" n ".txt") }' "$f"
done
shared=$root/../shared/corpus
if [ -d "$shared" ]; then
    # A handful of saved pages (the first few of each kind, in sorted order) for the HTML path.
    find "$shared" -type f \( -name '*.html' -o -name '*.htm' \) -size -200k | sort | head -n 20 |
        while read -r page; do
            cp "$page" corpus/parse_bytes/
            # parse_html reads its first byte as --max-depth: prefix one.
            { printf '?'; cat "$page"; } > "corpus/parse_html/$(basename "$page")"
        done
    find "$shared" -type f -name '*.txt' -size -20k | sort | head -n 20 | xargs -I{} cp {} corpus/parse_bytes/
fi
# A tiny page always, so parse_html has a seed without ../shared.
printf '?<html><head><title>T</title></head><body><h1>Headline</h1><p>Kim said “we talked” on Monday.</p></body></html>' \
    > corpus/parse_html/minimal.html
echo "seeded: $(ls corpus/parse_bytes | wc -l) parse_bytes, $(ls corpus/parse_html | wc -l) parse_html, $(ls corpus/dates | wc -l) dates"
