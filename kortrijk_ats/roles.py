"""The people who work in the system, as Django groups. One place names them."""

HR = "Selectieteam"
INTERVIEWER = "Interviewer"
JUROR = "Jurylid"

ALL_ROLES = (HR, INTERVIEWER, JUROR)


def has_role(user, role):
    if not (user and user.is_authenticated and user.is_active):
        return False
    # Group names are cached on the user object for the length of a request.
    if not hasattr(user, "_role_names"):
        user._role_names = set(user.groups.values_list("name", flat=True))
    return role in user._role_names


def is_hr(user):
    return bool(user and user.is_active and user.is_superuser) or (
        has_role(user, HR) and user.is_staff
    )
