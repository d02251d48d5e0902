"""Fixtures for the simulated Docker host tests."""

from __future__ import annotations

import pytest

from app.dockersim import CommandResult, DockerHost


class Session:
    """A host plus helpers to type commands and assert on results."""

    def __init__(self, host: DockerHost) -> None:
        self.host = host

    def __call__(self, line: str, terminal: int = 0) -> CommandResult:
        """Run a line."""
        return self.host.run(line, terminal)

    def ok(self, line: str, terminal: int = 0) -> CommandResult:
        """Run a line that must succeed."""
        r = self.host.run(line, terminal)
        assert r.exit_code == 0, (line, r)
        return r

    def out(self, line: str, terminal: int = 0) -> str:
        """stdout of a successful line."""
        return self.ok(line, terminal).stdout


@pytest.fixture
def host() -> DockerHost:
    """A fresh host without hints (Docker's text only)."""
    return DockerHost(seed=0, hints=False)


@pytest.fixture
def s(host: DockerHost) -> Session:
    """A typing session on a fresh host."""
    return Session(host)


def said(result: CommandResult) -> str:
    """The simulator's own notes (not Docker's text) of a result, in English, one per line."""
    return "".join(note.english() + "\n" for note in result.notes)
