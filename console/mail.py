"""Short email notices over SMTP (settings: SMTP_HOST, SMTP_PORT, SMTP_FROM, SMTP_USER, SMTP_PASSWORD,
SMTP_STARTTLS). A notice never carries the student's question, a reply or the conversation: only
that something is waiting, and a link to where it is read (minors' data stay in the database)."""
import logging
import smtplib
import ssl
from email.message import EmailMessage

from console.config import Smtp

logger = logging.getLogger(__name__)
TIMEOUT = 10


def message(smtp: Smtp, to: str, subject: str, body: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = smtp.sender, to, subject
    mail.set_content(body)
    return mail


def send(smtp: Smtp, mail: EmailMessage) -> bool:
    """True when the server accepted the message; a failure is logged (without the body), never raised."""
    if not smtp.enabled:
        logger.info("SMTP_HOST n'est pas défini : avis « %s » non envoyé.", mail["Subject"])
        return False
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT) as client:
            if smtp.starttls:
                client.starttls(context=ssl.create_default_context())
            if smtp.user:
                client.login(smtp.user, smtp.password)
            client.send_message(mail)
        return True
    except (OSError, smtplib.SMTPException) as error:
        logger.error("Avis « %s » non envoyé : le serveur SMTP %s:%s a refusé ou ne répond pas (%s). "
                     "Vérifiez SMTP_HOST, SMTP_PORT et SMTP_USER/SMTP_PASSWORD.",
                     mail["Subject"], smtp.host, smtp.port, type(error).__name__)
        return False


def counsellor_notice(smtp: Smtp, to: str, request_id: int, metier: str, link: str) -> EmailMessage:
    about = f" (métier : {metier})" if metier else ""
    body = (f"Bonjour,\n\nUn élève a laissé une question au service d'orientation{about}.\n"
            f"Pour la lire et lui répondre, ouvrez la console :\n{link}\n\n"
            "Par confidentialité, ce message ne contient ni la question ni la conversation.\n"
            "-- L'assistant d'orientation\n")
    return message(smtp, to, f"Nouvelle demande d'élève n° {request_id}", body)


def student_notice(smtp: Smtp, to: str, link: str) -> EmailMessage:
    body = ("Bonjour,\n\nLe service d'orientation a répondu à la question que vous avez laissée à l'assistant.\n"
            f"Pour lire la réponse, ouvrez la conversation sur le même appareil :\n{link}\n\n"
            "Ce message ne contient pas la réponse, pour qu'elle reste dans votre conversation.\n"
            "-- L'assistant d'orientation\n")
    return message(smtp, to, "Réponse du service d'orientation", body)
