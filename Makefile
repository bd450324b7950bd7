# Wayfare: `make demo` serves the product with the demo story; `make test` runs the whole suite.
# Both install what they need: uv (from PyPI), the locked Python dependencies, and the Debian packages
# the suite uses (chromium for browser tests, CJK fonts, gettext).

SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
WAYFARE := $(UV) run --locked wayfare
APT_PACKAGES := chromium fonts-noto-cjk gettext
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test bootstrap system-packages messages lint typecheck serve test-python ci

bootstrap:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	@$(UV) sync --locked --quiet

system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

messages: bootstrap
	@command -v msgfmt >/dev/null 2>&1 || $(MAKE) --no-print-directory system-packages
	@cd src/wayfare && $(WAYFARE) compilemessages --ignore=.venv -v0

demo: bootstrap messages
	$(WAYFARE) migrate --no-input -v0
	$(WAYFARE) demo
	@echo ""
	@echo "Wayfare is at http://$(HOST):$(PORT)/  (log in with one of the accounts above; Ctrl+C stops it)"
	@echo ""
	@$(MAKE) --no-print-directory serve

serve:
	@trap 'kill 0' EXIT INT TERM; \
	DEBUG=true $(WAYFARE) db_worker --queue-name default >/dev/null 2>&1 & \
	DEBUG=true $(WAYFARE) runserver $(HOST):$(PORT) --noreload

lint: bootstrap
	$(UV) run --locked ruff check src benchmarks tools conftest.py
	$(UV) run --locked ruff format --check src benchmarks tools conftest.py
	$(WAYFARE) makemigrations --check --dry-run -v1

typecheck: bootstrap
	$(UV) run --locked mypy src/wayfare

test-python:
	$(UV) run --locked pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test: bootstrap system-packages messages lint typecheck test-python
