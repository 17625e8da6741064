# Ajouter un métier à partir de sa fiche (docs/guide-formateurs.md, section « Ajouter un métier à partir de sa fiche »).
#   make importer FICHE=chemin/vers/fiche.txt             écrit le brouillon knowledge/metiers/<id>.yml
#   make importer FICHE=chemin/vers/fiche.txt ECRASER=1   remplace un fichier métier qui existe déjà
# Un échec (fiche introuvable, fichier existant) finit par une phrase en français et un code d'erreur (FAIL, mk/check.mk).
.PHONY: importer
importer: install
	@$(PY) -m trainer.importer $(if $(FICHE),"$(FICHE)") $(if $(ECRASER),--ecraser) || $(FAIL)
