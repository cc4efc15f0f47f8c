"""What the consultation and complaint forms share: the frame around their fields.

A promise line on top, the fields in a kinetic scroll area, a form-wide message,
and a footer with "continue on the phone" and "next"; entering after a new
agreement starts a fresh form, coming Back keeps what was typed; a card placed
while the form is open locks the contact's name at once. (A module whose name
starts with "_" is not a screen of its own: discovery skips it.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.submissions.identity import contact_from_identity
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import TouchButton, make_label
from ui.widgets.form_fields import ContactBlock, error_label, make_scroll_bar_touchable
from ui.widgets.kinetic import KineticScrollArea

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate


class SubmissionFormScreen(Screen):
    """Base of a form screen; subclasses build their fields into ``self.fields``."""

    contact: ContactBlock

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        prefix = self.screen_id
        self.consent_version = ""
        self._fresh_seen: object = None
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(64, 16, 64, 16)
        self._outer.setSpacing(SPACING_PX * 2)
        self.promise = make_label(role="subheading", object_name=f"{prefix}.promise")
        self.promise.setWordWrap(True)
        self._outer.addWidget(self.promise)
        self._form = QWidget()
        self.fields = QVBoxLayout(self._form)
        self.fields.setSpacing(SPACING_PX * 3)

    def finish_frame(self) -> None:
        """Put the filled ``self.fields`` in the scroll area and add the footer."""
        prefix = self.screen_id
        self.fields.addStretch(1)
        self.scroll = KineticScrollArea(self._form)
        self.scroll.setObjectName(f"{prefix}.scroll")
        make_scroll_bar_touchable(self.scroll, f"{prefix}.scroll")
        self._outer.addWidget(self.scroll, 1)
        self.form_message = error_label(f"{prefix}.form_message")
        self._outer.addWidget(self.form_message)
        row = QHBoxLayout()
        # Finish on the phone (add photos, take time): the draft so far goes with a minted token.
        self.handoff_button = TouchButton(f"{prefix}.handoff")
        self.handoff_button.clicked.connect(self._on_handoff_clicked)
        row.addWidget(self.handoff_button)
        row.addStretch(1)
        self.next_button = TouchButton(f"{prefix}.next", role="primary")
        self.next_button.setMinimumWidth(320)
        self.next_button.clicked.connect(self._on_next_clicked)
        row.addWidget(self.next_button)
        self._outer.addLayout(row)
        self.retranslate()
        # A card placed while the form is open locks the name at once.
        self.services.session.identity_changed.connect(self._on_session_identity_changed)

    def enter(self, **params: Any) -> None:
        if "consent_version" in params:
            self.consent_version = str(params["consent_version"])
        fresh = params.get("fresh")
        if fresh and fresh != self._fresh_seen:
            # A new form after the agreement; coming Back to the same form keeps its inputs.
            self._fresh_seen = fresh
            self.wipe()
        self.prepare_fields()
        self.contact.lock_to(contact_from_identity(self.services.session.identity))
        self.retranslate()

    def retranslate(self) -> None:
        """The footer and the contact block; a form sets its own texts, then calls this."""
        self.next_button.setText(translate("Submissions", "下一步：核对"))
        self.handoff_button.setText(translate("Submissions", "在手机上继续填写"))
        self.handoff_button.setVisible(self.services.handoff is not None)
        self.contact.retranslate()

    def prepare_fields(self) -> None:
        """Refresh choices that depend on the platform's configuration (on every entry)."""

    def _on_session_identity_changed(self, identity: object) -> None:
        contact = contact_from_identity(identity)
        if contact is not None:
            self.contact.lock_to(contact)

    def _on_handoff_clicked(self) -> None:
        raise NotImplementedError

    def _on_next_clicked(self) -> None:
        raise NotImplementedError
