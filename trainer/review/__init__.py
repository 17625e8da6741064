"""La file de relecture : ce que les élèves ont demandé et que l'assistant a mal compris.

`make review` (sous-commande `export`) lit la base des conversations (TRACKER_STORE_URL) et écrit
`reports/a_relire.yml` : les messages d'élèves partis à la clarification (intention nlu_fallback),
compris avec une confiance sous le seuil (0,7 par défaut), ou dont la réponse a reçu un 👎 dans le widget
(« signalee: oui », quelle que soit la confiance), regroupés quand ils se ressemblent, avec
l'intention devinée, la confiance et le contexte (message précédent de l'élève, réponse précédente de
l'assistant). Le formateur écrit l'intention de chaque message, ou `hors_sujet`, ou laisse vide.

`make review-import` (sous-commande `import`) ajoute chaque message annoté au bon fichier
`data/nlu/<intention>.yml`, à la fin de ses exemples, sans jamais écrire de doublon (majuscules,
accents et ponctuation finale ignorés comme pour make check, dans tous les fichiers de data/nlu/). Rien n'est écrit si une
annotation est refusée (intention inconnue, exemple déjà présent sous une autre intention) : on
corrige, on relance. Le Makefile lance ensuite `make check`.

    python -m trainer.review export [--seuil 0.7] [--base URL] [--depuis JOURS] [--sortie FICHIER]
    python -m trainer.review import [--fichier reports/a_relire.yml]
    --projet DOSSIER  (avant ou après la sous-commande) : une copie du projet, pour les tests

Codes de sortie : 0 si tout va bien, 1 sinon (message en français).

Modules : conversations (lecture de la base), queue (regroupement et fichier à annoter), nlu_file
(l'ajout d'exemples dans data/nlu/), importing (make review-import), __main__ (ligne de commande).
"""
