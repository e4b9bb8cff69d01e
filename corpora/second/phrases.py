"""Phrase banks of the second evaluation corpus: three questions, their themes and codes.

Written for this project; independent of the demo corpus. Each code has several ways of
saying the same thing (bokmål and some nynorsk), so that codes share vocabulary with each
other and a suggester must rely on more than one keyword.
"""

QUESTIONS = {
    "s1": "Hvordan fungerer samarbeidet med NAV om brukere med psykiske lidelser?",
    "s2": "Hva gjør kommunen for å forebygge ensomhet blant eldre?",
    "s3": "Hva hindrer brukermedvirkning i tjenestene?",
}

# question -> theme -> code -> paraphrases
CODES = {
    "s1": {
        "Godt samarbeid": {
            "Faste samarbeidsmøter": [
                "vi har faste samarbeidsmøter med NAV hver måned",
                "det er etablert faste møtepunkter med NAV-kontoret",
                "vi møtes jevnlig med veilederne i NAV",
                "me har faste møte med NAV kvar månad",
                "månedlige møter med NAV gjør samarbeidet forutsigbart",
            ],
            "Felles brukeroppfølging": [
                "vi følger opp brukerne sammen med NAV-veileder",
                "felles samtaler med bruker og NAV fungerer godt",
                "IPS-satsingen har gitt tett oppfølging sammen med NAV",
                "NAV deltar i ansvarsgruppene til brukerne våre",
                "vi har gode erfaringer med felles oppfølging av unge brukere",
            ],
        },
        "Utfordringer": {
            "Vanskelig å nå NAV": [
                "det er vanskelig å få tak i saksbehandler i NAV",
                "NAV svarer sjelden på telefon",
                "lang svartid fra NAV gjør samarbeidet tungt",
                "det er vanskeleg å nå NAV på telefon",
                "vi opplever at NAV er lite tilgjengelig for oss",
            ],
            "Utskifting av veiledere": [
                "stadig nye veiledere i NAV gjør at vi må begynne på nytt",
                "stor utskifting av ansatte i NAV",
                "brukerne får ny kontaktperson i NAV hele tiden",
                "turnover i NAV svekker kontinuiteten",
            ],
            "Ulike regelverk": [
                "ulike regelverk og taushetsplikt hindrer samarbeidet",
                "taushetsplikten gjør det vanskelig å dele informasjon med NAV",
                "NAV og helsetjenesten har ulike mål og regler",
                "regelverket til NAV passer dårlig for brukere med rusproblemer",
            ],
        },
        "Ingen endring": {
            "Som før": ["som før", "Som før.", "uendret", "ingen endring fra i fjor", "Som tidligere år."],
        },
    },
    "s2": {
        "Møteplasser": {
            "Dagsenter og treffsted": [
                "kommunen driver et dagsenter for eldre",
                "vi har åpne treffsteder med kafé for eldre",
                "seniorsenteret har aktiviteter flere dager i uken",
                "det er etablert eit treffpunkt for eldre i sentrum",
                "eldre kan komme på dagsenteret og spise sammen",
            ],
            "Frivillige og lag": [
                "frivilligsentralen organiserer besøksvenner",
                "vi samarbeider med frivillige lag og foreninger",
                "Røde Kors har besøkstjeneste for ensomme eldre",
                "frivillige kjører eldre til arrangementer",
                "frivillegsentralen har turgrupper for eldre",
            ],
        },
        "Oppsøkende arbeid": {
            "Forebyggende hjemmebesøk": [
                "alle som fyller 75 år får tilbud om forebyggende hjemmebesøk",
                "vi gjennomfører hjemmebesøk hos eldre som bor alene",
                "helsesykepleier for eldre besøker alle over 80",
                "forebyggande heimebesøk til eldre over 75 år",
            ],
            "Kartlegging av ensomhet": [
                "hjemmetjenesten kartlegger ensomhet hos brukerne",
                "vi bruker et eget skjema for å kartlegge ensomhet",
                "ensomhet er tema i alle vurderingsbesøk",
                "vi har startet systematisk kartlegging av ensomhet",
            ],
        },
        "Lite tiltak": {
            "Ingen egne tiltak": [
                "kommunen har ingen egne tiltak mot ensomhet",
                "det finnes ikke egne tiltak for dette",
                "ingen særskilte tiltak",
                "vi har ikkje eigne tiltak mot einsemd",
            ],
            "Mangler ressurser": [
                "vi har ikke ressurser til å prioritere dette",
                "manglende midler gjør at tiltak er lagt ned",
                "stram økonomi gjør det vanskelig å satse på forebygging",
                "tilskuddet falt bort og aktivitetene stoppet",
            ],
        },
    },
    "s3": {
        "Brukernes situasjon": {
            "Sykdom og dagsform": [
                "mange brukere er for syke til å delta i planlegging",
                "dagsformen varierer og brukerne orker ikke møter",
                "alvorlig psykisk sykdom gjør det vanskelig å medvirke",
                "brukarane er ofte for sjuke til å delta",
            ],
            "Språk og kultur": [
                "språkbarrierer gjør brukermedvirkning vanskelig",
                "vi mangler tolk i mange samtaler",
                "brukere med minoritetsbakgrunn kjenner ikke tjenestene",
                "kulturforskjeller påvirker hvordan brukerne deltar",
            ],
        },
        "Tjenestenes organisering": {
            "Tidspress": [
                "ansatte har for lite tid til å involvere brukerne",
                "tidspress i tjenesten går ut over medvirkning",
                "travle dager gir lite rom for gode samtaler med brukeren",
                "det er for lite tid til brukarmedverknad",
            ],
            "Mangler systemer": [
                "vi mangler gode systemer for tilbakemelding fra brukere",
                "det finnes ikke brukerråd i kommunen",
                "vi har ikke tatt i bruk verktøy for brukermedvirkning",
                "tilbakemeldingsverktøy er ikke innført",
            ],
        },
        "Ingen hindringer": {
            "Fungerer godt": [
                "brukermedvirkning fungerer godt hos oss",
                "vi opplever ingen store hindringer",
                "brukerne er godt involvert i egne planer",
                "det fungerer bra",
            ],
        },
    },
}

OPENINGS = ["", "", "Erfaringen er at", "Vi opplever at", "Kort sagt:", "I vår kommune er det slik at"]
FILLERS = [
    "",
    "",
    "Dette har vært tema i ledermøtene.",
    "Det varierer noe mellom enhetene.",
    "Vi håper det blir bedre neste år.",
    "Situasjonen er omtrent som i fjor.",
    "Det gjelder særlig de yngste brukerne.",
    "Pandemien har påvirket dette.",
]

# Word swaps and drops applied at random, so answers rarely repeat a bank phrase verbatim.
SYNONYMS = {
    "vanskelig": ["krevende", "tungt", "utfordrende"],
    "brukere": ["pasienter", "brukarar", "tjenestemottakere"],
    "brukerne": ["pasientene", "brukarane", "innbyggerne"],
    "eldre": ["seniorer", "de eldste", "eldre innbyggere"],
    "godt": ["bra", "fint", "greit"],
    "jevnlig": ["regelmessig", "ofte"],
    "møter": ["samlinger", "møtepunkt"],
    "tiltak": ["aktiviteter", "tilbud"],
    "ressurser": ["penger", "midler", "kapasitet"],
    "ansatte": ["tilsette", "medarbeidere"],
    "kommunen": ["vi", "kommunen vår"],
    "mange": ["flere", "en del"],
    "lite": ["lite", "for lite", "liten"],
    "sammen": ["i lag", "sammen"],
}
