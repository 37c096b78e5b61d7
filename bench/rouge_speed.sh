#!/bin/sh
# rouge_speed.sh: time `precis rouge` on 5,622 summary pairs.
#
# Each Multi-News validation reference is scored against the first 300
# words of its cluster's documents (split into sentences, one per line),
# with ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 (-n 2 -m -2 4 -u, 1000
# bootstrap resamples, stemming on). Prints the median wall time of RUNS
# runs (default 5). The input is built once, outside the timing.
#
#   sh bench/rouge_speed.sh            uses build/precis (runs make first)
#   PRECIS=path/to/precis RUNS=9 sh bench/rouge_speed.sh
set -eu
cd "$(dirname "$0")/.."
SHARED=${PRECIS_SHARED:-../shared}
PRECIS=${PRECIS:-build/precis}
RUNS=${RUNS:-5}
[ "$PRECIS" = build/precis ] && make -s -j2 build/precis >/dev/null
IN=${TMPDIR:-/tmp}/precis-rouge-bench.jsonl
zstd -dc "$SHARED/data/multinews/val.jsonl.zst" | python3 -c '
import json, re, sys
split = lambda t: "\n".join(s for s in re.split(r"(?<=[.!?])\s+", t.strip()) if s)
for line in sys.stdin:
    d = json.loads(line)
    words = " ".join(d["docs"]).split()[:300]
    refs = d["refs"] if isinstance(d["refs"], list) else [d["refs"]]
    print(json.dumps({"id": d["id"], "summary": split(" ".join(words)),
                      "refs": [split(r) for r in refs]}))
' > "$IN"
echo "pairs: $(wc -l < "$IN")"
CMD="$PRECIS rouge -n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 --jsonl $IN"
echo "command: $CMD"
i=0
: > "$IN.times"
while [ $i -lt "$RUNS" ]; do
    s=$(date +%s.%N)
    $CMD > "$IN.out"
    e=$(date +%s.%N)
    echo "$e - $s" | bc >> "$IN.times"
    i=$((i + 1))
done
echo "runs (s): $(sort -n "$IN.times" | tr '\n' ' ')"
echo "median (s): $(sort -n "$IN.times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
head -4 "$IN.out"
