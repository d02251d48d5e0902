"""The check registry: typed parameters validated at content-load time, plain-words goals."""

import pytest

from app.grading import CHECKS, ContentError, describe_check, describe_goal, validate_check, validate_goal
from tests.catalogue import english, korean

PROVISIONAL = {
    "container_exists",
    "container_running",
    "container_exited",
    "container_removed",
    "started_detached",
    "started_attached",
    "port_published",
    "image_exists",
    "image_built_from_current",
    "volume_exists",
    "anonymous_volume_at",
    "mount_at",
    "file_exists",
    "file_absent",
    "logs_contain",
    "http_responds",
    "command_run",
    "no_extra_containers",
    "no_extra_volumes",
}


def test_every_provisional_name_is_registered():
    assert set(CHECKS) >= PROVISIONAL


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_every_example_validates_and_describes(name):
    kind = CHECKS[name]
    assert validate_check(name, kind.example) == []
    ko, en = korean(describe_check(name, kind.example)), english(describe_check(name, kind.example))
    assert ko and en and ko != en
    assert kind.summary and all(p.doc for p in kind.params)


@pytest.mark.parametrize(
    "name,params,fragment",
    [
        ("container_runing", {"name": "web"}, "did you mean container_running"),
        ("portpublished", {}, "did you mean port_published"),
        ("container_running", {}, "give 'name' or 'image'"),
        ("container_running", {"id": "abc123"}, "unknown parameter 'id'"),
        ("container_running", {"nmae": "web"}, "did you mean 'name'"),
        ("container_running", {"name": ""}, "non-empty string"),
        ("container_running", {"image": "MyApp"}, "lowercase"),
        ("container_exited", {"name": "web", "exit_code": "0"}, "integer"),
        ("port_published", {"host_port": 8000}, "missing required parameter 'container_port'"),
        ("port_published", {"host_port": 70000, "container_port": 80}, "1-65535"),
        ("port_published", {"host_port": "8000", "container_port": 80}, "1-65535"),
        ("port_published", {"host_port": True, "container_port": 80}, "1-65535"),
        ("port_published", {"host_port": 8000, "container_port": 80, "protocol": "tpc"}, "did you mean 'tcp'"),
        ("image_exists", {}, "missing required parameter 'ref'"),
        ("image_built_from_current", {"ref": "app", "context": "feedback-app"}, "absolute path"),
        ("mount_at", {"container": "web", "path": "/data", "type": "volum"}, "did you mean 'volume'"),
        ("mount_at", {"container": "web", "path": "data", "type": "volume"}, "absolute path"),
        ("mount_at", {"path": "/data", "type": "volume"}, "'container'"),
        ("mount_at", {"container": "web", "path": "/d", "type": "volume", "source": "/home/x"}, "volume name"),
        ("mount_at", {"container": "web", "path": "/d", "type": "bind", "read_only": "yes"}, "true or false"),
        ("anonymous_volume_at", {"path": "/data"}, "'container'"),
        ("file_exists", {"where": "disk", "path": "/x"}, "one of host, container, layer, volume"),
        ("file_exists", {"where": "container", "path": "/x"}, "needs 'container'"),
        ("file_exists", {"where": "volume", "path": "/x"}, "needs 'volume'"),
        ("file_exists", {"where": "host", "path": "/x", "volume": "v"}, "does not apply"),
        ("file_absent", {"where": "host"}, "missing required parameter 'path'"),
        ("logs_contain", {"container": "web"}, "missing required parameter 'text'"),
        ("logs_contain", {"text": "x"}, "'container'"),
        ("http_responds", {"port": 8000, "method": "PUT"}, "one of GET, POST, HEAD"),
        ("http_responds", {"port": 8000, "path": "index.html"}, "absolute path"),
        ("command_run", {"kind": "lgos"}, "did you mean logs"),
        ("command_run", {"kind": "logs --folow"}, "unknown flag: --folow"),
        ("command_run", {"kind": "logs web"}, "args_contain"),
        ("command_run", {"kind": "logs", "args_contain": [1]}, "string or a list of strings"),
        ("no_extra_containers", {"allowed": "web"}, "list of strings"),
        ("file_exists", {"where": "container", "container": "web", "path": "x.txt"}, "absolute path inside"),
        ("command_run", {"kind": "volume", "args_contain": "lss"}, "unknown command"),
        ("command_run", {"kind": "logs", "args_contain": "-x"}, "unknown shorthand flag"),
        ("volume_exists", [], "mapping"),
    ],
)
def test_bad_checks_are_named_content_errors(name, params, fragment):
    errors = validate_check(name, params)
    assert errors and any(fragment in e for e in errors), errors
    with pytest.raises(ContentError):
        describe_check(name, params)


@pytest.mark.parametrize(
    "name,params,ko,en",
    [
        (
            "port_published",
            {"host_port": 8000, "container_port": 80},
            "80번 포트를 호스트 8000번 포트로 게시한 실행 중인 컨테이너가 있다",
            "A running container has host port 8000 published to container port 80/tcp",
        ),
        (
            "port_published",
            {"name": "web", "host_port": 53, "container_port": 53, "protocol": "udp", "host_ip": "127.0.0.1"},
            "53번/udp 포트를 호스트 127.0.0.1:53 포트로 게시한 실행 중인 web 컨테이너가 있다",
            "A running container web has 127.0.0.1:53 published to container port 53/udp",
        ),
        (
            "container_running",
            {"image": "feedback-app", "current_image": True},
            "feedback-app 이미지의 현재 버전으로 만든 컨테이너가 실행 중이다",
            "The container from the current feedback-app image is running",
        ),
        (
            "started_detached",
            {"name": "web"},
            "web 컨테이너를 분리 모드(detached, -d)로 실행했다",
            "The container web was started detached (-d)",
        ),
        (
            "mount_at",
            {"container": "app", "path": "/app", "type": "bind", "source": "~/feedback-app", "read_only": True},
            "app 컨테이너의 /app 경로에 ~/feedback-app 폴더의 바인드 마운트(읽기 전용)가 마운트되어 있다",
            "The container app has a bind mount of ~/feedback-app (read-only) mounted at /app",
        ),
        (
            "file_exists",
            {"where": "host", "path": "~/notes.txt"},
            "호스트의 ~/notes.txt 파일이 있다",
            "File ~/notes.txt on the host exists",
        ),
        (
            "command_run",
            {"kind": "ps -a"},
            "docker ps -a 명령을 성공적으로 실행했다",
            "You ran docker ps -a successfully",
        ),
    ],
)
def test_describe_in_plain_words(name, params, ko, en):
    assert korean(describe_check(name, params)) == ko
    assert english(describe_check(name, params)) == en


def test_validate_goal_collects_every_problem():
    errors = validate_goal(
        [("container_running", {"name": "web"}, 0), ("nope", {}, 1), ("image_exists", {"ref": "app"})], "strcit"
    )
    assert any("unknown policy 'strcit'" in e for e in errors)
    assert any("check 1" in e and "weight" in e for e in errors)
    assert any("check 2" in e and "unknown check" in e for e in errors)
    assert not any(e.startswith("check 3") for e in errors)
    assert validate_goal([], "checks") == ["a lab goal needs at least one check"]


def test_describe_goal_lists_policy_rules_in_verdict_order():
    goal = [("port_published", {"host_port": 8000, "container_port": 80}, 2), ("volume_exists", {"name": "data"})]
    assert [korean(m) for m in describe_goal(goal, "checks")] == [
        "80번 포트를 호스트 8000번 포트로 게시한 실행 중인 컨테이너가 있다",
        "data 볼륨이 있다",
    ]
    lines = [english(m) for m in describe_goal(goal, "strict")]
    assert lines[2:] == [
        "No containers are left besides those in the goal",
        "No volumes are left besides those in the goal",
    ]
