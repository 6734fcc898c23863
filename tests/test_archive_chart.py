"""The SVG chart of articles per day per outlet (kliping.archive.chart), on hostile rows."""
import xml.etree.ElementTree as ET

from kliping.archive.chart import MAX_OUTLETS, OTHER, per_day_svg

NS = "{http://www.w3.org/2000/svg}"


def parts(svg: str):
    root = ET.fromstring(svg)  # well-formed XML, whatever the outlet names hold
    bars = [r.find(NS + "title").text for r in root.iter(NS + "rect") if r.get("class") == "bar"]
    legend = [t.text for g in root.iter(NS + "g") if g.get("class") == "legend" for t in g.iter(NS + "text")]
    return root, bars, legend


def test_stacked_bars_one_segment_per_day_and_outlet():
    rows = [("2021-12-30", "inews", 2), ("2021-12-30", "kompas", 1), ("2021-12-31", "inews", 3)]
    _, bars, legend = parts(per_day_svg(rows))
    assert sorted(bars) == ["2021-12-30 inews: 2", "2021-12-30 kompas: 1", "2021-12-31 inews: 3"]
    assert legend == ["inews (5)", "kompas (1)"]


def test_many_outlets_sum_as_other_and_bad_rows_are_left_out():
    rows = [("2021-12-01", f"outlet{i:02}", 20 - i) for i in range(12)]
    rows += [("not a day", "x", 5), ("2021-13-40", "y", 1), ("2021-12-03", "<b>&amp;</b>", 1)]
    root, bars, legend = parts(per_day_svg(rows))
    assert len(legend) == MAX_OUTLETS + 1 and legend[-1].startswith(f"{OTHER} (")
    others = sum(20 - i for i in range(MAX_OUTLETS, 12)) + 1
    assert legend[-1] == f"{OTHER} ({others})" and f"2021-12-01 {OTHER}: {others - 1}" in bars
    assert "2021-12-03 other: 1" in bars and not any("x" == b.split()[1] for b in bars)
    days = [t.text for t in root.iter(NS + "text") if t.text and t.text.startswith("2021-")]
    assert days == ["2021-12-01", "2021-12-02", "2021-12-03"]  # an empty day between is drawn


def test_no_rows_says_so():
    root, bars, _ = parts(per_day_svg([]))
    assert bars == [] and "No dated articles yet" in "".join(root.itertext())


def test_outlet_names_are_text_not_markup():
    _, bars, legend = parts(per_day_svg([("2021-12-01", '<b>&amp;"</b>', 1)]))
    assert legend == ['<b>&amp;"</b> (1)'] and bars == ['2021-12-01 <b>&amp;"</b>: 1']
