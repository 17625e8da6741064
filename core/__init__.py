"""The pure domain: the knowledge schema, understanding of the message, reply building. No Rasa here.

The rule of this package: it computes on what it is given and does no I/O. No module here opens a
file, lists a folder, reads the environment, hashes its own source, talks to a database or the
network, or starts a process; none imports a standard module made for that (os, pathlib, io, shutil,
tempfile, glob, socket, urllib, http, sqlite3, subprocess...) nor a driver (SQLAlchemy). Files,
caches, paths and environment defaults live in loading/, which reads and hands core/ what it needs;
core/ never imports loading/. tests/unit/test_core_without_io.py holds the rule.
"""
