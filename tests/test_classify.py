"""Event type, date, place and participants read from article text (monitor.classify)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from monitor.classify import classify
from monitor.entities import person_key, same_person

PUB = datetime(2023, 10, 4, 9, 0)


@pytest.mark.parametrize(
    ("title", "body", "language", "expected"),
    [
        (
            "FM meets ICESCO chief",
            "Jeyhun Bayramov met with Salim AlMalik in Baku.",
            "en",
            "meeting",
        ),
        (
            "President receives envoy",
            "President Ilham Aliyev received the ambassador.",
            "en",
            "meeting",
        ),
        (
            "Ministers hold phone talks",
            "The ministers held a telephone conversation on Tuesday.",
            "en",
            "phone_call",
        ),
        ("Minister visits Rabat", "The minister visited the ICESCO headquarters.", "en", "visit"),
        (
            "Azerbaijan, ICESCO sign memorandum",
            "The sides signed a memorandum of understanding on education.",
            "en",
            "agreement",
        ),
        (
            "Professor awarded ICESCO medal",
            "The professor was awarded a gold medal.",
            "en",
            "award",
        ),
        (
            "Baku hosts ICESCO forum",
            "The international forum opened in Baku with 40 delegations.",
            "en",
            "conference",
        ),
        (
            "ICESCO condemns attack on mosque",
            "ICESCO said in a statement that it condemned the attack.",
            "en",
            "statement",
        ),
        (
            "New director appointed",
            "The board announced that a new director was appointed.",
            "en",
            "announcement",
        ),
        (
            "Байрамов встретился с гендиректором ИСЕСКО",
            "Министр встретился с генеральным директором ИСЕСКО.",
            "ru",
            "meeting",
        ),
        (
            "Телефонный разговор министров",
            "Министры провели телефонный разговор.",
            "ru",
            "phone_call",
        ),
        ("Министр посетил Рабат", "Министр посетил штаб-квартиру ИСЕСКО.", "ru", "visit"),
        ("Стороны подписали меморандум", "Стороны подписали меморандум.", "ru", "agreement"),
        ("Президент наградил ученого", "Президент наградил ученого орденом.", "ru", "award"),
        (
            "В Баку открылась конференция",
            "Конференция ИСЕСКО открылась в Баку.",
            "ru",
            "conference",
        ),
        (
            "Посол заявил о поддержке",
            "Посол заявил, что страна поддерживает ИСЕСКО.",
            "ru",
            "statement",
        ),
        ("Nazir İCESCO rəhbəri ilə görüşüb", "Nazir Baş direktorla görüşüb.", "az", "meeting"),
        (
            "Nazirlər telefon danışığı aparıb",
            "Nazirlər telefon danışığı aparıblar.",
            "az",
            "phone_call",
        ),
        ("Nazirin Mərakeşə səfəri", "Nazir Mərakeşə səfər edib.", "az", "visit"),
        ("Memorandum imzalanıb", "Tərəflər arasında memorandum imzalanıb.", "az", "agreement"),
        ("Alim ordenlə təltif edilib", "Alim ordenlə təltif edilib.", "az", "award"),
        ("Bakıda beynəlxalq konfrans", "Bakıda beynəlxalq konfrans keçirilib.", "az", "conference"),
        ("İCESCO bəyanat yayıb", "Təşkilat bəyanat yayıb.", "az", "statement"),
        ("Photo gallery", "Pictures from the city.", "en", "other"),
    ],
)
def test_event_type_table(title: str, body: str, language: str, expected: str) -> None:
    assert classify(title, body, language, PUB).event_type == expected


def test_the_lead_decides_the_type_not_the_said_of_the_body() -> None:
    body = (
        "The minister met with the Director-General of ICESCO.\n\n"
        + "He said the ties were strong. He stated they would grow. He said more. " * 3
    )
    assert classify("Minister meets ICESCO chief", body, "en", PUB).event_type == "meeting"


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        ("The ministers met on October 3, 2023 in Baku.", PUB, date(2023, 10, 3)),
        ("The ministers met on 3 October 2023 in Baku.", PUB, date(2023, 10, 3)),
        ("The ICESCO chief paid a visit on October 2–5, 2023.", PUB, date(2023, 10, 2)),
        (
            "An ambassador met the DG.\n\nThe meeting, held Tuesday 30 January 2024 at the "
            "headquarters, was cordial.",
            datetime(2024, 1, 31),
            date(2024, 1, 30),
        ),
        ("The ministers met yesterday in Baku.", PUB, date(2023, 10, 3)),
        ("The ministers met today in Baku.", PUB, date(2023, 10, 4)),
        ("The ministers met on Monday in Baku.", PUB, date(2023, 10, 2)),
        ("BAKU, Azerbaijan, October 3. The ministers met in Baku.", PUB, date(2023, 10, 3)),
        ("Министры встретились 3 октября 2023 года в Баку.", PUB, date(2023, 10, 3)),
        ("Nazirlər 3 oktyabr 2023-cü il tarixində Bakıda görüşüblər.", PUB, date(2023, 10, 3)),
        # a date far from publication is no event date; neither is a recalled one
        ("The ministers met on 3 October 2019.", PUB, None),
        ("The DG met the minister.\n\nHe recalled his visit on September 5, 2023.", PUB, None),
    ],
)
def test_event_date_table(body: str, published: datetime, expected: date | None) -> None:
    assert classify("Ministers meet", body, "en", published).event_date == expected


def test_a_day_without_year_and_no_publication_date_keeps_month_and_day() -> None:
    info = classify("Visit", "On October 14, the minister visited Rabat.", "en", None)
    assert info.event_date is None
    assert info.month_day == (10, 14)


@pytest.mark.parametrize(
    ("body", "place", "country"),
    [
        ("BAKU, Azerbaijan, October 3. The minister received the guest.", "Baku", "azerbaijan"),
        ("The minister met the DG at ICESCO headquarters in Rabat.", "Rabat", "morocco"),
        ("The minister held talks in Shusha with the DG.", "Shusha", "azerbaijan"),
        # an event place in the lead beats the dateline of the agency
        (
            "BAKU, Azerbaijan, December 16. The headquarters in Rabat hosted a concert.",
            "Rabat",
            "morocco",
        ),
        ("The minister arrived on a visit to the Kingdom of Morocco.", "Morocco", "morocco"),
        ("Nazir Bakıda səfirlə görüşüb.", "Baku", "azerbaijan"),
        ("The sides discussed cooperation.", None, None),
    ],
)
def test_place_table(body: str, place: str | None, country: str | None) -> None:
    info = classify("Talks", body, "en", PUB)
    assert (info.place, info.country) == (place, country)


def test_participants_with_titles_and_organisation() -> None:
    body = (
        "Minister of Foreign Affairs of the Republic of Azerbaijan Jeyhun Bayramov met with "
        "ICESCO Director-General Salim bin Mohammed AlMalik. Dr. AlMalik thanked the "
        "minister. President Ilham Aliyev later received the guest at the Heydar Aliyev Center."
    )
    info = classify("Talks", body, "en", PUB)
    names = {p.name: p for p in info.participants}
    assert names["Jeyhun Bayramov"].role == "Minister"
    assert names["Salim bin Mohammed AlMalik"].organisation == "icesco"
    assert names["Ilham Aliyev"].role == "President"
    assert info.people == {"bairamov", "almalik", "aliev"}
    assert info.principals == {"bairamov", "almalik"}
    assert "icesco" in info.organisations


@pytest.mark.parametrize(
    "name",
    ["AlMalik", "Al-Malik", "Almalik", "al-Malik", "Al Malik", "əl-Malik", "аль-Малик"],
)
def test_name_variants_give_one_key(name: str) -> None:
    assert person_key(name) == "almalik"


def test_spellings_across_scripts_meet() -> None:
    assert person_key("Aliyev") == person_key("Əliyev") == person_key("Алиев")
    assert person_key("Bayramov") == person_key("Байрамов")
    assert person_key("Garayev") == person_key("Гараев")
    assert same_person(person_key("əl-Maliki"), person_key("AlMalik"))
    assert not same_person(person_key("Al-Malki"), person_key("AlMalik"))
    assert person_key("Aliyeva") != person_key("Aliyev")


def test_an_institution_named_after_a_person_is_no_participant() -> None:
    info = classify("Concert", "The Heydar Aliyev Foundation held a concert.", "en", PUB)
    assert info.people == frozenset()
