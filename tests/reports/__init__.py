"""Tests of the pure report builders and their exports."""
