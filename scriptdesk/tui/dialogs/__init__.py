"""Modal dialogs: confirm, text input, choice, import file picker, edit conflict, search."""
