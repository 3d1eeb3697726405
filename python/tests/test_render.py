"""render() and evolve(): the CLI's figures, as objects a notebook shows."""
import xml.etree.ElementTree as ET

import pytest

from conftest import cli, path

SVG = "{http://www.w3.org/2000/svg}"


def test_evolve_is_the_clis_figure_byte_for_byte(asia, tmp_path):
    fig = asia.evolve([1953, 2014, 2023], focus=["USA", "JPN", "KOR"], ghosts=True)
    cli("evolve", path("graphs", "asia-pacific.gv"), "--years", "1953,2014,2023", "--focus", "USA,JPN,KOR",
        "--ghosts", "-o", tmp_path / "cli.svg")
    assert fig.data == (tmp_path / "cli.svg").read_bytes()
    root = ET.fromstring(fig.data)
    assert root.tag == SVG + "svg"
    panels = [g for g in root.iter(SVG + "g") if "panel" in (g.get("class") or "").split()]
    assert [p.get("class").split()[-1] for p in panels] == ["year-1953", "year-2014", "year-2023"]
    assert fig._repr_svg_() == fig.text and fig._repr_png_() is None and fig.format == "svg"


def test_render_one_year_and_the_whole_file(asia, tmp_path):
    fig = asia.render(2016, engine="circo", title="2016")
    cli("render", path("graphs", "asia-pacific.gv"), "--year", 2016, "--engine", "circo", "--title", "2016",
        "-o", tmp_path / "cli.svg")
    assert fig.data == (tmp_path / "cli.svg").read_bytes()
    whole = asia.render()
    cli("render", path("graphs", "asia-pacific.gv"), "-o", tmp_path / "all.svg")
    assert whole.data == (tmp_path / "all.svg").read_bytes()


def test_png_pdf_and_dot(asia, tmp_path):
    png = asia.render(2023, format="png", focus=["USA", "JPN", "KOR"])
    assert png.data.startswith(b"\x89PNG\r\n\x1a\n") and png._repr_png_() == png.data
    assert png._repr_svg_() is None
    with pytest.raises(ValueError):
        png.text
    assert asia.render(2023, format="pdf").data.startswith(b"%PDF-")
    dot = asia.render(2023, format="dot")
    assert dot.format == "dot" and dot.text.lstrip().startswith(("graph", "digraph", "strict"))
    png.save(tmp_path / "f.png")
    assert (tmp_path / "f.png").read_bytes() == png.data
    assert [p.name for p in tmp_path.iterdir()] == ["f.png"]


def test_save_leaves_nothing_behind_when_it_fails(asia, tmp_path):
    fig = asia.render(2023)
    target = tmp_path / "dir-not-file"
    target.mkdir()
    with pytest.raises(OSError):
        fig.save(target)
    assert [p.name for p in tmp_path.iterdir()] == ["dir-not-file"]


def test_figure_errors(hubspoke, asia):
    with pytest.raises(hubspoke.ArgumentError, match="engine"):
        asia.render(2023, engine="sfdp")
    with pytest.raises(hubspoke.ArgumentError, match="XXX"):
        asia.render(2023, focus=["XXX"])
    with pytest.raises(hubspoke.ArgumentError, match="unknown option 'colour'"):
        asia.render(2023, colour="red")
    with pytest.raises(hubspoke.ArgumentError, match="figure format"):
        asia.render(2023, format="jpeg")


def test_nothing_to_draw(hubspoke, tmp_path):
    # A year without ties draws the states alone (docs/render.md): only a
    # figure in which none of the states drawn is active is an error.
    late = tmp_path / "late.gv"
    late.write_text('graph late { hub="A"; A; B [since=2000]; C [since=2000]; '
                    'A -- B [kind=treaty, since=2000]; B -- C [kind=treaty, since=2000]; }\n')
    g = hubspoke.read(str(late))
    assert 'class="cluster panel year&#45;1990"' in g.render(1990).text
    with pytest.raises(hubspoke.InputError, match="nothing to draw"):
        g.render(1990, focus=["B", "C"])
