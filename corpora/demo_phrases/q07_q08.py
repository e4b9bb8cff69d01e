"""Questions on measures against recruitment problems and on cooperation with child welfare."""

from demo_phrases import QuestionBank, code

_RECRUIT_PAY = code(
    "Økonomiske tiltak",
    "Lønn og rekrutteringstillegg",
    2.0,
    """
Vi har innført rekrutteringstillegg for stillinger som er vanskelige å besette.
Kommunen tilbyr høyere lønn enn tariff for enkelte stillinger.
Det gis et eget tillegg for psykologer og spesialsykepleiere.
Vi har brukt lønn aktivt for å beholde erfarne ansatte.
Kommunen gir bindingstillegg for nyansatte.
Vi har fått politisk aksept for å legge oss over lønnsnivået i nabokommunene.
Det gis lønnstillegg for videreutdanning.
Vi har innført en ordning med rekrutteringsbonus for sykepleiere.
Stillinger som står ubesatt lyses ut med høyere lønn.
""",
    """
Tillegget er på 30 000 kroner i året.
Det gjelder i tre år.
Vi konkurrerer med sykehuset om de samme fagfolkene.
Det har gitt flere søkere, men ikke nok.
""",
    """
Lønn.
Høyere lønn.
Rekrutteringstillegg.
""",
)

_RECRUIT_LOAN = code(
    "Økonomiske tiltak",
    "Studielån, bolig og flyttegodtgjørelse",
    1.0,
    """
Vi tilbyr nedskriving av studielån.
Kommunen hjelper nyansatte med å skaffe bolig.
Det gis flyttegodtgjørelse og hjelp til å finne jobb til partner.
Vi har tiltakssonen med nedskriving av studielån, men det er likevel vanskelig.
Kommunen har utleieboliger for nyansatte.
Vi gir nyansatte hjelp med flytting og bolig det første året.
Kommunen betaler ned deler av studielånet for psykologer.
Vi har tilbud om startlån og tomt til nyansatte.
Nyansatte kan få leie en kommunal leilighet de første to årene.
""",
    """
Det har hjulpet noe.
Det er særlig viktig for sykepleiere.
Flere har blitt værende etter at bindingstiden var over.
Vi annonserer med gode bo- og fritidsmuligheter.
Ordningen er evaluert og videreføres.
""",
    """
Nedskriving av studielån.
Bolig til nyansatte.
Studielån.
Hjelp til bolig.
""",
)

_RECRUIT_EDUCATION = code(
    "Kompetanse",
    "Videreutdanning og kompetanseheving",
    2.0,
    """
Vi tilbyr videreutdanning med lønn og dekker studieutgifter.
Ansatte får mulighet til å ta videreutdanning i psykisk helsearbeid.
Vi satser på å utdanne egne ansatte.
Vi har en kompetanseplan som gir ansatte mulighet til faglig utvikling.
Vi bruker kompetansetilskuddet til å utdanne egne folk.
Kommunen dekker kurs og videreutdanning mot bindingstid.
Helsefagarbeidere får mulighet til å ta sykepleierutdanning mens de jobber.
Vi har en avtale med høgskolen om desentralisert videreutdanning.
Ansatte får permisjon med lønn for å ta master.
""",
    """
Bindingstiden er to år.
Det gir også et godt fagmiljø.
Vi har flere ansatte i videreutdanning nå.
Kompetansetilskuddet fra Statsforvalteren er viktig.
""",
    """
Videreutdanning.
Kompetanseheving.
Utdanning av egne ansatte.
""",
)

_RECRUIT_STUDENTS = code(
    "Kompetanse",
    "Studenter og praksisplasser",
    1.5,
    """
Vi tar imot mange studenter i praksis for å rekruttere dem.
Sommerjobb for studenter har gitt oss flere nyansatte.
Vi har samarbeid med høgskolen om praksisplasser.
Vi tilbyr stipend til studenter mot at de jobber hos oss etterpå.
Vi er synlige på utdanningsmesser og på universitetet.
Vi tilbyr sommerjobb til sykepleiestudenter med tanke på senere ansettelse.
Vi tar imot psykologstudenter i praksis.
Kommunen har et traineeprogram for nyutdannede.
Vi har gitt studenter stipend mot at de jobber i kommunen etter endt utdanning.
Studenter i siste år får tilbud om deltidsjobb hos oss.
""",
    """
Flere av dem vi har ansatt de siste årene har vært i praksis hos oss.
Vi får gode tilbakemeldinger fra studentene.
Det har gitt oss flere gode søkere.
Studentene får en egen veileder.
Traineeprogrammet har to plasser i året.
""",
    """
Praksisplasser.
Studenter.
Sommerjobb til studenter.
""",
)

_RECRUIT_FULLTIME = code(
    "Arbeidsmiljø",
    "Heltidskultur og større stillinger",
    1.5,
    """
Vi lyser ut hele stillinger for å bli mer attraktive.
Vi jobber med heltidskultur og har færre deltidsstillinger.
Kombinerte stillinger har gjort det lettere å tilby hele stillinger.
Vi har slått sammen små stillinger til større.
Det er innført langvakter i helgene slik at flere kan få full stilling.
Vi tilbyr 100 prosent stilling til alle nyansatte.
Deltidsansatte har fått tilbud om å øke stillingsprosenten.
Vi har opprettet faste stillinger i stedet for vikariater.
Vi har laget kombinerte stillinger mellom psykisk helse og hjemmetjenesten.
Vi har innført årsturnus for å kunne gi større stillinger.
""",
    """
Det har gitt mer stabilitet i personalgruppa.
Turnusen er lagt om.
Det har redusert bruken av vikarer.
Heltid er nå et eget mål i arbeidsgiverpolitikken.
Det er lettere å rekruttere når vi kan tilby hel stilling.
""",
    """
Hele stillinger.
Heltidskultur.
Større stillinger.
100 prosent stilling.
""",
)

_RECRUIT_FLEX = code(
    "Arbeidsmiljø",
    "Fleksibilitet og godt fagmiljø",
    2.0,
    """
Vi har et godt fagmiljø og legger vekt på veiledning.
Fleksibel arbeidstid og mulighet for hjemmekontor er viktig for mange.
Vi satser på et godt arbeidsmiljø og faglig utvikling.
Vi har fast veiledning fra psykolog for alle ansatte.
Vi har fokus på trivsel og medarbeiderskap.
Vi bruker tid på å ta godt imot nye ansatte.
Ansatte kan påvirke sin egen arbeidshverdag.
Vi gir mulighet for fleksibel arbeidstid der tjenesten tillater det.
""",
    """
Vi har en fadderordning for nyansatte.
Det er lite turnover.
Vi har fått gode skår i medarbeiderundersøkelsen.
Medarbeiderne trekker fram fagmiljøet som det viktigste.
""",
    """
Godt arbeidsmiljø.
Veiledning.
Fleksibilitet.
""",
)

_RECRUIT_NONE = code(
    "Ingen tiltak",
    "Ingen problemer eller tiltak",
    1.5,
    """
Vi har ikke hatt rekrutteringsproblemer.
Vi har ingen særskilte tiltak utover det som er nevnt.
Rekruttering har ikke vært et problem hos oss.
Vi har gode søkere til stillingene.
Det er ikke iverksatt andre tiltak.
Vi har ikke behov for særskilte tiltak per nå.
Rekrutteringen går greit, så vi har ikke satt i verk noe eget.
Vi har ingen utlyste stillinger som er vanskelige å besette.
""",
    """
Det kan endre seg fremover.
Vi følger med på situasjonen.
""",
    """
Ingen.
Ingen andre tiltak.
Ikke aktuelt.
Ingen rekrutteringsproblemer.
Ikkje aktuelt.
Som før.
Som tidligere.
Ingen endring.
Nei.
""",
    exclusive=True,
)

_CWS_MEETINGS = code(
    "Godt samarbeid",
    "Faste samarbeidsmøter",
    2.0,
    """
Vi har faste samarbeidsmøter med barnevernet.
Samarbeidet med barnevernet er godt, og vi møtes jevnlig.
Det er etablert gode rutiner for samarbeid med barnevernstjenesten.
Vi har et månedlig møte der vi drøfter saker anonymt.
Samarbeidet fungerer godt og er preget av gjensidig respekt.
Vi har tett samarbeid i enkeltsaker og faste møter på systemnivå.
Barnevernet og psykisk helsetjeneste har en skriftlig samarbeidsavtale.
Samarbeidet er godt, og vi har faste møtepunkter gjennom året.
Vi har jevnlige møter mellom ledere i barnevernet og psykisk helsetjeneste.
""",
    """
Vi har felles fagdager.
Det er kort vei mellom tjenestene.
Ledere møtes hvert kvartal.
Vi drøfter også saker på tvers uten navn.
""",
    """
Godt samarbeid.
Faste møter.
Fungerer godt.
""",
)

_CWS_TEAM = code(
    "Godt samarbeid",
    "Tverrfaglig team og felles tiltak",
    1.5,
    """
Barnevernet deltar i det tverrfaglige teamet for barn og unge.
Vi har felles tiltak for familier med sammensatte behov.
Gjennom BTI-modellen har vi fått et bedre samarbeid.
Vi har et familieteam der både barnevern og psykisk helse er med.
Barnevernet og helsetjenesten gir sammen foreldrestøtte.
Barnevernet er med i et felles oppvekstteam.
Vi jobber sammen i familier der foreldrene har psykiske problemer eller rusproblemer.
Barnevernet og psykisk helsetjeneste driver sammen et foreldreveiledningskurs.
Vi har en felles stafettlogg for barn det er bekymring for.
Det er etablert et tverrfaglig team for tidlig innsats.
""",
    """
Oppvekstreformen har gitt oss et nytt løft.
Vi har felles opplæring i kartlegging.
Teamet møtes hver fjortende dag.
Vi bruker samme kartleggingsverktøy.
Felles tiltak gir bedre hjelp til familiene.
""",
    """
BTI.
Tverrfaglig team.
Felles team.
Tidlig innsats.
""",
)

_CWS_CONFIDENTIALITY = code(
    "Utfordringer",
    "Taushetsplikt",
    1.5,
    """
Taushetsplikten gjør samarbeidet krevende.
Det er usikkerhet om hva vi kan dele med barnevernet.
Barnevernet deler lite informasjon tilbake når vi har sendt bekymringsmelding.
Vi får sjelden vite hva som skjer etter en bekymringsmelding.
Taushetsplikt og samtykke er en gjentakende utfordring.
Regelverket om taushetsplikt gjør det vanskelig å samarbeide tidlig.
Det er uklart for mange ansatte hva de kan si til barnevernet.
Barnevernet kan sjelden gi informasjon om hva som skjer i saken.
Det er behov for mer kunnskap om taushetsplikt og opplysningsplikt.
""",
    """
Vi trenger bedre rutiner for samtykke.
Foreldrene vil ikke alltid samtykke.
Vi har hatt et felles kurs om taushetsplikt.
Samarbeidet blir bedre når foreldrene samtykker.
Vi bruker samtykkeskjema i de fleste saker.
""",
    """
Taushetsplikt.
Taushetsplikten.
Lite tilbakemelding.
""",
)

_CWS_CAPACITY = code(
    "Utfordringer",
    "Barnevernets kapasitet og turnover",
    1.5,
    """
Barnevernet har høy turnover, og det er vanskelig å bygge samarbeid.
Barnevernet har for lite kapasitet.
Det er mange nye saksbehandlere i barnevernet.
Barnevernet er presset og har lite tid til samarbeid.
Vi opplever at barnevernet har vanskelig for å prioritere samarbeidsmøter.
Barnevernet har mange saker og lite tid til samarbeid.
Stadig nye kontaktpersoner i barnevernet gjør samarbeidet ustabilt.
Barnevernet har hatt mye sykefravær og vakanser.
Det tar lang tid før barnevernet svarer på henvendelser.
""",
    """
Mange vikarer.
Det blir mye personavhengig.
Vi må ofte begynne på nytt med nye saksbehandlere.
Barnevernet har fått flere oppgaver etter barnevernsreformen.
Det er ikke barnevernets vilje det står på.
""",
    """
Høy turnover.
Presset barnevern.
Travelt barnevern.
Mange vikarer.
""",
)

_CWS_DISTANCE = code(
    "Utfordringer",
    "Interkommunalt barnevern og avstand",
    1.0,
    """
Barnevernet er interkommunalt, og avstanden gjør samarbeidet vanskeligere.
Etter at barnevernet ble interkommunalt har vi mindre kontakt.
Barnevernet sitter i en annen kommune, og vi kjenner dem dårlig.
Det er lang reisevei til barnevernskontoret.
Det interkommunale barnevernet er organisert i en annen kommune, og det gjør kontakten mindre.
Vi har mindre kontakt med barnevernet nå enn da det var i egen kommune.
Barnevernet har kontor langt unna, og det blir få møter.
Samarbeidet er vanskeligere etter at barnevernet ble slått sammen med nabokommunene.
Det er lang vei til barnevernet, både fysisk og i organisasjonen.
""",
    """
Vi bruker video for å kompensere.
Vi har færre uformelle møter.
Barnevernet kjenner lite til det lokale tilbudet.
Vi forsøker å ha et fast møte i måneden.
""",
    """
Interkommunalt.
Lang avstand.
Interkommunalt barnevern.
""",
)

_CWS_LITTLE = code(
    "Lite samarbeid",
    "Lite eller tilfeldig kontakt",
    1.5,
    """
Vi har lite samarbeid med barnevernet.
Samarbeidet er tilfeldig og lite systematisk.
Vi har få felles saker med barnevernet.
Samarbeidet har ikke vært prioritert.
Det er lite kontakt mellom tjenestene.
Vi har nesten ikke hatt kontakt med barnevernet det siste året.
Samarbeidet er lite utviklet.
Samarbeidet skjer bare i enkeltsaker.
""",
    """
Det burde vært bedre.
Vi ønsker et tettere samarbeid.
Det er ingen faste møter.
""",
    """
Lite.
Lite samarbeid.
Tilfeldig.
Variabelt.
""",
)

QUESTIONS = (
    QuestionBank(
        id="q07",
        text="Hvilke andre tiltak har kommunen satt i verk mot rekrutteringsproblemer?",
        kind="open",
        chapter="11 Personell og kompetanse",
        single_code=False,
        response_rate=0.5,
        median_length=170,
        short_share=0.16,
        openings=(
            "Rekruttering er krevende.",
            "Vi har flere tiltak.",
            "Det er særlig vanskelig å rekruttere psykologer og sykepleiere.",
        ),
        codes=(
            _RECRUIT_PAY,
            _RECRUIT_LOAN,
            _RECRUIT_EDUCATION,
            _RECRUIT_STUDENTS,
            _RECRUIT_FULLTIME,
            _RECRUIT_FLEX,
            _RECRUIT_NONE,
        ),
    ),
    QuestionBank(
        id="q08",
        text="Hvordan fungerer samarbeidet med barnevernstjenesten?",
        kind="open",
        chapter="12 Barn og unge",
        single_code=False,
        response_rate=0.62,
        median_length=200,
        short_share=0.14,
        openings=(
            "Samarbeidet med barnevernet:",
            "Dette har blitt bedre.",
            "Det er litt ulikt.",
        ),
        codes=(_CWS_MEETINGS, _CWS_TEAM, _CWS_CONFIDENTIALITY, _CWS_CAPACITY, _CWS_DISTANCE, _CWS_LITTLE),
    ),
)
