#!/usr/bin/env bash
# Installs what the editor tests (test/e2e, test/neovim, test/emacs) need, on a Debian machine that
# reaches only the npm registry and Debian's apt:
#   - apt: chromium, neovim, emacs-nox + elpa-eglot (test/emacs), ripgrep, libkrb5-dev, pkg-config
#     (+ fonts so screenshots have glyphs)
#   - code-server@4.100.3 (VS Code 1.100.3, runs on Node 20) into .e2e/code-server/,
#     a project-local folder outside the main node_modules (gitignored).
# Idempotent: a second run only checks and returns in about a second.
# See shared/notes/vscode-offline-testing.md for why each step is there.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CS_DIR="$ROOT/.e2e/code-server"
start=$(date +%s)
log() { echo "[install-editor-test-deps +$(( $(date +%s) - start ))s] $*"; }

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# ---- apt packages -------------------------------------------------------------------------
APT_PKGS=(chromium neovim emacs-nox elpa-eglot ripgrep libkrb5-dev pkg-config fonts-dejavu-core)
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt: all present (${APT_PKGS[*]})"
fi

# ---- code-server ---------------------------------------------------------------------------
cs_bin="$CS_DIR/node_modules/.bin/code-server"
installed_version=""
if [ -f "$CS_DIR/node_modules/code-server/package.json" ]; then
  installed_version="$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true)"
fi
if [ -x "$cs_bin" ] && [ "$installed_version" = "$CODE_SERVER_VERSION" ] \
  && [ -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
  && [ -f "$CS_DIR/.install-ok" ]; then
  log "code-server $installed_version: present in $CS_DIR"
else
  log "code-server $CODE_SERVER_VERSION: installing into $CS_DIR"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  cat >"$CS_DIR/package.json" <<EOF
{
  "name": "provenance-e2e-code-server",
  "private": true,
  "description": "Project-local code-server for test/e2e (installed by scripts/install-editor-test-deps.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" }
}
EOF
  # @vscode/ripgrep downloads rg from GitHub at install: seed its cache with Debian's rg.
  tmp="${TMPDIR:-/tmp}"
  for rgver in 1.15.11; do
    cache="$tmp/vscode-ripgrep-cache-$rgver"
    mkdir -p "$cache"
    for asset in ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz; do
      [ -f "$cache/$asset" ] || tar czf "$cache/$asset" -C /usr/bin rg
    done
  done
  # node-pty's build calls `npx node-gyp`, which aborts without npm_config_yes.
  # code-server's postinstall refuses to run as root without --unsafe-perm.
  (
    cd "$CS_DIR"
    export npm_config_yes=true
    npm install --unsafe-perm --no-audit --no-fund --loglevel=error --no-package-lock \
      "code-server@$CODE_SERVER_VERSION" 2>&1 | grep -v -E "^(npm warn|gyp info)" | tail -n 40
    exit "${PIPESTATUS[0]}"
  )
  if [ ! -x "$cs_bin" ]; then
    echo "code-server did not install into $CS_DIR" >&2
    exit 1
  fi
  touch "$CS_DIR/.install-ok"
fi

# ---- sanity --------------------------------------------------------------------------------
# (code-server --version would write a config into $HOME; read its package.json instead)
log "versions: code-server $(node -p "require('$CS_DIR/node_modules/code-server/package.json').version") | $(nvim --version | head -n1) | $(/usr/bin/chromium --version 2>/dev/null)"
log "done in $(( $(date +%s) - start ))s"
