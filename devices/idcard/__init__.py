"""The resident ID-card reader: serial protocol, reader thread and a pty simulator."""
