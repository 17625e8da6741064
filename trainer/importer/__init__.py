"""Import a school's fiche métier (plain text pasted from its web page) into a draft knowledge file.

    make importer FICHE=chemin/vers/fiche.txt [ECRASER=1]
    python -m trainer.importer chemin/vers/fiche.txt [--ecraser] [--dossier knowledge/metiers]

Modules, one job each:
    text    normalising pasted text (quotes, spaces, glued sentences), folding, gender forms, ids
    facts   what an extracted value is (Fact, with the passage it came from), or is not: Missing (text of the
            fiche that could not be placed) or Absent (the fiche does not give it)
    parse   fiche text -> draft (nested dicts of Fact / Missing), pure
    verify  every Fact checked against the fiche: figures and names copied, never rephrased
    render  draft -> commented YAML: « À COMPLÉTER » for each Missing field, a comment for each Absent one
    __main__  reads the fiche, writes the file (never over an existing one without --ecraser), prints a summary
"""
