"""Accessibility statement and privacy notice: reachable from every page, with the facts they must state."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_footer_links_the_statement_privacy_notice_and_contact(client):
    html = client.get("/").content.decode()
    assert 'href="/toegankelijkheid/"' in html
    assert 'href="/privacy/"' in html
    assert 'href="mailto:vacatures@kortrijk.be"' in html


def test_the_accessibility_statement_names_the_norm_the_tests_and_a_contact(client):
    html = client.get("/toegankelijkheid/").content.decode()
    assert "WCAG" in html and "2.1" in html and "niveau AA" in html
    assert "axe-core" in html and "320 pixels" in html
    assert "mailto:vacatures@kortrijk.be" in html


def test_the_privacy_notice_states_retention_the_ban_rights_and_the_configured_dpo(client, settings):
    settings.PRIVACY_DPO_CONTACT = "Jan Privacy, dpo@example.org"
    html = client.get("/privacy/").content.decode()
    assert "1 jaar na de beslissing" in html
    assert "1 jaar niet opnieuw deelnemen" in html
    assert "inkijken" in html and "wissen" in html
    assert "Contacteer Jan Privacy, dpo@example.org." in html


def test_the_language_switch_is_a_labelled_post_form_with_csrf(client):
    client = type(client)(enforce_csrf_checks=True)
    html = client.get("/").content.decode()
    form_at = html.index('action="/i18n/setlang/"')
    form_html = html[html.rindex("<form", 0, form_at):html.index("</form>", form_at)]
    assert 'method="post"' in form_html
    assert 'name="csrfmiddlewaretoken"' in form_html
    assert '<button type="submit"' in form_html and 'value="en"' in form_html and "English" in form_html
