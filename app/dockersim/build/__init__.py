"""The build engine: Dockerfile parser, BuildKit-like stages, progress output."""
