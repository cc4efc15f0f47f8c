"""Staff access: PIN check with lockout, the staff session and the audit trail.

Everything here is independent of widgets; the PIN pad and the staff panel in
``ui/`` talk to :class:`~kiosk.staff.access.StaffAccess` and
:class:`~kiosk.staff.session.StaffSession`.
"""
