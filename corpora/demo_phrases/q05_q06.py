"""Questions on housing for the target group and on children bereaved by suicide."""

from demo_phrases import QuestionBank, code

_HOUSING_SHORTAGE = code(
    "Tilgang på boliger",
    "Mangel på egnede boliger",
    3.0,
    """
Det er for få egnede boliger for personer med psykiske lidelser og rusproblemer.
Den største utfordringen er rett og slett mangel på boliger.
Vi har ikke nok boliger til dem som trenger det.
Det er vanskelig å finne boliger som passer for målgruppen.
Boligmassen i kommunen er ikke tilpasset brukernes behov.
Mange bor i boliger som ikke er egnet, og noen bor midlertidig i lang tid.
Det er lange ventelister på kommunal bolig.
Vi har brukere som bor på campingplass eller hos venner fordi det ikke finnes boliger.
Det mangler små, rimelige leiligheter.
Flere brukere blir boende på institusjon fordi vi ikke har bolig å tilby.
Mangel på boliger gjør at utskrivninger fra sykehus blir utsatt.
""",
    """
Vi har brukt hotell og hybelhus som nødløsning.
Det er behov for både små leiligheter og mer skjermede boliger.
Kommunen jobber med en ny boligsosial plan.
Det tar tid å bygge nytt.
Noen har ventet i over ett år.
""",
    """
For få boliger.
Mangel på boliger.
Mangler boliger.
Boligmangel.
""",
)

_HOUSING_PRICES = code(
    "Tilgang på boliger",
    "Høye priser og vanskelig leiemarked",
    2.0,
    """
Leieprisene er høye, og brukerne har ikke råd til å leie på det private markedet.
Det private leiemarkedet er lite, og utleiere vil ikke leie ut til vår målgruppe.
Brukerne taper i konkurransen om leiligheter.
Det er nesten umulig for brukere med betalingsanmerkninger å få leie.
Mange utleiere krever depositum som brukerne ikke har.
Prisene på boliger gjør det vanskelig å kjøpe, selv med startlån.
Brukerne blir diskriminert på leiemarkedet.
Det er lite utleieboliger i kommunen, og de som finnes er dyre.
Brukerne har ikke råd til de boligene som finnes.
""",
    """
NAV stiller depositumsgaranti, men mange utleiere godtar ikke det.
Bostøtten dekker ikke husleien.
Hyttemarkedet presser prisene opp.
Studenter konkurrerer om de samme hyblene.
Mange leier av private, men kontraktene er korte.
""",
    """
Dyrt.
Høye leiepriser.
Dyrt å leie.
""",
)

_HOUSING_MUNICIPAL = code(
    "Tilgang på boliger",
    "For få kommunale boliger",
    1.5,
    """
Kommunen har for få kommunale utleieboliger.
De kommunale boligene er gamle og i dårlig stand.
Vi har solgt kommunale boliger, og det har vi angret på.
Det er stor konkurranse om de kommunale boligene fra mange grupper.
Kommunale boliger tildeles etter hastegrad, og våre brukere blir ofte ikke prioritert.
Standarden på de kommunale boligene er for dårlig.
Det er for få kommunale utleieboliger, og ventelisten er lang.
Vi har ikke nok gjennomgangsboliger.
Mange av de kommunale boligene ligger langt fra sentrum og tjenestene.
""",
    """
Flyktninger og personer med utviklingshemming trenger også bolig.
Vedlikeholdet har vært nedprioritert.
Det er vedtatt å kjøpe flere boliger.
Boligene er spredt, og det gjør oppfølgingen tidkrevende.
Kommunen eier bare et tjuetall leiligheter.
""",
    """
Få kommunale boliger.
For få kommunale utleieboliger.
Gamle kommunale boliger.
""",
)

_HOUSING_STAFFED = code(
    "Boligtype",
    "Mangler bolig med bemanning",
    2.0,
    """
Vi mangler boliger med bemanning for brukere som ikke klarer å bo alene.
Det er behov for en bemannet bolig for personer med rus og psykiske lidelser.
Noen brukere trenger døgnbemanning, og det har vi ikke.
Vi mangler et botilbud for de aller dårligste.
Det finnes ikke et trygt botilbud med personale i nærheten.
Vi har ingen samlokaliserte boliger med fast personale.
Brukere med utagering trenger egne boliger med tilsyn.
Det finnes ikke en bolig med personale for dem som trenger tett oppfølging.
Vi har brukere som ikke kan bo alene, men som heller ikke får institusjonsplass.
""",
    """
Et nytt bofellesskap er under planlegging.
Vi kjøper plasser i andre kommuner, og det er dyrt.
Det gjelder et fåtall, men de krever mye.
Mangelen fører til at noen blir værende på sykehus for lenge.
""",
    """
Bemannet bolig.
Mangler døgnbemannet tilbud.
Bemannet botilbud mangler.
""",
)

_HOUSING_MIXED = code(
    "Boligtype",
    "Belastede bomiljø",
    1.0,
    """
Mange brukere bor samlet i de samme boligområdene, og det gir et belastet bomiljø.
Samlokalisering av brukere med rusproblemer gir uro og konflikter.
Det er lett å havne i et miljø som gjør det vanskelig å holde seg rusfri.
Noen av boligene ligger i områder med mye rus og kriminalitet.
Brukere som skal ut av rusmiljøet får bolig midt i det samme miljøet.
Vi har en del boliger der mange med rusproblemer bor tett.
Miljøet rundt de kommunale boligene er belastet.
Det er utfordrende når brukere med ulike behov bor vegg i vegg.
Bomiljøet i enkelte blokker er preget av rus og uro.
""",
    """
Vi prøver å spre boligene mer.
Naboene klager.
Noen brukere ønsker å flytte men får ikke tilbud om annen bolig.
Vi har hatt politiet på besøk flere ganger.
Det er behov for å tenke nytt om hvor boligene ligger.
""",
    """
Dårlig bomiljø.
Belastet bomiljø.
Uro i boligene.
""",
)

_HOUSING_FOLLOWUP = code(
    "Bo-oppfølging",
    "Behov for oppfølging i bolig",
    2.0,
    """
Mange trenger hjelp til å mestre det å bo, og vi har for lite ressurser til bo-oppfølging.
Brukerne har behov for praktisk hjelp og oppfølging i hjemmet.
Det er ikke nok å skaffe bolig, brukerne må også følges opp.
Vi mangler ressurser til å følge opp brukerne i egen bolig.
Mange mangler grunnleggende boferdigheter som økonomi, renhold og innkjøp.
Det er behov for miljøarbeidere som kan være tett på brukerne der de bor.
Botreningstilbud mangler.
Det er for lite personell til å gi oppfølging i hjemmet.
""",
    """
Housing first har vært nyttig.
Vi samarbeider med NAV om økonomisk rådgivning.
Oppfølgingen stopper ofte når brukeren har fått bolig.
Boveiledning er et tilbud vi ønsker å bygge ut.
""",
    """
Oppfølging i bolig.
Boferdigheter.
Bo-oppfølging.
""",
)

_HOUSING_EVICTION = code(
    "Bo-oppfølging",
    "Utkastelser og skader",
    1.0,
    """
Flere brukere blir kastet ut på grunn av husleierestanser eller skader.
Naboklager og utkastelser er et gjentakende problem.
Noen brukere ødelegger boligene, og det er vanskelig å finne ny bolig etterpå.
Vi har hatt flere utkastelser det siste året.
Når brukere mister boligen, er det svært vanskelig å skaffe en ny.
Vi ser at flere mister boligen fordi de ikke betaler husleie.
Mange av brukerne har en historie med utkastelser, og det gjør det vanskelig å få ny bolig.
Konflikter med naboer ender ofte med at brukeren må flytte.
Boligene blir ofte skadet, og kommunen må dekke utgiftene.
""",
    """
Det blir en runddans mellom midlertidige løsninger.
Skader på boliger koster kommunen mye.
Vi har fått en ordning med trekk av husleie fra ytelser.
Utleiere vil ikke leie ut til personer som har ødelagt boliger tidligere.
Noen brukere har vært gjennom flere utkastelser.
""",
    """
Utkastelser.
Husleierestanser.
Skader på boliger.
""",
)

_HOUSING_NONE = code(
    "Ingen store utfordringer",
    "Boligsituasjonen er grei",
    1.0,
    """
Vi har ikke store utfordringer med bolig for målgruppen.
Boligsituasjonen er stort sett god.
Vi klarer stort sett å skaffe bolig til dem som trenger det.
Det er få i målgruppen som mangler bolig.
Vi har fått på plass flere boliger de siste årene, og situasjonen er nå grei.
Det er sjelden vi ikke finner en løsning.
Boligsituasjonen er bedre enn den har vært tidligere.
""",
    """
Vi er en liten kommune og har oversikt.
Det kan likevel ta litt tid å finne riktig bolig.
Tett samarbeid mellom NAV og boligkontoret har hjulpet.
""",
    """
Ingen store.
Ingen spesielle.
Ingen utfordringer.
Ikke noe spesielt.
Ikke store utfordringer.
Greit.
""",
    exclusive=True,
)

_BEREAVED_CRISIS = code(
    "Kommunale tilbud",
    "Kriseteam",
    2.5,
    """
Kommunens kriseteam tar kontakt med familien og følger opp barna.
Psykososialt kriseteam gir tilbud til de etterlatte, også barna.
Kriseteamet rykker ut og har første kontakt med familien.
Barna får oppfølging gjennom kriseteamet den første tiden.
Vi har et kriseteam som følger opp etterlatte etter selvmord, inkludert barn.
Kriseteamet tilbyr samtaler og kartlegger behov for videre oppfølging.
Etterlatte blir kontaktet av kriseteamet innen et døgn.
Kriseteamet gir tilbud om samtaler både til barna og til foreldrene.
Barna følges opp av kriseteamet etter en egen plan for etterlatte.
""",
    """
Kriseteamet har en egen plan for oppfølging av barn.
Oppfølgingen varer vanligvis noen måneder.
Vi har en plan for proaktiv oppfølging i ett år.
Kriseteamet har fått opplæring i samtaler med barn.
""",
    """
Kriseteam.
Kriseteamet.
Oppfølging fra kriseteam.
""",
)

_BEREAVED_SCHOOL = code(
    "Kommunale tilbud",
    "Helsesykepleier og skole",
    2.0,
    """
Helsesykepleier følger opp barna på skolen.
Skolehelsetjenesten har samtaler med barn som har mistet noen.
Barnehagen og skolen får veiledning i hvordan de kan ivareta barnet.
Skolen og helsesykepleier er viktige i oppfølgingen av barna.
Barna får tilbud om samtaler med helsesykepleier.
Helsestasjon for ungdom er tilgjengelig for de eldre barna.
Helsesykepleier på skolen er ofte den som følger barna over tid.
Vi bruker skolehelsetjenesten og PP-tjenesten i oppfølgingen.
""",
    """
Lærerne får råd om hvordan de skal møte barnet.
Det er viktig med god informasjon til klassen.
Vi har en sorgplan i alle skoler.
Barnehagen får hjelp til å snakke med de minste barna.
Skolen varsles med samtykke fra foreldrene.
""",
    """
Helsesykepleier.
Skolehelsetjenesten.
Helsesykepleier og skole.
""",
)

_BEREAVED_GROUPS = code(
    "Kommunale tilbud",
    "Sorggrupper og samtaletilbud",
    1.5,
    """
Vi har sorggrupper for barn og unge.
Barna kan få samtaler hos psykisk helsetjeneste for barn og unge.
Kommunepsykologen tilbyr samtaler til barn og foreldre.
Det gis individuelle samtaler til barna og familien.
Vi har et samtaletilbud for etterlatte barn.
Barn og ungdom kan delta i sorggruppe sammen med andre i samme situasjon.
Familievernkontoret og kommunen har et samtaletilbud til familier i sorg.
Barn får tilbud om oppfølgingssamtaler over tid hos familieterapeut.
Vi har et lavterskel samtaletilbud der barn kan komme sammen med en voksen.
""",
    """
Gruppene drives i samarbeid med nabokommunen.
Tilbudet er lite brukt.
Sorggruppa møtes annenhver uke.
Tilbudet er gratis og krever ingen henvisning.
Vi har hatt et par barn i gruppa i år.
""",
    """
Sorggruppe.
Samtaler.
Sorggruppe for barn.
""",
)

_BEREAVED_REFERRAL = code(
    "Samarbeid",
    "Henvisning til BUP",
    1.5,
    """
Ved behov henvises barna til BUP.
Vi samarbeider med BUP om oppfølging av barna.
Fastlege henviser til spesialisthelsetjenesten når det er behov.
Barna får tilbud gjennom BUP, kommunen har ikke et eget tilbud.
Vi bruker RVTS for veiledning.
Ved behov for mer enn kriseoppfølging henvises barna til BUP.
Vi har et godt samarbeid med BUP i slike saker.
Kommunen har ikke spesialkompetanse, så vi henviser videre.
Barna blir henvist til spesialisthelsetjenesten når det er behov for behandling.
""",
    """
Ventetiden hos BUP kan være lang.
BUP gir også veiledning til foreldre og skole.
Vi har fått veiledning fra RVTS i enkeltsaker.
Det er kort ventetid på BUP for slike saker.
""",
    """
BUP.
Henvises.
Henvises til BUP.
""",
)

_BEREAVED_VOLUNTARY = code(
    "Samarbeid",
    "Frivillige organisasjoner",
    1.0,
    """
Vi informerer om LEVE og andre frivillige organisasjoner.
Familiene får informasjon om sorggrupper i regi av frivillige.
Kirken har et sorgtilbud som vi henviser til.
Frivillige organisasjoner er en viktig del av tilbudet.
Vi samarbeider med Kirkens SOS og LEVE om tilbud til etterlatte.
Familiene får informasjon om likepersoner gjennom LEVE.
Den norske kirke har sorggrupper som vi anbefaler.
Frivillige organisasjoner tar seg av mye av den langsiktige oppfølgingen.
Vi formidler kontakt med Landsforeningen for etterlatte ved selvmord.
""",
    """
Vi har en brosjyre med oversikt over tilbud.
Organisasjonene har god kompetanse på sorg.
Vi deler ut informasjonsmateriell fra LEVE.
Samarbeidet med menigheten er godt.
""",
    """
LEVE.
Frivillige.
Kirken og LEVE.
""",
)

_BEREAVED_NONE = code(
    "Mangler tilbud",
    "Ikke eget tilbud",
    2.0,
    """
Vi har ikke noe eget tilbud til barn som er etterlatte ved selvmord.
Det finnes ikke et systematisk tilbud, det vurderes fra sak til sak.
Kommunen mangler et tilbud til denne gruppen.
Vi har ikke hatt slike saker de siste årene.
Dette er et område vi må bli bedre på.
Det gis oppfølging, men ikke et spesifikt tilbud for barn.
Det finnes ikke et særskilt tilbud, men barna får den hjelpen vi har ellers.
""",
    """
Vi har ikke kompetanse på dette.
Det er nevnt i handlingsplanen for selvmordsforebygging.
Vi vil se nærmere på dette i revisjonen av planen.
""",
    """
Ingen.
Ikke noe eget tilbud.
Ikke noe spesielt.
Vet ikke.
Individuell vurdering.
Ingen spesielle tiltak.
""",
    exclusive=True,
)

QUESTIONS = (
    QuestionBank(
        id="q05",
        text="Hva er de største utfordringene knyttet til bolig for målgruppen?",
        kind="open",
        chapter="9 Bolig",
        single_code=False,
        response_rate=0.86,
        median_length=250,
        short_share=0.12,
        openings=(
            "Bolig er en stor utfordring.",
            "Det er flere forhold.",
            "Vi har mange brukere som trenger bolig.",
            "Boligsituasjonen:",
        ),
        codes=(
            _HOUSING_SHORTAGE,
            _HOUSING_PRICES,
            _HOUSING_MUNICIPAL,
            _HOUSING_STAFFED,
            _HOUSING_MIXED,
            _HOUSING_FOLLOWUP,
            _HOUSING_EVICTION,
            _HOUSING_NONE,
        ),
    ),
    QuestionBank(
        id="q06",
        text="Hva tilbys barn som er etterlatte ved selvmord?",
        kind="open",
        chapter="10 Selvmordsforebygging",
        single_code=False,
        response_rate=0.48,
        median_length=190,
        short_share=0.15,
        openings=(
            "Barn som etterlatte:",
            "Vi har en plan for dette.",
            "Dette gjelder heldigvis få saker.",
        ),
        codes=(
            _BEREAVED_CRISIS,
            _BEREAVED_SCHOOL,
            _BEREAVED_GROUPS,
            _BEREAVED_REFERRAL,
            _BEREAVED_VOLUNTARY,
            _BEREAVED_NONE,
        ),
    ),
)
