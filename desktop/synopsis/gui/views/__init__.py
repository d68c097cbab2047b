"""The widgets of the comparison window; each asks the report, never computes alignment."""
