"""What the modelled Docker Hub images contain: their files, base folders and config (pure data builders)."""

from __future__ import annotations

import hashlib
from typing import Any

PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
COREUTILS = (
    "sh",
    "ls",
    "cat",
    "echo",
    "mkdir",
    "rm",
    "cp",
    "mv",
    "touch",
    "sleep",
    "pwd",
    "true",
    "false",
    "env",
    "hostname",
    "ps",
    "date",
    "grep",
)
NGINX_INDEX = """<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
"""
HELLO = """
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/
"""


def digest_hex(*parts: str) -> str:
    """A stable sha256 hex of the parts (ids and digests are fixed per image)."""
    return hashlib.sha256(":".join(parts).encode()).hexdigest()


# Programs the real images carry that the simulator does not model: they exist (so they are not "not found"),
# and running them says plainly that they are not modelled.
_COMMON_EXTRA = (
    "printenv",
    "head",
    "tail",
    "wc",
    "uname",
    "id",
    "sed",
    "find",
    "chmod",
    "chown",
    "ln",
    "du",
    "df",
    "tar",
    "gzip",
    "sort",
    "uniq",
    "tr",
    "cut",
    "tee",
    "xargs",
    "stat",
    "basename",
    "dirname",
    "whoami",
)
GNU_EXTRA = _COMMON_EXTRA + ("apt-get", "apt", "dpkg", "which")
BUSYBOX_EXTRA = _COMMON_EXTRA + ("which", "wget", "vi", "ping", "nc", "top", "kill")


def binary(name: str) -> str:
    """The stand-in content of an executable file."""
    return f"\x7fELF simulated executable: {name}\n"


def debian_files(
    extra_bins: tuple[str, ...] = (), bash: bool = True, os_name: str = "Debian GNU/Linux 12 (bookworm)"
) -> dict[str, str]:
    """A Debian-based image's files: coreutils, bash, os-release and extra binaries."""
    files = {f"/bin/{b}": binary(b) for b in COREUTILS}
    files.update({f"/usr/bin/{b}": binary(b) for b in GNU_EXTRA})
    if bash:
        files["/bin/bash"] = binary("bash")
    files.update({f"/usr/local/bin/{b}": binary(b) for b in extra_bins})
    files["/etc/os-release"] = f'PRETTY_NAME="{os_name}"\n'
    files["/etc/hostname"] = "localhost\n"
    return files


def alpine_files(apk: bool = True) -> dict[str, str]:
    """An Alpine image's files: busybox applets (and apk)."""
    files = {f"/bin/{b}": binary("busybox") for b in COREUTILS}
    files.update({f"/bin/{b}": binary("busybox") for b in BUSYBOX_EXTRA})
    files["/bin/busybox"] = binary("busybox")
    if apk:
        files["/sbin/apk"] = binary("apk")
    files["/etc/os-release"] = 'NAME="Alpine Linux"\nVERSION_ID=3.22.0\nPRETTY_NAME="Alpine Linux v3.22"\n'
    return files


BASE_DIRS = {
    "/",
    "/bin",
    "/dev",
    "/etc",
    "/home",
    "/lib",
    "/mnt",
    "/opt",
    "/proc",
    "/root",
    "/run",
    "/sbin",
    "/srv",
    "/sys",
    "/tmp",
    "/usr",
    "/usr/bin",
    "/usr/lib",
    "/usr/local",
    "/usr/local/bin",
    "/usr/sbin",
    "/usr/share",
    "/var",
    "/var/lib",
    "/var/log",
}


def image_config(
    cmd: list[str] | None,
    entrypoint: list[str] | None = None,
    env: tuple[str, ...] = (),
    workdir: str = "",
    ports: tuple[str, ...] = (),
    volumes: tuple[str, ...] = (),
    stop_signal: str = "",
) -> dict[str, Any]:
    """An image's Config as `docker inspect` shows it."""
    cfg: dict[str, Any] = {
        "Cmd": cmd,
        "Entrypoint": entrypoint,
        "Env": [PATH_ENV, *env],
        "ExposedPorts": {p: {} for p in ports},
        "Labels": {},
        "User": "",
        "Volumes": {v: {} for v in volumes},
        "WorkingDir": workdir,
    }
    if stop_signal:
        cfg["StopSignal"] = stop_signal
    return cfg


def nginx_files() -> dict[str, str]:
    """nginx's files on Debian: binary, entrypoint, default site and config."""
    files = debian_files()
    files.update(
        {
            "/usr/sbin/nginx": binary("nginx"),
            "/docker-entrypoint.sh": '#!/bin/sh\n# vim:sw=4:ts=4:et\nexec "$@"\n',
            "/usr/share/nginx/html/index.html": NGINX_INDEX,
            "/usr/share/nginx/html/50x.html": "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n"
            "<h1>An error occurred.</h1>\n</body>\n</html>\n",
            "/etc/nginx/nginx.conf": "user  nginx;\nworker_processes  auto;\n",
            "/etc/nginx/conf.d/default.conf": "server {\n    listen       80;\n    server_name  localhost;\n"
            "    location / {\n        root   /usr/share/nginx/html;\n"
            "        index  index.html index.htm;\n    }\n}\n",
        }
    )
    return files


def node_files() -> dict[str, str]:
    """node's files on Debian: node, npm, npx, yarn and the entrypoint."""
    files = debian_files(("node", "npm", "npx", "yarn", "docker-entrypoint.sh"))
    files["/usr/local/bin/docker-entrypoint.sh"] = '#!/bin/sh\nset -e\nexec "$@"\n'
    return files
