"""Rasa follows the model file while it runs (rasa_ext/model_reload.py): a new model that make train
recorded is loaded without a restart; a file that does not match its record is never loaded."""
import importlib.util
import os

from tests.support import aio
from tests.support.helpers import ROOT


def model_build():
    spec = importlib.util.spec_from_file_location("model_build", ROOT / "scripts" / "model_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_recorded_new_model_is_loaded_and_a_foreign_one_is_not(tmp_path):
    from rasa_ext.model_reload import ModelWatch, read_status
    (tmp_path / "models").mkdir()
    (tmp_path / "config.yml").write_text("language: fr\n")
    model = tmp_path / "models" / "assistant.tar.gz"
    model.write_bytes(b"first")
    model_build().record(tmp_path, 10)
    loaded = []
    watch = ModelWatch(tmp_path, loaded.append)
    watch.started()
    assert aio.run(watch.refresh()) is False and loaded == []   # nothing changed

    model.write_bytes(b"from elsewhere")   # not built by make train: its record does not match
    os.utime(model, ns=(1, 1))
    assert aio.run(watch.refresh()) is False and loaded == []
    assert "n'est pas le modèle construit par `make train`" in watch.refused

    model.write_bytes(b"second")
    model_build().record(tmp_path, 12)
    assert aio.run(watch.refresh()) is True and loaded == [model]
    assert read_status(tmp_path)["modele"] == model_build().file_sha256(model)
    assert aio.run(watch.refresh()) is False and loaded == [model]   # loaded once
