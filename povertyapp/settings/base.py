"""Settings shared by every environment. Environment-specific files import this."""

from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONE, SELF

from povertyapp.caching import caches_for
from povertyapp.database import database_from_url
from povertyapp.env import env, env_bool, env_float, env_int, env_list, tile_source
from povertyapp.sentry import init_sentry

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env("DJANGO_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", "local-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "axes",
    "django_tables2",
    "django_filters",
    "directory",
    "plans",
    "households",
    "reports",
    "dashboard",
    "funds",
    "accounts",
    "ops",
    "health_check",  # its HTML page template (ops.health builds the checks)
    "rest_framework",
    "drf_spectacular",
    "api",
]

MIDDLEWARE = [
    "povertyapp.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "povertyapp.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.IdleSessionMiddleware",
    "directory.account_views.ForcePasswordChangeMiddleware",
    "accounts.middleware.ExportAuditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "povertyapp.urls"
WSGI_APPLICATION = "povertyapp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "directory.context_processors.navigation",
            ],
        },
    },
]

# SQLite file by default so the app runs with no service; DATABASE_URL points
# it at PostgreSQL (CI, production).
DATABASES = {
    # Persistent connections, checked before reuse (a restarted server costs one error-free reconnect); no JIT
    # on PostgreSQL (povertyapp.database).
    "default": database_from_url(env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
                                 conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60))
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "directory.User"
CSRF_FAILURE_VIEW = "directory.views.csrf_failure"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Passwords common in Vietnam (matkhau123, anhyeuem, ...): accounts/common_passwords_vi.txt.
    {"NAME": "accounts.passwords.VietnameseCommonPasswordValidator"},
]

# --- Login throttling (django-axes) --------------------------------------------
# AxesStandaloneBackend first: a locked-out username or IP address is refused before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Counted per account and, separately, per IP address (accounts.throttle): an account is locked after
# AXES_FAILURE_LIMIT wrong passwords; an address (a commune office behind one NAT) only after the higher
# AXES_IP_FAILURE_LIMIT, so colleagues' typos never lock an account that did not fail.
AXES_HANDLER = "accounts.throttle.AccountOrAddressHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_IP_FAILURE_LIMIT = env_int("AXES_IP_FAILURE_LIMIT", 50)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout_response"
AXES_ENABLE_ADMIN = False  # accounts.admin shows the lockouts in Vietnamese, with an unlock action
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "accounts.network.client_ip"
# How many reverse proxies in front of the app append to X-Forwarded-For (0: use the connection's address).
TRUSTED_PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)

# --- Sessions ----------------------------------------------------------------------
# Users who see household data are signed out after this many seconds without a request (0: never).
SESSION_IDLE_TIMEOUT = env_int("DJANGO_SESSION_IDLE_MINUTES", 30) * 60

LANGUAGE_CODE = "vi"
# Vietnamese only: a browser asking for English would otherwise get Django's own strings in English
# beside the app's Vietnamese ones (the app has no English catalogue).
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["povertyapp.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploaded Excel files are read in memory up to this size; imports refuse larger ones.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Files attached to task progress reports (PDF, Word, Excel, images): refused above this size.
TASK_ATTACHMENT_MAX_SIZE = env_int("TASK_ATTACHMENT_MAX_SIZE", 10 * 1024 * 1024)
IMPORT_MAX_FILE_SIZE = env_int("IMPORT_MAX_FILE_SIZE", 20 * 1024 * 1024)
# Limits every Excel import enforces while reading (directory.xlsx_guard, the readers, the validators):
# data rows per file, faults listed before the rest are only counted, uncompressed size of the .xlsx,
# characters in one cell, and the ranges of the numbers people type.
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 200_000)
IMPORT_MAX_FAULTS = env_int("IMPORT_MAX_FAULTS", 500)
IMPORT_MAX_UNCOMPRESSED_SIZE = env_int("IMPORT_MAX_UNCOMPRESSED_SIZE", 400 * 1024 * 1024)
IMPORT_MAX_CELL_LENGTH = env_int("IMPORT_MAX_CELL_LENGTH", 2_000)
# A web upload larger than this (bytes) is imported by the worker (households.importing.jobs): the page shows
# a progress bar (rows read / checked / written) and then the result. Smaller files are imported at once.
IMPORT_BACKGROUND_THRESHOLD = env_int("IMPORT_BACKGROUND_THRESHOLD", 1024 * 1024)
# The import job's worker writes its progress and heartbeat this often; a job whose heartbeat is older than
# IMPORT_JOB_STALE_SECONDS (worker killed) or PENDING longer than IMPORT_JOB_PENDING_SECONDS (message lost)
# is queued again by the every-minute recovery task, up to IMPORT_JOB_MAX_ATTEMPTS attempts.
IMPORT_JOB_HEARTBEAT_SECONDS = env_float("IMPORT_JOB_HEARTBEAT_SECONDS", 2)
IMPORT_JOB_STALE_SECONDS = env_int("IMPORT_JOB_STALE_SECONDS", 90)
IMPORT_JOB_PENDING_SECONDS = env_int("IMPORT_JOB_PENDING_SECONDS", 5 * 60)
IMPORT_JOB_MAX_ATTEMPTS = env_int("IMPORT_JOB_MAX_ATTEMPTS", 3)
MAX_INCOME_PER_CAPITA = 1_000_000_000  # đồng per person per month
MAX_HOUSEHOLD_MEMBERS = 50

# --- Security headers -------------------------------------------------------
# Content-Security-Policy (django-csp): scripts and styles only from our own static files. No inline
# <script>, no on*="..." handlers, no style="..." attributes: put JS in static/js/ (or the app's static
# folder) and wire it with data attributes; pass data to scripts with {{ value|json_script:"id" }}.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The dashboard map's background tiles (Leaflet URL template, e.g. https://tile.example.vn/{z}/{x}/{y}.png, or
# a path on this site): off by default, so the map works on an intranet with no internet (marks over the
# province's outline box). When set, its host is allowed as an image source, and nothing else is.
DASHBOARD_MAP_TILES_URL = env("DASHBOARD_MAP_TILES_URL", "")
DASHBOARD_MAP_TILES_ATTRIBUTION = env("DASHBOARD_MAP_TILES_ATTRIBUTION", "")
if tile_source(DASHBOARD_MAP_TILES_URL):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(tile_source(DASHBOARD_MAP_TILES_URL))

# No page needs the camera, microphone, location, payment or USB; printing and downloads need nothing here.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()" for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb",
    )
)

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "giamngheo@localhost")

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"
DJANGO_TABLES2_PAGE_RANGE = 8

# Structured logs on stderr: key=value lines (DJANGO_LOG_FORMAT=json for JSON), each with the request id,
# the user, and one "request" line per request with its status and duration (povertyapp.logs).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "povertyapp.logs.RequestContextFilter"}},
    "formatters": {
        "kv": {"()": "povertyapp.logs.KeyValueFormatter"},
        "json": {"()": "povertyapp.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_context"],
            "formatter": "json" if env("DJANGO_LOG_FORMAT", "kv") == "json" else "kv",
        },
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
}

# --- Celery -----------------------------------------------------------------
# Local default: kombu's filesystem transport, so no broker service is needed.
# CELERY_BROKER_URL=redis://... switches to Redis (CI, production).
# "localhost" only silences kombu's "No hostname was supplied" warning: the filesystem transport ignores it.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "filesystem://localhost//")
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(VAR_DIR / "celery" / "queue"),
        "data_folder_out": str(VAR_DIR / "celery" / "queue"),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
    if CELERY_BROKER_URL.startswith("filesystem")
    else {}
)
CELERY_RESULT_BACKEND = None

# --- Cache ------------------------------------------------------------------
# The process's memory unless CACHE_URL names a Redis database (production defaults to the broker's Redis,
# database 1: povertyapp.settings.production). It holds the API's throttle counts and, in production, a copy
# of the sessions (povertyapp.sessions; the database keeps them); the login lockout (django-axes) is in the
# database.
CACHES = caches_for(env("CACHE_URL", ""), CELERY_BROKER_URL)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 30 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 25 * 60)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE: dict = {
    # Reports: open the runs of the current periods, build the reports coming due, fail stale jobs,
    # e-mail due-soon and overdue reminders (idempotent: a second run the same day does nothing more).
    "reports-daily": {
        "task": "reports.tasks.reports_daily_task",
        "schedule": crontab(hour=6, minute=0),
    },
    # Dashboard: recount the pre-aggregated figures of every commune (approvals and imports also
    # queue a refresh of their communes at once; this catches anything missed, e.g. a broker outage).
    # Operations: a worker writes its heartbeat every minute; /health/ fails when none is recent.
    "ops-worker-heartbeat": {
        "task": "ops.tasks.worker_heartbeat_task",
        "schedule": 60.0,
    },
    "dashboard-nightly": {
        "task": "dashboard.tasks.dashboard_refresh_all_task",
        "schedule": crontab(hour=1, minute=30),
    },
}

# Report builds survive a killed worker (reports.services.jobs): the building worker writes a heartbeat;
# a run whose heartbeat is older than REPORT_JOB_STALE_SECONDS, or that has run longer than
# REPORT_JOB_TIME_LIMIT_SECONDS, is failed and queued again by the recovery task (every
# REPORT_JOB_RECOVER_EVERY_SECONDS), up to REPORT_JOB_MAX_ATTEMPTS attempts in all.
REPORT_JOB_HEARTBEAT_SECONDS = env_int("REPORT_JOB_HEARTBEAT_SECONDS", 15)
REPORT_JOB_STALE_SECONDS = env_int("REPORT_JOB_STALE_SECONDS", 90)
REPORT_JOB_TIME_LIMIT_SECONDS = env_int("REPORT_JOB_TIME_LIMIT_SECONDS", 15 * 60)
REPORT_JOB_MAX_ATTEMPTS = env_int("REPORT_JOB_MAX_ATTEMPTS", 3)
# A run PENDING this long with its message picked up by no worker (the message was lost) is sent again by
# the same recovery task, counted as a failed attempt (reports.services.jobs.resend_lost_jobs).
REPORT_JOB_PENDING_SECONDS = env_int("REPORT_JOB_PENDING_SECONDS", 5 * 60)
REPORT_JOB_RECOVER_EVERY_SECONDS = env_int("REPORT_JOB_RECOVER_EVERY_SECONDS", 60)
CELERY_BEAT_SCHEDULE["reports-recover"] = {
    "task": "reports.tasks.reports_recover_task",
    "schedule": float(REPORT_JOB_RECOVER_EVERY_SECONDS),
}
# Background imports: the same recovery for a killed worker or a lost message (households.importing.jobs).
CELERY_BEAT_SCHEDULE["imports-recover"] = {
    "task": "households.tasks.import_jobs_recover_task",
    "schedule": float(REPORT_JOB_RECOVER_EVERY_SECONDS),
}

# Health check (/health/): the newest worker heartbeat may be this old (seconds); the media disk this full (%).
HEALTH_WORKER_MAX_AGE = env_int("HEALTH_WORKER_MAX_AGE", 5 * 60)
HEALTH_DISK_MAX_PERCENT = env_int("HEALTH_DISK_MAX_PERCENT", 90)

# Error reporting: Sentry when SENTRY_DSN is set (SENTRY_ENVIRONMENT, SENTRY_RELEASE); off otherwise.
SENTRY_ENABLED = init_sentry(env("SENTRY_DSN", ""), environment=env("SENTRY_ENVIRONMENT", "production"))

# Reports: how many days before a deadline a run counts as "sắp đến hạn".
REPORT_DUE_SOON_DAYS = env_int("REPORT_DUE_SOON_DAYS", 7)
# A poverty report's figures may differ from the household registry by this many percent (at least one
# household) before the submitter must explain why in a note (reports.services.figures).
REPORT_REGISTRY_TOLERANCE_PERCENT = env_int("REPORT_REGISTRY_TOLERANCE_PERCENT", 5)

DEMO_MODE = env_bool("DJANGO_DEMO_MODE", False)

# plans must not import households (apps depend one way: directory <- plans,
# directory <- households). The quota allocation helper gets current poor
# household counts per commune through this dotted path instead.
POOR_HOUSEHOLD_COUNTS = "households.selectors.poor_household_counts"

# The home page's to-do list: one provider per app, ``provider(user, today) -> list[directory.todo.TodoItem]``.
HOME_TODO_PROVIDERS = [
    "households.todo.items",
    "reports.todo.items",
    "plans.todo.items",
    "dashboard.todo.items",
]

# --- REST API (/api/v1/, the ``api`` app) -------------------------------------------
# Token per user (created and revoked on the profile page, or with POST /api/v1/token/) and the browser's
# session (CSRF kept). JSON only: DRF's browsable pages would bring English text and inline scripts.
# Cursor pagination (no COUNT on a million households), a throttle per user, errors as Vietnamese JSON.
API_THROTTLE_USER = env("API_THROTTLE_USER", "1200/hour")
API_THROTTLE_ANON = env("API_THROTTLE_ANON", "60/hour")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.BearerOrTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Cursor",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.UserThrottle", "api.throttling.AnonThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": API_THROTTLE_USER, "anon": API_THROTTLE_ANON, "token": "20/hour"},
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": True,
    "DATE_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Chương trình giảm nghèo bền vững",
    "DESCRIPTION": (
        "Đọc và gửi dữ liệu của chương trình: đơn vị hành chính theo ngày (kèm kế thừa), kế hoạch, chỉ tiêu và "
        "kết quả, bảng chỉ tiêu giảm nghèo, hộ gia đình (thành viên, rà soát), biến động, kỳ báo cáo, số liệu "
        "tổng quan. Mỗi tài khoản chỉ thấy địa bàn của mình. Xác thực: `Authorization: Token <mã>` "
        "(tạo ở trang Tài khoản) hoặc phiên đăng nhập của trình duyệt."),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # drf-spectacular's enum hook, then ours: the database's integer column ranges left out (same schema on
    # SQLite and PostgreSQL).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema_hooks.drop_storage_bounds"],
    # Stable component names for the choice sets used in several places (the committed schema must not churn).
    "ENUM_NAME_OVERRIDES": {
        "UnitKindEnum": "directory.models.UnitKind",
        "PlanKindEnum": "plans.models.PlanKind",
        "CategoryEnum": "households.models.Category",
        "ReviewStatusEnum": "households.models.ReviewStatus",
    },
}
