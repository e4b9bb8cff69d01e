"""The closing comment box and the "Annet, hva?" write-in on who filled in the form."""

from demo_phrases import QuestionBank, code

_COMMENT_LENGTH = code(
    "Om skjemaet",
    "Skjemaet er for omfattende",
    2.0,
    """
Skjemaet er svært omfattende og tar lang tid å fylle ut.
Det går med mange timer til å svare på undersøkelsen.
Undersøkelsen burde vært kortere.
Det er for mange spørsmål, og flere av dem overlapper.
Vi måtte involvere mange ansatte for å kunne svare, og det tar tid.
Det er krevende å sette av tid til dette midt i en travel vår.
Undersøkelsen er tidkrevende å fylle ut for en liten kommune.
Noen av spørsmålene krever at vi henter tall fra flere systemer.
""",
    """
Det er ikke mulig å lagre underveis uten å miste svar.
Tidspunktet kolliderer med budsjettarbeidet.
Forhåndsutfylte tall fra i fjor hadde hjulpet.
Det ville vært en fordel å se alle spørsmål før man begynner.
Vi brukte til sammen nesten to arbeidsdager.
""",
    """
For langt skjema.
Tar lang tid.
For mange spørsmål.
""",
)

_COMMENT_UNCLEAR = code(
    "Om skjemaet",
    "Uklare spørsmål og definisjoner",
    1.5,
    """
Noen av spørsmålene er vanskelige å forstå.
Det er uklart hvordan årsverk skal beregnes.
Definisjonene av målgruppene er ikke tydelige nok.
Vi var usikre på om vi skulle telle med ansatte i NAV.
Det er vanskelig å skille mellom psykisk helse og rus i tallene.
Enkelte spørsmål passer dårlig for små kommuner.
Det er vanskelig å vite hvilke tjenester som skal regnes med.
Enkelte begreper burde vært forklart bedre.
Noen spørsmål var tvetydige.
""",
    """
Tallene må derfor tolkes med forsiktighet.
Vi har svart så godt vi kan.
En veiledning til skjemaet ville hjulpet.
Det gjør det vanskelig å sammenligne med fjorårets tall.
Vi har skrevet forklaringer der det var mulig.
""",
    """
Uklare spørsmål.
Vanskelige spørsmål.
Uklare definisjoner.
""",
)

_COMMENT_PANDEMIC = code(
    "Om situasjonen",
    "Pandemien preget året",
    1.5,
    """
Året har vært sterkt preget av pandemien, og det påvirker svarene.
Mye av kapasiteten gikk til pandemihåndtering.
Svarene gjenspeiler et unormalt år.
Sykefravær og karantene har preget tjenesten.
Koronapandemien har preget hele året og gjør sammenligning med tidligere år vanskelig.
Mange planlagte tiltak ble utsatt på grunn av pandemien.
Pandemien har gitt oss nye erfaringer, men også slitne ansatte.
Tjenestene ble snudd på hodet av korona.
Mye av året gikk med til å håndtere smitte, karantene og omorganisering.
Vi har ikke kunnet gjennomføre alt vi ønsket på grunn av koronasituasjonen.
""",
    """
Vi håper neste år blir mer normalt.
Vi ser etterslep i flere saker.
Noen tiltak er nå startet opp igjen.
Flere ansatte ble omdisponert til vaksinering.
Ventelistene økte i perioden.
""",
    """
Spesielt år.
Preget av korona.
Koronaår.
""",
)

_COMMENT_RESOURCES = code(
    "Om situasjonen",
    "Behov for mer ressurser",
    1.5,
    """
Tjenesten er underdimensjonert i forhold til behovene.
Vi trenger flere ansatte for å kunne gi et forsvarlig tilbud.
Behovene øker, men ressursene gjør det ikke.
Vi ønsker at undersøkelsen får fram at kommunene trenger mer midler.
Vi har for få ansatte til å dekke behovet i befolkningen.
Kommunene får stadig nye oppgaver uten at det følger med midler.
Det er behov for økte rammer til psykisk helse og rus.
Tjenestene er sårbare fordi vi er så få.
Vi håper at undersøkelsen viser at det trengs mer ressurser i kommunene.
Behovet for tjenester har økt kraftig de siste årene.
""",
    """
Særlig tilbudet til barn og unge er for lite.
Ventetiden i kommunen har økt.
Sykefraværet blant ansatte er høyt.
Vi har ikke kapasitet til forebyggende arbeid.
Det gjelder særlig tilbudet til unge voksne.
""",
    """
For lite ressurser.
Trenger mer ressurser.
For få ansatte.
""",
)

_COMMENT_POSITIVE = code(
    "Tilbakemelding",
    "Nyttig undersøkelse",
    1.0,
    """
Takk for en nyttig undersøkelse.
Vi bruker rapporten aktivt i planarbeidet.
Det er fint å kunne sammenligne seg med andre kommuner.
Undersøkelsen gir en god anledning til å se på egen tjeneste.
Undersøkelsen er et nyttig verktøy for å se utviklingen over tid.
Vi bruker resultatene i kommunens plan for psykisk helse og rus.
Takk for at dere følger med på kommunenes tjenester.
Fint at undersøkelsen gjennomføres hvert år.
Rapporten er nyttig i dialogen med politikerne.
""",
    """
Vi ser frem til rapporten.
Vi ser gjerne at tallene presenteres per kommune.
Vi leser rapporten hvert år.
Den gir grunnlag for gode diskusjoner i ledergruppen.
""",
    """
Takk!
Nyttig.
Takk for en god undersøkelse.
Bra undersøkelse.
""",
)

_COMMENT_NONE = code(
    "Ingen kommentar",
    "Ingen flere kommentarer",
    1.5,
    """
Vi har ingen flere kommentarer.
Ingen ytterligere kommentarer fra oss.
Nei, vi har ingenting å legge til.
Ikke noe mer å tilføye.
Ingen andre kommentarer enn det som står i skjemaet.
Alt er sagt i svarene over.
""",
    """
Takk.
""",
    """
Nei.
Nei takk.
Ingen kommentarer.
Ingen kommentar.
ingen
Ingen.
Nei, ingen.
Ikkje noko.
""",
    exclusive=True,
)

_FILLED_ADVISER = code(
    "Stab",
    "Rådgiver eller konsulent",
    2.0,
    """
Rådgiver i kommunalsjefens stab.
Fagkonsulent for psykisk helse og rus.
Rådgiver helse og omsorg.
Spesialrådgiver.
Konsulent i helseadministrasjonen.
Prosjektleder for kvalitetsarbeid.
Seniorrådgiver, oppvekst og helse.
Rådgiver psykisk helse og rus.
Folkehelsekoordinator.
Spesialkonsulent i kommunalområde helse.
""",
    """
Med innspill fra tjenestene.
Koordinert av kommunalsjefens kontor.
Ansvarlig for kvalitetsarbeid.
""",
    """
Rådgiver.
Konsulent.
Fagrådgiver.
""",
)

_FILLED_LEADER = code(
    "Ledelse",
    "Leder for tjenesten",
    2.5,
    """
Avdelingsleder for psykisk helse og rus.
Enhetsleder psykisk helsetjeneste.
Virksomhetsleder for psykisk helse og rusomsorg.
Leder av rus- og psykiatritjenesten.
Teamleder, psykisk helse.
Fagleder rus.
Tjenesteleder psykisk helse.
Leder for psykisk helse- og rustjenesten.
Seksjonsleder psykisk helse.
""",
    """
Har ansvar for både rus og psykisk helse.
Svart i samråd med ansatte.
Tjenesteleder fyller ut hvert år.
""",
    """
Enhetsleder.
Avdelingsleder.
Virksomhetsleder.
""",
)

_FILLED_DIRECTOR = code(
    "Ledelse",
    "Kommunalsjef",
    1.0,
    """
Kommunalsjef for helse og omsorg.
Kommunalsjef helse og velferd.
Kommunaldirektør.
Helse- og omsorgssjef.
Kommunalsjef for helse, omsorg og velferd.
Kommunalleder helse.
Helse- og velferdssjef.
Direktør for helse og velferd.
Kommunalsjef oppvekst og helse.
""",
    """
Fylt ut sammen med tjenesteleder.
Med bidrag fra tjenestelederne.
Kommunalsjefen har det formelle ansvaret.
Har delegert deler av utfyllingen.
""",
    """
Kommunalsjef.
Helsesjef.
Kommunaldirektør.
Helse- og omsorgssjef.
""",
)

_FILLED_JOINT = code(
    "Flere",
    "Flere i fellesskap",
    1.5,
    """
Flere har bidratt, koordinert av leder for psykisk helse.
Skjemaet er fylt ut i fellesskap av ledergruppen.
Ledere for psykisk helse, rus og NAV sammen.
Fylt ut av en arbeidsgruppe.
Flere avdelinger har bidratt.
Fylt ut av leder og fagkonsulent i fellesskap.
Lederne for de ulike tjenestene har svart på hver sin del.
Psykisk helse og rus i samarbeid med NAV.
""",
    """
Hver tjeneste har svart på sin del.
Leder har kvalitetssikret.
Flere har lest gjennom.
""",
    """
Flere.
Flere i samarbeid.
Ledergruppen.
Samarbeid.
""",
)

_FILLED_CLINICIAN = code(
    "Fagpersoner",
    "Fagperson eller kommunepsykolog",
    1.0,
    """
Kommunepsykolog.
Psykiatrisk sykepleier.
Ruskonsulent.
Kommuneoverlege.
Helsesykepleier med ansvar for psykisk helse.
Psykiatrisk sykepleier med koordinatoransvar.
Erfaringskonsulent sammen med leder.
Miljøterapeut.
Spesialsykepleier.
""",
    """
Har tatt over etter tidligere leder.
Leder er i permisjon.
Har fylt ut for første gang.
Fagansvarlig.
""",
    """
Psykolog.
Sykepleier.
Psyk. spl.
Miljøterapeut.
""",
)

QUESTIONS = (
    QuestionBank(
        id="q09",
        text="Har du andre kommentarer til undersøkelsen eller til situasjonen i kommunen?",
        kind="comment",
        chapter="13 Kommentarer",
        single_code=False,
        response_rate=0.32,
        median_length=200,
        short_share=0.25,
        openings=(
            "Kommentar:",
            "En kommentar til slutt.",
            "Til undersøkelsen:",
        ),
        codes=(
            _COMMENT_LENGTH,
            _COMMENT_UNCLEAR,
            _COMMENT_PANDEMIC,
            _COMMENT_RESOURCES,
            _COMMENT_POSITIVE,
            _COMMENT_NONE,
        ),
    ),
    QuestionBank(
        id="q10",
        text="Hvem har hovedansvaret for å fylle ut skjemaet? – Annet, hva?",
        kind="other",
        chapter="1 Om utfyllingen",
        single_code=True,
        response_rate=0.26,
        median_length=35,
        short_share=0.45,
        openings=(),
        codes=(_FILLED_ADVISER, _FILLED_LEADER, _FILLED_DIRECTOR, _FILLED_JOINT, _FILLED_CLINICIAN),
    ),
)
