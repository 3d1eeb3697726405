#!/usr/bin/python3
"""`hubspoke report` in a real browser: headless Chromium from Debian.

The report of graphs/asia-pacific.gv over 1990-2025 is opened and worked as
a reader would, from the keyboard; what it shows is checked against the
other commands:
  - the slider moves with the arrow keys, one year a press, and the section
    shown, the year shown and the address (#YEAR) follow;
  - the year's network, as drawn on the screen, is the panel of that year
    in `hubspoke evolve` over the same years (the same layout): a screenshot
    of each, compared pixel by pixel, and not the panel of another year;
  - the year's K, U, C and every value of its state table equal
    `hubspoke metrics --year`; its mechanisms, types and agreements equal
    `hubspoke classify --year --sensitivity 200`;
  - the tables sort by a column when its heading is pressed;
  - Play advances the year and Pause stops it;
  - nothing is requested from anywhere but the file itself;
  - with scripts off, every year's section, network and tables are shown.
Exit status: 0 pass, 1 fail, 77 skipped (no Chromium at /usr/bin/chromium or
HS_CHROMIUM).
"""

import io
import json
import os
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "xcheck"))
from checks import H, check, run, summary  # noqa: E402

SRC = os.environ.get("HS_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
SVG = "{http://www.w3.org/2000/svg}"
FIRST, LAST = 1990, 2025



def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))


def num(v):
    return None if v in ("", None) else float(v)


# ---- images ------------------------------------------------------------------------------


def image(png):
    from PIL import Image
    return Image.open(io.BytesIO(png)).convert("RGB")


def changed(a, b):
    """The share of pixels, in %, that two images of one size show visibly
    differently (a channel off by more than 64 of 255): anti-aliasing moves
    a few by less."""
    from PIL import ImageChops
    if a.size != b.size:
        return 100.0
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 64 else 0)
    return 100.0 * diff.histogram()[255] / (a.size[0] * a.size[1])


def panel_page(svg_path, year, d):
    """A page showing only `year`'s panel of the evolve figure, at the size
    the report shows panels (a point is 4/3 of a CSS pixel)."""
    text = open(svg_path, encoding="utf-8").read()
    root = ET.fromstring(text)
    g = root.find(SVG + "g")
    tx, ty = map(float, re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", g.get("transform")).groups())
    for c in g.iter(SVG + "g"):
        if "year-%d" % year in (c.get("class") or "").split():
            pts = [tuple(map(float, p.split(","))) for p in c.find(SVG + "polygon").get("points").split()]
            break
    else:
        raise SystemExit("evolve: no panel of %d" % year)
    x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
    y0, y1 = min(p[1] for p in pts), max(p[1] for p in pts)
    # The panel's frame is drawn on its rectangle: the report's viewBox is
    # that rectangle in Graphviz's points.
    w, h = x1 - x0, y1 - y0
    inner = text[text.index("<g id=\"graph0\""):text.rindex("</svg>")]
    page = os.path.join(d, "panel-%d.html" % year)
    with open(page, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\"><svg id=\"p\" viewBox=\"%.2f %.2f %.2f %.2f\" "
                "width=\"%.0f\" height=\"%.0f\" style=\"display:block\">%s</svg></body></html>"
                % (x0 + tx, y0 + ty, w, h, w * 4 / 3, h * 4 / 3, inner))
    return page


def shot_of(b, selector):
    r = b.eval("(function(){var e=document.querySelector(%s);e.scrollIntoView();var r=e.getBoundingClientRect();"
               "return {x:r.left+window.scrollX,y:r.top+window.scrollY,width:r.width,height:r.height};})()"
               % json.dumps(selector))
    return image(b.screenshot({k: round(v) for k, v in r.items()}))


# ---- the checks ----------------------------------------------------------------------------


def current(b):
    return b.eval("(function(){var s=document.querySelector('section.year.current');return s?+s.dataset.year:null;})()")


def visible_years(b):
    return b.eval("[].slice.call(document.querySelectorAll('section.year')).filter(function(s){"
                  "return s.offsetHeight>0;}).map(function(s){return +s.dataset.year;})")


def state_table(b, year):
    return b.eval("""(function(){var t=document.querySelector('#y%d table.states');
        var keys=[].map.call(t.tHead.rows[0].cells,function(c){return c.dataset.key;});
        return [].map.call(t.tBodies[0].rows,function(r){var o={};
          [].forEach.call(r.cells,function(c,i){o[keys[i]]=c.dataset.v;});return o;});})()""" % year)


def check_year_values(b, asia, year):
    met = json.loads(run("metrics", asia, "--year", str(year), "--format", "json", "--permutations", "0"))
    shown = b.eval("[].map.call(document.querySelectorAll('#y%d .indices .index'),function(s){"
                   "return [s.dataset.key,s.dataset.v];})" % year)
    for key, v in shown:
        check(close(num(v), met["indices"][key]), "%d: %s shown %s, metrics %s" % (year, key, v, met["indices"][key]))
    check(len(shown) == 3, "%d: %d indices shown" % (year, len(shown)))
    # Their intervals: those of metrics' bootstrap at its defaults (1000 draws, seed 1, 95%).
    names = ("coordination", "unidirectionality", "closedness")
    bounds = json.loads(run("metrics", asia, "--year", str(year), "--format", "json", "--table", "system", "--measures",
                            ",".join("%s_%s" % (k, e) for k in names for e in ("lo", "hi"))))["system"]
    intervals = b.eval("[].map.call(document.querySelectorAll('#y%d .indices .index'),function(s){"
                       "var i=s.querySelector('.interval');return [s.dataset.key,i&&i.dataset.lo,i&&i.dataset.hi,"
                       "i&&i.offsetHeight>0];})" % year)
    check(len(intervals) == 3, "%d: %d intervals shown" % (year, len(intervals)))
    for key, lo, hi, visible in intervals:
        check(visible and close(num(lo), bounds[key + "_lo"]) and close(num(hi), bounds[key + "_hi"]),
              "%d: %s interval shown [%s, %s] (visible %s), metrics [%s, %s]"
              % (year, key, lo, hi, visible, bounds[key + "_lo"], bounds[key + "_hi"]))
    rows = state_table(b, year)
    want = {s["name"]: s for s in met["states"]}
    check(sorted(r["name"] for r in rows) == sorted(want), "%d: states shown %s, metrics %s"
          % (year, sorted(r["name"] for r in rows), sorted(want)))
    compared = 0
    for r in rows:
        w = want.get(r["name"], {})
        for key, v in r.items():
            if key == "name":
                continue
            if key == "role":
                check(v == w.get("role"), "%d %s: role %s, metrics %s" % (year, r["name"], v, w.get("role")))
            else:
                check(key in w and close(num(v), w[key]), "%d %s: %s shown %s, metrics %s"
                      % (year, r["name"], key, v, w.get(key)))
            compared += 1
    check(compared >= 12 * len(want), "%d: only %d state values compared" % (year, compared))
    # The mechanisms: classify with the report's redraws.
    cls = json.loads(run("classify", asia, "--year", str(year), "--format", "json", "--sensitivity", "200"))
    mrows = b.eval("""[].map.call(document.querySelectorAll('#y%d table.mechanisms tbody tr'),function(r){
        return {id:r.cells[0].dataset.v,type:r.cells[1].dataset.v,du:r.cells[3].dataset.v,dc:r.cells[4].dataset.v,
                agreement:r.cells[5].dataset.v,why:r.cells[6].textContent};})""" % year)
    want = {m["id"]: m for m in cls["mechanisms"]}
    check(sorted(m["id"] for m in mrows) == sorted(want), "%d: mechanisms %s, classify %s"
          % (year, [m["id"] for m in mrows], sorted(want)))
    for m in mrows:
        w = want.get(m["id"], {})
        check(m["type"] == (w.get("type") or "unclassified"), "%d %s: type %s, classify %s" % (year, m["id"], m["type"], w.get("type")))
        check(close(num(m["agreement"]), w.get("agreement")), "%d %s: agreement %s, classify %s"
              % (year, m["id"], m["agreement"], w.get("agreement")))
        # D1: the change is with less without.
        for shown_v, a, z in ((m["du"], "unidirectionality_with", "unidirectionality_without"),
                              (m["dc"], "closedness_with", "closedness_without")):
            want_v = None if w.get(a) is None or w.get(z) is None else w[a] - w[z]
            check(close(num(shown_v), want_v), "%d %s: change %s, classify %s" % (year, m["id"], shown_v, want_v))
        check(m["why"] == w.get("explanation"), "%d %s: explanation differs from classify's" % (year, m["id"]))


def main():
    if not H or not os.access(H, os.X_OK):
        print("HUBSPOKE does not name the built hubspoke")
        return 1
    if not os.access(cdp.CHROMIUM, os.X_OK):
        print("skipped: no Chromium at %s" % cdp.CHROMIUM)
        return 77
    try:
        import PIL  # noqa: F401
    except ImportError:
        print("skipped: python3-pil is not installed")
        return 77
    asia = os.path.join(SRC, "graphs", "asia-pacific.gv")
    with tempfile.TemporaryDirectory() as d:
        report = os.path.join(d, "report.html")
        run("report", asia, "--years", "%d:%d" % (FIRST, LAST), "-o", report)
        html = open(report, encoding="utf-8").read()
        # Self-contained: no reference to anything outside the file.
        outside = re.findall(r"""(?:src|href)\s*=\s*["'](?!#)([^"']*)""", html)
        check(not outside, "the report refers to other files: %s" % outside[:5])
        check(not re.search(r"@import|url\(\s*['\"]?(?:https?:|//)", html), "the report's CSS loads something")
        years = list(range(FIRST, LAST + 1))
        evolve = os.path.join(d, "evolve.svg")
        run("evolve", asia, "--years", ",".join(map(str, years)), "-o", evolve)

        with cdp.Browser() as b:
            b.viewport(1400, 1000)
            b.call("Network.enable", session=True)
            url = "file://" + report
            b.open(url)
            requests = [e["params"]["request"]["url"] for e in b.events if e.get("method") == "Network.requestWillBeSent"]
            check(requests and all(u.split("#")[0] == url for u in requests), "requests other than the file: %s" % requests)
            check(b.eval("document.documentElement.className") == "js", "the script did not run")
            check(current(b) == FIRST, "first year shown: %s" % current(b))
            check(visible_years(b) == [FIRST], "years visible with scripts on: %s" % visible_years(b))

            # The slider from the keyboard: 24 presses of the right arrow.
            b.eval("document.getElementById('year').focus()")
            check(b.eval("document.activeElement.id") == "year", "the slider takes the focus")
            target = 2014
            for _ in range(target - FIRST):
                b.key("ArrowRight", keycode=39)
            check(current(b) == target, "after %d presses: %s, not %d" % (target - FIRST, current(b), target))
            check(b.eval("document.getElementById('year-out').textContent") == str(target), "the year shown")
            check(b.eval("location.hash") == "#%d" % target, "the address: %s" % b.eval("location.hash"))
            check(visible_years(b) == [target], "years visible: %s" % visible_years(b))
            b.key("End", keycode=35)
            check(current(b) == LAST, "End: %s" % current(b))
            b.key("Home", keycode=36)
            b.key("ArrowRight", keycode=39)
            check(current(b) == FIRST + 1, "Home, right: %s" % current(b))

            # What is on the screen: the network of 2014 is evolve's panel of 2014.
            b.open(url + "#%d" % target)
            check(current(b) == target, "the address opens its year: %s" % current(b))
            shown = shot_of(b, "#y%d svg.net" % target)
            check_year_values(b, asia, target)
            for y in (FIRST + 9, LAST):
                b.open(url + "#%d" % y)
                check_year_values(b, asia, y)

            b.open("file://" + panel_page(evolve, target, d))
            want = shot_of(b, "#p")
            b.open("file://" + panel_page(evolve, target - 1, d))
            other = shot_of(b, "#p")
            same, differ = changed(shown, want), changed(shown, other)
            print("network of %d, %dx%d px: %.3f%% of pixels differ from evolve's panel of %d, %.3f%% from %d's"
                  % (target, shown.size[0], shown.size[1], same, target, differ, target - 1))
            check(shown.size == want.size, "network of %d: %s on screen, the panel %s" % (target, shown.size, want.size))
            check(same < 0.05, "network of %d: %.3f%% of its pixels differ from evolve's panel" % (target, same))
            check(differ > 10 * same + 0.2, "network of %d is as close to %d's panel (%.3f%%) as to its own (%.3f%%)"
                  % (target, target - 1, differ, same))

            # Sorting: by degree, descending on the second press.
            b.open(url + "#%d" % target)
            order = "[].map.call(document.querySelectorAll('#y%d table.states tbody tr'),function(r){return +r.cells[2].dataset.v;})" % target
            b.eval("document.querySelector('#y%d table.states th[data-key=degree] button').focus()" % target)
            b.key("Enter", keycode=13)
            asc = b.eval(order)
            check(asc == sorted(asc), "degree ascending: %s" % asc)
            b.key("Enter", keycode=13)
            desc = b.eval(order)
            check(desc == sorted(desc, reverse=True) and desc != asc, "degree descending: %s" % desc)

            # Play: the year moves on; Pause stops it.
            b.open(url + "#%d" % 2000)
            b.eval("document.getElementById('play').focus()")
            b.key(" ", code="Space", keycode=32)
            time.sleep(2.2)
            b.key(" ", code="Space", keycode=32)
            moved = current(b)
            check(moved is not None and moved >= 2002, "Play for 2.2 s moved 2000 to %s" % moved)
            time.sleep(1.2)
            check(current(b) == moved, "Pause: still moving (%s, then %s)" % (moved, current(b)))

            # Scripts off: the printable fallback shows everything.
            b.scripts(False)
            b.open(url)
            check(b.eval("document.documentElement.className") == "no-js", "scripts off, the script ran")
            check(visible_years(b) == years, "scripts off: years visible %s" % visible_years(b))
            counts = b.eval("[document.querySelectorAll('section.year svg.net').length,"
                            "[].filter.call(document.querySelectorAll('svg.net'),function(s){return s.getBoundingClientRect().height>100;}).length,"
                            "document.querySelectorAll('section.year table.states').length,"
                            "document.querySelector('.controls').offsetHeight]")
            check(counts[:3] == [len(years)] * 3 and counts[3] == 0, "scripts off: networks, shown, tables, controls %s" % counts)
    return summary("report browser")


if __name__ == "__main__":
    sys.exit(main())
