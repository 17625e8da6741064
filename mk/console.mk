# La console de l'école (console/) : les conseillers répondent aux questions laissées par les élèves.
#   make console                                       démarre la console sur http://127.0.0.1:8090/
#   make console-user LOGIN=c.martin ROLE=conseiller   crée un compte (ou change son mot de passe)
# Le mot de passe est tapé au terminal (deux fois), ou lu dans CONSOLE_PASSWORD.
.PHONY: console console-user
console: install
	@source scripts/defaults.sh && $(PY) -m console serve

console-user: install
	@test -n "$(LOGIN)" || { echo "Indiquez l'identifiant : make console-user LOGIN=c.martin ROLE=conseiller"; exit 1; }
	@test -n "$(ROLE)" || { echo "Indiquez le rôle : make console-user LOGIN=$(LOGIN) ROLE=conseiller (ou ROLE=formateur)"; exit 1; }
	@source scripts/defaults.sh && $(PY) -m console user --login "$(LOGIN)" --role "$(ROLE)"
