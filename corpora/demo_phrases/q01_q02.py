"""Questions on cooperation with GPs and on phone, video and outdoor follow-up."""

from demo_phrases import QuestionBank, code
from demo_phrases.common import UNCHANGED

_GP_GOOD = code(
    "Godt samarbeid",
    "Godt samarbeid med fastlegene",
    3.0,
    """
Samarbeidet med fastlegene har fungert godt gjennom hele pandemien.
Vi opplevde at fastlegene var lette å få tak i og svarte raskt på henvendelser.
Fastlegene har vært gode samarbeidspartnere, også i de mest krevende periodene.
Samarbeidet har stort sett vært godt, og vi har hatt kort vei til legene.
Det har vært god dialog med fastlegene om felles pasienter.
Fastlegene har vært tilgjengelige og løsningsorienterte.
Vi har et godt og tett samarbeid med legekontoret, og det holdt seg under pandemien.
Godt samarbeid, fastlegene har vært flinke til å ringe oss når de er bekymret for noen.
Samarbeidet med legene fungerte bra, og vi fikk raskt svar i e-meldinger.
Vi er godt fornøyd med samarbeidet med fastlegene i perioden.
Fastlegene har tatt kontakt når pasienter har trengt oppfølging fra oss, og det har fungert fint.
Legene har vært imøtekommende og har prioritert de mest sårbare pasientene.
""",
    """
Vi har korte avstander og kjenner hverandre godt.
Det er lav terskel for å ta en telefon.
Legene deltar i ansvarsgruppemøter når det trengs.
Henvisningene fra fastlegene har vært gode og tydelige.
Kommunikasjonen går i hovedsak via elektroniske meldinger, og svarene kommer raskt.
Vi har en fast kontaktperson på legekontoret.
Fastlegene har også vært opptatt av brukere som ble mer isolert.
""",
    """
Godt samarbeid.
Fungerte godt.
Bra samarbeid med fastlegene.
Godt, som vanlig.
""",
)

_GP_BETTER = code(
    "Godt samarbeid",
    "Bedre samarbeid enn før pandemien",
    1.5,
    """
Samarbeidet ble faktisk bedre under pandemien enn det var før.
Pandemien førte til at vi fikk tettere kontakt med fastlegene.
Vi fikk etablert nye rutiner for samarbeid med legene som vi vil videreføre.
Det ble mer kontakt med fastlegene, blant annet fordi vi måtte samordne oss om smittevern.
Samarbeidet er styrket, og vi har nå faste møter med legekontorene.
Vi har blitt bedre kjent med fastlegene i løpet av pandemien.
Det ble etablert en felles telefonlinje mellom legekontoret og psykisk helsetjeneste.
Kontakten med fastlegene har økt, og det har vært positivt for pasientene.
Under pandemien fikk vi et tettere samarbeid enn noen gang tidligere.
Pandemien tvang oss til å finne nye samarbeidsformer, og flere av dem har vist seg å være bedre.
""",
    """
Nå har vi samarbeidsmøte med legene hver måned.
Legene har sett nytten av å ha oss tett på.
Det ble lettere å drøfte pasienter på kort varsel.
Vi har fått en mer forutsigbar samarbeidsstruktur.
Erfaringene ønsker vi å ta med oss videre.
""",
    """
Bedre enn før.
Tettere samarbeid enn tidligere.
Bedre samarbeid nå.
""",
)

_GP_UNAVAILABLE = code(
    "Krevende samarbeid",
    "Fastlegene lite tilgjengelige",
    2.0,
    """
Fastlegene har vært vanskelig tilgjengelige i store deler av pandemien.
Det har vært krevende å få kontakt med fastlegene.
Legene hadde lite tid til samarbeid med oss, og mange henvendelser ble liggende.
Vi har opplevd at fastlegene var mindre tilgjengelige, og at brukerne fikk lengre ventetid.
Samarbeidet har vært preget av at legekontorene var stengt for fysiske besøk.
Det var vanskelig å få legene med på samarbeidsmøter.
Fastlegene har i liten grad deltatt i ansvarsgrupper under pandemien.
Mange brukere har fortalt at de ikke fikk time hos fastlegen.
Samarbeidet har vært dårligere enn før, fordi legene hadde mer enn nok med andre oppgaver.
Vi har manglet kontakt med fastlegene, og det har gått ut over oppfølgingen av felles brukere.
Tilgjengeligheten hos fastlegene har vært lav, noe som har skapt frustrasjon hos brukere og ansatte.
""",
    """
Det har tatt dager å få svar på meldinger.
Brukere har kommet til oss når de ikke har fått legetime.
Det har vært ubesatte fastlegehjemler og bruk av vikarer.
Fastlegekrisen merkes godt hos oss.
Legene har hatt lange lister og lite rom for samarbeid.
Legemiddelgjennomganger ble utsatt.
""",
    """
Vanskelig å få tak i legene.
Lite tilgjengelige.
Dårlig tilgjengelighet.
""",
)

_GP_PANDEMIC = code(
    "Krevende samarbeid",
    "Fastlegene prioriterte smittevern og vaksinering",
    1.5,
    """
Fastlegene var sterkt involvert i testing og vaksinering, og det gikk ut over annet samarbeid.
Legene måtte prioritere koronarelatert arbeid, og psykisk helse kom i andre rekke.
Mye av legeressursen gikk til smittesporing og vaksinasjon.
Fastlegene ble trukket inn i koronaarbeidet, og hadde mindre tid til våre brukere.
Legevakt og teststasjon tok mye tid fra fastlegene.
Vaksinasjonen la beslag på legene i lange perioder.
Legene hadde naturlig nok fokus på smittevern og koronapasienter.
Samarbeidet ble nedprioritert fordi fastlegene var opptatt med pandemihåndteringen.
I perioder var legene nesten bare opptatt av korona, og vi fikk mindre hjelp.
Det var tydelig at legene hadde andre prioriteringer i koronaperioden.
Legekontoret ble omorganisert for å håndtere luftveisinfeksjoner, og samarbeidet led under det.
""",
    """
Kommuneoverlegen var også fastlege og hadde mange roller.
Det var forståelig, men krevende for brukerne.
Etter hvert normaliserte situasjonen seg.
Vi prøvde å ta mer av oppfølgingen selv i disse periodene.
Dette gjaldt særlig i de første månedene.
Vi hadde forståelse for at korona måtte gå først.
""",
    """
Legene var opptatt med korona.
Prioriterte vaksinering.
""",
)

_GP_VARIES = code(
    "Krevende samarbeid",
    "Varierer mellom legekontorene",
    1.5,
    """
Samarbeidet varierer mye fra lege til lege.
Noen fastleger har vi et svært godt samarbeid med, med andre er det nesten ingen kontakt.
Det er store forskjeller mellom legekontorene.
Erfaringene er blandede og avhenger av hvilken fastlege brukeren har.
Med enkelte leger fungerer det godt, med andre er det vanskelig.
Kvaliteten på samarbeidet er personavhengig.
Det er ulikt hvordan legekontorene prioriterer samarbeidet med oss.
Ett av legekontorene samarbeider godt, mens det andre er vanskelig å nå.
Samarbeidet er varierende og har vært det også før pandemien.
""",
    """
Mange vikarer gjør det vanskelig å bygge relasjoner.
Faste leger er lettere å samarbeide med enn vikarene.
De eldre legene er ofte mer tilgjengelige på telefon.
Vi ønsker oss mer like rutiner på tvers av kontorene.
Det blir derfor tilfeldig hva brukerne får.
""",
    """
Varierende.
Varierer fra lege til lege.
Både og.
Blandet.
""",
)

_GP_DIGITAL = code(
    "Endrede samarbeidsformer",
    "Digitale møter og telefon",
    1.5,
    """
Samarbeidsmøtene ble flyttet over på Teams og telefon.
Vi har hatt mer kontakt på telefon og video enn tidligere.
Digitale møter med fastlegene har fungert overraskende godt.
Ansvarsgruppemøter ble gjennomført digitalt, og det gjorde det lettere for legene å delta.
Det meste av samarbeidet har foregått via e-meldinger og telefon.
Vi gikk over til videomøter, og fastlegene har stilt oftere enn de gjorde på fysiske møter.
Samarbeidet har foregått mer digitalt, noe som sparer tid for alle parter.
Fysiske møter ble erstattet av korte telefonmøter.
Bruk av videomøter gjorde at legene kunne delta fra kontoret mellom pasienter.
Vi har brukt telefonmøter i stedet for fysiske møter.
""",
    """
Det har vært noen tekniske utfordringer med utstyret.
Vi fortsetter med digitale møter der det passer.
Det er fortsatt behov for fysiske møter i vanskelige saker.
Legene foretrekker korte møter på video.
Elektroniske meldinger er nå hovedkanalen.
Legene har gitt uttrykk for at de liker den digitale formen.
""",
    """
Mer digitalt.
Teams og telefon.
Digitale møter.
""",
)

_GP_SAME = code(
    "Ingen endring",
    "Uendret samarbeid",
    2.0,
    """
Samarbeidet har i hovedsak vært som før pandemien.
Vi har ikke merket noen stor forskjell i samarbeidet med fastlegene.
Pandemien har ikke endret samarbeidet i særlig grad.
Samarbeidet med fastlegene fortsatte omtrent som vanlig.
Det har ikke vært vesentlige endringer i samarbeidet.
""",
    """
Vi hadde et godt utgangspunkt fra før.
Kontakten er like god eller like dårlig som tidligere.
""",
    "\n".join(UNCHANGED),
    exclusive=True,
)

_FOLLOW_PHONE = code(
    "Fungerte godt",
    "Telefonoppfølging fungerte godt",
    2.5,
    """
Telefonsamtaler har fungert godt for mange brukere.
Mange brukere syntes det var greit med oppfølging på telefon.
Telefon ble hovedkanalen, og det fungerte bedre enn vi fryktet.
Oppfølging per telefon har vært et godt supplement.
Noen brukere åpnet seg mer på telefon enn i samtale ansikt til ansikt.
Hyppige, korte telefonsamtaler har vært nyttig for å holde kontakten.
Telefonoppfølging gjorde at vi kunne holde kontakt med flere brukere oftere.
Flere brukere har gitt tilbakemelding om at telefonsamtalene var til god hjelp.
Vi ringte alle brukere jevnlig, og de fleste satte pris på det.
Telefon fungerte bra for brukere vi kjente godt fra før.
""",
    """
Det gjaldt særlig brukere med lange reiseavstander.
Vi laget en ringeliste så ingen falt ut.
Noen brukere ønsker fortsatt å ha samtaler på telefon.
Samtalene ble kortere, men hyppigere.
Det gjorde det også lettere å nå brukere som ofte avlyser.
""",
    """
Telefon fungerte fint.
Greit med telefon.
Telefon ok.
""",
)

_FOLLOW_OUTDOOR = code(
    "Fungerte godt",
    "Utendørs samtaler og gåturer",
    2.0,
    """
Gåturer og samtaler utendørs har vært svært positivt.
Mange brukere har satt pris på å gå tur i stedet for å sitte på et kontor.
Samtaler ute har vært en suksess som vi vil fortsette med.
Turer sammen med brukerne ga gode samtaler og fysisk aktivitet på samme tid.
Utendørs oppfølging fungerte godt, også om vinteren.
Vi brukte "walk and talk", og brukerne har gitt gode tilbakemeldinger.
Det var lettere for mange å snakke når man gikk side om side.
Samtaler på tur har senket terskelen for flere ungdommer.
Vi har hatt samtaler på benker, i parker og på turstier, og det har fungert godt.
""",
    """
Noen brukere har kommet i bedre form av turene.
Det krever litt planlegging når været er dårlig.
Vi har kjøpt inn regntøy til ansatte.
Taushetsplikten må vurderes når man møter kjente på tur.
Vi har laget faste turløyper i nærområdet.
""",
    """
Gåturer fungerte bra.
Utendørs ok.
Turer positivt.
""",
)

_FOLLOW_VIDEO = code(
    "Fungerte godt",
    "Video fungerte for noen",
    1.5,
    """
Video har fungert for en del av brukerne, særlig de yngre.
Videokonsultasjoner har vært et nyttig tilbud for brukere som er vant med teknologi.
Vi har tatt i bruk video, og det fungerer godt for noen grupper.
Videosamtaler var nyttige for brukere som bor langt unna.
Noen foretrekker nå video fremfor å komme til oss.
Bruk av video gjorde at vi kunne ha samtaler selv om brukeren var i karantene.
Video har gjort det mulig å delta i møter med spesialisthelsetjenesten uten å reise.
Unge voksne har tatt video raskt i bruk og er fornøyde.
Videosamtaler har fungert godt for de brukerne som behersker det.
Video ble tatt i bruk i løpet av våren, og flere bruker det fortsatt.
""",
    """
Vi har fått på plass en sikker videoløsning.
Det tok tid før alle ansatte var trygge på løsningen.
Video gir bedre kontakt enn telefon fordi man ser hverandre.
Video brukes nå også til gruppetilbud.
Vi har lært mye om hva video egner seg til.
Noen brukere har likt å slippe å sitte på venterommet.
""",
    """
Video bra for noen.
Video ok for unge.
Video fungerte for noen.
""",
)

_FOLLOW_EQUIPMENT = code(
    "Begrensninger",
    "Brukere mangler utstyr eller digital kompetanse",
    1.5,
    """
Mange brukere mangler utstyr eller kompetanse til å bruke video.
Flere brukere har ikke smarttelefon eller nettbrett.
Digitale løsninger forutsetter at brukeren har utstyr og nett, og det har ikke alle.
Eldre brukere og brukere med rusproblemer har ofte ikke mulighet til å bruke video.
Noen brukere har ikke hatt penger på telefonen og har vært vanskelige å nå.
Dårlig nettdekning gjør video vanskelig i deler av kommunen.
Det har vært krevende å få video til å fungere for brukere med lite digital erfaring.
Mange brukere skifter telefonnummer ofte, og det har gjort det vanskelig å følge dem opp.
Brukerne har i liten grad tilgang på datamaskin.
Flere manglet mobildata eller hadde dårlig dekning.
""",
    """
Vi har lånt ut nettbrett til noen.
Kommunen har kjøpt inn noen enkle telefoner til utlån.
Opplæring tar tid.
Dette gjelder særlig brukere i rusfeltet.
Det burde vært en ordning for utlån av utstyr.
Vi har hjulpet noen med å installere appen.
""",
    """
Mangler utstyr.
Mange har ikke smarttelefon.
Mangler digital kompetanse.
""",
)

_FOLLOW_NOT_ALL = code(
    "Begrensninger",
    "Passer ikke for alle",
    2.5,
    """
Telefon og video er ikke et fullverdig alternativ for brukere med alvorlige lidelser.
For de sykeste brukerne har det ikke fungert å ha oppfølging på telefon.
Det har vært vanskelig å vurdere brukernes tilstand uten å møte dem fysisk.
Vi har savnet den fysiske kontakten, og det har også brukerne gjort.
Noen brukere ble mer isolert, og telefon ble for lite.
Brukere med angst eller psykose har hatt problemer med videosamtaler.
Det er lett å overse tegn på forverring når man ikke ser brukeren.
Mange ønsket å komme tilbake til vanlige samtaler så fort som mulig.
Ikke alle har et sted å snakke uforstyrret hjemme.
For brukere med rusproblemer var det viktig med fysisk oppmøte.
""",
    """
Vi opprettholdt derfor hjemmebesøk for de mest sårbare.
Vi så at noen fikk det verre i perioden.
Det har krevd ekstra innsats etterpå.
Noen har falt ut av oppfølgingen.
""",
    """
Passer ikke for alle.
Ikke for de sykeste.
Savnet fysiske møter.
""",
)

_FOLLOW_CONTINUED = code(
    "Videreføres",
    "Videreføres etter pandemien",
    1.5,
    """
Vi vil fortsette å bruke telefon, video og samtaler ute som en del av tilbudet.
Flere av løsningene fra pandemien er blitt en fast del av tjenesten.
Vi har beholdt muligheten for video- og telefonsamtaler for dem som ønsker det.
Erfaringene er så gode at vi fortsetter med dette.
Det har gitt oss flere verktøy som vi bruker videre.
Vi tilbyr nå brukerne å velge selv om samtalen skal være fysisk, på video eller ute.
Gåturer er blitt et fast tilbud også etter pandemien.
Vi ser at dette har kommet for å bli.
Flere brukere ønsker å fortsette med telefonoppfølging i tillegg til fysiske samtaler.
""",
    """
Det gir mer fleksibilitet for både brukere og ansatte.
Vi har laget egne rutiner for hva som passer når.
Dette er nå skrevet inn i tjenestebeskrivelsen.
Vi må likevel passe på at ingen faller utenfor.
Dette er tatt inn i den nye planen for psykisk helse.
""",
    """
Videreføres.
Fortsetter med dette.
Blir en del av tilbudet.
""",
)

QUESTIONS = (
    QuestionBank(
        id="q01",
        text="Hvordan har samarbeidet med fastlegene fungert under koronapandemien?",
        kind="open",
        chapter="4 Samarbeid med fastleger",
        single_code=False,
        response_rate=0.72,
        median_length=230,
        short_share=0.16,
        openings=(
            "Samarbeidet med fastlegene:",
            "Kort oppsummert:",
            "Vi har tre legekontor i kommunen.",
            "Det er litt ulike erfaringer i tjenesten.",
            "Vi har spurt de ansatte om dette.",
        ),
        codes=(_GP_GOOD, _GP_BETTER, _GP_UNAVAILABLE, _GP_PANDEMIC, _GP_VARIES, _GP_DIGITAL, _GP_SAME),
    ),
    QuestionBank(
        id="q02",
        text="Hvordan har oppfølging per telefon, video og utendørs fungert for brukerne?",
        kind="open",
        chapter="5 Tjenester under pandemien",
        single_code=False,
        response_rate=0.8,
        median_length=270,
        short_share=0.1,
        openings=(
            "Vi har brukt alle tre formene.",
            "Erfaringene er blandede.",
            "Dette har variert mye mellom brukerne.",
            "Under nedstengingen gikk vi over til andre arbeidsformer.",
        ),
        codes=(
            _FOLLOW_PHONE,
            _FOLLOW_OUTDOOR,
            _FOLLOW_VIDEO,
            _FOLLOW_EQUIPMENT,
            _FOLLOW_NOT_ALL,
            _FOLLOW_CONTINUED,
        ),
    ),
)
