#!/bin/sh
# Large clusters, as recorded in BENCHMARKS.md ("Large clusters"): one
# cluster of N sentences (25,000, 50,000 and 100,000 by default) built by
# bench/big_cluster.c from the articles of Multi-News train in file order,
# summarized by `precis summarize --jsonl` with every method (120 words,
# JSON out), one run each; wall and user CPU time and peak RSS from
# /usr/bin/time. The doubling steps show whether a method grows linearly.
#
# Usage (from the repository root):
#   sh bench/big_cluster.sh [path/to/shared] [SIZES...]
#   METHODS="sumbasic centroid" sh bench/big_cluster.sh ...   (some methods only)
set -eu
SHARED=${1:-../shared}
[ $# -gt 0 ] && shift
SIZES=${*:-25000 50000 100000}
BIN=${BIN:-build/precis}
TMP=${TMPDIR:-/tmp}
make -s "$BIN" build/bench/big_cluster >/dev/null
echo "load: $(cut -d" " -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
for n in $SIZES; do
    f=$TMP/precis-big-$n.jsonl
    [ -s "$f" ] || build/bench/big_cluster "$SHARED/data/multinews/train.jsonl.zst" "$n" > "$f"
    echo "cluster: $n sentences wanted, $(wc -c < "$f") bytes of JSON"
    for m in ${METHODS:-$($BIN summarize --list-methods | cut -d' ' -f1)}; do
        if /usr/bin/time -o "$TMP/precis-big.time" -f '%e %U %M' timeout "${LIMIT:-1800}" \
            $BIN summarize --jsonl "$f" --method "$m" > "$TMP/precis-big.out" 2>&1; then
            set -- $(tail -1 "$TMP/precis-big.time")
            echo "$n sentences, $m: $1 s wall, $2 s user CPU, peak RSS $(($3 / 1024)) MB"
        else
            echo "$n sentences, $m: FAILED or over ${LIMIT:-1800} s ($(tail -1 "$TMP/precis-big.out"))"
        fi
    done
done
