#!/bin/sh
# The quality tables of RESULTS.md, made in one run:
#   sh bench/results.sh [path/to/shared]      (from the repo root, after `make`)
# It runs `precis eval` on Multi-News validation (300 words, ROUGE F1) and on
# DUC 2006 (250 words, ROUGE recall, NIST's jackknifing, all 35 participants
# and the human summaries scored in the same run), and rewrites the part of
# RESULTS.md between the "results:begin" and "results:end" markers.
set -eu
SHARED=${1:-../shared}
BIN=${BIN:-build/precis}
OUT=bench/out
mkdir -p $OUT
METHODS=${METHODS:-oracle,lead,first3,sumbasic,centroid,lexrank,textrank,centrality,submodular,ilp,coverage,learned,stepwise,default}

$BIN eval "$SHARED/data/multinews/val.jsonl.zst" --words 300 --method "$METHODS" \
    --csv $OUT/multinews-val.csv > $OUT/multinews-val.txt || true
$BIN eval "$SHARED/data/duc2006/test.jsonl.zst" --words 250 --jackknife --method "$METHODS" \
    --peers "$SHARED/data/duc2006/peers.jsonl.zst" --csv $OUT/duc2006.csv > $OUT/duc2006.txt
$BIN eval "$SHARED/data/duc2006/test.jsonl.zst" --words 250 --jackknife --no-query \
    --method default,coverage,centrality,learned > $OUT/duc2006-generic.txt

# Columns of `precis eval`: name clusters speed, then R P F for ROUGE-1, ROUGE-2, ROUGE-SU4.
{
    echo "### Multi-News validation, 300 words, ROUGE F1"
    echo
    echo "All 5,622 clusters; \`precis eval --words 300\` (ROUGE-1.5.5 semantics: -n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 300). Clusters/s: clusters per second of processor time on one core, cleaning, splitting and stemming included, ROUGE scoring not."
    echo
    echo "| system | R-1 F | R-2 F | R-SU4 F | clusters/s | source |"
    echo "|---|---:|---:|---:|---:|---|"
    awk 'NR>2 && NF>=12 {printf "| precis %s | %.2f | %.2f | %.2f | %s | measured here |\n", $1, $6, $9, $12, $3}' $OUT/multinews-val.txt
    cat <<'TXT'
| First-3 | 39.41 | 11.77 | 14.51 | | Fabbri et al. 2019, Table 6 (test set, their preprocessing) |
| LexRank | 38.27 | 12.70 | 13.20 | | Fabbri et al. 2019, Table 6 |
| TextRank | 38.44 | 13.10 | 13.50 | | Fabbri et al. 2019, Table 6 |
| MMR | 38.77 | 11.98 | 12.91 | | Fabbri et al. 2019, Table 6 |
| Hi-MAP (abstractive) | 43.47 | 14.89 | 17.41 | | Fabbri et al. 2019, Table 6 |
| sumy SumBasic | 45.10 | 15.52 | | | issue 4: Multi-News test, this exact protocol |
| sumy LexRank | 44.26 | 15.38 | | | issue 4 |
| sumy LSA | 44.10 | 15.16 | | | issue 4 |
| OTS | 43.99 | 15.42 | | | issue 4 |
| greedy oracle | 53.22 | 22.33 | | | issue 4 (test set) |
| MatchSum (BERT, supervised) | 46.20 | 16.51 | | | published, own preprocessing |
| PEGASUS-large (abstractive) | 47.52 | 18.72 | | | published |
| PRIMERA (abstractive) | 49.9 | 21.1 | | | published |
TXT
    echo
    echo "### DUC 2006, 250 words, ROUGE recall (stemmed, jackknifed)"
    echo
    echo "50 topics of 25 articles; every summary scored against each 3 of the 4 references and averaged, humans only against the other three (NIST's procedure), all in one run of \`precis eval --words 250 --jackknife --peers\`. DUC 2006 was query-focused: every participant used the topic's query, and so do the precis rows unless marked generic. Letters are the human summarizers, numbers the 35 systems."
    echo
    echo "| rank | system | R-2 recall | R-SU4 recall |"
    echo "|---:|---|---:|---:|"
    { awk 'NR>2 && $1=="peer" {printf "%s|%.2f|%.2f\n", $2, $8, $11} NR>2 && $1!="peer" && NF>=12 {printf "precis %s|%.2f|%.2f\n", $1, $7, $10}' $OUT/duc2006.txt
      awk 'NR>2 && NF>=12 {printf "precis %s (generic, no query)|%.2f|%.2f\n", $1, $7, $10}' $OUT/duc2006-generic.txt
    } | sort -t'|' -k2 -n -r | awk -F'|' '{printf "| %d | %s | %s | %s |\n", NR, $1, $2, $3}'
} > $OUT/results.md

sh bench/splice.sh results $OUT/results.md RESULTS.md
cat $OUT/results.md
