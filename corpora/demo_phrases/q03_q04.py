"""Questions on substance-abuse work after the escalation plan and on patient pathways."""

from demo_phrases import QuestionBank, code

_RUS_FUNDING = code(
    "Økonomi og stillinger",
    "Tilskuddsfinansierte stillinger falt bort",
    2.5,
    """
Da tilskuddene falt bort, mistet vi flere stillinger i rustjenesten.
Stillingene som ble finansiert gjennom opptrappingsplanen er ikke videreført.
Vi måtte redusere bemanningen etter at de øremerkede midlene forsvant.
Det største problemet er at tilskuddsmidlene er borte og ikke erstattet i rammen.
Kommunen har ikke klart å videreføre alle stillingene fra opptrappingsperioden.
Vi har mistet to årsverk som var finansiert med tilskudd.
Uten tilskudd blir det vanskelig å opprettholde tilbudet på samme nivå.
Mye av rusarbeidet var bygd opp på prosjektmidler, og det har vi ikke lenger.
Tilbudet er redusert fordi finansieringen var midlertidig.
Bortfall av tilskudd har ført til at vi har lagt ned et lavterskeltilbud.
""",
    """
Det gjelder blant annet en stilling som erfaringskonsulent.
Rammeoverføringene dekker ikke det vi hadde.
Vi søker fortsatt på de tilskuddene som finnes.
Ventelistene har økt som følge av dette.
Det har skapt usikkerhet blant de ansatte.
""",
    """
Mistet stillinger.
Tilskudd falt bort.
Mindre penger.
""",
)

_RUS_PRIORITY = code(
    "Økonomi og stillinger",
    "Stram økonomi og nedprioritering",
    2.0,
    """
Kommuneøkonomien er stram, og rusfeltet taper i konkurransen med andre tjenester.
Rusarbeidet blir lett nedprioritert når det skal spares.
Det er vanskelig å få gehør for rusfeltets behov i budsjettprosessen.
Psykisk helse og rus konkurrerer med eldreomsorgen om de samme pengene.
Politikerne prioriterer andre områder, og rusfeltet har fått mindre oppmerksomhet.
Etter opptrappingsplanen har rusfeltet mistet noe av sin politiske prioritet.
Vi må gjøre mer med mindre ressurser.
Økonomien gjør at vi må velge bort forebyggende arbeid.
Det er lite forståelse for at rusarbeid krever langsiktighet.
""",
    """
Kommunen er på ROBEK-lista.
Det er et generelt kutt i alle enheter.
Vi frykter at tilbudet blir bygd ned over tid.
Vi savner en ny nasjonal satsing.
Tjenesten har vært gjennom flere omstillinger.
""",
    """
Økonomi.
Dårlig kommuneøkonomi.
Nedprioritert.
""",
)

_RUS_YOUTH = code(
    "Brukergruppen",
    "Unge med rusproblemer",
    1.5,
    """
Vi ser flere unge som bruker narkotika, særlig cannabis.
Økende bruk av rusmidler blant ungdom er en stor utfordring.
Det er vanskelig å nå ungdom som eksperimenterer med rusmidler.
Vi mangler gode tilbud til unge med begynnende rusproblemer.
Holdningen til cannabis blant unge har endret seg, og det bekymrer oss.
Vi ser en økning i bruk av piller og andre reseptbelagte legemidler blant unge voksne.
Tidlig innsats overfor unge er det vi har minst kapasitet til.
Flere unge kommer i kontakt med tjenesten sent, når problemene er store.
Vi får flere henvendelser om unge som selger og bruker narkotika.
Ungdom med rusproblemer er vanskelige å motivere for hjelp.
""",
    """
Samarbeid med skolen er viktig, men tidkrevende.
Vi har hatt flere bekymringsmeldinger fra politiet.
Det gjelder særlig unge menn mellom 18 og 25 år.
Vi ønsker å styrke det oppsøkende arbeidet.
Sosiale medier gjør det lettere å skaffe rusmidler.
Foreldre tar oftere kontakt med oss enn før.
""",
    """
Ungdom og cannabis.
Flere unge.
Unge og rus.
""",
)

_RUS_ACTIVITY = code(
    "Brukergruppen",
    "Mangel på arbeid og aktivitet",
    1.5,
    """
Det mangler meningsfulle aktivitetstilbud og arbeid for personer med rusproblemer.
Brukerne har for lite å gjøre på dagtid, og det øker faren for tilbakefall.
Vi har få arbeidstrening- og aktivitetsplasser.
Det er vanskelig å få brukerne inn i arbeidslivet.
Aktivitetstilbudet ble lagt ned, og vi har ikke fått noe nytt på plass.
Ensomhet og mangel på et sosialt nettverk er en stor utfordring for mange.
Vi har ikke noe dagtilbud for brukere med rusproblemer.
Brukerne mangler et sted å være på dagtid.
Det er få muligheter for arbeidstrening i en liten kommune.
""",
    """
Samarbeidet med NAV om arbeidsrettede tiltak kunne vært bedre.
Et kafétilbud ble nedlagt i fjor.
Flere brukere ønsker seg noe å gå til.
Frivillige organisasjoner bidrar noe.
Vi har søkt midler til et aktivitetshus.
Arbeidsgivere er skeptiske til å ta inn brukere med rushistorikk.
""",
    """
Lite aktivitet.
Mangler dagtilbud.
Mangler aktivitet og arbeid.
""",
)

_RUS_ROP = code(
    "Brukergruppen",
    "Samtidig rus og psykisk lidelse",
    1.5,
    """
Mange brukere har både rusproblemer og alvorlig psykisk lidelse, og det krever mye.
ROP-brukerne er den gruppen vi strekker minst til for.
Vi har flere brukere med sammensatte behov som trenger tett oppfølging.
Brukere med samtidige lidelser faller mellom tjenestene.
Det er krevende å gi et helhetlig tilbud til dem som har både rus og psykiske problemer.
Kompleksiteten i sakene har økt, og brukerne trenger oppfølging fra mange instanser.
Vi ser flere brukere med tung rusbruk og samtidig psykoseproblematikk.
Oppfølgingen av brukere med alvorlig psykisk lidelse og rus krever flere ansatte enn vi har.
Samarbeidet rundt ROP-brukere er krevende fordi ansvaret er fordelt på mange.
""",
    """
Vi mangler et FACT-team.
Noen av brukerne er også voldelige, og det krever to ansatte på besøk.
Dette er brukere som trenger tjenester hele døgnet.
Det er en liten gruppe, men den krever mye.
Vi bruker mye tid på tvang og akuttinnleggelser.
""",
    """
ROP-brukere.
Sammensatte behov.
Rus og psykisk lidelse.
""",
)

_RUS_AFTERCARE = code(
    "Tjenestetilbud",
    "Mangler lavterskeltilbud og ettervern",
    2.0,
    """
Vi mangler et godt ettervern etter behandling i spesialisthelsetjenesten.
Brukerne kommer hjem fra behandling uten at det er noe tilbud som venter.
Det finnes ikke lavterskeltilbud i kommunen.
Vi har ikke kapasitet til oppfølging etter utskrivning.
Ettervernet er for svakt, og mange får tilbakefall.
Lavterskeltilbudet som ble startet under opptrappingsplanen er lagt ned.
Det mangler et sted brukerne kan komme uten avtale.
Vi har for få ansatte til å drive oppsøkende arbeid.
Vi har ikke et tilbud som kan ta imot brukerne rett etter utskrivning.
""",
    """
Vi ønsker oss et eget rusteam.
Overgangen fra institusjon til kommune er kritisk.
Brukerne trenger bolig, aktivitet og oppfølging samtidig.
Vi har et lite tilbud på ettermiddagstid.
Noen brukere reiser tilbake til gamle miljøer fordi det ikke er noe annet.
""",
    """
Ettervern.
Mangler lavterskel.
Mangler ettervern.
""",
)

_RUS_SPECIALIST = code(
    "Tjenestetilbud",
    "Lang ventetid i spesialisthelsetjenesten",
    1.5,
    """
Ventetiden for behandling i TSB er for lang.
Det er vanskelig å få brukere inn til behandling når de er motiverte.
Spesialisthelsetjenesten skriver ut pasienter tidligere enn før, og kommunen får mer ansvar.
Samhandlingen med spesialisthelsetjenesten om rusbrukere er krevende.
Vi opplever at terskelen for å få avrusning er blitt høyere.
Brukerne må vente for lenge på behandlingsplass.
Kommunen må ta ansvar for brukere som tidligere var i spesialisthelsetjenesten.
Kommunen får ansvar for pasienter som er for syke for det tilbudet vi har.
Avrusningsplass er nesten umulig å få på kort varsel.
""",
    """
Vi har hatt brukere som har mistet motivasjonen mens de ventet.
Det gjelder både avrusning og døgnbehandling.
Vi har fått bedre kontakt med ruspoliklinikken det siste året.
Vi har måttet bruke legevakt som nødløsning.
""",
    """
Ventetid.
Lang ventetid på behandling.
TSB har for lang ventetid.
""",
)

_PATHWAY_COORDINATOR = code(
    "Koordinering",
    "Forløpskoordinator",
    2.5,
    """
Vi har måttet utnevne forløpskoordinatorer.
Den største nye oppgaven er rollen som forløpskoordinator.
Kommunen har fått ansvar for å ha en kommunal forløpskoordinator.
Forløpskoordinator-rollen er lagt til psykisk helsetjeneste.
Vi har brukt mye tid på å avklare hvem som skal være koordinator.
Det er krevende å finne ressurser til forløpskoordinatorene.
Rollen som forløpskoordinator kommer i tillegg til andre oppgaver.
Vi har etablert en egen stilling som koordinator for pakkeforløpene.
Kommunen må nå oppnevne en koordinator for hver pasient i pakkeforløp.
""",
    """
Koordinatoren er kontaktpunkt for spesialisthelsetjenesten.
Det har vært behov for opplæring.
Rollen er ikke godt nok avklart.
Vi har én koordinator for psykisk helse og én for rus.
Vi har laget en egen rutine for koordinatorrollen.
""",
    """
Forløpskoordinator.
Koordinatorrollen.
Koordinator.
""",
)

_PATHWAY_MEETINGS = code(
    "Koordinering",
    "Flere samarbeidsmøter",
    2.0,
    """
Det er blitt flere samarbeidsmøter med spesialisthelsetjenesten.
Vi deltar oftere i møter med DPS og BUP.
Pakkeforløpene har ført til mer møtevirksomhet.
Vi må delta i evalueringssamtaler i spesialisthelsetjenesten.
Det har blitt mer samhandling rundt hver enkelt pasient.
Det er flere møter, men de er mer strukturerte enn før.
Kommunen blir oftere invitert inn tidlig i forløpet.
Vi blir invitert til flere samhandlingsmøter enn før, både digitale og fysiske.
Oppstartsmøter og evalueringsmøter med spesialisthelsetjenesten er blitt nye faste oppgaver.
""",
    """
Møtene tar mye tid.
Det fungerer godt når alle stiller.
Mange av møtene er digitale.
Vi har fått et tettere forhold til poliklinikken.
Det er vanskelig å prioritere møtene når det er travelt.
""",
    """
Flere møter.
Mer samhandling.
Flere samhandlingsmøter.
""",
)

_PATHWAY_DOCUMENTATION = code(
    "Dokumentasjon",
    "Mer kartlegging og dokumentasjon",
    1.5,
    """
Det er blitt mer kartlegging og dokumentasjon.
Pakkeforløpene krever mer registrering enn før.
Vi bruker mer tid på skjemaer og rapportering.
Nye kartleggingsverktøy er tatt i bruk.
Vi har innført strukturert kartlegging av rusmiddelbruk.
Dokumentasjonskravene har økt.
Det kreves at vi kartlegger brukerne mer systematisk.
Vi bruker mer tid på å fylle ut skjema og registrere forløpskoder.
Det er kommet nye krav til registrering i journalen.
""",
    """
Det går ut over tiden med brukerne.
Journalsystemet er ikke tilpasset pakkeforløpene.
Vi har laget nye maler.
Kartleggingen gir oss et bedre bilde av brukeren.
Ansatte opplever det som byråkratisk.
""",
    """
Mer dokumentasjon.
Mer papirarbeid.
Registrering.
""",
)

_PATHWAY_HEALTH = code(
    "Oppfølging",
    "Somatisk helse og levevaner",
    1.0,
    """
Vi følger mer opp somatisk helse og levevaner.
Oppfølging av fysisk helse har fått større plass.
Vi har fått ansvar for å kartlegge levevaner som røyking, kosthold og aktivitet.
Pakkeforløpet har gjort oss mer bevisst på brukernes fysiske helse.
Vi samarbeider mer med fastlegen om somatiske undersøkelser.
Vi kartlegger nå rutinemessig fysisk helse, tannhelse og levevaner.
Et nytt ansvar er å følge opp at pasientene får somatisk helsesjekk.
Vi har fått mer fokus på kosthold, søvn og fysisk aktivitet.
Vi samarbeider med frisklivssentralen om levevaner.
""",
    """
Brukere med alvorlige psykiske lidelser lever kortere enn andre.
Vi har startet en treningsgruppe.
Samarbeidet med fastlegen er viktig her.
Mange brukere røyker og har lite fysisk aktivitet.
Vi har startet en røykesluttgruppe.
""",
    """
Somatisk helse.
Levevaner.
Fysisk helse.
""",
)

_PATHWAY_NONE = code(
    "Lite endring",
    "Ingen nye oppgaver",
    2.0,
    """
Vi har ikke merket noen nye oppgaver etter at pakkeforløpene ble innført.
Pakkeforløpene har hatt liten betydning for kommunen.
Det har ikke blitt særlig endring i vårt arbeid.
Vi gjorde det meste av dette allerede før.
Vi kjenner lite til pakkeforløpene i praksis.
Det er for tidlig å si noe om hvilke oppgaver vi har fått.
Vi har hatt få pasienter i pakkeforløp.
""",
    """
Spesialisthelsetjenesten har ikke involvert oss.
Vi venter på mer informasjon.
""",
    """
Ingen.
Ingen nye oppgaver.
Vet ikke.
Lite.
For tidlig å si.
Ikke merket noe.
Ingen endring.
Uendret.
Som før.
Ingen endringer.
""",
    exclusive=True,
)

QUESTIONS = (
    QuestionBank(
        id="q03",
        text=(
            "Hva er de største utfordringene i rusarbeidet i kommunen etter at "
            "opptrappingsplanen for rusfeltet ble avsluttet?"
        ),
        kind="open",
        chapter="7 Rusarbeid",
        single_code=False,
        response_rate=0.66,
        median_length=280,
        short_share=0.08,
        openings=(
            "Det er flere utfordringer.",
            "Vi ser særlig to ting.",
            "Rusfeltet er sårbart i en liten kommune.",
            "Etter opptrappingsplanen har situasjonen endret seg.",
        ),
        codes=(
            _RUS_FUNDING,
            _RUS_PRIORITY,
            _RUS_YOUTH,
            _RUS_ACTIVITY,
            _RUS_ROP,
            _RUS_AFTERCARE,
            _RUS_SPECIALIST,
        ),
    ),
    QuestionBank(
        id="q04",
        text="Hvilke nye oppgaver har kommunen fått etter at pakkeforløpene ble innført?",
        kind="open",
        chapter="8 Pakkeforløp for psykisk helse og rus",
        single_code=False,
        response_rate=0.55,
        median_length=180,
        short_share=0.18,
        openings=(
            "Pakkeforløpene:",
            "Vi har fått noen nye oppgaver.",
            "Dette er fortsatt nytt for oss.",
        ),
        codes=(
            _PATHWAY_COORDINATOR,
            _PATHWAY_MEETINGS,
            _PATHWAY_DOCUMENTATION,
            _PATHWAY_HEALTH,
            _PATHWAY_NONE,
        ),
    ),
)
