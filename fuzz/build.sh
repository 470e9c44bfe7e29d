#!/usr/bin/env bash
# Builds the libFuzzer targets into build/fuzz/ with Debian's clang (clang-14,
# libclang-rt-14-dev): -fsanitize=fuzzer,address,undefined on the project's own
# sources, compiled directly (the main CMake build uses g++, which has no libFuzzer).
# Objects are rebuilt only when a source or header is newer (-MMD dependencies).
# Usage: fuzz/build.sh            -> build/fuzz/fuzz_<target>
set -euo pipefail
cd "$(dirname "$0")/.."
CXX=${FUZZ_CXX:-clang++-14}
OUT=build/fuzz
OBJ=$OUT/obj
mkdir -p "$OBJ"
FLAGS=(-std=c++20 -g -O1 -fno-omit-frame-pointer -I.
       -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)

# The protocol's core and every feature's protocol folder.
protocol=(protocol/*/*.cpp)
storage=(storage/core/*.cpp)
# server/core/auth.cpp looks sessions up in the store: it links storage/ and tokens.
auth=(server/core/auth.cpp server/core/tokens.cpp server/core/static_files.cpp "${storage[@]}")

# compile <source>: prints the object path; recompiles when out of date.
compile() {
  local src=$1 obj=$OBJ/${1//\//_}.o
  local dep=${obj%.o}.d stale=0
  if [[ ! -f $obj || $src -nt $obj ]]; then
    stale=1
  elif [[ -f $dep ]]; then
    for h in $(sed -e 's/\\$//' -e 's/^[^:]*://' "$dep"); do
      [[ $h -nt $obj ]] && { stale=1; break; }
    done
  fi
  if ((stale)); then
    echo "  CXX $src" >&2
    # -fsanitize=fuzzer on a library object only instruments it (no main).
    "$CXX" "${FLAGS[@]/-fsanitize=fuzzer,/-fsanitize=fuzzer-no-link,}" -MMD -MF "$dep" -c "$src" -o "$obj"
  fi
  echo "$obj"
}

link() {
  local name=$1
  shift
  local objs=() src
  for src in "$@"; do
    [[ $src == -* ]] && continue
    objs+=("$(compile "$src")")
  done
  local libs=()
  for src in "$@"; do [[ $src == -* ]] && libs+=("$src"); done
  local o newer=0
  for o in "${objs[@]}"; do [[ $o -nt $OUT/$name ]] && newer=1; done
  [[ -x $OUT/$name ]] && ((!newer)) && return 0
  echo "  LINK $OUT/$name" >&2
  "$CXX" "${FLAGS[@]}" "${objs[@]}" "${libs[@]}" -o "$OUT/$name"
}

link fuzz_decode_client fuzz/fuzz_decode_client.cpp "${protocol[@]}"
link fuzz_http_api fuzz/fuzz_http_api.cpp "${protocol[@]}"
link fuzz_http_request fuzz/fuzz_http_request.cpp "${auth[@]}" protocol/core/*.cpp \
  -lSQLiteCpp -lsqlite3 -lsimdjson -lcrypto -lpthread
echo "fuzz targets in $OUT/"
