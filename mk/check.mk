# make check : les données d'entraînement et les fichiers de connaissances, avant d'entraîner.
#   make check                          vérifications du projet, puis rasa data validate --fail-on-warnings
#   make check CHECK_ARGS=--sans-rasa   seulement les vérifications rapides (une seconde)
# Chaque problème est écrit en français : le fichier, la ligne, et quoi faire (docs/guide-formateurs.md).
#   make check-deps                     chaque version de requirements.lock est auditée dans SECURITY.md
.PHONY: check check-deps
check: install check-deps
	@$(PY) scripts/check.py $(CHECK_ARGS)

check-deps:
	@"$(PYTHON310)" scripts/check_deps.py
