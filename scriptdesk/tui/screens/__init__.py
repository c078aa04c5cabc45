"""One screen per view of the workspace."""
