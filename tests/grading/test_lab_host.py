"""Lab checks end to end on the real simulated host: the learner's commands, then grade_lab."""

import pytest

from app.grading import ContentError, grade_lab
from tests.catalogue import korean
from tests.grading.hosts import play

RUN_WEB = "docker run -d -p 8000:80 --name web nginx"
PORT = ("port_published", {"host_port": 8000, "container_port": 80})


def grade_one(check, lines, policy="checks"):
    name, params = check
    verdict = grade_lab([(name, params, 1)], policy, play(lines))
    return verdict.checks[0]


CASES = [
    # ports: right, wrong host port, wrong container port, stopped, several routes to the same state
    (PORT, [RUN_WEB], True, "(web)"),
    (PORT, ["docker run -d -p 8080:80 --name web nginx"], False, "8080->80/tcp"),
    (PORT, ["docker run -d -p 8000:8080 --name web nginx"], False, "8000->8080/tcp"),
    (PORT, ["docker run -d --name web nginx"], False, "게시된 포트가 없습니다"),
    (PORT, [RUN_WEB, "docker stop web"], False, "web 컨테이너는 종료(Exited (0)) 상태입니다"),
    (PORT, ["docker container run --publish 8000:80 --detach nginx"], True, ""),
    # a goal that names the host address: the message shows the address the learner got
    (
        ("port_published", {"host_port": 8000, "container_port": 80, "host_ip": "127.0.0.1"}),
        [RUN_WEB],
        False,
        "web 컨테이너는 0.0.0.0:8000->80/tcp 포트를 게시하고 있습니다",
    ),
    (
        ("port_published", {"host_port": 8000, "container_port": 80, "host_ip": "127.0.0.1"}),
        ["docker run -d -p 127.0.0.1:8000:80 --name web nginx"],
        True,
        "(web)",
    ),
    (PORT, ["docker create -p 8000:80 --name web nginx", "docker start web"], True, ""),
    # attached run, stopped with Ctrl+C, started again (detached by default): port still published
    (PORT, ["docker run -p 8000:80 --name web nginx", "^C", "docker start web"], True, ""),
    # attached vs detached
    (("started_detached", {"name": "web"}), [RUN_WEB], True, ""),
    (
        ("started_detached", {"name": "web"}),
        ["docker run -p 8000:80 --name web nginx"],
        False,
        "연결 모드(attached)로 시작했습니다",
    ),
    (("started_attached", {"name": "web"}), ["docker run -p 8000:80 --name web nginx"], True, ""),
    (("started_detached", {"name": "web"}), ["docker run --name web nginx", "^C", "docker start web"], True, ""),
    (("started_attached", {"name": "web"}), [RUN_WEB, "docker stop web", "docker start -a web"], True, ""),
    # container states; the final state decides
    (("container_running", {"name": "web"}), [RUN_WEB], True, ""),
    (("container_running", {"name": "web"}), [RUN_WEB, "docker rm -f web"], False, "web 컨테이너가 없습니다"),
    (("container_running", {"name": "web"}), ["docker run --name web nginx", "^C"], False, "종료(Exited (0))"),
    # attached in terminal 0, stopped from terminal 1
    (("container_exited", {"name": "web"}), ["docker run --name web nginx", "[1] docker stop web"], True, ""),
    (("container_exited", {"name": "web", "exit_code": 0}), [RUN_WEB], False, "실행 중(Up)"),
    (("container_exists", {"image": "nginx"}), ["docker create nginx"], True, ""),
    (("container_removed", {"name": "web"}), [RUN_WEB, "docker stop web", "docker rm web"], True, ""),
    (("container_removed", {"name": "web"}), [RUN_WEB, "docker rm web"], False, "아직 남아"),
    (("container_removed", {"name": "web"}), ["docker run --rm -d --name web nginx", "docker stop web"], True, ""),
    # images
    (("image_exists", {"ref": "nginx"}), ["docker pull nginx"], True, ""),
    (("image_exists", {"ref": "nginx:latest"}), [RUN_WEB], True, ""),
    (("image_exists", {"ref": "alpine"}), [RUN_WEB], False, "지금 있는 이미지: nginx"),
    (("image_removed", {"ref": "nginx"}), ["docker pull nginx", "docker rmi nginx"], True, ""),
    (
        ("image_built_from_current", {"ref": "feedback-app", "context": "~/feedback-app"}),
        ["cd feedback-app", "docker build -t feedback-app ."],
        True,
        "현재 파일로",
    ),
    (
        ("image_built_from_current", {"ref": "feedback-app", "context": "~/feedback-app"}),
        ["docker image build --tag feedback-app:latest feedback-app"],
        True,
        "",
    ),
    # edited after the build: the image is read-only, so it is stale until rebuilt
    (
        ("image_built_from_current", {"ref": "feedback-app", "context": "~/feedback-app"}),
        ["cd feedback-app", "docker build -t feedback-app .", "echo '// v2' >> server.js"],
        False,
        "다시 빌드해야",
    ),
    (
        ("image_built_from_current", {"ref": "feedback-app", "context": "~/feedback-app"}),
        [
            "cd feedback-app",
            "docker build -t feedback-app .",
            "echo '// v2' >> server.js",
            "docker build -t feedback-app .",
        ],
        True,
        "",
    ),
    (
        ("image_built_from_current", {"ref": "feedback-app", "context": "~/feedback-app"}),
        ["cd feedback-app", "docker build -t other ."],
        False,
        "feedback-app 이미지가 없습니다",
    ),
    # rebuilt, but the running container still uses the old image until it is replaced
    (
        ("container_running", {"image": "feedback-app", "current_image": True}),
        [
            "cd feedback-app",
            "docker build -t feedback-app .",
            "docker run -d --name app feedback-app",
            "echo '// v2' >> server.js",
            "docker build -t feedback-app .",
        ],
        False,
        "app 컨테이너는 다시 빌드하기 전의 옛 feedback-app 이미지로 만든 것이라",
    ),
    (
        ("container_running", {"image": "feedback-app", "current_image": True}),
        [
            "cd feedback-app",
            "docker build -t feedback-app .",
            "docker run -d --name app feedback-app",
            "echo '// v2' >> server.js",
            "docker build -t feedback-app .",
            "docker rm -f app",
            "docker run -d --name app feedback-app",
        ],
        True,
        "",
    ),
    # volumes: named vs anonymous
    (("volume_exists", {"name": "data"}), ["docker volume create data"], True, ""),
    (("volume_exists", {"name": "data"}), ["docker run -d --name box -v data:/data alpine sleep 100"], True, ""),
    (
        ("volume_exists", {"name": "data"}),
        ["docker run -d --name box -v /data alpine sleep 100"],
        False,
        "익명 볼륨 1개",
    ),
    (
        ("mount_at", {"container": "box", "path": "/data", "type": "volume", "source": "data"}),
        ["docker run -d --name box -v data:/data alpine sleep 100"],
        True,
        "",
    ),
    (
        ("mount_at", {"container": "box", "path": "/data", "type": "volume", "source": "data"}),
        ["docker run -d --name box --mount type=volume,source=data,target=/data alpine sleep 100"],
        True,
        "",
    ),
    (
        ("mount_at", {"container": "box", "path": "/data", "type": "volume", "source": "data"}),
        ["docker run -d --name box -v /data alpine sleep 100"],
        False,
        "익명 볼륨 → /data",
    ),
    (
        ("anonymous_volume_at", {"container": "box", "path": "/data"}),
        ["docker run -d --name box -v /data alpine sleep 100"],
        True,
        "",
    ),
    (
        ("anonymous_volume_at", {"container": "box", "path": "/data"}),
        ["docker run -d --name box -v data:/data alpine sleep 100"],
        False,
        "data 볼륨 → /data",
    ),
    # bind mounts: right path, wrong container path, read-only, relative source
    (
        ("mount_at", {"container": "site", "path": "/usr/share/nginx/html", "type": "bind", "source": "~/site"}),
        ["docker run -d --name site -v $(pwd)/site:/usr/share/nginx/html nginx"],
        True,
        "",
    ),
    (
        ("mount_at", {"container": "site", "path": "/usr/share/nginx/html", "type": "bind", "source": "~/site"}),
        ["docker run -d --name site -v ./site:/usr/share/nginx/html nginx"],
        True,
        "",
    ),
    (
        ("mount_at", {"container": "site", "path": "/usr/share/nginx/html", "type": "bind", "source": "~/site"}),
        ["docker run -d --name site -v $(pwd)/site:/usr/share/nginx nginx"],
        False,
        "→ /usr/share/nginx.",
    ),
    # bind mount of the wrong host folder; `site:` without ./ is a named volume, not a bind
    (
        ("mount_at", {"container": "site", "path": "/usr/share/nginx/html", "type": "bind", "source": "~/site"}),
        ["mkdir www", "docker run -d --name site -v $(pwd)/www:/usr/share/nginx/html nginx"],
        False,
        "바인드 마운트 /home/learner/www → /usr/share/nginx/html",
    ),
    (
        ("mount_at", {"container": "site", "path": "/usr/share/nginx/html", "type": "bind", "source": "~/site"}),
        ["docker run -d --name site -v site:/usr/share/nginx/html nginx"],
        False,
        "site 볼륨 → /usr/share/nginx/html",
    ),
    (
        ("mount_at", {"container": "site", "path": "/usr/share/nginx/html", "type": "bind", "read_only": True}),
        ["docker run -d --name site -v ./site:/usr/share/nginx/html:ro nginx"],
        True,
        "",
    ),
    (
        ("mount_at", {"container": "site", "path": "/usr/share/nginx/html", "type": "bind", "read_only": True}),
        ["docker run -d --name site -v ./site:/usr/share/nginx/html nginx"],
        False,
        "(읽기 전용)",
    ),
    # an image a (stopped) container was made from: the message says why it is still there
    (
        ("image_removed", {"ref": "nginx"}),
        [RUN_WEB, "docker stop web", "docker rmi nginx"],
        False,
        "web 컨테이너가 이 이미지로 만들어져 있어서",
    ),
    (("image_removed", {"ref": "nginx"}), [RUN_WEB, "docker rm -f web", "docker rmi nginx"], True, ""),
    (("image_removed", {"ref": "nginx"}), ["docker pull nginx"], False, "docker rmi로 삭제해야 합니다"),
    # a volume that a (stopped) container still mounts: the message says why it is still there
    (
        ("volume_removed", {"name": "data"}),
        ["docker run -d --name box -v data:/data alpine sleep 1000", "docker stop box", "docker volume rm data"],
        False,
        "box 컨테이너가 이 볼륨을 쓰고 있어서",
    ),
    (
        ("volume_removed", {"name": "data"}),
        ["docker run -d --name box -v data:/data alpine sleep 1000", "docker rm -f box", "docker volume rm data"],
        True,
        "",
    ),
    # files: volume, container layer, host
    (
        ("file_exists", {"where": "volume", "volume": "data", "path": "/f.txt", "contains": "hi"}),
        ["docker run --name box -v data:/data alpine sh -c 'echo hi > /data/f.txt'"],
        True,
        "",
    ),
    (
        ("file_exists", {"where": "volume", "volume": "data", "path": "f.txt"}),
        ["docker run --name box -v data:/data alpine sh -c 'echo hi > /data/f.txt'"],
        True,
        "",
    ),
    (
        ("file_exists", {"where": "host", "path": "notes/a.txt"}),
        ["mkdir notes", "cd notes", "echo 도커 > a.txt"],
        True,
        "",
    ),
    (
        ("file_exists", {"where": "volume", "volume": "data", "path": "/f.txt"}),
        ["docker run --name box -v /data alpine sh -c 'echo hi > /data/f.txt'"],
        False,
        "data 볼륨이 없습니다",
    ),
    (
        ("file_exists", {"where": "container", "container": "box", "path": "/tmp/y.txt", "contains": "yo"}),
        ["docker run -d --name box alpine sleep 1000", "docker exec box sh -c 'echo yo > /tmp/y.txt'"],
        True,
        "",
    ),
    # a missing file: the message says what the folder holds instead (typos show at a glance)
    (
        ("file_exists", {"where": "host", "path": "~/site/idx.html"}),
        ["mkdir -p site/css", "echo hi > site/index.html"],
        False,
        "~/site 폴더에 있는 것: css/, index.html.",
    ),
    (("file_exists", {"where": "host", "path": "~/nosuch/x.txt"}), [], False, "~/nosuch 폴더도 없습니다."),
    (
        ("file_exists", {"where": "container", "container": "web", "path": "/usr/share/nginx/html/idx.html"}),
        [RUN_WEB],
        False,
        "/usr/share/nginx/html 폴더에 있는 것: 50x.html, index.html.",
    ),
    (
        ("file_exists", {"where": "volume", "volume": "data", "path": "a.txt"}),
        ["docker volume create data"],
        False,
        "data 볼륨은 비어 있습니다.",
    ),
    (
        ("file_exists", {"where": "layer", "container": "box", "path": "/tmp/z"}),
        ["docker run -d --name box alpine sleep 1000"],
        False,
        "컨테이너가 /tmp 폴더에 쓴 파일이 하나도 없습니다.",
    ),
    # where: layer is the container's own read-write layer: not the image, not a mount
    (
        ("file_exists", {"where": "layer", "container": "box", "path": "/tmp/y.txt", "contains": "yo"}),
        ["docker run -d --name box alpine sleep 1000", "docker exec box sh -c 'echo yo > /tmp/y.txt'"],
        True,
        "",
    ),
    (
        ("file_exists", {"where": "layer", "container": "box", "path": "/data/y.txt"}),
        ["docker run -d --name box -v data:/data alpine sleep 1000", "docker exec box sh -c 'echo yo > /data/y.txt'"],
        False,
        "box 컨테이너의 읽기 쓰기 레이어에 있는 /data/y.txt 파일이 없습니다",
    ),
    (
        ("file_exists", {"where": "layer", "container": "web", "path": "/usr/share/nginx/html/index.html"}),
        [RUN_WEB],
        False,
        "읽기 쓰기 레이어에 있는",
    ),
    (
        ("file_absent", {"where": "layer", "container": "box", "path": "/tmp/y.txt"}),
        [
            "docker run -d --name box alpine sleep 1000",
            "docker exec box sh -c 'echo yo > /tmp/y.txt'",
            "docker rm -f box",
            "docker run -d --name box alpine sleep 1000",
        ],
        True,
        "",
    ),
    # written in the container layer, survives stop/start
    (
        ("file_exists", {"where": "container", "container": "box", "path": "/tmp/y.txt"}),
        [
            "docker run -d --name box alpine sleep 1000",
            "docker exec box sh -c 'echo yo > /tmp/y.txt'",
            "docker stop box",
            "docker start box",
        ],
        True,
        "",
    ),
    (
        ("file_exists", {"where": "container", "container": "box", "path": "/tmp/y.txt", "contains": "yo"}),
        ["docker run -d --name box alpine sleep 1000", "docker exec box sh -c 'echo no > /tmp/y.txt'"],
        False,
        "지금 내용: ‘no’",
    ),
    (
        ("file_absent", {"where": "container", "container": "box", "path": "/tmp/y.txt"}),
        [
            "docker run -d --name box alpine sleep 1000",
            "docker exec box sh -c 'echo yo > /tmp/y.txt'",
            "docker rm -f box",
            "docker run -d --name box alpine sleep 1000",
        ],
        True,
        "",
    ),
    (
        ("file_exists", {"where": "host", "path": "~/notes/a.txt", "contains": "도커"}),
        ["mkdir notes", "echo 도커 > notes/a.txt"],
        True,
        "",
    ),
    (
        ("file_absent", {"where": "host", "path": "~/notes/a.txt"}),
        ["mkdir notes", "echo 도커 > notes/a.txt"],
        False,
        "아직 있습니다",
    ),
    # logs and HTTP
    (("logs_contain", {"container": "web", "text": "start worker processes"}), [RUN_WEB], True, ""),
    (("logs_contain", {"container": "web", "text": "SIGINT"}), [RUN_WEB], False, "문구가 없습니다"),
    (("logs_contain", {"container": "web", "text": "SIGINT"}), ["docker run --name web nginx", "^C"], True, ""),
    (("http_responds", {"port": 8000, "contains": "Welcome to nginx!"}), [RUN_WEB], True, "200"),
    (
        ("http_responds", {"port": 8000, "contains": "Welcome to nginx!"}),
        ["docker run -d -p 8080:80 nginx"],
        False,
        "아무도 응답하지 않습니다",
    ),
    (
        ("http_responds", {"port": 8000, "contains": "안녕하세요"}),
        ["docker run -d -p 8000:80 -v ./site:/usr/share/nginx/html nginx"],
        True,
        "",
    ),
    (("http_responds", {"port": 8000, "path": "/nope.html", "contains": "x"}), [RUN_WEB], False, "404"),
    (
        ("http_responds", {"port": 8000, "contains": "도커 도장에 오신"}),
        ["docker run -d -p 8000:80 -v ./site:/usr/share/nginx/html nginx"],
        False,
        "받은 응답: ‘내 사이트 안녕하세요, 도커 도장!’",
    ),
    # commands that were run (only successful ones count)
    (("command_run", {"kind": "logs", "args_contain": "web"}), [RUN_WEB, "docker logs web"], True, ""),
    (("command_run", {"kind": "logs -f", "args_contain": "web"}), [RUN_WEB, "docker logs -f web", "^C"], True, ""),
    (("command_run", {"kind": "logs -f"}), [RUN_WEB, "docker logs web"], False, "아직 실행하지"),
    (("command_run", {"kind": "logs"}), [RUN_WEB, "docker logs wbe"], False, "실패 1번"),
    (("command_run", {"kind": "ps -a"}), ["docker container ls -a"], True, ""),
    # attach in terminal 0, stop from terminal 1: attach ends with the container's code (137 for node)
    (
        ("command_run", {"kind": "attach"}),
        [
            "docker build -t app ~/feedback-app",
            "docker run -d --name app app",
            "docker attach app",
            "[1] docker stop app",
        ],
        True,
        "",
    ),
    (("command_run", {"kind": "attach"}), [RUN_WEB, "docker stop web", "docker attach web"], False, "실패 1번"),
]


@pytest.mark.parametrize("check,lines,passed,fragment", CASES, ids=[f"{i}-{c[0][0]}" for i, c in enumerate(CASES)])
def test_check_on_real_host(check, lines, passed, fragment):
    result = grade_one(check, lines)
    assert result.passed is passed, korean(result.message)
    assert fragment in korean(result.message)


def test_the_final_state_decides():
    goal = [PORT + (2,), ("started_detached", {"name": "web"}, 1)]
    assert grade_lab(goal, "checks", play([RUN_WEB])).passed
    undone = grade_lab(goal, "checks", play([RUN_WEB, "docker stop web"]))
    assert (undone.score, undone.max_score, undone.passed) == (1, 3, False)


def test_strict_fails_on_leftovers_from_the_real_host():
    lines = ["docker run -d -p 8080:80 --name old nginx", "docker stop old", RUN_WEB, "docker volume create junk"]
    host = play(lines)
    assert grade_lab([PORT + (1,)], "checks", host).passed
    strict = grade_lab([PORT + (1,)], "strict", host)
    assert not strict.passed
    assert [c.name for c in strict.checks if not c.passed] == ["no_extra_containers", "no_extra_volumes"]
    clean = play([RUN_WEB])
    assert grade_lab([PORT + (1,)], "strict", clean).passed


def test_grading_does_not_change_the_host():
    host = play([RUN_WEB, "docker logs web", "cd feedback-app", "docker build -t app ."])
    before = host.snapshot()
    grade_lab(
        [
            PORT + (1,),
            ("http_responds", {"port": 8000}, 1),
            ("command_run", {"kind": "logs"}, 1),
            ("image_built_from_current", {"ref": "app", "context": "~/feedback-app"}, 1),
        ],
        "strict",
        host,
    )
    assert host.snapshot() == before


def test_invalid_goal_is_a_content_error():
    with pytest.raises(ContentError, match="unknown check"):
        grade_lab([("port_publish", {"host_port": 8000, "container_port": 80}, 1)], "checks", play([]))


STORY = [
    "cd feedback-app",
    "docker build -t feedback-node .",
    "docker run -d -p 3000:80 --name feedback -v feedback:/app/feedback -v /app/temp feedback-node",
    'curl -X POST -d "title=awesome&text=좋아요" localhost:3000/create',
    "docker stop feedback",
    "docker rm feedback",
    "docker run -d -p 3000:80 --name feedback -v feedback:/app/feedback -v /app/temp feedback-node",
]
STORY_GOAL = [
    ("file_exists", {"where": "volume", "volume": "feedback", "path": "awesome.txt", "contains": "좋아요"}, 2),
    ("http_responds", {"port": 3000, "path": "/feedback/awesome.txt", "contains": "좋아요"}, 2),
    ("mount_at", {"container": "feedback", "path": "/app/feedback", "type": "volume", "source": "feedback"}, 1),
    ("anonymous_volume_at", {"container": "feedback", "path": "/app/temp"}, 1),
]


def test_the_notes_story_named_volume_keeps_feedback():
    verdict = grade_lab(STORY_GOAL, "checks", play(STORY))
    assert verdict.passed, [korean(c.message) for c in verdict.failed_checks()]
    # strict: the first container's anonymous /app/temp volume outlived `docker rm` (no -v)
    strict = grade_lab(STORY_GOAL, "strict", play(STORY))
    assert [c.name for c in strict.failed_checks()] == ["no_extra_volumes"]
    assert "익명 볼륨" in korean(strict.failed_checks()[0].message)
    cleaner = [line.replace("docker rm feedback", "docker rm -v feedback") for line in STORY]
    assert grade_lab(STORY_GOAL, "strict", play(cleaner)).passed


def test_the_notes_story_with_an_anonymous_volume_loses_the_feedback():
    lines = [line.replace("-v feedback:/app/feedback", "-v /app/feedback") for line in STORY]
    verdict = grade_lab(STORY_GOAL, "checks", play(lines))
    assert (verdict.score, verdict.max_score) == (1, 6)
    messages = {c.name: korean(c.message) for c in verdict.checks}
    assert "feedback 볼륨이 없습니다" in messages["file_exists"]
    assert "404" in messages["http_responds"]
    assert "익명 볼륨 → /app/feedback" in messages["mount_at"]


def test_http_post_with_a_body():
    lines = STORY[:3]
    goal = [
        (
            "http_responds",
            {"port": 3000, "path": "/create", "method": "POST", "body": "title=a&text=b", "status": 302},
            1,
        )
    ]
    assert grade_lab(goal, "checks", play(lines)).passed
    goal = [
        (
            "http_responds",
            {"port": 3000, "path": "/create", "method": "POST", "body": "title=a&text=b", "status": 200},
            1,
        )
    ]
    assert "200 대신 302" in korean(grade_lab(goal, "checks", play(lines)).checks[0].message)
