# DocExtract — set-up, build, test, demo and benchmarks.
# `make demo` and `make test` work on a fresh Debian 12 machine: they install what they need first.

SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT ?= swift
PYTHON ?= python3
# Tesseract is 5-9x slower unless this is set when the process starts (the CLI passes it to its worker processes,
# and re-executes itself with it when it runs Tesseract itself, `--isolation none`).
export OMP_THREAD_LIMIT ?= 1
DOCEXTRACT_HOME ?= $(HOME)/.local/share/docextract
export DOCEXTRACT_HOME

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# System packages: native libraries (linked, never shelled out to), OCR data, the tool-chain that builds the
# local model server, the poppler/tesseract command-line tools used only by `make bench` for comparison, and
# chromium + zlib, with which the tests load the HTML review page in a real headless browser.
APT_PACKAGES := pkg-config libpoppler-glib-dev libcairo2-dev libtesseract-dev libleptonica-dev tesseract-ocr-eng \
	libcurl4-openssl-dev cmake g++ make python3-pip poppler-utils tesseract-ocr curl time fonts-dejavu-core \
	chromium zlib1g-dev

# Release builds link the Swift runtime and Foundation statically: `extract` then starts in half the time (29 vs
# 54 ms of CPU for `extract --version`), which is most of a run answered from the cache.
RELEASE_FLAGS ?= --static-swift-stdlib
RELEASE_BIN = $(shell $(SWIFT) build -c release $(RELEASE_FLAGS) --show-bin-path 2>/dev/null)

.PHONY: help setup setup-system setup-llm build test demo bench eval eval-decoys eval-evidence samples lint clean fuzz

help: ## Show this help
	@echo "DocExtract make targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

setup: setup-system setup-llm ## Install every system package, the local model server and its model (idempotent)

setup-system: ## Install the Debian packages DocExtract needs (skips what is installed)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "setup: installing $$missing"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "setup: system packages present"; fi

setup-llm: setup-system ## Build llama.cpp's server and fetch SmolLM2-135M into $(DOCEXTRACT_HOME) (once per machine)
	@PYTHON=$(PYTHON) bash scripts/setup-llm.sh

build: setup-system ## Build the `extract` tool (release)
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product extract
	@echo "built: $(RELEASE_BIN)/extract"

TEST_FUZZ_SECONDS ?= 60
test: setup ## Install, build and run every test, then a CI-sized fuzz run (TEST_FUZZ_SECONDS=60, 0 skips it)
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@if [ "$(TEST_FUZZ_SECONDS)" != 0 ]; then $(PYTHON) scripts/fuzz.py --seconds $(TEST_FUZZ_SECONDS) --seed 1 \
		--extract "$$($(SWIFT) build --show-bin-path)/extract"; fi

demo: setup build ## Install, build and run a real offline extraction on the scanned sample invoice
	@mkdir -p out
	$(RELEASE_BIN)/extract samples/invoice-scanned.pdf --schema schemas/invoice.schema.json \
		--report out/demo.report.json -v
	@echo "demo: the data JSON is above; provenance, confidence and routing are in out/demo.report.json"


bench: setup ## Run the benchmarks (release build) and print their figures
	$(SWIFT) build -c release $(RELEASE_FLAGS)
	@mkdir -p bench-results
	$(RELEASE_BIN)/BenchEvidence --samples samples --corpus ../shared/corpus --json bench-results/evidence.json
	$(RELEASE_BIN)/BenchJSONSchema --corpus ../shared/corpus
	$(RELEASE_BIN)/BenchModels
	$(RELEASE_BIN)/BenchPipeline --extract $(RELEASE_BIN)/extract
	$(RELEASE_BIN)/BenchLayout --corpus ../shared/corpus
	$(RELEASE_BIN)/BenchWatch --extract $(RELEASE_BIN)/extract --list eval/invoice2data.tsv \
		--json bench-results/watch.json

# `make eval`: the dev lists in eval/ (documents stay in ../shared/corpus). EVAL_LIMIT documents per list
# (default 7: all of invoice2data, the first 7 of SROIE, ZUGFeRD and Kleister-NDA, about 28 documents and
# 12-15 minutes on 2 cores with the local model); `make eval EVAL_LIMIT=` runs all 62 (~30 min).
EVAL_LISTS ?= invoice2data sroie zugferd kleister-nda
EVAL_LIMIT ?= 7
EVAL_ARGS ?=

eval: setup build ## Score the offline default on the dev lists in eval/ (bench-results/eval-*.json and .md)
	@mkdir -p bench-results
	@for list in $(EVAL_LISTS); do \
		echo "eval: $$list"; \
		$(RELEASE_BIN)/extract eval --dataset eval/$$list.tsv $(if $(EVAL_LIMIT),--limit $(EVAL_LIMIT)) \
			--out bench-results/eval-$$list.json --markdown bench-results/eval-$$list.md \
			$$(base=bench-results/eval-$$list.baseline.json; [ -f $$base ] && echo --baseline $$base) \
			$(EVAL_ARGS) || exit $$?; \
	done
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product BenchLayout
	$(RELEASE_BIN)/BenchLayout --corpus ../shared/corpus

# `make eval-decoys`: fabrication, measured where the ground truth says a value is absent. The decoy lists ask
# for fields that no document of the list prints (eval/decoys/*.schema.json), besides the corpus's own.
DECOY_LISTS ?= sroie-decoys kleister-decoys

eval-decoys: setup build ## Fabrication on decoy fields no document prints (bench-results/eval-*-decoys.json)
	@mkdir -p bench-results
	@for list in $(DECOY_LISTS); do \
		echo "eval: $$list"; \
		$(RELEASE_BIN)/extract eval --dataset eval/$$list.tsv $(if $(EVAL_LIMIT),--limit $(EVAL_LIMIT)) \
			--out bench-results/eval-$$list.json --markdown bench-results/eval-$$list.md $(EVAL_ARGS) || exit $$?; \
	done

eval-evidence: setup-system build ## Evidence recall only, no model, every document of the dev lists (seconds)
	@mkdir -p bench-results
	@for list in $(EVAL_LISTS); do \
		echo "eval-evidence: $$list"; \
		$(RELEASE_BIN)/extract eval --dataset eval/$$list.tsv --evidence-only \
			--out bench-results/evidence-$$list.json --markdown bench-results/evidence-$$list.md $(EVAL_ARGS) \
			|| exit $$?; \
	done

FUZZ_SECONDS ?= 60
fuzz: setup-system ## Mutate the sample and corpus PDFs and run them through the evidence stages (FUZZ_SECONDS=60)
	$(SWIFT) build --product extract
	$(PYTHON) scripts/fuzz.py --seconds $(FUZZ_SECONDS) --extract "$$($(SWIFT) build --show-bin-path)/extract"

samples: ## Regenerate samples/ from scripts/make_samples.py
	$(PYTHON) -m pip install --quiet --root-user-action=ignore -r scripts/requirements-samples.txt
	$(PYTHON) scripts/make_samples.py --out samples

lint: ## Check formatting and public documentation with swift-format (.swift-format)
	$(SWIFT) format lint --recursive --parallel Sources Tests

clean: ## Remove build output (not the model server or its model)
	rm -rf .build
