"""Exact build output: the course notes' real BuildKit transcript, and golden transcripts.

The notes (`../shared/seed/docker-notes.ko.md`) hold a real `docker build .` from Docker
Desktop at 166 columns; rendering the same build at that width must give the same lines.
The golden files under build_golden/ pin the 80-column output of the stories the labs use
(regenerate with `UPDATE_BUILD_GOLDEN=1` and review the diff).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.dockersim.build.builder import BuildRequest, run_build
from tests.dockersim.test_build_support import NOTES_DOCKERFILE, app_context, build, resolve

GOLDEN = Path(__file__).parent / "build_golden"

# Lines 30-43 of the notes' build transcript (Docker Desktop, a 166-column terminal).
NOTES_TRANSCRIPT = """\
[+] Building 3.5s (9/9) FINISHED                                                                                                                 docker:desktop-linux
 => [internal] load build definition from Dockerfile                                                                                                             0.0s
 => => transferring dockerfile: 130B                                                                                                                             0.0s
 => [internal] load metadata for docker.io/library/node:latest                                                                                                   0.0s
 => [internal] load .dockerignore                                                                                                                                0.0s
 => => transferring context: 2B                                                                                                                                  0.0s
 => [1/4] FROM docker.io/library/node:latest                                                                                                                     0.0s
 => [internal] load build context                                                                                                                                0.0s
 => => transferring context: 8.25kB                                                                                                                              0.0s
 => [2/4] WORKDIR /app                                                                                                                                           0.0s
 => [3/4] COPY . /app                                                                                                                                            0.0s
 => [4/4] RUN npm install                                                                                                                                        3.4s
 => exporting to image                                                                                                                                           0.1s
 => => exporting layers                                                                                                                                          0.1s
"""


def _context_of_size(total: int) -> dict[str, str]:
    """The example app padded so the modelled context transfer is `total` bytes."""
    files = app_context()
    del files["public/index.html"]
    used = sum(len(text.encode()) + 28 + len(name) for name, text in files.items())
    files["server.js"] += "/" * (total - used)
    return files


def test_notes_transcript_is_reproduced_at_the_notes_terminal_width() -> None:
    request = BuildRequest(
        context_files=_context_of_size(8250),
        dockerfile_text=NOTES_DOCKERFILE,
        width=166,
        builder="docker:desktop-linux",
    )
    out = run_build(request, resolve, {})
    lines = out.stderr.splitlines()
    assert "\n".join(lines[:14]) + "\n" == NOTES_TRANSCRIPT
    assert lines[14].startswith(" => => writing image sha256:")
    assert len(lines) == 15


def test_notes_dockerfile_transfer_size_matches_the_notes() -> None:
    assert " => => transferring dockerfile: 130B" in build().stderr


def _stories() -> dict[str, str]:
    first = build(tags=("feedback-app",))
    cached = build(cache=first.cache, tags=("feedback-app",))
    edited = build(
        context=app_context(**{"server.js": "app.listen(3000);\n"}), cache=first.cache, tags=("feedback-app:2",)
    )
    no_package = build(context={"Dockerfile": NOTES_DOCKERFILE, "server.js": "x"})
    warnings = build("FROM node as build\nWORKDIR app\nENV PORT 80\nCOPY . .\nCMD node server.js\n")
    stories = {
        "notes_first_build": first.stderr,
        "notes_rebuild_cached": cached.stderr,
        "notes_rebuild_after_edit": edited.stderr,
        "npm_install_without_package_json": no_package.stderr,
        "parse_error_unknown_instruction": build("FROM node\nWORKDIR /app\nCOPPY . .\nRUN npm install\n").stderr,
        "missing_dockerfile": build(None).stderr,
        "base_image_not_found": build("FROM nodee\nWORKDIR /app\n").stderr,
        "copy_missing_file": build("FROM node\nWORKDIR /app\nCOPY app.js .\nRUN npm install\n").stderr,
        "lint_warnings": warnings.stderr,
        "quiet": build(quiet=True).stdout,
    }
    return stories


STORIES = _stories()


@pytest.mark.parametrize("name", sorted(STORIES))
def test_golden_transcripts(name: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_BUILD_GOLDEN"):
        path.write_text(STORIES[name], encoding="utf-8")
    assert STORIES[name] == path.read_text(encoding="utf-8")


def test_every_progress_line_fits_80_columns() -> None:
    for name, text in STORIES.items():
        for line in text.splitlines():
            if line.startswith((" => ", "[+]")):
                assert len(line) == 79, (name, line)
