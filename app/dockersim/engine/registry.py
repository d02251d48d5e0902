"""The built-in registry of pullable images (Docker Hub official images, modelled)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.dockersim.engine.hub_files import (
    BASE_DIRS,
    HELLO,
    alpine_files,
    binary,
    debian_files,
    digest_hex,
    image_config,
    nginx_files,
    node_files,
)


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
        return "sha256:" + digest_hex("image", self.ref)

    @property
    def digest(self) -> str:
        """Manifest digest."""
        return "sha256:" + digest_hex("digest", self.ref)

    @property
    def layer_ids(self) -> list[str]:
        """Layer digests; the first ones are shared by images with the same base."""
        shared = 1 if self.base_layers else 0
        return [digest_hex("layer", self.base_layers or self.ref, "0")] * shared + [
            digest_hex("layer", self.ref, str(i)) for i in range(shared, self.layer_count)
        ]


NODE_ENV = ("NODE_VERSION=24.1.0", "YARN_VERSION=1.22.22")
IMAGES: dict[str, RegistryImage] = {}
for _img in (
    RegistryImage(
        "node",
        "latest",
        1_120_000_000,
        8,
        image_config(["node"], ["docker-entrypoint.sh"], NODE_ENV),
        node_files(),
        base_layers="debian",
    ),
    RegistryImage(
        "node",
        "24",
        1_120_000_000,
        8,
        image_config(["node"], ["docker-entrypoint.sh"], NODE_ENV),
        node_files(),
        base_layers="debian",
    ),
    RegistryImage(
        "node",
        "22",
        1_100_000_000,
        8,
        image_config(["node"], ["docker-entrypoint.sh"], ("NODE_VERSION=22.16.0", "YARN_VERSION=1.22.22")),
        node_files(),
        base_layers="debian",
    ),
    RegistryImage(
        "node",
        "alpine",
        160_000_000,
        5,
        image_config(["node"], ["docker-entrypoint.sh"], NODE_ENV),
        {
            **alpine_files(),
            **{f"/usr/local/bin/{b}": binary(b) for b in ("node", "npm", "npx", "docker-entrypoint.sh")},
        },
        base_layers="alpine",
    ),
    RegistryImage(
        "nginx",
        "latest",
        192_000_000,
        7,
        image_config(
            ["nginx", "-g", "daemon off;"],
            ["/docker-entrypoint.sh"],
            ("NGINX_VERSION=1.27.5",),
            ports=("80/tcp",),
            stop_signal="SIGQUIT",
        ),
        nginx_files(),
        base_layers="debian",
    ),
    RegistryImage(
        "nginx",
        "alpine",
        52_500_000,
        8,
        image_config(
            ["nginx", "-g", "daemon off;"],
            ["/docker-entrypoint.sh"],
            ("NGINX_VERSION=1.27.5",),
            ports=("80/tcp",),
            stop_signal="SIGQUIT",
        ),
        {**alpine_files(), **{k: v for k, v in nginx_files().items() if "nginx" in k or "entrypoint" in k}},
        base_layers="alpine",
    ),
    RegistryImage("alpine", "latest", 8_310_000, 1, image_config(["/bin/sh"]), alpine_files(), base_layers="alpine"),
    RegistryImage("busybox", "latest", 4_280_000, 1, image_config(["sh"]), alpine_files(apk=False)),
    RegistryImage(
        "ubuntu", "latest", 78_100_000, 1, image_config(["/bin/bash"]), debian_files(os_name="Ubuntu 24.04.2 LTS")
    ),
    RegistryImage(
        "python",
        "latest",
        1_020_000_000,
        7,
        image_config(["python3"], None, ("PYTHON_VERSION=3.13.3",)),
        debian_files(("python", "python3", "pip")),
        base_layers="debian",
    ),
    RegistryImage(
        "httpd",
        "latest",
        148_000_000,
        5,
        image_config(
            ["httpd-foreground"],
            None,
            ("HTTPD_VERSION=2.4.63",),
            "/usr/local/apache2",
            ("80/tcp",),
            stop_signal="SIGWINCH",
        ),
        {
            **debian_files(("httpd-foreground",)),
            "/usr/local/apache2/htdocs/index.html": "<html><body><h1>It works!</h1></body></html>\n",
        },
        base_layers="debian",
    ),
    RegistryImage(
        "redis",
        "latest",
        137_000_000,
        6,
        image_config(
            ["redis-server"], ["docker-entrypoint.sh"], ("REDIS_VERSION=8.0.2",), "/data", ("6379/tcp",), ("/data",)
        ),
        {**debian_files(("redis-server", "redis-cli", "docker-entrypoint.sh"))},
        base_layers="debian",
    ),
    RegistryImage(
        "hello-world", "latest", 10_100, 1, image_config(["/hello"]), {"/hello": binary("hello")}, frozenset({"/"})
    ),
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


def by_id(image_id: str) -> RegistryImage | None:
    """The registry entry with this image id (a built image's base), if any."""
    return next((img for img in IMAGES.values() if img.id == image_id), None)


def available_repos() -> list[str]:
    """Repositories the built-in registry carries."""
    return sorted({img.repo for img in IMAGES.values()})


def known_repo(repo: str) -> bool:
    """True if any tag of this repository exists in the registry."""
    return any(img.repo == repo for img in IMAGES.values())


__all__ = ["HELLO", "UNMODELLED_HUB", "RegistryImage", "available_repos", "by_id", "known_repo", "lookup"]
