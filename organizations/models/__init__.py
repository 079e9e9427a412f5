from .pages import OrganizationPage
from .regions import Region

__all__ = ["OrganizationPage", "Region"]
