"""Qt widgets of the kiosk: the shell, the screens and shared touch widgets."""

import kiosk  # noqa: F401 - applies kiosk.qt_workarounds before any widget exists
