"""make check-deps: every version pinned in requirements.lock has been audited in SECURITY.md.

SECURITY.md lists each pin once, with its version: either in the table of known advisories
(a row per advisory, dated) or in the block of versions checked without known advisory. When a pin
changes (or a package appears), nobody has checked the new version yet: the check fails, naming
the package, the version and what to do. Standard library only.
"""
import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bootstrap: the project root, for core/
from loading.paths import ROOT  # noqa: E402

CLEAN_HEADING = "Versions vérifiées sans avis connu"
DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path) -> dict:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[normalize(name)] = (name.strip(), version.strip())
    return pins


def read_audit(path: Path):
    """(advisory rows {package: {version: [row problems]}}, clean {package: version}, problems)."""
    text = path.read_text(encoding="utf-8")
    advised, clean, problems = {}, {}, []
    for number, line in enumerate(text.splitlines(), 1):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cells) < 8 or cells[0] in ("Paquet", "") or set(cells[0]) <= {"-", ":", " "}:
            continue
        package, version, advisory, date = cells[0].strip("`"), cells[1].strip("`"), cells[2], cells[7]
        advised.setdefault(normalize(package), {}).setdefault(version, [])
        if not advisory or not DATE.search(date):
            problems.append(f"SECURITY.md, ligne {number} : la ligne de {package} {version} doit dire quel avis "
                            f"a été vérifié (colonne « Avis ») et quand (colonne « Vérifié le », AAAA-MM-JJ).")
    match = re.search(rf"{CLEAN_HEADING}.*?```text\n(.*?)```", text, re.S)
    if not match:
        problems.append(f"SECURITY.md : la section « {CLEAN_HEADING} » (un bloc ```text de paquet==version) "
                        f"est introuvable.")
    else:
        for line in match.group(1).splitlines():
            if "==" in line:
                name, version = line.strip().split("==", 1)
                clean[normalize(name)] = version.strip()
    return advised, clean, problems


def problems(lock: Path, security: Path) -> list:
    pins = read_lock(lock)
    advised, clean, found = read_audit(security)
    todo = ("cherchez les avis publiés pour cette version (pip-audit, voir « Refaire l'audit » dans "
            "SECURITY.md), puis écrivez ce que vous avez vérifié dans SECURITY.md : une ligne datée du tableau "
            "des avis, ou la version dans « " + CLEAN_HEADING + " ».")
    for key, (name, version) in sorted(pins.items()):
        audited = sorted(set(advised.get(key, {})) | ({clean[key]} if key in clean else set()))
        if version in audited:
            continue
        if audited:
            found.append(f"requirements.lock fige {name}=={version}, mais SECURITY.md n'a vérifié que "
                         f"{name} {', '.join(audited)} : {todo}")
        else:
            found.append(f"requirements.lock fige {name}=={version}, absent de SECURITY.md : {todo}")
    for key in sorted(set(advised) | set(clean)):
        if key not in pins:
            found.append(f"SECURITY.md décrit {key}, qui n'est plus dans requirements.lock : retirez sa ligne.")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements.lock")
    parser.add_argument("--security", type=Path, default=ROOT / "SECURITY.md")
    args = parser.parse_args(argv)
    found = problems(args.lock, args.security)
    for problem in found:
        print(f"- {problem}")
    if found:
        print(f"{len(found)} version(s) figée(s) sans audit dans SECURITY.md.")
        return 1
    print(f"Les {len(read_lock(args.lock))} versions de requirements.lock sont auditées dans SECURITY.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
