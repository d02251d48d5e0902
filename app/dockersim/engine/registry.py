"""The built-in registry of pullable images (Docker Hub official images, modelled)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
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


def _hex(*parts: str) -> str:
    return hashlib.sha256(":".join(parts).encode()).hexdigest()


# Programs the real images carry that the simulator does not model: they exist (so they are not "not found"),
# and running them says plainly that they are not modelled.
GNU_EXTRA = (
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
    "apt-get",
    "apt",
    "dpkg",
    "which",
)
BUSYBOX_EXTRA = (
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
    "which",
    "wget",
    "vi",
    "ping",
    "nc",
    "top",
    "kill",
)


def _binary(name: str) -> str:
    return f"\x7fELF simulated executable: {name}\n"


def _debian(
    extra_bins: tuple[str, ...] = (), bash: bool = True, os_name: str = "Debian GNU/Linux 12 (bookworm)"
) -> dict[str, str]:
    files = {f"/bin/{b}": _binary(b) for b in COREUTILS}
    files.update({f"/usr/bin/{b}": _binary(b) for b in GNU_EXTRA})
    if bash:
        files["/bin/bash"] = _binary("bash")
    files.update({f"/usr/local/bin/{b}": _binary(b) for b in extra_bins})
    files["/etc/os-release"] = f'PRETTY_NAME="{os_name}"\n'
    files["/etc/hostname"] = "localhost\n"
    return files


def _alpine(apk: bool = True) -> dict[str, str]:
    files = {f"/bin/{b}": _binary("busybox") for b in COREUTILS}
    files.update({f"/bin/{b}": _binary("busybox") for b in BUSYBOX_EXTRA})
    files["/bin/busybox"] = _binary("busybox")
    if apk:
        files["/sbin/apk"] = _binary("apk")
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


@dataclass(frozen=True)
class RegistryImage:
    """One pullable repository:tag with its files, config and layer digests."""

    repo: str
    tag: str
    size: int
    layer_count: int
    config: dict[str, Any]
    files: dict[str, str]
    dirs: frozenset[str] = field(default=frozenset(BASE_DIRS))
    base_layers: str = ""  # layers shared with other images of the same base

    @property
    def ref(self) -> str:
        """repo:tag."""
        return f"{self.repo}:{self.tag}"

    @property
    def id(self) -> str:
        """Image id (content-addressed, fixed per repo:tag)."""
        return "sha256:" + _hex("image", self.ref)

    @property
    def digest(self) -> str:
        """Manifest digest."""
        return "sha256:" + _hex("digest", self.ref)

    @property
    def layer_ids(self) -> list[str]:
        """Layer digests; the first ones are shared by images with the same base."""
        shared = 1 if self.base_layers else 0
        return [_hex("layer", self.base_layers or self.ref, "0")] * shared + [
            _hex("layer", self.ref, str(i)) for i in range(shared, self.layer_count)
        ]


def _cfg(
    cmd: list[str] | None,
    entrypoint: list[str] | None = None,
    env: tuple[str, ...] = (),
    workdir: str = "",
    ports: tuple[str, ...] = (),
    volumes: tuple[str, ...] = (),
    stop_signal: str = "",
) -> dict[str, Any]:
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


def _nginx_files() -> dict[str, str]:
    files = _debian()
    files.update(
        {
            "/usr/sbin/nginx": _binary("nginx"),
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


def _node_files() -> dict[str, str]:
    files = _debian(("node", "npm", "npx", "yarn", "docker-entrypoint.sh"))
    files["/usr/local/bin/docker-entrypoint.sh"] = '#!/bin/sh\nset -e\nexec "$@"\n'
    return files


NODE_ENV = ("NODE_VERSION=24.1.0", "YARN_VERSION=1.22.22")
IMAGES: dict[str, RegistryImage] = {}
for _img in (
    RegistryImage(
        "node",
        "latest",
        1_120_000_000,
        8,
        _cfg(["node"], ["docker-entrypoint.sh"], NODE_ENV),
        _node_files(),
        base_layers="debian",
    ),
    RegistryImage(
        "node",
        "24",
        1_120_000_000,
        8,
        _cfg(["node"], ["docker-entrypoint.sh"], NODE_ENV),
        _node_files(),
        base_layers="debian",
    ),
    RegistryImage(
        "node",
        "22",
        1_100_000_000,
        8,
        _cfg(["node"], ["docker-entrypoint.sh"], ("NODE_VERSION=22.16.0", "YARN_VERSION=1.22.22")),
        _node_files(),
        base_layers="debian",
    ),
    RegistryImage(
        "node",
        "alpine",
        160_000_000,
        5,
        _cfg(["node"], ["docker-entrypoint.sh"], NODE_ENV),
        {**_alpine(), **{f"/usr/local/bin/{b}": _binary(b) for b in ("node", "npm", "npx", "docker-entrypoint.sh")}},
        base_layers="alpine",
    ),
    RegistryImage(
        "nginx",
        "latest",
        192_000_000,
        7,
        _cfg(
            ["nginx", "-g", "daemon off;"],
            ["/docker-entrypoint.sh"],
            ("NGINX_VERSION=1.27.5",),
            ports=("80/tcp",),
            stop_signal="SIGQUIT",
        ),
        _nginx_files(),
        base_layers="debian",
    ),
    RegistryImage(
        "nginx",
        "alpine",
        52_500_000,
        8,
        _cfg(
            ["nginx", "-g", "daemon off;"],
            ["/docker-entrypoint.sh"],
            ("NGINX_VERSION=1.27.5",),
            ports=("80/tcp",),
            stop_signal="SIGQUIT",
        ),
        {**_alpine(), **{k: v for k, v in _nginx_files().items() if "nginx" in k or "entrypoint" in k}},
        base_layers="alpine",
    ),
    RegistryImage("alpine", "latest", 8_310_000, 1, _cfg(["/bin/sh"]), _alpine(), base_layers="alpine"),
    RegistryImage("busybox", "latest", 4_280_000, 1, _cfg(["sh"]), _alpine(apk=False)),
    RegistryImage("ubuntu", "latest", 78_100_000, 1, _cfg(["/bin/bash"]), _debian(os_name="Ubuntu 24.04.2 LTS")),
    RegistryImage(
        "python",
        "latest",
        1_020_000_000,
        7,
        _cfg(["python3"], None, ("PYTHON_VERSION=3.13.3",)),
        _debian(("python", "python3", "pip")),
        base_layers="debian",
    ),
    RegistryImage(
        "httpd",
        "latest",
        148_000_000,
        5,
        _cfg(
            ["httpd-foreground"],
            None,
            ("HTTPD_VERSION=2.4.63",),
            "/usr/local/apache2",
            ("80/tcp",),
            stop_signal="SIGWINCH",
        ),
        {
            **_debian(("httpd-foreground",)),
            "/usr/local/apache2/htdocs/index.html": "<html><body><h1>It works!</h1></body></html>\n",
        },
        base_layers="debian",
    ),
    RegistryImage(
        "redis",
        "latest",
        137_000_000,
        6,
        _cfg(["redis-server"], ["docker-entrypoint.sh"], ("REDIS_VERSION=8.0.2",), "/data", ("6379/tcp",), ("/data",)),
        {**_debian(("redis-server", "redis-cli", "docker-entrypoint.sh"))},
        base_layers="debian",
    ),
    RegistryImage("hello-world", "latest", 10_100, 1, _cfg(["/hello"]), {"/hello": _binary("hello")}, frozenset({"/"})),
):
    IMAGES[_img.ref] = _img


# More tags, same content as a modelled tag (version variables adjusted where the image declares one).
_EXTRA_TAGS = {
    ("node", "lts"): "node:24",
    ("node", "20"): "node:22",
    ("node", "18"): "node:22",
    ("node", "22-alpine"): "node:alpine",
    ("nginx", "1.27"): "nginx:latest",
    ("nginx", "stable"): "nginx:latest",
    ("nginx", "1.27-alpine"): "nginx:alpine",
    ("alpine", "3.22"): "alpine:latest",
    ("alpine", "3.21"): "alpine:latest",
    ("alpine", "3.20"): "alpine:latest",
    ("ubuntu", "24.04"): "ubuntu:latest",
    ("ubuntu", "22.04"): "ubuntu:latest",
    ("ubuntu", "noble"): "ubuntu:latest",
    ("ubuntu", "jammy"): "ubuntu:latest",
    ("python", "3.13"): "python:latest",
    ("python", "3.12"): "python:latest",
    ("python", "3.11"): "python:latest",
    ("python", "3.13-slim"): "python:latest",
    ("python", "3.12-slim"): "python:latest",
    ("redis", "8"): "redis:latest",
    ("redis", "7"): "redis:latest",
    ("redis", "alpine"): "redis:latest",
    ("httpd", "2.4"): "httpd:latest",
    ("busybox", "1.37"): "busybox:latest",
    # older tags that courses and tutorials still use
    ("node", "16"): "node:22",
    ("node", "14"): "node:22",
    ("node", "12"): "node:22",
    ("node", "16-alpine"): "node:alpine",
    ("node", "14-alpine"): "node:alpine",
    ("nginx", "1.26"): "nginx:latest",
    ("nginx", "1.25"): "nginx:latest",
    ("python", "3.10"): "python:latest",
    ("python", "3.9"): "python:latest",
}
_VERSIONS = {
    "node:20": "NODE_VERSION=20.19.2",
    "node:18": "NODE_VERSION=18.20.8",
    "python:3.12": "PYTHON_VERSION=3.12.10",
    "python:3.12-slim": "PYTHON_VERSION=3.12.10",
    "python:3.11": "PYTHON_VERSION=3.11.12",
    "redis:7": "REDIS_VERSION=7.4.4",
    "node:16": "NODE_VERSION=16.20.2",
    "node:14": "NODE_VERSION=14.21.3",
    "node:12": "NODE_VERSION=12.22.12",
    "node:16-alpine": "NODE_VERSION=16.20.2",
    "node:14-alpine": "NODE_VERSION=14.21.3",
    "python:3.10": "PYTHON_VERSION=3.10.17",
    "python:3.9": "PYTHON_VERSION=3.9.22",
}
for (_repo, _tag), _src in _EXTRA_TAGS.items():
    _base = IMAGES[_src]
    _cfg_copy = {**_base.config, "Env": list(_base.config["Env"])}
    _ver = _VERSIONS.get(f"{_repo}:{_tag}")
    if _ver:
        _cfg_copy["Env"] = [_ver if e.split("=")[0] == _ver.split("=")[0] else e for e in _cfg_copy["Env"]]
    IMAGES[f"{_repo}:{_tag}"] = RegistryImage(
        _repo, _tag, _base.size, _base.layer_count, _cfg_copy, _base.files, _base.dirs, _base.base_layers
    )

# Real Docker Hub repositories the registry does not carry: they must not look like typos.
UNMODELLED_HUB = frozenset(
    [
        "mysql",
        "postgres",
        "mongo",
        "mariadb",
        "php",
        "golang",
        "openjdk",
        "eclipse-temurin",
        "rabbitmq",
        "traefik",
        "wordpress",
        "memcached",
        "caddy",
        "debian",
        "centos",
        "fedora",
        "ruby",
        "rust",
        "elasticsearch",
        "kibana",
        "logstash",
        "jenkins",
        "sonarqube",
        "gradle",
        "maven",
        "tomcat",
        "haproxy",
        "consul",
        "vault",
        "influxdb",
        "grafana/grafana",
        "prom/prometheus",
        "perl",
        "swift",
        "julia",
        "erlang",
        "elixir",
        "haskell",
        "dart",
        "ghost",
        "drupal",
        "joomla",
        "nextcloud",
        "couchdb",
        "cassandra",
        "neo4j",
        "zookeeper",
        "bash",
        "docker",
        "registry",
        "amazonlinux",
        "rockylinux",
        "almalinux",
        "archlinux",
        "oraclelinux",
        "photon",
        "clearlinux",
        "mcr.microsoft.com/mssql/server",
    ]
)


def lookup(repo: str, tag: str) -> RegistryImage | None:
    """The registry entry for a normalised repository and tag, if the registry has it."""
    if repo.startswith("docker.io/"):
        repo = repo[len("docker.io/") :]
    if repo.startswith("library/"):
        repo = repo[len("library/") :]
    return IMAGES.get(f"{repo}:{tag}")


def available_repos() -> list[str]:
    """Repositories the built-in registry carries."""
    return sorted({img.repo for img in IMAGES.values()})


def known_repo(repo: str) -> bool:
    """True if any tag of this repository exists in the registry."""
    return any(img.repo == repo for img in IMAGES.values())
