// Docker Dojo: the attempt page. Saves each answer as it is given (the server grades and keeps it),
// shows the time left by the server's count, and reloads at the deadline so the server submits.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const page = document.querySelector(".attempt-page");
  if (!page) return;

  // --- countdown (the server decides; this only shows it and reloads at zero) -------------------
  const clock = page.querySelector("[data-testid=time-left]");
  const timer = page.querySelector(".timer");
  const endsAt = Date.now() + Number(page.dataset.secondsLeft) * 1000;
  const two = (n) => String(n).padStart(2, "0");
  const tick = () => {
    const left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
    const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    clock.textContent = (h ? `${h}${clock.dataset.hours} ` : "") + `${two(m)}${clock.dataset.minutes} ${two(s)}${clock.dataset.seconds}`;
    timer.classList.toggle("is-low", left <= 60);
    if (left === 0) { window.location.reload(); return; }
    window.setTimeout(tick, 1000);
  };
  tick();

  // --- autosave ---------------------------------------------------------------------------------
  const unansweredBox = page.querySelector("[data-testid=unanswered]");
  const markAnswered = (slot) => {
    const link = page.querySelector(`[data-unanswered="${slot}"]`);
    if (link) link.remove();
    if (unansweredBox && !unansweredBox.querySelector("[data-unanswered]")) unansweredBox.hidden = true;
  };
  const save = async (form) => {
    const state = form.querySelector(".save-state");
    state.textContent = state.dataset.saving;
    state.classList.remove("is-saved", "is-failed");
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      const reply = await response.json();
      if (response.status === 409 && reply.code === "finished") { window.location.reload(); return; }
      if (!response.ok || !reply.ok) throw new Error(reply.error || "failed");
      state.textContent = state.dataset.saved;
      state.classList.add("is-saved");
      markAnswered(form.dataset.slot);
    } catch (error) {
      state.textContent = error.message && error.message !== "failed" ? error.message : state.dataset.failed;
      state.classList.add("is-failed");
    }
  };
  page.querySelectorAll(".autosave-form").forEach((form) => {
    let timerId = null;
    form.addEventListener("submit", (event) => { event.preventDefault(); save(form); });
    form.addEventListener("change", () => { window.clearTimeout(timerId); save(form); });
    form.addEventListener("input", (event) => {
      if (event.target.matches("input[type=text], textarea")) {
        window.clearTimeout(timerId);
        timerId = window.setTimeout(() => save(form), 800);
      }
    });
  });
});
