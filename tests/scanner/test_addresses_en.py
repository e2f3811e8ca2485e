"""English-written addresses found whole (docs/scanner.md "English addresses whole
(scaddr)"): the flat, floor, building and `No.` before the street's number, the unit,
district, city, province or state, postcode and country after the street, and the lines of
an address block below it — and nothing that follows (a phone, `Tel:`, a name, a sentence)."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector

pytestmark = pytest.mark.req("R2.7")


def _addresses(detector: Detector, text: str) -> list[str]:
    return [h.value for h in detector.scan(text) if h.type == "address"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Singapore: the unit and the postcode after the street, a building's name
        ("Address: 154 Orchard Road, #08-20, Singapore 238858", None),
        ("Blk 123 Ang Mo Kio Ave 3 #05-67, Singapore 560123", None),
        (
            "Office: 10 Anson Road #12-08 International Plaza",
            "10 Anson Road #12-08 International Plaza",
        ),
        # China written in English: No., the room before, the district, city, province, postcode
        (
            "Factory: No. 212 Foshan Avenue North, Nanhai District, Foshan, Guangdong 528200",
            "No. 212 Foshan Avenue North, Nanhai District, Foshan, Guangdong 528200",
        ),
        (
            '"addr":"No. 48 Guangfo Road, Dali Town, Nanhai District, Foshan, Guangdong 528000"}',
            "No. 48 Guangfo Road, Dali Town, Nanhai District, Foshan, Guangdong 528000",
        ),
        ("Room 1203, No. 88 Jianshe Road, Pengjiang District, Jiangmen", None),
        # Hong Kong: the flat, floor, tower and estate before; the district and region after
        (
            "Flat B, 12/F, Tower 2, Harbour View Garden, 8 Tai Koo Shing Road, Quarry Bay, "
            "Hong Kong",
            None,
        ),
        ("335 Harbour Road, Wan Chai, Hong Kong", None),
        ("寄到 Flat 21B, 38/F, Tower 2, Laguna City, Kwun Tong, Kowloon\n谢谢", None),
        # Australia, the US, the UK, the Gulf, continental Europe
        ("Unit 5, 21 King Street, Sydney NSW 2000, Australia", None),
        ("345 Collins Street, Melbourne VIC 3000, Australia", None),
        ("HQ: 1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA", None),
        ("地址发你了：28 Market St, Suite 2900, San Francisco, CA 94105, USA\n\n戴娟  10:15", None),
        ("221B Baker Street, London NW1 6XE", None),
        ("49 Sheikh Zayed Road, Dubai, UAE", None),
        ("Hauptstraße 5, 80331 München, Germany", None),
        ("Via Roma 50, 20121 Milano MI, Italy", None),
        # abbreviations, other countries' postcodes, places written with marks or hyphens
        ("88 Jianshe Rd., Pengjiang Dist., Jiangmen", None),
        ("10 Downing Street, London, SW1A 2AA, United Kingdom", None),
        ("100 King Street West, Toronto, ON M5X 1A9, Canada", None),
        ("2 Marunouchi Street, Chiyoda, Tokyo 100-0005, Japan", None),
        ("12 Bridge Street, Stratford-upon-Avon, England", None),
        ("Unit 3, 8 Harbour Road, Kowloon, HK", None),
        ("Keizersgracht 221, 1016 DV Amsterdam, Netherlands", None),
        # a building's name with its number after the unit
        (
            "Our office at 1 Raffles Place, #20-01, One Raffles Place Tower 2, Singapore 048616 "
            "opens at 9.",
            "1 Raffles Place, #20-01, One Raffles Place Tower 2, Singapore 048616",
        ),
        (
            "Address: 3/F, Block B, Tech Park, 88 Keyuan Road, Nanshan District, Shenzhen 518057, "
            "P.R.China",
            None,
        ),
        (
            "Bill To: Acme Inc.\n500 Main Street, Suite 12\nAustin, TX 78701\nUSA\n"
            "Phone: 512-555-0100",
            "500 Main Street, Suite 12\nAustin, TX 78701\nUSA",
        ),
    ],
)
def test_an_english_address_is_found_whole(
    detector: Detector, text: str, address: str | None
) -> None:
    expected = (
        address or (text.split(": ", 1)[-1].split("：", 1)[-1].removeprefix("寄到 ").split("\n")[0])
    )
    assert _addresses(detector, text) == [expected]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # what follows the address is another field, a phone, a name or a sentence
        (
            "Room 1203, No. 88 Jianshe Road, Pengjiang District, Jiangmen  Tel: 0750-3388123",
            "Room 1203, No. 88 Jianshe Road, Pengjiang District, Jiangmen",
        ),
        (
            "Deliver to 88 Jianshe Road, Pengjiang District, Li Wei will sign.",
            "88 Jianshe Road, Pengjiang District",
        ),
        (
            "Acme Ltd, 5 Park Avenue, New York, NY 10022, USA. Tel: +1 212 555 0100",
            "5 Park Avenue, New York, NY 10022, USA",
        ),
        ("Ship to 12 Main Street, Springfield. Thanks", "12 Main Street"),
        ("Send it to 12 Main Street, Please call first", "12 Main Street"),
        ("Meet at 12 Main Street, Dear Anna will wait", "12 Main Street"),
        ("Visit 40 Bay Street, Contact: Wang Lei", "40 Bay Street"),
        # a bare place is not the address's unless a district, postcode or country follows
        ("We moved to 9 Elm Road, Springfield, Sarah Tanaka told me", "9 Elm Road"),
    ],
)
def test_what_follows_is_left_out(detector: Detector, text: str, address: str) -> None:
    assert _addresses(detector, text) == [address]


def test_an_address_block_keeps_its_lines_and_not_the_next_field(detector: Detector) -> None:
    text = (
        "Ship To:\nLi Wei\n88 Jianshe Road\nPengjiang District, Jiangmen\n"
        "Guangdong 529000, China\nTel: 0750-3388123\n"
    )
    assert _addresses(detector, text) == [
        "88 Jianshe Road\nPengjiang District, Jiangmen\nGuangdong 529000, China"
    ]
    signature = "Best regards,\nAnna Berg\n21 King Street\nSydney NSW 2000\nanna@example.com\n"
    assert _addresses(detector, signature) == ["21 King Street\nSydney NSW 2000"]


@pytest.mark.parametrize(
    "text",
    [
        # prose with Road or Street, product and company names with a city, meeting rooms,
        # versions, a flat and floor with no region after
        "The Road to success is long; Street food in Foshan, Guangdong is great.",
        "Release notes: version 2.3 Road Map, build 4.1 Street View, Singapore 2026",
        "Foshan Lighting Co., Ltd., Guangdong 528000 supplier list",
        "Jiangmen Electric Co., Pengjiang District office",
        "The meeting is in Room B, 3rd Floor, then lunch in Room 12.",
        "Room 1203, 12/F is booked for the review",
        "Flat 3, 2nd Floor, needs a new boiler, said the landlord",
        "Unit 5, 21 tests passed, Sydney NSW build green",
        "Order 4500824611, Suite 2900 pack, CA 94105 warehouse",
    ],
)
def test_look_alikes_are_not_addresses(detector: Detector, text: str) -> None:
    assert _addresses(detector, text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("the 300 Series Road, Model X, Foshan Edition", "300 Series Road"),
        ("see 5 Main Street, Nanhai District, Version 2 notes", "5 Main Street, Nanhai District"),
    ],
)
def test_a_product_after_a_street_is_not_taken(detector: Detector, text: str, address: str) -> None:
    assert _addresses(detector, text) == [address]


def test_with_and_without_the_compiled_module() -> None:
    text = "Room 1203, No. 88 Jianshe Road, Pengjiang District, Jiangmen  Tel: 0750-3388123"
    native, python = (
        [(h.type, h.start, h.end) for h in Detector(native=n).scan(text)] for n in (True, False)
    )
    assert native == python
