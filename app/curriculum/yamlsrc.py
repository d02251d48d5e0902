"""YAML loading that remembers file line numbers of mappings and their keys."""

from __future__ import annotations

from typing import Any

import yaml


class LineDict(dict[Any, Any]):
    """A YAML mapping that knows its own line and the line of each key (1-based in the file)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key`` if present, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


class YamlProblem(Exception):
    """Bad YAML, with the file line it points at."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


def _loader_for(first_line: int) -> type[yaml.SafeLoader]:
    """A SafeLoader subclass whose mappings are LineDicts offset to ``first_line``."""

    class _Loader(yaml.SafeLoader):
        pass

    def construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode):  # type: ignore[no-untyped-def]
        data = LineDict()
        data.line = first_line + node.start_mark.line
        data.key_lines = {}
        yield data
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be plain text", key_node.start_mark
                )
            data[key] = loader.construct_object(value_node, deep=True)
            data.key_lines[str(key)] = first_line + key_node.start_mark.line

    _Loader.add_constructor("tag:yaml.org,2002:map", construct_map)
    return _Loader


def load_yaml(text: str, first_line: int) -> Any:
    """Parse ``text`` whose first line is file line ``first_line``; raise YamlProblem."""
    try:
        return yaml.load(text, Loader=_loader_for(first_line))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark is not None else 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(line, f"bad YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, f"bad YAML: {exc}") from exc
