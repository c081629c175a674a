# make serve: set up, then serve the book at http://127.0.0.1:8000/
# make test:  set up, place the data, run every check (pages, harness, strict build, site)
# make accept: rewrite every output block and figure of the pages from a fresh run (review the diff!)
# make test-training: only the training chapters, on CUDA where there is one (the GPU job)

VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.installed

.PHONY: serve test test-training accept data build clean

$(READY): requirements.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

# axe-core, which the browser tests inject into the pages, pinned in package-lock.json.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

# Without the data, the pages that need it are skipped with their reason, not failed.
data: $(READY)
	-$(BIN)/python -m booktools.data

serve: $(READY)
	$(BIN)/mkdocs serve

# A worker per core; a chapter's pages share one worker (tests/pages_plugin.py).
test: $(READY) $(AXE) data
	$(BIN)/python -m pytest -n auto

# Set BOOK_REQUIRE_CUDA=1 to stop at once when torch sees no CUDA device.
test-training: $(READY) data
	BOOK_TRAINING=1 $(BIN)/python -m pytest -m training --durations=5

accept: $(READY) data
	$(BIN)/python -m pytest docs tests/test_tensorboard.py --accept

build: $(READY)
	$(BIN)/mkdocs build --strict

clean:
	rm -rf site $(VENV) node_modules
