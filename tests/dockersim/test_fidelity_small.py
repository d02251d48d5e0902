"""Small fidelity fixes: buildx --progress, the FROM step's digest, shell-form CMD, image prune's reclaimed size.

Sources: docker/buildx `build` flags and buildkit `util/progress/progressui/printer.go` (plain display);
BuildKit prints `FROM <ref>@<digest>` for a resolved base; Debian's dash execs a single simple command of
`sh -c`; moby `daemon/images/image_prune.go` adds up the sizes of the layers the deletion removed."""

from __future__ import annotations

from app.dockersim import DockerHost

SERVER = (
    "const http=require('http');\nhttp.createServer((q,s)=>s.end('hi')).listen(3000, ()=>console.log('up on 3000'));\n"
)


def _host(cmd: str = 'CMD ["node", "server.js"]') -> DockerHost:
    host = DockerHost(seed=0, hints=False)
    host.write_file("app/server.js", SERVER)
    host.write_file("app/Dockerfile", f"FROM node:22\nWORKDIR /app\nCOPY . .\n{cmd}\n")
    return host


def test_progress_plain_and_from_digest() -> None:
    host = _host()
    r = host.run("docker build --progress=plain -t app ~/app")
    assert r.exit_code == 0
    assert r.stderr.startswith('#0 building with "default" instance using docker driver\n\n#1 [internal] load build')
    assert "\n#4 [1/3] FROM docker.io/library/node:22@sha256:" in r.stderr
    assert "#8 naming to docker.io/library/app:latest done\n#8 DONE" in r.stderr
    tty = host.run("docker build -t app ~/app").stderr
    assert " => [1/3] FROM docker.io/library/node:22@sha256:" in tty
    assert host.run("docker build --progress=bogus -t app ~/app").stderr == 'ERROR: invalid progress mode "bogus"\n'
    assert host.run("docker build --progress=quiet -t app ~/app").stderr == ""


def test_shell_form_cmd_runs_the_server() -> None:
    host = _host("CMD node server.js")
    assert host.run("docker build -t app ~/app").exit_code == 0
    assert host.run("docker run -d -p 3000:3000 --name js app").exit_code == 0
    assert host.container("js").running
    assert host.run("docker logs js").stdout == "up on 3000\n"
    assert host.port_owner(3000) is not None


def test_image_prune_counts_only_deleted_layers() -> None:
    host = _host()
    host.run("docker build -t app ~/app")
    host.write_file("app/server.js", SERVER + "// changed\n")
    host.run("docker build -t app ~/app")
    dangling = [i for i in host.images if not i.repo_tags]
    assert len(dangling) == 1
    shared = {layer.id for i in host.images if i is not dangling[0] for layer in i.layers}
    freed = sum(layer.size for layer in dangling[0].layers if layer.id not in shared and not layer.empty)
    out = host.run("docker image prune -f").stdout
    assert out.endswith(f"Total reclaimed space: {freed}B\n")
    assert freed < dangling[0].size
