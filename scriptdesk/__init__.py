"""ScriptDesk: plan documentary films from their scripts."""

__version__ = "0.1.0"
