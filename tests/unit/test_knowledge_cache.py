"""The validated-knowledge cache (loading/knowledge_cache.py): a later start does not parse again the files
it already validated, and never serves a file that changed or that does not validate."""
import json
import shutil

import pytest

from core import yamlcache
from core.knowledge import KnowledgeError
from loading import knowledge
from loading.knowledge_cache import KnowledgeCache
from loading.school import load_school
from tests.support.knowledge import FIXTURE_KNOWLEDGE


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, copy)
    return copy


def no_yaml(monkeypatch):
    def refuse(text, loader):
        if "intitule:" in text and "missions:" in text:
            raise AssertionError("a profession file was parsed again")
        return original(text, loader)
    original = yamlcache.parse
    monkeypatch.setattr(yamlcache, "parse", refuse)


def test_a_second_load_rebuilds_the_same_professions_without_parsing_them(folder, tmp_path, monkeypatch):
    cache_path = tmp_path / "cache.json"
    first = knowledge.load_professions(folder / "metiers", KnowledgeCache(cache_path))
    assert cache_path.exists()
    no_yaml(monkeypatch)
    second = knowledge.load_professions(folder / "metiers", KnowledgeCache(cache_path))
    assert second == first and list(second) == list(first)


def test_an_edited_file_is_read_again_and_an_invalid_edit_still_stops_with_file_and_field(folder, tmp_path):
    cache_path = tmp_path / "cache.json"
    knowledge.load_professions(folder / "metiers", KnowledgeCache(cache_path))
    path = folder / "metiers" / "testeur_jeux_societe.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("min: 21000", "min: 21500"), encoding="utf-8")
    edited = knowledge.load_professions(folder / "metiers", KnowledgeCache(cache_path))
    assert edited["testeur_jeux_societe"].salaire.niveaux.debutant.min == 21500
    path.write_text(path.read_text(encoding="utf-8").replace("min: 21500", "min: beaucoup"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        knowledge.load_professions(folder / "metiers", KnowledgeCache(cache_path))
    assert "testeur_jeux_societe.yml" in str(error.value) and "salaire" in str(error.value)


def test_a_corrupt_or_foreign_cache_is_ignored(folder, tmp_path):
    cache_path = tmp_path / "cache.json"
    cache_path.write_text("{pas du json", encoding="utf-8")
    assert knowledge.load_professions(folder / "metiers", KnowledgeCache(cache_path))
    data = json.loads(cache_path.read_text(encoding="utf-8"))
    # An entry written by another version of the schema code is never used.
    cache_path.write_text(json.dumps({"version": "autre", "entries": data["entries"]}), encoding="utf-8")
    assert KnowledgeCache(cache_path)._entries == {}


def test_an_unwritable_cache_only_means_a_slower_start(folder, tmp_path):
    blocked = tmp_path / "fichier"
    blocked.write_text("", encoding="utf-8")  # a file where the cache's folder should be
    assert knowledge.load_professions(folder / "metiers", KnowledgeCache(blocked / "cache.json"))


def test_the_school_uses_the_cache_folder_of_the_environment(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path / "cache"))
    load_school(folder)
    assert (tmp_path / "cache" / "knowledge.json").exists()
