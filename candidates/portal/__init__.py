"""The candidate's own part of the portal: apply, follow the applications, see and erase own data."""
