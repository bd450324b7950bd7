"""Wayfare's settings, read from the environment (twelve-factor).

Variables: ``DATABASE_URL`` (default: SQLite file in ``WAYFARE_DATA_DIR``), ``SECRET_KEY``, ``DEBUG``,
``ALLOWED_HOSTS``, ``CSRF_TRUSTED_ORIGINS``, ``EMAIL_URL``, ``DEFAULT_FROM_EMAIL``, ``WAYFARE_DATA_DIR``,
``WAYFARE_TASKS`` (``database``, the default, or ``immediate``), ``SECURE_SSL_REDIRECT``,
``WAYFARE_API_TOKEN_DAYS`` / ``WAYFARE_API_TOKEN_MAX_DAYS`` (API token lifetime: default and longest),
``WAYFARE_LOGIN_FAILURE_LIMIT`` / ``WAYFARE_LOGIN_COOLOFF_MINUTES`` (failed logins before a lockout, and
its length), ``WAYFARE_PASSWORD_RESET_LIMIT`` (reset requests per hour per address and per e-mail),
``WAYFARE_BASE_URL`` (the start of links in e-mails), ``WAYFARE_REMINDERS_INTERVAL`` (minutes between
runs of the periodic reminders task). ``EMAIL_URL`` defaults to ``consolemail://`` (e-mails printed by
the process that sends them); SMTP is e.g. ``smtp+tls://user:password@mail.example.org:587``.

``SECRET_KEY`` must be set when ``DEBUG`` is off (a deployment): Wayfare refuses to start without it
rather than sign sessions and tokens with a key everyone knows. ``make demo`` keeps a random one in
``data/secret_key``.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
DATA_DIR = Path(env.str("WAYFARE_DATA_DIR", default=str(Path.cwd() / "data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

_INSECURE_KEY = "django-insecure-wayfare-development-key-change-me-in-production-0123456789"
SECRET_KEY = env.str("SECRET_KEY", default="") or (_INSECURE_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. A deployment (DEBUG off) needs its own secret key: set the SECRET_KEY "
        "environment variable to a long random value (for example the output of "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), or set DEBUG=true for local "
        "development. `make demo` creates one in data/secret_key."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "wayfare.core.admin_site.WayfareAdminConfig",  # the admin, for superusers only (issue #11)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "django_countries",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "wayfare.core",
    "wayfare.parties",
    "wayfare.analytics",
    "wayfare.assessments",
    "wayfare.relationships",
    "wayfare.journeys",
    "wayfare.catalog",
    "wayfare.agreements",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wayfare.core.middleware.DatabaseBusyMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a lockout into its page
]

ROOT_URLCONF = "wayfare.urls"
WSGI_APPLICATION = "wayfare.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Core's templates come first, so its registration/* pages win over the admin's.
        "DIRS": [BASE_DIR / "core" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wayfare.core.context_processors.navigation",
                "wayfare.core.context_processors.reminders",
            ],
        },
    },
]

_SQLITE_URL = f"sqlite:///{DATA_DIR / 'wayfare.sqlite3'}"
# An empty DATABASE_URL counts as unset.
DATABASES = {"default": env.db_url_config(env.str("DATABASE_URL", default="") or _SQLITE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web process and the task worker share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            # Write transactions take the lock at BEGIN: no "database is locked" from upgrading a read
            # lock mid-transaction (issue #11); a busy lock after the timeout answers 503 (core.middleware).
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes checks every login (the login page, the admin's, anything calling authenticate()) first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force protection (issue #11). Failures are counted per account (from any address) and, apart,
# per address (on any account); either reaching the limit locks that login until the cool-off ends.
# Per account stops a guesser who spreads 30 tries over many addresses; per address stops one address
# trying a few passwords on many accounts. The price of the per-account count is that a stranger can lock
# an account for the cool-off; a superuser lifts it early with `wayfare axes_reset_username <name>`.
# Behind a reverse proxy, the address is REMOTE_ADDR as the proxy passes it (see django-axes' docs).
AXES_FAILURE_LIMIT = env.int("WAYFARE_LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("WAYFARE_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "wayfare.core.lockout.lockout_response"
AXES_VERBOSE = False
# Password-reset requests per hour, counted per address and per e-mail (core.lockout).
WAYFARE_PASSWORD_RESET_LIMIT = env.int("WAYFARE_PASSWORD_RESET_LIMIT", default=5)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["wayfare.formats"]  # one date and one datetime format per language (#11)

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="wayfare@localhost")
# Reminders (core.reminders, issue #12): links in e-mails start with WAYFARE_BASE_URL; the periodic run on
# the task worker repeats every WAYFARE_REMINDERS_INTERVAL minutes.
WAYFARE_BASE_URL = env.str("WAYFARE_BASE_URL", default="http://127.0.0.1:8000")
WAYFARE_REMINDERS_INTERVAL = env.int("WAYFARE_REMINDERS_INTERVAL", default=15)

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env.str("WAYFARE_TASKS", default="database") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "wayfare.core.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["wayfare.core.api.permissions.RestrictedModelPermissions"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "wayfare.core.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Wayfare API",
    "DESCRIPTION": "Service relationships, customer journeys and journey analytics.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set used by several fields (issue #12), so clients see one enum each.
    "ENUM_NAME_OVERRIDES": {
        "JourneyStepEnum": "wayfare.relationships.models.JourneyStep",
        "LadderStageEnum": "wayfare.relationships.models.LadderStage",
        "InternalExternalEnum": "wayfare.parties.models.OrganisationKind",  # also a stakeholder's side
        "StakeholderKindEnum": "wayfare.relationships.models.StakeholderKind",
        "ContactKindEnum": "wayfare.relationships.models.ContactKind",
        "LevelEnum": "wayfare.catalog.models.Level",  # a risk's likelihood and impact
        "StakeholderApproachEnum": "wayfare.relationships.models.StakeholderApproach",
        "TreeApproachEnum": "wayfare.catalog.models.TreeApproach",  # both fields are called "approach"
        "FrequencyEnum": "wayfare.agreements.models.Frequency",  # measured every, reviewed every
        "MeasuringPartyEnum": "wayfare.agreements.models.MeasuringParty",  # measured by, tracked by
    },
    # The schema and the docs need a login, like the rest of the API (issue #11).
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SERVE_AUTHENTICATION": [
        "wayfare.core.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
}

# API tokens (core.tokens): lifetime in days when issued, by default and at most.
WAYFARE_API_TOKEN_DAYS = env.int("WAYFARE_API_TOKEN_DAYS", default=90)
WAYFARE_API_TOKEN_MAX_DAYS = env.int("WAYFARE_API_TOKEN_MAX_DAYS", default=365)

DJANGO_TABLES2_TEMPLATE = "generic/table.html"
DJANGO_TABLES2_PAGE_RANGE = 8

# A deployment (DEBUG off, hence a real SECRET_KEY) is served over HTTPS: secure cookies, redirect to
# HTTPS and HSTS are on unless switched off one by one; a local run without a key stays plain HTTP.
_DEPLOYED = not DEBUG and SECRET_KEY != _INSECURE_KEY
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=_DEPLOYED)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_DEPLOYED)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if _DEPLOYED else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=SECURE_HSTS_SECONDS > 0)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load-balancer probes may speak plain HTTP
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Event logs imported for journey analytics are kept as Parquet files here.
WAYFARE_EVENTLOG_DIR = DATA_DIR / "eventlogs"
