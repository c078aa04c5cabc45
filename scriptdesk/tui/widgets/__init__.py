"""Reusable widgets: the paged table, the highlighted script text and the detail panel."""
