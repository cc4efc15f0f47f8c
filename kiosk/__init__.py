"""Core of the legal service hall kiosk: settings, session, services, CLI."""

from kiosk.qt_workarounds import keep_bool_singletons_alive

__version__ = "0.1.0"

# Before any Qt signal is emitted (see kiosk/qt_workarounds.py).
keep_bool_singletons_alive()
