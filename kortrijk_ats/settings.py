"""Settings, read from the environment with strict parsing.

Without DATABASE_URL / CELERY_BROKER_URL the system runs on embedded defaults that need
no server (a SQLite file, a filesystem broker) so that `make run` works on a bare machine.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("KATS_VAR_DIR", default=str(BASE_DIR / "var")))
# pytest-xdist runs the suite in several processes at once: each keeps its own files (secret key files, uploads) and
# Celery queue; pytest-django gives each its own test database.
_TEST_WORKER = environ.Env().str("PYTEST_XDIST_WORKER", default="")
if _TEST_WORKER:
    VAR_DIR = VAR_DIR / _TEST_WORKER

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: a random key kept on this machine, never in the repository.
    _key_file = VAR_DIR / "secret_key"
    if not _key_file.exists():
        _key_file.parent.mkdir(parents=True, exist_ok=True)
        _key_file.write_text(secrets.token_urlsafe(50))
    SECRET_KEY = _key_file.read_text().strip()
# The key of the ban's identity hash: its own key, so rotating SECRET_KEY does not lift every ban in force.
IDENTITY_HASH_KEY = env.str("IDENTITY_HASH_KEY", default="")
if not IDENTITY_HASH_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("IDENTITY_HASH_KEY must be set when DEBUG is off (keep it apart from SECRET_KEY).")
    _hash_key_file = VAR_DIR / "identity_hash_key"
    if not _hash_key_file.exists():
        _hash_key_file.parent.mkdir(parents=True, exist_ok=True)
        _hash_key_file.write_text(secrets.token_urlsafe(50))
    IDENTITY_HASH_KEY = _hash_key_file.read_text().strip()

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The public address of the portal, used for links in mails.
SITE_URL = env.url("SITE_URL", default="http://127.0.0.1:8000").geturl().rstrip("/")

INSTALLED_APPS = [
    "kortrijk_ats.apps.HRAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "crispy_forms",
    "crispy_bootstrap5",
    "allauth",
    "allauth.account",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "communications",
    "procedures",
    "pay",
    "candidates",
    "interviews",
    "offers",
    "reports",
    "workbench",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kortrijk_ats.staff_auth.SessionLimitsMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kortrijk_ats.headers.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last: turns a lockout into its answer (axes' docs ask for the end of the list).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kortrijk_ats.urls"
WSGI_APPLICATION = "kortrijk_ats.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kortrijk_ats.context_processors.portal",
            ],
            "builtins": ["kortrijk_ats.names"],  # {{ name|bdi }} everywhere
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'kortrijk_ats.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Local runs: web, worker threads and beat write at once; take the write lock at BEGIN and wait for it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=20, init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
if env.str("TEST_DB_NAME", default=""):
    # Lets parallel test runs on one server keep to their own test database.
    DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DB_NAME")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id first; the others only read hashes made before (upgraded at the next log-in).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username before any password is checked, and logs every attempt.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Candidates log in with their e-mail address (and by e-mailed code) through allauth.
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded documents live outside every web root and are served only through views that check access.
PRIVATE_STORAGE_ROOT = Path(env.str("PRIVATE_STORAGE_ROOT", default=str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": PRIVATE_STORAGE_ROOT, "base_url": None}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads are scanned by clamd (INSTREAM) when this is set, e.g. "127.0.0.1:3310"; unreachable means refused.
CLAMD_ADDRESS = env.str("CLAMD_ADDRESS", default="")
CLAMD_TIMEOUT = env.int("CLAMD_TIMEOUT", default=30)

# Candidates log in on the portal; the HR back office keeps its own /admin/login/.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/mijn-kandidaturen/"

# Candidate accounts (django-allauth): e-mail only, verified before first use; mails go through our outbox.
ACCOUNT_ADAPTER = "candidates.accounts.CandidateAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Stad Kortrijk: "
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Our subclasses of allauth's forms: an address or new password longer than its column is refused, never cut.
ACCOUNT_FORMS = {name: f"candidates.forms.account.{form}" for name, form in {
    "login": "LoginForm", "signup": "SignupForm", "add_email": "AddEmailForm", "reset_password": "ResetPasswordForm",
    "request_login_code": "RequestLoginCodeForm", "change_password": "ChangePasswordForm",
    "set_password": "SetPasswordForm", "reset_password_from_key": "ResetPasswordKeyForm"}.items()}

# What the portal shows as contact; the DPO text is the city's to configure.
PORTAL_CONTACT_EMAIL = env.str("PORTAL_CONTACT_EMAIL", default="vacatures@kortrijk.be")
PORTAL_CONTACT_PHONE = env.str("PORTAL_CONTACT_PHONE", default="056 27 85 03")
PRIVACY_DPO_CONTACT = env.str(
    "PRIVACY_DPO_CONTACT",
    default="de functionaris voor gegevensbescherming (DPO) van stad Kortrijk, via vacatures@kortrijk.be "
            "met als onderwerp 'privacy'",
)

# Portal and staff forms render through crispy-forms' Bootstrap 5 pack; templates/bootstrap5/ overrides its field,
# error and summary templates (asterisk hidden from screen readers, help and errors named by aria-describedby).
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
# Widgets render through the template setting too, so templates/admin/widgets/ can name the admin's inputs.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# crispy_field adds a widget's class name to its class; this names the Bootstrap class instead.
CRISPY_CLASS_CONVERTERS = {
    **dict.fromkeys(("textinput", "emailinput", "urlinput", "numberinput", "passwordinput", "dateinput",
                     "datetimeinput", "timeinput", "textarea", "fileinput", "clearablefileinput", "telinput"),
                    "form-control"),
    **dict.fromkeys(("select", "selectmultiple", "nullbooleanselect"), "form-select"),
    "checkboxinput": "form-check-input",
}

# Mail. Without EMAIL_URL mails are written as files a person can read in var/mail.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Stad Kortrijk selecties <vacatures@kortrijk.be>")
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# Outbox sending: transient SMTP errors are retried with exponential backoff (seconds), capped, then marked failed.
KATS_MAIL_MAX_ATTEMPTS = env.int("KATS_MAIL_MAX_ATTEMPTS", default=10)
KATS_MAIL_RETRY_BASE_DELAY = env.int("KATS_MAIL_RETRY_BASE_DELAY", default=60)
KATS_MAIL_RETRY_MAX_DELAY = env.int("KATS_MAIL_RETRY_MAX_DELAY", default=900)
# The sweep: a mail "sending" this long (seconds) had its worker die; a queued mail waiting this long lost its task.
KATS_MAIL_STUCK_SENDING_AFTER = env.int("KATS_MAIL_STUCK_SENDING_AFTER", default=600)
KATS_MAIL_STALE_QUEUED_AFTER = env.int("KATS_MAIL_STALE_QUEUED_AFTER", default=300)

# Celery. The filesystem transport needs no server; production points CELERY_BROKER_URL at Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    _broker_dir = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "out"),
        "data_folder_out": str(_broker_dir / "out"),
        "processed_folder": str(_broker_dir / "processed"),
        # Kombu keeps its exchange table here; its default is a "control" folder in the working directory.
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
else:
    # Socket timeouts: a publish to a hung broker must fail fast instead of hanging the web request.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="kortrijk_ats")
if _TEST_WORKER:
    CELERY_TASK_DEFAULT_QUEUE += f"_{_TEST_WORKER}"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing from a request gives up within seconds when the broker is down; the outbox sweep sends later.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "expire-pool-entries": {"task": "candidates.tasks.expire_pool_entries", "schedule": timedelta(hours=1)},
    "requeue-stuck-mails": {"task": "communications.tasks.requeue_stuck_mails", "schedule": timedelta(minutes=2)},
    "send-intake-reminders": {"task": "interviews.tasks.send_intake_reminders", "schedule": timedelta(minutes=10)},
    "send-jury-case-documents": {"task": "interviews.tasks.send_jury_case_documents",
                                 "schedule": timedelta(minutes=15)},
    # Retention: anonymise and erase what is due; idempotent, so a missed or doubled run does no harm.
    "run-retention": {"task": "candidates.tasks.run_retention", "schedule": timedelta(hours=6)},
    # Offers past their answer deadline expire; idempotent, so a missed or doubled run does no harm.
    "expire-offers": {"task": "offers.tasks.expire_offers", "schedule": timedelta(hours=1)},
    # Procedures open and close on their dates; idempotent. The apply path checks the dates itself, so a late run
    # only leaves the back office's status behind for a while.
    "open-and-close-procedures": {"task": "procedures.tasks.open_and_close_procedures",
                                  "schedule": timedelta(minutes=10)},
    # HR's daily summary: idempotent per day, so the later runs of the morning only catch up on a missed one.
    "send-werkbank-summaries": {"task": "workbench.tasks.send_daily_summaries",
                                "schedule": crontab(minute=0, hour="7-11")},
}

# Intake booking. Per-procedure values live in the back office (intake policy); these are the defaults.
KATS_INTAKE_CUTOFF_HOURS = env.int("KATS_INTAKE_CUTOFF_HOURS", default=24)
KATS_INTAKE_UNBOOKED_REMINDER_DAYS = env.int("KATS_INTAKE_UNBOOKED_REMINDER_DAYS", default=3)
# Offer step: the default days a candidate gets to answer an offer (HR may set another date when sending). How old a
# criminal-record extract may be is HR's setting on the function (the bundle names no age).
KATS_OFFER_RESPONSE_DAYS = env.int("KATS_OFFER_RESPONSE_DAYS", default=7)
# Online meeting links: "manual" (HR enters the Teams link) or "graph" (Microsoft Graph creates the meetings).
KATS_MEETING_PROVIDER = env.str("KATS_MEETING_PROVIDER", default="manual")
MS_GRAPH_TENANT_ID = env.str("MS_GRAPH_TENANT_ID", default="")
MS_GRAPH_CLIENT_ID = env.str("MS_GRAPH_CLIENT_ID", default="")
MS_GRAPH_CLIENT_SECRET = env.str("MS_GRAPH_CLIENT_SECRET", default="")
MS_GRAPH_URL = env.str("MS_GRAPH_URL", default="https://graph.microsoft.com/v1.0")
MS_GRAPH_LOGIN_URL = env.str("MS_GRAPH_LOGIN_URL", default="https://login.microsoftonline.com")
if KATS_MEETING_PROVIDER not in ("manual", "graph"):
    raise ImproperlyConfigured("KATS_MEETING_PROVIDER must be 'manual' or 'graph'.")

# Security. With DEBUG off these pass `manage.py check --deploy --fail-level WARNING`.
# Staff log-in (kortrijk_ats/staff_auth.py): a TOTP second factor, sessions end 30 min idle / 12 h after log-in.
OTP_TOTP_ISSUER = "Stad Kortrijk selecties"
KATS_STAFF_IDLE_SECONDS = env.int("KATS_STAFF_IDLE_SECONDS", default=30 * 60)
KATS_STAFF_MAX_SECONDS = env.int("KATS_STAFF_MAX_SECONDS", default=12 * 3600)
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Anonymous visitors get the public vacancy pages from a per-process copy at most this old (public_cache.py).
PUBLIC_PAGE_SECONDS = env.int("PUBLIC_PAGE_SECONDS", default=60)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public_pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "public-pages",
                     "OPTIONS": {"MAX_ENTRIES": 1000}},
}
# Lockout (django-axes): 10 failed log-ins on one account (username or e-mail, known or not) lock it 15 minutes,
# for the admin and the allauth log-in alike; every attempt lands in axes' access logs.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
# Per account, not per address: the city's staff share one outgoing address, and one bad actor must not lock them
# all out; allauth rate-limits failed log-ins per address on top (ACCOUNT_RATE_LIMITS' login_failed).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_CALLABLE = "kortrijk_ats.staff_auth.attempted_username"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "staff/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Content-Security-Policy (django-csp 4): nothing inline runs, nothing is framed, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # The handler has the level too: Django's own loggers (django.request's 4xx warnings) log at INFO and up.
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain",
                             "level": env.str("LOG_LEVEL", default="INFO")}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Every log-in attempt is already a row in axes' access logs; its log lines would only repeat them.
    "loggers": {"axes": {"level": "WARNING"}},
}
