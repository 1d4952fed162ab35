#!/usr/bin/env bash
# Makes a real Asterisk ready for the real-PBX test tier and prints where it is, as shell assignments on stdout:
#   CALLPING_ASTERISK_BIN=...      the asterisk executable
#   CALLPING_ASTERISK_MODULES=...  its loadable modules folder
#   CALLPING_ASTERISK_LIB=...      its shared libraries (for LD_LIBRARY_PATH; empty for a system install)
#   CALLPING_ASTERISK_DATA=...     its data folder (astdatadir)
# Progress goes to stderr. Exits non-zero when no Asterisk could be made ready.
#
# Either ASTERISK_BIN names an operator's own asterisk executable (nothing is built; ASTERISK_MODULES and ASTERISK_DATA
# may name its modules and data folders when they are not where a source or Debian install puts them), or Asterisk 22 is built from the tarballs in ASTERISK_SRC
# (default: ../shared/asterisk from the repository root) with its bundled pjproject, once, into
#   ${XDG_CACHE_HOME:-$HOME/.cache}/callping/asterisk-<checksum of the sources and of this recipe>
# and reused while the sources and the recipe stay the same. Debian packages it needs are installed when missing.
set -euo pipefail

repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/callping"
# Bump when the configure options or the module list change, so a cached build made the old way is not reused.
recipe=1

log() { echo "build-asterisk: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
  else log "'$*' needs root; run as root or with password-less sudo"; return 1
  fi
}

apt_updated=
install_packages() { # installs the Debian packages given that are not installed yet
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} (Debian packages)"
  local output
  if ! output=$( { [ -n "$apt_updated" ] || as_root apt-get update -qq; } 2>&1 &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" 2>&1); then
    echo "$output" >&2
    return 1
  fi
  apt_updated=1
}

print_install() { # binary, modules, libraries, data: the lines the tests read
  printf 'CALLPING_ASTERISK_BIN=%q\nCALLPING_ASTERISK_MODULES=%q\nCALLPING_ASTERISK_LIB=%q\nCALLPING_ASTERISK_DATA=%q\n' "$@"
}

# Everything the tier runs besides Asterisk itself: the SIP phones, and espeak-ng for the CallPing it runs (which
# speaks its prompts and serves them to the PBXes by URL: nothing of CallPing's is installed on them).
install_packages sip-tester espeak-ng

if [ -n "${ASTERISK_BIN:-}" ]; then
  bin="$(command -v "$ASTERISK_BIN" || true)"
  [ -x "$bin" ] || { log "ASTERISK_BIN=$ASTERISK_BIN is not an executable"; exit 1; }
  modules="${ASTERISK_MODULES:-}"
  if [ -z "$modules" ]; then
    for candidate in "$(dirname "$bin")/../lib/asterisk/modules" /usr/lib/x86_64-linux-gnu/asterisk/modules /usr/lib/asterisk/modules; do
      if [ -f "$candidate/res_ari.so" ]; then modules="$(cd "$candidate" && pwd)"; break; fi
    done
  fi
  [ -f "$modules/res_ari.so" ] || { log "no res_ari.so beside $bin: set ASTERISK_MODULES to its modules folder"; exit 1; }
  # Asterisk reads its XML documentation from its data folder at start (without it Stasis refuses to start): the
  # tests get a data folder of links to the install's, so that the install itself is not changed.
  install_data="${ASTERISK_DATA:-}"
  if [ -z "$install_data" ]; then
    for candidate in "$(dirname "$bin")/../var/lib/asterisk" /var/lib/asterisk /usr/share/asterisk; do
      if [ -d "$candidate/documentation" ]; then install_data="$(cd "$candidate" && pwd)"; break; fi
    done
  fi
  [ -d "$install_data/documentation" ] || { log "no documentation/ in Asterisk's data folder: set ASTERISK_DATA to it (astdatadir)"; exit 1; }
  data="$cache_root/asterisk-data-$(echo "$bin" | sha256sum | cut -c1-12)"
  rm -rf "$data"
  mkdir -p "$data/sounds"
  for entry in "$install_data"/* "$install_data"/sounds/*; do
    case "$entry" in "$install_data/sounds") ;; */sounds/*) ln -s "$entry" "$data/sounds/" ;; *) ln -s "$entry" "$data/" ;; esac
  done
  lib="$(cd "$(dirname "$bin")/../lib" 2>/dev/null && pwd || true)"
  log "using $bin (modules in $modules)"
  print_install "$bin" "$modules" "$lib" "$data"
  exit 0
fi

src="${ASTERISK_SRC:-$repo_root/../shared/asterisk}"
asterisk_tarball="$(ls "$src"/asterisk-22.*.tar.gz 2>/dev/null | head -n 1 || true)"
pjproject_tarball="$(ls "$src"/pjproject-*.tar.bz2 2>/dev/null | head -n 1 || true)"
if [ -z "$asterisk_tarball" ] || [ -z "$pjproject_tarball" ]; then
  log "no asterisk-22.*.tar.gz and pjproject-*.tar.bz2 in $src"
  exit 1
fi

key="$( { sha256sum "$asterisk_tarball" "$pjproject_tarball" | cut -d' ' -f1; echo "recipe $recipe"; } | sha256sum | cut -c1-16)"
prefix="$cache_root/asterisk-$key"
mkdir -p "$cache_root"
# Two runs at once (two worktrees' test.sh) build once: the second waits for the first.
exec 9>"$prefix.lock"
flock 9

if [ ! -f "$prefix/.complete" ]; then
  install_packages build-essential pkg-config libjansson-dev libxml2-dev libsqlite3-dev uuid-dev libedit-dev \
    libssl-dev libsrtp2-dev libncurses-dev libcurl4-openssl-dev bzip2 patch
  log "building $(basename "$asterisk_tarball") with $(basename "$pjproject_tarball") into $prefix (a few minutes)"
  started=$SECONDS
  rm -rf "$prefix" "$prefix.build"
  mkdir -p "$prefix.build/externals"
  # Asterisk's bundled-pjproject build takes the tarball from the externals cache instead of downloading it.
  cp "$pjproject_tarball" "$prefix.build/externals/"
  tar -xzf "$asterisk_tarball" -C "$prefix.build" --strip-components=1
  (
    cd "$prefix.build"
    ./configure --prefix="$prefix" --with-pjproject-bundled --with-externals-cache="$prefix.build/externals" \
      --without-jansson-bundled >configure.log 2>&1 || { tail -n 30 configure.log >&2; exit 1; }
    make menuselect.makeopts >>configure.log 2>&1
    # Only what CallPing uses: every category off (sound downloads would need the network), then the needed modules.
    categories=$(menuselect/menuselect --category-list | grep -v '^MENUSELECT_CFLAGS$')
    args=()
    for category in $categories; do args+=(--disable-category "$category"); done
    modules=$(for category in MENUSELECT_CHANNELS MENUSELECT_RES MENUSELECT_APPS MENUSELECT_PBX MENUSELECT_CODECS \
                               MENUSELECT_FORMATS MENUSELECT_BRIDGES MENUSELECT_FUNCS; do
                menuselect/menuselect --list-category "$category" 2>/dev/null; done | awk '{print $2}' |
              grep -E '^(chan_pjsip|res_pjsip.*|res_pjproject|res_ari.*|res_stasis.*|res_http_websocket|res_rtp_asterisk|res_sorcery_.*|res_timing_timerfd|res_curl|res_http_media_cache|app_stasis|app_playback|app_dial|pbx_config|codec_ulaw|codec_alaw|codec_resample|format_wav|format_sln|format_pcm|bridge_simple|bridge_softmix|func_channel)$')
    for module in $modules; do args+=(--enable "$module"); done
    menuselect/menuselect "${args[@]}" menuselect.makeopts >>configure.log 2>&1
    make -j"$(nproc)" >make.log 2>&1 || { grep -m 20 -B 5 -i 'error' make.log >&2; exit 1; }
    make install >install.log 2>&1 || { tail -n 30 install.log >&2; exit 1; }
  )
  rm -rf "$prefix.build"
  touch "$prefix/.complete"
  log "built in $((SECONDS - started)) s"
else
  log "reusing $prefix"
fi

print_install "$prefix/sbin/asterisk" "$prefix/lib/asterisk/modules" "$prefix/lib" "$prefix/var/lib/asterisk"
