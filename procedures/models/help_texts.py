"""The help texts HR reads under the fields of several models: the internal note and the long texts' convention."""

from django.utils.translation import gettext_lazy as _

INTERNAL_NOTE_HELP = _("Alleen voor het selectieteam in de back office; komt nooit op een publieke pagina.")
# The convention of the long texts (procedures/templatetags/plain_text.py renders it), told where HR types them.
PLAIN_TEXT_HELP = _("Een lege regel begint een nieuwe alinea. Een regel die begint met ‘- ’ is een punt van een lijst, "
                    "met twee spaties ervoor (‘  - ’) een subpunt; ‘1. ’ begint een genummerd punt. Webadressen "
                    "worden links.")
