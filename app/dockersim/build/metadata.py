"""The metadata instructions of a build stage (ENV, ARG, LABEL, EXPOSE, VOLUME, USER, CMD, ENTRYPOINT, SHELL,
HEALTHCHECK, STOPSIGNAL, ONBUILD, MAINTAINER): they change the image config and history, and make no step."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from app.dockersim.build import dockerfile as df
from app.dockersim.build.state import StageState, StepFailure


def _go_list(items: list[str] | tuple[str, ...]) -> str:
    return "[" + " ".join(f'"{i}"' for i in items) + "]"


class MetadataSteps:
    """Mixin of StageRunner: one method per metadata instruction."""

    build_args: Mapping[str, str]
    meta_args: Mapping[str, str | None]
    consumed_args: set[str]

    def _word(self, st: StageState, text: str, ins: df.Instruction) -> str:
        raise NotImplementedError  # StageRunner's: expands with the stage's environment

    def _words(self, st: StageState, text: str, ins: df.Instruction) -> list[str]:
        raise NotImplementedError

    def _meta(self, st: StageState, created_by: str) -> None:
        raise NotImplementedError

    def apply_metadata(self, st: StageState, ins: df.Instruction) -> None:
        """Apply one metadata instruction to the stage's config and history."""
        handlers: dict[type, Callable[[StageState, Any], None]] = {
            df.Env: self._env,
            df.Arg: self._arg,
            df.Label: self._label,
            df.Expose: self._expose_ports,
            df.Volume: self._volume,
            df.User: self._user,
            df.Cmd: self._cmd,
            df.Entrypoint: self._cmd,
            df.Shell: self._shell,
            df.Healthcheck: self._healthcheck,
            df.StopSignal: self._stopsignal,
            df.Onbuild: self._onbuild,
            df.Maintainer: self._maintainer,
        }
        handler = handlers.get(type(ins))
        if handler is not None:
            handler(st, ins)

    def _env(self, st: StageState, ins: df.Env) -> None:
        cfg = st.config
        env = list(cfg.get("Env") or [])
        for k, v in ins.pairs:
            value = self._word(st, v, ins)
            env = [e for e in env if e.partition("=")[0] != k] + [f"{k}={value}"]
            cfg["Env"] = env
        self._meta(st, "ENV " + " ".join(e for e in env if e.partition("=")[0] in dict(ins.pairs)))

    def _arg(self, st: StageState, ins: df.Arg) -> None:
        for k, default in ins.pairs:
            if k in self.build_args:
                value: str | None = self.build_args[k]
                self.consumed_args.add(k)
            elif default is not None:
                value = self._word(st, default, ins)
            else:
                value = self.meta_args.get(k)
            if value is not None:
                st.args[k] = value
            else:
                st.args.pop(k, None)
        self._meta(st, "ARG " + " ".join(f"{k}={st.args[k]}" if k in st.args else k for k, _ in ins.pairs))

    def _label(self, st: StageState, ins: df.Label) -> None:
        cfg = st.config
        labels = dict(cfg.get("Labels") or {})
        added = [(self._word(st, k, ins), self._word(st, v, ins)) for k, v in ins.pairs]
        labels.update(added)
        cfg["Labels"] = labels
        self._meta(st, "LABEL " + " ".join(f"{k}={v}" for k, v in added))

    def _expose_ports(self, st: StageState, ins: df.Expose) -> None:
        cfg = st.config
        ports = dict(cfg.get("ExposedPorts") or {})
        new = []
        for raw in ins.ports:
            for word in self._words(st, raw, ins):
                new += _expose(word, ins)
        for p in new:
            ports[p] = {}
        cfg["ExposedPorts"] = dict(sorted(ports.items()))
        self._meta(st, "EXPOSE map[" + " ".join(f"{p}:{{}}" for p in sorted(set(new))) + "]")

    def _volume(self, st: StageState, ins: df.Volume) -> None:
        cfg = st.config
        vols = dict(cfg.get("Volumes") or {})
        paths = [self._word(st, p, ins) for p in ins.paths]
        for p in paths:
            vols[p] = {}
        cfg["Volumes"] = vols
        self._meta(st, "VOLUME [" + " ".join(paths) + "]")

    def _user(self, st: StageState, ins: df.User) -> None:
        cfg = st.config
        cfg["User"] = self._word(st, ins.user, ins)
        self._meta(st, f"USER {cfg['User']}")

    def _cmd(self, st: StageState, ins: df.Cmd | df.Entrypoint) -> None:
        cfg = st.config
        argv = list(st.shell) + list(ins.command) if ins.shell_form and ins.command else list(ins.command)
        if isinstance(ins, df.Cmd):
            cfg["Cmd"] = argv
            st.cmd_set = True
            self._meta(st, f"CMD {_go_list(argv)}")
        else:
            cfg["Entrypoint"] = argv or None
            if not st.cmd_set:
                cfg["Cmd"] = None
            self._meta(st, f"ENTRYPOINT {_go_list(argv)}")

    def _shell(self, st: StageState, ins: df.Shell) -> None:
        cfg = st.config
        st.shell = tuple(ins.shell)
        cfg["Shell"] = list(ins.shell)
        self._meta(st, f"SHELL {_go_list(list(ins.shell))}")

    def _healthcheck(self, st: StageState, ins: df.Healthcheck) -> None:
        cfg = st.config
        test = list(ins.test)
        if test[:1] == ["CMD-SHELL"] and len(test) > 1:
            test = ["CMD-SHELL", " ".join(test[1:])]
        cfg["Healthcheck"] = {"Test": test, **{k.title().replace("-", ""): v for k, v in ins.options}}
        self._meta(st, f"HEALTHCHECK &{{{_go_list(test)}}}")

    def _stopsignal(self, st: StageState, ins: df.StopSignal) -> None:
        cfg = st.config
        cfg["StopSignal"] = self._word(st, ins.signal, ins)
        self._meta(st, f"STOPSIGNAL {cfg['StopSignal']}")

    def _onbuild(self, st: StageState, ins: df.Onbuild) -> None:
        cfg = st.config
        cfg["OnBuild"] = list(cfg.get("OnBuild") or []) + [ins.expression]
        self._meta(st, f"ONBUILD {ins.expression}")

    def _maintainer(self, st: StageState, ins: df.Maintainer) -> None:
        st.author = ins.name
        self._meta(st, f"MAINTAINER {ins.name}")


def _expose(word: str, ins: df.Instruction) -> list[str]:
    spec = word.rsplit(":", 1)[-1]
    port, _, proto = spec.partition("/")
    proto = (proto or "tcp").lower()
    if proto not in ("tcp", "udp", "sctp"):
        raise StepFailure("invalid_instruction", f"invalid proto: {proto}", ins.line, ins.end_line)
    m = re.fullmatch(r"(\d+)(?:-(\d+))?", port)
    if not m or int(m.group(1)) > 65535 or (m.group(2) and int(m.group(2)) > 65535):
        raise StepFailure("invalid_instruction", f"invalid containerPort: {port}", ins.line, ins.end_line)
    lo = int(m.group(1))
    hi = int(m.group(2) or lo)
    if hi < lo:
        raise StepFailure(
            "invalid_instruction", f"invalid range specified for container port: {port}", ins.line, ins.end_line
        )
    return [f"{p}/{proto}" for p in range(lo, hi + 1)]
