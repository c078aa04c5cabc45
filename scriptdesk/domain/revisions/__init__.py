"""Script revisions: re-anchoring a prior revision's elements in a new breakdown."""
