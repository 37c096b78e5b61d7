#!/bin/sh
# kill9.sh: `precis ingest` killed with SIGKILL at random moments, RUNS times
# (default 50), on one database. After every kill: the articles stored are
# at least those stored before plus every batch the killed run reported
# committed ("precis: committed N articles (A new, D duplicates)" with -v),
# and PRAGMA integrity_check says ok.
# A last complete run must then store exactly the whole stream.
#
#   sh tests/crash/kill9.sh [RUNS] [ARTICLES]        defaults 50, 10000
#
# Environment: PRECIS (default build/precis), SHARED (default ../shared): the
# stream is the first ARTICLES articles of Multi-News validation.
set -eu
cd "$(dirname "$0")/../.."
PRECIS=${PRECIS:-build/precis}
SHARED=${SHARED:-../shared}
RUNS=${1:-50}
N=${2:-10000}
BATCH=25
TMP=$(mktemp -d /tmp/precis-kill9-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/news.db
# One article per line from the validation clusters.
zstd -dc "$SHARED/data/multinews/val.jsonl.zst" | python3 -c '
import json, sys
n = int(sys.argv[1]); k = 0
for line in sys.stdin:
    c = json.loads(line)
    for i, d in enumerate(c["docs"]):
        if d.strip() and k < n:
            print(json.dumps({"id": "%s#%d" % (c["id"], i), "published": "2017-01-01", "text": d}))
            k += 1
    if k >= n: break' "$N" > "$TMP/stream.jsonl"
count() { sqlite3 "$DB" "SELECT count(*) FROM article" 2>/dev/null || echo 0; }
before=0
kills=0
for run in $(seq 1 "$RUNS"); do
    rm -f "$TMP/err" # a run killed before its redirection must not show the last one's report
    "$PRECIS" ingest -v --batch $BATCH --db "$DB" "$TMP/stream.jsonl" 2>"$TMP/err" >/dev/null &
    pid=$!
    # a random moment: 0.05 to 0.6 s
    sleep "$(awk -v s="$run$$" 'BEGIN { srand(s); printf "%.3f", 0.05 + rand() * 0.55 }')"
    kill -9 $pid 2>/dev/null && kills=$((kills + 1)) || true
    wait $pid 2>/dev/null || true
    reported=$(sed -n 's/.*committed [0-9]* articles (\([0-9]*\) new.*/\1/p' "$TMP/err" | tail -1)
    reported=${reported:-0}
    now=$(count)
    check=$(sqlite3 "$DB" "PRAGMA integrity_check" 2>&1 || true)
    if [ "$now" -lt $((before + reported)) ]; then
        echo "run $run: LOST committed articles: $now < $before + $reported"; exit 1
    fi
    if [ "$check" != ok ]; then
        echo "run $run: integrity_check: $check"; exit 1
    fi
    echo "run $run: killed=$kills stored=$now (+$((now - before)), reported committed +$reported) integrity=ok"
    before=$now
done
"$PRECIS" ingest -q --batch $BATCH --db "$DB" "$TMP/stream.jsonl"
final=$(count)
expected=$(sqlite3 "$DB" "SELECT count(DISTINCT ext_id) FROM article")
stories=$(sqlite3 "$DB" "SELECT sum(n) FROM story")
echo "final: $final articles stored, $expected distinct ids, story sizes sum to $stories, integrity $(sqlite3 "$DB" 'PRAGMA integrity_check')"
[ "$final" = "$expected" ] && [ "$stories" = "$final" ]
echo "kill9: $RUNS runs, $kills killed mid-ingest, no committed article lost"
