"""The harness that starts the real assistant and its services, shared by tests/ and bench/ (it belongs
to neither): the project's environment for child processes (env.py), process helpers (processes.py),
the assistant itself - action server + `rasa run` (assistant.py) - and the throw-away Redis and PostgreSQL
servers (redis.py, postgres.py), and how a student reads a reply (replies.py).

It never chooses a knowledge folder: the caller names the one the assistant must read.
"""
