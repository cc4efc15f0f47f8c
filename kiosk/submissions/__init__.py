"""Consultations, complaints and evaluations: the platform's rules, durable delivery, receipts."""
