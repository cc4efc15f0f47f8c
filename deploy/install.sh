#!/usr/bin/env bash
# Installs the kiosk on a Debian 12 terminal: a "kiosk" user, the code in
# /opt/legal-kiosk with its own virtual environment, the config in
# /etc/legal-kiosk, and the two systemd units, enabled at boot.
#
#   sudo deploy/install.sh            # from a checkout of the repository
#
# Run it again to update: it keeps /etc/legal-kiosk/config.toml and the data
# (/home/kiosk/.local/share/legal-kiosk), and restarts the service.
set -euo pipefail

PREFIX=/opt/legal-kiosk
CONFIG_DIR=/etc/legal-kiosk
USER_NAME=kiosk
SOURCE="$(cd "$(dirname "$0")/.." && pwd)"

if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh must run as root (sudo deploy/install.sh)" >&2
    exit 1
fi

echo "== Debian packages"
apt-get update -q
# shellcheck disable=SC2046  # the Makefile's package list, word-split on purpose
apt-get install -y -q python3 python3-venv xserver-xorg-core xinit x11-xserver-utils \
    unclutter $(make -s -C "$SOURCE" -f Makefile print-deb-packages 2>/dev/null || true)

echo "== user $USER_NAME"
if ! id "$USER_NAME" >/dev/null 2>&1; then
    useradd --create-home --shell /usr/sbin/nologin --groups video,audio,input,dialout,tty \
        "$USER_NAME"
fi
# The ID-card reader is a serial device: the kiosk user needs the dialout group.
usermod -a -G video,audio,input,dialout,tty "$USER_NAME"

echo "== code in $PREFIX"
mkdir -p "$PREFIX"
tar -C "$SOURCE" --exclude=.venv --exclude=.git --exclude='__pycache__' -cf - . \
    | tar -C "$PREFIX" -xf -
test -x "$PREFIX/.venv/bin/python" || python3 -m venv "$PREFIX/.venv"
"$PREFIX/.venv/bin/python" -m pip install --quiet --upgrade pip
"$PREFIX/.venv/bin/python" -m pip install --quiet "$PREFIX"
"$PREFIX/.venv/bin/python" "$PREFIX/tools/build_translations.py"
chmod +x "$PREFIX/deploy/kiosk-xsession"

echo "== configuration in $CONFIG_DIR"
mkdir -p "$CONFIG_DIR"
if [ ! -f "$CONFIG_DIR/config.toml" ]; then
    cat >"$CONFIG_DIR/config.toml" <<'TOML'
# Settings of this terminal: see /opt/legal-kiosk/docs/configuration.md
[kiosk]
id = "HALL01"
# hall_name = "市公共法律服务中心"
# hall_phone = "12348"

[central]
url = ""
token = ""

[idcard]
# The reader's serial device; empty = the built-in simulator (demo only).
# port = "/dev/serial/by-id/usb-..."
TOML
fi
chown root:"$USER_NAME" "$CONFIG_DIR/config.toml"
chmod 0640 "$CONFIG_DIR/config.toml"

echo "== X server for a non-root user"
# xinit starts Xorg as the kiosk user; Debian's wrapper allows that only when told so.
cat >/etc/X11/Xwrapper.config <<'CONF'
allowed_users=anybody
needs_root_rights=yes
CONF

echo "== systemd units"
install -m 0644 "$PREFIX/deploy/legal-kiosk-display.service" /etc/systemd/system/
install -m 0644 "$PREFIX/deploy/legal-kiosk.service" /etc/systemd/system/
systemctl daemon-reload
systemctl set-default graphical.target
systemctl enable legal-kiosk-display.service legal-kiosk.service
systemctl restart legal-kiosk-display.service legal-kiosk.service

cat <<DONE
Installed. Next steps:
  1. set this terminal's id and the central platform in $CONFIG_DIR/config.toml
  2. set the staff PIN:  sudo -u $USER_NAME -H LEGAL_KIOSK_CONFIG=$CONFIG_DIR/config.toml \\
       $PREFIX/.venv/bin/legal-kiosk staff set-pin
  3. systemctl restart legal-kiosk       (journalctl -u legal-kiosk -f to follow it)
DONE
