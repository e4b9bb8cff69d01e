"""Surface variation for generated answers: a rough nynorsk rendering and typing errors."""

from __future__ import annotations

import random
import re

_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü]+")

# Bokmål word forms and the nynorsk forms a respondent writing nynorsk would use.
_NYNORSK_PAIRS = """
ikke=ikkje jeg=eg hva=kva hvordan=korleis hvem=kven hvor=kvar hvis=viss mye=mykje noen=nokon
noe=noko fra=frå være=vere bare=berre kommer=kjem ble=vart hjem=heim hjemme=heime skole=skule
skolen=skulen tjeneste=teneste tjenesten=tenesta tjenester=tenester tjenestene=tenestene
brukere=brukarar brukerne=brukarane bruker=brukar brukeren=brukaren ansatte=tilsette
ansatt=tilsett nyansatte=nytilsette nå=no dem=dei de=dei uten=utan fikk=fekk gikk=gjekk
mer=meir flere=fleire enda=enno gjøre=gjere gjør=gjer sammen=saman vanskelig=vanskeleg
vanskelige=vanskelege utfordringer=utfordringar utfordringene=utfordringane boliger=bustader
bolig=bustad boligen=bustaden boligene=bustadene barna=borna mulig=mogleg egen=eigen
egne=eigne eget=eige tilbud=tilbod tilbudet=tilbodet ønsker=ønskjer også=òg møter=møte
møtene=møta leger=legar legene=legane fastleger=fastlegar fastlegene=fastlegane hver=kvar
hvert=kvart selv=sjølv vært=vore annen=annan annet=anna følge=følgje følger=følgjer
samtaler=samtalar samtalene=samtalane tilgjengelig=tilgjengeleg tilgjengelige=tilgjengelege
særlig=særleg vanlig=vanleg vanlige=vanlege mulighet=moglegheit ressurser=ressursar
pasienter=pasientar pasientene=pasientane tidligere=tidlegare fortsatt=framleis disse=desse
deres=deira stillinger=stillingar stillingene=stillingane oppgaver=oppgåver oppgave=oppgåve
oppgavene=oppgåvene dårlig=dårleg dårlige=dårlege endringer=endringar trenger=treng
vet=veit tror=trur mener=meiner synes=synest syntes=syntest etterlatte=etterlatne
mangler=manglar jobber=jobbar jobbet=jobba ligger=ligg finnes=finst tar=tek tatt=teke
hele=heile helt=heilt bedre=betre kortere=kortare sykehus=sjukehus sykepleier=sjukepleiar
sykepleiere=sjukepleiarar sykeste=sjukaste sykefravær=sjukefråvær leder=leiar ledere=leiarar
ledergruppen=leiargruppa gjelder=gjeld gjaldt=galdt penger=pengar høye=høge høy=høg
høyere=høgare lavterskeltilbud=lågterskeltilbod uendret=uendra
helsesykepleier=helsesjukepleiar ungdommer=ungdomar henvendelser=førespurnader en=ein et=eit
lettere=lettare oftere=oftare måned=månad meldinger=meldingar venter=ventar rusmidler=rusmiddel
legekontorene=legekontora økning=auke veiledning=rettleiing tidkrevende=tidkrevjande
"""
NYNORSK = dict(pair.split("=") for pair in _NYNORSK_PAIRS.split())


def _keep_case(source: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if source[:1].isupper() else replacement


def to_nynorsk(text: str) -> str:
    """Replace the bokmål forms we know with nynorsk ones, keeping capitals."""

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        replacement = NYNORSK.get(word.lower())
        return _keep_case(word, replacement) if replacement else word

    return _WORD.sub(replace, text)


def _mistype(rng: random.Random, word: str) -> str:
    position = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if kind < 0.75:
        return word[:position] + word[position + 1 :]
    return word[:position] + word[position] + word[position:]


def add_typos(rng: random.Random, text: str, rate: float) -> str:
    """Mistype about ``rate`` of the longer lower-case words (names and codes stay intact)."""

    def maybe_mistype(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 5 or not word.islower() or rng.random() >= rate:
            return word
        return _mistype(rng, word)

    return _WORD.sub(maybe_mistype, text)
