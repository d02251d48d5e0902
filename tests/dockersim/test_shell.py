"""The small shell on the host and in containers: quoting, &&, ;, redirection, ~, $(pwd), builtins, curl."""

from __future__ import annotations

import pytest

from app.dockersim.engine.fixtures import HOME
from tests.dockersim.conftest import said


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
    assert said(s("ls | wc")) == "'|' is not supported by this simulator's shell.\n"
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
    assert r.busy and "after" not in r.stdout and said(r).endswith("the terminal is now attached to a container: 1.\n")


@pytest.mark.parametrize(
    "line,prog",
    [
        ("docker run ubuntu apt-get update", "apt-get"),
        ("docker run alpine apk add curl", "apk"),
        ("docker run python python -c 'print(1)'", "python"),
        ("docker run python python app.py", "python"),
        ("docker run node npm install", "npm"),
    ],
)
def test_real_but_unmodelled_programs_in_containers_say_so_with_a_nonzero_exit(s, line, prog):
    r = s(line)
    text = r.stdout + r.stderr + s.host.drain_output()
    assert r.exit_code == 126, (line, r)
    assert f"'{prog}' exists in this image, but the simulator does not model this program" in said(r)
    assert "executable file not found" not in text
    assert s.host.containers[0].exit_code == 126


def test_missing_program_is_still_not_found(s):
    r = s("docker run busybox apk")  # busybox has no apk
    assert r.exit_code == 127 and 'exec: "apk": executable file not found in $PATH' in r.stderr


def test_unmodelled_program_in_a_container_shell(s):
    s.ok("docker run -d --name u1 ubuntu sleep 1000")
    r = s("docker exec u1 sh -c 'apt-get install -y curl'")
    assert r.exit_code == 126 and r.stderr == ""
    assert said(r) == "'apt-get' exists in this container, but this simulator does not model the program.\n"
    r = s("docker exec u1 whoami")
    assert r.exit_code == 0 and r.stdout == "root\n"


@pytest.mark.parametrize("prog", ["nano", "vim", "grep", "node", "npm", "git"])
def test_real_host_programs_are_not_reported_as_missing(s, prog):
    r = s(f"{prog} x")
    assert r.exit_code == 126
    assert r.stderr == "" and said(r) == (
        f"'{prog}' is a real program on a normal machine, but this simulator's shell does not model it.\n"
    )


def test_made_up_host_command_is_not_found(s):
    r = s("dokcer ps")
    assert r.exit_code == 127 and r.stderr == "bash: dokcer: command not found\n"


def test_sudo_runs_the_command(s):
    assert s.out("sudo docker ps").startswith("CONTAINER ID")
    assert s("sudo").exit_code == 1
    r = s("sudo -i")
    assert r.exit_code == 1 and said(r) == "sudo options such as '-i' are not modelled by this simulator.\n"


def test_rm_rf_root_is_refused_like_gnu_rm(s):
    r = s("rm -rf /")
    assert r.exit_code == 1
    assert (
        r.stderr
        == "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"
    )
    assert "feedback-app" in s.out("ls")
    r = s("sudo rm -rf /")
    assert r.exit_code == 1 and "feedback-app" in s.out("ls")


@pytest.mark.parametrize("url", ["http://localhost:99999", "localhost:65536/x"])
def test_curl_port_out_of_range(s, url):
    r = s(f"curl {url}")
    assert r.exit_code == 3
    assert r.stderr == "curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n"


def test_printf_builtin_on_the_host_and_in_containers(s):
    s.ok('printf "FROM alpine\\nCMD [\\"cat\\", \\"/etc/hostname\\"]\\n" > Dockerfile')
    assert s.host.read_file("Dockerfile") == 'FROM alpine\nCMD ["cat", "/etc/hostname"]\n'
    assert s.out("printf '%s-%d\\n' a 1 b 2") == "a-1\nb-2\n"
    assert s.out("printf 'no newline'") == "no newline"
    r = s("printf '%d\\n' x")
    assert (r.stdout, r.stderr, r.exit_code) == ("0\n", "bash: printf: x: invalid number\n", 1)
    assert s("printf").exit_code == 2
    assert s.out("docker run --rm alpine sh -c 'printf \"%s\\n\" hi'") == "hi\n"


@pytest.mark.parametrize("image", ["alpine", "ubuntu"])
def test_dollar_question_mark_carries_over_between_lines_of_a_container_shell(s, image):
    s(f"docker run -it --name box {image}")
    assert s("cd /nonexist").exit_code != 0
    code = s.host.history[-1].exit_code
    assert s.out("echo $?") == f"{code}\n"
    assert s.out("echo $?") == "0\n"
    s("false")
    s("exit")  # exit without a number uses the last status
    assert s.host.container("box").exit_code == 1
    s.ok("docker start box")
    s.ok("docker exec -d box sleep 1000")
    s("docker exec -it box sh")
    s("ls /nonexist")
    assert s.out("echo $?") != "0\n"
    s("exit 0")
    assert not s.host.terminal_busy(0)


@pytest.mark.parametrize("line", ['echo "$(echo hi"', 'echo "$("', 'echo "a $(pwd" b', 'docker rm "$(docker ps -q"'])
def test_unclosed_substitution_in_double_quotes_is_a_syntax_error_not_a_hang(s, line):
    r = s(line)  # used to loop forever
    assert (r.stdout, r.stderr, r.exit_code) == ("", "bash: unexpected EOF while looking for matching `)'\n", 2)


@pytest.mark.parametrize(
    "line,message",
    [
        ("ls 2> ~", "bash: /home/learner: Is a directory\n"),
        ("echo hi > feedback-app", "bash: feedback-app: Is a directory\n"),
        ("echo hi > nope/x", "bash: nope/x: No such file or directory\n"),
        ("ls nope 2> x/y", "bash: x/y: No such file or directory\n"),
        ("echo a > site/index.html/x", "bash: site/index.html/x: Not a directory\n"),
    ],
)
def test_bad_redirection_targets_fail_before_the_command_runs(s, line, message):
    r = s(line)
    assert (r.stdout, r.stderr, r.exit_code) == ("", message, 1)
    assert s.host.fs.kind("/home/learner/feedback-app") == "dir"
    r = s("docker run -d nginx > feedback-app")
    assert r.exit_code == 1 and s.host.containers == []  # the command itself did not run


def test_good_redirections_still_work(s):
    assert s("ls nope 2> err.txt").exit_code == 2
    assert s.out("cat err.txt") == "ls: cannot access 'nope': No such file or directory\n"
    s.ok("echo a > f.txt && echo b >> f.txt && ls nope 2> /dev/null; cat f.txt")
    assert s.host.read_file("f.txt") == "a\nb\n"


@pytest.mark.parametrize("line,shown", [("ls -R", "ls -R"), ("rm -i f.txt", "rm -i"), ("mkdir -pv a/b", "mkdir -v")])
def test_real_but_unmodelled_tool_options_say_so(s, line, shown):
    s.ok("touch f.txt")
    r = s(line)
    assert r.exit_code == 2
    assert r.stderr == "" and said(r) == f"'{shown}' is a real option, but this simulator does not model it.\n"


def test_made_up_tool_options_keep_the_tools_own_error(s):
    r = s("ls -y")
    assert (r.exit_code, r.stderr) == (2, "ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n")
    r = s("docker run --rm alpine ls -R /")
    assert "is a real option, but this simulator does not model it" in said(r) + said(s.host.drain_result())
