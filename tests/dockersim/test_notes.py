"""The simulator's own sentences are catalogue messages (notes), never English text mixed into Docker's.

Real Docker's output stays byte for byte in stdout/stderr; what the simulator says about itself
(not modelled, not supported, its limits, a busy terminal) travels as `Message` notes that the web
layer translates, and it is never redirected into a file or `$(...)`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.dockersim import DockerHost
from app.dockersim.core.message import NOTE_MARK
from app.dockersim.engine.limits import MAX_OUTPUT_BYTES
from tests.catalogue import korean, korean_catalogue
from tests.dockersim.conftest import said

SIM = Path(__file__).resolve().parents[2] / "app" / "dockersim"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: Words that mark a sentence as the simulator talking about itself.
SELF_TALK = re.compile(r"docker-dojo:|\bsimulat|\bmodell?ed\b|\bnot supported\b|\blimit reached\b")
#: Plain strings allowed to say so: the crash safety net (never shown unless a bug), real Docker's own text
#: (docker/cli cp.go), and data that is no sentence (a fake binary's content, `docker info`'s OS name, the prompt).
ALLOWED = (
    "docker-dojo: internal simulator error",
    "copying between containers is not supported",
    "ELF simulated executable",
    "Docker Dojo simulated host",
    "learner@docker-dojo:",
)


def _marked_ids() -> dict[str, str]:
    """msgid -> file:line for every N_("...") literal in app/dockersim."""
    found = {}
    for path in SIM.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "N_" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found[arg.value] = f"{path.relative_to(SIM)}:{node.lineno}"
    return found


def _plain_self_talk() -> list[str]:
    """String literals (not docstrings, not N_ ids, not the __main__ adapter) that talk about the simulator."""
    bad = []
    for path in SIM.rglob("*.py"):
        if path.name == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {id(n.args[0]) for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "N_"}
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                skip.add(id(body[0].value))  # a docstring
        for node in ast.walk(tree):
            literal = isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            if literal and SELF_TALK.search(node.value) and not any(a in node.value for a in ALLOWED):
                bad.append(f"{path.relative_to(SIM)}:{node.lineno}: {node.value!r}")
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
                if SELF_TALK.search(text) and not any(a in text for a in ALLOWED):
                    bad.append(f"{path.relative_to(SIM)}:{node.lineno}: f{text!r}")
    return bad


def test_every_message_id_of_the_simulator_has_a_korean_translation():
    marked = _marked_ids()
    assert len(marked) > 70
    catalogue = korean_catalogue()
    missing = {where: msgid for msgid, where in marked.items() if not HANGUL.search(catalogue.get(msgid, ""))}
    assert not missing, missing


def test_the_translations_keep_every_field_of_the_id():
    catalogue = korean_catalogue()
    for msgid in _marked_ids():
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(re.findall(r"%\(\w+\)s", catalogue[msgid])), msgid


def test_no_plain_english_sentence_about_the_simulator_is_left():
    assert _plain_self_talk() == []


def _big(host: DockerHost) -> None:
    host.write_file("big.txt", "x" * (MAX_OUTPUT_BYTES + 5))


# line -> (exit code, the note's English text): one line per kind of note the simulator writes
NOTES = [
    ("docker run --network host nginx", 125, "The flag --network of 'docker run' is real but not supported"),
    ("docker network ls", 1, "'docker network' is a real Docker command, but this simulator does not model it."),
    ("docker save x", 1, "'docker save' is a real Docker command"),
    ("docker --tlsverify ps", 125, "The global option --tlsverify is real but not supported"),
    ("docker run --mount type=image,source=a,target=/a alpine", 125, "--mount type=image is real but not supported"),
    ("docker login quay.io -u abcd", 1, "logging in to quay.io is not modelled."),
    ("docker login", 1, "Docker Hub's browser login is not modelled here"),
    ("docker pull postgres", 1, "'postgres' is a real Docker Hub image, but this simulator's registry only has"),
    ("docker build https://example.com/x.git", 1, "Building from 'https://example.com/x.git' is real but"),
    ("docker cp a:/x b:/y", 1, None),  # real Docker's own text: no note
    ("ls | wc", 2, "'|' is not supported by this simulator's shell."),
    ("ls -R", 2, "'ls -R' is a real option, but this simulator does not model it."),
    ("vim x", 126, "'vim' is a real program on a normal machine"),
    ("sudo -i", 1, "sudo options such as '-i' are not modelled"),
    ("exit", 1, "This is the simulator's only host shell; it stays open."),
    ("curl -o x localhost", 2, "This simulator's curl models only the options -i -s -X -d -H."),
    ("cat big.txt", 0, "Output over 64 KiB: the remaining 5 bytes were cut."),
    ("docker run python python app.py", 126, "'python' exists in this image, but the simulator does not model"),
]


@pytest.mark.parametrize("line,code,note", NOTES)
def test_each_note_travels_apart_from_dockers_text_in_both_languages(line, code, note):
    host = DockerHost(seed=0, hints=False)
    _big(host)
    r = host.run(line)
    assert r.exit_code == code, r
    assert NOTE_MARK not in r.stdout + r.stderr
    if note is None:
        assert r.notes == () and r.stderr
        return
    assert note in said(r), r
    assert "docker-dojo" not in r.stdout + r.stderr
    for message in r.notes:
        assert HANGUL.search(korean(message)) and not HANGUL.search(message.english())


@pytest.mark.parametrize(
    "line",
    ["docker network ls 2>err.txt", "docker network ls 2>&1 >out.txt", "docker network ls > out.txt 2>&1"],
)
def test_a_note_is_never_redirected_into_a_file(line):
    host = DockerHost(seed=0, hints=True)
    r = host.run(line)
    assert r.exit_code == 1 and "does not model it" in said(r)
    for name in ("err.txt", "out.txt"):
        if host.fs.kind(f"/home/learner/{name}") == "file":
            assert NOTE_MARK not in host.read_file(name) and "model" not in host.read_file(name)


def test_a_hint_is_not_captured_by_command_substitution():
    host = DockerHost(seed=0, hints=True)
    r = host.run("echo $(docker foo 2>&1)")
    assert r.stdout == "docker: unknown command: docker foo Run 'docker --help' for more information\n"
    assert NOTE_MARK not in r.stdout


def test_notes_keep_their_hint_only_when_docker_spoke():
    host = DockerHost(seed=0, hints=True)
    own = host.run("docker run --network host nginx")  # the simulator's refusal is itself the explanation
    assert [m.id for m in own.notes] == [
        "The flag --%(flag)s of '%(command)s' is real but not supported by this simulator."
    ]
    docker = host.run("docker rm nope")  # Docker's text, then a hint under it
    assert docker.stderr.startswith("Error response from daemon:") and len(docker.notes) == 1


def test_a_containers_own_note_in_its_logs_is_a_note_too():
    host = DockerHost(seed=0, hints=False)
    host.run("docker run -d --name py python python app.py")
    logs = host.run("docker logs py")
    assert logs.stdout == logs.stderr == "" and "'python' exists in this image" in said(logs)
    redirected = host.run("docker logs py > out.txt 2>&1")
    assert host.read_file("out.txt") == "" and "'python' exists in this image" in said(redirected)


@pytest.mark.parametrize("line", ['echo \'\x1f{"id": "x"}\x1f\'', "echo \x1f", "cat f.txt"])
def test_a_learner_cannot_forge_a_note(line):
    host = DockerHost(seed=0, hints=False)
    host.write_file("f.txt", '\x1f{"id": "%(a)s", "params": {"b": 1}}\x1f')
    r = host.run(line)
    assert r.notes == () and NOTE_MARK not in r.stdout + r.stderr
