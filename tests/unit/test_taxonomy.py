"""The category tree (R2.1, R5.5): tiers inherit downwards, company categories extend the
tree from YAML, and nothing a company adds can make a category less protected."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.adapters.taxonomy_file import load_company_categories, load_taxonomy
from piiguard.domain.errors import InvalidInput, UnknownCategory
from piiguard.domain.taxonomy import Category, Lookup, Taxonomy, Tier

S, ORD = Tier.SENSITIVE, Tier.ORDINARY


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.default()


@pytest.mark.req("R2.1")
def test_builtin_tree_has_every_parent_and_fideslang_keys(taxonomy: Taxonomy) -> None:
    for cat in taxonomy:
        assert cat.parent is None or cat.parent in taxonomy, cat.key
    for key in (
        "user.contact.email",
        "user.government_id.national_identification_number",
        "user.financial.credit_card",
        "user.financial.salary",
        "user.authorization.credentials.password",
        "user.location.precise",
    ):
        assert key in taxonomy


@pytest.mark.req("R2.1")
@pytest.mark.req("R5.5")
def test_policy_sensitive_categories_are_sensitive(taxonomy: Taxonomy) -> None:
    # The policy names credit cards, salaries, passwords and ID numbers; PIPL adds precise
    # location and minors' data.
    for key in (
        "user.financial.credit_card",
        "user.financial.salary",
        "user.authorization.credentials.password",
        "user.government_id.national_identification_number",
        "user.location.precise",
        "user.childrens",
    ):
        assert taxonomy.get(key).tier is S, key
    for key in ("user.contact.email", "user.name", "user.location.imprecise"):
        assert taxonomy.get(key).tier is ORD, key


@pytest.mark.req("R2.1")
def test_every_child_of_a_sensitive_category_is_sensitive(taxonomy: Taxonomy) -> None:
    checked = 0
    for cat in taxonomy:
        if cat.parent and taxonomy.get(cat.parent).sensitive:
            assert cat.sensitive, cat.key
            checked += 1
    assert checked >= 10  # the rule was exercised, not vacuously true


@pytest.mark.req("R2.1")
def test_a_new_child_inherits_the_sensitive_tier_and_the_credential_flag(
    taxonomy: Taxonomy,
) -> None:
    extended = taxonomy.extend(
        [
            Category("user.financial.pension", "Pension", "养老金", ORD, origin="company"),
            Category(
                "user.financial.pension.fund", "Pension fund", "养老基金", ORD, origin="company"
            ),
            Category("user.authorization.credentials.pin", "PIN", "PIN码", ORD, origin="company"),
        ]
    )
    assert extended.get("user.financial.pension").tier is S
    assert extended.get("user.financial.pension.fund").tier is S
    pin = extended.get("user.authorization.credentials.pin")
    assert pin.credential and pin.sensitive
    # the original is immutable: extending returned a new tree
    assert "user.financial.pension" not in taxonomy


@pytest.mark.req("R2.1")
def test_company_yaml_extends_the_tree(tmp_path: Path) -> None:
    path = tmp_path / "categories.yaml"
    path.write_text(
        "categories:\n"
        "  - key: user.employment\n"
        "    name: Employment\n"
        "    name_zh: 雇佣信息\n"
        "  - key: user.employment.employee_number\n"
        "    name: Employee number\n"
        "    lookup: identifier\n"
        "  - key: user.employment.appraisal\n"
        "    name: Performance appraisal\n"
        "    tier: sensitive\n"
        "  - key: user.financial.tax_number\n"
        "    name: Tax number\n"
        "    tier: ordinary\n",
        encoding="utf-8",
    )
    tax = load_taxonomy(path)
    assert len(tax) == len(Taxonomy.default()) + 4
    number = tax.get("user.employment.employee_number")
    assert (number.origin, number.lookup, number.tier) == ("company", Lookup.IDENTIFIER, ORD)
    assert number.name_zh == "Employee number"  # falls back to the English name
    assert tax.get("user.employment").name_zh == "雇佣信息"
    assert tax.get("user.employment.appraisal").tier is S
    assert tax.get("user.financial.tax_number").tier is S  # under a sensitive parent
    assert [c.key for c in tax.children("user.employment")] == [
        "user.employment.appraisal",
        "user.employment.employee_number",
    ]


@pytest.mark.req("R2.1")
def test_without_a_company_file_the_builtin_tree_is_used(tmp_path: Path) -> None:
    assert len(load_taxonomy(None)) == len(Taxonomy.default())
    assert len(load_taxonomy(tmp_path / "absent.yaml")) == len(Taxonomy.default())


@pytest.mark.req("R2.1")
@pytest.mark.req("R5.5")
@pytest.mark.parametrize(
    "key", ["user.government_id", "user.location.precise", "user.financial", "user.childrens"]
)
def test_weakening_a_sensitive_category_is_refused(taxonomy: Taxonomy, key: str) -> None:
    with pytest.raises(InvalidInput, match="cannot be made ordinary"):
        taxonomy.extend([Category(key, "weaker", "更弱", ORD, origin="company")])


@pytest.mark.req("R2.1")
@pytest.mark.req("R5.5")
def test_weakening_through_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "categories.yaml"
    path.write_text("- {key: user.government_id, name: IDs, tier: ordinary}\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"user\.government_id"):
        load_taxonomy(path)


@pytest.mark.req("R2.1")
@pytest.mark.req("R5.5")
def test_redefining_a_category_under_a_sensitive_parent_keeps_it_sensitive(
    taxonomy: Taxonomy,
) -> None:
    tax = taxonomy.extend([Category("user.financial.salary", "Pay", "工资", ORD, origin="company")])
    assert tax.get("user.financial.salary").tier is S


@pytest.mark.req("R2.1")
@pytest.mark.req("R5.5")
def test_redefining_a_credential_category_readable_is_refused(tmp_path: Path) -> None:
    """A company file cannot set the credential flag; redefining a credential category from
    it must not silently turn passwords into (reversibly encrypted) ordinary data."""
    path = tmp_path / "categories.yaml"
    path.write_text(
        "- {key: user.authorization.credentials, name: Creds, tier: sensitive}\n", encoding="utf-8"
    )
    with pytest.raises(InvalidInput, match="holds credentials"):
        load_taxonomy(path)
    redefined = Category(
        "user.authorization.credentials", "Credentials", "账户凭证", S, origin="company"
    )
    with pytest.raises(InvalidInput, match="holds credentials"):
        Taxonomy.default().extend([redefined])


@pytest.mark.req("R2.1")
@pytest.mark.req("R5.5")
def test_redefining_a_credential_below_a_credential_parent_keeps_it_a_credential(
    tmp_path: Path,
) -> None:
    path = tmp_path / "categories.yaml"
    path.write_text(
        "- {key: user.authorization.credentials.password, name: PW}\n", encoding="utf-8"
    )
    password = load_taxonomy(path).get("user.authorization.credentials.password")
    assert password.credential and password.sensitive


@pytest.mark.req("R2.1")
def test_unknown_parent_is_refused(taxonomy: Taxonomy) -> None:
    with pytest.raises(UnknownCategory, match=r"parent 'user\.hobbies' is unknown"):
        taxonomy.extend([Category("user.hobbies.chess", "Chess", "国际象棋")])


@pytest.mark.req("R2.1")
@pytest.mark.parametrize(
    "key", ["User.name", "user..name", "user.name.", "1user", "user-name", "user.名字"]
)
def test_malformed_keys_are_refused(taxonomy: Taxonomy, key: str) -> None:
    with pytest.raises(InvalidInput, match="dotted snake_case"):
        taxonomy.extend([Category(key, "x", "x")])


@pytest.mark.req("R2.1")
def test_unknown_category_lookup_names_the_key(taxonomy: Taxonomy) -> None:
    with pytest.raises(UnknownCategory, match=r"user\.shoe_size"):
        taxonomy.get("user.shoe_size")


@pytest.mark.req("R2.1")
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- {key: user.employment}\n", "needs at least 'key' and 'name'"),
        ("- {key: user.employment, name: E, tier: secret}\n", "entry 0"),
        ("- {key: user.employment, name: E, lookup: fuzzy}\n", "entry 0"),
        ("categories: {key: user.employment}\n", "expected a list"),
    ],
)
def test_malformed_company_yaml_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "categories.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        load_company_categories(path)


@pytest.mark.req("R2.1")
def test_is_within_follows_the_dots_not_the_prefix(taxonomy: Taxonomy) -> None:
    assert taxonomy.is_within("user.contact.email", "user.contact")
    assert taxonomy.is_within("user.contact", "user.contact")
    assert not taxonomy.is_within("user.contactless", "user.contact")
