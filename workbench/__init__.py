"""workbench: full coding of free-text survey answers, in the terminal."""

__version__ = "0.1.0"
