#!/bin/sh
# Summarization speed, as recorded in BENCHMARKS.md:
#  1. all 5,622 clusters of Multi-News validation through `precis summarize
#     --jsonl` (300 words, default method), one process on one core, the
#     median of 5 runs, with the peak memory of one run;
#  2. the latency of one 10-article cluster (bench/latency.c).
# Usage: sh bench/summarize_speed.sh [path/to/shared]   (from the repo root)
set -eu
SHARED=${1:-../shared}
BIN=${BIN:-build/precis}
DATA=$SHARED/data/multinews/val.jsonl.zst
echo "load: $(cut -d" " -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
for method in default coverage learned stepwise lead centrality textrank sumbasic; do
    times=""
    cpu=""
    for i in 1 2 3 4 5; do
        /usr/bin/time -o /tmp/precis-bench.time -f '%e %U %M' taskset -c 0 $BIN summarize --jsonl "$DATA" \
            --words 300 --method $method > /dev/null 2>/dev/null || true
        t=$(tail -1 /tmp/precis-bench.time)
        times="$times$(echo "$t" | cut -d' ' -f1)\n"
        cpu="$cpu$(echo "$t" | cut -d' ' -f2)\n"
        rss=$(echo "$t" | cut -d' ' -f3)
    done
    median=$(printf "$times" | sort -n | sed -n 3p)
    median_cpu=$(printf "$cpu" | sort -n | sed -n 3p)
    echo "summarize --jsonl val (5,622 clusters), method $method: median ${median} s wall, ${median_cpu} s user CPU (5 runs), peak RSS ${rss} KiB"
done
taskset -c 0 build/bench/latency "$SHARED/data/duc2006/test.jsonl.zst" 50
