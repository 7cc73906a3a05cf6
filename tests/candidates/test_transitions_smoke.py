import pytest

from candidates.models import Ban, PoolEntry
from candidates.stages import Stage
from candidates.transitions import TransitionRefused, change_stage
from communications.models import Mail


@pytest.mark.django_db
def test_it_walks_screening_to_waitlist(application, hr):
    change_stage(application, to=Stage.ELIGIBLE, by=hr)
    change_stage(application, to=Stage.INTAKE_INVITED, by=hr)
    change_stage(application, to=Stage.WAITLIST, by=hr)
    application.refresh_from_db()
    assert application.stage == Stage.WAITLIST
    assert list(application.transitions.values_list("to_stage", flat=True)) == [
        Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.WAITLIST]
    assert PoolEntry.objects.get(application=application).kind == PoolEntry.Kind.WAITLIST
    assert Mail.objects.for_object(application).count() == 3


@pytest.mark.django_db
def test_it_refuses_screening_to_offer(application, hr):
    with pytest.raises(TransitionRefused):
        change_stage(application, to=Stage.OFFER, by=hr)
    application.refresh_from_db()
    assert application.stage == Stage.SCREENING
    assert not application.transitions.exists()
    assert not Ban.objects.exists()
