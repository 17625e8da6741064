"""The REST channel's message ids, metadata and votes, over HTTP against the real stack."""
import json
import sqlite3


def user_events(stack, sender):
    with sqlite3.connect(f"file:{stack.db_path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
    return [(kind, json.loads(data)) for kind, data in rows]


def post(stack, body):
    status, raw = stack.post(json.dumps(body).encode())
    return status, json.loads(raw or b"null")


def test_a_message_sent_twice_with_one_id_is_processed_once(stack):
    sender = stack.new_sender()
    body = {"sender": sender, "message": "faut-il un Bac+5 ?", "message_id": "id-0123456789"}
    first, second = post(stack, body), post(stack, body)
    assert first[0] == second[0] == 200 and first[1] == second[1] and "Bachelor" in first[1][0]["text"]
    users = [data for kind, data in user_events(stack, sender) if kind == "user"]
    assert [u["message_id"] for u in users] == ["id-0123456789"]
    # Another id (or another conversation) is a new message.
    post(stack, {**body, "message_id": "id-9876543210"})
    assert len([1 for kind, _ in user_events(stack, sender) if kind == "user"]) == 2


def test_metadata_keeps_only_a_small_dict_of_short_strings(stack):
    sender = stack.new_sender()
    metadata = {"metier": "testeur_jeux_societe", "nested": {"a": 1}, "long": "x" * 500, "Bad Key": "x",
                "nombre": 3, **{f"k{i}": "v" for i in range(20)}}
    status, replies = post(stack, {"sender": sender, "message": "bonjour", "metadata": metadata})
    assert status == 200 and replies
    stored = [data for kind, data in user_events(stack, sender) if kind == "user"][0]["metadata"]
    ours = {k: v for k, v in stored.items() if k == "metier" or k[0] == "k" and k[1:].isdigit()}  # Rasa adds its own
    assert ours["metier"] == "testeur_jeux_societe"
    assert not {"nested", "long", "Bad Key", "nombre"} & set(stored) and len(ours) == 8
    status, _ = post(stack, {"sender": sender, "message": "bonjour", "metadata": ["pas", "un", "objet"]})
    assert status == 200


def test_a_vote_is_stored_without_changing_the_dialogue(stack):
    sender = stack.new_sender()
    post(stack, {"sender": sender, "message": "faut-il un Bac+5 ?", "message_id": "question-0001"})
    status, body = post(stack, {"sender": sender, "message": "",
                                "metadata": {"feedback": "down", "message_id": "question-0001"}})
    assert status == 200 and body["status"] == "enregistré"
    events = user_events(stack, sender)
    assert events[-1] == ("agent", {**events[-1][1], "data": {"feedback": "down", "message_id": "question-0001"}})
    # Unknown question, bad vote: a clear French error, nothing stored.
    status, body = post(stack, {"sender": sender, "message": "",
                                "metadata": {"feedback": "down", "message_id": "inconnu-0001"}})
    assert status == 404 and "inconnue" in body["error"]
    status, body = post(stack, {"sender": sender, "message": "", "metadata": {"feedback": "bof",
                                                                             "message_id": "question-0001"}})
    assert status == 400 and "feedback" in body["error"]
    assert len(user_events(stack, sender)) == len(events)
    # The conversation goes on as usual.
    _, replies = post(stack, {"sender": sender, "message": "combien gagne un débutant ?"})
    assert "€" in replies[0]["text"]
