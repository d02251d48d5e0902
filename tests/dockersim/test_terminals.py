"""Several terminals on one host: busy terminals, streamed output, Ctrl+C, Ctrl+P Ctrl+Q, exec -it."""

from __future__ import annotations

from app.dockersim import DockerHost
from app.dockersim.engine.fixtures import APP
from tests.dockersim.conftest import said


def _app(s, extra: str = "") -> None:
    s.ok(f"cd {APP} && docker build -t feedback .")
    s(f"docker run -p 8000:80 --name fb {extra} feedback")


def test_attached_run_holds_terminal_and_streams_later_logs(s):
    _app(s)
    assert s.host.terminal_busy(0) and not s.host.terminal_busy(1)
    r = s("docker ps")
    assert r.exit_code == 1 and r.busy and r.stderr == ""
    # the simulator's own note, numbered from 1 as the terminal tabs are
    assert [n.english() for n in r.notes] == [
        "Terminal 1 is attached to the container fb: press Ctrl+C to stop it or use another terminal."
    ]
    s.ok("curl -d title=Hi -d text=there localhost:8000/create", 1)
    assert s.host.drain_output(0) == "Feedback saved: hi\n"
    assert s.host.drain_output(0) == ""
    r = s.host.interrupt(0)
    assert r.stdout == "^CReceived SIGINT, shutting down\n" and r.exit_code == 0
    assert not s.host.terminal_busy(0) and s.host.container("fb").state == "exited"


def test_stop_from_another_terminal_frees_the_attached_one(s):
    _app(s)
    s.ok("docker stop fb", 1)
    assert not s.host.terminal_busy(0)
    assert s.host.container("fb").exit_code == 137  # node ignores SIGTERM as PID 1; SIGKILL after 10 s
    assert s.host.history[-2].line.startswith("docker run") and s.host.history[-2].exit_code == 137


def test_node_without_sigint_handler_ignores_ctrl_c(s):
    s.host.write_file(
        f"{APP}/server.js", s.host.read_file(f"{APP}/server.js").replace("process.on('SIGINT'", "process.on('SIGHUP'")
    )
    _app(s)
    r = s.host.interrupt(0)
    assert r.busy and s.host.container("fb").running
    s.ok("docker kill fb", 1)
    assert not s.host.terminal_busy(0) and s.host.container("fb").exit_code == 137


def test_logs_follow_ctrl_c_and_container_end(s):
    s.ok("docker run -d -p 8000:80 --name web nginx")
    assert s("docker logs -f web").busy
    assert s.host.interrupt(0).exit_code == 130 and not s.host.terminal_busy(0)
    s("docker logs -f --tail 0 web")
    s.ok("curl localhost:8000/missing", 1)
    assert '"GET /missing HTTP/1.1" 404' in s.host.drain_output(0)


def test_attach_then_ctrl_c_stops_container(s):
    s.ok("docker run -d --name web nginx")
    assert s("docker attach web").busy
    r = s.host.interrupt(0)
    assert "signal 2 (SIGINT) received" in r.stdout and not s.host.container("web").running


def test_attach_with_sig_proxy_false_detaches_on_ctrl_c(s):
    s.ok("docker run -d --name web nginx")
    s("docker attach --sig-proxy=false web")
    s.host.interrupt(0)
    assert s.host.container("web").running and not s.host.terminal_busy(0)


def test_interactive_shell_run_and_detach_reattach(s):
    assert s("docker run -it --name box alpine").busy
    assert s.host.prompt(0) == "/ # "
    s.ok("mkdir /work && cd /work && echo data > f.txt")
    assert s.out("cat f.txt") == "data\n" and s.host.prompt(0) == "/work # "
    assert s.host.interrupt(0).busy  # Ctrl+C goes to the shell, not the container
    assert s.host.detach_keys(0).stdout == "read escape sequence\n"
    assert s.host.container("box").running
    s.ok("docker attach box")
    r = s("ls /work")
    assert r.stdout == "f.txt\n"
    s("exit")
    assert s.host.container("box").state == "exited" and not s.host.terminal_busy(0)


def test_exec_it_shell_and_exit(s):
    s.ok("docker run -d --name web nginx")
    assert s("docker exec -it web bash").busy
    assert s.host.prompt(0).startswith("root@") and s.host.prompt(0).endswith(":/# ")
    assert "index.html" in s.out("ls /usr/share/nginx/html")
    r = s("nosuch")
    assert r.exit_code == 127 and r.stderr == "bash: nosuch: command not found\n"
    s("exit")
    assert not s.host.terminal_busy(0) and s.host.container("web").running


def test_detach_keys_need_it(s):
    s("docker run --name web nginx")
    r = s.host.detach_keys(0)
    assert r.exit_code == 1 and s.host.terminal_busy(0)


def test_start_a_streams_and_returns_exit_code(s):
    s.ok("docker create --name hi busybox echo hello")
    r = s("docker start -a hi")
    assert (r.stdout, r.exit_code, r.busy) == ("hello\n", 0, False)
    s.ok("docker create --name bad busybox sh -c 'exit 5'")
    assert s("docker start -a bad").exit_code == 5


def test_ctrl_c_on_idle_prompt():
    from app.dockersim import DockerHost

    r = DockerHost().interrupt(3)
    assert (r.stdout, r.exit_code) == ("^C\n", 130)


def test_attached_sleep_blocks_then_returns(s):
    before = s.host.clock.now
    r = s("docker run alpine sleep 30")
    assert r.exit_code == 0 and not s.host.terminal_busy(0) and s.host.clock.now - before >= 30


def test_prune_prompts_wait_for_an_answer(s):
    s.ok("docker create --name gone busybox")
    r = s.ok("docker container prune")
    assert (
        r.stdout == "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] "
        and r.busy
    )
    assert s.host.prompt(0) == "" and s.host.terminal_busy(0)
    r = s.ok("y")
    assert r.stdout.startswith("Deleted Containers:\n") and s.host.containers == [] and not r.busy
    s.ok("docker image prune -a")
    assert s.host.interrupt(0).exit_code == 130 and not s.host.terminal_busy(0)
    assert s.host.images  # cancelled


def test_host_exit_is_refused(s):
    r = s("exit")
    assert r.exit_code == 1 and r.stderr == "" and "stays open" in said(r)


def test_idle_ctrl_c_does_not_rewrite_history(s):
    s("docker run busybox sh -c 'exit 4'")
    s.host.interrupt(0)
    assert s.host.history[-1].exit_code == 4
    assert s.out("echo $?") == "130\n"


def test_stop_from_other_terminal_streams_final_lines_and_exit_code(s):
    s("docker run --name web nginx")
    s.ok("docker stop web", 1)
    r = s.host.drain_result(0)
    assert "signal 3 (SIGQUIT) received, shutting down" in r.stderr and r.stdout == ""
    assert (r.exit_code, r.busy) == (0, False)
    s("docker run --name box busybox sleep 1000", 2)
    s.ok("docker kill box", 1)
    assert s.host.drain_result(2).exit_code == 137


def test_decomposed_hangul_is_normalised_to_nfc_at_the_boundary():
    import unicodedata

    host = DockerHost(seed=0)
    decomposed = unicodedata.normalize("NFD", "안녕")
    assert decomposed != "안녕"
    host.run(f"echo {decomposed} > ~/인사.txt")
    assert host.read_file("~/인사.txt").strip() == "안녕"
    host.write_file(unicodedata.normalize("NFD", "~/메모.txt"), decomposed)
    assert host.run("cat ~/메모.txt").stdout == "안녕"
