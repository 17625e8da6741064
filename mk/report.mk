# Qualité de la compréhension et relecture des conversations réelles (docs/guide-formateurs.md).
#   make report                    entraîne si besoin, puis écrit reports/rapport.md, intentions.csv,
#                                  erreurs.csv et confusion.png (phrases de test de tests/nlu/)
#   make review                    reports/a_relire.yml : les messages d'élèves mal compris, à annoter
#   make review SEUIL=0.6          autre seuil de confiance (défaut 0.7) ; DEPUIS=30 : les 30 derniers jours
#   make review ECRASER=1          remplace un fichier dont les annotations n'ont pas été importées
#   make review-import             ajoute les messages annotés à data/nlu/ (sans doublon), puis make check
.PHONY: report review review-import
report: train
	@PYTHONWARNINGS=ignore $(PY) scripts/report.py

review: install
	@source scripts/defaults.sh && $(PY) scripts/review.py export $(if $(SEUIL),--seuil $(SEUIL)) \
	  $(if $(DEPUIS),--depuis $(DEPUIS)) $(if $(ECRASER),--ecraser)

review-import: install
	@$(PY) scripts/review.py import
	@echo "Vérification du projet (make check)…"
	@$(MAKE) --no-print-directory check || $(QUIET_FAIL)
