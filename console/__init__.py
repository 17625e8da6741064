"""The school's console: counsellors answer students' hand-off requests, trainers review the messages
the assistant misunderstood and read the dashboard. A small Sanic application (the web framework Rasa
already runs, so no second one is installed) with Jinja2 templates, on http://127.0.0.1:8090/.

Modules, one job each: config (settings from the environment), db (the tables, in the tracker
store's database), auth (accounts, Argon2, sessions, login rate limit), csrf (form tokens), audit
(who did what), handoff (the students' requests and the counsellors' replies), transcript (a
conversation read from Rasa's events), mail (SMTP notices), student_api (the widget's JSON routes),
pages (the HTML routes), app (wiring), __main__ (``python -m console serve|user``).
"""
