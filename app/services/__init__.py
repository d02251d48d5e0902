"""Services: the only code where the domain meets the database and the session."""
