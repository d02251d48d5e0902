"""Host invariants checked after every command in property and golden tests."""

from __future__ import annotations

import json

from app.dockersim import DockerHost


def check_invariants(host: DockerHost) -> None:
    """Every container's image exists, names unique, mounted volumes exist, snapshot round-trips."""
    names = [c.name for c in host.containers]
    assert len(names) == len(set(names)), names
    for c in host.containers:
        assert host.image_by_id(c.image_id) is not None, (c.name, c.image_id)
        for m in c.mounts:
            if m.type == "volume":
                assert host.volume_by_name(m.source) is not None, (c.name, m)
        if c.running:
            for p in c.ports:
                assert host.port_owner(p.host_port, p.proto) is c
    assert len(host.containers) <= 50 and len(host.images) <= 30 and len(host.volumes) <= 50
    assert host.bytes_used() <= 1024 * 1024
    assert all(len(c.logs) <= 1000 for c in host.containers)
    for tag, iid in host.tags().items():
        assert tag in host.image_by_id(iid).repo_tags
    snap = host.snapshot()
    assert json.loads(json.dumps(snap)) == snap
    assert DockerHost.from_snapshot(snap).snapshot() == snap
