"""`docker search TERM` over the simulated Docker Hub: the official images the simulator carries plus the
repositories the learner pushed.

Sources: docker/cli `cli/command/registry/search.go` (`--limit` is sent only when > 0, `--no-trunc`,
`--format`) and `formatter_search.go` (default table `{{.Name}} {{.Description}} {{.StarCount}}
{{.IsOfficial}}`, headers NAME / DESCRIPTION / STARS / OFFICIAL, the description's line breaks turned into
spaces and cut to 45 cells with "…", `[OK]` for official, "true"/"false" in JSON); moby `registry/search.go`
(accepted filters is-automated / is-official / stars, "invalid filter 'stars=…': strconv.Atoi: …", the
filters applied after the hub returned `limit` results, is-automated=true finds nothing, "should not have a
scheme"), `registry/session.go` ("limit %d is outside the range of [1, 100]", default 25) and `api/types/
filters` (`invalid filter 'NAME'`, `invalid filter 'NAME=VALUE'` for a bad boolean). Descriptions and star
counts of the official images are a fixed snapshot of Docker Hub (they change there every day)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.dockersim.cli.flags import Parsed
from app.dockersim.commands.base import Caller, register
from app.dockersim.commands.formatting import format_list
from app.dockersim.core.errors import daemon_error, sim_error
from app.dockersim.core.format import ellipsis
from app.dockersim.core.gotemplate import Context
from app.dockersim.core.message import N_
from app.dockersim.engine.registry import available_repos

if TYPE_CHECKING:
    from app.dockersim.engine.host import Host

Out = tuple[str, str, int]
DEFAULT_LIMIT = 25  # moby registry/session.go defaultSearchLimit
MAX_LIMIT = 100  # the hub returns at most this many results
DESCRIPTION_CELLS = 45  # formatter_search.go: Ellipsis(desc, 45) unless --no-trunc
TABLE = "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}"
HEADERS = {"Name": "NAME", "Description": "DESCRIPTION", "StarCount": "STARS", "IsOfficial": "OFFICIAL"}
OFFICIAL: dict[str, tuple[str, int]] = {  # Docker Hub's short descriptions and star counts (snapshot)
    "alpine": ("A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!", 11300),
    "busybox": ("Busybox base image.", 3400),
    "hello-world": ("Hello World! (an example of minimal Dockerization)", 2400),
    "httpd": ("The Apache HTTP Server Project", 4900),
    "nginx": ("Official build of Nginx.", 20800),
    "node": ("Node.js is a JavaScript-based platform for server-side and networking applications.", 13900),
    "python": ("Python is an interpreted, interactive, object-oriented, open-source programming language.", 10200),
    "redis": ("Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.", 13200),
    "ubuntu": ("Ubuntu is a Debian-based Linux operating system based on free software.", 17600),
}  # fmt: skip


def _hub(host: Host) -> list[tuple[str, str, int, bool]]:
    """Every repository the simulated hub holds: (name, description, stars, official)."""
    repos = [(r, *OFFICIAL.get(r, ("", 0)), True) for r in available_repos()]
    pushed = sorted({key.rpartition(":")[0] for key in host.hub["repos"]})
    return repos + [(r, "", 0, False) for r in pushed]


def _filters(raw: list[str]) -> tuple[bool | None, int, bool]:
    """moby's filter checks, in its order: (is-official wanted, minimum stars, is-automated=true)."""
    given: dict[str, list[str]] = {}
    for item in raw:
        name, _, value = item.partition("=")
        given.setdefault(name, []).append(value)
    for name in given:
        if name not in ("is-automated", "is-official", "stars"):
            raise daemon_error(f"invalid filter '{name}'", "flag")
    flags: dict[str, bool | None] = {}
    for name in ("is-automated", "is-official"):
        values = set(given.get(name, []))
        if name not in given:
            flags[name] = None
            continue
        false, true = bool(values & {"0", "false"}), bool(values & {"1", "true"})
        if false == true:
            raise daemon_error(f"invalid filter '{name}={','.join(given[name])}'", "flag")
        flags[name] = true
    stars = 0
    for value in given.get("stars", []):
        if not re.fullmatch(r"[+-]?\d+", value):
            raise daemon_error(
                f"invalid filter 'stars={value}': strconv.Atoi: parsing \"{value}\": invalid syntax", "flag"
            )
        stars = max(stars, int(value))
    return flags["is-official"], stars, bool(flags["is-automated"])


def _term(term: str) -> str:
    """The name searched for: splitReposSearchTerm (Docker Hub only) and the official index's `library/`."""
    if term.startswith(("http://", "https://")):
        raise daemon_error(f"invalid repository name: repository name ({term}) should not have a scheme", "reference")
    first, _, rest = term.partition("/")
    if rest and ("." in first or ":" in first or first == "localhost"):
        if first not in ("docker.io", "index.docker.io"):
            raise sim_error(
                N_("Only Docker Hub is simulated; searching %(registry)s is not modelled.", registry=first),
                1,
                "not_modelled",
            )
        term = rest
    return term.removeprefix("library/").lower()


@register("search", flags="filter format limit no-trunc")
def cmd_search(host: Host, p: Parsed, inv: Caller) -> Out:
    """docker search [--limit N] [-f is-official=true|stars=N] [--no-trunc] [--format …] TERM."""
    limit = int(p.get("limit") or 0)
    limit = DEFAULT_LIMIT if limit <= 0 else limit  # the client sends --limit only when it is > 0
    official, stars, automated = _filters(p.get("filter", []))
    term = _term(p.args[0])
    if limit > MAX_LIMIT:
        raise daemon_error(f"limit {limit} is outside the range of [1, {MAX_LIMIT}]", "flag")
    found = [r for r in _hub(host) if term in r[0]]
    found.sort(key=lambda r: (r[0] != term, -r[2], r[0]))
    found = [] if automated else found[:limit]
    found = [r for r in found if (official is None or r[3] == official) and r[2] >= stars]
    fmt, trunc = str(p.get("format") or ""), not p.flag("no-trunc")
    rows = [_context(r, trunc, fmt == "json" or "json ." in fmt) for r in found]  # MarshalJSON sets c.json
    template = TABLE if fmt in ("", "table") else fmt
    return format_list(template, rows, Context("*registry.searchContext", HEADERS)), "", 0


def _context(r: tuple[str, str, int, bool], trunc: bool, as_json: bool) -> Context:
    desc = r[1].replace("\n", " ").replace("\r", " ")
    official = ("true" if r[3] else "false") if as_json else ("[OK]" if r[3] else "")
    return Context(
        "*registry.searchContext",
        {"Name": r[0], "Description": ellipsis(desc, DESCRIPTION_CELLS) if trunc else desc,
         "StarCount": str(r[2]), "IsOfficial": official},
    )  # fmt: skip
