"""Regressions found in the issue-3 audit: hints, names, unmodelled programs, curl, rm -rf /, per-command history."""

from __future__ import annotations

import pytest

from app.dockersim import DockerHost
from app.dockersim.core.hints import HINTS
from app.dockersim.engine.fixtures import APP
from tests.dockersim.invariants import check_invariants


def _hint_line(stderr: str) -> str:
    assert stderr.count("\n💡 ") == 1, stderr
    return stderr.split("\n💡 ", 1)[1].rstrip("\n")


# --- Korean hints pick the right explanation ---------------------------------------------


def test_build_uppercase_tag_gets_the_lowercase_hint_not_the_flag_hint():
    host = DockerHost(seed=0, hints=True)
    r = host.run(f"cd {APP} && docker build -t MyApp .")
    assert r.exit_code == 125
    assert r.stderr.startswith(
        'invalid argument "MyApp" for "-t, --tag" flag: invalid reference format: '
        "repository name (library/MyApp) must be lowercase\n\nUsage:  docker build"
    )
    assert _hint_line(r.stderr) == HINTS["lowercase"]


def test_build_bad_tag_format_gets_the_reference_hint():
    host = DockerHost(seed=0, hints=True)
    r = host.run(f"cd {APP} && docker build -t 'a b' .")
    assert r.exit_code == 125 and _hint_line(r.stderr) == HINTS["reference"]


@pytest.mark.parametrize("name", ["웹", "a", "-bad", "my app", "we/b"])
def test_invalid_container_name_gets_its_own_hint(name):
    host = DockerHost(seed=0, hints=True)
    r = host.run(f"docker run --name '{name}' nginx")
    assert r.exit_code == 125
    assert r.stderr.startswith(
        f"docker: Error response from daemon: Invalid container name ({name}), "
        "only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n\nRun 'docker run --help' for more information\n"
    )
    assert _hint_line(r.stderr) == HINTS["name_invalid"] != HINTS["name_conflict"]
    assert host.containers == []


def test_rename_to_invalid_name_gets_the_invalid_name_hint():
    host = DockerHost(seed=0, hints=True)
    host.run("docker create --name web busybox")
    r = host.run("docker rename web 웹")
    assert r.exit_code == 1 and _hint_line(r.stderr) == HINTS["name_invalid"]


def test_name_conflict_still_gets_the_conflict_hint():
    host = DockerHost(seed=0, hints=True)
    host.run("docker create --name web busybox")
    r = host.run("docker run --name web busybox")
    assert r.exit_code == 125 and _hint_line(r.stderr) == HINTS["name_conflict"]


# --- names as the daemon treats them -----------------------------------------------------


def test_empty_name_means_a_generated_name(s):
    r = s.ok('docker create --name "" busybox')
    c = s.host.containers[0]
    assert c.id + "\n" == r.stdout and c.name and "_" in c.name


def test_leading_slash_in_name_is_not_part_of_the_shown_name(s):
    s.ok("docker run -d --name /web nginx")
    assert s.host.containers[0].name == "web"
    assert s.out("docker ps").splitlines()[1].endswith("   web")
    r = s("docker run -d --name web nginx")
    assert r.exit_code == 125 and 'The container name "/web" is already in use' in r.stderr


# --- programs that exist but are not modelled say so (never "not found", never silent) -------


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
    assert f"docker-dojo: '{prog}' exists in this image, but the simulator does not model this program" in text
    assert "executable file not found" not in text
    assert s.host.containers[0].exit_code == 126


def test_missing_program_is_still_not_found(s):
    r = s("docker run busybox apk")  # busybox has no apk
    assert r.exit_code == 127 and 'exec: "apk": executable file not found in $PATH' in r.stderr


def test_unmodelled_program_in_a_container_shell(s):
    s.ok("docker run -d --name u1 ubuntu sleep 1000")
    r = s("docker exec u1 sh -c 'apt-get install -y curl'")
    assert r.exit_code == 126 and "apt-get: this program is not modelled by the simulator" in r.stderr
    r = s("docker exec u1 whoami")
    assert r.exit_code == 0 and r.stdout == "root\n"


@pytest.mark.parametrize("prog", ["nano", "vim", "grep", "node", "npm", "git"])
def test_real_host_programs_are_not_reported_as_missing(s, prog):
    r = s(f"{prog} x")
    assert r.exit_code == 126
    assert r.stderr == (
        f"docker-dojo: '{prog}' is a real program on a normal machine, but this simulator's shell does not model it\n"
    )


def test_made_up_host_command_is_not_found(s):
    r = s("dokcer ps")
    assert r.exit_code == 127 and r.stderr == "bash: dokcer: command not found\n"


def test_sudo_runs_the_command(s):
    assert s.out("sudo docker ps").startswith("CONTAINER ID")
    assert s("sudo").exit_code == 1
    r = s("sudo -i")
    assert r.exit_code == 1 and "not modelled" in r.stderr


# --- host shell edge cases ---------------------------------------------------------------


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


# --- per-command results in the history --------------------------------------------------


def test_history_keeps_each_commands_exit_code(s):
    s("false; echo hi")
    e = s.host.history[-1]
    assert e.exit_code == 0 and e.line == "false; echo hi"
    assert e.commands == ({"argv": ["false"], "exit_code": 1}, {"argv": ["echo", "hi"], "exit_code": 0})
    s("cd /nope && echo never")
    e = s.host.history[-1]
    assert e.exit_code == 1 and e.commands == ({"argv": ["cd", "/nope"], "exit_code": 1},)
    s("docker rm nope || docker ps -q")
    assert [(c["argv"][:2], c["exit_code"]) for c in s.host.history[-1].commands] == [
        (["docker", "rm"], 1),
        (["docker", "ps"], 0),
    ]


def test_history_commands_are_expanded_and_held_commands_get_their_final_code(s):
    s("echo $(pwd) ~")
    assert s.host.history[-1].commands == ({"argv": ["echo", "/home/learner", "/home/learner"], "exit_code": 0},)
    s("docker run busybox true; docker run --name web nginx")
    s.host.interrupt()
    s("docker run -d --name db busybox sleep 100 && docker attach db")
    s.host.run("docker kill db", 1)
    s.host.drain_output()
    entries = [e for e in s.host.history if e.terminal == 0]
    run_line = next(e for e in entries if e.line.startswith("docker run busybox true"))
    assert [c["exit_code"] for c in run_line.commands] == [0, run_line.exit_code]
    attach_line = entries[-1]
    assert attach_line.exit_code == 137
    assert [c["exit_code"] for c in attach_line.commands] == [0, 137]


def test_history_commands_survive_a_snapshot_and_old_snapshots_load(s):
    s("false; true")
    snap = s.host.snapshot()
    assert snap["history"][-1]["commands"] == [{"argv": ["false"], "exit_code": 1}, {"argv": ["true"], "exit_code": 0}]
    again = DockerHost.from_snapshot(snap)
    assert again.snapshot() == snap and again.history == s.host.history
    old = {**snap, "history": [{k: v for k, v in h.items() if k != "commands"} for h in snap["history"]]}
    loaded = DockerHost.from_snapshot(old)
    assert all(h.commands == () for h in loaded.history)
    check_invariants(loaded)


def test_grader_view_still_reads_history():
    from app.grading.hostview import read_state

    host = DockerHost(seed=0)
    host.run("false; echo hi")
    state = read_state(host)
    assert state.history[-1].exit_code == 0


# --- restart --------------------------------------------------------------------------------


def test_restart_uses_the_given_signal_and_keeps_restart_count_at_zero(s):
    s.ok("docker run -d --name web nginx")
    s.ok("docker restart web")
    logs = s.out("docker logs web") + s.ok("docker logs web").stderr
    assert "signal 3 (SIGQUIT) received, shutting down" in logs  # nginx's StopSignal by default
    before = len(s.host.container("web").logs)
    s.ok("docker restart -s SIGKILL web")
    new = [e.text for e in s.host.container("web").logs[before:]]
    assert not any("signal" in t and "received" in t for t in new), new
    assert s.host.container("web").running and s.host.container("web").restart_count == 0
    assert '"RestartCount": 0,' in s.out("docker inspect web")
    r = s("docker restart -s NOPE web")
    assert r.exit_code == 1 and "Invalid signal: NOPE" in r.stderr


def test_docker_cp_over_the_byte_limit_is_a_clear_error():
    host = DockerHost(seed=1, hints=True)
    host.write_file("big.txt", "y" * 600_000)
    assert host.run("docker run -d --name c1 alpine sleep 1d").exit_code == 0
    r = host.run("docker cp big.txt c1:/big")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "docker-dojo: cp failed: No space left on device (this simulated host keeps at most 1 MiB"
    )
    assert _hint_line(r.stderr) == HINTS["limit"]
    assert host.bytes_used() <= 1024 * 1024


# --- client-side framing checked against the real 28.2.2 binary ------------------------------


@pytest.mark.parametrize(
    "line,path,usage",
    [
        ("docker run -e =x nginx", "run", "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]"),
        ("docker create -e =x nginx", "create", "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]"),
        ("docker exec -e =x web ls", "exec", "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]"),
    ],
)
def test_invalid_env_is_a_flag_error_before_anything_happens(s, line, path, usage):
    r = s(line)
    assert (r.exit_code, r.stdout) == (125, "")
    assert r.stderr == (
        f'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x\n\n'
        f"Usage:  {usage}\n\nRun 'docker {path} --help' for more information\n"
    )
    assert s.host.images == [] and s.host.containers == []
    r = s('docker run -e "" nginx')
    assert r.exit_code == 125 and r.stderr.startswith(
        'invalid argument "" for "-e, --env" flag: invalid environment variable: \n'
    )


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


@pytest.mark.parametrize(
    "line",
    [
        "docker volume create 볼륨",
        "docker volume create v",
        "docker run -v 볼륨:/data alpine true",
        "docker run -v x:/data alpine true",
    ],
)
def test_invalid_volume_name_gets_the_volume_name_hint(line):
    host = DockerHost(seed=0, hints=True)
    r = host.run(line)
    assert r.exit_code in (1, 125) and "includes invalid characters for a local volume name" in r.stderr
    assert _hint_line(r.stderr) == HINTS["volume_name"]
    assert host.volumes == []


# --- found by fuzzing: a hang and an escaping exception --------------------------------------


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


# --- ports are per protocol ----------------------------------------------------------------


def test_udp_and_tcp_on_the_same_host_port_do_not_conflict_and_curl_uses_tcp(s):
    s.ok("docker run -d -p 9001:80/udp --name udp nginx")
    r = s("curl localhost:9001")  # nothing listens on TCP 9001
    assert r.exit_code == 7 and "Failed to connect to localhost port 9001" in r.stderr
    s.ok("docker run -d -p 9001:80 --name tcp nginx")
    assert s.host.port_owner(9001).name == "tcp" and s.host.port_owner(9001, "udp").name == "udp"
    assert "Welcome to nginx!" in s.out("curl localhost:9001")
    r = s("docker run -d -p 9001:53/udp --name udp2 nginx")
    assert r.exit_code == 125 and "Bind for 0.0.0.0:9001 failed: port is already allocated" in r.stderr
    s.ok("docker rm -f udp")
    s.ok("docker start udp2")
    assert s.host.port_owner(9001, "udp").name == "udp2" and s.host.port_owner(9001).name == "tcp"
    s.ok("docker stop tcp")
    assert s.host.port_owner(9001) is None and s("curl localhost:9001").exit_code == 7
    check_invariants(s.host)
    assert DockerHost.from_snapshot(s.host.snapshot()).port_owner(9001, "udp").name == "udp2"


@pytest.mark.parametrize("line,shown", [("ls -R", "ls -R"), ("rm -i f.txt", "rm -i"), ("mkdir -pv a/b", "mkdir -v")])
def test_real_but_unmodelled_tool_options_say_so(s, line, shown):
    s.ok("touch f.txt")
    r = s(line)
    assert r.exit_code == 2
    assert r.stderr == f"docker-dojo: '{shown}' is a real option, but this simulator does not model it\n"


def test_made_up_tool_options_keep_the_tools_own_error(s):
    r = s("ls -y")
    assert (r.exit_code, r.stderr) == (2, "ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n")
    r = s("docker run --rm alpine ls -R /")
    assert "is a real option, but this simulator does not model it" in r.stderr + s.host.drain_output()


def test_recorded_argv_is_bounded_even_when_expansion_is_large(s):
    s.host.write_file("big.txt", "w " * 20_000)
    s.ok("echo $(cat big.txt) > /dev/null")
    (cmd,) = s.host.history[-1].commands
    assert sum(len(w) for w in cmd["argv"]) <= 4096 + 1 and cmd["argv"][-1].endswith("…")
    s.ok(";".join(["true"] * 100))
    assert len(s.host.history[-1].commands) == 64


def test_unmodelled_hub_image_in_run_is_not_framed_as_dockers_own_error(s):
    r = s("docker run mysql")
    assert r.exit_code == 125
    assert r.stderr.startswith(
        "Unable to find image 'mysql:latest' locally\ndocker-dojo: 'mysql' is a real Docker Hub image"
    )
    assert "docker: docker-dojo" not in r.stderr and "Run 'docker run --help'" not in r.stderr


def test_decomposed_hangul_is_normalised_to_nfc_at_the_boundary():
    import unicodedata

    host = DockerHost(seed=0)
    decomposed = unicodedata.normalize("NFD", "안녕")
    assert decomposed != "안녕"
    host.run(f"echo {decomposed} > ~/인사.txt")
    assert host.read_file("~/인사.txt").strip() == "안녕"
    host.write_file(unicodedata.normalize("NFD", "~/메모.txt"), decomposed)
    assert host.run("cat ~/메모.txt").stdout == "안녕"
