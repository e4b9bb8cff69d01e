"""The closing comment box and the "Annet, hva?" write-in on who filled in the form."""

from phrasebank import QuestionBank, code

_COMMENT_LENGTH = code("Om skjemaet", "Skjemaet er for omfattende", 2.0, """
Skjemaet er svært omfattende og tar lang tid å fylle ut.
Det går med mange timer til å svare på undersøkelsen.
Undersøkelsen burde vært kortere.
Det er for mange spørsmål, og flere av dem overlapper.
Vi måtte involvere mange ansatte for å kunne svare, og det tar tid.
Det er krevende å sette av tid til dette midt i en travel vår.
""", """
Det er ikke mulig å lagre underveis uten å miste svar.
Tidspunktet kolliderer med budsjettarbeidet.
Forhåndsutfylte tall fra i fjor hadde hjulpet.
""", """
For langt skjema.
Tar lang tid.
""")

_COMMENT_UNCLEAR = code("Om skjemaet", "Uklare spørsmål og definisjoner", 1.5, """
Noen av spørsmålene er vanskelige å forstå.
Det er uklart hvordan årsverk skal beregnes.
Definisjonene av målgruppene er ikke tydelige nok.
Vi var usikre på om vi skulle telle med ansatte i NAV.
Det er vanskelig å skille mellom psykisk helse og rus i tallene.
Enkelte spørsmål passer dårlig for små kommuner.
""", """
Tallene må derfor tolkes med forsiktighet.
Vi har svart så godt vi kan.
""", """
Uklare spørsmål.
""")

_COMMENT_PANDEMIC = code("Om situasjonen", "Pandemien preget året", 1.5, """
Året har vært sterkt preget av pandemien, og det påvirker svarene.
Mye av kapasiteten gikk til pandemihåndtering.
Svarene gjenspeiler et unormalt år.
Sykefravær og karantene har preget tjenesten.
""", """
Vi håper neste år blir mer normalt.
""", """
Spesielt år.
Preget av korona.
""")

_COMMENT_RESOURCES = code("Om situasjonen", "Behov for mer ressurser", 1.5, """
Tjenesten er underdimensjonert i forhold til behovene.
Vi trenger flere ansatte for å kunne gi et forsvarlig tilbud.
Behovene øker, men ressursene gjør det ikke.
Vi ønsker at undersøkelsen får fram at kommunene trenger mer midler.
""", """
Særlig tilbudet til barn og unge er for lite.
""", """
For lite ressurser.
""")

_COMMENT_POSITIVE = code("Tilbakemelding", "Nyttig undersøkelse", 1.0, """
Takk for en nyttig undersøkelse.
Vi bruker rapporten aktivt i planarbeidet.
Det er fint å kunne sammenligne seg med andre kommuner.
Undersøkelsen gir en god anledning til å se på egen tjeneste.
""", """
Vi ser frem til rapporten.
""", """
Takk!
Nyttig.
""")

_COMMENT_NONE = code("Ingen kommentar", "Ingen kommentar", 1.5, """
Vi har ingen flere kommentarer.
Ingen ytterligere kommentarer fra oss.
""", """
Takk.
""", """
Nei.
Nei takk.
Ingen kommentarer.
Ingen kommentar.
ingen
Ingen.
Nei, ingen.
Ikkje noko.
""")

_FILLED_ADVISER = code("Stab", "Rådgiver eller konsulent", 2.0, """
Rådgiver i kommunalsjefens stab.
Fagkonsulent for psykisk helse og rus.
Rådgiver helse og omsorg.
Spesialrådgiver.
Konsulent i helseadministrasjonen.
Prosjektleder for kvalitetsarbeid.
Seniorrådgiver, oppvekst og helse.
""", """
Med innspill fra tjenestene.
""", """
Rådgiver.
Konsulent.
Fagrådgiver.
""")

_FILLED_LEADER = code("Ledelse", "Leder for tjenesten", 2.5, """
Avdelingsleder for psykisk helse og rus.
Enhetsleder psykisk helsetjeneste.
Virksomhetsleder for psykisk helse og rusomsorg.
Leder av rus- og psykiatritjenesten.
Teamleder, psykisk helse.
Fagleder rus.
Tjenesteleder psykisk helse.
""", """
Har ansvar for både rus og psykisk helse.
""", """
Enhetsleder.
Avdelingsleder.
Virksomhetsleder.
""")

_FILLED_DIRECTOR = code("Ledelse", "Kommunalsjef", 1.0, """
Kommunalsjef for helse og omsorg.
Kommunalsjef helse og velferd.
Kommunaldirektør.
Helse- og omsorgssjef.
""", """
Fylt ut sammen med tjenesteleder.
""", """
Kommunalsjef.
Helsesjef.
""")

_FILLED_JOINT = code("Flere", "Flere i fellesskap", 1.5, """
Flere har bidratt, koordinert av leder for psykisk helse.
Skjemaet er fylt ut i fellesskap av ledergruppen.
Ledere for psykisk helse, rus og NAV sammen.
Fylt ut av en arbeidsgruppe.
Flere avdelinger har bidratt.
""", """
Hver tjeneste har svart på sin del.
""", """
Flere.
Flere i samarbeid.
Ledergruppen.
""")

_FILLED_CLINICIAN = code("Fagpersoner", "Fagperson eller kommunepsykolog", 1.0, """
Kommunepsykolog.
Psykiatrisk sykepleier.
Ruskonsulent.
Kommuneoverlege.
Helsesykepleier med ansvar for psykisk helse.
""", """
Har tatt over etter tidligere leder.
""", """
Psykolog.
Sykepleier.
""")

QUESTIONS = (
    QuestionBank(
        id="q09",
        text="Har du andre kommentarer til undersøkelsen eller til situasjonen i kommunen?",
        kind="comment",
        chapter="13 Kommentarer",
        single_code=False,
        response_rate=0.32,
        median_length=170,
        short_share=0.25,
        openings=(
            "Kommentar:",
            "En kommentar til slutt.",
            "Til undersøkelsen:",
        ),
        codes=(_COMMENT_LENGTH, _COMMENT_UNCLEAR, _COMMENT_PANDEMIC, _COMMENT_RESOURCES,
               _COMMENT_POSITIVE, _COMMENT_NONE),
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
