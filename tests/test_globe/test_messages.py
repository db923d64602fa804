"""Every message the `globe` command prints is translated, and shown in the user's language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from contentkit import article, write_tree
from test_globe_newsletter.kit import edition, write_site

from globe_core import messages
from globe_core.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"
TRANSLATIONS = PLUGINS / "globe_core" / "translations"
GLOBE = str(Path(sys.executable).with_name("globe"))
LOCALE_VARIABLES = ("GLOBE_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def extracted_msgids() -> set[str]:
    found = extract_from_dir(str(PLUGINS), [("**.py", "python")], keywords={"_": None})
    return {message for _file, _line, message, _comments, _context in found}


def catalogue(lang):
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "globe.po", "rb") as po:
        return read_po(po, locale=lang)


def test_the_plugins_have_messages_to_translate():
    msgids = extracted_msgids()
    assert "unknown category `%(value)s`" in msgids and "error" in msgids
    assert "Check failed: %(count)s problem(s)." in msgids
    assert len(msgids) > 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(lang):
    cat = catalogue(lang)
    translated = {m.id: m for m in cat if m.id}
    problems = []
    for msgid in sorted(extracted_msgids()):
        message = translated.get(msgid)
        if message is None:
            problems.append(f"missing: {msgid!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        elif not message.string:
            problems.append(f"untranslated: {msgid!r}")
    problems += [f"{m.id!r}: {[str(e) for e in errors]}" for m, errors in cat.check()]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_french_and_dutch_messages_are_not_left_in_english(lang):
    translated = {m.id: m.string for m in catalogue(lang) if m.id}
    english = [msgid for msgid in extracted_msgids()
               if len(msgid) > 6 and translated.get(msgid) == msgid]
    assert not english


@pytest.fixture
def environment(monkeypatch):
    """A clean locale environment; the language is chosen again, and forgotten after."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    messages.cli_language.cache_clear()
    yield monkeypatch
    messages.cli_language.cache_clear()


@pytest.mark.parametrize("variables, expected", [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "fr_BE.UTF-8"}, "fr"),
    ({"LANG": "nl_BE.UTF-8"}, "nl"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LC_ALL": "nl_BE.UTF-8", "LANG": "fr_BE.UTF-8"}, "nl"),
    ({"LC_MESSAGES": "fr_BE.UTF-8", "LANG": "nl_BE.UTF-8"}, "fr"),
    ({"LANGUAGE": "de:nl", "LANG": "fr_BE.UTF-8"}, "nl"),
    ({"LC_ALL": "C", "LANG": "fr_BE.UTF-8"}, "fr"),
    ({"GLOBE_LANG": "en", "LANG": "fr_BE.UTF-8"}, "en"),
    ({"GLOBE_LANG": "nl", "LC_ALL": "fr_BE.UTF-8"}, "nl"),
])
def test_the_language_follows_the_environment(environment, variables, expected):
    for name, value in variables.items():
        environment.setenv(name, value)
    assert messages.cli_language() == expected


def test_messages_are_translated_then_filled_in(environment):
    environment.setenv("GLOBE_LANG", "nl")
    assert messages._("error") == "fout"
    assert messages._("unknown category `%(value)s`", value="x") == "onbekende categorie `x`"
    assert messages.decimal(1.25) == "1,2"


def run_check(cwd, *args, **variables) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name not in LOCALE_VARIABLES}
    env.update(variables)
    return subprocess.run([GLOBE, "check", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL, check=False)


@pytest.fixture
def broken_content(tmp_path):
    write_tree(tmp_path, {
        "content/articles/2021/visit.fr.md": article(category="nowhere", date="2021-02-30"),
        "editions/.keep": "",
    })
    return tmp_path


def test_globe_check_speaks_french_on_a_french_system(broken_content):
    result = run_check(broken_content, "--content", "content", "--editions", "editions",
                       LANG="fr_BE.UTF-8")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert ("content/articles/2021/visit.fr.md:2: erreur: Date `2021-02-30` n'existe pas "
            "dans le calendrier — vérifiez le jour et le mois (AAAA-MM-JJ)") in lines
    assert any(line.startswith("content/articles/2021/visit.fr.md:3: erreur: catégorie "
                               "inconnue `nowhere` — utilisez l'une des valeurs suivantes : ")
               for line in lines), lines
    assert lines[-1] == "Échec de la vérification : 2 problème(s)."


def test_globe_check_speaks_dutch_on_a_dutch_system(broken_content):
    result = run_check(broken_content, "--content", "content", "--editions", "editions",
                       LANG="nl_BE.UTF-8")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert ("content/articles/2021/visit.fr.md:2: fout: Date `2021-02-30` bestaat niet in "
            "de kalender — controleer de dag en de maand (JJJJ-MM-DD)") in lines
    assert any(line.startswith("content/articles/2021/visit.fr.md:3: fout: onbekende "
                               "categorie `nowhere` — gebruik een van deze waarden: ")
               for line in lines), lines
    assert lines[-1] == "Controle mislukt: 2 probleem/problemen."


def test_globe_lang_overrides_the_system_language(broken_content):
    result = run_check(broken_content, "--content", "content", "--editions", "editions",
                       LANG="fr_BE.UTF-8", GLOBE_LANG="en")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith("content/articles/2021/visit.fr.md:3: error: unknown "
                               "category `nowhere` — use one of: ") for line in lines), lines
    assert lines[-1] == "Check failed: 2 problem(s)."


def test_an_edition_problem_in_french(tmp_path):
    content, editions = write_site(tmp_path, {
        "2021-15.fr.md": edition(articles="alpha, nosuch", preheader="Trop court")})
    result = run_check(tmp_path, "--content", str(content), "--editions", str(editions),
                       LANG="fr_BE.UTF-8")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert ("editions/2021-15.fr.md:5: erreur: aucun article n'a le slug `nosuch` — copiez "
            "le slug depuis la ligne `Slug:` de l'article") in lines
    assert any(re.match(r"editions/2021-15\.fr\.md:6: erreur: le texte d'aperçu compte 10 "
                        r"caractères — écrivez de 40 à 100 caractères ", line)
               for line in lines), lines
    assert not any(": error: " in line for line in lines)


@pytest.mark.parametrize("lang, expected", [
    ("fr", ["utilisation : globe check [-h]",
            "globe check : erreur : argument --editions : /nowhere n’est pas un dossier"]),
    ("nl", ["gebruik: globe check [-h]",
            "globe check: fout: bij --editions: /nowhere is geen map"]),
])
def test_a_mistyped_command_is_answered_in_the_users_language(tmp_path, lang, expected):
    # argparse's own words (usage, error, argument) too, not half in English
    result = run_check(tmp_path, "--editions", "/nowhere", GLOBE_LANG=lang)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(expected[0]), lines
    assert lines[-1] == expected[1], lines


def test_the_help_of_globe_is_in_the_users_language(tmp_path):
    env = {**os.environ, "GLOBE_LANG": "nl"}
    result = subprocess.run([GLOBE, "--help"], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: globe [-h] opdracht ...")
    assert "\npositionele argumenten:\n  opdracht\n" in result.stdout
    assert re.search(r"\nopties:\n  -h, --help +deze hulp tonen en stoppen\n", result.stdout)
