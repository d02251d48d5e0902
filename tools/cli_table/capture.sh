#!/bin/sh
# Capture the real docker client's texts that app/dockersim/data/cli.json is generated from.
# Needs only the client (no engine): DOCKER_HOST points at a socket that does not exist, so nothing
# can reach a daemon. Run from the repository root: sh tools/cli_table/capture.sh
# With arguments (`sh tools/cli_table/capture.sh search "image ls"`), only those command paths (each must
# be in commands.txt) are captured again, and the top and group helps are left as they are.
# Then: python -m tools.cli_table.generate   (see tools/cli_table/README.md)
set -eu
out=tools/cli_table/captures
export DOCKER_HOST=unix:///nonexistent/docker-dojo-capture.sock LC_ALL=C COLUMNS=80
only=""
for arg in "$@"; do
    grep -qx "$arg" tools/cli_table/commands.txt || { echo "not in commands.txt: $arg" >&2; exit 2; }
    only="$only$arg
"
done
if [ -z "$only" ]; then
    docker --version > "$out/VERSION"
    docker --help > "$out/_top.help"
    for group in container image volume system; do
        docker "$group" --help > "$out/_group_$group.help"
    done
fi
# one line per modelled command path (the simulator's commands and their aliases)
while read -r path; do
    [ -n "$only" ] && ! printf '%s' "$only" | grep -qx "$path" && continue
    [ -z "$path" ] && continue
    name=$(echo "$path" | tr ' ' '_')
    # shellcheck disable=SC2086
    docker $path --help < /dev/null > "$out/$name.help"
    # argument-count errors are checked by the client before it dials the daemon: no args, and too many
    # shellcheck disable=SC2086
    rc=0; docker $path < /dev/null > /dev/null 2> "$out/$name.too_few" || rc=$?
    echo "$rc" > "$out/$name.too_few.rc"
    # shellcheck disable=SC2086
    rc=0; docker $path a1 a2 a3 a4 a5 a6 < /dev/null > /dev/null 2> "$out/$name.too_many" || rc=$?
    echo "$rc" > "$out/$name.too_many.rc"
    # keep only argument-count errors (the rest is "Cannot connect to the Docker daemon" or a prune question)
    for case in too_few too_many; do
        if ! grep -q "^docker: '" "$out/$name.$case"; then rm "$out/$name.$case" "$out/$name.$case.rc"; fi
    done
done < tools/cli_table/commands.txt
