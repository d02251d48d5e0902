"""docker version and docker info."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]
VERSION = """Client:
 Version:           28.2.2
 API version:       1.50
 Go version:        go1.24.3
 Git commit:        e6534b4
 Built:             Fri May 30 12:07:14 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          28.2.2
  API version:      1.50 (minimum version 1.24)
  Go version:       go1.24.3
  Git commit:       45873be
  Built:            Fri May 30 12:07:14 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.27
  GitCommit:        05044ec0a9a75232cad458027ca83437aae3f4da
 runc:
  Version:          1.2.5
  GitCommit:        v1.2.5-0-g59923ef
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
"""


@register("version")
def cmd_version(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker version."""
    return VERSION, "", 0


@register("info")
def cmd_info(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker info (the parts the simulator models)."""
    cs = host.containers
    running = sum(1 for c in cs if c.running)
    text = f"""Client:
 Version:    28.2.2
 Context:    default
 Debug Mode: false

Server:
 Containers: {len(cs)}
  Running: {running}
  Paused: 0
  Stopped: {len(cs) - running}
 Images: {len(host.images)}
 Server Version: 28.2.2
 Storage Driver: overlay2
 Logging Driver: json-file
 Cgroup Driver: systemd
 Volume: local
 Network: bridge host ipvlan macvlan null overlay
 Kernel Version: 6.10.14-linuxkit
 Operating System: Docker Dojo simulated host
 OSType: linux
 Architecture: x86_64
 CPUs: 2
 Name: docker-dojo
 Docker Root Dir: /var/lib/docker
 Experimental: false
 Live Restore Enabled: false
"""
    return text, "", 0
