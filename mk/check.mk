# make check : les données d'entraînement et les fichiers de connaissances, avant d'entraîner.
#   make check                          vérifications du projet, puis rasa data validate --fail-on-warnings
#   make check CHECK_ARGS=--sans-rasa   seulement les vérifications rapides (une seconde)
#   make check-deps                     chaque version de requirements.lock est auditée dans SECURITY.md
# Chaque problème est écrit en français : le fichier, la ligne, et quoi faire (docs/guide-formateurs.md).
#
# FAIL ends a failed trainer command with a short French line, then fails for real (exit 1) in every
# environment: a background job, a script with SIGQUIT ignored, no terminal. GNU make then adds its own
# English line « make: *** [...] Error 1 », which no option hides safely: the French line comes just
# before it and says what to do.
FAIL = { echo "Échec de « make $@ » : corrigez ce qui est indiqué ci-dessus, puis relancez « make $@ »." >&2; exit 1; }

# The audit of requirements.lock is a developer's check: make check runs it silently (its lines only
# when it fails, or with VERBOSE=1), so that a trainer reads French lines about their own files only.
.PHONY: check check-deps
check: install lint
	@if [ "$${VERBOSE:-0}" = 1 ]; then "$(PYTHON310)" scripts/check_deps.py; \
	  else out=$$("$(PYTHON310)" scripts/check_deps.py 2>&1) || { echo "$$out"; false; }; fi || $(FAIL)
	@$(PY) -m trainer.check $(CHECK_ARGS) || $(FAIL)

check-deps:
	@"$(PYTHON310)" scripts/check_deps.py || $(FAIL)

# make lint : style du code Python (ruff, version figée dans requirements.lock, réglages dans ruff.toml).
.PHONY: lint
lint: install
	@$(VENV)/bin/ruff check --quiet . || $(FAIL)
