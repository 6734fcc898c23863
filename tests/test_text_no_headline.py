"""Pages with no headline (page 2 of a story, a video page's summary) open with a
paragraph: a title is never a whole paragraph of prose with a sentence or a quote
closed inside it (kliping/cleaner/text/headline.py, `_title_index`)."""
import pytest

from kliping.cleaner import clean_text


_QUOTE = ("\"Kami sudah menutup jalur di depan balai kota, di simpang pasar dan di jembatan lama,\" "
          "kata kepala satuan lalu lintas itu kepada wartawan di lokasi penjagaan pada Sabtu pagi")
_SUMMARY = ("Warga bantaran sungai mulai mengungsi ke posko sejak Senin malam. Petugas mendirikan "
            "tenda darurat dan dapur umum di halaman kantor kecamatan hingga banjir surut")
_MORE = "Petugas gabungan masih berjaga di sejumlah titik hingga sore hari, katanya."


@pytest.mark.parametrize("opening", [_QUOTE, _SUMMARY])
def test_a_paragraph_of_prose_first_is_not_the_headline(rules, opening):
    art = clean_text(f"{opening}\n\n{_MORE}\n\n(abc/def)\n", rules=rules, outlet="generic")
    assert art.title is None
    assert art.paragraphs[0] == opening


def test_a_long_headline_with_a_quote_is_still_the_headline(rules):
    title = "Menteri: \"Harga Beras Akan Turun,\" Pedagang Pasar Induk Belum Yakin"
    art = clean_text(f"{title}\n\nJAKARTA - Menteri perdagangan menyatakan harga beras akan turun pekan depan."
                     f"\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.title == title


def test_a_title_case_headline_with_a_stray_full_stop_is_still_the_headline(rules):
    """A headline in title case may end in a full stop ("… Berbagai Ujian dan
    Tantangan."): over the date line and the lead it is the headline, not a standfirst;
    a sentence first in sentence case is still none."""
    title = "Pasar Lama Kota Berusia Seratus Tahun, Suatu Usia yang Sudah Melewati Berbagai Ujian dan Tantangan."
    lead = "KABAR KOTA - Pasar lama di pusat kota genap berusia seratus tahun pada pekan ini, kata pengelolanya."
    art = clean_text(f"{title}\n\n- 24 Maret 2024, 22:51 WIB\n{lead}\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.title == title
    assert art.description is None
    sentence = "Pasar lama kota berusia seratus tahun dan sudah melewati berbagai ujian serta tantangan."
    art = clean_text(f"{sentence}\n\n- 24 Maret 2024, 22:51 WIB\n{lead}\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.title != sentence


_ZH_LEAD = "雅加达市政府表示，为迎接下周举行的地区会议，市中心的道路和会场都已经准备就绪。"
_ZH_MORE = ("市长在周一对记者说，所有的准备工作将在会议开幕前三天完成。\n\n"
            "他说，警方将在会场周围的主要道路上部署交通管制人员。")


def test_a_chinese_sentence_first_is_not_the_headline(rules):
    """A translated edition's page cut before its headline opens with the lead, which
    ends in a CJK full stop: a sentence, not the title (the Latin check asked for '.')."""
    art = clean_text(f"{_ZH_LEAD}\n{_ZH_MORE}\n", rules=rules, outlet="generic")
    assert art.title is None
    assert art.paragraphs[0] == _ZH_LEAD


def test_a_chinese_headline_is_still_the_headline(rules):
    title = "雅加达为地区会议做好准备"
    art = clean_text(f"{title}\n{_ZH_LEAD}\n{_ZH_MORE}\n", rules=rules, outlet="generic")
    assert art.title == title


def test_a_japanese_headline_with_its_stop_over_the_lead_is_the_headline(rules):
    """VOI's Japanese edition ends some headlines in "。": over the lead's dateline it is one."""
    title = "ジャカルタ市は来週の地域会議に向けて準備を完了した。"
    lead = "【ジャカルタ】ジャカルタ市長は月曜日、会場と市内中心部の道路の準備がすべて整ったと述べた。"
    art = clean_text(f"{title}\n\n{lead}\n\n市長によると、警察は会場周辺の主要道路に交通整理の要員を配置する。\n",
                     rules=rules, outlet="voi")
    assert art.title == title
