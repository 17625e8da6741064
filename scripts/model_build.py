"""Which model Rasa may load: the one `make train` built from the current training files.

A Rasa model (models/assistant.tar.gz) is an archive that Rasa unpacks and runs: keras, tensorflow
and skops execute code from a hostile model file (SECURITY.md). So `make train` records, next to
the model, a fingerprint of the training inputs and of the model file it built
(models/assistant.build.json); `make run` (scripts/run.sh) refuses a model that does not match.

    model_build.py list       print the training inputs, one path a line
    model_build.py stamp      write models/assistant.inputs.sha256 only when the inputs changed
                              (the Makefile retrains when that file is newer than the model)
    model_build.py announce   say, in French, why training starts and how long it takes
    model_build.py record S   after `rasa train`: record the model built in S seconds
    model_build.py verify     exit 1 with a French message unless the model matches its record

Standard library only: the Makefile calls it before the virtualenv exists.
"""
import argparse
import datetime
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bootstrap: the project root, for core/
from loading.paths import ROOT  # noqa: E402

MODEL = Path("models/assistant.tar.gz")
RECORD = Path("models/assistant.build.json")
STAMP = Path("models/assistant.inputs.sha256")
# Seconds announced when no training was ever recorded here: a first `rasa train` on a small machine,
# Rasa and spaCy loading included (measured times: README « Mesures »).
ESTIMATED_SECONDS = 90


def training_inputs(root: Path) -> list:
    """Relative paths of every file `rasa train` reads, plus the project's NLU code."""
    files = [root / "config.yml", root / "domain.yml", root / "core" / "textnorm.py", root / "core" / "courtesy.py"]
    for folder, suffixes in (("data", None), ("rasa_ext/nlu", (".py", ".yml", ".yaml"))):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and (not suffixes or path.suffix in suffixes):
                files.append(path)
    return [p.relative_to(root).as_posix() for p in files if p.is_file()]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_hashes(root: Path) -> dict:
    return {name: file_sha256(root / name) for name in training_inputs(root)}


def combined(hashes: dict) -> str:
    return hashlib.sha256("".join(f"{name}\0{sha}\n" for name, sha in sorted(hashes.items())).encode()).hexdigest()


def read_record(root: Path):
    try:
        return json.loads((root / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def changed_files(old: dict, new: dict) -> list:
    return sorted(name for name in set(old) | set(new) if old.get(name) != new.get(name))


def stamp(root: Path) -> None:
    value = combined(input_hashes(root)) + "\n"
    path = root / STAMP
    if not path.exists() or path.read_text() != value:  # unchanged inputs keep the old date: no retrain
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(value)


def announce(root: Path) -> None:
    record = read_record(root)
    seconds = record.get("training_seconds") if record else None
    duration = f"environ {max(1, round(seconds))} s, durée du dernier entraînement" if seconds is not None else \
        f"environ {ESTIMATED_SECONDS} s, estimation"
    if record and (root / MODEL).exists():
        changed = changed_files(record.get("inputs", {}), input_hashes(root))
        shown = ", ".join(changed[:5]) + (f" et {len(changed) - 5} autres" if len(changed) > 5 else "")
        reason = f"les exemples ont changé ({shown})" if changed else "les dépendances ont changé"
        print(f"{reason} : ré-entraînement ({duration})")
    else:
        print(f"aucun modèle entraîné : entraînement ({duration})")
    sys.stdout.flush()


def record(root: Path, seconds: float) -> None:
    hashes = input_hashes(root)
    (root / RECORD).write_text(json.dumps({
        "model": MODEL.as_posix(),
        "model_sha256": file_sha256(root / MODEL),
        "inputs_sha256": combined(hashes),
        "inputs": hashes,
        "trained_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "training_seconds": seconds,
    }, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def problem(root: Path):
    """None when Rasa may load the model, else the French explanation."""
    retrain = "Lancez `make run` (il ré-entraîne) ou `make train`."
    if not (root / MODEL).exists():
        return f"Aucun modèle entraîné ({MODEL}). {retrain}"
    saved = read_record(root)
    if not saved or not saved.get("model_sha256") or not saved.get("inputs_sha256"):
        return (f"{MODEL} n'a pas d'empreinte ({RECORD} absent ou illisible) : rien ne prouve qu'il a été "
                f"construit par `make train`. Supprimez-le, puis lancez `make train`.")
    if file_sha256(root / MODEL) != saved["model_sha256"]:
        return (f"{MODEL} n'est pas le modèle construit par `make train` (son empreinte ne correspond pas à "
                f"{RECORD}). Un modèle venu d'ailleurs peut exécuter du code : il n'est pas chargé. "
                f"Supprimez-le, puis lancez `make train`.")
    hashes = input_hashes(root)
    if combined(hashes) != saved["inputs_sha256"]:
        changed = changed_files(saved.get("inputs", {}), hashes)
        return (f"Le modèle {MODEL} a été entraîné avec d'autres fichiers que ceux du projet "
                f"(modifiés depuis : {', '.join(changed) or 'inconnus'}). {retrain}")
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("list", "stamp", "announce", "record", "verify"))
    parser.add_argument("seconds", nargs="?", type=float, default=None)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "list":
        print("\n".join(training_inputs(root)))
    elif args.command == "stamp":
        stamp(root)
    elif args.command == "announce":
        announce(root)
    elif args.command == "record":
        record(root, args.seconds)
    else:
        message = problem(root)
        if message:
            print(f"Modèle refusé : {message}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
