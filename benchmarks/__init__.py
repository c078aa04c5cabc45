"""ScriptDesk benchmarks: figures to read, never pass/fail on time."""
