"""``python -m scriptdesk`` runs the command line."""

from scriptdesk.cli import run

run()
