"""Plumbing: the host's models, container runtime, processes and the simulated registry."""
