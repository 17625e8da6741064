"""Rasa extensions: the REST channel, the SQL tracker store, the NLU components, the action-response validation."""
