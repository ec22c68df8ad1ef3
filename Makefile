# Two commands do all set-up on a fresh machine (see README.md):
#   make run    create .venv, install the toolkit, run the main job on seeds/
#   make test   install what the tests need, run them
# CONFIG picks the config for `make run` (default: configs/default.yaml, which needs the
# recommended models locally or in the Hugging Face cache; configs/offline.yaml needs none).

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
CONFIG ?= configs/default.yaml
OUT    ?= outputs/seeds
PYTEST_ARGS ?=
# The exact versions the test suite passed with (README: "Tested versions").  `make test
# PINS=` installs the newest releases that pyproject.toml allows instead (CI runs both).
PINS   ?= constraints.txt
PIN     = $(if $(PINS),-c $(PINS),)

.PHONY: run test install install-dev browser lint bench clean-venv versions lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# torch first, the CPU build: any later `torch>=...` requirement is then satisfied and pip
# does not pull the CUDA wheels (gigabytes).  A wheel already on this machine (a pip
# find-links folder) is used as it is; otherwise it comes from PyTorch's CPU wheel index,
# since PyPI's Linux torch is the CUDA build.
TORCH       ?= torch==2.13.0
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu
$(VENV)/.installed: pyproject.toml $(PINS) | $(BIN)/python
	$(BIN)/pip install -q --no-index --no-deps '$(TORCH)' 2>/dev/null \
	  || $(BIN)/pip install -q --no-deps '$(TORCH)' --index-url $(TORCH_INDEX)
	$(BIN)/pip install -q '$(TORCH)'
	$(BIN)/pip install -q $(PIN) -e '.[all]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(PINS) $(VENV)/.installed
	$(BIN)/pip install -q $(PIN) -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev browser

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-lohit-deva >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-lohit-deva >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "note: chromium not installed (run as root or: sudo apt-get install chromium)"; fi; \
	fi

run: install
	$(BIN)/summarize run seeds/ --config $(CONFIG) --out $(OUT)

test: install-dev
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check summarize tests app.py benchmarks
	$(BIN)/ruff format --check summarize tests app.py benchmarks
	$(BIN)/mypy summarize

# The versions of the packages that matter most, as installed (CI prints them for each run).
versions:
	@$(BIN)/python -c "import importlib.metadata as m; print('  '.join(f'{p} {m.version(p)}' for p in ('torch','transformers','tokenizers','huggingface_hub','ctranslate2','gradio','datasets','sentence-transformers')))"

# Rewrite constraints.txt from this venv (run after `make test PINS=` passed on a fresh venv).
lock:
	@echo "# Exact versions the test suite passed with (make lock, $$(date -u +%F)); see README 'Tested versions'." > constraints.txt
	$(BIN)/pip list --format=freeze --exclude-editable | grep -vE '^(pip|setuptools|wheel)==' | sed 's/+cpu$$//' >> constraints.txt

bench: install-dev
	$(BIN)/python -m benchmarks.engines

clean-venv:
	rm -rf $(VENV)
