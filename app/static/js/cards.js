// Flashcards: keyboard review (Space/Enter reveals; 1-4 grade; Space after reveal = Good) and grading
// without a page load. Without this script the page still works: <details> reveals, the buttons post a form.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("card-session");
  if (!root) return;
  const status = document.getElementById("review-status");
  const tokenMeta = document.querySelector('meta[name="csrf-token"]');
  const csrfToken = tokenMeta ? tokenMeta.getAttribute("content") : "";
  let shownAt = performance.now();
  let busy = false;

  const reveal = () => root.querySelector("details.card-reveal");

  function say(text) {
    if (!status) return;
    status.textContent = "";
    // A fresh text node after a tick, so the same message twice is announced twice.
    window.setTimeout(() => { status.textContent = text; }, 30);
  }

  // When the answer opens (by key, click or the native summary), put it back into its live region
  // so screen readers announce it, and move focus to it: then Space means "Good".
  root.addEventListener("toggle", (event) => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.open) return;
    const back = details.querySelector(".card-back");
    if (!back) return;
    const nodes = Array.from(back.childNodes);
    back.replaceChildren();
    window.requestAnimationFrame(() => {
      back.replaceChildren(...nodes);
      back.focus();
    });
  }, true);

  async function grade(form, rating) {
    if (busy || !form) return;
    busy = true;
    form.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    const body = {
      rating: Number(rating),
      version: Number(form.dataset.version),
      duration_ms: Math.round(performance.now() - shownAt),
    };
    try {
      const response = await fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok || !data.html) throw new Error(data.message || root.dataset.error);
      root.innerHTML = data.html;  // server-rendered by the same template as the page
      shownAt = performance.now();
      say(data.message || "");
      const front = root.querySelector(".card-front") || root.querySelector(".cards-done h2");
      if (front) { if (!front.hasAttribute("tabindex")) front.setAttribute("tabindex", "-1"); front.focus(); }
    } catch (error) {
      say(error instanceof TypeError ? root.dataset.error : (error.message || root.dataset.error));
      form.querySelectorAll("button").forEach((b) => { b.disabled = false; });
    } finally {
      busy = false;
    }
  }

  root.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("grade-form")) return;
    const button = event.submitter;
    if (!button || !button.value) return;  // let the browser post the form
    event.preventDefault();
    grade(form, button.value);
  });

  const interactive = "a, button, summary, input, textarea, select, [contenteditable]";

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    const target = event.target;
    const typing = target instanceof Element && target.closest("input, textarea, select, [contenteditable]");
    if (typing) return;
    const onControl = target instanceof Element && target.closest(interactive);
    const details = reveal();
    if (!details) return;
    const key = event.key;
    if (!details.open) {
      // Space/Enter on a focused control keep their own meaning; elsewhere they reveal the answer.
      if ((key === " " || key === "Enter") && !onControl) {
        event.preventDefault();
        if (!event.repeat) details.open = true;
      }
      return;
    }
    if (event.repeat) { if (key === " ") event.preventDefault(); return; }
    if (["1", "2", "3", "4"].includes(key)) {
      event.preventDefault();
      grade(details.querySelector("form.grade-form"), key);
    } else if (key === " " && !onControl) {
      event.preventDefault();
      grade(details.querySelector("form.grade-form"), "3");
    }
  });
});
