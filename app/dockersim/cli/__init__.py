"""The docker client's command line: flag tables and the flag parser."""
