# Ajouter un métier à partir de sa fiche (docs/guide-formateurs.md, section « Ajouter un métier à partir de sa fiche »).
#   make importer FICHE=chemin/vers/fiche.txt             écrit le brouillon knowledge/metiers/<id>.yml
#   make importer FICHE=chemin/vers/fiche.txt ECRASER=1   remplace un fichier métier qui existe déjà
#   make importer FICHES=chemin/vers/dossier/             importe chaque fiche (*.txt) du dossier, par ordre de nom :
#                                                         une ligne par fiche (écrite, à compléter ou refusée), puis le total
# Avec FICHES=, deux fiches qui donnent le même métier sont refusées toutes les deux (rien n'est écrit pour
# elles), un fichier métier existant n'est remplacé qu'avec ECRASER=1, et les autres fiches sont importées.
# Un échec (fiche introuvable, fichier existant, fiche refusée, dossier vide, FICHE et FICHES ensemble) finit
# par une phrase en français et un code d'erreur (FAIL, mk/check.mk).
.PHONY: importer
importer: install
	@$(PY) -m trainer.importer $(if $(FICHE),"$(FICHE)") $(if $(FICHES),--fiches "$(FICHES)") $(if $(ECRASER),--ecraser) || $(FAIL)
