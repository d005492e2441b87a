#!/usr/bin/env python3
"""Mutation fuzzing of the evidence stages through the real `extract inspect --json`.

Seeds are the PDFs of samples/ and ../shared/corpus. Each input is a seed mutated by bit flips, byte
overwrites, truncation, splices of two seeds, PDF dictionary tokens (obj, /Length, xref, stream, ...) and
number changes; it runs in a subprocess with a per-input timeout. Every input must end with JSON on stdout
(exit 0) or one clean `extract: ...` line on stderr with a documented exit code. A worker crash that the
parent reported cleanly is counted as isolated; anything else (the parent killed by a signal, a hang, exit
70, a malformed error) is a finding. Inputs that crashed a worker or the parent are kept, when small, in
samples/fuzz-regressions/ for the regression test.

Usage: scripts/fuzz.py [--seconds 60] [--extract .build/debug/extract] [--seed N] [--timeout 60]
Standard library only.
"""
import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN_EXIT_CODES = {3, 4, 5, 6, 9}
TOKENS = [
    b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"startxref", b"%%EOF", b"/Length",
    b"/Length 999999999", b"/Length -1", b"<<", b">>", b"[", b"]", b"R", b"0 0 R", b"/Type /Page",
    b"/Type /Pages", b"/Kids [1 0 R]", b"/Count 2147483647", b"/Count -1", b"/MediaBox [0 0 1e30 1e30]",
    b"/MediaBox [0 0 0 0]", b"/Filter /FlateDecode", b"/Filter /DCTDecode", b"/Filter /JBIG2Decode",
    b"/Filter [/FlateDecode /LZWDecode]", b"/DecodeParms << /Predictor 15 /Columns 99999 >>", b"/Font",
    b"/Subtype /Type0", b"/Encoding /Identity-H", b"/ToUnicode", b"/Width 100000 /Height 100000", b"BT",
    b"ET", b"Tj", b"TJ", b"Tf", b"cm", b"Do", b"q Q", b"/Encrypt", b"/ObjStm", b"/Prev 0", b"/Root",
    b"\x00", b"\xff\xff\xff\xff", b"(", b")", b"\\", b"999999999999", b"-2147483649", b"1e308",
]


def seeds(corpus: Path, max_bytes: int):
    found = sorted((ROOT / "samples").rglob("*.pdf"))
    if corpus.is_dir():
        found += sorted(corpus.rglob("*.pdf"))
    kept = []
    for path in found:
        if "fuzz-regressions" in path.parts:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if 0 < len(data) <= max_bytes:
            kept.append((path, data))
    return kept


def mutate(rng: random.Random, data: bytes, other: bytes) -> tuple[bytes, str]:
    buffer = bytearray(data)
    kinds = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        kind = rng.choice(["flip", "flip", "overwrite", "truncate", "splice", "token", "token", "number",
                           "duplicate", "delete"])
        kinds.append(kind)
        if not buffer:
            buffer = bytearray(other[:64])
        size = len(buffer)
        at = rng.randrange(size)
        if kind == "flip":
            for _ in range(rng.randint(1, 32)):
                position = rng.randrange(size)
                buffer[position] ^= 1 << rng.randrange(8)
        elif kind == "overwrite":
            length = rng.randint(1, 64)
            buffer[at:at + length] = bytes(rng.randrange(256) for _ in range(length))
        elif kind == "truncate":
            del buffer[rng.randint(max(1, size // 20), size):]
        elif kind == "splice":
            cut = rng.randrange(len(other)) if other else 0
            buffer = buffer[:at] + bytearray(other[cut:])
        elif kind == "token":
            token = rng.choice(TOKENS)
            if rng.random() < 0.5:
                buffer[at:at] = b" " + token + b" "
            else:
                buffer[at:at + len(token)] = token
        elif kind == "number":
            digits = [i for i in range(max(0, at - 4096), min(size, at + 4096)) if 48 <= buffer[i] <= 57]
            if digits:
                position = rng.choice(digits)
                buffer[position:position + 1] = rng.choice([b"0", b"9999999999", b"-1", b"65535", b"4294967296"])
        elif kind == "duplicate":
            length = rng.randint(1, min(4096, size))
            chunk = buffer[at:at + length]
            buffer[at:at] = chunk * rng.randint(1, 8)
        elif kind == "delete":
            del buffer[at:at + rng.randint(1, 256)]
    return bytes(buffer), "+".join(kinds)


def classify(result, timed_out: bool) -> tuple[str, str]:
    if timed_out:
        return "hang", "no answer within the per-input timeout"
    if result.returncode < 0:
        return "parent-crash", f"the extract process was killed by signal {-result.returncode}"
    stderr = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode == 0:
        try:
            json.loads(result.stdout)
        except ValueError:
            return "bad-output", "exit 0 without JSON on stdout"
        return "output", ""
    lines = stderr.splitlines()
    if result.returncode in CLEAN_EXIT_CODES and len(lines) == 1 and lines[0].startswith("extract: "):
        if "crashed (signal" in lines[0] or "exited unexpectedly" in lines[0] or "did not finish" in lines[0]:
            return "isolated-crash", lines[0]
        return "clean-error", lines[0]
    return "unclean-error", f"exit {result.returncode}: {stderr[:400]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("FUZZ_SECONDS", 60)))
    parser.add_argument("--extract", default=os.environ.get("EXTRACT", str(ROOT / ".build/debug/extract")))
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", time.time_ns() % 2**31)))
    parser.add_argument("--timeout", type=float, default=60, help="seconds one input may take")
    parser.add_argument("--max-seed-bytes", type=int, default=3 << 20)
    parser.add_argument("--keep-bytes", type=int, default=256 << 10, help="largest finding kept in samples/")
    parser.add_argument("--results", default=str(ROOT / "fuzz-results"))
    arguments = parser.parse_args()

    if not os.access(arguments.extract, os.X_OK):
        print(f"fuzz: {arguments.extract} is not an executable; run `swift build --product extract`",
              file=sys.stderr)
        return 2
    rng = random.Random(arguments.seed)
    pool = seeds(Path(arguments.corpus), arguments.max_seed_bytes)
    if not pool:
        print("fuzz: no seed PDFs found in samples/ or the corpus", file=sys.stderr)
        return 2
    results = Path(arguments.results)
    inputs = results / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    regressions = ROOT / "samples" / "fuzz-regressions"
    environment = dict(os.environ, OMP_THREAD_LIMIT="1")
    counts: dict[str, int] = {}
    findings = []
    started = time.monotonic()
    tried = 0
    print(f"fuzz: {len(pool)} seeds, {arguments.seconds:.0f} s, seed {arguments.seed}", flush=True)
    while time.monotonic() - started < arguments.seconds:
        seed_path, seed = rng.choice(pool)
        _, other = rng.choice(pool)
        data, how = mutate(rng, seed, other)
        digest = hashlib.sha256(data).hexdigest()[:16]
        path = inputs / f"{digest}.pdf"
        path.write_bytes(data)
        command = [arguments.extract, "inspect", str(path), "--json"]
        # Mostly the text layer (fast); some inputs are also rendered and OCR'd at a low resolution.
        roll = rng.random()
        # A page's OCR gets a third of the per-input time: a page stuck where Tesseract's own deadline is not
        # checked is then stopped by the parent (an isolated "did not finish") before the input times out.
        ocr_limit = ["--ocr-timeout", f"{max(1.0, arguments.timeout / 3 - 5):g}"]
        if roll < 0.1:
            command += ["--ocr", "always", "--dpi", "50", "--pages", "1"] + ocr_limit
        elif roll < 0.2:
            command += ["--ocr", "auto", "--dpi", "50", "--pages", "1"] + ocr_limit
        else:
            command += ["--ocr", "never"]
        timed_out = False
        try:
            result = subprocess.run(command, capture_output=True, timeout=arguments.timeout, env=environment)
        except subprocess.TimeoutExpired:
            timed_out, result = True, None
        outcome, detail = classify(result, timed_out)
        tried += 1
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome in ("output", "clean-error"):
            path.unlink()
            continue
        record = {"input": str(path), "seed_file": str(seed_path.relative_to(ROOT.parent)), "mutation": how,
                  "outcome": outcome, "detail": detail, "bytes": len(data)}
        if len(data) <= arguments.keep_bytes:
            regressions.mkdir(parents=True, exist_ok=True)
            kept = regressions / f"{outcome}-{digest}.pdf"
            kept.write_bytes(data)
            record["kept"] = str(kept.relative_to(ROOT))
        findings.append(record)
        print(f"fuzz: {outcome}: {path.name} ({how}, from {seed_path.name}): {detail}", flush=True)
    elapsed = time.monotonic() - started
    summary = {"seconds": round(elapsed, 1), "inputs": tried, "seed": arguments.seed, "seeds": len(pool),
               "outcomes": counts, "findings": findings}
    (results / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(f"fuzz: {tried} inputs in {elapsed:.0f} s: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"fuzz: summary in {results / 'summary.json'}")
    unsafe = sum(counts.get(kind, 0) for kind in ("parent-crash", "hang", "unclean-error", "bad-output"))
    return 1 if unsafe else 0


if __name__ == "__main__":
    sys.exit(main())
