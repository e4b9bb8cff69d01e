"""Codes that are new in the 2024 form: two new questions, a new GP code, q07's write-ins."""

from demo_phrases import code

GP_SHORTAGE = code(
    "Krevende samarbeid",
    "Fastlegemangel og vikarer",
    2.0,
    """
Kommunen mangler fastleger, og mange innbyggere står uten fast lege.
Legekontoret drives i stor grad med vikarer, og det gjør samarbeidet ustabilt.
Vi har hatt ledige fastlegehjemler i lang tid uten søkere.
Det er stadig nye leger å forholde seg til, så kontinuiteten blir borte.
Fastlegekrisen merkes godt hos oss, og legene har lite tid til samarbeid.
Mange av brukerne våre har ikke lenger en fast lege å gå til.
Når legene bare er her noen uker om gangen, blir det vanskelig å bygge samarbeid.
Legesituasjonen er krevende, og vi bruker mye tid på å finne ut hvem som har ansvaret.
""",
    """
Listene er lukket for nye pasienter.
Vikarene kjenner ikke brukerne eller tjenestene våre.
Kommunen har prøvd å rekruttere med fastlønn.
Det går ut over oppfølgingen av de sykeste.
Legevakten må ta mye av det fastlegene burde gjort.
""",
    """
Mangler fastleger.
Mye vikarer.
Fastlegekrise.
""",
)

RECRUIT_ABROAD = code(
    "Rekruttering utenfra",
    "Rekruttering fra utlandet",
    2.0,
    """
Vi har rekruttert sykepleiere fra andre land og gitt dem språkopplæring.
Kommunen har vært på rekrutteringsreise i Sverige og Danmark.
Vi har ansatt helsepersonell fra utlandet og hjelper dem med godkjenning.
Vi bruker et byrå som rekrutterer sykepleiere fra Europa.
Kommunen dekker norskkurs for ansatte som er rekruttert fra utlandet.
Vi har lyst ut stillinger på engelsk og i nordiske jobbportaler.
""",
    """
Det tar tid før autorisasjonen er på plass.
Språket er den største terskelen.
Flere av dem har blitt værende i kommunen.
""",
    """
Rekruttering fra utlandet.
Sykepleiere fra Sverige.
Utenlandsk arbeidskraft.
""",
)

RECRUIT_SHARED = code(
    "Rekruttering utenfra",
    "Delte stillinger med nabokommuner",
    1.5,
    """
Vi deler psykologstillingen med to nabokommuner.
Sammen med nabokommunene har vi opprettet felles stillinger som er lettere å fylle.
Vi har et interkommunalt samarbeid om ruskonsulent og psykolog.
Stillingene er delt mellom flere kommuner, slik at de blir hele og mer attraktive.
Vi kjøper tjenester fra nabokommunen når vi ikke får rekruttert selv.
""",
    """
Det krever mye reising for de ansatte.
Ordningen evalueres neste år.
Det har gitt et større fagmiljø.
""",
    """
Felles stilling med nabokommune.
Interkommunalt samarbeid.
""",
)

RECRUIT_TEMPORARY = code(
    "Rekruttering utenfra",
    "Innleie fra vikarbyrå",
    1.0,
    """
Vi leier inn sykepleiere fra vikarbyrå i perioder vi ikke får besatt stillinger.
Innleie fra byrå har vært nødvendig, selv om det er dyrt.
Vi har brukt vikarbyrå for å dekke ferier og langvarig fravær.
""",
    """
Det er en kostbar løsning.
Vi ønsker å redusere bruken av innleie.
""",
    """
Vikarbyrå.
Innleie.
""",
)

INVOLVEMENT_BOARD = code(
    "Faste ordninger",
    "Brukerråd og brukerrepresentanter",
    2.5,
    """
Vi har et brukerråd som gir innspill til tjenesteutviklingen.
Brukerrepresentanter deltar i arbeidsgrupper når tjenestene skal endres.
Kommunen har et eget råd for personer med erfaring fra psykisk helse og rus.
Brukerorganisasjonene er representert i styringsgruppen for planarbeidet.
Vi har faste møter med brukerrepresentanter to ganger i året.
Brukerrådet blir hørt før vi gjør endringer i tilbudet.
""",
    """
Mental Helse og RIO deltar i rådet.
Rådet får godtgjøring for møtene.
Det har gitt oss nyttige innspill på åpningstider.
Vi ønsker å rekruttere flere unge inn i rådet.
""",
    """
Brukerråd.
Gjennom brukerrådet.
Brukerrepresentant i arbeidsgruppene.
""",
)

INVOLVEMENT_SURVEYS = code(
    "Faste ordninger",
    "Brukerundersøkelser",
    2.0,
    """
Vi gjennomfører brukerundersøkelser hvert annet år.
Tjenesten bruker tilbakemeldingsverktøy i samtalene med brukerne.
Vi spør brukerne jevnlig hvordan de opplever tilbudet.
Det gjøres en årlig brukerundersøkelse, og resultatene brukes i planarbeidet.
Vi har tatt i bruk et enkelt skjema der brukerne gir tilbakemelding etter hver samtale.
""",
    """
Svarprosenten er lav.
Resultatene legges fram for politikerne.
Vi har endret tilbudet etter tilbakemeldingene.
""",
    """
Brukerundersøkelser.
Brukerundersøkelse annethvert år.
""",
)

INVOLVEMENT_PEERS = code(
    "Erfaringskompetanse",
    "Erfaringskonsulenter ansatt",
    1.5,
    """
Vi har ansatt en erfaringskonsulent i tjenesten.
Erfaringskonsulenten vår deltar i utviklingen av nye tilbud.
Kommunen har to ansatte med egen erfaring fra rus som jobber med oppfølging.
Vi bruker erfaringskonsulenter både i oppfølgingen og i planarbeidet.
Erfaringskompetanse er en del av teamet vårt.
""",
    """
Det har senket terskelen for mange brukere.
Stillingen er finansiert med tilskudd.
""",
    """
Erfaringskonsulent.
Ansatt erfaringskonsulent.
""",
)

INVOLVEMENT_LITTLE = code(
    "Lite medvirkning",
    "Lite systematisk medvirkning",
    1.5,
    """
Brukermedvirkning på systemnivå er lite utviklet hos oss.
Vi har ingen faste ordninger for brukermedvirkning utover den enkelte samtale.
Dette er et område vi må bli bedre på.
Det er vanskelig å få brukerne til å delta i slike fora.
Medvirkningen skjer mest på individnivå, i planene til den enkelte.
""",
    """
Vi har det med i planen for neste år.
I en liten kommune er det krevende å være anonym.
""",
    """
Lite.
I liten grad.
Ikke systematisk.
""",
)

DIGITAL_VIDEO = code(
    "Digitale samtaler",
    "Videosamtaler",
    2.5,
    """
Vi tilbyr videosamtaler til brukere som ønsker det.
Samtaler på video er blitt et fast tilbud ved siden av fysiske møter.
Brukerne kan velge mellom oppmøte og video.
Vi bruker video særlig for brukere som bor langt unna.
Videokonsultasjon er tatt i bruk i hele tjenesten.
""",
    """
Ikke alle ønsker det.
Det sparer mye reisetid.
Vi bruker en sikker løsning som er godkjent av kommunen.
""",
    """
Video.
Videosamtaler.
Samtaler på video.
""",
)

DIGITAL_PROGRAMS = code(
    "Digitale tiltak",
    "Digitale selvhjelpsprogram",
    1.5,
    """
Vi tilbyr digital kognitiv terapi som selvhjelpsprogram med veiledning.
Brukerne får tilgang til et nettbasert program for mestring av angst og depresjon.
Kommunen har tatt i bruk digitale behandlingsprogram i Rask psykisk helsehjelp.
Vi henviser til nettbaserte mestringskurs.
""",
    """
Programmet følges opp av en terapeut.
Det passer best for lettere plager.
""",
    """
Digital selvhjelp.
Nettbasert kurs.
""",
)

DIGITAL_CHAT = code(
    "Digitale tiltak",
    "Chat og digital kontakt",
    1.5,
    """
Ungdom kan ta kontakt med tjenesten på chat.
Vi har en digital innboks der brukerne kan sende meldinger til behandleren.
Det er mulig å bestille time og sende spørsmål gjennom Helsenorge.
Brukerne kan sende meldinger til oss på SMS.
""",
    """
Chatten er bemannet på ettermiddagen.
Det er mest brukt av de yngste.
""",
    """
Chat.
Digital dialog.
Meldinger via Helsenorge.
""",
)

DIGITAL_NONE = code(
    "Ingen digitale tilbud",
    "Ingen digitale tjenester",
    1.5,
    """
Vi har ikke digitale tjenester innen psykisk helse og rus per i dag.
Alt foregår ved fysisk oppmøte.
Vi har vurdert det, men ikke tatt noe i bruk ennå.
Kommunen har ikke egne digitale tilbud på dette feltet.
""",
    """
Det er under planlegging.
Brukerne våre foretrekker å møtes.
""",
    """
Ingen.
Nei.
Ikke ennå.
Ingen digitale tilbud.
""",
    exclusive=True,
)
