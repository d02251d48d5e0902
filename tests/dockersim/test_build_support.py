"""Shared fixtures for the build tests (no tests here): base images and requests."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any

from app.dockersim.build.builder import BaseImage, BaseImageNotFound, BuildOutcome, BuildRequest, run_build

NOTES_DOCKERFILE = (
    'FROM node\n\nWORKDIR /app\n\nCOPY . /app\n\nRUN npm install\n\nCMD ["node", "server.js"]\n\nEXPOSE 80\n'
)
PACKAGE_JSON = (
    json.dumps(
        {
            "name": "feedback-app",
            "version": "1.0.0",
            "dependencies": {"body-parser": "^1.20.2", "express": "^4.18.2"},
            "devDependencies": {"nodemon": "^3.0.1"},
        },
        indent=2,
    )
    + "\n"
)
SERVER_JS = "const express = require('express');\nconst app = express();\napp.listen(80);\n"

NODE = BaseImage(
    ref="node",
    id="sha256:" + "1" * 64,
    files={"/usr/local/bin/node": "", "/usr/local/bin/npm": "", "/etc/hostname": "node\n"},
    dirs={"/usr", "/usr/local", "/usr/local/bin", "/etc", "/tmp"},
    config={
        "Cmd": ["node"],
        "Entrypoint": ["docker-entrypoint.sh"],
        "WorkingDir": "",
        "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NODE_VERSION=22.16.0"],
        "ExposedPorts": {},
        "Volumes": {},
        "User": "",
        "Labels": {},
    },
    layer_ids=("sha256:" + "a" * 64, "sha256:" + "b" * 64),
)
NGINX = BaseImage(
    ref="nginx",
    id="sha256:" + "2" * 64,
    files={"/usr/share/nginx/html/index.html": "<h1>Welcome to nginx!</h1>\n"},
    dirs={"/usr", "/usr/share", "/usr/share/nginx", "/usr/share/nginx/html"},
    config={
        "Cmd": ["nginx", "-g", "daemon off;"],
        "Entrypoint": ["/docker-entrypoint.sh"],
        "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        "ExposedPorts": {"80/tcp": {}},
        "StopSignal": "SIGQUIT",
    },
    layer_ids=("sha256:" + "c" * 64,),
)


def resolve(ref: str) -> BaseImage:
    """A tiny registry: node[:tag] and nginx[:tag]; anything else is not found."""
    name, _, tag = ref.partition(":")
    if name == "node":
        return dataclasses.replace(NODE, ref=ref)
    if name == "nginx":
        return dataclasses.replace(NGINX, ref=ref)
    if name == "python" and tag == "99":
        raise BaseImageNotFound("docker.io/library/python:99: not found")
    raise BaseImageNotFound()


def app_context(**overrides: str) -> dict[str, str]:
    """The course's example app (package.json + server.js + the notes' Dockerfile)."""
    files = {
        "Dockerfile": NOTES_DOCKERFILE,
        "package.json": PACKAGE_JSON,
        "server.js": SERVER_JS,
        "public/index.html": "<h1>Feedback</h1>\n",
    }
    files.update(overrides)
    return files


def build(
    dockerfile: str | None = NOTES_DOCKERFILE,
    context: Mapping[str, str] | None = None,
    cache: Mapping[str, Any] | None = None,
    **options: Any,
) -> BuildOutcome:
    """Run one build with the defaults the tests share."""
    files = dict(app_context() if context is None else context)
    if dockerfile is not None and context is None:
        files["Dockerfile"] = dockerfile
    request = BuildRequest(context_files=files, dockerfile_text=dockerfile, now=1_764_322_402.0, **options)
    return run_build(request, resolve, cache or {})


def step_lines(outcome: BuildOutcome) -> list[str]:
    """The `=> [n/m] ...` step lines without the time column."""
    return [
        line[4:].rsplit("  ", 1)[0].rstrip()
        for line in outcome.stderr.splitlines()
        if line.startswith(" => ") and "/" in line.split("]")[0] and "[" in line
    ]
