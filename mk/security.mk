# Delete stored conversations (see SECURITY.md).
.PHONY: forget purge
forget: install
	@test -n "$(SENDER)" || { echo "Indiquez la conversation : make forget SENDER=identifiant"; exit 1; }
	@source scripts/defaults.sh && $(PY) scripts/forget.py --sender "$(SENDER)"

DAYS ?= 90
purge: install
	@source scripts/defaults.sh && $(PY) scripts/forget.py --older-than "$(DAYS)"
