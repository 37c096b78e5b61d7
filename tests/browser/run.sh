#!/bin/sh
# run.sh: the browser test of `precis compare --format html`, standalone.
# Installs Debian's chromium if it is missing (`make test` installs it too,
# through tools/install-deps.sh test; a machine without it skips the browser
# test), builds precis, checks the pages
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
