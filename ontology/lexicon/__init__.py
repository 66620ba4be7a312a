"""Trigger, role and modality lexicons (package data)."""
