"""Where the lead's first sentence ends (monitor.lead)."""

from __future__ import annotations

import pytest

from monitor.lead import first_sentence


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
