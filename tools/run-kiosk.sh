#!/usr/bin/env bash
# Starts the kiosk on its embedded default. With no display it says so and
# runs it on a virtual screen (Xvfb), where a screenshot tour also works.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
  exec .venv/bin/legal-kiosk run "$@"
fi
echo "No display found: starting the kiosk on a virtual 1920x1080 screen (Xvfb)."
echo "To see every screen instead, run: make screenshots  (PNG files in docs/screens/)"
exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" .venv/bin/legal-kiosk run "$@"
