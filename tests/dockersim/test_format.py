"""--format and inspect -f: Go text/template subset with Go's messages, docker/cli's functions and contexts.

Cases from Go `text/template/exec_test.go` (execTests: fields, if/else/with/range, pipelines, printf, index,
len, and/or/not, eq/lt) and `parse/parse_test.go` (errorTests: unclosed action, undefined function,
unexpected {{end}}, unexpected EOF), and docker/cli `cli/command/formatter/*_test.go` (header names,
`table`, `json`)."""

from __future__ import annotations

import json

import pytest

from app.dockersim import DockerHost
from app.dockersim.commands.formatting import FUNCS, json_data
from app.dockersim.core.gofmt import TemplateError, go_float
from app.dockersim.core.gotemplate import parse
from app.dockersim.core.gotemplate_exec import execute

DATA = json_data(
    {
        "X": "x",
        "U": {"V": "v"},
        "I": 17,
        "B": True,
        "F": False,
        "SI": [3, 4, 5],
        "SS": ["a", "b"],
        "MSI": {"one": 1, "two": 2},
        "E": [],
        "N": None,
    }
)

EXEC = [  # (template, output) after exec_test.go
    ("{{.X}}", "x"),
    ("{{.U.V}}", "v"),
    ("{{.I}}", "17"),
    ("{{.Missing}}", "<no value>"),
    ("{{.B}}", "true"),
    ("{{.SI}}", "[3 4 5]"),
    ("{{.MSI}}", "map[one:1 two:2]"),
    ("{{if .B}}yes{{else}}no{{end}}", "yes"),
    ("{{if .F}}yes{{else}}no{{end}}", "no"),
    ("{{if .E}}full{{else}}empty{{end}}", "empty"),
    ("{{with .U}}{{.V}}{{end}}", "v"),
    ("{{with .E}}x{{else}}none{{end}}", "none"),
    ("{{range .SI}}<{{.}}>{{end}}", "<3><4><5>"),
    ("{{range .E}}x{{else}}empty{{end}}", "empty"),
    ("{{range .MSI}}{{.}} {{end}}", "1 2 "),
    ('{{.X | printf "%q"}}', '"x"'),
    ('{{printf "%d-%s" .I .X}}', "17-x"),
    ('{{printf "%5s|%-5s|" .X .X}}', "    x|x    |"),
    ('{{printf "%d"}}', "%!d(MISSING)"),
    ("{{index .SI 1}}", "4"),
    ('{{index .MSI "two"}}', "2"),
    ("{{len .SS}}", "2"),
    ("{{and .B .X}}", "x"),
    ("{{or .F .X}}", "x"),
    ("{{not .B}}", "false"),
    ('{{eq .X "x"}}', "true"),
    ("{{lt .I 20.0}}", "true"),
    ("{{(index .SS 0) | upper}}", "A"),
    ("{{json .SS}}", '["a","b"]'),
    ("{{json .MSI}}", '{"one":1,"two":2}'),
    ('{{join .SS ", "}}', "a, b"),
    ('{{title "hello world"}}', "Hello World"),
    ('{{lower "ABC"}}', "abc"),
    ('{{split "a:b" ":"}}', "[a b]"),
    ("{{truncate .X 0}}|{{pad .X 1 1}}", "| x "),
    ('a {{- " b " -}} c', "a b c"),
    ("{{$.X}}", "x"),
]


@pytest.mark.parametrize(("template", "output"), EXEC)
def test_exec(template: str, output: str) -> None:
    assert execute(parse(template, FUNCS), template, FUNCS, DATA) == output


PARSE_ERRORS = [  # parse_test.go errorTests (line numbers as Go reports them)
    ("{{.X", "template: :1: unclosed action"),
    ("hello\n{{.X", "template: :2: unclosed action"),
    ("{{nosuch .X}}", 'template: :1: function "nosuch" not defined'),
    ("{{end}}", "template: :1: unexpected {{end}}"),
    ("{{if .X}}", "template: :1: unexpected EOF"),
    ("{{range .X}}{{else}}", "template: :1: unexpected EOF"),
    ("{{}}", "template: :1: missing value for command"),
    ("{{.X | }}", "template: :1: missing value for command"),
]


@pytest.mark.parametrize(("template", "message"), PARSE_ERRORS)
def test_parse_errors(template: str, message: str) -> None:
    with pytest.raises(TemplateError) as err:
        parse(template, FUNCS)
    assert err.value.text == message


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0"),
        (17.0, "17"),
        (100000.0, "100000"),
        (1e6, "1e+06"),
        (536870912.0, "5.36870912e+08"),
        (1.5, "1.5"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
    ],
)
def test_go_float_v(value: float, text: str) -> None:
    assert go_float(value) == text


@pytest.fixture
def host() -> DockerHost:
    h = DockerHost(seed=0, hints=False)
    assert h.run("docker run -d -p 8000:80 -v data:/data --name web nginx").exit_code == 0
    return h


def test_ps_formats(host: DockerHost) -> None:
    assert host.run("docker ps --format '{{.Names}}'").stdout == "web\n"
    out = host.run("docker ps --format 'table {{.Names}}\\t{{.Image}}'").stdout
    assert out == "NAMES     IMAGE\nweb       nginx\n"
    row = json.loads(host.run("docker ps --format json").stdout)
    assert set(row) == {
        "Command",
        "CreatedAt",
        "ID",
        "Image",
        "Labels",
        "LocalVolumes",
        "Mounts",
        "Names",
        "Networks",
        "Ports",
        "RunningFor",
        "Size",
        "State",
        "Status",
    }
    assert (row["Names"], row["Mounts"], row["State"]) == ("web", "data", "running")
    r = host.run("docker ps --format '{{.Foo}}'")
    assert (r.stdout, r.stderr, r.exit_code) == (
        "",
        'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext\n',
        1,
    )
    r = host.run("docker ps --format '{{.Names'")
    assert (r.stderr, r.exit_code) == ("template parsing error: template: :1: unclosed action\n", 1)


def test_inspect_formats(host: DockerHost) -> None:
    mounts = json.loads(host.run("docker inspect -f '{{json .Mounts}}' web").stdout)
    assert mounts[0]["Name"] == "data" and mounts[0]["Destination"] == "/data"
    assert host.run("docker inspect -f '{{.State.Running}} {{.Nope}}' web").stdout == "true <no value>\n"
    assert host.run("docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' web").stdout == "data\n"
    assert host.run("docker container inspect --format '{{.Name}}' web").stdout == "/web\n"
    assert host.run("docker volume inspect -f '{{.Mountpoint}}' data").stdout == "/var/lib/docker/volumes/data/_data\n"
    assert host.run("docker image inspect -f '{{.Os}}' nginx").stdout == "linux\n"
    assert (
        host.run("docker inspect -f '{{.Name}}{{end}}' web").stderr
        == "template parsing error: template: :1: unexpected {{end}}\n"
    )


def test_volume_and_image_lists(host: DockerHost) -> None:
    assert host.run("docker volume ls --format '{{.Name}}:{{.Driver}}'").stdout == "data:local\n"
    assert host.run("docker volume ls --format 'table {{.Name}}'").stdout == "VOLUME NAME\ndata\n"
    assert host.run("docker images --format '{{.Repository}}:{{.Tag}}'").stdout == "nginx:latest\n"
    assert host.run("docker images --format 'table {{.Repository}}\\t{{.Tag}}'").stdout.startswith("REPOSITORY   TAG\n")
    assert host.run("docker ps --format table").stdout.startswith("CONTAINER ID   IMAGE")
