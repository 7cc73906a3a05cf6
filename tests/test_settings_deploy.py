"""Production settings: `check --deploy` passes with a production-like environment, and unsafe ones refuse to start."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# What a production host passes on besides the settings under test; nothing a test run exports leaks in.
PASSED_ON = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "DATABASE_URL", "CELERY_BROKER_URL")


def run_manage(*args, env_overrides, tmp_path):
    env = {key: os.environ[key] for key in PASSED_ON if key in os.environ}
    env["KATS_VAR_DIR"] = str(tmp_path / "var")
    env.update(env_overrides)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def production_env():
    return {"DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(64), "IDENTITY_HASH_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "selecties.kortrijk.be",
            "CSRF_TRUSTED_ORIGINS": "https://selecties.kortrijk.be", "SITE_URL": "https://selecties.kortrijk.be"}


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=production_env(),
                        tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_fails_when_debug_is_on(tmp_path):
    # The same check on a development environment must complain, or the test above proves nothing.
    result = run_manage("check", "--deploy", "--fail-level", "WARNING",
                        env_overrides={**production_env(), "DEBUG": "true"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "security.W018" in result.stderr + result.stdout


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off(tmp_path):
    result = run_manage("check", env_overrides={"DEBUG": "false"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr
    assert not (tmp_path / "var" / "secret_key").exists(), "no development key may be made for production"


def test_settings_refuse_to_start_without_identity_hash_key_when_debug_is_off(tmp_path):
    env = production_env()
    del env["IDENTITY_HASH_KEY"]
    result = run_manage("check", env_overrides=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "IDENTITY_HASH_KEY must be set" in result.stderr
    assert not (tmp_path / "var" / "identity_hash_key").exists(), "no development key may be made for production"


def test_debug_defaults_to_off(tmp_path):
    # Without DEBUG in the environment the settings take the production path and so demand a SECRET_KEY.
    result = run_manage("check", env_overrides={}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_turn_on_https_protection(tmp_path):
    code = ("from django.conf import settings as s; "
            "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)")
    result = run_manage("shell", "-c", code, env_overrides=production_env(), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True True True True"
