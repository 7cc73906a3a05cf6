#!/usr/bin/env bash
# Refresh locale/{en,nl}/LC_MESSAGES/django.po from the sources and compile the .mo files (needs gettext).
# Msgids are Dutch (the portal's first language); locale/en holds the English, locale/nl only fills gaps
# in Django's and allauth's Dutch. The .mo files are committed so a fresh machine needs no gettext.
set -euo pipefail
cd "$(dirname "$0")/.."
DEBUG=true .venv/bin/python manage.py makemessages -l en -l nl --no-obsolete \
  --ignore=.venv --ignore=var --ignore=node_modules --ignore=tests --ignore=bench --ignore=test-artifacts
for lang in en nl; do
  po="locale/$lang/LC_MESSAGES/django.po"
  # msgmerge's fuzzy guesses are wrong more often than not here: keep the header, drop the guesses.
  sed -i '1,8{/^#, fuzzy$/d}' "$po"
  msgattrib --clear-fuzzy --empty -o "$po" "$po"
  msgfmt --check-format -o "locale/$lang/LC_MESSAGES/django.mo" "locale/$lang/LC_MESSAGES/django.po"
done
echo "Translations compiled. Untranslated English entries:"
msgattrib --untranslated --no-obsolete locale/en/LC_MESSAGES/django.po | grep -c '^msgid ' || true
