"""The small shell on the host and in containers: quoting, &&, ;, redirection, ~, $(pwd), builtins, curl."""

from __future__ import annotations

import pytest

from app.dockersim.engine.fixtures import HOME


def test_navigation_and_expansion(s):
    assert s.out("pwd") == HOME + "\n"
    assert s.out("cd feedback-app; pwd") == HOME + "/feedback-app\n"
    assert s.out("echo $(pwd) ~ $HOME") == f"{HOME}/feedback-app {HOME} {HOME}\n"
    assert s.out('cd .. && echo "$(pwd)/x"') == f"{HOME}/x\n"
    assert s.out("echo 'single $(pwd)' \"a  b\"") == "single $(pwd) a  b\n"
    r = s("cd nope")
    assert (r.stderr, r.exit_code) == ("bash: cd: nope: No such file or directory\n", 1)


def test_files(s):
    s.ok("mkdir -p a/b/c && touch a/b/c/x && echo one > a/f && echo two >> a/f")
    assert s.out("cat a/f") == "one\ntwo\n"
    assert s.out("ls a") == "b  f\n"
    s.ok("cp a/f a/g && mv a/g a/h && cp -r a/b z")
    assert s.out("ls a z/c") == "a:\nb  f  h\n\nz/c:\nx\n"
    r = s("rm a")
    assert (r.stderr, r.exit_code) == ("rm: cannot remove 'a': Is a directory\n", 1)
    s.ok("rm -rf a z")
    r = s("ls a")
    assert (r.stderr, r.exit_code) == ("ls: cannot access 'a': No such file or directory\n", 2)
    r = s("mkdir site")
    assert r.stderr == "mkdir: cannot create directory \u2018site\u2019: File exists\n"
    assert s.out("ls -a feedback-app").startswith(".  ..  .dockerignore  Dockerfile")
    assert s.out("ls -l feedback-app").startswith("total ")


@pytest.mark.parametrize(
    "line,out,code",
    [
        ("true && echo y", "y\n", 0),
        ("false && echo y", "", 1),
        ("false; echo y", "y\n", 0),
        ("false || echo y", "y\n", 0),
        ("true || echo y", "", 0),
        ("nosuch", "", 127),
        ("false; echo $?", "1\n", 0),
    ],
)
def test_connectors_and_status(s, line, out, code):
    r = s(line)
    assert (r.stdout, r.exit_code) == (out, code)


def test_syntax_errors_and_unsupported(s):
    assert s("echo 'open").exit_code == 2
    assert "not supported" in s("ls | wc").stderr
    assert s("echo hi > ").exit_code == 2


def test_history_and_clear(s):
    s.ok("echo a")
    s.ok("pwd")
    assert s.out("history") == "    1  echo a\n    2  pwd\n    3  history\n"
    assert s.out("clear") == "\x1b[H\x1b[2J"


def test_curl_flags(s):
    s.ok("docker run -d -p 8080:80 nginx")
    r = s.ok("curl -i localhost:8080/")
    assert r.stdout.startswith("HTTP/1.1 200 OK\r\nServer: nginx/1.27.5\r\n")
    assert s.ok("curl -X POST http://127.0.0.1:8080/").stdout.startswith("<html>\r\n<head><title>405 Not Allowed")
    assert s("curl http://example.com/").exit_code == 6
    r = s("curl localhost:9")
    assert (
        r.stderr == "curl: (7) Failed to connect to localhost port 9 after 0 ms: Couldn't connect to server\n"
        and r.exit_code == 7
    )


def test_curl_to_published_port_with_nothing_listening_inside(s):
    s.ok("docker run -d -p 8000:3000 nginx")
    r = s("curl localhost:8000")
    assert (r.stderr, r.exit_code) == ("curl: (56) Recv failure: Connection reset by peer\n", 56)


def test_busybox_flavour_in_alpine(s):
    s.ok("docker run -d --name box alpine sleep 1000")
    r = s("docker exec box cat /nope")
    assert r.stderr == "cat: can't open '/nope': No such file or directory\n" and r.exit_code == 1
    r = s("docker exec box sh -c 'nosuch'")
    assert (r.stderr, r.exit_code) == ("sh: nosuch: not found\n", 127)
    r = s("docker exec box nosuch")
    assert r.exit_code == 127 and 'exec: "nosuch": executable file not found in $PATH' in r.stderr


def test_sleep_advances_clock(s):
    before = s.host.clock.now
    s.ok("sleep 100")
    assert s.host.clock.now - before >= 100


def test_status_of_previous_line_and_of_held_commands(s):
    s("false")
    assert s.out("echo $?") == "1\n"
    s("docker run -it alpine")
    s("exit 3")
    assert s.out("echo $?") == "3\n"


def test_command_substitution_on_the_host(s):
    s.ok("docker run -d --name aa nginx")
    s.ok("docker run -d --name bb nginx")
    assert s.out("docker stop $(docker ps -q)").count("\n") == 2
    assert s.out("docker rm $(docker ps -aq)").count("\n") == 2 and s.host.containers == []
    assert s.out('echo $(echo a   b) "$(echo a   b)"') == "a b a b\n"
    assert s.out("cd feedback-app; echo $(cd ..; pwd) $(pwd)") == f"{HOME} {HOME}/feedback-app\n"


def test_main_shell_cwd_survives_detach(s):
    s("docker run -it --name box alpine")
    s("cd /tmp")
    s.host.detach_keys(0)
    s.ok("docker attach box")
    assert s.out("pwd") == "/tmp\n" and s.host.prompt(0) == "/tmp # "


def test_globs_and_comments(s):
    s.ok("cd feedback-app")
    assert s.out("ls pages/*.html") == "pages/exists.html\npages/feedback.html\n"
    assert s.out("echo *.js  # a comment") == "server.js\n"
    assert s.out('echo "*.js" nomatch*') == "*.js nomatch*\n"
    s.ok("echo hi > temp/a.txt && rm -rf temp/*")
    assert s.out("ls temp") == ""


def test_rest_of_line_after_an_attached_command_is_not_run(s):
    r = s("docker run --name web nginx && echo after")
    assert r.busy and "after" not in r.stdout and "1 more command(s) on this line were not run" in r.stderr
