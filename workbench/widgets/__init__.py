"""Widgets of the terminal UI, one class per module."""
