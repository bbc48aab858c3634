"""Every word printed on the statement PDF and its back page, in English and in Welsh.

Two tables, `EN` and `CY`, keyed by the same ids (a test holds them to the same keys and
placeholders); the renderers look words up with `words(language_code)`. Dates are
printed the same way in both languages ("4 December 2026" / "4 Rhagfyr 2026", times in
UK local time, 24-hour).

The Welsh labels await the organisation's Welsh-language reviewer: they were written
with care (standard forms, mutations after prepositions and possessives) but have not
yet been reviewed. Names and other text from the record are never mutated: where Welsh
grammar would mutate a word after a preposition, the wording is arranged so a name
never follows one.

The s.9 declaration is not in the tables: the built-in wording is English
(`DECLARATION`), and a Welsh statement prints the wording the organisation approved
(there is deliberately no built-in Welsh declaration).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import UsageError

LANGUAGES = ("en", "cy")
UK = "Europe/London"

# The built-in s.9 declaration (English); "{n}" is where the page count goes. Its exact
# text is hashed into the record, so it must not change casually.
DECLARATION = (
    "This statement (consisting of {n} page(s) each signed by me) is true to the "
    "best of my knowledge and belief and I make it knowing that, if it is tendered "
    "in evidence, I shall be liable to prosecution if I have wilfully stated in it "
    "anything which I know to be false, or do not believe to be true."
)

EN: dict[str, str] = {
    # the statement (MG11 front)
    "title": "Witness statement",
    "heading": "WITNESS STATEMENT",
    "acts": (
        "Criminal Justice Act 1967, s.9; Magistrates' Courts Act 1980, s.5B; "
        "Criminal Procedure Rules 2020, r.16.2"
    ),
    "statement_of": "Statement of:",
    "urn": "URN:",
    "age": "Age if under 18:",
    "over_18": "Over 18",
    "not_given": "Not given",
    "statement_no": "Statement no.:",
    "occupation": "Occupation:",
    "visually_recorded": "Tick if witness evidence is visually recorded",
    "not_recorded": "Not recorded",
    "abe_reference": "ABE recording reference:",
    "signature": "Signature:",
    "initials": "Initials:",
    "date": "Date:",
    "date_and_time": "Date and time:",
    "page_of": "Page {page} of",
    "continuation": "Continuation of statement of:",
    "witnessed_by": "Signature witnessed by:",
    "corrections_none": "Corrections made at read-back: none.",
    "corrections_some": "Corrections made at read-back: {count} (see the record).",
    "reader_heading": (
        "Declaration of the person who read this statement to the witness "
        "(Criminal Justice Act 1967, s.9(3)(b))"
    ),
    "reader_text": "I, {reader}, read this statement to {witness} before they signed it.",
    "taken_by": "Statement taken by:",
    "interviewer": "interviewer",
    "place": "Place:",
    "sitting": "Sitting {number}:",
    "sitting_span": "{start} to {end}",
    "sitting_open": "{start} (finish not recorded)",
    "exhibits": "Exhibits produced by the witness",
    "exhibit_reference": "Reference",
    "exhibit_description": "Description",
    # the back page (restricted details)
    "r_title": "Witness contact details",
    "r_heading": "Witness contact details — not for disclosure",
    "r_note": (
        "These details are kept apart from the witness statement and are not "
        "disclosed without consideration under the CPIA. Handle them as the "
        "marking requires."
    ),
    "r_witness": "Witness:",
    "r_footer": "Witness contact details: {reference}",
    "r_not_recorded": "Not recorded",
    "r_date_of_birth": "Date of birth",
    "r_address": "Address",
    "r_phone": "Telephone",
    "r_email": "Email",
    "r_safe_contact": "Safe way to make contact",
    "r_safe_times": "Safe times to make contact",
    "r_voicemail": "Safe to leave voicemail",
    "r_letters": "Safe to send letters",
    "r_dates_to_avoid": "Dates to avoid (e.g. holidays, appointments)",
    "r_special_measures": "Special measures",
    "r_other_needs": "Other needs",
    "r_vps_offered": "Victim Personal Statement offered",
    # Yes / No: Welsh answers a question with the verb's own form, so each row says
    # which kind of question it is ("is it…?" or "was it…?").
    "yes_is": "Yes",
    "no_is": "No",
    "yes_was": "Yes",
    "no_was": "No",
    "r_consents": "Consents",
    "r_no_consents": "No consents recorded.",
    "r_consent": "Consent",
    "r_decision": "Decision",
    "r_recorded": "Recorded",
    "r_limit": "Limit: {limit}",
    "r_given": "Given",
    "r_withdrawn": "Withdrawn",
    "r_not_asked": "Not asked",
    "consent_medical_records_access": (
        "I consent to police having access to my medical record(s) in relation to this matter"
    ),
    "consent_medical_records_defence": (
        "I consent to my medical record(s) in relation to this matter being disclosed "
        "to the defence"
    ),
    "consent_civil_proceedings": (
        "I consent to this statement being disclosed for the purposes of civil "
        "proceedings (e.g. child care proceedings)"
    ),
    "consent_share_with_agencies": (
        "I consent to my details being shared with agencies that support victims"
    ),
    "r_support": "Information and support",
    "r_process_explained": (
        "Criminal justice process and Victim Personal Statement scheme explained"
    ),
    "r_leaflet": ("Leaflet given: “Giving a witness statement to the police – what happens next?”"),
    "r_court": "Willing to attend court",
    "court_yes": "Yes",
    "court_no": "No",
    "court_not_sure": "Not sure",
    "r_court_note": "Note: {note}",
    "r_witness_service": "Consent to referral to the Witness Service",
    "r_consent_signature": "Signature of witness (consents)",
    # months, for dates in words
    "month_1": "January",
    "month_2": "February",
    "month_3": "March",
    "month_4": "April",
    "month_5": "May",
    "month_6": "June",
    "month_7": "July",
    "month_8": "August",
    "month_9": "September",
    "month_10": "October",
    "month_11": "November",
    "month_12": "December",
}

CY: dict[str, str] = {
    "title": "Datganiad tyst",
    "heading": "DATGANIAD TYST",
    "acts": (
        "Deddf Cyfiawnder Troseddol 1967, a.9; Deddf Llysoedd Ynadon 1980, a.5B; "
        "Rheolau Trefniadaeth Droseddol 2020, r.16.2"
    ),
    "statement_of": "Datganiad gan:",
    "urn": "URN:",
    "age": "Oed (os o dan 18):",
    "over_18": "Dros 18",
    "not_given": "Heb ei nodi",
    "statement_no": "Rhif y datganiad:",
    "occupation": "Galwedigaeth:",
    "visually_recorded": "Ticiwch os yw tystiolaeth y tyst wedi'i recordio'n weledol",
    "not_recorded": "Dim cofnod",
    "abe_reference": "Cyfeirnod y recordiad ABE:",
    "signature": "Llofnod:",
    "initials": "Llythrennau blaen:",
    "date": "Dyddiad:",
    "date_and_time": "Dyddiad ac amser:",
    "page_of": "Tudalen {page} o",
    "continuation": "Parhad o ddatganiad gan:",
    "witnessed_by": "Llofnod wedi'i dystio gan:",
    "corrections_none": "Cywiriadau a wnaed wrth ddarllen yn ôl: dim.",
    "corrections_some": "Cywiriadau a wnaed wrth ddarllen yn ôl: {count} (gweler y cofnod).",
    "reader_heading": (
        "Datganiad y person a ddarllenodd y datganiad hwn i'r tyst "
        "(Deddf Cyfiawnder Troseddol 1967, a.9(3)(b))"
    ),
    # "i'r tyst, {witness}," so the name never follows "i" (which would mutate it)
    "reader_text": (
        "Darllenais i, {reader}, y datganiad hwn i'r tyst, {witness}, cyn iddynt ei lofnodi."
    ),
    "taken_by": "Datganiad wedi'i gymryd gan:",
    "interviewer": "cyfwelydd",
    "place": "Lleoliad:",
    "sitting": "Eisteddiad {number}:",
    "sitting_span": "{start} tan {end}",
    "sitting_open": "{start} (dim cofnod o'r amser gorffen)",
    "exhibits": "Arddangosion a gyflwynwyd gan y tyst",
    "exhibit_reference": "Cyfeirnod",
    "exhibit_description": "Disgrifiad",
    "r_title": "Manylion cyswllt y tyst",
    "r_heading": "Manylion cyswllt y tyst — nid i'w datgelu",
    "r_note": (
        "Cedwir y manylion hyn ar wahân i ddatganiad y tyst, ac ni chânt eu datgelu "
        "heb eu hystyried o dan y CPIA. Triniwch nhw yn unol â'r marc diogelu."
    ),
    "r_witness": "Tyst:",
    "r_footer": "Manylion cyswllt y tyst: {reference}",
    "r_not_recorded": "Dim cofnod",
    "r_date_of_birth": "Dyddiad geni",
    "r_address": "Cyfeiriad",
    "r_phone": "Rhif ffôn",
    "r_email": "E-bost",
    "r_safe_contact": "Ffordd ddiogel o gysylltu",
    "r_safe_times": "Amseroedd diogel i gysylltu",
    "r_voicemail": "A yw'n ddiogel gadael neges llais?",
    "r_letters": "A yw'n ddiogel anfon llythyrau?",
    "r_dates_to_avoid": "Dyddiadau i'w hosgoi (e.e. gwyliau, apwyntiadau)",
    "r_special_measures": "Mesurau arbennig",
    "r_other_needs": "Anghenion eraill",
    "r_vps_offered": "A gynigiwyd Datganiad Personol y Dioddefwr?",
    "yes_is": "Ydy",
    "no_is": "Nac ydy",
    "yes_was": "Do",
    "no_was": "Naddo",
    "r_consents": "Cydsyniadau",
    "r_no_consents": "Ni chofnodwyd unrhyw gydsyniad.",
    "r_consent": "Cydsyniad",
    "r_decision": "Penderfyniad",
    "r_recorded": "Cofnodwyd",
    "r_limit": "Cyfyngiad: {limit}",
    "r_given": "Rhoddwyd",
    "r_withdrawn": "Tynnwyd yn ôl",
    "r_not_asked": "Ni ofynnwyd",
    "consent_medical_records_access": (
        "Rwy'n cydsynio i'r heddlu gael gweld fy nghofnodion meddygol mewn perthynas â'r mater hwn"
    ),
    "consent_medical_records_defence": (
        "Rwy'n cydsynio i'm cofnodion meddygol mewn perthynas â'r mater hwn gael eu "
        "datgelu i'r amddiffyniad"
    ),
    "consent_civil_proceedings": (
        "Rwy'n cydsynio i'r datganiad hwn gael ei ddatgelu at ddibenion achosion sifil "
        "(e.e. achosion gofal plant)"
    ),
    "consent_share_with_agencies": (
        "Rwy'n cydsynio i'm manylion gael eu rhannu ag asiantaethau sy'n cefnogi dioddefwyr"
    ),
    "r_support": "Gwybodaeth a chymorth",
    "r_process_explained": (
        "A eglurwyd y broses cyfiawnder troseddol a chynllun Datganiad Personol y Dioddefwr?"
    ),
    "r_leaflet": (
        "A gafodd y tyst y daflen “Rhoi datganiad tyst i'r heddlu – beth sy'n digwydd nesaf?”"
    ),
    "r_court": "A yw'r tyst yn fodlon mynd i'r llys?",
    "court_yes": "Ydy",
    "court_no": "Nac ydy",
    "court_not_sure": "Ddim yn siŵr",
    "r_court_note": "Nodyn: {note}",
    "r_witness_service": "A gydsyniodd y tyst i atgyfeiriad at y Gwasanaeth Tystion?",
    "r_consent_signature": "Llofnod y tyst (cydsyniadau)",
    "month_1": "Ionawr",
    "month_2": "Chwefror",
    "month_3": "Mawrth",
    "month_4": "Ebrill",
    "month_5": "Mai",
    "month_6": "Mehefin",
    "month_7": "Gorffennaf",
    "month_8": "Awst",
    "month_9": "Medi",
    "month_10": "Hydref",
    "month_11": "Tachwedd",
    "month_12": "Rhagfyr",
}

TABLES: dict[str, Mapping[str, str]] = {"en": EN, "cy": CY}

# The MG11 consents the back page knows by key; any other kind is printed as given.
CONSENT_KINDS = (
    "medical_records_access",
    "medical_records_defence",
    "civil_proceedings",
    "share_with_agencies",
)
CONSENT_ALIASES = {"medical-records": "medical_records_access"}  # format 1's kind


def words(language_code: str) -> Mapping[str, str]:
    """The table for a statement language ("en" or "cy")."""
    table = TABLES.get(language_code)
    if table is None:
        raise UsageError(
            "render.language_unknown",
            "The statement language {language} is not English (en) or Welsh (cy).",
            language=language_code,
        )
    return table


def consent_text(kind: str, language_code: str) -> str | None:
    """The printed wording of a known consent kind; None for a kind to print as given."""
    key = CONSENT_ALIASES.get(kind, kind)
    return words(language_code)[f"consent_{key}"] if key in CONSENT_KINDS else None


def page_of(page: int, language_code: str = "en") -> str:
    """'Page 3 of' ('Tudalen 3 o'): the total follows, drawn by the page-total form."""
    return words(language_code)["page_of"].format(page=page)


def long_date(d: date, language_code: str = "en") -> str:
    """'4 December 2026' / '4 Rhagfyr 2026': the same pattern in both languages."""
    return f"{d.day} {words(language_code)[f'month_{d.month}']} {d.year}"


def uk_local(moment: datetime) -> datetime:
    """A stored time (UTC; a naive value is taken as UTC) in UK local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        zone = ZoneInfo(UK)
    except ZoneInfoNotFoundError:  # a system without a time zone database (no tzdata)
        raise UsageError(
            "render.no_time_zone",
            "The time zone data for {zone} is missing, so UK local times cannot be printed.",
            zone=UK,
        ) from None
    return moment.astimezone(zone)


def date_and_time(moment: datetime, language_code: str = "en") -> str:
    """'4 December 2026, 06:43' in UK local time."""
    local = uk_local(moment)
    return f"{long_date(local.date(), language_code)}, {local:%H:%M}"


def time_span(start: datetime, end: datetime | None, language_code: str = "en") -> str:
    """A sitting's start and finish in UK local time; the finish's date is repeated
    only when it falls on another day."""
    w = words(language_code)
    begun = date_and_time(start, language_code)
    if end is None:
        return w["sitting_open"].format(start=begun)
    same_day = uk_local(end).date() == uk_local(start).date()
    finished = f"{uk_local(end):%H:%M}" if same_day else date_and_time(end, language_code)
    return w["sitting_span"].format(start=begun, end=finished)
