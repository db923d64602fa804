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
    "cooperation": {
        "fr": "Coopération",
        "nl": "Samenwerking",
        "en": "Cooperation",
    },
    "varia": {"fr": "Varia", "nl": "Varia", "en": "Varia"},
}


def category_key(value: str, lang: str, labels=CATEGORY_LABELS) -> str | None:
    """The key a writer meant: the key itself, or its label in the article's language."""
    wanted = value.strip().casefold()
    for key, by_lang in labels.items():
        if wanted == key or wanted == by_lang.get(lang, "").casefold():
            return key
    return None
