"""The simulated POSIX shell (host bash and container sh) and its tools."""
