"""Shared vocabulary of the simulator: errors, files, formatting, clock, references, hints."""
