"""Length limits on text inputs: what the column holds, checked on the server, with a Dutch message beyond it.

The limit never becomes a maxlength attribute: a browser cuts pasted text at it without a word, and the cut value
would then be accepted (a cut e-mail address gets the mail meant for someone else).
"""

from django.core.validators import MaxLengthValidator


def limit_length(field, limit, message):
    """Refuse values longer than `limit` with `message` (it may use %(limit_value)d and %(show_value)d)."""
    field.max_length = limit
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    field.validators.append(MaxLengthValidator(limit, message=message))
    field.widget.attrs.pop("maxlength", None)
    return field
