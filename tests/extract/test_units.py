"""The unit catalogue: inflect imported without typeguard's checks builds the same catalogue."""

from __future__ import annotations

import subprocess
import sys

# Prints a digest of everything factcheck reads from the catalogue.
_DUMP = """
import hashlib, json, sys, warnings
warnings.simplefilter("ignore")
if sys.argv[1] == "factcheck":
    from factcheck.extract.units import _catalogue
    catalogue = _catalogue()
    import typeguard
    assert typeguard.typechecked is typeguard._decorators.typechecked  # put back
else:
    from quantulum3 import load
    catalogue = load.units("en_US")
def units(found):
    return sorted((u.name, u.entity.name, sorted(u.surfaces), sorted(u.symbols)) for u in found)
data = {
    "surfaces_lower": {k: units(v) for k, v in catalogue.surfaces_lower.items()},
    "symbols": {k: units(v) for k, v in catalogue.symbols.items()},
    "names": {k: units([v]) for k, v in catalogue.names.items()},
}
digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
print(len(data["surfaces_lower"]), digest)
"""


def _digest(how: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _DUMP, how], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_catalogue_is_the_same_without_inflects_run_time_checks():
    unchecked, checked = _digest("factcheck"), _digest("quantulum3")
    assert int(unchecked.split()[0]) > 1000  # surfaces were read at all
    assert unchecked == checked
