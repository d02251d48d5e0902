// Questions on a lesson page: send the form with fetch, show the verdict and explanation in place.
// Without this script the form still works (a normal POST and a flash message).
"use strict";
(() => {
  const newToken = () =>
    (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/-/g, "").slice(0, 32);

  function showOutcome(box, data) {
    box.replaceChildren();
    box.classList.remove("is-right", "is-wrong");
    if (data.error) {
      const p = document.createElement("p");
      p.className = "verdict";
      p.textContent = data.error;
      box.append(p);
      box.classList.add("is-wrong");
      return;
    }
    box.classList.add(data.passed ? "is-right" : "is-wrong");
    // The "last answer" badge follows the answer just saved, as it would after a reload.
    const badge = box.closest(".question").querySelector(".last-answer");
    if (badge) {
      badge.hidden = false;
      badge.textContent = data.passed ? badge.dataset.right : badge.dataset.wrong;
      badge.classList.toggle("ok", data.passed);
      badge.classList.toggle("bad", !data.passed);
    }
    const verdict = document.createElement("p");
    verdict.className = "verdict";
    verdict.textContent = ((data.passed ? box.dataset.right : box.dataset.wrong) + " " + (data.feedback || "")).trim();
    box.append(verdict);
    const failed = (data.checks || []).filter((c) => !c.passed && c.message);
    if (failed.length) {
      const list = document.createElement("ul");
      for (const check of failed) {
        const li = document.createElement("li");
        li.textContent = check.message;
        list.append(li);
      }
      box.append(list);
    }
    if (data.explanation_html) {
      const explanation = document.createElement("div");
      explanation.className = "explanation";
      explanation.lang = "ko";
      // The explanation is course content rendered by the server from the reviewed Markdown files.
      explanation.innerHTML = data.explanation_html;
      box.append(explanation);
    }
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form.question-form");
    if (!form) return;
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    const box = form.querySelector(".feedback");
    if (button.disabled) return;
    button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json().catch(() => ({ error: box.dataset.failed }));
      showOutcome(box, data);
      if (!data.error) form.querySelector("input[name=token]").value = newToken();
    } catch (error) {
      showOutcome(box, { error: box.dataset.failed });
    } finally {
      button.disabled = false;
    }
  });
})();
