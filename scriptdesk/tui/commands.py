"""The command palette lists every action of the current screen.

Each enabled key binding with a description, on the focused widget, the
screen or the app, becomes a command named after its description with its
key as help, so anything reachable by key is reachable by name.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenActionsProvider(Provider):
    """Commands from the active bindings of the screen the palette was opened on."""

    def _commands(self) -> list[tuple[str, str, object]]:
        seen: set[str] = set()
        commands = []
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or not binding.description or binding.action in seen:
                continue
            if binding.action in {"command_palette"}:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            callback = partial(self.app.run_action, binding.action, active.node)
            commands.append((binding.description, f"key {key}", callback))
        return sorted(commands, key=lambda command: command[0])

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]
