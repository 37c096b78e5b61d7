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
# and the values the outlets give). A label with "docs" (a list of indices)
# restricts its cluster to those articles, in that order, and its "doc"
# numbers count within them: DUC 2006 topics have 25 articles each, too
# many to label whole. A label with "set" names the row it is counted in
# (default "held-out 8": the first Multi-News labels). Measured:
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
| [($g.id // "seeds"), ($g.set // (if $g.id then "held-out 8" else "seeds" end)), ($pq | length), ([$pq_ok[] | select(.)] | length), ($g.quotes | length),
   ([$gq_ok[] | select(.)] | length), ($pd | length), ([$pd_ok[] | select(.)] | length),
   ($g.discrepancies | length), ([$gd_ok[] | select(.)] | length)] | @tsv'

for label in "$root"/tests/data/labels/*.json; do
    dir=$(jq -r '.dir // empty' "$label")
    if [ -n "$dir" ]; then
        "$PRECIS" compare --format json "$root/$dir" >"$tmp/pred.json"
    else
        src=$(jq -r .source "$label")
        line=$(jq -r .line "$label")
        pick=$(jq -c '.docs // null' "$label")
        # DUC lines carry doc_ids and headlines beside docs: keep them aligned.
        zstd -dc "$SHARED/$src" | sed -n "${line}p" | jq -c --argjson p "$pick" '
            if $p == null then . else
              reduce ("docs", "doc_ids", "headlines") as $k (.;
                if has($k) then .[$k] = [.[$k][$p[]]] else . end) end' >"$tmp/in.jsonl"
        "$PRECIS" compare --jsonl "$tmp/in.jsonl" >"$tmp/pred.json"
    fi
    jq -r --slurpfile gold "$label" "$score" "$tmp/pred.json"
done >"$tmp/rows.tsv"

awk -F'\t' '
function pct(a, b) { return b ? sprintf("%.2f", a / b) : "n/a" }
function row(name, k,   i) {
    printf "| %s | %d | %s | %s | %d | %s | %s |\n", name, t[k, 5],
        pct(t[k, 4], t[k, 3]), pct(t[k, 6], t[k, 5]), t[k, 9], pct(t[k, 8], t[k, 7]), pct(t[k, 10], t[k, 9])
}
{ if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }
  for (i = 3; i <= 10; i++) { t[$2, i] += $i; t["all", i] += $i }
  printf "%s\tquotes found %d (right %d) of %d labelled (found %d); discrepancies found %d (right %d) of %d labelled (found %d)\n", $1, $3, $4, $5, $6, $7, $8, $9, $10 > "/dev/stderr" }
END {
    print "| clusters | labelled quotes | quote attribution P | quote attribution R | labelled discrepancies | discrepancy P | discrepancy R |"
    print "|---|---|---|---|---|---|---|"
    for (j = 1; j <= n; j++) row(order[j], order[j])
    row("all", "all")
}' "$tmp/rows.tsv"
