"""Lab checks judged on plain host states: a table of passes and near misses per check.

These states are written out as data (what `hostview.read_state` returns for a real host);
`test_lab_host.py` drives the real simulated host for the same situations end to end.
"""

import pytest

from app.grading.checks import Context, run_check
from app.grading.lab import grade_state
from app.grading.state import (
    ContainerView,
    HistoryEntry,
    HostState,
    ImageView,
    MountView,
    PortView,
    VolumeView,
)
from tests.catalogue import english, korean

NGINX = "sha256:" + "a" * 64
APP_OLD = "sha256:" + "b" * 64
APP_NEW = "sha256:" + "c" * 64
ANON = "f" * 64


def box(
    name="web",
    image="nginx:latest",
    image_id=NGINX,
    state="running",
    exit_code=0,
    attached=False,
    ports=(),
    mounts=(),
    **kw,
):
    return ContainerView(
        id=name + "0" * (64 - len(name)),
        name=name,
        image_ref=image,
        image_id=image_id,
        state=state,
        exit_code=exit_code,
        attached=attached,
        ports=tuple(ports),
        mounts=tuple(mounts),
        **kw,
    )


P8000 = PortView("0.0.0.0", 8000, 80)
WEB = box(ports=[P8000])
IMAGES = (ImageView(NGINX, ("nginx:latest",)), ImageView(APP_NEW, ("feedback-app:latest",)), ImageView(APP_OLD, ()))


def state(*containers, volumes=(), history=(), logs=None):
    return HostState(
        containers=tuple(containers),
        images=IMAGES,
        volumes=tuple(volumes),
        history=tuple(HistoryEntry(line, 0, code) for line, code in history),
        logs=logs or {},
    )


def judge(name, params, st):
    return run_check(name, params, Context(st, None))


CASES = [
    # --- container_exists / running / exited / removed
    ("container_exists", {"name": "web"}, state(WEB), True, "web 컨테이너가 있습니다"),
    ("container_exists", {"name": "web"}, state(box("db")), False, "지금 있는 컨테이너: db"),
    ("container_exists", {"name": "web"}, state(), False, "컨테이너가 하나도 없습니다"),
    ("container_running", {"name": "web"}, state(WEB), True, "실행 중"),
    (
        "container_running",
        {"name": "web"},
        state(box(state="exited")),
        False,
        "web 컨테이너는 종료(Exited (0)) 상태입니다",
    ),
    ("container_running", {"name": "web"}, state(box(state="created", attached=None)), False, "생성됨(Created)"),
    ("container_running", {"image": "nginx"}, state(box("stoic_hopper")), True, "stoic_hopper"),
    ("container_running", {"image": "docker.io/library/nginx:latest"}, state(box("x")), True, ""),
    ("container_running", {"image": "nginx:1.27"}, state(WEB), False, "nginx:1.27 이미지로 만든 컨테이너가 없습니다"),
    ("container_running", {"name": "web", "image": "httpd"}, state(WEB), False, "httpd"),
    # right image, but the container still runs the image from before the rebuild
    (
        "container_running",
        {"image": "feedback-app", "current_image": True},
        state(box("app", "feedback-app:latest", APP_OLD)),
        False,
        "현재 버전",
    ),
    (
        "container_running",
        {"image": "feedback-app", "current_image": True},
        state(box("app", "feedback-app:latest", APP_NEW)),
        True,
        "",
    ),
    ("container_exited", {"name": "web"}, state(box(state="exited", exit_code=137)), True, ""),
    (
        "container_exited",
        {"name": "web", "exit_code": 0},
        state(box(state="exited", exit_code=137)),
        False,
        "Exited (137)",
    ),
    ("container_exited", {"name": "web"}, state(WEB), False, "실행 중(Up)"),
    ("container_removed", {"name": "web"}, state(box("db")), True, "삭제되어"),
    ("container_removed", {"name": "web"}, state(box(state="exited")), False, "docker rm"),
    ("container_removed", {"image": "nginx"}, state(box("a"), box("b", state="exited")), False, "아직 남아"),
    # --- detached vs attached
    ("started_detached", {"name": "web"}, state(WEB), True, "분리 모드"),
    ("started_detached", {"name": "web"}, state(box(attached=True)), False, "마지막에 연결 모드(attached)"),
    ("started_detached", {"name": "web"}, state(box(state="created", attached=None)), False, "한 번도 시작되지"),
    ("started_attached", {"name": "web"}, state(box(attached=True, state="exited", exit_code=0)), True, ""),
    ("started_attached", {"name": "web"}, state(WEB), False, "분리 모드(detached)"),
    # --- ports
    ("port_published", {"host_port": 8000, "container_port": 80}, state(WEB), True, "(web)"),
    (
        "port_published",
        {"host_port": 8000, "container_port": 80},
        state(box(ports=[PortView("0.0.0.0", 8080, 80)])),
        False,
        "web 컨테이너는 8080->80/tcp 포트를 게시하고 있습니다",
    ),
    (
        "port_published",
        {"host_port": 8000, "container_port": 80},
        state(box(ports=[PortView("0.0.0.0", 8000, 8080)])),
        False,
        "8000->8080/tcp",
    ),
    ("port_published", {"host_port": 8000, "container_port": 80}, state(box(ports=[])), False, "-p를 빠뜨렸나요"),
    (
        "port_published",
        {"host_port": 8000, "container_port": 80},
        state(box("feedback", state="exited", ports=[P8000])),
        False,
        "80번 포트를 호스트 8000번 포트로 게시한 실행 중인 컨테이너가 없습니다. feedback 컨테이너는 종료(Exited (0)) 상태입니다.",
    ),
    (
        "port_published",
        {"host_port": 8000, "container_port": 80, "name": "api"},
        state(WEB),
        False,
        "api 컨테이너가 없습니다",
    ),
    ("port_published", {"host_port": 8000, "container_port": 80, "protocol": "udp"}, state(WEB), False, "/udp"),
    (
        "port_published",
        {"host_port": 8000, "container_port": 80, "host_ip": "127.0.0.1"},
        state(WEB),
        False,
        "127.0.0.1:8000",
    ),
    (
        "port_published",
        {"host_port": 8000, "container_port": 80, "host_ip": "127.0.0.1"},
        state(box(ports=[PortView("127.0.0.1", 8000, 80)])),
        True,
        "",
    ),
    ("port_published", {"host_port": 8000, "container_port": 80, "host_ip": "0.0.0.0"}, state(WEB), True, ""),
    # --- images
    ("image_exists", {"ref": "nginx"}, state(), True, "nginx 이미지가 있습니다"),
    ("image_exists", {"ref": "nginx:latest"}, state(), True, ""),
    ("image_exists", {"ref": "feedback-app:v2"}, state(), False, "지금 있는 이미지: feedback-app, nginx"),
    ("image_removed", {"ref": "nginx"}, state(), False, "docker rmi"),
    ("image_removed", {"ref": "httpd"}, state(), True, ""),
    # --- volumes and mounts
    ("volume_exists", {"name": "feedback"}, state(volumes=[VolumeView("feedback")]), True, ""),
    (
        "volume_exists",
        {"name": "feedback"},
        state(volumes=[VolumeView(ANON, True)]),
        False,
        "이름 있는 볼륨 없음, 익명 볼륨 1개",
    ),
    ("volume_removed", {"name": "feedback"}, state(volumes=[VolumeView("feedback")]), False, "아직"),
    (
        "mount_at",
        {"container": "app", "path": "/app/feedback", "type": "volume", "source": "feedback"},
        state(box("app", mounts=[MountView("volume", "feedback", "/app/feedback")])),
        True,
        "",
    ),
    # anonymous instead of named volume
    (
        "mount_at",
        {"container": "app", "path": "/app/feedback", "type": "volume", "source": "feedback"},
        state(box("app", mounts=[MountView("volume", ANON, "/app/feedback", anonymous=True)])),
        False,
        "익명 볼륨 → /app/feedback",
    ),
    (
        "mount_at",
        {"container": "app", "path": "/app/feedback", "type": "volume"},
        state(box("app", mounts=[MountView("volume", ANON, "/app/feedback", anonymous=True)])),
        True,
        "",
    ),
    # bind mount to the wrong path
    (
        "mount_at",
        {"container": "app", "path": "/app", "type": "bind", "source": "~/feedback-app"},
        state(box("app", mounts=[MountView("bind", "/home/learner/feedback-app", "/app/src")])),
        False,
        "바인드 마운트 /home/learner/feedback-app → /app/src",
    ),
    (
        "mount_at",
        {"container": "app", "path": "/app/", "type": "bind", "source": "~/feedback-app/"},
        state(box("app", mounts=[MountView("bind", "/home/learner/feedback-app", "/app")])),
        True,
        "",
    ),
    (
        "mount_at",
        {"container": "app", "path": "/app", "type": "bind", "source": "/home/learner/other"},
        state(box("app", mounts=[MountView("bind", "/home/learner/feedback-app", "/app")])),
        False,
        "",
    ),
    (
        "mount_at",
        {"container": "app", "path": "/app", "type": "bind", "read_only": True},
        state(box("app", mounts=[MountView("bind", "/home/learner/feedback-app", "/app")])),
        False,
        "(읽기 전용)",
    ),
    (
        "mount_at",
        {"container": "app", "path": "/app", "type": "volume"},
        state(box("app", mounts=[MountView("bind", "/home/learner/feedback-app", "/app")])),
        False,
        "바인드 마운트",
    ),
    ("mount_at", {"container": "app", "path": "/app", "type": "bind"}, state(box("app")), False, "마운트가 없습니다"),
    (
        "anonymous_volume_at",
        {"container": "app", "path": "/app/node_modules"},
        state(box("app", mounts=[MountView("volume", ANON, "/app/node_modules", anonymous=True)])),
        True,
        "",
    ),
    (
        "anonymous_volume_at",
        {"container": "app", "path": "/app/node_modules"},
        state(box("app", mounts=[MountView("volume", "modules", "/app/node_modules")])),
        False,
        "modules 볼륨 → /app/node_modules",
    ),
    ("anonymous_volume_at", {"image": "nginx", "path": "/data"}, state(), False, "컨테이너가 없습니다"),
    # --- logs
    (
        "logs_contain",
        {"container": "web", "text": "ready"},
        state(WEB, logs={WEB.id: "a\nready for start\n"}),
        True,
        "",
    ),
    (
        "logs_contain",
        {"container": "web", "text": "ready"},
        state(WEB, logs={WEB.id: "starting\n"}),
        False,
        "마지막 줄: ‘starting’",
    ),
    ("logs_contain", {"container": "web", "text": "준비"}, state(WEB, logs={WEB.id: "서버 준비 완료\n"}), True, ""),
    # --- commands that were run (only successful ones count)
    (
        "command_run",
        {"kind": "logs -f", "args_contain": "web"},
        state(history=[("docker container logs --follow web", 0)]),
        True,
        "",
    ),
    ("command_run", {"kind": "logs -f"}, state(history=[("docker logs web -f", 0)]), True, ""),
    ("command_run", {"kind": "logs -f"}, state(history=[("docker logs web", 0)]), False, "아직 실행하지"),
    ("command_run", {"kind": "logs"}, state(history=[("docker logs wbe", 1)]), False, "실패 1번"),
    ("command_run", {"kind": "ps -a"}, state(history=[("docker container ls --all", 0)]), True, ""),
    ("command_run", {"kind": "ps -a"}, state(history=[("docker ps", 0)]), False, ""),
    ("command_run", {"kind": "inspect"}, state(history=[("docker container inspect web", 0)]), True, ""),
    ("command_run", {"kind": "logs", "args_contain": "web"}, state(history=[("docker logs db", 0)]), False, ""),
    ("command_run", {"kind": "ps"}, state(history=[("docker ps; docker pss", 1)]), False, ""),
    ("command_run", {"kind": "ps"}, state(history=[("cd ~ && docker ps", 0)]), True, ""),
    ("command_run", {"kind": "curl"}, state(history=[("curl localhost:8000", 0)]), True, ""),
    # held commands end with the container's exit code: a signal death still means they ran
    ("command_run", {"kind": "attach"}, state(history=[("docker attach feedback", 137)]), True, ""),
    ("command_run", {"kind": "attach"}, state(history=[("docker attach feedback", 1)]), False, "실패 1번"),
    ("command_run", {"kind": "start"}, state(history=[("docker start -a web", 143)]), True, ""),
    ("command_run", {"kind": "start"}, state(history=[("docker start web", 137)]), False, "실패"),
    ("command_run", {"kind": "run"}, state(history=[("docker run -d nginx", 137)]), False, "실패"),
    # the course's spelling: the sub-command or a flag given in args_contain
    ("command_run", {"kind": "volume", "args_contain": "ls"}, state(history=[("docker volume list", 0)]), True, ""),
    (
        "command_run",
        {"kind": "volume", "args_contain": "inspect"},
        state(history=[("docker volume ls", 0)]),
        False,
        "docker volume inspect 명령을",
    ),
    (
        "command_run",
        {"kind": "logs", "args_contain": "-f"},
        state(history=[("docker logs --follow web", 130)]),
        True,
        "",
    ),
    (
        "command_run",
        {"kind": "logs", "args_contain": ["-f", "web"]},
        state(history=[("docker logs -f db", 0)]),
        False,
        "docker logs -f web",
    ),
    ("command_run", {"kind": "logs", "args_contain": "-f"}, state(history=[("docker logs web", 0)]), False, ""),
]


@pytest.mark.parametrize("name,params,st,passed,fragment", CASES, ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)])
def test_check_table(name, params, st, passed, fragment):
    outcome = judge(name, params, st)
    assert outcome.passed is passed, korean(outcome.message)
    assert fragment in korean(outcome.message)
    assert english(outcome.message) and english(outcome.message) != korean(outcome.message)


def test_strict_policy_fails_on_leftovers_and_checks_does_not():
    st = state(WEB, box("old", state="exited"), volumes=[VolumeView("junk"), VolumeView(ANON, True)])
    goal = [("port_published", {"host_port": 8000, "container_port": 80}, 2)]
    relaxed = grade_state(goal, "checks", st, None)
    assert relaxed.passed and relaxed.score == 2 and relaxed.max_score == 2
    strict = grade_state(goal, "strict", st, None)
    assert not strict.passed
    assert (strict.score, strict.max_score) == (2, 4)
    by_name = {c.name: c for c in strict.checks}
    assert "old(종료(Exited (0)))" in korean(by_name["no_extra_containers"].message)
    assert "junk" in korean(by_name["no_extra_volumes"].message) and "익명 볼륨" in korean(
        by_name["no_extra_volumes"].message
    )


def test_strict_keeps_what_the_goal_requires():
    app = box(
        "app",
        mounts=[
            MountView("volume", "feedback", "/app/feedback"),
            MountView("volume", ANON, "/app/node_modules", anonymous=True),
        ],
    )
    st = state(app, box("db"), volumes=[VolumeView("feedback"), VolumeView(ANON, True)])
    goal = [("container_running", {"name": "app"}, 1), ("container_exists", {"name": "db"}, 1)]
    verdict = grade_state(goal, "strict", st, None)
    assert verdict.passed, [korean(c.message) for c in verdict.checks]


def test_no_extra_containers_allowed_list():
    st = state(WEB, box("db"))
    goal = [("container_running", {"name": "web"}, 1), ("no_extra_containers", {"allowed": ["db"]}, 1)]
    assert grade_state(goal, "checks", st, None).passed
    goal = [("container_running", {"name": "web"}, 1), ("no_extra_containers", {}, 1)]
    assert not grade_state(goal, "checks", st, None).passed


def test_partial_credit_by_weights():
    st = state(box(ports=[PortView("0.0.0.0", 8080, 80)]))
    goal = [
        ("container_running", {"name": "web"}, 1),
        ("port_published", {"host_port": 8000, "container_port": 80}, 3),
        ("started_detached", {"name": "web"}, 1),
    ]
    verdict = grade_state(goal, "checks", st, None)
    assert (verdict.score, verdict.max_score, verdict.passed) == (2, 5, False)
    assert [c.passed for c in verdict.checks] == [True, False, True]
    assert "검사 3개 중 2개 통과, 5점 중 2점" in korean(verdict.feedback)
    assert "2 of 3 checks, 2 of 5 points" in english(verdict.feedback)
