"""The ScriptDesk terminal workspace (Textual): screens, dialogs and widgets over the services."""
