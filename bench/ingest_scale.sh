#!/bin/sh
# ingest_scale.sh: ingest cost per article as the story database grows
# (Multi-News train replayed with shifted dates; see bench/ingest_scale.c),
# written to bench/ingest_scale.csv and plotted to docs/ingest_scale.png.
#
#   sh bench/ingest_scale.sh [TOTAL] [STEP]      defaults 200000 10000
#
# Environment: BUILD (default build), SHARED (default ../shared), DB (default
# bench/out/scale.db; removed first), CSV (default bench/ingest_scale.csv;
# written line by line, so a run stopped early keeps what it measured).
# One process, one core.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
DB=${DB:-bench/out/scale.db}
TOTAL=${1:-200000}
STEP=${2:-10000}
CSV=${CSV:-bench/ingest_scale.csv}
mkdir -p bench/out docs
make -s BUILD="$BUILD" "$BUILD/libprecis.a"
PKGS="libutf8proc libzstd jansson sqlite3 gumbo"
cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude -Isrc $(pkg-config --cflags $PKGS) -o bench/out/ingest_scale \
    bench/ingest_scale.c "$BUILD/libprecis.a" $(pkg-config --libs $PKGS) -lstemmer -lglpk -lm
rm -f "$DB" "$DB-wal" "$DB-shm"
bench/out/ingest_scale "$DB" "$SHARED/data/multinews/train.jsonl.zst" "$TOTAL" "$STEP" > "$CSV"
CSV="$CSV" sh bench/ingest_plot.sh
