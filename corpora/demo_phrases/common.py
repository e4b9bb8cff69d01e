"""Phrases shared by all questions: near-duplicates, connectors, closings, identifying details."""

from demo_phrases import lines

UNCHANGED = lines("""
Som før.
som før
Som før
Som før!
Ingen endring
Ingen endring.
ingen endring
Uendret
Uendret.
uendret
Ingen endringer.
Ingen endringer
Som før pandemien.
Som tidligere.
Omtrent som før.
Samme som før.
Ingen vesentlige endringer.
Ikke noe endring.
""")

# Coordinating openers keep the sentence's own word order, so any core sentence follows them.
CONNECTORS = ("Men ", "Og ", "", "", "", "Samtidig: ", "Ellers: ", "En annen ting: ")

CLOSINGS = lines("""
Ellers ingen kommentarer.
Se også svar i fjorårets undersøkelse.
Dette er noe vi jobber videre med.
Håper dette gir et riktig bilde.
Svaret er drøftet i ledergruppen.
Vi vil gjerne ha mer veiledning på dette området.
Dette gjelder både psykisk helse og rus.
Situasjonen er i endring.
Vi har ikke tall på dette, men dette er vårt inntrykk.
""")

OWN_UNIT = lines("""
Her i {own} er dette særlig tydelig.
Vi i {own} har jobbet med dette i flere år.
Situasjonen i {own} er nok ikke så ulik andre steder.
For oss i {own} har dette vært en viktig sak i budsjettarbeidet.
Det er få ansatte i {own}, så dette blir sårbart.
Politikerne i {own} er orientert om dette.
""")

NEIGHBOUR = lines("""
Vi samarbeider med {neighbour} om dette.
Vi kjøper enkelte tjenester fra {neighbour}.
{neighbour} har et tilbud som noen av våre innbyggere bruker.
Vi har et interkommunalt samarbeid med {neighbour}.
Vi har sett til hvordan {neighbour} har organisert dette.
""")

PERSON = lines("""
Kontakt {person} for mer informasjon.
Spørsmål kan rettes til {person}, {role}.
{person} ({role}) kan svare mer utfyllende på dette.
Vår {role}, {person}, har hatt ansvaret for dette.
Det var {person} som tok initiativet til dette.
""")

PHONE = lines("""
Ta gjerne kontakt på tlf {phone}.
Kontaktperson: {person}, tlf. {phone}.
Ring gjerne {person} på {phone} om noe er uklart.
Nærmere opplysninger på telefon {phone}.
""")

EMAIL = lines("""
Mer informasjon kan fås ved å sende e-post til {email}.
Kontakt {person} på {email} for spørsmål.
Spørsmål om svaret kan sendes til {email}.
""")

INSTITUTION = lines("""
Samarbeidet med {institution} er viktig her.
Vi har faste møter med {institution}.
Ventetiden ved {institution} påvirker dette.
Ambulant team fra {institution} bidrar også.
{institution} har vært en god støttespiller.
""")

FIRST_NAMES = lines(
    """
Kari Ola Anne Per Ingrid Lars Marit Knut Hilde Jon Siri Trond Eli Tor Randi Geir Tone Morten
Kristin Stian Lene Espen Guro Håkon Silje Bjørn Ragnhild Øystein Mona Arne Åse Sindre Torill
""".replace(" ", "\n")
)

LAST_NAMES = lines(
    """
Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen
Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen
Henriksen Lund Sørensen Moen Strand Solberg Bakken Lie Aas Myhre Vik Nordmann Haugland Bø
""".replace(" ", "\n")
)

ROLES = lines("""
virksomhetsleder
leder for psykisk helse og rus
kommunepsykolog
ruskonsulent
rådgiver
enhetsleder
kommuneoverlege
avdelingsleder
""")

# Real health trusts, hospitals and DPS, by county, named in answers as identifying details.
INSTITUTIONS = {
    "Oslo": ("Lovisenberg DPS", "Diakonhjemmet sykehus", "Oslo universitetssykehus"),
    "Viken": ("Ahus", "Vestre Viken", "Sykehuset Østfold", "DPS Follo"),
    "Innlandet": ("Sykehuset Innlandet", "DPS Gjøvik", "DPS Tynset"),
    "Vestfold og Telemark": ("Sykehuset i Vestfold", "Sykehuset Telemark", "DPS Vestfold"),
    "Agder": ("Sørlandet sykehus", "DPS Aust-Agder", "DPS Lister"),
    "Rogaland": ("Stavanger universitetssjukehus", "Jæren DPS", "Dalane DPS", "Helse Fonna"),
    "Vestland": ("Bjørgvin DPS", "Kronstad DPS", "Haukeland", "Helse Førde", "Voss DPS"),
    "Møre og Romsdal": ("Helse Møre og Romsdal", "DPS Volda", "Ålesund sjukehus"),
    "Trøndelag": ("St. Olavs hospital", "Helse Nord-Trøndelag", "Orkdal DPS", "Tiller DPS"),
    "Nordland": ("Nordlandssykehuset", "Helgelandssykehuset", "DPS Vesterålen"),
    "Troms og Finnmark": ("UNN", "Finnmarkssykehuset", "DPS Midt-Troms", "DPS Nord-Troms"),
}
