"""Use cases shared by the command line and the terminal workspace.

One module per area: ``workspace`` opens a database safely, ``editing`` changes
records with optimistic locking and undo, ``listing`` lists what is stored;
import, verification and export have their own modules.
"""
