"""Where the lead's first sentence ends (monitor.lead)."""

from __future__ import annotations

import pytest

from monitor.lead import first_sentence, read_lead, summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title, an initial or an abbreviation ends no sentence
        (
            "Dr. AlMalik met the minister. They discussed heritage.",
            "Dr. AlMalik met the minister.",
        ),
        (
            "А. Гараев встретился с министром. Стороны обсудили.",
            "А. Гараев встретился с министром.",
        ),
        # a German or Turkish ordinal ends none either: "das 15. Gipfeltreffen", "am 4. Mai"
        (
            "Das 15. Gipfeltreffen der OIC wird am 4. Mai 2024 in Banjul stattfinden. "
            "Der Minister wird teilnehmen.",
            "Das 15. Gipfeltreffen der OIC wird am 4. Mai 2024 in Banjul stattfinden.",
        ),
        ("Zirve 29. Mayıs günü yapılacak. Bakan katılacak.", "Zirve 29. Mayıs günü yapılacak."),
        # a number at a sentence's end still ends it
        ("The toll rose to 12. Rescue teams arrived.", "The toll rose to 12."),
        ("The forum opened in 2019. It meets every year.", "The forum opened in 2019."),
    ],
)
def test_first_sentence(text: str, expected: str) -> None:
    assert first_sentence(text) == expected


def test_a_repeat_of_the_headline_after_the_article_is_a_footer() -> None:
    """Above a repeat of the headline near the top stands the page's clutter, but after
    two paragraphs of the article the repeat is the share block's, and the lead stays."""
    title = "President: The Council was the first to hold a summit on the pandemic"
    body = (
        "11.04.2020 [00:01]\n\nBaku, April 11, AZERTAC\n\n"
        '"The pandemic has spread throughout the world and led to tragic consequences," '
        "said the President as he addressed the extraordinary summit of the Council.\n\n"
        '"I wish the repose of the souls of those who died from the pandemic in our country '
        'and in the world, and a speedy recovery to those infected," the head of state said.'
        f"\n\nAZERTAG.AZ :{title}\n\nReport a mistake by marking it and pressing ctrl + "
        "enter\n\nPlease enter the letters as they are shown in the image above."
    )
    lead = read_lead(body, title)
    assert lead.sentence.startswith('"The pandemic has spread')
    opened = "The summit of the Council opened in Baku today with ten heads of state."
    menu = f"Home News Politics Society Culture\n\n{title}\n\n{opened}"
    assert read_lead(menu, title).sentence == opened


def test_an_alert_summary_ends_with_a_sentence_or_an_ellipsis() -> None:
    text = (
        "Minister of Foreign Affairs Jeyhun Bayramov met with ICESCO Director General "
        "Salim M. AlMalik in Baku on 3 October. The sides discussed cooperation in "
        "education and science. Bayramov noted the role of the organisation in the region."
    )
    assert summary(text, len(text)) == text
    assert summary(text, 160) == text[: text.index(" The sides")]  # "M." ends no sentence
    assert summary(text, 200).endswith("education and science.")
    short = summary(text, 40)
    assert short == "Minister of Foreign Affairs Jeyhun…" and len(short) <= 40
