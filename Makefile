# Wayfare: `make demo` serves the product with the demo story; `make test` runs the whole suite.
# Both install what they need: uv (from PyPI), the locked Python dependencies, and the Debian packages
# the suite uses (chromium for browser tests, CJK fonts, gettext, Pango for WeasyPrint's PDFs, poppler-utils
# for the PDF tests).

SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
# With DEBUG off Wayfare refuses to start without SECRET_KEY: unless one is given, the key is a random one
# made once and kept in the data folder (mode 600), so sessions survive a restart.
DATA_DIR := $(abspath $(or $(WAYFARE_DATA_DIR),data))
SECRET_KEY_FILE := $(DATA_DIR)/secret_key
WAYFARE := SECRET_KEY="$${SECRET_KEY:-$$(cat $(SECRET_KEY_FILE))}" $(UV) run --locked wayfare
APT_PACKAGES := chromium fonts-noto-cjk gettext libpango-1.0-0 libpangoft2-1.0-0 poppler-utils
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test bootstrap system-packages messages lint typecheck serve test-python ci

bootstrap: $(SECRET_KEY_FILE)
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	@$(UV) sync --locked --quiet

$(SECRET_KEY_FILE):
	@mkdir -p $(DATA_DIR)
	@(umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(50))' > $@)
	@chmod 600 $@

system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	/sbin/ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	command -v pdffonts >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
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

# The demo runs as a deployment would (DEBUG off: Wayfare's own error pages, static files from WhiteNoise),
# but over plain HTTP on this machine, so the HTTPS-only settings are off.
LOCAL_HTTP := SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0

# The worker runs background tasks, the periodic reminders run among them (scheduled here; see README).
# Its output, with the demo's e-mails (console backend), goes to data/worker.log.
serve: $(SECRET_KEY_FILE)
	@$(LOCAL_HTTP) $(WAYFARE) reminders --schedule >/dev/null || echo "Reminders not scheduled (run 'wayfare migrate' first)."
	@trap 'kill 0' EXIT INT TERM; \
	$(LOCAL_HTTP) $(WAYFARE) db_worker --queue-name default >>$(DATA_DIR)/worker.log 2>&1 & \
	$(LOCAL_HTTP) $(WAYFARE) runserver $(HOST):$(PORT) --noreload

lint: bootstrap
	$(UV) run --locked ruff check src benchmarks tools conftest.py
	$(UV) run --locked ruff format --check src benchmarks tools conftest.py
	$(WAYFARE) makemigrations --check --dry-run -v1

typecheck: bootstrap
	$(UV) run --locked mypy src/wayfare

test-python:
	$(UV) run --locked pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test: bootstrap system-packages messages lint typecheck test-python
