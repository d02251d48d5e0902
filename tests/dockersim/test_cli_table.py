"""The client flag table is data: app/dockersim/data/cli.json is exactly what tools/cli_table/generate.py makes
from the captured `docker … --help` texts (tools/cli_table/captures/), and the simulator reads that one copy."""

from pathlib import Path

from app.dockersim import COMMANDS
from app.dockersim.cli import table
from tools.cli_table import generate

DATA = Path(__file__).resolve().parents[2] / "app" / "dockersim" / "data" / "cli.json"


def test_data_file_is_the_generators_output():
    assert DATA.read_text(encoding="utf-8") == generate.render(generate.build_table(generate.read_captures()))


def test_simulator_reads_the_data_file():
    import json

    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert table.COMMANDS == data["commands"] == COMMANDS
    assert data["top_help"] == table.TOP_HELP
    assert data["group_help"] == table.GROUP_HELP


def test_every_modelled_command_was_captured():
    listed = (Path(generate.CAPTURES).parent / "commands.txt").read_text(encoding="utf-8").split("\n")
    assert sorted(COMMANDS) == sorted(line for line in listed if line)


def test_flag_with_hyphenated_type_and_wrapped_description():
    """The rule that replaced the hand-added --gpus: a type word with '-', the description joined over lines."""
    help_text = (
        "Usage:  docker run [OPTIONS] IMAGE\n\nOptions:\n"
        "      --gpus gpu-request                 GPU devices to add to the\n"
        "                                         container ('all' to pass all\n"
        "                                         GPUs)\n"
        "  -i, --interactive                      Keep STDIN open even if not attached\n"
    )
    assert generate.parse_flags(help_text) == [
        {
            "desc": "GPU devices to add to the container ('all' to pass all GPUs)",
            "long": "gpus",
            "short": None,
            "type": "gpu-request",
        },
        {"desc": "Keep STDIN open even if not attached", "long": "interactive", "short": "i", "type": "bool"},
    ]
    assert {f["long"] for f in COMMANDS["run"]["flags"]} >= {"gpus", "interactive", "publish", "volume"}


def test_argument_errors_skip_the_legacy_builder_banner():
    text = (
        "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
        "docker: 'docker build' requires 1 argument\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\n"
        "Run 'docker build --help' for more information\n"
    )
    assert generate._arg_error(text, "1\n") == {"rc": 1, "tail": "Run", "text": "'docker build' requires 1 argument"}
    assert COMMANDS["build"]["too_few"]["text"] == "'docker build' requires 1 argument"
