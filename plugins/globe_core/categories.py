"""The fixed category keys and their labels in each language."""

from __future__ import annotations

CATEGORY_LABELS = {
    "europe": {
        "fr": "Affaires européennes et multilatérales",
        "nl": "Europese en multilaterale zaken",
        "en": "European and multilateral affairs",
    },
    "networks": {
        "fr": "Réseaux de villes et de régions",
        "nl": "Steden- en regionetwerken",
        "en": "City and region networks",
    },
    "bilateral": {
        "fr": "Relations bilatérales",
        "nl": "Bilaterale betrekkingen",
        "en": "Bilateral relations",
    },
    "development": {
        "fr": "Coopération au développement",
        "nl": "Ontwikkelingssamenwerking",
        "en": "Development cooperation",
    },
    "events": {
        "fr": "Relations publiques et grands événements",
        "nl": "Public relations en grote evenementen",
        "en": "Public relations and major events",
    },
    "erdf": {
        "fr": "FEDER et Beliris",
        "nl": "EFRO en Beliris",
        "en": "ERDF and Beliris",
    },
    # Missions abroad and work with partners; labelled so that a reader can tell it
    # from development cooperation in the Topics menu.
    "cooperation": {
        "fr": "Missions et partenariats",
        "nl": "Missies en partnerschappen",
        "en": "Missions and partnerships",
    },
    "varia": {"fr": "Varia", "nl": "Varia", "en": "Varia"},
}


# Labels used before, still understood in existing files.
FORMER_LABELS = {"cooperation": {"fr": "Coopération", "nl": "Samenwerking"}}


def category_key(value: str, lang: str, labels=CATEGORY_LABELS) -> str | None:
    """The key a writer meant: the key itself, or its label in the article's language."""
    wanted = value.strip().casefold()
    for key, by_lang in labels.items():
        former = FORMER_LABELS.get(key, {}).get(lang, "")
        if wanted in (key, by_lang.get(lang, "").casefold(), former.casefold()):
            return key
    return None
