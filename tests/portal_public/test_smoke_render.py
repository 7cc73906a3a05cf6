import pytest

from tests.portal_public.vacancy import make_vacancy


@pytest.mark.django_db
def test_it_renders_shell_pages(client):
    make_vacancy()
    for url in ["/", "/vacatures/maatschappelijk-werker/", "/toegankelijkheid/", "/privacy/", "/account/login/",
                "/account/signup/", "/account/password/reset/", "/account/login/code/"]:
        response = client.get(url)
        assert response.status_code == 200, url
