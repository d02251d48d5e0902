"""Pure package; see README.md in this folder. The simulated Docker host: `DockerHost(seed).run(line)`.

This module is the simulator's public API: the grader, the curriculum and the web import only what is
named here (an import-linter contract in pyproject.toml keeps it so).
"""

from app.dockersim.cli.flags import Parsed
from app.dockersim.cli.flags import parse as parse_flags
from app.dockersim.cli.read import ALIASES, Invocation, canonical, command_path, read_docker
from app.dockersim.cli.table import COMMANDS
from app.dockersim.commands.lineread import blocked_command, command_words, docker_commands
from app.dockersim.core.errors import CommandResult, ConnectionRefused, ConnectionReset, DockerError
from app.dockersim.core.fs import FsError
from app.dockersim.core.hints import HINTS, hint_kind
from app.dockersim.core.message import N_, Message
from app.dockersim.core.names import is_generated_name
from app.dockersim.engine.fixtures import HOME
from app.dockersim.engine.host import MAX_LINE
from app.dockersim.engine.models import Container
from app.dockersim.engine.terminal import HistoryEntry
from app.dockersim.host import DockerHost
from app.dockersim.shell.env import ShellSyntaxError
from app.dockersim.shell.programs import HOST_COMMANDS
from app.dockersim.shell.words import split_line

__all__ = [
    "ALIASES",
    "COMMANDS",
    "HINTS",
    "HOME",
    "HOST_COMMANDS",
    "MAX_LINE",
    "N_",
    "CommandResult",
    "ConnectionRefused",
    "ConnectionReset",
    "Container",
    "DockerError",
    "DockerHost",
    "FsError",
    "HistoryEntry",
    "Invocation",
    "Message",
    "Parsed",
    "ShellSyntaxError",
    "blocked_command",
    "canonical",
    "command_path",
    "command_words",
    "docker_commands",
    "hint_kind",
    "is_generated_name",
    "parse_flags",
    "read_docker",
    "split_line",
]
