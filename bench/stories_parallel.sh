#!/bin/sh
# stories_parallel.sh: the line-in, line-out JSON Lines stage run under GNU
# parallel gives byte-for-byte the output of one process.
#
#   sh bench/stories_parallel.sh [CLUSTERS]      default 200 Multi-News validation clusters
#
# `parallel --pipe --keep-order` cuts standard input into blocks of whole
# lines, runs one `precis summarize --jsonl` per block on every core, and
# writes the outputs back in input order; since each output line depends
# only on its input line, the result must equal a single process's.
# Environment: PRECIS (default build/precis), SHARED (default ../shared).
set -eu
cd "$(dirname "$0")/.."
PRECIS=${PRECIS:-build/precis}
SHARED=${SHARED:-../shared}
N=${1:-200}
command -v parallel >/dev/null || { echo "GNU parallel is not installed (apt-get install parallel)"; exit 77; }
TMP=$(mktemp -d /tmp/precis-parallel-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
zstd -dc "$SHARED/data/multinews/val.jsonl.zst" | head -n "$N" > "$TMP/in.jsonl"
"$PRECIS" summarize --jsonl "$TMP/in.jsonl" > "$TMP/one.jsonl"
parallel --will-cite --pipe --keep-order --block 200k -j 2 "$PRECIS" summarize --jsonl < "$TMP/in.jsonl" > "$TMP/many.jsonl"
if cmp -s "$TMP/one.jsonl" "$TMP/many.jsonl"; then
    echo "parallel: $(wc -l < "$TMP/many.jsonl") summaries, identical to one process"
else
    echo "parallel: output differs from one process"; exit 1
fi
