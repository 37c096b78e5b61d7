#!/bin/sh
# Replace the lines between "<!-- NAME:begin -->" and "<!-- NAME:end -->" in
# DOC with the contents of FILE, keeping the markers; DOC is left alone if
# it has no such markers. Used by the scripts that regenerate RESULTS.md.
#   sh bench/splice.sh NAME FILE DOC
set -eu
name=$1 file=$2 doc=$3
grep -q "$name:begin" "$doc" 2>/dev/null || exit 0
awk -v f="$file" -v b="$name:begin" -v e="$name:end" '
    index($0, b) {print; while ((getline line < f) > 0) print line; skip=1; next}
    index($0, e) {skip=0}
    !skip {print}' "$doc" > "$doc.new" && mv "$doc.new" "$doc"
