"""The staff PIN: its rule, and its scrypt hash as stored in the secret file.

The stored form is ``scrypt$<n>$<r>$<p>$<salt>$<hash>`` (salt and hash in
URL-safe base64), so the cost parameters can be raised later without breaking
PINs already set.
"""

from __future__ import annotations

import base64
import itertools

PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 12

# scrypt cost: n=2**14, r=8 takes ~16 MiB and some tens of milliseconds, which
# is plenty against guessing a copied secret file and cheap enough for a PIN pad.
_N = 2**14
_R = 8
_P = 1
_SALT_BYTES = 16
_HASH_BYTES = 32
_PREFIX = "scrypt"


class PinRuleError(ValueError):
    """The PIN does not follow the rule; the message says why, in plain words."""


def check_pin_rule(pin: str) -> None:
    """Raise PinRuleError unless ``pin`` is 6 to 12 digits and not trivially guessable."""
    if not pin.isascii() or not pin.isdigit():
        raise PinRuleError(
            f"the PIN must consist of digits only ({PIN_MIN_DIGITS}-{PIN_MAX_DIGITS})"
        )
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise PinRuleError(f"the PIN must have {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits")
    if len(set(pin)) == 1:
        raise PinRuleError("the PIN must not repeat a single digit")
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        raise PinRuleError("the PIN must not be a run of consecutive digits")


def hash_pin(pin: str) -> str:
    """The storable hash of a PIN that follows the rule (checked here too)."""
    import secrets  # this module loads with the kiosk; hashing waits for the first PIN

    check_pin_rule(pin)
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(pin, salt, _N, _R, _P)
    return "$".join((_PREFIX, str(_N), str(_R), str(_P), _b64(salt), _b64(digest)))


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; a malformed stored value never matches."""
    try:
        prefix, n, r, p, salt_text, digest_text = stored.split("$")
        if prefix != _PREFIX:
            return False
        salt = _unb64(salt_text)
        expected = _unb64(digest_text)
        candidate = _scrypt(pin, salt, int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    import hmac

    return hmac.compare_digest(candidate, expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int = _HASH_BYTES) -> bytes:
    import hashlib

    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=length
    )


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode("ascii"))
