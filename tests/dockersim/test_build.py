"""The build engine: cache, content-addressed ids, filesystem effects, config, failures."""

from __future__ import annotations

import json

import pytest

from app.dockersim.build.builder import BuildRequest, default_elapsed, normalize_ref, run_build
from tests.dockersim.test_build_support import (
    NOTES_DOCKERFILE,
    PACKAGE_JSON,
    app_context,
    build,
    resolve,
    step_lines,
)

# --- build cache (semantics.md item 19) ---------------------------------------------------


def test_unchanged_rebuild_is_all_cached_and_gives_the_same_id() -> None:
    first = build()
    second = build(cache=first.cache)
    assert step_lines(first) == [
        "[1/4] FROM docker.io/library/node:latest",
        "[2/4] WORKDIR /app",
        "[3/4] COPY . /app",
        "[4/4] RUN npm install",
    ]
    assert step_lines(second) == [
        "[1/4] FROM docker.io/library/node:latest",
        "CACHED [2/4] WORKDIR /app",
        "CACHED [3/4] COPY . /app",
        "CACHED [4/4] RUN npm install",
    ]
    assert second.image is not None and first.image is not None
    assert second.image.id == first.image.id
    assert second.image.files == first.image.files


def test_changed_copied_file_reruns_that_copy_and_every_later_step() -> None:
    first = build()
    edited = build(context=app_context(**{"server.js": "app.listen(8080);\n"}), cache=first.cache)
    assert step_lines(edited)[1:] == ["CACHED [2/4] WORKDIR /app", "[3/4] COPY . /app", "[4/4] RUN npm install"]
    assert edited.image is not None and first.image is not None
    assert edited.image.id != first.image.id
    assert edited.image.files["/app/server.js"] == "app.listen(8080);\n"


def test_docs_example_only_the_late_copy_reruns() -> None:
    dockerfile = (
        "FROM node:22-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm install --production\n"
        'COPY . .\nCMD ["node", "server.js"]\n'
    )
    first = build(dockerfile)
    second = build(
        dockerfile, context={**app_context(Dockerfile=dockerfile), "server.js": "changed\n"}, cache=first.cache
    )
    assert step_lines(second)[1:] == [
        "CACHED [2/5] WORKDIR /app",
        "CACHED [3/5] COPY package.json ./",
        "CACHED [4/5] RUN npm install --production",
        "[5/5] COPY . .",
    ]


def test_dockerignored_file_does_not_invalidate_the_cache() -> None:
    context = app_context(**{".dockerignore": "notes.md\n", "notes.md": "draft 1"})
    first = build(context=context)
    second = build(context={**context, "notes.md": "draft 2"}, cache=first.cache)
    assert all(line.startswith("CACHED") for line in step_lines(second)[1:])
    assert second.image is not None and "/app/notes.md" not in second.image.files


def test_no_cache_runs_every_step_and_still_gives_the_same_id() -> None:
    first = build()
    again = build(cache=first.cache, no_cache=True)
    assert not any(line.startswith("CACHED") for line in step_lines(again))
    assert again.image is not None and first.image is not None
    assert again.image.id == first.image.id


def test_env_change_invalidates_run_but_not_the_steps_before() -> None:
    base = "FROM node\nWORKDIR /app\nCOPY package.json .\nENV NODE_ENV={}\nRUN npm install\n"
    first = build(base.format("development"))
    second = build(base.format("production"), cache=first.cache)
    assert step_lines(second)[1:] == [
        "CACHED [2/4] WORKDIR /app",
        "CACHED [3/4] COPY package.json .",
        "[4/4] RUN npm install",
    ]


def test_metadata_change_keeps_steps_cached_but_changes_the_id() -> None:
    first = build(context=app_context())  # the context keeps the notes' Dockerfile, so COPY . sees no change
    changed = build(NOTES_DOCKERFILE.replace("EXPOSE 80", "EXPOSE 8080"), context=app_context(), cache=first.cache)
    assert all(line.startswith("CACHED") for line in step_lines(changed)[1:])
    assert changed.image is not None and first.image is not None
    assert changed.image.id != first.image.id
    assert changed.image.config["ExposedPorts"] == {"8080/tcp": {}}


def test_cache_is_json_serialisable_and_grows() -> None:
    first = build()
    assert json.loads(json.dumps(first.cache)) == first.cache
    edited = build(context=app_context(**{"server.js": "x"}), cache=first.cache)
    assert set(first.cache) < set(edited.cache)


# --- content-addressed ids ------------------------------------------------------------------


def test_same_inputs_give_the_same_id_regardless_of_time_and_cache() -> None:
    a = build()
    b = run_build(BuildRequest(context_files=app_context(), dockerfile_text=NOTES_DOCKERFILE, now=5.0), resolve, {})
    assert a.image is not None and b.image is not None
    assert a.image.id == b.image.id
    assert a.image.id.startswith("sha256:") and len(a.image.id) == 71
    assert a.image.created != b.image.created


def test_changed_file_changes_the_id_and_the_layers() -> None:
    a = build()
    b = build(context=app_context(**{"public/index.html": "<h1>v2</h1>\n"}))
    assert a.image is not None and b.image is not None
    assert a.image.id != b.image.id
    assert a.image.layers[0] == b.image.layers[0]  # WORKDIR layer identical
    assert a.image.layers[1].id != b.image.layers[1].id


def test_image_records_layers_history_and_base() -> None:
    out = build()
    img = out.image
    assert img is not None
    assert [layer.created_by for layer in img.layers] == [
        "WORKDIR /app",
        "COPY . /app # buildkit",
        "RUN /bin/sh -c npm install # buildkit",
    ]
    assert img.layer_ids[:2] == ("sha256:" + "a" * 64, "sha256:" + "b" * 64)
    assert img.layers[1].size == sum(len(v.encode()) for v in app_context().values())
    assert [h["created_by"] for h in img.history][-2:] == ['CMD ["node" "server.js"]', "EXPOSE map[80/tcp:{}]"]
    assert img.base_id == "sha256:" + "1" * 64


# --- filesystem effects ------------------------------------------------------------------------


def test_npm_install_creates_node_modules_from_package_json() -> None:
    img = build().image
    assert img is not None
    modules = sorted(p for p in img.files if p.startswith("/app/node_modules/"))
    assert modules == [
        "/app/node_modules/body-parser/package.json",
        "/app/node_modules/express/package.json",
        "/app/node_modules/nodemon/package.json",
    ]
    lock = json.loads(img.files["/app/package-lock.json"])
    assert sorted(lock["packages"]) == ["", "node_modules/body-parser", "node_modules/express", "node_modules/nodemon"]


def test_npm_install_production_and_lockfile_packages() -> None:
    lock = json.dumps(
        {
            "lockfileVersion": 3,
            "packages": {
                "": {},
                "node_modules/express": {"version": "4.18.2"},
                "node_modules/accepts": {"version": "1.3.8"},
                "node_modules/nodemon": {"version": "3.0.1", "dev": True},
            },
        }
    )
    dockerfile = "FROM node\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n"
    img = build(dockerfile, context={"package.json": PACKAGE_JSON, "package-lock.json": lock}).image
    assert img is not None
    assert sorted(p.split("/")[3] for p in img.files if "/node_modules/" in p) == ["accepts", "body-parser", "express"]
    assert json.loads(img.files["/app/node_modules/express/package.json"])["version"] == "4.18.2"


def test_shell_commands_change_the_filesystem() -> None:
    dockerfile = (
        "FROM node\nRUN mkdir -p /data/feedback /data/temp && touch /data/temp/.keep && "
        "echo hello > /data/greeting.txt && echo again >> /data/greeting.txt\n"
        "WORKDIR /srv\nRUN mkdir logs; cd logs && echo $NODE_VERSION > version\n"
        "RUN rm -rf /data/temp || echo never\n"
    )
    img = build(dockerfile, context={}).image
    assert img is not None
    assert img.files["/data/greeting.txt"] == "hello\nagain\n"
    assert img.files["/srv/logs/version"] == "22.16.0\n"
    assert {"/data/feedback", "/srv/logs"} <= img.dirs
    assert "/data/temp" not in img.dirs and "/data/temp/.keep" not in img.files


def test_unknown_commands_are_recorded_without_effect() -> None:
    out = build("FROM node\nRUN apt-get update && apt-get install -y curl\n", context={})
    assert out.exit_code == 0 and out.image is not None
    assert out.image.layers[0].size == 0
    assert out.image.layers[0].created_by == "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit"


@pytest.mark.parametrize(
    "dockerfile, files",
    [
        ("FROM node\nCOPY server.js /srv/\n", {"/srv/server.js"}),
        ("FROM node\nCOPY server.js /srv/main.js\n", {"/srv/main.js"}),
        ("FROM node\nWORKDIR /app\nCOPY server.js package.json ./\n", {"/app/server.js", "/app/package.json"}),
        ("FROM node\nCOPY public /site\n", {"/site/index.html"}),
        ("FROM node\nCOPY *.js* /w/\n", {"/w/server.js", "/w/package.json"}),
        (
            "FROM node\nWORKDIR /app\nCOPY . .\n",
            {"/app/server.js", "/app/package.json", "/app/public/index.html", "/app/Dockerfile"},
        ),
        ('FROM node\nCOPY ["public/index.html", "/usr/share/web/"]\n', {"/usr/share/web/index.html"}),
        ("FROM node\nCOPY <<EOF /etc/motd\nhi $NODE_VERSION\nEOF\n", {"/etc/motd"}),
    ],
)
def test_copy_destinations(dockerfile: str, files: set[str]) -> None:
    out = build(dockerfile, context=app_context())
    assert out.image is not None, out.stderr
    new = set(out.image.files) - {"/usr/local/bin/node", "/usr/local/bin/npm", "/etc/hostname"}
    assert new == files


def test_copy_heredoc_expands_variables() -> None:
    img = build("FROM node\nCOPY <<EOF /etc/motd\nnode $NODE_VERSION\nEOF\n", context={}).image
    assert img is not None and img.files["/etc/motd"] == "node 22.16.0\n"


# --- image config -------------------------------------------------------------------------------


def test_config_instructions() -> None:
    dockerfile = (
        "ARG PORT=3000\nFROM node\nARG PORT\nARG GREETING=hi\nENV APP_PORT=$PORT MODE=prod\n"
        'ENV LEGACY value with spaces\nLABEL org.opencontainers.image.title="Feedback app"\n'
        'EXPOSE $APP_PORT 53/udp 9000-9001\nVOLUME ["/app/feedback"]\nVOLUME /app/temp\n'
        "USER node\nWORKDIR app\nENTRYPOINT npm start\n"
    )
    img = build(dockerfile, context={}, build_args={"PORT": "8080"}).image
    assert img is not None
    cfg = img.config
    assert cfg["Env"][-3:] == ["APP_PORT=8080", "MODE=prod", "LEGACY=value with spaces"]
    assert cfg["Labels"] == {"org.opencontainers.image.title": "Feedback app"}
    assert cfg["ExposedPorts"] == {"53/udp": {}, "8080/tcp": {}, "9000/tcp": {}, "9001/tcp": {}}
    assert cfg["Volumes"] == {"/app/feedback": {}, "/app/temp": {}}
    assert cfg["User"] == "node" and cfg["WorkingDir"] == "/app"
    assert cfg["Entrypoint"] == ["/bin/sh", "-c", "npm start"]
    assert cfg["Cmd"] is None  # ENTRYPOINT resets the base image's CMD
    assert not any(e.startswith("GREETING=") for e in cfg["Env"])  # ARG is build-time only


def test_cmd_shell_form_and_shell_instruction() -> None:
    img = build('FROM node\nSHELL ["/bin/bash", "-c"]\nCMD node server.js\n', context={}).image
    assert img is not None and img.config["Cmd"] == ["/bin/bash", "-c", "node server.js"]
    img2 = build('FROM node\nCMD ["node", "server.js"]\nENTRYPOINT ["tini", "--"]\n', context={}).image
    assert img2 is not None and img2.config["Cmd"] == ["node", "server.js"]


def test_build_args_default_and_override_in_from() -> None:
    dockerfile = "ARG BASE=nginx\nFROM ${BASE}:1.27\nRUN true\n"
    assert "FROM docker.io/library/nginx:1.27" in build(dockerfile, context={}).stderr
    assert "FROM docker.io/library/node:1.27" in build(dockerfile, context={}, build_args={"BASE": "node"}).stderr


def test_multi_stage_copy_from() -> None:
    dockerfile = (
        "FROM node AS build\nWORKDIR /src\nCOPY . .\nRUN npm install && mkdir dist && echo ok > dist/app.js\n"
        "FROM nginx\nCOPY --from=build /src/dist /usr/share/nginx/html\n"
    )
    out = build(dockerfile, context=app_context())
    assert out.exit_code == 0, out.stderr
    img = out.image
    assert img is not None
    assert img.files["/usr/share/nginx/html/app.js"] == "ok\n"
    assert not any(p.startswith("/src") for p in img.files)
    assert img.config["Cmd"] == ["nginx", "-g", "daemon off;"]
    assert step_lines(out) == [
        "[build 1/4] FROM docker.io/library/node:latest",
        "[build 2/4] WORKDIR /src",
        "[build 3/4] COPY . .",
        "[build 4/4] RUN npm install && mkdir dist && echo ok > dist/app.js",
        "[stage-1 1/2] FROM docker.io/library/nginx:latest",
        "[stage-1 2/2] COPY --from=build /src/dist /usr/share/nginx/html",
    ]


def test_unreferenced_stage_is_skipped() -> None:
    out = build("FROM node AS unused\nRUN false\nFROM nginx\nRUN true\n", context={})
    assert out.exit_code == 0
    assert "unused" not in out.stderr and "node" not in out.stderr


# --- failures -----------------------------------------------------------------------------------


def test_npm_install_without_package_json_fails_like_npm() -> None:
    out = build(context={"Dockerfile": NOTES_DOCKERFILE, "server.js": "x"})
    assert (out.exit_code, out.error_kind, out.image, out.stdout) == (1, "run_failed", None, "")
    assert " => ERROR [4/4] RUN npm install" in out.stderr
    assert (
        "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, "
        "open '/app/package.json'" in out.stderr
    )
    assert out.stderr.endswith(
        'ERROR: failed to solve: process "/bin/sh -c npm install" did not complete successfully: exit code: 254\n'
    )


@pytest.mark.parametrize(
    "dockerfile, message",
    [
        ("FROM node\nRUN false\n", 'process "/bin/sh -c false" did not complete successfully: exit code: 1'),
        ("FROM node\nRUN exit 3\n", 'process "/bin/sh -c exit 3" did not complete successfully: exit code: 3'),
        ('FROM node\nRUN ["false"]\n', 'process "false" did not complete successfully: exit code: 1'),
        ("FROM node\nRUN mkdir /tmp\n", 'process "/bin/sh -c mkdir /tmp" did not complete successfully: exit code: 1'),
        (
            "FROM nginx\nRUN npm install\n",
            'process "/bin/sh -c npm install" did not complete successfully: exit code: 127',
        ),
        (
            "FROM node\nRUN true && false && echo never\n",
            'process "/bin/sh -c true && false && echo never" did not complete successfully: exit code: 1',
        ),
        ("FROM node\nCOPY nope.txt /app/\n", "failed to compute cache key: failed to calculate checksum of ref "),
        ("FROM node\nEXPOSE http\n", "invalid containerPort: http"),
        (
            "FROM python:99\n",
            "python:99: failed to resolve source metadata for docker.io/library/python:99: "
            "docker.io/library/python:99: not found",
        ),
        (
            "FROM nope\n",
            "nope: failed to resolve source metadata for docker.io/library/nope:latest: pull access denied, "
            "repository does not exist or may require authorization: server message: insufficient_scope: "
            "authorization failed",
        ),
    ],
)
def test_failures_print_buildkit_errors(dockerfile: str, message: str) -> None:
    out = build(dockerfile, context=app_context())
    assert out.exit_code == 1 and out.image is None
    last = out.stderr.splitlines()[-1]
    assert last.startswith("ERROR: failed to solve: " + message)


def test_copy_missing_source_names_the_cleaned_path() -> None:
    out = build("FROM node\nCOPY ./missing/../nope.txt /app/\n", context=app_context())
    assert out.error_kind == "copy_source_not_found"
    assert out.stderr.rstrip().endswith('"/nope.txt": not found')
    ignored = build("FROM node\nCOPY secret.env /app/\n", context={".dockerignore": "*.env", "secret.env": "x"})
    assert ignored.stderr.rstrip().endswith('"/secret.env": not found')


def test_failed_run_logs_are_shown_with_times() -> None:
    out = build("FROM node\nRUN mkdir /etc\n", context={})
    block = out.stderr.split("------\n")[1]
    assert block.startswith(" > [2/2] RUN mkdir /etc:\n")
    assert block.splitlines()[1].split(" ", 1)[1] == "mkdir: cannot create directory '/etc': File exists"


def test_failure_counts_unstarted_steps_in_the_header() -> None:
    out = build("FROM node\nRUN false\nRUN echo later\n", context={})
    header = out.stderr.splitlines()[0]
    assert "(5/6)" in header and "FINISHED" not in header
    assert "later" not in out.stderr.split("------")[0]


def test_cache_keeps_steps_that_succeeded_before_a_failure() -> None:
    failed = build("FROM node\nWORKDIR /app\nRUN false\n", context={})
    fixed = build("FROM node\nWORKDIR /app\nRUN true\n", context={}, cache=failed.cache)
    assert step_lines(fixed)[1:] == ["CACHED [2/3] WORKDIR /app", "[3/3] RUN true"]


@pytest.mark.parametrize(
    "dockerfile, kind",
    [
        (None, "dockerfile_not_found"),
        ("", "dockerfile_empty"),
        ("FROM node\nFOO bar\n", "parse_error"),
        ("ENV A=1\nFROM node\n", "no_build_stage"),
        ("FROM nope\n", "base_image_not_found"),
        ("FROM node\nCOPY x y\n", "copy_source_not_found"),
        ("FROM node\nRUN false\n", "run_failed"),
        ("FROM node\nADD https://example.com/a.tgz /\n", "unsupported"),
    ],
)
def test_error_kinds(dockerfile: str | None, kind: str) -> None:
    out = build(dockerfile, context={"a": "b"})
    assert (out.exit_code, out.error_kind) == (1, kind)


def test_target_stage() -> None:
    dockerfile = "FROM node AS dev\nRUN touch /dev.txt\nFROM nginx AS prod\nRUN touch /prod.txt\n"
    img = build(dockerfile, context={}, target="dev").image
    assert img is not None and "/dev.txt" in img.files and "/prod.txt" not in img.files
    bad = build(dockerfile, context={}, target="prd")
    assert bad.stderr.endswith('ERROR: failed to solve: target stage "prd" could not be found (did you mean prod?)\n')


# --- output modes, helpers, determinism -----------------------------------------------------------


def test_quiet_prints_only_the_id_on_stdout() -> None:
    out = build(quiet=True)
    assert out.image is not None
    assert (out.stdout, out.stderr) == (out.image.id + "\n", "")
    failed = build("FROM node\nRUN false\n", context={}, quiet=True)
    assert failed.stdout == "" and failed.stderr.startswith("Dockerfile:2\n")


def test_progress_goes_to_stderr_and_stdout_is_empty() -> None:
    out = build(tags=("feedback:1.0", "feedback"))
    assert out.stdout == ""
    assert out.stderr.splitlines()[-2:] == [  # time column ends at column 79 of an 80-column terminal
        " => => naming to docker.io/library/feedback:1.0".ljust(75) + "0.0s",
        " => => naming to docker.io/library/feedback:latest".ljust(75) + "0.0s",
    ]


def test_same_request_gives_identical_outcome() -> None:
    assert build() == build()


def test_injected_timing_source() -> None:
    out = build(elapsed=lambda name, kind: 1.25 if kind == "WORKDIR" else 0.0)
    assert " => [2/4] WORKDIR /app".ljust(75) + "1.2s" in out.stderr.splitlines()
    assert out.duration == pytest.approx(1.25)
    assert default_elapsed("[4/4] RUN npm install", "RUN") == 3.4


@pytest.mark.parametrize(
    "ref, familiar",
    [
        ("node", "docker.io/library/node:latest"),
        ("node:22-alpine", "docker.io/library/node:22-alpine"),
        ("user/app", "docker.io/user/app:latest"),
        ("localhost:5000/app:1", "localhost:5000/app:1"),
        ("ghcr.io/o/app", "ghcr.io/o/app:latest"),
    ],
)
def test_normalize_ref(ref: str, familiar: str) -> None:
    assert normalize_ref(ref) == familiar


# --- robustness: no exception escapes, whatever the learner types ---------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FRAGMENTS = [
    "FROM node",
    "FROM nginx AS web",
    "FROM scratch",
    "from node as b",
    "WORKDIR /app",
    "WORKDIR $X",
    "COPY . .",
    "COPY --from=b /a /b",
    "COPY *.json ./",
    "ADD x /y",
    "RUN npm install",
    "RUN mkdir -p a && cd a",
    'RUN ["echo", "hi"]',
    "RUN echo $((1+2)) > f",
    "CMD node server.js",
    'CMD ["node"]',
    "ENV A=1 B",
    "ENV A",
    "ARG X=1",
    "ARG",
    "EXPOSE 80/tcp 1-3",
    "EXPOSE x",
    "VOLUME []",
    "USER",
    "LABEL a=b",
    "HEALTHCHECK NONE",
    "SHELL []",
    "ONBUILD ONBUILD",
    "RUN <<EOF",
    "EOF",
    "\\",
    "# escape=`",
    "`",
    "${",
    'COPY "a b" c',
    "RUN echo 'unterminated",
    "ENTRYPOINT",
    "STOPSIGNAL",
    "MAINTAINER me",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=20)), max_size=8), st.booleans(), st.booleans())
def test_run_build_never_raises(lines: list[str], no_cache: bool, quiet: bool) -> None:
    text = "\n".join(lines)
    out = build(text, context=app_context(), no_cache=no_cache, quiet=quiet)
    assert out.exit_code in (0, 1)
    assert (out.image is not None) == (out.exit_code == 0)
    if out.exit_code:
        assert out.error_kind and out.stderr.split("\n")[-2].startswith("ERROR: failed to solve: ")


# --- helpers: .dockerignore, word expansion, lint ---------------------------------------------------

from app.dockersim.build.context import is_ignored, parse_dockerignore  # noqa: E402
from app.dockersim.build.shell import ExpansionError, process_word, process_words  # noqa: E402


@pytest.mark.parametrize(
    "patterns, path, ignored",
    [
        ("node_modules", "node_modules/express/index.js", True),
        ("*.md", "README.md", True),
        ("*.md", "docs/guide.md", False),
        ("**/*.md", "docs/guide.md", True),
        ("/secret.env", "secret.env", True),
        ("temp\n!temp/keep.txt", "temp/keep.txt", False),
        ("temp\n!temp/keep.txt", "temp/other.txt", True),
        ("!a.txt\n*.txt", "a.txt", True),
        ("# comment\n\n  logs/  ", "logs/app.log", True),
        ("data?.csv", "data1.csv", True),
        ("data?.csv", "data10.csv", False),
        ("[ab].js", "b.js", True),
    ],
)
def test_dockerignore_patterns(patterns: str, path: str, ignored: bool) -> None:
    assert is_ignored(path, parse_dockerignore(patterns)) is ignored


@pytest.mark.parametrize(
    "word, expected",
    [
        ("$HOME/app", "/root/app"),
        ("${HOME}", "/root"),
        ("${MISSING:-fallback}", "fallback"),
        ("${EMPTY:-x}", "x"),
        ("${EMPTY-x}", ""),
        ("${HOME:+set}", "set"),
        ("${MISSING:+set}", ""),
        ('"quoted $HOME"', "quoted /root"),
        ("'single $HOME'", "single $HOME"),
        ("\\$HOME", "$HOME"),
        ("a\\ b", "a b"),
        ("$", "$"),
        ("cost $5", "cost "),
    ],
)
def test_process_word(word: str, expected: str) -> None:
    assert process_word(word, {"HOME": "/root", "EMPTY": ""}) == expected


def test_process_words_splits_only_unquoted_expansions() -> None:
    assert process_words('$PORTS "a b"', {"PORTS": "80 443"}) == ["80", "443", "a b"]
    with pytest.raises(ExpansionError, match="MISSING: must be set"):
        process_word("${MISSING:?must be set}", {})


def test_lint_rules_for_common_mistakes() -> None:
    out = build('FROM node\nmaintainer me\nRUN echo a \\\n\n  b\nCMD ["node"]\n', context={})
    assert out.warnings == (
        "ConsistentInstructionCasing: Command 'maintainer' should match the case of the command majority "
        "(uppercase) (line 2)",
        "MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)",
        "NoEmptyContinuation: Empty continuation line (line 5)",
    )


def test_run_heredoc_and_add_of_local_files() -> None:
    img = build(
        "FROM node\nRUN <<EOF\nmkdir -p /opt/app\necho ready > /opt/app/state\nEOF\nADD public/index.html /srv/\n",
        context=app_context(),
    ).image
    assert img is not None
    assert img.files["/opt/app/state"] == "ready\n"
    assert img.files["/srv/index.html"] == "<h1>Feedback</h1>\n"


def test_copy_from_stage_index_and_from_image() -> None:
    img = build(
        "FROM node\nRUN mkdir /out && echo one > /out/a\nFROM node\nCOPY --from=0 /out/a /a\n"
        "COPY --from=nginx /usr/share/nginx/html/index.html /welcome.html\n",
        context={},
    ).image
    assert img is not None
    assert img.files["/a"] == "one\n"
    assert img.files["/welcome.html"] == "<h1>Welcome to nginx!</h1>\n"
    missing = build("FROM node\nCOPY --from=nope /x /y\n", context={})
    assert missing.error_kind == "base_image_not_found"


@pytest.mark.parametrize(
    "files, command, code, first_line",
    [
        ({"package.json": PACKAGE_JSON}, "npm ci", 1, "npm error code EUSAGE"),
        ({"package.json": "{not json"}, "npm install", 1, "npm error code EJSONPARSE"),
    ],
)
def test_npm_failures(files: dict[str, str], command: str, code: int, first_line: str) -> None:
    out = build(f"FROM node\nWORKDIR /app\nCOPY . .\nRUN {command}\n", context=files)
    assert out.stderr.endswith(f"did not complete successfully: exit code: {code}\n")
    assert out.stderr.split(" > [4/4] RUN " + command + ":\n")[1].splitlines()[0].split(" ", 1)[1] == first_line


@pytest.mark.parametrize(
    "run, shown",
    [
        ('RUN echo "hello $NODE_VERSION" > /greeting', 'RUN echo "hello 22.16.0" > /greeting'),
        ("RUN echo '$NODE_VERSION' $UNSET ${UNSET}", "RUN echo '$NODE_VERSION' $UNSET ${UNSET}"),
        ("run echo ${NODE_VERSION:-none}", "RUN echo 22.16.0"),
    ],
)
def test_run_step_names_keep_quotes_and_unset_variables(run: str, shown: str) -> None:
    assert step_lines(build(f"FROM node\n{run}\n", context={}))[1] == "[2/2] " + shown


def test_heredoc_run_name_and_failure_message() -> None:
    out = build("FROM node\nRUN <<EOF\necho start\nmkdir /tmp\nEOF\n", context={})
    assert " => ERROR [2/2] RUN <<EOF (echo start...)" in out.stderr.splitlines()[7]
    assert out.stderr.endswith(
        'ERROR: failed to solve: process "/bin/sh -c echo start\nmkdir /tmp\n" '
        "did not complete successfully: exit code: 1\n"
    )
    # like sh without -e, a failing line in the middle does not stop the script
    assert build("FROM node\nRUN <<EOF\nmkdir /tmp\ntouch /ok\nEOF\n", context={}).exit_code == 0


def test_lint_casing_majority_and_mixed_case() -> None:
    out = build('from node\nrun true\nWorkdir /app\nCMD ["node"]\n', context={})
    assert out.warnings == (
        "ConsistentInstructionCasing: Command 'Workdir' should match the case of the command majority (lowercase) "
        "(line 3)",
        "ConsistentInstructionCasing: Command 'CMD' should match the case of the command majority (lowercase) (line 4)",
    )


def test_workdir_root_makes_no_step_but_counts_in_the_total() -> None:
    out = build("FROM node\nWORKDIR /\nRUN touch /x\n", context={})
    assert step_lines(out) == ["[1/3] FROM docker.io/library/node:latest", "[2/3] RUN touch /x"]
    assert out.image is not None and out.image.config["WorkingDir"] == "/"
