"""Pure package; see README.md in this folder."""
