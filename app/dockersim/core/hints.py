"""One-line explanations shown under Docker's own error text (switched off by hints=False), as
catalogue messages: the simulator has no language, the web layer translates them."""

from __future__ import annotations

from collections.abc import Mapping

from app.dockersim.core.message import N_, Message, note_marker

HINTS: dict[str, Message] = {
    "flag": N_("This command has no such option, or its value is wrong. See the options with `docker COMMAND --help`."),
    "args": N_("The number of arguments is wrong. See the arguments needed in the Usage line above."),
    "unsupported": N_("Real Docker has this option, but this simulator does not imitate it yet."),
    "unknown_command": N_("Docker has no such command. See the list of commands with `docker --help`."),
    "not_modelled": N_("Real Docker has this command, but this simulator does not imitate it yet."),
    "no_container": N_("There is no container with that name or ID. Check the names with `docker ps -a`."),
    "no_image": N_("There is no such image. Check the list with `docker images`, or build or pull it first."),
    "no_volume": N_("There is no such volume. Check the names with `docker volume ls`."),
    "pull_denied": N_(
        "The registry has no image of that name. Check the spelling and the tag (build your own images first)."
    ),
    "tag_unknown": N_(
        "The registry has no such tag. Check the spelling. Even for a tag that really exists, this simulator only carries the common tags (without a tag you get latest)."
    ),
    "tag_unknown_pushed": N_(
        "Your repository %(repo)s on the hub has the tags %(tags)s; push %(tag)s first, or pull one of those."
    ),
    "not_in_registry": N_(
        "This image really exists, but this simulator does not carry it. Practise with an image from the list."
    ),
    "name_conflict": N_(
        "A container with that name already exists (stopped ones count). Remove it with `docker rm NAME` or choose another --name."
    ),
    "name_invalid": N_(
        "A container name starts with a letter or digit, uses only letters, digits and _ . -, and is at least two characters long (no Hangul)."
    ),
    "volume_name": N_(
        "A volume name starts with a letter or digit, uses only letters, digits and _ . -, and is at least two characters long. For a host folder, start with / or ./."
    ),
    "rm_running": N_(
        "A running container must be stopped first with `docker stop`, or removed by force with `docker rm -f`."
    ),
    "volume_in_use": N_(
        "A volume that a container uses (stopped ones count) cannot be removed. Remove that container first."
    ),
    "port_taken": N_("Another container already uses that host port. Stop that container or use another port."),
    "port_spec": N_("The value of -p has the form `HOST_PORT:CONTAINER_PORT` (e.g. -p 8000:80)."),
    "lowercase": N_(
        "An image repository name cannot contain capital letters. Use lowercase (a tag may have capitals)."
    ),
    "reference": N_("The image name has the wrong form. Check that it reads `NAME:TAG`."),
    "attach_stopped": N_(
        "You cannot attach to a stopped container. Start it and attach at once with `docker start -a NAME`."
    ),
    "not_running": N_("The container is not running. Start it first with `docker start`."),
    "exec_not_found": N_("The container has no such executable. Check that the image has that command."),
    "image_in_use": N_(
        "A container made from this image exists, so it cannot be removed. Remove the container first, or use -f."
    ),
    "conflict": N_("You gave options that cannot be used together."),
    "login": N_(
        "Log in with `docker login -u NAME -p PASSWORD`. This simulator's Docker Hub takes names of 4 to 30 lowercase letters and digits."
    ),
    "push_denied": N_(
        "You can push only to your own namespace after logging in. Name the image with `docker tag IMAGE YOURNAME/REPO:TAG`, run `docker login`, then push."
    ),
    "format": N_(
        "`--format`/`-f` takes a Go template. Put a dot before a field, as in `{{.Names}}`, and close every `{{` with `}}`."
    ),
    "mount": N_(
        "The mount is written wrongly. Check the form `-v SOURCE:TARGET[:ro]` and that the paths are absolute."
    ),
    "limit": N_(
        "You reached a resource limit of the simulator. Remove containers, images, volumes or files you no longer use."
    ),
    "start_options": N_(
        "Settings such as ports (-p), volumes (-v) and the name are chosen only when the container is made (docker run/create). start takes only -a/-i."
    ),
    "start_attach_multi": N_("With -a/-i you can start only one container."),
    "tty": N_("-t needs a real terminal. This simulator's terminals count as TTYs."),
    "build": N_("Check the Dockerfile and the build context. Fix the line the error names."),
    "build_plain": N_("Check the Dockerfile and the build context."),
    "shell": N_("Check the shell command."),
    "curl_refused": N_(
        "Nothing listens on that port. Find the host port published with -p in the PORTS column of `docker ps`."
    ),
    "cp": N_("docker cp takes `CONTAINER:PATH HOST_PATH` or `HOST_PATH CONTAINER:PATH`."),
    "rename": N_("The new name is already in use or has the wrong form."),
    "generic": N_("This is an error Docker sent. Read the message slowly."),
}


def hint(key: str | Message) -> Message:
    """The hint for a key, or the generic one; a message (a catalogue hint with its parameters) as it is."""
    if isinstance(key, Message):
        return key
    return HINTS.get(key, HINTS["generic"])


def hint_with(key: str, **params: object) -> Message:
    """A hint whose text has %(name)s fields, filled in (its id stays the catalogue's, so hint_kind reads it)."""
    return N_(HINTS[key].id, **params)


def hint_text(key: str | Message) -> str:
    """The hint as a note line inside stderr text (DockerHost takes it out into CommandResult.notes)."""
    return note_marker(hint(key))


_BY_ID = {str(message.id): key for key, message in HINTS.items()}


def hint_kind(text: str, translations: Mapping[str, str] | None = None) -> str | None:
    """The error kind (hint key) of a hint note as a transcript shows it, or None when it is not one.

    Transcripts keep the note as the learner read it (translated, after the "💡" mark);
    `translations` maps each shown text back to its message id (the web layer builds it from the
    catalogues), so reports group by kind whatever the learner's language.
    """
    if not text.strip().startswith("💡"):
        return None
    line = text.strip().removeprefix("💡").strip()
    if translations is not None:
        line = translations.get(line, line)
    return _BY_ID.get(line)
