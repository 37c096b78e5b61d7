#!/bin/sh
# run.sh: the browser test of `precis compare --format html`, standalone.
# Installs Debian's chromium if it is missing (the main `make test` never
# needs it; there the browser test skips), builds precis, checks the pages
# in headless Chromium and refreshes docs/compare-seeds.png.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -q && apt-get install -y -q chromium
    else
        sudo apt-get update -q && sudo apt-get install -y -q chromium
    fi
fi
make -C "$root" -j2 build/precis
SCREENSHOT="$root/docs/compare-seeds.png" PRECIS="$root/build/precis" sh "$root/tests/browser/check_dom.sh"
