"""NLU components of config.yml."""
