"""Furniture of pages from the open web (issue 17) in the languages hosts without a rule
write: links to other stories under a "read also" label, the section of other stories
under the article, subscription and newsletter prompts, photo credits, "updated on" stamps.

The generic rule knew these only in Indonesian and English, so on German, French, Spanish
or Polish pages they stayed in the text (trafilatura's evaluation set counts them as
unwanted); each case below is a hand-made page shaped like the real ones, with the
article's own sentences that look like furniture (hostile cases) beside them.
"""
from __future__ import annotations

from kliping.cleaner import clean_text, load_rules

RULES = load_rules()
_DE = [
    "Der Stadtrat hat am Dienstag beschlossen, die Öffnungszeiten der Bibliothek zu verlängern.",
    "Die längeren Zeiten sollen vor allem Studierenden helfen, die tagsüber arbeiten müssen.",
    "Die Änderung gilt ab dem nächsten Monat und wird nach einem Jahr überprüft, sagte die Bürgermeisterin.",
    "Das Personal begrüßte den Beschluss, forderte aber zwei zusätzliche Stellen für die Abende.",
]


def page(body: str, lang: str = "de") -> str:
    """A whole HTML page with its article in `body`."""
    return (f"<!DOCTYPE html><html lang='{lang}'><head><title>Bibliothek länger geöffnet | Example</title>"
            "<meta property='og:type' content='article'></head>"
            f"<body><article><h1>Bibliothek länger geöffnet</h1>{body}</article></body></html>")


def paras(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def clean_page(body: str, lang: str = "de"):
    return clean_text(page(body, lang), "story.html", url="https://example.org/2022/03/bibliothek", rules=RULES,
                      content_type="text/html")


def test_read_also_labels_in_other_languages_are_related_links():
    """"Lesen Sie auch: …", "À lire aussi » …", "LE PUEDE INTERESAR: …", "Czytaj też: …"
    between paragraphs link to another story: related, not text. A sentence starting
    with the same words ("Lesen Sie auch die …") is text."""
    links = ["<p>Lesen Sie auch: <a href='/a'>Neue Bücherei in Altona eröffnet</a></p>",
             "<p>À lire aussi » <a href='/b'>Ballonnements, lourdeurs : quel est votre profil ?</a></p>",
             "<p>LE PUEDE INTERESAR: <a href='/c'>La ficha del expresidente en Nueva York</a></p>",
             "<p>Czytaj też: <a href='/d'>Wyścig zbrojeń ruszył z kopyta</a></p>"]
    hostile = "Lesen Sie auch die Stellungnahme des Personalrats, die der Redaktion vorliegt und klar ist."
    body = (f"<p>{_DE[0]}</p>" + links[0] + f"<p>{_DE[1]}</p>" + links[1] + f"<p>{hostile}</p>"
                       + links[2] + f"<p>{_DE[2]}</p>" + links[3] + f"<p>{_DE[3]}</p>")
    art = clean_page(body)
    assert all(p in art.text for p in _DE) and hostile in art.text
    for gone in ("Altona", "Ballonnements", "Nueva York", "Wyścig", "LE PUEDE", "Czytaj"):
        assert gone not in art.text
    assert "Neue Bücherei in Altona eröffnet" in art.related


def test_the_section_of_other_stories_under_the_article_ends_it():
    """"NOTAS RELACIONADAS", "Das könnte dich auch interessieren:", "Mehr zum Thema auf
    example.de", "Auch auf example.de" over other stories' titles and teasers: the article
    has ended. Above the article's text (a label over the first paragraph) nothing ends."""
    teasers = "<p>Hackers ofrecen descuento al Gobierno</p><p>Jueves 21 abril, 2022</p><p>Sin embargo, la ministra dijo que no.</p>"
    for label in ("NOTAS RELACIONADAS", "Das könnte dich auch interessieren:", "Mehr zum Thema auf example.de",
                  "Auch auf gofeminin.de", "Zum Weiterlesen:", "Mehr Themen:", "Ähnliche Artikel"):
        art = clean_page(paras(_DE) + f"<h3>{label}</h3>" + teasers)
        assert all(p in art.text for p in _DE), label
        assert "Hackers" not in art.text and "ministra" not in art.text and label not in art.text, label


def test_subscription_and_newsletter_prompts_are_left_out():
    """A paywall's or a newsletter's call under or inside the article is furniture; the
    article's own sentence about a newsletter or a subscription is text."""
    prompts = ["Subscribe now to our eNATION edition for the full story.",
               "To view the full story, please subscribe to The Daily Times. You can choose an annual plan.",
               "If you’re seeing this message but you’re already a subscriber, you can log in for immediate access to this story.",
               "For the latest stories and breaking news updates download the Nation apps for iOS and Android.",
               "Never miss the latest news by signing up to our newsletter today!",
               "Zum Newsletter anmelden",
               "Mit unserem Newsletter erhalten Sie monatlich Informationen rund um das Urlaubsland und exklusive Angebote!",
               "We want to hear what you think about this article. Submit a letter to the editor or write to letters@example.com.",
               "Zapraszamy też do subskrypcji tygodnika – www.example.pl i oglądania audycji.",
               "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
               "Sie sind aktuell nicht eingeloggt."]
    hostile = ["Der Verlag will seinen Newsletter künftig auch an Abonnenten der gedruckten Ausgabe verschicken.",
               "Readers who subscribe to the paper's print edition will pay ten percent more from April."]
    art = clean_page(paras(_DE[:2] + hostile[:1]) + paras(prompts[:6]) + paras(_DE[2:] + hostile[1:])
                     + paras(prompts[6:]))
    assert all(p in art.text for p in _DE + hostile)
    for prompt in prompts:
        assert prompt not in art.text, prompt


def test_photo_credits_in_other_languages_are_captions():
    """"Titelbild: …", "Beitragsbild: …", "Crédits photos : …", "Image illustrative : …",
    "(Credit: …)" credit a photo; a sentence naming a picture is text."""
    credits = ["Titelbild: Geyres Christophe/ABACA/picture-alliance", "Beitragsbild: Titelseite der FAZ vom 2.4.2019",
               "Crédits photos : Bestimage", "Image illustrative : Lego Minifigures by Ninja Brick",
               "(Credit: Clayton Aldern / Grist)", "Bildquelle: Pixabay"]
    hostile = "Das Titelbild der ersten Ausgabe zeigt die Bibliothek im Winter, fotografiert vom Turm der Kirche."
    art = clean_page(paras(_DE[:2]) + paras(credits[:3]) + f"<p>{hostile}</p>" + paras(_DE[2:]) + paras(credits[3:]))
    assert all(p in art.text for p in _DE) and hostile in art.text
    for credit in credits:
        assert credit not in art.text, credit


def test_updated_stamps_and_comment_counters_are_left_out():
    """"Aktualisiert am 17.01.2021.", "Letzte Änderung 14.02.2019" under the article, a
    comment box's "Keine Kommentare (…)" are furniture, not text. An analysis headed
    "Kommentar" / "Komentarz" is the article's."""
    stamps = ["Aktualisiert am 17.01.2021.", "Letzte Änderung 14.02.2019", "Mis à jour le 03.03.2022"]
    comments = "<p>Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)</p><p>Schreiben Sie uns Ihre Meinung.</p>"
    analysis = "<h2>Komentarz</h2><p>Die Entscheidung zeigt, dass der Rat die Bibliothek als Ort des Lernens ernst nimmt.</p>"
    art = clean_page(paras(_DE[:3]) + analysis + paras(_DE[3:]) + paras(stamps) + comments)
    assert all(p in art.text for p in _DE) and "Komentarz" in art.text and "Ort des Lernens" in art.text
    assert not any(s in art.text for s in stamps)
    assert "Kommentare" not in art.text and "Meinung" not in art.text


def test_a_press_release_ends_at_its_contact_block():
    """A press release closes with "Pressekontakt:", "Ansprechpartnerin zum Thema:",
    "Originalpublikation", "Über diese Reihe" over names, addresses and a publisher's
    blurb: the article has ended. A "Kontakt" in a sentence is text."""
    hostile = "Der Kontakt zwischen Rat und Personal soll künftig jeden Monat in einer Sitzung gepflegt werden."
    trailer = "<p>Dr. Erika Muster</p><p>Telefon 030 123456</p><p>Die Stiftung ist in 110 Ländern vertreten.</p>"
    for label in ("Pressekontakt:", "Ansprechpartnerin zum Thema:", "Originalpublikation", "Über diese Reihe",
                  "Media contact", "Quellenangaben:"):
        art = clean_page(paras(_DE[:2]) + f"<p>{hostile}</p>" + paras(_DE[2:]) + f"<h3>{label}</h3>" + trailer)
        assert all(p in art.text for p in _DE) and hostile in art.text, label
        assert "Telefon" not in art.text and "110 Ländern" not in art.text and label not in art.text, label


def test_copyright_affiliate_and_consent_notices_are_left_out():
    """A long copyright notice ("© 2022, Example.com. This article is the copyrighted
    property of …"), an affiliate disclosure, a sign-up form's consent line, a table of
    contents' label and an image's button are furniture; a sentence about affiliate links
    or copyright is text."""
    notices = ["© 2022, ExampleNews.com. This article is the copyrighted property of Example News. Written permission "
               "must be obtained before reprint in online or print media. REPRINTING WITHOUT PERMISSION IS PROHIBITED.",
               "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links / "
               "Bilder von der Amazon Product Advertising API",
               "Anzeige, enthält Affiliate Links",
               "Mit der Registrierung akzeptieren Sie unsere Datenschutz- und Nutzungsbedingungen.",
               "Inhaltsverzeichnis", "Bild anzeigen"]
    hostile = ["Viele Blogs verdienen ihr Geld heute mit Affiliate-Links, sagte die Bibliothekarin im Vortrag.",
               "Das Copyright der alten Stadtchronik liegt seit 1990 bei der Bibliothek selbst."]
    art = clean_page(paras(notices[4:]) + paras(_DE[:2] + hostile) + paras(notices[2:4]) + paras(_DE[2:])
                     + paras(notices[:2]))
    assert all(p in art.text for p in _DE + hostile)
    for notice in notices:
        assert notice not in art.text, notice


def test_a_blog_on_a_blog_platforms_host_in_another_language_is_read_by_the_generic_path():
    """A German blog at example.wordpress.com is no mirror of Indonesian news: its host
    alone does not send it to `blogmirror` (whose header rules dropped its first
    paragraph, a line ending in a colon over a podcast's title). The same host holding an
    Indonesian news copy still goes to `blogmirror`."""
    first = ("Dank Kabelanschluss kann ich auch hier Bayern 2 hören. Da läuft gerade ein spannendes "
             "Feature zum Thema:")
    body = ("<div class='post'><h2 class='entry-title'>Was zum Hören in den Ferien</h2><div class='entry-content'>"
            f"<p>{first}</p><p><strong>Freude, Falle, Frust: Der Mutterliebe zarte Sorgen</strong></p>"
            + paras(_DE) + "</div></div>")
    html = ("<!DOCTYPE html><html lang='de'><head><title>Was zum Hören in den Ferien | Blog</title>"
            "<meta name='generator' content='WordPress.com'></head><body>" + body + "</body></html>")
    art = clean_text(html, "blog.html", url="https://example.wordpress.com/2012/08/22/ferien/", rules=RULES,
                     content_type="text/html")
    assert art.outlet == "generic"
    assert first in art.text and all(p in art.text for p in _DE)
    copy = ["JAKARTA - Presiden meminta para menteri untuk segera menyelesaikan program yang sudah direncanakan.",
            "Menurut dia, program itu akan dibahas dalam rapat kabinet pada pekan depan di Istana.",
            "Para menteri diminta untuk tidak membuat kebijakan yang tidak sejalan dengan program itu."]
    html = ("<!DOCTYPE html><html lang='en-US'><head><title>Presiden Minta Menteri Kerja Cepat</title></head><body>"
            "<div class='post'><h2 class='entry-title'>Presiden Minta Menteri Kerja Cepat</h2>"
            "<div class='entry-content'>" + paras(copy) + "</div></div></body></html>")
    art = clean_text(html, "copy.html", url="https://beritadunia.wordpress.com/2021/12/presiden/", rules=RULES,
                     content_type="text/html")
    assert art.outlet == "blogmirror" and "Menurut dia, program itu" in art.text


def test_source_lines_disclaimers_and_a_further_information_label_are_not_text():
    """"Quelle: Landesregierung" under a paragraph credits its source (as a photo's
    credit); "(Alle Angaben ohne Gewähr)" is a disclaimer; "Weitere Informationen zum
    Thema:" and "Kontakt:" over links and addresses end the article. A subheading
    "Weitere Informationen" over a paragraph, and a sentence naming a source, are text."""
    hostile = ["Als Quelle nennt die Stadt eine Umfrage unter 2000 Nutzerinnen und Nutzern im Herbst.",
               "Die Bibliothek hat dazu noch viele weitere Informationen über ihre Angebote veröffentlicht."]
    subheading = "<h3>Weitere Informationen</h3><p>Die Ausleihe bleibt wie bisher kostenlos für alle Kinder.</p>"
    trailer = "<p><a href='/a'>Satzung der Bibliothek</a></p><p>Telefon 030 123456</p>"
    for label in ("Weitere Informationen zum Thema:", "Kontakt:"):
        art = clean_page(paras(_DE[:2]) + "<p>Quelle: Landesregierung</p><p>(Alle Angaben ohne Gewähr)</p>"
                         + subheading + paras(hostile + _DE[2:]) + f"<p>{label}</p>" + trailer)
        assert all(p in art.text for p in _DE + hostile) and "Ausleihe bleibt" in art.text, label
        assert "Landesregierung" not in art.text and "Gewähr" not in art.text, label
        assert "Satzung" not in art.text and "Telefon" not in art.text and label not in art.text, label


def test_sign_offs_with_an_agency_and_calls_to_follow_or_support_are_left_out():
    """"aja/PAP" (the editor's initials and the agency, Polish and German wires), "Puede
    escribirnos … o suscribirse aquí a nuestra newsletter.", "Unterstütze Example bereits
    mit 2,50!", "… Einfach hier klicken und registrieren!" are furniture; a sentence about
    support in euros, an abbreviation with a slash ("EU/USA") are text."""
    furniture = ["aja/PAP", "Puede escribirnos a redaccion@example.com o seguir a Materia en Facebook o suscribirse aquí "
                 "a nuestra newsletter.", "Unterstütze ExampleMag bereits mit 2,50!",
                 "DHB jetzt auch digital!Einfach hier klicken und für das digitale DHB registrieren!"]
    hostile = ["Die Stadt unterstützt die Bibliothek bereits mit 250.000 Euro im Jahr, sagte die Kämmerin.",
               "EU/USA"]
    art = clean_page(paras(_DE[:2] + furniture[1:3] + hostile + _DE[2:] + furniture[3:] + furniture[:1]))
    assert all(p in art.text for p in _DE + hostile)
    for line in furniture:
        assert line not in art.text, line
