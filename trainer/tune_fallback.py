"""Measure the fallback threshold on held-out sentences: for each threshold, how many questions
the assistant answers (the others get "Vouliez-vous parler de… ?") and how often those answers
are about the right topic. Then the same on the fresh sets written apart (tests/nlu/test_fresh*.yml,
their one-message cases whose first tag is an intent): for each threshold, the share of messages sent
to a clarification and the share answered with confidence on another topic, the one to keep rarer.

    make tune                                         # models/assistant.tar.gz
    python -m trainer.tune_fallback [models/assistant.tar.gz]
"""
import asyncio
import sys
from pathlib import Path
from typing import List, Tuple

import yaml

from trainer.project import ROOT, Project
from trainer.report import quiet_rasa

THRESHOLDS = [0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8]
# Intents that lead to the same answers (the dialogue picks the diploma from the message's words).
FAMILIES = ({"diplome", "bts", "bachelor", "mastere"},)


def top_intent(parsed):
    """Best real intent and its confidence, whatever the FallbackClassifier decided."""
    ranking = [r for r in parsed["intent_ranking"] if r["name"] != "nlu_fallback"]
    return ranking[0]["name"], ranking[0]["confidence"]


def rates(pairs, thresholds=THRESHOLDS):
    """[(threshold, share answered, share of answers on the right topic)] from (truth, guess, confidence)."""
    rows = []
    for threshold in thresholds:
        answered = [(truth, guess) for truth, guess, conf in pairs if conf >= threshold]
        right = sum(truth == guess for truth, guess in answered)
        rows.append((threshold, len(answered) / max(1, len(pairs)), right / max(1, len(answered))))
    return rows


def same_topic(truth: str, guess: str) -> bool:
    return truth == guess or any(truth in family and guess in family for family in FAMILIES)


def fresh_cases(project: Project) -> List[Tuple[str, str]]:
    """(message, topic) of the fresh sets' one-message cases whose first tag is an intent of the domain."""
    cases = []
    for path in sorted((project.root / "tests" / "nlu").glob("test_fresh*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            says, tags = case.get("say"), case.get("tags") or []
            if isinstance(says, str) and tags and tags[0] in project.intents:
                cases.append((says, tags[0]))
    return cases


def abstention(pairs, thresholds=THRESHOLDS):
    """[(threshold, share clarified, share answered on another topic, precision of the answers)] from
    (truth, guess, confidence): the two failures a threshold trades against each other."""
    rows = []
    for threshold in thresholds:
        answered = [(truth, guess) for truth, guess, conf in pairs if conf >= threshold]
        wrong = sum(not same_topic(truth, guess) for truth, guess in answered)
        total = max(1, len(pairs))
        rows.append((threshold, (len(pairs) - len(answered)) / total, wrong / total,
                     1 - wrong / max(1, len(answered))))
    return rows


def measure(model_path, project: Project):
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path))
    sentences = project.held_out()

    async def parse_all():
        return [await agent.parse_message(s.text) for s in sentences]

    pairs = [(s.intent, *top_intent(p)) for s, p in zip(sentences, asyncio.run(parse_all()))]
    fresh = fresh_cases(project)

    async def parse_fresh():
        return [await agent.parse_message(text) for text, _ in fresh]

    fresh_pairs = [(topic, *top_intent(p)) for (_, topic), p in zip(fresh, asyncio.run(parse_fresh()))]
    return len(pairs), rates(pairs), len(fresh_pairs), abstention(fresh_pairs)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    quiet_rasa()
    model = Path(argv[0]) if argv else ROOT / "models" / "assistant.tar.gz"
    if not model.exists():
        print(f"Aucun modèle : {model} n'existe pas. Lancez `make train`.")
        return 1
    total, rows, fresh_total, fresh_rows = measure(model, Project(ROOT))
    print(f"{total} phrases jamais vues à l'entraînement")
    print("seuil | répond à | réponses sur le bon sujet (précision)")
    for threshold, rate, precision in rows:
        print(f" {threshold:.2f} |  {rate:6.1%}  | {precision:6.1%}")
    if fresh_total:
        print(f"\n{fresh_total} messages frais écrits à part (tests/nlu/test_fresh*.yml, un seul message, sujet connu) :")
        print("seuil | clarification | réponse sûre sur un autre sujet | précision")
        for threshold, clarified, wrong, precision in fresh_rows:
            mark = "  <- réponse fausse plus rare que la clarification" if wrong < clarified else ""
            print(f" {threshold:.2f} |    {clarified:6.1%}    |            {wrong:6.1%}            | {precision:6.1%}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
