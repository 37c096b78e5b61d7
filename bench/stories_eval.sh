#!/bin/sh
# stories_eval.sh: story clustering quality of `precis ingest` (B-cubed
# P/R/F1 and adjusted Rand index) against Multi-News validation and DUC 2006
# clusters shuffled together, next to a single-pass TF-IDF baseline.
#
#   sh bench/stories_eval.sh [N...]     N = Multi-News clusters (0 = all); default "100 0"
#
# Environment: BUILD (default build), SHARED (default ../shared),
# OUT (default bench/out), SEED (default 1), BASELINE thresholds (default 0.2,0.3,0.4).
# Prints Markdown table rows; the table in RESULTS.md comes from this.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
OUT=${OUT:-bench/out}
SEED=${SEED:-1}
BASELINE=${BASELINE:-0.2,0.3,0.4}
INGEST_OPTS=${INGEST_OPTS:-}
mkdir -p "$OUT"
make -s BUILD="$BUILD" "$BUILD/precis" "$BUILD/libprecis.a"
PKGS="libutf8proc libzstd jansson sqlite3 gumbo"
cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude -Isrc $(pkg-config --cflags $PKGS) -o "$OUT/stories_eval" \
    bench/stories_eval.c "$BUILD/libprecis.a" $(pkg-config --libs $PKGS) -lstemmer -lglpk -lm
MN=$SHARED/data/multinews/val.jsonl.zst
DUC=$SHARED/data/duc2006/test.jsonl.zst
for n in ${*:-100 0}; do
    label=$n; [ "$n" = 0 ] && label=all
    "$OUT/stories_eval" make --seed "$SEED" --mn "$n" ${MN_EXTRA:-} "$MN" "$DUC" > "$OUT/stream-$label.jsonl"
    rm -f "$OUT/stories-$label.db" "$OUT/stories-$label.db-wal" "$OUT/stories-$label.db-shm"
    start=$(date +%s.%N)
    "$BUILD/precis" ingest -q --db "$OUT/stories-$label.db" $INGEST_OPTS "$OUT/stream-$label.jsonl"
    end=$(date +%s.%N)
    echo "# N=$label: $(wc -l < "$OUT/stream-$label.jsonl") articles, ingest $(echo "$end - $start" | bc) s"
    echo "| method | articles | n | gold clusters | stories | B3 P | B3 R | B3 F1 | ARI |"
    "$OUT/stories_eval" score --baseline "$BASELINE" "$OUT/stories-$label.db"
done
