"""Every dialog the app shows goes through :class:`Dialogs`, so tests can replace them."""
from .dialogs import Dialogs

__all__ = ["Dialogs"]
