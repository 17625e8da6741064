"""The pure domain: knowledge files, understanding of the message, reply building. No Rasa here."""
