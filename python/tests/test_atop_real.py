"""import_atop() on the real ATOP 4.01 member-level file (../shared/data,
data no one here wrote; cite as its README says): the model the CLI's import
makes, byte for byte, and its country-year panels equal to the CLI's. The
project ships no copy: without ../shared/data every test here is skipped, and
the ctest entry reports the file as skipped (exit 77, conftest.py)."""
import os

import pytest

from conftest import SRC, cli, cli_json
from test_tables import compare_rows

ATOP = os.path.join(os.environ.get("HS_ATOP_DIR") or os.path.join(SRC, "..", "shared", "data", "atop-4.01"),
                    "atop-member-level_v4.01.csv")
pytestmark = pytest.mark.skipif(not os.path.isfile(ATOP), reason="../shared/data absent: " + ATOP)

OPTIONS = dict(types="defense,offense", ids="iso3", hub="USA")
YEARS = list(range(1946, 2017))  # the Cold War and after, to the file's last year


@pytest.fixture(scope="module")
def imported(hubspoke, tmp_path_factory):
    """(the package's model, the CLI's GraphML of the same import)."""
    directory = tmp_path_factory.mktemp("atop")
    cli("import", "atop", ATOP, "--types", OPTIONS["types"], "--ids", OPTIONS["ids"], "--hub", OPTIONS["hub"],
        "-o", directory / "cli.graphml")
    return hubspoke.import_atop(ATOP, **OPTIONS), directory


def test_the_import_is_the_clis_byte_for_byte(imported):
    model, directory = imported
    model.write(directory / "py.graphml")
    assert (directory / "py.graphml").read_bytes() == (directory / "cli.graphml").read_bytes()
    # NATO's and the Warsaw Pact's members are mechanisms of the graph.
    vertices = model.vertices()
    assert (vertices.type == "mechanism").sum() > 50 and (vertices.type == "state").sum() > 150


def test_panels_equal_the_clis_over_every_year(imported):
    model, directory = imported
    span = "%d:%d" % (YEARS[0], YEARS[-1])
    options = dict(measures=["default"], permutations=0)
    system = model.system_panel(YEARS, **options)
    cells = compare_rows(system, cli_json("metrics", directory / "cli.graphml", "--years", span, "--table",
                                          "system", "--measures", "default", "--permutations", 0),
                         "ATOP system panel")
    states = model.panel(YEARS, measures=["degree", "strength", "betweenness", "hub_dependence"])
    cells += compare_rows(states, cli_json("metrics", directory / "cli.graphml", "--years", span, "--table",
                                           "states", "--measures", "degree,strength,betweenness,hub_dependence"),
                          "ATOP states panel")
    assert list(system.year) == YEARS and cells > 10000
