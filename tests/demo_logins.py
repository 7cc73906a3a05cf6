"""Reading seed_demo's printed table of log-ins, as a person reads it: by its columns, nothing hard-coded."""

import re

HEADING = "Demo-aanmeldingen"
CANDIDATE_ROLE = "Kandidaat (fictief)"


def printed_logins(text):
    """The rows of the first table of log-ins in `text`, each a dict by column heading ("Rol", "E-mail", ...).

    The columns are read from the rule of dashes under the heading row; the table ends at the first blank line.
    """
    lines = text[text.index(HEADING):].splitlines()
    header, rule = lines[1], lines[2]
    spans = [match.span() for match in re.finditer(r"-+", rule)]
    spans[-1] = (spans[-1][0], None)  # the last column runs to the end of its line
    names = [header[start:end].strip() for start, end in spans]
    rows = []
    for line in lines[3:]:
        if not line.strip():
            break
        rows.append({name: line[start:end].strip() for name, (start, end) in zip(names, spans, strict=True)})
    return rows


def printed_candidates(text):
    """(e-mail, password, application) of each candidate account the table prints, once per account."""
    return [(row["E-mail"], row["Wachtwoord"], row["Kandidatuur"]) for row in printed_logins(text)
            if row["Rol"] == CANDIDATE_ROLE]
