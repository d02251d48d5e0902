"""The question graders, one module per family; the registry is `app.grading.questions`."""
