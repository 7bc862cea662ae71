# union-extract: make run (set up, then process corpus/ into out/), make test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
IN     ?= corpus
OUT    ?= out
SHARED ?= ../shared

.PHONY: run test lint schemas eval clean bench fuzz

# `make run` installs what running needs; the tests' tools come with `make test`.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(DEVSTAMP): $(STAMP)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

# IN is one path (spaces allowed: IN="~/Bài báo 2022") or several separated by spaces; a leading
# ~/ is the home folder even inside quotes. Passed through the environment, so no quoting breaks.
export IN OUT
run: $(STAMP)
	@home() { case "$$1" in "~/"*) printf '%s' "$$HOME/$${1#\~/}";; *) printf '%s' "$$1";; esac; }; \
	whole=$$(home "$$IN"); \
	if [ -e "$$whole" ]; then set -- "$$whole"; \
	else set --; for p in $$IN; do set -- "$$@" "$$(home "$$p")"; done; fi; \
	$(BIN)/union-extract run "$$@" --out "$$(home "$$OUT")"

lint: $(DEVSTAMP)
	$(BIN)/ruff check pipeline tests tools
	$(BIN)/ruff format --check pipeline tests tools
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

schemas: $(STAMP)
	@mkdir -p schemas
	$(BIN)/union-extract schema > schemas/article_record.schema.json
	@echo "wrote schemas/article_record.schema.json"

# Scores the project's own corpus against corpus/gold, and the shared dev corpus when present.
eval: $(STAMP)
	@rm -rf $(OUT)/eval && mkdir -p $(OUT)/eval
	@$(BIN)/union-extract run corpus --out $(OUT)/eval/own --quiet
	@$(PYTHON) tools/score.py corpus/gold $(OUT)/eval/own --brief
	@if [ -d $(SHARED)/corpus/dev ]; then \
		$(BIN)/union-extract run corpus $(SHARED)/corpus/dev --out $(OUT)/eval/shared --quiet; \
		$(PYTHON) $(SHARED)/eval/score.py $(SHARED)/gold $(OUT)/eval/shared --brief; \
	else echo "($(SHARED)/corpus/dev not found: shared evaluation skipped)"; fi

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache

# Throughput against word_tokenize, 1 vs 2 workers, stage costs, NER, memory, cold start (~5 min).
bench: $(DEVSTAMP)
	@$(BIN)/python -m tools.bench --json $(OUT)/bench.json

# 100,000 generated and mutated texts: no crash, no invalid record (~5 min on 2 cores).
fuzz: $(DEVSTAMP)
	@$(BIN)/python -m tools.fuzz --count 100000 --json $(OUT)/fuzz.json
