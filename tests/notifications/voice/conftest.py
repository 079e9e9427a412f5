import datetime as dt

import pytest
from django.utils import timezone

from tests.notifications.helpers import a_date


def in_days(days):
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.fixture
def week(site_tree):
    """This week: two activities in Estrie (the first offers a ride), one in Montréal;
    next month one more in Estrie, which no call reads."""
    soccer = a_date(
        title="Soccer", first_date=in_days(1), municipality="Coaticook", transport_provided=True
    )
    cooking = a_date(title="Atelier de cuisine", first_date=in_days(3), municipality="Sherbrooke")
    montreal = a_date(title="Soirée montréalaise", first_date=in_days(2), region="06")
    a_date(title="Plus tard", first_date=in_days(30))
    return {"soccer": soccer, "cooking": cooking, "montreal": montreal}
