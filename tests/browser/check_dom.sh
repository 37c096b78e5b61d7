#!/bin/sh
# check_dom.sh: render `precis compare --format html` pages in headless
# Chromium and check the DOM that results:
#   - the seeds' page has every section, and its script ran under the CSP;
#   - the hostile fixture's page runs none of the article's markup.
# With SCREENSHOT=path, also saves a 1280x2000 screenshot of the seeds' page.
# Run by tests/test_compare.c when /usr/bin/chromium exists, or by hand:
#   PRECIS=build/precis sh tests/browser/check_dom.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PRECIS=${PRECIS:-$root/build/precis}
case $PRECIS in /*) ;; *) PRECIS=$(pwd)/$PRECIS ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

chrome() {
    # Each run gets its own throwaway profile; nothing is fetched.
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" "$@" 2>>"$tmp/chromium.log"
}

fail() {
    echo "check_dom: $*" >&2
    tail -5 "$tmp/chromium.log" >&2 2>/dev/null || true
    exit 1
}

"$PRECIS" compare --format html -o "$tmp/seeds.html" "$root/examples/seeds"
chrome --dump-dom "file://$tmp/seeds.html" >"$tmp/seeds.dom" || fail "chromium could not render the seeds' page"
for id in summary overlap facts facts-all facts-several facts-one discrepancies quotes sources; do
    grep -q "id=\"$id\"" "$tmp/seeds.dom" || fail "section $id is not in the DOM"
done
grep -q 'class="heat"' "$tmp/seeds.dom" || fail "no heat map"
grep -q 'data-js="ready"' "$tmp/seeds.dom" || fail "the page's script did not run"
grep -q 'more than 250,000' "$tmp/seeds.dom" || fail "the death-toll discrepancy is missing"
echo "check_dom: seeds page: all sections present, script ran"

"$PRECIS" compare --format html -o "$tmp/hostile.html" "$root/tests/data/compare/hostile"
chrome --dump-dom "file://$tmp/hostile.html" >"$tmp/hostile.dom" || fail "chromium could not render the hostile page"
grep -q '<title>precis compare' "$tmp/hostile.dom" || fail "the hostile article changed the title"
if grep -q -e '<img' -e '<svg' -e 'href="javascript' "$tmp/hostile.dom"; then
    fail "markup from the hostile article became live DOM"
fi
[ "$(grep -c '<script' "$tmp/hostile.dom")" -eq 1 ] || fail "a script element came from article text"
echo "check_dom: hostile page: article markup stayed text"

if [ -n "${SCREENSHOT:-}" ]; then
    case $SCREENSHOT in /*) ;; *) SCREENSHOT=$(pwd)/$SCREENSHOT ;; esac
    chrome --screenshot="$SCREENSHOT" --window-size=1280,2000 "file://$tmp/seeds.html" >/dev/null ||
        fail "screenshot failed"
    echo "check_dom: screenshot in $SCREENSHOT"
fi
