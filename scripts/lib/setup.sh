# Shared by scripts/test, scripts/demo and bench/run: installs the Debian packages
# roster needs (only those missing) and builds the project in Release mode.
# Sourced, not executed. Sets ROSTER_ROOT and ROSTER_BUILD.

ROSTER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROSTER_BUILD=${ROSTER_BUILD:-$ROSTER_ROOT/build}

roster_packages=(
  build-essential cmake ninja-build pkg-config git
  libcpprest-dev libssl-dev libboost-dev
  libyaml-dev libyaml-cpp-dev libfmt-dev libcli11-dev nlohmann-json3-dev catch2
  nodejs npm
)

roster_install_packages() {
  local missing=() p
  for p in "${roster_packages[@]}"; do
    # nodejs/npm may come from another source than Debian; a working binary is enough.
    case $p in
      nodejs) command -v node >/dev/null 2>&1 && continue ;;
      npm) command -v npm >/dev/null 2>&1 && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "roster: need root or sudo to install: ${missing[*]}" >&2; return 1; }
    sudo=sudo
  fi
  echo "roster: installing Debian packages: ${missing[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

roster_build() {
  # Warnings are errors under CI; otherwise keep whatever the build directory has, so
  # that scripts/demo after a CI-style scripts/test does not rebuild everything.
  local werror=()
  [ -n "${CI:-}" ] && werror=(-DROSTER_WERROR=ON)
  if [ ! -f "$ROSTER_BUILD/build.ninja" ]; then
    echo "roster: building in $ROSTER_BUILD (the first build takes a few minutes)" >&2
  fi
  cmake -S "$ROSTER_ROOT" -B "$ROSTER_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "${werror[@]}" >/dev/null
  cmake --build "$ROSTER_BUILD" -j "$(nproc)"
}

# The Node.js tests need their npm packages; each package-lock.json pins them.
# tests/js: the official Dropbox SDK, run against the emulator.
# tests/schema: ajv and yaml, to check docs/manifest.schema.json.
roster_install_node_packages() {
  local area
  for area in js schema; do
    [ -f "$ROSTER_ROOT/tests/$area/package.json" ] || continue
    if [ ! -d "$ROSTER_ROOT/tests/$area/node_modules" ]; then
      echo "roster: installing npm packages for tests/$area" >&2
      (cd "$ROSTER_ROOT/tests/$area" && npm ci --no-audit --no-fund --loglevel=error >&2) || return 1
    fi
  done
}
