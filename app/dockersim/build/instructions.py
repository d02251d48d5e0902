"""The typed Dockerfile instructions and stages that dockerfile.parse_dockerfile makes (pure data)."""

from __future__ import annotations

from dataclasses import dataclass

from app.dockersim.build.syntax import Heredoc, ParseResult

INSTRUCTIONS = (
    "add",
    "arg",
    "cmd",
    "copy",
    "entrypoint",
    "env",
    "expose",
    "from",
    "healthcheck",
    "label",
    "maintainer",
    "onbuild",
    "run",
    "shell",
    "stopsignal",
    "user",
    "volume",
    "workdir",
)


@dataclass(frozen=True)
class Instruction:
    """Common part: the keyword as written, the joined source text and its line range."""

    keyword: str
    original: str
    line: int
    end_line: int

    @property
    def kind(self) -> str:
        """Upper-case instruction name (`RUN`, `COPY`, ...)."""
        return self.keyword.upper()

    @property
    def text(self) -> str:
        """The instruction as BuildKit names its build step (`COPY . /app`)."""
        return self.original.strip()


@dataclass(frozen=True)
class From(Instruction):
    """FROM [--platform=P] image [AS name]."""

    image: str
    stage_name: str
    platform: str


@dataclass(frozen=True)
class _ShellDependent(Instruction):
    command: tuple[str, ...]
    shell_form: bool  # True: run through the SHELL (["/bin/sh","-c"] by default)


@dataclass(frozen=True)
class Run(_ShellDependent):
    """RUN (shell or exec form, heredocs attached as files)."""

    heredocs: tuple[Heredoc, ...]
    flags: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Cmd(_ShellDependent):
    """CMD."""


@dataclass(frozen=True)
class Entrypoint(_ShellDependent):
    """ENTRYPOINT."""


@dataclass(frozen=True)
class Copy(Instruction):
    """COPY [--from] [--chown] [--chmod] [--link] src... dest."""

    sources: tuple[str, ...]
    dest: str
    inline: tuple[Heredoc, ...]
    from_stage: str
    chown: str
    chmod: str


@dataclass(frozen=True)
class Add(Instruction):
    """ADD [--chown] [--chmod] src... dest (local sources only in the simulator)."""

    sources: tuple[str, ...]
    dest: str
    inline: tuple[Heredoc, ...]
    chown: str
    chmod: str


@dataclass(frozen=True)
class Workdir(Instruction):
    """WORKDIR path."""

    path: str


@dataclass(frozen=True)
class Env(Instruction):
    """ENV pairs, values still quoted (the shell lexer unquotes them at build time)."""

    pairs: tuple[tuple[str, str], ...]
    legacy: bool


@dataclass(frozen=True)
class Label(Instruction):
    """LABEL pairs, values still quoted."""

    pairs: tuple[tuple[str, str], ...]
    legacy: bool


@dataclass(frozen=True)
class Arg(Instruction):
    """ARG name[=default] ..."""

    pairs: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class Expose(Instruction):
    """EXPOSE port[/proto] ... (sorted like BuildKit)."""

    ports: tuple[str, ...]


@dataclass(frozen=True)
class Volume(Instruction):
    """VOLUME paths (JSON or plain)."""

    paths: tuple[str, ...]


@dataclass(frozen=True)
class User(Instruction):
    """USER name[:group]."""

    user: str


@dataclass(frozen=True)
class Healthcheck(Instruction):
    """HEALTHCHECK NONE | [--opts] CMD ..."""

    test: tuple[str, ...]
    options: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Shell(Instruction):
    """SHELL ["exe", "arg"]."""

    shell: tuple[str, ...]


@dataclass(frozen=True)
class StopSignal(Instruction):
    """STOPSIGNAL sig."""

    signal: str


@dataclass(frozen=True)
class Onbuild(Instruction):
    """ONBUILD trigger (recorded in the image config only)."""

    expression: str


@dataclass(frozen=True)
class Maintainer(Instruction):
    """MAINTAINER (deprecated; recorded as the image author)."""

    name: str


@dataclass(frozen=True)
class Stage:
    """FROM plus the instructions up to the next FROM."""

    source: From
    commands: tuple[Instruction, ...]
    index: int


@dataclass(frozen=True)
class Dockerfile:
    """A parsed Dockerfile."""

    stages: tuple[Stage, ...]
    meta_args: tuple[Arg, ...]
    escape: str
    lines: tuple[str, ...]
    ast: ParseResult
