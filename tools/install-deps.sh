#!/bin/sh
# Install the Debian packages precis builds against, only those missing.
# Used by `make demo` and `make test` on a fresh machine; needs root or sudo.
#   sh tools/install-deps.sh          what building and the demo need
#   sh tools/install-deps.sh test     also what the tests use: Chromium for the
#                                     HTML report's browser test, GNU parallel
set -e
PKGS="build-essential pkg-config zstd libstemmer-dev libutf8proc-dev libzstd-dev libjansson-dev libyajl-dev
      libsqlite3-dev libglpk-dev libgumbo-dev libcriterion-dev clang libclang-rt-dev valgrind"
[ "${1:-}" = test ] && PKGS="$PKGS chromium parallel"
missing=""
for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "precis: installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >&2
