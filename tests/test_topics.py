"""Topic keywords."""

from tui.corpus.topics import TOPICS, assign_topics, topics_for_sentence


def test_vocabulary_is_small():
    assert 8 <= len(TOPICS) <= 12


def test_word_boundaries_and_case():
    assert assign_topics("The Vegas casino served scones.") == []
    assert assign_topics("The SCO grew.") == ["SCO and regional bodies"]
    assert assign_topics("The sco grew.") == []
    assert assign_topics("Gas and OIL prices rose.") == ["energy"]


def test_topics_ranked_by_hits():
    text = "Sanctions, sanctions and more sanctions hit oil exports and gas."
    topics = assign_topics(text)
    assert topics[0] == "sanctions"
    assert set(topics) == {"sanctions", "energy", "trade"}


def test_min_hits():
    assert assign_topics("Oil. Sanctions and sanctions.", min_hits=2) == ["sanctions"]


def test_extra_keywords_extend_and_add_topics():
    assert assign_topics("Leaders gathered in Samarkand.", {"SCO and regional bodies": ["Samarkand"]})[0] == "SCO and regional bodies"
    assert assign_topics("The Arctic ice melts.", {"Arctic": ["Arctic"]}) == ["Arctic"]


def test_nuclear_deal_and_security():
    assert "nuclear deal" in topics_for_sentence("Talks on the JCPOA resumed in Vienna.")
    assert "security and Syria" in topics_for_sentence("Drones were used in Syria against Daesh.")


def test_diplomacy_is_generic_and_ranks_below_equal_specific_hits():
    assert assign_topics("A visit and a summit on trade and exports.") == ["trade", "diplomacy"]
