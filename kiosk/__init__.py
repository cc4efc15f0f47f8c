"""Core of the legal service hall kiosk: settings, session, services, CLI."""

__version__ = "0.1.0"
