# Shared by scripts/test, scripts/fuzz, scripts/demo and bench/run: installs the Debian
# packages roster needs (only those missing) and builds the project: Release (g++), or
# with sanitizers (clang), or the libFuzzer harnesses (clang).
# Sourced, not executed. Sets ROSTER_ROOT, ROSTER_BUILD, ROSTER_ASAN_BUILD, ROSTER_FUZZ_BUILD.

ROSTER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROSTER_BUILD=${ROSTER_BUILD:-$ROSTER_ROOT/build}
ROSTER_ASAN_BUILD=${ROSTER_ASAN_BUILD:-$ROSTER_ROOT/build-asan}
ROSTER_FUZZ_BUILD=${ROSTER_FUZZ_BUILD:-$ROSTER_ROOT/build-fuzz}

roster_packages=(
  build-essential cmake ninja-build pkg-config git
  libcpprest-dev libssl-dev libboost-dev
  libyaml-dev libyaml-cpp-dev libfmt-dev libcli11-dev nlohmann-json3-dev catch2 rapidjson-dev
  nodejs npm
  chromium fonts-liberation
  clang libclang-rt-14-dev llvm
  help2man man-db bash-completion lintian dpkg-dev faketime curl
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
  roster_cmake_build "$ROSTER_BUILD" -DCMAKE_BUILD_TYPE=Release
}

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (docs/testing.md):
# clang, -O1 with line tables for readable reports, no benchmarks.
roster_build_asan() {
  roster_cmake_build "$ROSTER_ASAN_BUILD" -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" \
    -DROSTER_SANITIZE=ON -DROSTER_BUILD_BENCH=OFF
}

# The libFuzzer harnesses only (targets named *_fuzz); the emulator is not needed.
roster_build_fuzz() {
  ROSTER_BUILD_TARGETS="$*" roster_cmake_build "$ROSTER_FUZZ_BUILD" \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DROSTER_FUZZ=ON \
    -DROSTER_BUILD_BENCH=OFF -DROSTER_BUILD_EMULATOR=OFF
}

# roster_cmake_build DIR CMAKE_ARGS...: configures (Ninja) and builds DIR, or only the
# targets in ROSTER_BUILD_TARGETS. ccache is used when installed.
roster_cmake_build() {
  local dir=$1
  shift
  # Warnings are errors under CI; otherwise keep whatever the build directory has, so
  # that scripts/demo after a CI-style scripts/test does not rebuild everything.
  local extra=() targets=()
  [ -n "${CI:-}" ] && extra+=(-DROSTER_WERROR=ON)
  if [ "$dir" != "$ROSTER_BUILD" ] && command -v ccache >/dev/null 2>&1; then
    extra+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  if [ ! -f "$dir/build.ninja" ]; then
    echo "roster: building in $dir (the first build takes a few minutes)" >&2
  fi
  cmake -S "$ROSTER_ROOT" -B "$dir" -G Ninja "$@" "${extra[@]}" >/dev/null
  for t in ${ROSTER_BUILD_TARGETS:-}; do targets+=(--target "$t"); done
  cmake --build "$dir" -j "$(nproc)" "${targets[@]}"
}

# The Node.js tests need their npm packages; each package-lock.json pins them.
# tests/js: the official Dropbox SDK, run against the emulator.
# tests/schema: ajv and yaml, to check docs/manifest.schema.json.
# tests/browser: playwright-core, which drives Debian's chromium (it downloads no browser).
roster_install_node_packages() {
  local area
  for area in js schema browser; do
    [ -f "$ROSTER_ROOT/tests/$area/package.json" ] || continue
    if [ ! -d "$ROSTER_ROOT/tests/$area/node_modules" ]; then
      echo "roster: installing npm packages for tests/$area" >&2
      (cd "$ROSTER_ROOT/tests/$area" && npm ci --no-audit --no-fund --loglevel=error >&2) || return 1
    fi
  done
}
