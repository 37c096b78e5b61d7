#!/bin/sh
# rouge_speed.sh: time `precis rouge` on 5,622 summary pairs.
#
# Each Multi-News validation reference is scored against the first 300
# words of its cluster's documents (split into sentences, one per line),
# with ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 (-n 2 -m -2 4 -u, 1000
# bootstrap resamples, stemming on). Prints the median wall and user CPU
# time of RUNS runs (default 5); on a shared machine user CPU is the
# steadier figure. The input is built once, outside the timing.
#
#   sh bench/rouge_speed.sh            uses build/precis (runs make first)
#   PRECIS=path/to/precis RUNS=9 sh bench/rouge_speed.sh
#   PRECIS="old/precis new/precis" sh bench/rouge_speed.sh   interleaved, side by side
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
ARGS="rouge -n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 --jsonl $IN"
echo "command: PRECIS $ARGS"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for p in $PRECIS; do : > "$IN.$(echo "$p" | tr / _).times"; done
i=0
while [ $i -lt "$RUNS" ]; do
    for p in $PRECIS; do   # interleaved, so load changes hit every binary alike
        /usr/bin/time -f "%e %U %S" -o "$IN.t" $p $ARGS > "$IN.$(echo "$p" | tr / _).out"
        cat "$IN.t" >> "$IN.$(echo "$p" | tr / _).times"
    done
    i=$((i + 1))
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for p in $PRECIS; do
    T="$IN.$(echo "$p" | tr / _).times"
    echo "$p: median wall $(cut -d' ' -f1 "$T" | med) s, user $(cut -d' ' -f2 "$T" | med) s, sys $(cut -d' ' -f3 "$T" | med) s"
    echo "  user runs (s): $(cut -d' ' -f2 "$T" | sort -n | tr '\n' ' ')"
done
first=
for p in $PRECIS; do
    O="$IN.$(echo "$p" | tr / _).out"
    if [ -z "$first" ]; then first=$O; head -4 "$O"; continue; fi
    cmp -s "$first" "$O" && echo "$p: output identical" || echo "$p: OUTPUT DIFFERS"
done
