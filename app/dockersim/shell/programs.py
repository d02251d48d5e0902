"""Which programs the simulated shells know: one list for the shells, the grader and Tab completion."""

from __future__ import annotations

from app.dockersim.shell.tools import COMMANDS as TOOLS

#: Run by the shell itself (never looked up on PATH).
BUILTINS = frozenset({"cd", "pwd", "echo", "printf", "true", "false", "exit", "history", "clear", "export"})
#: Wired into the learner's host shell by the porcelain (`app.dockersim.commands.host_shell`), besides docker.
HOST_HOOKS = frozenset({"curl", "history", "sleep", "sudo"})
#: Everything the learner's host shell runs besides `docker`.
HOST_COMMANDS = frozenset(TOOLS) | BUILTINS | HOST_HOOKS

# Programs a learner's real machine has that this host shell does not model: saying "command not found" would be
# untrue, so they get a plain "not modelled" message instead.
UNMODELLED_PROGRAMS = frozenset(
    [
        "nano",
        "vim",
        "vi",
        "emacs",
        "code",
        "less",
        "more",
        "head",
        "tail",
        "grep",
        "egrep",
        "find",
        "sed",
        "awk",
        "sort",
        "uniq",
        "wc",
        "tr",
        "cut",
        "tee",
        "xargs",
        "node",
        "npm",
        "npx",
        "yarn",
        "python",
        "python3",
        "pip",
        "pip3",
        "git",
        "ssh",
        "scp",
        "wget",
        "apt",
        "apt-get",
        "brew",
        "open",
        "xdg-open",
        "chmod",
        "chown",
        "ln",
        "tar",
        "zip",
        "unzip",
        "gzip",
        "ps",
        "kill",
        "killall",
        "top",
        "htop",
        "which",
        "man",
        "ping",
        "nc",
        "netstat",
        "lsof",
        "ss",
        "uname",
        "id",
        "date",
        "tree",
        "file",
        "stat",
        "du",
        "df",
        "make",
        "docker-compose",
        "printenv",
        "basename",
        "dirname",
        "diff",
    ]
)
