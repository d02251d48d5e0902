"""Command answers graded by effect on two fresh hosts with the same seed and setup."""

import unicodedata

import pytest

from app.dockersim import HINTS
from app.grading import ContentError, grade_question
from app.grading.command_answer import answer_lines, normalise_output
from tests.catalogue import english, korean

RUN = {"setup": (), "reference": ("docker run -d -p 8000:80 nginx",), "seed": 0}
NAMED = {"setup": (), "reference": ("docker run -d -p 8000:80 --name web nginx",), "seed": 3}
LOOK = {
    "setup": ("docker run -d --name web nginx", "docker run --name old nginx echo hi"),
    "reference": ("docker ps -a",),
    "seed": 0,
}
EXEC = {
    "setup": ("docker run -d --name box alpine sleep 1000",),
    "reference": ("docker exec box touch /tmp/x",),
    "seed": 0,
}
VOLUME = {
    "setup": (),
    "reference": ("docker volume create data", "docker run -d --name app -v data:/data alpine sleep 1000"),
    "seed": 0,
}
BUILD = {"setup": (), "reference": ("docker build -t app ~/feedback-app",), "seed": 0}
NOTE = {"setup": (), "reference": ("echo 도커 도장 > ~/note.txt",), "seed": 0}
STOP = {"setup": ("docker run -d --name web nginx",), "reference": ("docker stop web",), "seed": 0}
BIND = {
    "setup": ("mkdir -p ~/site", "echo hi > ~/site/index.html"),
    "reference": ("docker run -d --name site -v ~/site:/usr/share/nginx/html nginx",),
    "seed": 0,
}


@pytest.mark.parametrize(
    "key,answer,right,fragment",
    [
        (RUN, "docker run -d -p 8000:80 nginx", True, ""),
        (RUN, "docker run -p 8000:80 -d nginx", True, ""),
        (RUN, "docker container run --publish 8000:80 --detach nginx", True, ""),
        (RUN, "docker run --detach --publish=8000:80 nginx:latest", True, ""),
        (RUN, "$ docker run -dp 8000:80 nginx", True, ""),
        (RUN, "docker pull nginx\ndocker run -d -p 8000:80 nginx", True, ""),
        (RUN, "docker create --name tmp -p 8000:80 nginx\ndocker start tmp", True, ""),
        (RUN, "docker run -d -p 8000:80 --name web nginx", True, ""),  # a name the reference left random
        (
            RUN,
            "docker run -d -p 8080:80 nginx",
            False,
            "포트 게시가 다릅니다: 정답 명령으로는 8000->80/tcp, 입력한 명령으로는 8080->80/tcp",
        ),
        (RUN, "docker run -p 8000:80 nginx", False, "정답 명령으로는 분리 모드(-d), 입력한 명령으로는 연결 모드"),
        (RUN, "docker run -d nginx", False, "포트 게시"),
        (RUN, "docker run -d -p 8000:80 -v /cache nginx", False, "익명 볼륨"),
        (RUN, "docker run -d -p 8000:80 ngnix", False, "pull access denied for ngnix"),
        (RUN, "docker start -p 8000:80 nginx", False, "unknown shorthand flag: 'p' in -p"),
        (RUN, "docker run -d -p 8000:80 nginx\ndocker run -d -p 8000:80 nginx", False, "port is already allocated"),
        (NAMED, "docker run --name web -dp 8000:80 nginx", True, ""),
        (NAMED, "docker run -d -p 8000:80 nginx", False, "이름"),
        (
            NAMED,
            "docker run -d -p 8000:80 --name webb nginx",
            False,
            "컨테이너 이름이 다릅니다: 정답 명령으로는 web, 입력한 명령으로는 webb",
        ),
        (LOOK, "docker ps -a", True, ""),
        (LOOK, "docker container ls --all", True, ""),
        (LOOK, "docker ps", False, "출력"),
        (LOOK, "docker ps -aq", False, "출력"),
        (EXEC, "docker exec box touch /tmp/x", True, ""),
        (EXEC, "docker container exec box sh -c 'touch /tmp/x'", True, ""),
        (EXEC, "docker exec box touch /tmp/y", False, "정답 명령으로는 /tmp/x, 입력한 명령으로는 /tmp/y"),
        (VOLUME, "docker run -d --name app -v data:/data alpine sleep 1000", True, ""),  # -v creates the volume
        (VOLUME, "docker run -d --name app --mount source=data,target=/data alpine sleep 1000", True, ""),
        (VOLUME, "docker run -d --name app -v /data alpine sleep 1000", False, "익명 볼륨"),
        (BUILD, "cd feedback-app && docker build -t app .", True, ""),
        (BUILD, "docker image build --tag app:latest /home/learner/feedback-app", True, ""),
        (BUILD, "cd feedback-app\ndocker build -t App .", False, "must be lowercase"),
        (BUILD, "cd feedback-app && docker build -t web .", False, "app 이미지가 있어야 하는데 없습니다"),
        (NOTE, "echo 도커 도장 > ~/note.txt", True, ""),
        (NOTE, unicodedata.normalize("NFD", "echo 도커 도장 > ~/note.txt"), True, ""),
        (NOTE, "echo 도커 > ~/note.txt", False, "note.txt 파일 내용이 기대와 다릅니다"),
        (NOTE, "echo 도커 도장 > ~/notes.txt", False, "/home/learner/note.txt 파일이 있어야"),
        (BIND, "docker run -d --name site -v $(pwd)/site:/usr/share/nginx/html nginx", True, ""),
        (BIND, 'cd site && docker run -d --name site -v "$(pwd)":/usr/share/nginx/html nginx', True, ""),
        (
            BIND,
            "docker run -d --name site --mount type=bind,src=/home/learner/site,dst=/usr/share/nginx/html nginx",
            True,
            "",
        ),
        (
            BIND,
            "docker run -d --name site -v ~/site:/usr/share/nginx nginx",
            False,
            "컨테이너 마운트가 다릅니다: 정답 명령으로는 /home/learner/site:/usr/share/nginx/html, "
            "입력한 명령으로는 /home/learner/site:/usr/share/nginx.",
        ),
        (BIND, "docker run -d --name site -v site:/usr/share/nginx/html nginx", False, "명명된 볼륨이 다릅니다"),
        (STOP, "docker stop web", True, ""),
        (STOP, "docker container stop web", True, ""),
        (STOP, "docker kill web", False, "종료 코드"),
        (STOP, "docker rm -f web", False, ""),
    ],
)
def test_command_answers(key, answer, right, fragment):
    verdict = grade_question("command", key, answer)
    text = "\n".join(korean(c.message) for c in verdict.checks)
    assert verdict.passed is right, text
    assert verdict.score == (1.0 if right else 0.0)
    assert fragment in text


def test_failing_line_with_right_end_state_is_right_but_says_so():
    verdict = grade_question("command", STOP, "docker stop web\ndocker stop wbe")
    assert verdict.passed
    assert "No such container: wbe" in korean(verdict.feedback)
    assert dict(verdict.details)["stderr"].startswith("Error response from daemon")


def test_docker_error_is_in_the_details_for_the_web_layer():
    verdict = grade_question("command", RUN, "docker run -d -p 8000:80 ngnix")
    details = dict(verdict.details)
    assert details["line"] == "docker run -d -p 8000:80 ngnix"
    assert "pull access denied" in details["stderr"] and "💡" not in details["stderr"]
    # the simulator's hint, kept apart as a message the web layer translates (stored as message JSON)
    assert details["hint"].id in {m.id for m in HINTS.values()}
    assert verdict.to_dict()["details"]["hint"] == details["hint"].to_json()
    assert "💡" not in korean(verdict.checks[0].message) and "💡" not in english(verdict.checks[0].message)


def test_a_terminal_held_by_the_setup_is_left_alone():
    key = {"setup": ("docker run --name web nginx",), "reference": ("docker stop web",), "seed": 0}
    assert grade_question("command", key, "docker stop web").passed
    assert not grade_question("command", key, "docker kill web").passed


def test_a_broken_reference_is_a_content_error():
    with pytest.raises(ContentError, match="reference line"):
        grade_question("command", {"setup": (), "reference": ("docker sotp web",), "seed": 0}, "docker ps")


def test_a_broken_setup_is_a_content_error():
    with pytest.raises(ContentError, match="setup line"):
        grade_question("command", {"setup": ("docker rm nosuch",), "reference": ("docker ps",), "seed": 0}, "docker ps")


def test_normalise_output_hides_ids_and_times():
    a = "ef134f2a180b   nginx   2 seconds ago   Up 2 seconds\nsha256:" + "1" * 64
    b = "9328a9dc66ca   nginx   About a minute ago   Up About a minute  \nsha256:" + "2" * 64
    assert normalise_output(a) == normalise_output(b)
    assert normalise_output("Exited (0)") != normalise_output("Exited (1)")


@pytest.mark.parametrize(
    "answer,lines",
    [
        ("docker ps", ["docker ps"]),
        ("  $ docker ps  \r\n\r\n", ["docker ps"]),
        ("learner@docker-dojo:~/feedback-app$ docker build .", ["docker build ."]),
        ("# 먼저 목록을 봅니다\ndocker ps -a", ["docker ps -a"]),
        ("echo '$ x'", ["echo '$ x'"]),
    ],
)
def test_answer_lines_drop_prompts_and_comments(answer, lines):
    assert answer_lines(answer) == lines
