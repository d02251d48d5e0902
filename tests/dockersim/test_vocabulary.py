"""One vocabulary: the shell's tokenizer, the client's alias table and the list of host programs are each
defined once in the simulator and used by the dispatcher, the grader and the lab rules alike."""

import pytest

from app.curriculum.labs import command_is_disabled
from app.dockersim import ALIASES, HOST_COMMANDS, DockerHost, ShellSyntaxError, canonical, read_docker, split_line
from app.dockersim.commands import host_shell
from app.dockersim.commands.base import REGISTRY
from app.dockersim.shell.programs import BUILTINS, HOST_HOOKS
from app.dockersim.shell.words import tokenize
from app.grading import commandline


@pytest.mark.parametrize(
    ("line", "segments"),
    [
        ("docker ps", [("", ["docker", "ps"])]),
        ("docker logs -f web > out.txt 2>&1", [("", ["docker", "logs", "-f", "web"])]),
        ("echo 'a && b' && docker rm \"my box\"", [("", ["echo", "a && b"]), ("&&", ["docker", "rm", "my box"])]),
        ("ls | wc -l; pwd || true", [("", ["ls"]), ("|", ["wc", "-l"]), (";", ["pwd"]), ("||", ["true"])]),
        ("docker run x # a comment", [("", ["docker", "run", "x"])]),
        ('echo "\\$HOME" $(pwd)', [("", ["echo", "$HOME", "$(pwd)"])]),
        ("", []),
    ],
)
def test_split_line_reads_words_as_the_shell_does(line, segments):
    assert split_line(line) == segments


def test_split_line_refuses_an_open_quote_like_the_shell():
    with pytest.raises(ShellSyntaxError):
        split_line("echo 'oops")
    assert DockerHost(hints=False).run("echo 'oops").exit_code == 2


def test_the_shell_and_the_reader_share_one_tokenizer():
    line = "docker   run  -d --name 'web server' nginx"
    words = [w for w in tokenize(line) if isinstance(w, list)]
    assert len(words) == len(split_line(line)[0][1]) == 6


def test_every_registered_command_agrees_with_the_alias_table():
    for path in REGISTRY:
        assert canonical(path) in REGISTRY
        assert REGISTRY[canonical(path)] is REGISTRY[path], path
    assert ALIASES["container ls"] == ALIASES["container ps"] == "ps"
    assert ALIASES["builder build"] == ALIASES["image build"] == "build"
    assert ALIASES["volume list"] == "volume ls"


def test_the_grader_and_the_lab_rules_use_the_same_aliases():
    assert commandline.read_invocation(["docker", "container", "ls", "-a"]) == read_docker(["ps", "-a"])
    assert command_is_disabled("docker container rm -f web", ("docker rm",)) == "docker rm"
    assert command_is_disabled("echo ok && 'docker' rm web", ("docker rm",)) == "docker rm"
    assert command_is_disabled("echo 'docker rm web'", ("docker rm",)) is None


def test_one_list_of_host_programs():
    host = DockerHost(hints=False)
    hooks = set(host_shell(host, host.terminal(0)).hooks)
    assert hooks - {"docker", "exit", "$(", "__held__"} == HOST_HOOKS
    assert BUILTINS <= HOST_COMMANDS and {"curl", "ls", "cat", "printf"} <= HOST_COMMANDS
    assert commandline.SHELL_COMMANDS is HOST_COMMANDS
    for program in sorted(HOST_COMMANDS - {"exit", "sudo"}):
        assert "command not found" not in host.run(program).stderr, program
