"""Questions on measures against recruitment problems and on cooperation with child welfare."""

from phrasebank import QuestionBank, code

_RECRUIT_PAY = code("Økonomiske tiltak", "Lønn og rekrutteringstillegg", 2.0, """
Vi har innført rekrutteringstillegg for stillinger som er vanskelige å besette.
Kommunen tilbyr høyere lønn enn tariff for enkelte stillinger.
Det gis et eget tillegg for psykologer og spesialsykepleiere.
Vi har brukt lønn aktivt for å beholde erfarne ansatte.
Kommunen gir bindingstillegg for nyansatte.
Vi har fått politisk aksept for å legge oss over lønnsnivået i nabokommunene.
Det gis lønnstillegg for videreutdanning.
""", """
Tillegget er på 30 000 kroner i året.
Det gjelder i tre år.
Vi konkurrerer med sykehuset om de samme fagfolkene.
""", """
Lønn.
Høyere lønn.
Rekrutteringstillegg.
""")

_RECRUIT_LOAN = code("Økonomiske tiltak", "Studielån, bolig og flyttegodtgjørelse", 1.0, """
Vi tilbyr nedskriving av studielån.
Kommunen hjelper nyansatte med å skaffe bolig.
Det gis flyttegodtgjørelse og hjelp til å finne jobb til partner.
Vi har tiltakssonen med nedskriving av studielån, men det er likevel vanskelig.
Kommunen har utleieboliger for nyansatte.
""", """
Det har hjulpet noe.
Det er særlig viktig for sykepleiere.
""", """
Nedskriving av studielån.
Bolig til nyansatte.
""")

_RECRUIT_EDUCATION = code("Kompetanse", "Videreutdanning og kompetanseheving", 2.0, """
Vi tilbyr videreutdanning med lønn og dekker studieutgifter.
Ansatte får mulighet til å ta videreutdanning i psykisk helsearbeid.
Vi satser på å utdanne egne ansatte.
Vi har en kompetanseplan som gir ansatte mulighet til faglig utvikling.
Vi bruker kompetansetilskuddet til å utdanne egne folk.
Kommunen dekker kurs og videreutdanning mot bindingstid.
Helsefagarbeidere får mulighet til å ta sykepleierutdanning mens de jobber.
""", """
Bindingstiden er to år.
Det gir også et godt fagmiljø.
Vi har flere ansatte i videreutdanning nå.
""", """
Videreutdanning.
Kompetanseheving.
""")

_RECRUIT_STUDENTS = code("Kompetanse", "Studenter og praksisplasser", 1.5, """
Vi tar imot mange studenter i praksis for å rekruttere dem.
Sommerjobb for studenter har gitt oss flere nyansatte.
Vi har samarbeid med høgskolen om praksisplasser.
Vi tilbyr stipend til studenter mot at de jobber hos oss etterpå.
Vi er synlige på utdanningsmesser og på universitetet.
""", """
Flere av dem vi har ansatt de siste årene har vært i praksis hos oss.
Vi får gode tilbakemeldinger fra studentene.
""", """
Praksisplasser.
Studenter.
""")

_RECRUIT_FULLTIME = code("Arbeidsmiljø", "Heltidskultur og større stillinger", 1.5, """
Vi lyser ut hele stillinger for å bli mer attraktive.
Vi jobber med heltidskultur og har færre deltidsstillinger.
Kombinerte stillinger har gjort det lettere å tilby hele stillinger.
Vi har slått sammen små stillinger til større.
Det er innført langvakter i helgene slik at flere kan få full stilling.
""", """
Det har gitt mer stabilitet i personalgruppa.
Turnusen er lagt om.
""", """
Hele stillinger.
Heltidskultur.
""")

_RECRUIT_FLEX = code("Arbeidsmiljø", "Fleksibilitet og godt fagmiljø", 2.0, """
Vi har et godt fagmiljø og legger vekt på veiledning.
Fleksibel arbeidstid og mulighet for hjemmekontor er viktig for mange.
Vi satser på et godt arbeidsmiljø og faglig utvikling.
Vi har fast veiledning fra psykolog for alle ansatte.
Vi har fokus på trivsel og medarbeiderskap.
Vi bruker tid på å ta godt imot nye ansatte.
Ansatte kan påvirke sin egen arbeidshverdag.
""", """
Vi har en fadderordning for nyansatte.
Det er lite turnover.
Vi har fått gode skår i medarbeiderundersøkelsen.
""", """
Godt arbeidsmiljø.
Veiledning.
Fleksibilitet.
""")

_RECRUIT_NONE = code("Ingen tiltak", "Ingen problemer eller tiltak", 1.5, """
Vi har ikke hatt rekrutteringsproblemer.
Vi har ingen særskilte tiltak utover det som er nevnt.
Rekruttering har ikke vært et problem hos oss.
Vi har gode søkere til stillingene.
""", """
Det kan endre seg fremover.
""", """
Ingen.
Ingen andre tiltak.
Ikke aktuelt.
Ingen rekrutteringsproblemer.
Ikkje aktuelt.
Nei.
""")

_CWS_MEETINGS = code("Godt samarbeid", "Faste samarbeidsmøter", 2.0, """
Vi har faste samarbeidsmøter med barnevernet.
Samarbeidet med barnevernet er godt, og vi møtes jevnlig.
Det er etablert gode rutiner for samarbeid med barnevernstjenesten.
Vi har et månedlig møte der vi drøfter saker anonymt.
Samarbeidet fungerer godt og er preget av gjensidig respekt.
Vi har tett samarbeid i enkeltsaker og faste møter på systemnivå.
Barnevernet og psykisk helsetjeneste har en skriftlig samarbeidsavtale.
""", """
Vi har felles fagdager.
Det er kort vei mellom tjenestene.
Ledere møtes hvert kvartal.
""", """
Godt samarbeid.
Faste møter.
Fungerer godt.
""")

_CWS_TEAM = code("Godt samarbeid", "Tverrfaglig team og felles tiltak", 1.5, """
Barnevernet deltar i det tverrfaglige teamet for barn og unge.
Vi har felles tiltak for familier med sammensatte behov.
Gjennom BTI-modellen har vi fått et bedre samarbeid.
Vi har et familieteam der både barnevern og psykisk helse er med.
Barnevernet og helsetjenesten gir sammen foreldrestøtte.
""", """
Oppvekstreformen har gitt oss et nytt løft.
Vi har felles opplæring i kartlegging.
""", """
BTI.
Tverrfaglig team.
""")

_CWS_CONFIDENTIALITY = code("Utfordringer", "Taushetsplikt", 1.5, """
Taushetsplikten gjør samarbeidet krevende.
Det er usikkerhet om hva vi kan dele med barnevernet.
Barnevernet deler lite informasjon tilbake når vi har sendt bekymringsmelding.
Vi får sjelden vite hva som skjer etter en bekymringsmelding.
Taushetsplikt og samtykke er en gjentakende utfordring.
""", """
Vi trenger bedre rutiner for samtykke.
Foreldrene vil ikke alltid samtykke.
""", """
Taushetsplikt.
""")

_CWS_CAPACITY = code("Utfordringer", "Barnevernets kapasitet og turnover", 1.5, """
Barnevernet har høy turnover, og det er vanskelig å bygge samarbeid.
Barnevernet har for lite kapasitet.
Det er mange nye saksbehandlere i barnevernet.
Barnevernet er presset og har lite tid til samarbeid.
Vi opplever at barnevernet har vanskelig for å prioritere samarbeidsmøter.
""", """
Mange vikarer.
Det blir mye personavhengig.
""", """
Høy turnover.
Presset barnevern.
""")

_CWS_DISTANCE = code("Utfordringer", "Interkommunalt barnevern og avstand", 1.0, """
Barnevernet er interkommunalt, og avstanden gjør samarbeidet vanskeligere.
Etter at barnevernet ble interkommunalt har vi mindre kontakt.
Barnevernet sitter i en annen kommune, og vi kjenner dem dårlig.
Det er lang reisevei til barnevernskontoret.
""", """
Vi bruker video for å kompensere.
""", """
Interkommunalt.
""")

_CWS_LITTLE = code("Lite samarbeid", "Lite samarbeid", 1.5, """
Vi har lite samarbeid med barnevernet.
Samarbeidet er tilfeldig og lite systematisk.
Vi har få felles saker med barnevernet.
Samarbeidet har ikke vært prioritert.
Det er lite kontakt mellom tjenestene.
""", """
Det burde vært bedre.
""", """
Lite.
Lite samarbeid.
Tilfeldig.
Variabelt.
""")

QUESTIONS = (
    QuestionBank(
        id="q07",
        text="Hvilke andre tiltak har kommunen satt i verk mot rekrutteringsproblemer?",
        kind="open",
        chapter="11 Personell og kompetanse",
        single_code=False,
        response_rate=0.5,
        median_length=140,
        short_share=0.16,
        openings=(
            "Rekruttering er krevende.",
            "Vi har flere tiltak.",
            "Det er særlig vanskelig å rekruttere psykologer og sykepleiere.",
        ),
        codes=(_RECRUIT_PAY, _RECRUIT_LOAN, _RECRUIT_EDUCATION, _RECRUIT_STUDENTS,
               _RECRUIT_FULLTIME, _RECRUIT_FLEX, _RECRUIT_NONE),
    ),
    QuestionBank(
        id="q08",
        text="Hvordan fungerer samarbeidet med barnevernstjenesten?",
        kind="open",
        chapter="12 Barn og unge",
        single_code=False,
        response_rate=0.62,
        median_length=170,
        short_share=0.14,
        openings=(
            "Samarbeidet med barnevernet:",
            "Dette har blitt bedre.",
            "Det er litt ulikt.",
        ),
        codes=(_CWS_MEETINGS, _CWS_TEAM, _CWS_CONFIDENTIALITY, _CWS_CAPACITY, _CWS_DISTANCE,
               _CWS_LITTLE),
    ),
)
