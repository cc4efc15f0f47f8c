"""Core of the legal service hall kiosk: settings, session, services, CLI."""

from kiosk.refcount_guard import protect_bool_singletons

__version__ = "0.1.0"

# Before any Qt signal is emitted: see kiosk/refcount_guard.py.
protect_bool_singletons()
