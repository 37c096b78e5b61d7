#!/bin/sh
# compare_eval.sh: precision and recall of `precis compare` against the
# hand labels in tests/data/labels/ (one JSON file per cluster).
#
#   sh bench/compare_eval.sh [PRECIS] [SHARED]
#
# PRECIS defaults to build/precis, SHARED (where multinews/ and duc2006/
# live) to ../shared/data. For each cluster the labels list every quotation
# of at least 4 words (its document, its opening words, and words one of
# which the speaker as given must contain) and every discrepancy (unit nouns
# and the values the outlets give). Measured:
#   quote attribution  P = quotes found with a right speaker / quotes found
#                      R = labelled quotes found with a right speaker / labelled
#   discrepancies      a found one is right when its unit is a labelled unit
#                      and it shares at least two labelled values;
#                      P = right / found, R = labelled ones found / labelled
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
PRECIS=${1:-$root/build/precis}
SHARED=${2:-$root/../shared/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

score='
def norm: ascii_downcase | gsub("[^a-z0-9]+"; " ") | sub("^ "; "");
def speaker_ok($keys): (. // "" | ascii_downcase) as $s | any($keys[]; . as $k | $s | contains($k));
def same_quote($p; $q): $p.article == $q.doc and ($p.text | norm | startswith($q.opening | norm));
def disc_match($d; $gd): any($gd.units[]; . as $u | $d.unit | startswith($u))
    and ([$d.values[].value] as $v | [$gd.values[] | . as $x | select($v | index([$x]))] | length >= 2);
($gold[0]) as $g
| [.quotes[].variants[]] as $pq
| .discrepancies as $pd
| [$pq[] | . as $p | any($g.quotes[]; . as $q | same_quote($p; $q) and ($p.speaker | speaker_ok($q.speaker)))] as $pq_ok
| [$g.quotes[] | . as $q | any($pq[]; . as $p | same_quote($p; $q) and ($p.speaker | speaker_ok($q.speaker)))] as $gq_ok
| [$pd[] | . as $d | any($g.discrepancies[]; . as $gd | disc_match($d; $gd))] as $pd_ok
| [$g.discrepancies[] | . as $gd | any($pd[]; . as $d | disc_match($d; $gd))] as $gd_ok
| [($g.id // "seeds"), ($pq | length), ([$pq_ok[] | select(.)] | length), ($g.quotes | length),
   ([$gq_ok[] | select(.)] | length), ($pd | length), ([$pd_ok[] | select(.)] | length),
   ($g.discrepancies | length), ([$gd_ok[] | select(.)] | length)] | @tsv'

for label in "$root"/tests/data/labels/*.json; do
    dir=$(jq -r '.dir // empty' "$label")
    if [ -n "$dir" ]; then
        "$PRECIS" compare --format json "$root/$dir" >"$tmp/pred.json"
    else
        src=$(jq -r .source "$label")
        line=$(jq -r .line "$label")
        zstd -dc "$SHARED/$src" | sed -n "${line}p" >"$tmp/in.jsonl"
        "$PRECIS" compare --jsonl "$tmp/in.jsonl" >"$tmp/pred.json"
    fi
    jq -r --slurpfile gold "$label" "$score" "$tmp/pred.json"
done >"$tmp/rows.tsv"

awk -F'\t' '
function pct(a, b) { return b ? sprintf("%.2f", a / b) : "n/a" }
function row(name, s) {
    printf "| %s | %d | %s | %s | %d | %s | %s |\n", name, s[4],
        pct(s[3], s[2]), pct(s[5], s[4]), s[8], pct(s[7], s[6]), pct(s[9], s[8])
}
{ set = ($1 == "seeds") ? "seeds" : "labelled";
  for (i = 2; i <= 9; i++) { t[set, i] += $i; all[i] += $i }
  printf "%s\tquotes found %d (right %d) of %d labelled (found %d); discrepancies found %d (right %d) of %d labelled (found %d)\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 > "/dev/stderr" }
END {
    print "| clusters | labelled quotes | quote attribution P | quote attribution R | labelled discrepancies | discrepancy P | discrepancy R |"
    print "|---|---|---|---|---|---|---|"
    for (i = 2; i <= 9; i++) { s[i] = t["seeds", i] }
    row("seeds (5 articles)", s)
    for (i = 2; i <= 9; i++) { s[i] = t["labelled", i] }
    row("8 Multi-News val clusters", s)
    row("all", all)
}' "$tmp/rows.tsv"
