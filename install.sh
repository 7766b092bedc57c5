#!/bin/sh
# Installs mfa-onboard, the standalone executable (no Node needed), for Linux and macOS.
#
#   curl -fsSL https://github.com/aws-mfa-onboard/aws-mfa-onboard/releases/latest/download/install.sh | sh
#   sh install.sh [--prefix DIR] [--version VERSION] [--from FOLDER_OR_URL]
#
# It picks the archive for this machine (uname -s / uname -m; musl on Alpine), downloads it
# and SHA256SUMS into a temporary folder, checks the archive's SHA-256 against SHA256SUMS, and
# only then installs DIR/bin/mfa-onboard (default DIR: ~/.local), once the executable has run
# (--version) beside the one it replaces. It never needs root.
# A checksum that does not match, a missing archive or an unknown platform stops it with
# nothing installed. POSIX sh: checked with dash and shellcheck -s sh.
set -eu

RELEASES="https://github.com/aws-mfa-onboard/aws-mfa-onboard/releases"
prefix="${HOME:-}/.local"
version=""
from=""

fail() {
  printf 'mfa-onboard install: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat <<'EOF'
Usage: install.sh [--prefix DIR] [--version VERSION] [--from FOLDER_OR_URL]

Installs mfa-onboard into DIR/bin (default ~/.local/bin), after checking the download
against the release's SHA256SUMS.

  --prefix DIR        install into DIR/bin (default: ~/.local)
  --version VERSION   that release (default: the latest), e.g. 0.1.0
  --from SOURCE       a folder or URL holding the release's archives and SHA256SUMS
                      (instead of the project's release page)
  -h, --help          this help
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder, e.g. --prefix ~/.local."; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --version) [ $# -ge 2 ] || fail "--version needs a version, e.g. --version 0.1.0."; version="${2#v}"; shift 2 ;;
    --version=*) version="${1#--version=}"; version="${version#v}"; shift ;;
    --from) [ $# -ge 2 ] || fail "--from needs a folder or a URL holding the release's archives and SHA256SUMS."; from="$2"; shift 2 ;;
    --from=*) from="${1#--from=}"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) fail "unknown option $1. Run it with --help for the options." ;;
  esac
done
[ -n "$prefix" ] || fail "no folder to install into: HOME is not set. Give one with --prefix DIR."

# Which archive: our names are <os>-<arch>, with -musl for Linux on musl (Alpine).
os=$(uname -s)
arch=$(uname -m)
case "$os" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) os="" ;;
esac
case "$arch" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) arch="" ;;
esac
# An x64 shell under Rosetta on an Apple silicon Mac: the arm64 build is the native one.
if [ "$os" = darwin ] && [ "$arch" = x64 ] && [ "$(sysctl -n hw.optional.arm64 2>/dev/null || true)" = 1 ]; then
  arch=arm64
fi
platform="$os-$arch"
if [ "$os" = linux ] && { [ -f /etc/alpine-release ] || ldd --version 2>&1 | grep -qi musl; }; then
  platform="$platform-musl"
fi
case "$platform" in
  linux-x64 | linux-arm64 | linux-x64-musl | darwin-x64 | darwin-arm64) ;;
  *)
    fail "there is no mfa-onboard executable for this platform ($(uname -s) $(uname -m)$(case "$platform" in *-musl) printf ', musl' ;; esac)). Executables are made for Linux x64 and arm64 (glibc), Linux x64 (musl), macOS x64 and arm64, and Windows x64 (install.ps1). With Node 20.12 or later, run it with: npx aws-mfa-onboard. Nothing was installed."
    ;;
esac

if [ -z "$from" ]; then
  if [ -n "$version" ]; then from="$RELEASES/download/v$version"; else from="$RELEASES/latest/download"; fi
fi

# Downloads (or copies, from a folder) $1 of the release into the file $2.
fetch() {
  case "$from" in
    http://* | https://*)
      if command -v curl >/dev/null 2>&1; then
        curl -fsSL --retry 2 -o "$2" "$from/$1" 2>/dev/null || return 1
      elif command -v wget >/dev/null 2>&1; then
        wget -q -O "$2" "$from/$1" || return 1
      else
        fail "neither curl nor wget is installed to download $from/$1. Install one, or download the release's files into a folder and run this with --from FOLDER. Nothing was installed."
      fi
      ;;
    *) [ -f "$from/$1" ] && cp "$from/$1" "$2" ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d ' ' -f 1
  elif command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 "$1" | sed 's/^.*= *//'
  else fail "no SHA-256 tool (sha256sum, shasum or openssl) to check the download with. Nothing was installed."
  fi
}

work=$(mktemp -d 2>/dev/null || mktemp -d -t mfa-onboard)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP

fetch SHA256SUMS "$work/SHA256SUMS" ||
  fail "could not get SHA256SUMS from $from. Check the address (or the folder given to --from) and the network, then run this again. Nothing was installed."

# The archive for this platform, named in SHA256SUMS (so the latest release's version need not be known).
line=$(grep -E "^[0-9a-f]{64}  mfa-onboard-[0-9A-Za-z.+-]+-$platform\.tar\.gz\$" "$work/SHA256SUMS" | head -n 1 || true)
if [ -n "$version" ]; then
  line=$(grep -E "^[0-9a-f]{64}  mfa-onboard-$version-$platform\.tar\.gz\$" "$work/SHA256SUMS" | head -n 1 || true)
fi
[ -n "$line" ] ||
  fail "the release at $from has no archive for $platform${version:+ in version $version} (SHA256SUMS does not list one). Check --version, or see the release page: $RELEASES. Nothing was installed."
expected=${line%% *}
archive=${line##* }

fetch "$archive" "$work/$archive" ||
  fail "could not get $archive from $from, although SHA256SUMS lists it. Check the network (or that the folder given to --from holds it), then run this again. Nothing was installed."
actual=$(sha256 "$work/$archive")
[ "$actual" = "$expected" ] ||
  fail "$archive does not match its checksum in SHA256SUMS (expected $expected, got $actual): the download is damaged or was tampered with. Nothing was installed. Download it again; if it still does not match, report it: $RELEASES."

mkdir "$work/unpacked"
(cd "$work/unpacked" && gzip -dc "../$archive" | tar -xf -) ||
  fail "$archive could not be unpacked (gzip and tar are needed). Nothing was installed."
[ -f "$work/unpacked/mfa-onboard" ] || fail "$archive holds no mfa-onboard executable. Nothing was installed."

bindir="$prefix/bin"
mkdir -p "$bindir" || fail "could not create $bindir. Choose another folder with --prefix DIR. Nothing was installed."
# Copied beside the old one, then renamed over it: a running mfa-onboard is never half replaced.
cp "$work/unpacked/mfa-onboard" "$bindir/.mfa-onboard.tmp.$$" ||
  fail "could not write into $bindir. Choose another folder with --prefix DIR. Nothing was installed."
chmod 755 "$bindir/.mfa-onboard.tmp.$$"
# Run where it will live (a temporary folder may forbid running programs) before it replaces anything.
installed=$("$bindir/.mfa-onboard.tmp.$$" --version 2>"$work/run.err") || {
  rm -f "$bindir/.mfa-onboard.tmp.$$"
  # A shared library the system lacks, as musl's loader or glibc's says it.
  missing=$(sed -n -e 's/^Error loading shared library \([^ :]*\): No such file.*/\1/p' \
    -e 's/^.*error while loading shared libraries: \([^ :]*\): cannot open shared object file.*/\1/p' "$work/run.err" | head -n 1)
  case "$platform:$missing" in
    *-musl:libstdc++.so* | *-musl:libgcc_s.so*)
      fail "the $platform executable needs the C++ runtime libraries libstdc++ and libgcc, which this system lacks ($missing is missing), so it was not installed. On Alpine, install them as root (apk add libstdc++ libgcc), then run this again."
      ;;
    *:?*)
      fail "the $platform executable needs the shared library $missing, which this system lacks, so it was not installed. Install the package that provides it, then run this again; or, with Node 20.12 or later, run it with: npx aws-mfa-onboard."
      ;;
  esac
  fail "the $platform executable from $archive does not run on this machine ($(uname -s) $(uname -m)), so it was not installed. Report it with the output of uname -a: $RELEASES. With Node 20.12 or later, run it with: npx aws-mfa-onboard."
}
mv -f "$bindir/.mfa-onboard.tmp.$$" "$bindir/mfa-onboard" || {
  rm -f "$bindir/.mfa-onboard.tmp.$$"
  fail "could not write $bindir/mfa-onboard. Choose another folder with --prefix DIR. Nothing was installed."
}

printf 'Installed mfa-onboard %s as %s (%s, checked against SHA256SUMS).\n' "$installed" "$bindir/mfa-onboard" "$archive"
case ":${PATH:-}:" in
  *":$bindir:"*) printf 'Run: mfa-onboard demo (to try it without AWS), or mfa-onboard ~/Downloads/<user>_accessKeys.csv\n' ;;
  *)
    # shellcheck disable=SC2088,SC2016 # printed for the user to paste: ~ and $PATH stay as written
    case "${SHELL:-}" in
      */zsh) rc='~/.zshrc' ;;
      */bash) rc='~/.bashrc' ;;
      */fish) rc="" ;;
      *) rc='~/.profile' ;;
    esac
    printf '%s is not on your PATH. ' "$bindir"
    # shellcheck disable=SC2016 # printed for the user to paste: $PATH stays as written
    if [ -n "$rc" ]; then
      printf 'Add it (then open a new terminal):\n  echo '"'"'export PATH="%s:$PATH"'"'"' >> %s\n' "$bindir" "$rc"
    else
      printf 'Add it (fish):\n  fish_add_path %s\n' "$bindir"
    fi
    printf 'or run it as %s demo\n' "$bindir/mfa-onboard"
    ;;
esac
