"""Restoring from a snapshot the caller gives away (owned=True) and snapshotting without copies (copy=False):
the lab store decodes a fresh dict from JSON for every request and serialises a snapshot at once, so neither
needs the deep copies; every other caller (undo steps in memory, lab setups reused, reset) keeps them."""

from __future__ import annotations

import copy
import json

import pytest

from app.dockersim import DockerHost

SCRIPT = [
    "docker run -d -p 8000:80 -e A=1 --restart unless-stopped --name web -v data:/data nginx",
    "docker run -d --name w2 alpine sleep 300",
    "docker login -u alice -p pw",
    "docker tag nginx alice/site:1.0",
    "docker push alice/site:1.0",
]
CHANGE = [  # commands that change configs, process state, the hub and the build cache in place
    "docker rename web web2",
    "docker stop w2",
    "docker update --restart no web2",
    "docker tag nginx alice/site:2.0",
    "docker push alice/site:2.0",
    "docker rm -f web2",
]


def _host() -> DockerHost:
    host = DockerHost(seed=3, hints=False)
    for line in SCRIPT:
        assert host.run(line).exit_code == 0, line
    return host


def _mutate(host: DockerHost) -> None:
    for line in CHANGE:
        host.run(line)
    for c in host.containers:  # and in-place edits of nested data, as any command may make
        c.config.setdefault("Env", []).append("X=1")
        c.proc["mutated"] = True
        c.host_config["Mutated"] = True
    for img in host.images:
        img.config["Mutated"] = True
    host.hub["repos"]["zzz/x:1"] = {}
    host.build_cache["mutated"] = {}


@pytest.mark.parametrize("owned", [False, True])
def test_restore_behaves_the_same_owned_or_not(owned: bool) -> None:
    data = json.loads(json.dumps(_host().snapshot()))
    host = DockerHost.from_snapshot(data, owned=owned)
    assert host.snapshot() == _host().snapshot()


def test_owned_restore_does_not_touch_a_shared_snapshot() -> None:
    """The snapshot that was serialised (and may be kept, e.g. as an undo step) is not the decoded copy the
    owned host took: mutating that host changes neither the kept snapshot nor its JSON."""
    kept = _host().snapshot()
    kept_before = copy.deepcopy(kept)
    stored = json.dumps(kept)
    host = DockerHost.from_snapshot(json.loads(stored), owned=True)
    _mutate(host)
    assert kept == kept_before
    assert DockerHost.from_snapshot(json.loads(stored)).snapshot() == kept_before


def test_owned_restore_takes_the_given_dicts() -> None:
    data = json.loads(json.dumps(_host().snapshot()))
    host = DockerHost.from_snapshot(data, owned=True)
    web = next(c for c in host.containers if c.name == "web")
    given = next(d for d in data["containers"] if d["name"] == "web")
    assert web.config is given["config"] and web.proc is given["proc"] and web.host_config is given["host_config"]
    assert host.hub is data["hub"]


def test_non_owned_restore_still_copies() -> None:
    data = _host().snapshot()
    before = copy.deepcopy(data)
    host = DockerHost.from_snapshot(data)
    _mutate(host)
    assert data == before
    again = DockerHost.from_snapshot(data)  # a lab setup or undo step restored a second time
    assert again.snapshot() == DockerHost.from_snapshot(before).snapshot()


def test_snapshot_without_copies_serialises_the_same() -> None:
    host = _host()
    assert json.dumps(host.snapshot(copy=False), sort_keys=True) == json.dumps(host.snapshot(), sort_keys=True)


def test_copying_snapshot_is_independent_of_the_host() -> None:
    host = _host()
    snap = host.snapshot()
    before = copy.deepcopy(snap)
    _mutate(host)
    assert snap == before


def test_volume_users_follow_containers_added_and_removed() -> None:
    """volume_users keeps an index; it must follow every create, rm and restore."""
    host = DockerHost(seed=1, hints=False)
    host.run("docker run -d --name aa -v data:/data -v data:/again nginx")
    host.run("docker create --name bb -v data:/x -v other:/y busybox")
    assert [c.name for c in host.volume_users("data")] == ["aa", "bb"]  # once each, in creation order
    assert [c.name for c in host.volume_users("other")] == ["bb"]
    host.run("docker rm -f aa")
    assert [c.name for c in host.volume_users("data")] == ["bb"]
    restored = DockerHost.from_snapshot(json.loads(json.dumps(host.snapshot())), owned=True)
    assert [c.name for c in restored.volume_users("other")] == ["bb"]
    restored.run("docker rm bb")
    assert restored.volume_users("data") == [] and restored.volume_users("other") == []
