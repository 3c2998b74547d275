"""People detection in one article, and the corpus-wide registry."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.model import Person, PersonSpec
from tui.corpus.people import PeopleRegistry, find_people

ARTICLES = Path(__file__).resolve().parent.parent / "articles"

RAISI = PersonSpec("Ebrahim Raisi", ["Raisi", "President Raisi", "Ayatollah Raisi", "Seyyed Ebrahim Raisi"], ["Iranian President"])


def names(text, known=()):
    return [p.name for p in find_people(text, known)]


def by_name(text, known=()):
    return {p.name: p for p in find_people(text, known)}


def test_title_and_surname_merge_to_fullest_form():
    text = (
        "Iranian President Ebrahim Raisi met officials. President Raisi said the talks went well. "
        "Later Raisi left, and Ayatollah Raisi returned."
    )
    people = by_name(text)
    assert list(people) == ["Ebrahim Raisi"]
    p = people["Ebrahim Raisi"]
    assert {"Raisi", "Ebrahim Raisi", "President Raisi", "Ayatollah Raisi"} <= p.aliases
    assert "Iranian President" in p.roles


def test_honorifics_stripped_for_the_name():
    p = by_name("He met Seyyed Ebrahim Raisi in the capital. Seyyed Ebrahim Raisi smiled.")
    assert "Ebrahim Raisi" in p and "Seyyed Ebrahim Raisi" in p["Ebrahim Raisi"].aliases


def test_roles_from_titles_and_appositives():
    text = (
        "The delegation included Foreign Minister Hossein Amir Abdollahian and Oil Minister Javad Oji.\n"
        "Ali Bahadori Jahromi, the Iranian government spokesman, commented on the visit.\n"
        "Mikhail Ulyanov, the Russian ambassador to international organizations in Vienna, said more.\n"
        "Brahim Rezaei, Chairman of the Iran-Russia parliamentary friendship group, said so too.\n"
        "Meanwhile, Iran’s First Vice President, Mohammad Mokhber, praised the visit."
    )
    p = by_name(text)
    assert "Foreign Minister" in p["Hossein Amir Abdollahian"].roles
    assert "Oil Minister" in p["Javad Oji"].roles
    assert "the Iranian government spokesman" in p["Ali Bahadori Jahromi"].roles
    assert "the Russian ambassador to international organizations in Vienna" in p["Mikhail Ulyanov"].roles
    assert "Chairman of the Iran-Russia parliamentary friendship group" in p["Brahim Rezaei"].roles
    assert any("First Vice President" in r for r in p["Mohammad Mokhber"].roles)


def test_lists_of_titled_names_do_not_swap_roles():
    p = by_name("It included Foreign Minister Ann Lee, Oil Minister Javad Oji, and others.")
    assert p["Ann Lee"].roles == {"Foreign Minister"}


def test_not_people():
    text = (
        "The Shanghai Cooperation Organization and the Eurasian Economic Union met at the Caspian Summit.\n"
        "The Tehran Times and the Washington Post reported it. Since the Islamic Revolution, Iranian and "
        "Russian officials meet in Moscow on Wednesday in January. Meanwhile, the United States, the "
        "European Union and the Russian Federation said nothing. The President left for Mehrabad Airport.\n"
        "Supreme Leader remarks were noted. West Asia and the Caucasus watched."
    )
    assert names(text) == []


def test_headline_title_case_is_not_a_name():
    assert names("United States Unhappy With Growing Iran-Russia Ties\n\nThe story follows.") == []


def test_single_word_needs_a_signal():
    assert names("Kremlin officials met. Duma members voted.") == []
    assert names("Officials met. Mokhber said the visit went well.") == ["Mokhber"]


def test_particles_and_initials():
    p = names("The two countries backed Bashar al-Assad. Shabbir H. Kazmi is an analyst. Ursula von der Leyen spoke.")
    assert "Bashar al-Assad" in p and "Shabbir H. Kazmi" in p and "Ursula von der Leyen" in p


def test_known_people_matched_by_alias_and_ordered_by_mentions():
    text = "Ayatollah Raisi arrived. Raisi met John Smith. Raisi left. John Smith stayed."
    people = find_people(text, [RAISI])
    assert [p.name for p in people] == ["Ebrahim Raisi", "John Smith"]
    assert "Iranian President" in people[0].roles


def test_registry_merges_across_articles():
    reg = PeopleRegistry([])
    m1 = reg.add([Person("Raisi", {"Raisi"}, {"President"})])
    m2 = reg.add([Person("Ebrahim Raisi", {"Seyyed Ebrahim Raisi", "Raisi"}, {"Iranian President"})])
    m3 = reg.add([Person("Ebrahim Raisi", {"Seyed Ebrahim Raisi"}, set())])
    assert m2["Ebrahim Raisi"] == "Ebrahim Raisi" and m3["Ebrahim Raisi"] == "Ebrahim Raisi"
    assert reg.canonical(m1["Raisi"]) == "Ebrahim Raisi"
    assert list(reg.people) == ["Ebrahim Raisi"]
    assert {"Iranian President", "President"} <= reg.people["Ebrahim Raisi"].roles


def test_registry_known_people_and_roles():
    reg = PeopleRegistry([RAISI, PersonSpec("Vladimir Putin", ["Putin"], ["Russian President"])])
    m = reg.add([Person("Seyed Ebrahim Raisi", {"Seyed Ebrahim Raisi"}), Person("Putin", {"Putin"})])
    assert m == {"Seyed Ebrahim Raisi": "Ebrahim Raisi", "Putin": "Vladimir Putin"}
    assert reg.canonical("the Iranian president") == "Ebrahim Raisi"
    assert reg.canonical("the Russian president") == "Vladimir Putin"
    assert reg.canonical("Ayatollah Raisi") == "Ebrahim Raisi"
    assert reg.canonical("Nobody Here") is None


def test_registry_keeps_different_people_with_one_surname_apart():
    reg = PeopleRegistry()
    reg.add([Person("Bill Clinton"), Person("Hillary Clinton")])
    assert set(reg.people) == {"Bill Clinton", "Hillary Clinton"}
    assert reg.canonical("Clinton") is None


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("Ab Raisi President Mr. , said \n’s-")), st.characters()), max_size=200))
def test_find_people_never_raises(text):
    for p in find_people(text, [RAISI]):
        assert p.name and p.name.strip() == p.name


def test_seed_people():
    found = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        found[path.name[:3]] = names(path.read_text(encoding="utf-8"))
    assert found["000"][:2] == ["Ebrahim Raisi", "Vladimir Putin"]
    assert {"Sergei Lavrov", "Mikhail Ulyanov", "Ali Bahadori Jahromi", "Saeed Khatibzadeh"} <= set(found["001"])
    assert found["002"][:2] == ["Vladimir Putin", "Ebrahim Raisi"]
    assert "Hassan Rouhani" in found["003"]
    assert found["004"][0] == "Ebrahim Raisi" and "Mohammad Mokhber" in found["004"]
    everything = {n for ns in found.values() for n in ns}
    for bad in ("Tehran Times", "Washington Post", "Islamic Revolution", "Caspian Summit", "Kremlin"):
        assert bad not in everything
