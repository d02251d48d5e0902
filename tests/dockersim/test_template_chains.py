"""Go text/template beyond plain fields: chains on parenthesised pipelines, variables, `else if`, comments, function
signatures, and Go's own error texts for every malformed template (never a Python repr or exception).

Cases from Go `text/template/exec_test.go` (execTests "pipeline with parens", ".Method0 | .Method1",
"range $x, $y", "declare in action", "if else if", "len", "index" errors, "wrong number of args",
"print" spacing), `parse/parse_test.go` (parseTests "chained field", errorTests "unclosed left paren",
"unexpected right paren", "undefined variable", "unterminated quoted string", "dot applied to parentheses"
→ `unexpected . after term`), `funcs.go` messages, and docker's own `inspect --format` reference
(`{{range $p, $conf := .NetworkSettings.Ports}} {{$p}} -> {{(index $conf 0).HostPort}} {{end}}`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.dockersim import DockerHost
from app.dockersim.commands.formatting import FUNCS, format_objects, json_data
from app.dockersim.core.errors import DockerError
from app.dockersim.core.gofmt import TemplateError
from app.dockersim.core.gotemplate import parse
from app.dockersim.core.gotemplate_exec import execute

DATA = json_data(
    {
        "X": "x",
        "I": 17,
        "SI": [3, 4, 5],
        "SS": ["a", "b"],
        "MSI": {"one": 1, "two": 2},
        "Mounts": [{"Destination": "/data", "Name": "data"}],
        "N": None,
        "B": True,
    }
)


def run(template: str) -> str:
    return execute(parse(template, FUNCS), template, FUNCS, DATA)


OK = [
    ("{{(index .Mounts 0).Destination}}", "/data"),
    ("{{(index .Mounts 0).Name | upper}}", "DATA"),
    ("{{(index .SS 1)}}", "b"),
    ("{{len .Mounts}}", "1"),
    ("{{with .MSI}}{{.two}}{{end}}", "2"),
    ("{{$x := .X}}{{$x}}{{$x}}", "xx"),
    ("{{$x := 1}}{{$x = 2}}{{$x}}", "2"),
    ("{{range $i, $e := .SS}}{{$i}}={{$e}} {{end}}", "0=a 1=b "),
    ("{{range $k, $v := .MSI}}{{$k}}:{{$v}},{{end}}", "one:1,two:2,"),
    ("{{range $e := .SI}}{{$e}}{{end}}", "345"),
    ("{{range .SS}}{{$.X}}{{.}}{{end}}", "xaxb"),
    ("{{if .N}}n{{else if .B}}b{{else}}z{{end}}", "b"),
    ("{{if .N}}n{{else with .X}}{{.}}{{end}}", "x"),
    ("{{/* a comment */}}ok", "ok"),
    ('{{print 1 2 "a" "b" 3}}', "1 2ab3"),
    ('{{index .MSI "three"}}', "<nil>"),
    ('{{index "abc" 1}}', "98"),
    ('{{"\\x41\\u00e9"}}', "Aé"),
    ("{{`raw\\n`}}", "raw\\n"),
    ('{{split "abc" ""}}', "[a b c]"),
    ('{{eq .X "y" "x"}}', "true"),
    ("{{eq .N .X}}", "false"),
    ("{{range 3}}{{.}}{{end}}", "012"),
]


@pytest.mark.parametrize(("template", "output"), OK)
def test_exec(template: str, output: str) -> None:
    assert run(template) == output


PARSE_ERRORS = [
    ("{{(index .SS 0}}", "template: :1: unclosed left paren"),
    ("{{.X)}}", "template: :1: unexpected right paren U+0029 ')'"),
    ("{{)}}", "template: :1: unexpected right paren U+0029 ')'"),
    ("{{$y}}", 'template: :1: undefined variable "$y"'),
    ("{{with $z := .X}}{{end}}{{$z}}", 'template: :1: undefined variable "$z"'),
    ('{{"abc}}', "template: :1: unterminated quoted string"),
    ("{{`abc}}", "template: :1: unterminated raw quoted string"),
    ('{{"\\q"}}', "template: :1: invalid syntax"),
    ('{{"x".Foo}}', 'template: :1: unexpected . after term "\\"x\\""'),
    ("{{$a, $b := .SS}}", "template: :1: too many declarations in command"),
    ("{{if}}{{end}}", "template: :1: missing value for if"),
    ('{{.X | "a"}}', "template: :1: non executable command in pipeline stage 2"),
    ("{{else}}", "template: :1: unexpected {{else}}"),
    ("{{$q = 1}}", 'template: :1: undefined variable "$q"'),
    ("{{if .X}}{{else nope}}{{end}}", "template: :1: expected end; found {{else nope}}"),
]


@pytest.mark.parametrize(("template", "message"), PARSE_ERRORS)
def test_parse_errors(template: str, message: str) -> None:
    with pytest.raises(TemplateError) as err:
        parse(template, FUNCS)
    assert err.value.text == message


EXEC_ERRORS = [
    (
        "{{(index .Mounts 0) .Destination}}",
        "1:2",
        "(index .Mounts 0) .Destination",
        "can't give argument to non-function index .Mounts 0",
    ),
    ("{{.X 1}}", "1:2", ".X", "X is not a method but has arguments"),
    ("{{.SS | .X}}", "1:8", ".X", "X is not a method but has arguments"),
    ("{{.X.Y}}", "1:2", ".X.Y", "can't evaluate field Y in type string"),
    ("{{(index .SS 0).Y}}", "1:2", "(index .SS 0).Y", "can't evaluate field Y in type string"),
    ('{{"a" 1}}', "1:2", '"a"', 'can\'t give argument to non-function "a"'),
    ("{{nil}}", "1:2", "nil", "nil is not a command"),
    ("{{join .SS}}", "1:2", "join", "wrong number of args for join: want 2 got 1"),
    ('{{.SS | join ","}}', "1:13", '","', 'can\'t handle "," for arg of type []string'),
    ("{{printf}}", "1:2", "printf", "wrong number of args for printf: want at least 1 got 0"),
    ("{{upper .I}}", "1:8", ".I", "wrong type for value; expected string; got float64"),
    ("{{upper 3}}", "1:8", "3", "expected string; found 3"),
    ("{{truncate .X .I}}", "1:14", ".I", "wrong type for value; expected int; got float64"),
    ("{{upper .Missing}}", "1:8", ".Missing", "invalid value; expected string"),
    ("{{index .SI 5}}", "1:2", "index", "error calling index: index out of range: 5"),
    ("{{index .SI 1.5}}", "1:2", "index", "error calling index: cannot index slice/array with type float64"),
    ("{{index .I 0}}", "1:2", "index", "error calling index: can't index item of type float64"),
    ("{{len .I}}", "1:2", "len", "error calling len: len of type float64"),
    ('{{lt .I "a"}}', "1:2", "lt", "error calling lt: incompatible types for comparison"),
    ("{{lt .B .B}}", "1:2", "lt", "error calling lt: invalid type for comparison"),
    ("{{eq .SS .SS}}", "1:2", "eq", "error calling eq: non-comparable type [a b]: []interface {}"),
    ("{{range .X}}{{end}}", "1:8", "range", "range can't iterate over x"),
]


@pytest.mark.parametrize(("template", "where", "word", "message"), EXEC_ERRORS)
def test_exec_errors(template: str, where: str, word: str, message: str) -> None:
    with pytest.raises(TemplateError) as err:
        run(template)
    assert err.value.text == f'template: :{where}: executing "" at <{word}>: {message}'


def test_inspect_chain_on_a_real_container() -> None:
    host = DockerHost(seed=0, hints=False)
    assert host.run("docker run -d -p 8000:80 -v data:/data -e A=1 --name web nginx").exit_code == 0
    assert host.run("docker inspect --format '{{(index .Mounts 0).Destination}}' web").stdout == "/data\n"
    assert host.run("docker inspect --format '{{len .Mounts}}' web").stdout == "1\n"
    docs = "{{range $p, $conf := .NetworkSettings.Ports}} {{$p}} -> {{(index $conf 0).HostPort}} {{end}}"
    assert host.run(f"docker inspect --format='{docs}' web").stdout == " 80/tcp -> 8000 \n"


PIECES = [
    "{{", "}}", "(", ")", "|", " ", ".", ".X", ".SS", ".Mounts", ".Destination", "$", "$x", ":=", "=", ",",
    '"s"', "`r`", "0", "1", "-1", "1.5", "nil", "true", "index", "len", "printf", "join", "eq", "lt", "and",
    "if", "else", "end", "range", "with", "{{-", "-}}", "/*", "*/", "\\", '"', "'", "%d", "x", "\n", "upper",
    "pad", "truncate", "split", "json", "print",
]  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=24))
def test_any_template_gives_output_or_gos_error(pieces: list[str]) -> None:
    """A template, however malformed: output, or an error in Go's words (never a Python repr or exception)."""
    template = "".join(pieces)
    try:
        out = format_objects(template, [DATA])
    except DockerError as err:
        text = err.text
        assert text.startswith(("template: ", "template parsing error: template: ")), text
        assert "[(" not in text and "('" not in text and "Traceback" not in text, text
    else:
        assert isinstance(out, str)
