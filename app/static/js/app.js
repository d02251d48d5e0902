// Docker Dojo: shared page behaviour. Loaded with `defer`; the CSP allows no inline script.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the main region when the skip link is used (some browsers keep it on the link).
  const skip = document.querySelector(".skip-link");
  const main = document.getElementById("main");
  if (skip && main) skip.addEventListener("click", () => main.focus());
});
