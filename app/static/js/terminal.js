// Docker Dojo: the simulated terminal's line editor and screens (used by lab.js).
// Output is only ever added as text (textContent / text nodes), never as HTML: a container
// named `<img src=x onerror=alert(1)>` must print as those characters.
"use strict";
window.DojoTerminal = (() => {
  const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
  const MAX_NODES = 600;
  const NAME_COMMANDS = new Set(["attach", "start", "stop", "restart", "kill", "rm", "logs", "exec", "inspect",
    "port", "rename", "cp", "diff", "top", "wait", "pause", "unpause", "update", "stats"]);
  const IMAGE_COMMANDS = new Set(["run", "create", "rmi", "tag", "history", "pull", "push", "save"]);
  const GROUPS = new Set(["container", "image", "volume"]);

  function commonPrefix(words) {
    if (!words.length) return "";
    let prefix = words[0];
    for (const w of words) { while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1); }
    return prefix;
  }

  class Terminal {
    constructor(root, options) {
      this.root = root;
      this.options = options; // {onSubmit(line, t), onInterrupt(t), onClear(t), words, history}
      this.input = root.querySelector(".term-input");
      this.promptEl = root.querySelector(".term-prompt");
      this.tabs = [...root.querySelectorAll(".term-tab")];
      this.outputs = [...root.querySelectorAll(".term-output")];
      this.panels = [...root.querySelectorAll(".term-panel")];
      this.active = 0;
      this.prompts = {};
      this.busy = {};
      this.history = options.history || [];
      this.historyPos = this.history.length;
      this.draft = "";
      this.composing = false;
      this.state = { containers: [], images: [], volumes: [], files: [] };
      this.bind();
    }

    bind() {
      const input = this.input;
      input.addEventListener("compositionstart", () => { this.composing = true; });
      input.addEventListener("compositionend", () => { this.composing = false; });
      input.addEventListener("keydown", (e) => this.onKey(e));
      input.addEventListener("paste", (e) => this.onPaste(e));
      this.root.querySelector(".term-line").addEventListener("submit", (e) => {
        e.preventDefault();
        if (!this.composing) this.submit(); // never send a line the IME is still composing
      });
      this.tabs.forEach((tab, i) => {
        tab.addEventListener("click", () => this.select(i));
        tab.addEventListener("keydown", (e) => this.onTabKey(e, i));
      });
      const add = this.root.querySelector(".term-add");
      if (add) add.addEventListener("click", () => this.addTerminal());
      this.outputs.forEach((out) => out.addEventListener("mouseup", () => {
        // Clicking the screen focuses the line editor, unless the learner is selecting text to copy.
        if (!String(window.getSelection() || "")) this.input.focus();
      }));
      this.root.querySelectorAll(".chip").forEach((chip) => chip.addEventListener("click", () => this.insert(chip.dataset.insert)));
    }

    // --- tabs ----------------------------------------------------------------------------
    visibleCount() { return this.tabs.filter((t) => !t.hidden).length; }

    showTerminals(count) {
      this.tabs.forEach((tab, i) => { if (i < count) tab.hidden = false; });
    }

    addTerminal() {
      const next = this.tabs.findIndex((t) => t.hidden);
      if (next < 0) { this.options.onMessage(this.options.text.terminalFull); return; }
      this.tabs[next].hidden = false;
      this.select(next);
    }

    select(i) {
      this.active = i;
      this.tabs.forEach((tab, j) => {
        tab.setAttribute("aria-selected", String(j === i));
        tab.tabIndex = j === i ? 0 : -1;
      });
      this.panels.forEach((panel, j) => { panel.hidden = j !== i; });
      this.renderPrompt();
      this.scroll(i);
      this.input.focus();
    }

    onTabKey(e, i) {
      const visible = this.tabs.map((t, j) => (t.hidden ? -1 : j)).filter((j) => j >= 0);
      const pos = visible.indexOf(i);
      let target = null;
      if (e.key === "ArrowRight") target = visible[(pos + 1) % visible.length];
      if (e.key === "ArrowLeft") target = visible[(pos - 1 + visible.length) % visible.length];
      if (e.key === "Home") target = visible[0];
      if (e.key === "End") target = visible[visible.length - 1];
      if (target === null) return;
      e.preventDefault();
      this.select(target);
      this.tabs[target].focus();
    }

    // --- screens -------------------------------------------------------------------------
    append(t, kind, text) {
      const out = this.outputs[t];
      if (!out) return;
      if (kind === "clear") { out.replaceChildren(); return; }
      const span = document.createElement("span");
      span.className = "t-" + kind;
      span.textContent = kind === "in" ? text + "\n" : text.replace(ANSI, "");
      out.append(span);
      while (out.childNodes.length > MAX_NODES) out.firstChild.remove();
      if (t !== this.active && kind !== "in") this.tabs[t].classList.add("has-news");
      this.scroll(t);
    }

    clearScreen(t) { this.outputs[t].replaceChildren(); }

    clearAll() { this.outputs.forEach((o) => o.replaceChildren()); }

    scroll(t) { const out = this.outputs[t]; if (out) out.scrollTop = out.scrollHeight; }

    setStatus(prompts, busy, count) {
      this.prompts = prompts || {};
      this.busy = busy || {};
      if (count) this.showTerminals(count);
      this.tabs.forEach((tab, i) => {
        const isBusy = !!this.busy[String(i)];
        tab.classList.toggle("is-busy", isBusy);
        tab.querySelector(".busy-label").textContent = isBusy ? " (" + this.options.text.busy + ")" : "";
      });
      this.renderPrompt();
    }

    renderPrompt() {
      const prompt = this.prompts[String(this.active)] || "";
      this.promptEl.textContent = prompt;
      // The visible label is the prompt, which is empty while a run holds the terminal: name the
      // line editor after its terminal too, so a screen reader always says where the typing goes.
      const text = this.options.text || {};
      const name = (text.terminal || "").replace("{n}", String(this.active + 1));
      const busy = this.busy[String(this.active)] ? " (" + text.busy + ")" : "";
      this.input.setAttribute("aria-label", (name + busy + " " + prompt).trim());
      this.tabs[this.active].classList.remove("has-news");
    }

    anyBusy() { return Object.values(this.busy).some(Boolean); }

    // --- the line editor ---------------------------------------------------------------------
    onKey(e) {
      if (e.key === "Control") return; // holding Ctrl between Ctrl+P and Ctrl+Q keeps the chord armed
      const detachArmed = this.detachArmed;
      this.detachArmed = false;
      if (e.key === "Enter") {
        // Enter that confirms a Hangul syllable in the IME must not send the line.
        if (e.isComposing || this.composing || e.keyCode === 229) return;
        e.preventDefault();
        this.submit();
      } else if (e.key === "ArrowUp" && !e.isComposing) {
        e.preventDefault(); this.browse(-1);
      } else if (e.key === "ArrowDown" && !e.isComposing) {
        e.preventDefault(); this.browse(1);
      } else if (e.key === "Tab" && !e.shiftKey && this.input.value.trim() && !e.isComposing) {
        e.preventDefault(); this.complete();
      } else if (e.ctrlKey && !e.altKey && !e.metaKey && (e.key === "p" || e.key === "P" || e.code === "KeyP")) {
        // Ctrl+P Ctrl+Q, Docker's detach keys: the first half waits for the second (the browser's print is not wanted here).
        e.preventDefault();
        this.detachArmed = true;
        return;
      } else if (detachArmed && e.ctrlKey && (e.key === "q" || e.key === "Q" || e.code === "KeyQ")) {
        e.preventDefault();
        this.detachArmed = false;
        this.detach();
        return;
      } else if (e.ctrlKey && !e.altKey && !e.metaKey && (e.key === "c" || e.key === "C" || e.code === "KeyC")) {
        // e.code too: with the Korean IME in Hangul mode the key can arrive as "ㅊ".
        if (this.input.selectionStart !== this.input.selectionEnd) return; // copy the selection
        e.preventDefault();
        this.interrupt();
      } else if (e.ctrlKey && !e.altKey && !e.metaKey && (e.key === "l" || e.key === "L" || e.code === "KeyL")) {
        e.preventDefault();
        this.clearScreen(this.active);
        this.options.onClear(this.active);
      }
    }

    detach() {
      this.detachArmed = false;
      this.input.value = "";
      this.historyPos = this.history.length;
      this.options.onDetach(this.active);
    }

    interrupt() {
      this.input.value = "";
      this.historyPos = this.history.length;
      this.options.onInterrupt(this.active);
    }

    onPaste(e) {
      const text = (e.clipboardData || window.clipboardData).getData("text") || "";
      const lines = text.replace(/\r/g, "").split("\n");
      if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
      const tooLong = lines.some((l) => new TextEncoder().encode(l).length > 4096);
      if (tooLong || lines.length > 50) {
        e.preventDefault();
        this.options.onMessage(this.options.text.pasteTooLarge);
        return;
      }
      if (lines.length > 1) {
        // Several lines run one after another, as in a real terminal.
        e.preventDefault();
        const first = this.input.value + lines[0];
        this.input.value = "";
        [first, ...lines.slice(1)].forEach((l) => this.send(l));
      }
    }

    submit() {
      const line = this.input.value;
      this.input.value = "";
      this.send(line);
    }

    send(line) {
      if (new TextEncoder().encode(line).length > 4096) {
        this.options.onMessage(this.options.text.tooLong);
        return;
      }
      if (line.trim() && this.history[this.history.length - 1] !== line && !this.busy[String(this.active)]) {
        this.history.push(line);
      }
      this.historyPos = this.history.length;
      this.draft = "";
      this.options.onSubmit(line, this.active);
    }

    browse(step) {
      if (!this.history.length) return;
      if (this.historyPos === this.history.length) this.draft = this.input.value;
      this.historyPos = Math.min(this.history.length, Math.max(0, this.historyPos + step));
      this.input.value = this.historyPos === this.history.length ? this.draft : this.history[this.historyPos];
      const end = this.input.value.length;
      this.input.setSelectionRange(end, end);
    }

    insert(text) {
      const input = this.input;
      const start = input.selectionStart ?? input.value.length;
      const end = input.selectionEnd ?? input.value.length;
      input.value = input.value.slice(0, start) + text + input.value.slice(end);
      const pos = start + text.length;
      input.focus();
      input.setSelectionRange(pos, pos);
    }

    // --- Tab completion ---------------------------------------------------------------------
    candidates(words) {
      const vocab = this.options.words || { docker: {}, shell: [] };
      const current = words[words.length - 1];
      const before = words.slice(0, -1);
      const names = () => this.state.containers.map((c) => c.name);
      const images = () => this.state.images.flatMap((i) => i.tags.filter((t) => t !== "<none>:<none>").map((t) => t.replace(/:latest$/, "")));
      const volumes = () => this.state.volumes.map((v) => v.name);
      if (!before.length) return ["docker", ...vocab.shell];
      if (before[0] !== "docker") return this.state.files.filter((f) => f.startsWith(current) || current === "");
      const paths = Object.keys(vocab.docker);
      if (before.length === 1) {
        const tops = new Set(paths.map((p) => p.split(" ")[0]));
        return [...tops, "volume", "container", "image"];
      }
      let path = before[1];
      if (GROUPS.has(before[1])) {
        if (before.length === 2) return paths.filter((p) => p.startsWith(before[1] + " ")).map((p) => p.split(" ")[1]);
        path = before[1] + " " + before[2];
      }
      if (current.startsWith("-")) return vocab.docker[path] || [];
      const verb = path.split(" ").pop();
      if (path.startsWith("volume")) return volumes();
      if (path.startsWith("image") || IMAGE_COMMANDS.has(verb)) return images();
      if (NAME_COMMANDS.has(verb) || path.startsWith("container")) return names();
      return [...names(), ...images(), ...volumes()];
    }

    complete() {
      const input = this.input;
      const cursor = input.selectionStart ?? input.value.length;
      const head = input.value.slice(0, cursor);
      const words = head.split(/\s+/);
      const current = words[words.length - 1];
      const matches = [...new Set(this.candidates(words))].filter((c) => c.startsWith(current)).sort();
      if (!matches.length) return;
      let addition;
      if (matches.length === 1) {
        addition = matches[0].slice(current.length) + " ";
      } else {
        addition = commonPrefix(matches).slice(current.length);
        if (!addition) {
          this.append(this.active, "note", matches.join("  ") + "\n");
          return;
        }
      }
      this.insert(addition);
    }
  }

  return { Terminal };
})();
