# make check : les données d'entraînement et les fichiers de connaissances, avant d'entraîner.
#   make check                          vérifications du projet, puis rasa data validate --fail-on-warnings
#   make check CHECK_ARGS=--sans-rasa   seulement les vérifications rapides (une seconde)
#   make check-deps                     chaque version de requirements.lock est auditée dans SECURITY.md
# Chaque problème est écrit en français : le fichier, la ligne, et quoi faire (docs/guide-formateurs.md).
#
# QUIET_FAIL ends make in failure without its own line « make: *** [mk/check.mk:N: check] Error 1 »,
# which tells a trainer nothing after the French list of problems: GNU make has no option for that,
# but on SIGQUIT it waits for the recipe, then exits with a failure status without printing it.
QUIET_FAIL = { kill -QUIT $$PPID; exit 0; }

.PHONY: check check-deps
check: install check-deps
	@$(PY) scripts/check.py $(CHECK_ARGS) || $(QUIET_FAIL)

check-deps:
	@"$(PYTHON310)" scripts/check_deps.py || $(QUIET_FAIL)
