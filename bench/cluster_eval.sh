#!/bin/sh
# cluster_eval.sh: story clustering quality and cost of `precis cluster` (one
# process, and the staged map / sort / reduce / merge run, which must print
# the same bytes) on the streams of bench/stories_eval.sh: the articles of N
# Multi-News validation clusters and all DUC 2006 clusters, shuffled. Gold
# cluster = the id up to '#'. Prints B-cubed precision, recall, F1 and the
# adjusted Rand index, for all articles, Multi-News and DUC.
#
#   sh bench/cluster_eval.sh [N...]      N = Multi-News clusters (0 = all); default "100 0"
#
# Environment: BUILD (default build), SHARED (default ../shared), OUT
# (default bench/out), SEED (default 1), MN (Multi-News file, default the
# validation set), CLUSTER_OPTS (extra options for precis cluster).
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
OUT=${OUT:-bench/out}
SEED=${SEED:-1}
MN=${MN:-$SHARED/data/multinews/val.jsonl.zst}
CLUSTER_OPTS=${CLUSTER_OPTS:-}
mkdir -p "$OUT"
make -s BUILD="$BUILD" "$BUILD/precis" "$BUILD/libprecis.a"
PKGS="libutf8proc libzstd jansson sqlite3 gumbo"
cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude -Isrc $(pkg-config --cflags $PKGS) -o "$OUT/stories_eval" \
    bench/stories_eval.c "$BUILD/libprecis.a" $(pkg-config --libs $PKGS) -lstemmer -lglpk -lm
TAB=$(printf '\t')
# B-cubed and ARI of one output (gold = id up to '#'; DUC ids start with D06).
score() {
    jq -r '[.id, (.id | sub("#.*"; "")), .story] | @tsv' "$1" | awk -F"$TAB" -v subset="$2" '
        function c2(x) { return x * (x - 1) / 2 }
        subset == "DUC" && $2 !~ /^D06/ { next }
        subset == "MN" && $2 ~ /^D06/ { next }
        { n++; g[n] = $2; p[n] = $3; gc[$2]++; pc[$3]++; both[$2 SUBSEP $3]++ }
        END {
            for (i = 1; i <= n; i++) { b = both[g[i] SUBSEP p[i]]; P += b / pc[p[i]]; R += b / gc[g[i]] }
            P /= n; R /= n
            for (k in both) idx += c2(both[k]); for (k in gc) a += c2(gc[k]); for (k in pc) { bb += c2(pc[k]); ns++ }
            e = a * bb / c2(n); ari = (idx - e) / ((a + bb) / 2 - e)
            printf "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |\n", subset, n, ns, P, R, 2 * P * R / (P + R), ari
        }'
}
for n in ${*:-100 0}; do
    label=$n; [ "$n" = 0 ] && label=all
    "$OUT/stories_eval" make --seed "$SEED" --mn "$n" "$MN" "$SHARED/data/duc2006/test.jsonl.zst" > "$OUT/cstream-$label.jsonl"
    /usr/bin/time -f "%U %S %M" -o "$OUT/cluster-$label.time" \
        "$BUILD/precis" cluster -q $CLUSTER_OPTS "$OUT/cstream-$label.jsonl" > "$OUT/cluster-$label.jsonl"
    "$BUILD/precis" cluster --map $CLUSTER_OPTS "$OUT/cstream-$label.jsonl" | LC_ALL=C sort -S 1G -t "$TAB" -k1,1 |
        "$BUILD/precis" cluster --reduce $CLUSTER_OPTS | "$BUILD/precis" cluster -q --merge > "$OUT/cluster-$label-staged.jsonl"
    cmp -s "$OUT/cluster-$label.jsonl" "$OUT/cluster-$label-staged.jsonl" && same=identical || same=DIFFERENT
    read -r user sys kb < "$OUT/cluster-$label.time"
    echo "# N=$label: $(wc -l < "$OUT/cstream-$label.jsonl") articles; one process $(echo "$user + $sys" | bc) s CPU, $((kb / 1024)) MB; staged run $same"
    echo "| subset | articles | stories | B3 P | B3 R | B3 F1 | ARI |"
    echo "|---|---|---|---|---|---|---|"
    for sub in all MN DUC; do score "$OUT/cluster-$label.jsonl" $sub; done
done
