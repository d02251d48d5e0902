"""One-line Korean explanations shown under Docker's own error text (switched off by hints=False)."""

from __future__ import annotations

HINTS: dict[str, str] = {
    "flag": "이 명령에 없는 옵션이거나 값이 잘못되었습니다. `docker 명령 --help`로 쓸 수 있는 옵션을 확인하세요.",
    "args": "인자의 개수가 맞지 않습니다. 위의 Usage 줄에서 필요한 인자를 확인하세요.",
    "unsupported": "실제 도커에는 있는 옵션이지만 이 시뮬레이터는 아직 흉내 내지 않습니다.",
    "unknown_command": "도커에 없는 명령입니다. `docker --help`로 명령 목록을 확인하세요.",
    "not_modelled": "실제 도커에는 있는 명령이지만 이 시뮬레이터는 아직 흉내 내지 않습니다.",
    "no_container": "그런 이름이나 ID의 컨테이너가 없습니다. `docker ps -a`로 이름을 확인하세요.",
    "no_image": "그런 이미지가 없습니다. `docker images`로 목록을 확인하거나 먼저 빌드/풀 하세요.",
    "no_volume": "그런 볼륨이 없습니다. `docker volume ls`로 이름을 확인하세요.",
    "pull_denied": "레지스트리에 없는 이미지 이름입니다. 철자나 태그를 확인하세요(직접 만든 이미지는 먼저 build).",
    "tag_unknown": "그 태그가 레지스트리에 없습니다. 철자를 확인하세요. 실제로 있는 태그라도 이 시뮬레이터에는 자주 쓰는 태그만 있습니다(태그를 빼면 latest).",
    "not_in_registry": "실제로 있는 이미지지만 이 시뮬레이터에는 없습니다. 목록에 있는 이미지로 연습하세요.",
    "name_conflict": "같은 이름의 컨테이너가 이미 있습니다(멈춘 것 포함). `docker rm 이름`으로 지우거나 다른 --name을 쓰세요.",
    "name_invalid": "컨테이너 이름은 영문자나 숫자로 시작하고 영문자·숫자·_ . -만 쓸 수 있으며 두 글자 이상이어야 합니다(한글 불가).",
    "volume_name": "볼륨 이름은 영문자나 숫자로 시작하고 영문자·숫자·_ . -만 쓸 수 있으며 두 글자 이상이어야 합니다. 호스트 폴더라면 /나 ./로 시작하세요.",
    "rm_running": "실행 중인 컨테이너는 먼저 `docker stop` 하거나 `docker rm -f`로 강제로 지워야 합니다.",
    "volume_in_use": "컨테이너(멈춘 것 포함)가 쓰고 있는 볼륨은 지울 수 없습니다. 먼저 그 컨테이너를 지우세요.",
    "port_taken": "다른 컨테이너가 이미 그 호스트 포트를 쓰고 있습니다. 그 컨테이너를 멈추거나 다른 포트를 쓰세요.",
    "port_spec": "-p 값은 `호스트포트:컨테이너포트` 형식입니다(예: -p 8000:80).",
    "lowercase": "이미지 저장소 이름에는 대문자를 쓸 수 없습니다. 소문자로 바꾸세요(태그에는 대문자 가능).",
    "reference": "이미지 이름 형식이 잘못되었습니다. `이름:태그` 형식인지 확인하세요.",
    "attach_stopped": "멈춘 컨테이너에는 연결할 수 없습니다. `docker start -a 이름`으로 시작하면서 연결하세요.",
    "not_running": "컨테이너가 실행 중이 아닙니다. 먼저 `docker start`로 시작하세요.",
    "exec_not_found": "컨테이너 안에 그 실행 파일이 없습니다. 이미지에 있는 명령인지 확인하세요.",
    "image_in_use": "이 이미지로 만든 컨테이너가 있어 지울 수 없습니다. 컨테이너를 먼저 지우거나 -f를 쓰세요.",
    "conflict": "함께 쓸 수 없는 옵션을 동시에 지정했습니다.",
    "login": "`docker login -u 이름 -p 비밀번호`로 로그인하세요. 이 시뮬레이터의 Docker Hub는 영문 소문자·숫자 4~30자 이름을 받습니다.",
    "push_denied": "푸시는 로그인한 내 이름공간으로만 됩니다. `docker tag 이미지 내이름/저장소:태그`로 이름을 붙이고 `docker login` 후 푸시하세요.",
    "format": "`--format`/`-f`는 Go 템플릿입니다. `{{.Names}}`처럼 필드 앞에 점을 붙이고 `{{`와 `}}`를 짝지어 닫으세요.",
    "mount": "마운트 지정이 잘못되었습니다. `-v 소스:대상[:ro]` 형식과 절대 경로인지 확인하세요.",
    "limit": "시뮬레이터의 자원 한도에 닿았습니다. 안 쓰는 컨테이너·이미지·볼륨·파일을 지우세요.",
    "busy": "이 터미널은 컨테이너에 연결되어 있습니다. Ctrl+C로 끝내거나 다른 터미널을 쓰세요.",
    "start_options": "포트(-p)·볼륨(-v)·이름 같은 설정은 컨테이너를 만들 때(docker run/create)만 정할 수 있습니다. start는 -a/-i만 받습니다.",
    "start_attach_multi": "-a/-i로는 컨테이너 하나만 시작할 수 있습니다.",
    "tty": "-t는 진짜 터미널이 필요합니다. 이 시뮬레이터의 터미널은 TTY로 취급됩니다.",
    "build": "Dockerfile이나 빌드 컨텍스트를 확인하세요. 오류 줄 번호를 보고 고치세요.",
    "shell": "셸 명령을 확인하세요.",
    "curl_refused": "그 포트로 듣고 있는 것이 없습니다. `docker ps`의 PORTS 열에서 -p로 공개된 호스트 포트를 확인하세요.",
    "cp": "docker cp는 `컨테이너:경로 호스트경로` 또는 `호스트경로 컨테이너:경로` 형식입니다.",
    "rename": "새 이름이 이미 쓰이고 있거나 형식이 잘못되었습니다.",
    "generic": "도커가 보낸 오류입니다. 메시지를 천천히 읽어 보세요.",
}


def hint(key: str) -> str:
    """The Korean hint line for a key, or the generic one."""
    return HINTS.get(key, HINTS["generic"])


_BY_TEXT = {text: key for key, text in HINTS.items()}
HINT_MARK = "💡 "


def hint_kind(line: str) -> str | None:
    """The error kind (hint key) of a printed hint line ("💡 …"), or None when the line is not a hint.

    Reports read terminal transcripts, which keep text only; this maps the text back to its kind.
    """
    text = line.strip()
    if not text.startswith(HINT_MARK.strip()):
        return None
    return _BY_TEXT.get(text[len(HINT_MARK.strip()) :].strip())
