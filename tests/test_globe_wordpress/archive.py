"""A small archive of international.brussels as WordPress exports it: French, Dutch and
English posts (some translating each other), pages in a hierarchy, captions, a gallery,
embeds, featured images, drafts, odd HTML and non-ASCII names."""

from __future__ import annotations

from pathlib import Path

from contentkit import write_image
from wxr_export import Post, attachment, wxr

SITE = "http://international.brussels"
UP = f"{SITE}/wp-content/uploads"

ODD_HTML = """<div class="entry"><h1>Un titre de trop</h1>
<p style="color:red"><span style="font-weight:bold"><font face="Arial">Texte en gras
</font></span> avec <b>du gras</b> et un <a href="javascript:alert(1)">lien piégé</a>.</p>
<script>alert("x")</script><style>p {{ color: red }}</style>
<p>Les signes &lt;script&gt; et 3 &lt; 4 &amp; 5 restent du texte.</p>
#hashtag en début de ligne

Lire <a href="{site}/2020/03/%c3%a9%c3%a9n-webinar/?lang=nl">le webinaire</a>
et <a href="{site}/?p=104">la version anglaise</a>. Voir <a
href="{site}/wp-content/uploads/2021/10/Rapport%20annuel.pdf">le rapport</a> et
<a href="{site}/category/actualites/">les actualités</a>.
[contact-form-7 id="12" title="Contact"]
Un [sic] reste tel quel.</div>"""


def posts() -> list[Post]:
    return [
        Post(101, "Visite à Ankara : la Région en Turquie", "visite-a-ankara",
             "2021-10-29 10:00:00", lang="fr", group=500,
             link=f"{SITE}/2021/10/visite-a-ankara/",
             categories=[("relations-bilaterales", "Relations bilatérales")],
             tags=["Turquie", "Ankara"], thumbnail=900,
             excerpt="<p>Une délégation bruxelloise <em>en Turquie</em>.</p>",
             content=(
                 "Une délégation s'est rendue à Ankara.\n\n"
                 f'[caption id="attachment_901" align="aligncenter" width="1024"]'
                 f'<a href="{UP}/2021/10/hotel-de-ville.jpg"><img class="size-large" '
                 f'src="{UP}/2021/10/hotel-de-ville-1024x576.jpg" alt="La délégation devant '
                 f'l\'hôtel de ville" width="1024" height="576" /></a> Réunion à l\'hôtel '
                 "de ville[/caption]\n\n"
                 "Galerie :\n\n[gallery ids=\"902,903\"]\n\n"
                 "[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]\n\n"
                 "https://vimeo.com/76979871\n\n"
                 '<iframe src="https://www.openstreetmap.org/export/embed.html?bbox=4.3,50.8,'
                 '4.4,50.9" width="425" height="350"></iframe>\n\n'
                 + ODD_HTML.format(site=SITE))),
        Post(102, "Bezoek aan Ankara", "bezoek-aan-ankara", "2021-10-29 10:05:00",
             lang="nl", group=500, link=f"{SITE}/2021/10/bezoek-aan-ankara/?lang=nl",
             categories=[("bilaterale-betrekkingen", "Bilaterale betrekkingen")],
             content=f'Een delegatie in Ankara.\n\n<img src="{UP}/2021/10/hotel-de-ville.jpg" '
                     'alt="De delegatie voor het stadhuis" />'),
        Post(103, "Webinar, de ster van de lockdown — één", "%c3%a9%c3%a9n-webinar",
             "2020-03-20 09:00:00", lang="nl", group=501,
             link=f"{SITE}/2020/03/%c3%a9%c3%a9n-webinar/?lang=nl",
             categories=[("varia-nl", "Varia")], content="Tekst over het webinar."),
        Post(104, "Brussels at the Expo", "brussels-at-the-expo", "2019-05-02 08:30:00",
             lang="en", group=502, link=f"{SITE}/2019/05/brussels-at-the-expo/?lang=en",
             categories=[("sport-and-leisure", "Sport and leisure")],
             content="English text."),
        Post(105, "Brouillon sans nom", "", "2022-01-10 12:00:00", status="draft",
             lang="fr", group=503, categories=[("varia", "Varia")],
             content="Pas encore prêt."),
        Post(106, "Été à Bruxelles", "%c3%a9t%c3%a9-%c3%a0-bruxelles", "2019-07-14 18:00:00",
             lang="fr", group=504, link=f"{SITE}/2019/07/%c3%a9t%c3%a9-%c3%a0-bruxelles/",
             categories=[("varia", "Varia")],
             content=f'Un été.\n\n<img src="{UP}/2019/07/soleil.jpg" alt="Le soleil" />'),
        Post(107, "Image sans description", "image-sans-description", "2019-08-01 08:00:00",
             lang="fr", group=505, link=f"{SITE}/2019/08/image-sans-description/",
             categories=[("varia", "Varia")],
             content=f'Avant.\n\n<img src="{UP}/2019/08/sans-alt.jpg" />\n\nAprès.'),
        Post(200, "À propos de Brussels International", "a-propos-de-brussels-international",
             type="page", lang="fr", group=600,
             link=f"{SITE}/a-propos-de-brussels-international/",
             content="<h2>Qui sommes-nous</h2>Brussels International…"),
        Post(203, "Who are we", "who-are-we", type="page", lang="en", group=601,
             link=f"{SITE}/who-are-we/?lang=en", content="We are…"),
        Post(205, "Qui sommes-nous", "qui-sommes-nous", type="page", lang="fr", group=601,
             link=f"{SITE}/qui-sommes-nous/", content="Nous sommes…"),
        Post(201, "Missions", "missions", type="page", lang="en", group=602, parent=203,
             link=f"{SITE}/who-are-we/missions/?lang=en", content="Our missions."),
        Post(204, "Missions", "missions", type="page", lang="fr", group=602, parent=205,
             link=f"{SITE}/qui-sommes-nous/missions/", content="Nos missions."),
        attachment(900, f"{UP}/2021/10/ankara.jpg", alt="Vue d'Ankara au crépuscule",
                   caption="Ankara, octobre 2021", parent=101),
        attachment(901, f"{UP}/2021/10/hotel-de-ville.jpg", alt="", parent=101),
        attachment(902, f"{UP}/2021/10/galerie-1.jpg", alt="Signature de l'accord",
                   caption="La signature", parent=101),
        attachment(903, f"{UP}/2021/10/galerie-2.jpg", alt="Photo de groupe", parent=101),
    ]


def write_archive(root: Path) -> tuple[Path, Path]:
    """The export file and a copy of wp-content/uploads; returns both paths."""
    uploads = root / "uploads"
    colours = {"2021/10/ankara.jpg": (200, 40, 40), "2021/10/hotel-de-ville.jpg": (40, 200, 40),
               "2021/10/hotel-de-ville-1024x576.jpg": (40, 190, 40),
               "2021/10/galerie-1.jpg": (40, 40, 200), "2021/10/galerie-2.jpg": (90, 90, 9),
               "2019/07/soleil.jpg": (250, 200, 0), "2019/08/sans-alt.jpg": (9, 9, 9)}
    for name, colour in colours.items():
        write_image(uploads / name, size=(320, 180), colour=colour)
    (uploads / "2021/10/Rapport annuel.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    export = root / "export.xml"
    export.write_text(wxr(SITE, posts()), encoding="utf-8")
    return export, uploads
