// Docker Dojo: the lab and playground pages. Talks JSON to /labs/<id>/<action> (CSRF token in the
// X-CSRFToken header), keeps the terminals, the state panel and the goal panel in step with the
// server, and polls while a terminal is held by an attached container.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const page = document.querySelector(".lab-page");
  if (!page) return;
  const base = page.dataset.base;
  const data = JSON.parse(document.getElementById("lab-data").textContent);
  const text = JSON.parse(document.getElementById("lab-text").textContent);
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const message = page.querySelector("[data-testid=term-message]");
  const known = {};
  let epoch = data.epoch;
  let version = data.version;
  let queue = Promise.resolve();
  let pollTimer = null;

  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
  const say = (msg, good = false) => { message.textContent = msg || ""; message.classList.toggle("is-good", good); };

  const term = new window.DojoTerminal.Terminal(page.querySelector(".terminal-area"), {
    words: data.words, history: data.history || [], text,
    onSubmit: (line, t) => command("run", { line, terminal: t, command_id: newId() }),
    onInterrupt: (t) => command("interrupt", { terminal: t }),
    onDetach: (t) => command("detach", { terminal: t }),
    onClear: (t) => command("clear", { terminal: t }),
    onMessage: say,
  });
  // The completion words are the same on every lab page: one cached file instead of a copy in each page.
  if (data.words_url) {
    fetch(data.words_url, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then((words) => { if (words) term.options.words = words; })
      .catch(() => {});
  }

  // --- talking to the server (one request at a time, in order) ------------------------------
  // A request lost on the network is sent again only when a second arrival cannot act twice: a run
  // carries its command id, undo and file saves carry the version, the rest only read. A hint,
  // reset or Ctrl+C sent twice would act twice, so those are not retried.
  const RETRY_SAFE = new Set(["run", "poll", "grade", "undo", "file", "clear"]);

  async function post(action, body, retry = RETRY_SAFE.has(action)) {
    let response;
    try {
      response = await fetch(base + "/" + action, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, Accept: "application/json" },
        body: JSON.stringify({ ...body, since: known, epoch, version }),
        credentials: "same-origin",
      });
    } catch (err) {
      if (retry) return post(action, body, false); // same command id: the server runs it once
      say(text.network);
      return null;
    }
    const type = response.headers.get("Content-Type") || "";
    const reply = type.includes("json") ? await response.json() : null;
    if (response.status === 409) {
      say((reply && reply.error) || text.conflict);
      await post("poll", {}, false).then((r) => r && apply(r));
      return null;
    }
    if (!response.ok || !reply) {
      say((reply && reply.error) || text.failed);
      return null;
    }
    return reply;
  }

  function command(action, body) {
    // One failed step (an unreadable reply, a script error) must not stop every later command:
    // the queue always settles, and the learner is told the request failed.
    queue = queue.then(async () => {
      try {
        const reply = await post(action, body);
        if (reply) apply(reply);
        return reply;
      } catch (err) {
        say(text.failed);
        return null;
      }
    });
    return queue;
  }

  function apply(reply) {
    if (reply.epoch !== undefined && reply.epoch !== epoch) {
      term.clearAll();
      Object.keys(known).forEach((k) => delete known[k]);
      epoch = reply.epoch;
    }
    if (reply.version !== undefined) version = reply.version;
    for (const [t, entries] of Object.entries(reply.output || {})) {
      for (const [seq, kind, chunk] of entries) {
        if (seq <= (known[t] ?? -1)) continue;
        term.append(Number(t), kind, chunk);
        known[t] = seq;
      }
    }
    if (reply.busy) term.setStatus(reply.prompts, reply.busy, reply.terminal_count);
    if (reply.state) renderState(reply.state);
    if (reply.goal) renderGoal(reply.goal);
    if (reply.status) renderStatus(reply.status, reply.best_score);
    if (reply.undo !== undefined) page.querySelector("[data-testid=undo-count]").textContent = String(reply.undo);
    if (reply.message) say(reply.message);
    schedulePoll();
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    if (term.anyBusy()) pollTimer = setTimeout(() => command("poll", {}), 1500);
  }

  // --- panels (all text goes in with textContent) -------------------------------------------
  function cell(row, value) {
    const td = document.createElement("td");
    td.textContent = value;
    row.append(td);
    return td;
  }

  function fillTable(testid, rows, columns) {
    const body = page.querySelector(`[data-testid=${testid}] tbody`);
    body.replaceChildren();
    if (!rows.length) {
      const tr = document.createElement("tr");
      const td = cell(tr, text.none);
      td.colSpan = columns;
      td.className = "muted";
      body.append(tr);
      return;
    }
    rows.forEach((values) => {
      const tr = document.createElement("tr");
      values.forEach((v) => cell(tr, v));
      body.append(tr);
    });
  }

  function renderState(state) {
    term.state = state;
    fillTable("state-containers", state.containers.map((c) => [c.name, c.image, c.status, c.ports || "—", c.mounts.join("\n") || "—"]), 5);
    fillTable("state-images", state.images.map((i) => [i.tags.join(", "), i.id]), 2);
    fillTable("state-volumes", state.volumes.map((v) => [v.name, v.anonymous ? text.anonymous : text.named, v.used_by.join(", ") || "—"]), 3);
    const list = page.querySelector("[data-testid=state-files]");
    const options = page.querySelector("#editor-files");
    list.replaceChildren();
    options.replaceChildren();
    state.files.forEach((path) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.textContent = path;
      button.addEventListener("click", () => openFile(path));
      li.append(button);
      list.append(li);
      const option = document.createElement("option");
      option.value = path;
      options.append(option);
    });
  }

  function renderGoal(goal) {
    const ticked = [];
    page.querySelectorAll("[data-testid=goal-item]").forEach((li) => {
      const passed = !!goal[Number(li.dataset.index)];
      if (passed && !li.classList.contains("passed")) ticked.push(li.querySelector(".goal-text").textContent);
      li.classList.toggle("passed", passed);
      li.querySelector(".goal-state").textContent = (passed ? text.passed : text.notYet) + ":";
    });
    // The goal list is not a live region (it would read every check again): announce what just ticked.
    if (ticked.length) say(text.goalTicked.replace("{checks}", ticked.join(" · ")), true);
  }

  function renderStatus(status, best) {
    const badge = page.querySelector("[data-testid=lab-status]");
    if (!badge) return;
    badge.textContent = { solved: text.solved, solution_seen: text.solutionSeen }[status] || text.inProgress;
    badge.className = "status-badge status-" + status;
    const score = page.querySelector("[data-testid=best-score]");
    if (score && best !== undefined) score.textContent = String(Math.round(best * 100));
  }

  function renderVerdict(verdict) {
    const box = page.querySelector("[data-testid=verdict]");
    box.replaceChildren();
    box.classList.toggle("is-right", verdict.passed);
    box.classList.toggle("is-wrong", !verdict.passed);
    const p = document.createElement("p");
    p.textContent = verdict.feedback;
    const list = document.createElement("ul");
    verdict.checks.forEach((c) => {
      const li = document.createElement("li");
      li.className = c.passed ? "passed" : "failed";
      li.textContent = (c.passed ? "✔ " : "✘ ") + c.message;
      list.append(li);
    });
    box.append(p, list);
  }

  function renderSolution(steps) {
    const box = page.querySelector("[data-testid=solution]");
    const list = box.querySelector(".solution-list");
    list.replaceChildren();
    steps.forEach((s) => {
      const li = document.createElement("li");
      const where = document.createElement("span");
      where.className = "muted";
      where.textContent = "[" + text.terminal.replace("{n}", String(s.terminal)) + "] ";
      const code = document.createElement("code");
      code.textContent = s.command;
      li.append(where, code);
      list.append(li);
    });
    box.hidden = false;
  }

  function renderHints(reply) {
    // Hints are the course's own Markdown rendered by the server (trusted content, not learner input).
    const list = page.querySelector("[data-testid=hint-list]");
    list.replaceChildren();
    reply.hints_html.forEach((html) => {
      const li = document.createElement("li");
      li.innerHTML = html;
      list.append(li);
    });
    page.querySelector("[data-testid=hint-count]").textContent = String(reply.hints_used);
    page.querySelector("[data-testid=hint]").disabled = reply.hints_used >= reply.hints_total;
  }

  // --- the file editor ------------------------------------------------------------------------
  const pathInput = page.querySelector("#editor-path");
  const textArea = page.querySelector("#editor-text");

  async function openFile(path) {
    pathInput.value = path;
    const response = await fetch(base + "/file?path=" + encodeURIComponent(path), { headers: { Accept: "application/json" } })
      .catch(() => null);
    if (!response) { say(text.network); return; }
    const reply = await response.json().catch(() => null);
    if (!response.ok || !reply) { say((reply && reply.error) || text.failed); return; }
    textArea.value = reply.text;
    textArea.dataset.path = reply.path;
    say(text.opened.replace("{path}", reply.path));
    textArea.focus();
  }

  // --- buttons ----------------------------------------------------------------------------------
  const confirmBox = (name) => page.querySelector(`[data-confirm=${name}]`);
  const actions = {
    interrupt: () => term.interrupt(),
    detach: () => { term.detach(); term.input.focus(); },
    clear: () => { term.clearScreen(term.active); command("clear", { terminal: term.active }); },
    complete: () => { term.complete(); term.input.focus(); },
    // Phone keyboards have no arrow keys: these buttons walk the history like ↑/↓.
    "history-back": () => { term.browse(-1); term.input.focus(); },
    "history-forward": () => { term.browse(1); term.input.focus(); },
    grade: async () => { const r = await command("grade", {}); if (r && r.verdict) { renderVerdict(r.verdict); renderStatus(r.status, r.best_score); } },
    hint: async () => { const r = await command("hint", {}); if (r && r.hints_html) renderHints(r); },
    undo: () => command("undo", { terminal: term.active }),
    "ask-reset": () => { confirmBox("reset").hidden = false; confirmBox("reset").querySelector("button").focus(); },
    reset: () => { confirmBox("reset").hidden = true; term.input.focus(); command("reset", {}); },
    "ask-solution": () => { confirmBox("solution").hidden = false; confirmBox("solution").querySelector("button").focus(); },
    solution: async () => {
      confirmBox("solution").hidden = true;
      const r = await command("solution", { confirm: true });
      if (r && r.solution) {
        renderSolution(r.solution);
        renderStatus(r.status);
        page.querySelector("[data-testid=solution]").focus();
      }
    },
    cancel: (button) => {
      // Back to the button that asked, so keyboard users do not lose their place.
      const box = button.closest(".confirm");
      box.hidden = true;
      const asker = page.querySelector(`[data-action=ask-${box.dataset.confirm}]`);
      if (asker) asker.focus();
    },
    "open-file": () => openFile(pathInput.value),
    "save-file": () => command("file", { path: textArea.dataset.path || pathInput.value, text: textArea.value }),
  };
  page.querySelectorAll("[data-action]").forEach((button) => {
    button.addEventListener("click", () => actions[button.dataset.action](button));
  });
  document.addEventListener("visibilitychange", () => { if (!document.hidden) command("poll", {}); });

  apply(data);
  // A learner opening a lab starts it (the page itself, a GET, writes nothing): one POST.
  if (data.start) command("poll", {});
  page.dataset.ready = "true";
});
