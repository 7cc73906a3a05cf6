"""Text people type into a form: one rule for all of it, and the form fields that apply it.

`clean_typed_text` owns the rule (see its docstring). Every form that takes text uses one of the three fields
below, each with a length the database holds and a Dutch message beyond it; the back office's model forms get
them through `TypedTextAdminMixin`. A name is shown isolated (`{{ name|bdi }}`, kortrijk_ats/names.py).
"""

import re
import unicodedata
from enum import Enum

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Every line break str.splitlines knows (CR LF, CR, LF, VT, FF, FS, GS, RS, NEL, LS, PS): one break each.
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
INVISIBLE = {"Cc", "Cf"}  # control characters (BEL, ESC, tab, ...) and format characters (bidi, zero-width, BOM)
ADMIN_TEXT_MAX = 20_000  # a long text in the back office (vacancy texts, mail templates, letters) without a limit

TOO_LONG = _("Gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d): maak de tekst korter.")
NUL_REFUSED = _("Deze tekst bevat een ongeldig teken (een nulteken). Typ de tekst opnieuw in plaats van hem te "
                "plakken.")
NAME_REFUSED = _("Een naam mag geen onzichtbare tekens of stuurtekens bevatten (zoals een tekenrichtingsteken, een "
                 "teken zonder breedte, een tab of een regeleinde). Typ de naam opnieuw in plaats van hem te plakken.")


class Kind(Enum):
    NAME = "name"  # a person's name: one line, refused when it holds an invisible character
    LINE = "line"  # any other one-line input: invisible characters dropped, a line break becomes a space
    TEXT = "text"  # free text (textarea): invisible characters dropped, line breaks and tabs kept


def _invisible(character):
    return unicodedata.category(character) in INVISIBLE


def clean_typed_text(value, *, kind):
    """The text as it is kept: Unicode NFC, without the characters that are invisible or steer the display.

    - Every kind: NFC (an é typed as e + accent becomes one character); a NUL is refused (PostgreSQL cannot hold
      it and no keyboard types it).
    - NAME: a control or format character (Unicode Cc, Cf: BEL, ESC, tab, CR/LF, the direction overrides and
      isolates U+202A–U+202E and U+2066–U+2069, LRM/RLM, zero-width U+200B–U+200D, U+FEFF, soft hyphen) or a
      line/paragraph separator is refused with a Dutch message: a name is shown to others, and an override in
      it reverses the rest of their line.
    - LINE: each line break becomes a space, a tab a space; every other Cc/Cf character is dropped.
    - TEXT: each line break (CR LF, CR, U+2028, ...) becomes LF; LF and tab stay; every other Cc/Cf is dropped.
    Dropped characters are invisible, so no text a person can see is lost; the ends are stripped afterwards.
    """
    text = unicodedata.normalize("NFC", value)
    if "\x00" in text:
        raise ValidationError(NUL_REFUSED, code="null_characters_not_allowed")
    if kind is Kind.NAME:
        if any(_invisible(character) or LINE_BREAK.match(character) for character in text):
            raise ValidationError(NAME_REFUSED, code="invisible_character")
        return text.strip()
    if kind is Kind.LINE:
        text, kept = LINE_BREAK.sub(" ", text).replace("\t", " "), ""
    else:
        text, kept = LINE_BREAK.sub("\n", text), "\n\t"
    return "".join(c for c in text if c in kept or not _invisible(c)).strip()


def comparable_email(address):
    """An e-mail address as the system keeps and compares it: one Unicode form (NFC: the same mailbox however its
    letters were typed), no surrounding spaces, lower case. The one rule for HR's entries, the external expert's
    invitation, finding the account of an address, mails following an account and a ban's address keys."""
    return unicodedata.normalize("NFC", address or "").strip().lower()


class _TypedTextField(forms.CharField):
    """A CharField that keeps text by clean_typed_text and says in Dutch when it is too long.

    The input has no maxlength attribute: a browser cuts pasted text at maxlength without a word, the form's
    message explains instead and the text comes back whole.
    """

    kind = Kind.LINE
    default_error_messages = {"max_length": TOO_LONG}

    def __init__(self, *, max_length, **kwargs):
        super().__init__(max_length=max_length, **kwargs)  # required: each form says what the database holds

    def to_python(self, value):
        text = super().to_python(value)
        return clean_typed_text(text, kind=self.kind) if text else text

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class NameField(_TypedTextField):
    kind = Kind.NAME


class LineField(_TypedTextField):
    kind = Kind.LINE


class FreeTextField(_TypedTextField):
    kind = Kind.TEXT
    widget = forms.Textarea


PERSON_NAME_FIELDS = {"first_name", "last_name"}


class TypedTextAdminMixin:
    """The back office's model forms take text by the same rule: names, one-line text, free text with a limit."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if not db_field.choices and type(db_field) is models.CharField:
            kwargs.setdefault("form_class", NameField if db_field.name in PERSON_NAME_FIELDS else LineField)
        elif not db_field.choices and type(db_field) is models.TextField:
            kwargs.setdefault("form_class", FreeTextField)
            kwargs.setdefault("max_length", db_field.max_length or ADMIN_TEXT_MAX)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

