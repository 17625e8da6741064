"""The widget's pure parts (colours, bot text, storage rules, replies): widget/tests/*.test.js under Node's
built-in test runner, so that `make test-unit` and CI run them with the Python suite."""
import shutil
import subprocess

from tests.support.helpers import ROOT


def test_widget_pure_parts_pass_their_node_tests():
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "Node.js est introuvable : installez le paquet Debian nodejs (scripts/system_deps.sh)."
    result = subprocess.run([node, "--test", "widget/tests/"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# pass 0" not in result.stdout  # the runner found the test files
