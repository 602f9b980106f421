<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>AccessLogScreen</name>
    <message>
        <location filename="../AccessLogScreen.qml" line="11" />
        <source>Åtkomstlogg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="23" />
        <source>Inga öppningar registrerade.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="42" />
        <source>Den här enheten</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="42" />
        <source>Enhet %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="46" />
        <source>Ärende %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../AppShell.qml" line="15" />
        <source>Idag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="16" />
        <source>Personer och ärenden</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="17" />
        <source>Uppgifter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="18" />
        <source>Granskning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="19" />
        <source>Åtkomstlogg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="20" />
        <source>Enheter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="21" />
        <source>Anslutning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="54" />
        <source>Tillbaka</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="54" />
        <source>Meny</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="60" />
        <source>Värn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../AppShell.qml" line="66" />
        <source>Lås</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CreateStoreScreen</name>
    <message>
        <location filename="../CreateStoreScreen.qml" line="24" />
        <source>Välkommen till Värn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="30" />
        <source>Det finns inget lager på den här enheten. Välj en lösenfras: den låser alla anteckningar på enheten och kan inte återställas.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="38" />
        <source>Lösenfras</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="45" />
        <source>Samma lösenfras igen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="61" />
        <source>Skapa lager</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../DevicesScreen.qml" line="11" />
        <source>Enheter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="27" />
        <source>Enhetens enheter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="28" />
        <source>Uppdatera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="32" />
        <source>Hämtar…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="32" />
        <source>Inga enheter hämtade.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="49" />
        <source>Den här enheten</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="54" />
        <source>aldrig sedd</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="55" />
        <source>senast sedd %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="56" />
        <source>radering bekräftad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="63" />
        <source>Spärra</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="70" />
        <source>Byt enhetens nyckel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="82" />
        <source>Godkänn en ny enhet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="86" />
        <source>Skriv koden från den nya enheten. Läs sedan fingeravtrycket högt tillsammans och skriv det här: godkänn bara om varje siffra stämmer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="88" />
        <source>Kod</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="93" />
        <source>Fingeravtryck (30 siffror)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="108" />
        <source>Godkänn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="132" />
        <source>Spärra enheten?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="139" />
        <source>Enheten kan inte längre synka och raderar allt vid nästa kontakt. Enhetens nyckel byts.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EnrolmentScreen</name>
    <message>
        <location filename="../EnrolmentScreen.qml" line="11" />
        <source>Anslutning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="26" />
        <source>Enheten är ansluten</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="27" />
        <source>Väntar på godkännande</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="28" />
        <source>Anslut enheten</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="47" />
        <source>Enhetskod (bara för enhetens första administratör)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="54" />
        <source>Ansluter…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="54" />
        <source>Anslut</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="60" />
        <source>Fortsätt utan server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="79" />
        <source>Kod</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="81" />
        <source>Fingeravtryck</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="93" />
        <source>Läs fingeravtrycket högt för administratören, som jämför det innan enheten godkänns.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="96" />
        <source>Har administratören godkänt?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="106" />
        <source>Server: %1. Roll: %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="12" />
        <source>Fel lösenfras.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="13" />
        <source>Hittades inte.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="14" />
        <source>Det går inte: uppgiften har redan ändrats eller signerats.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="15" />
        <source>Uppgiften är inte giltig.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="16" />
        <source>Inte tillåtet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="17" />
        <source>Inte tillgängligt just nu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="18" />
        <source>Servern svarar inte. Ändringarna ligger kvar och skickas senare.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="19" />
        <source>Enheten är spärrad av administratören.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="20" />
        <source>Servern visar äldre uppgifter än enheten sett. Kontakta administratören.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="21" />
        <source>Lagret är skadat.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="22" />
        <source>Lösenfrasen är för svag.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="23" />
        <source>Kunde inte läsa eller skriva filen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="24" />
        <source>Något gick fel.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InstrumentFormScreen</name>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="13" />
        <source>Bedömning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="40" />
        <source>Inget bedömningsformulär är installerat.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="66" />
        <source>Poäng enligt formuläret</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="71" />
        <source>%1 poäng · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="75" />
        <source>%1 av %2 frågor besvarade</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="81" />
        <source>Poängen är ett stöd, inte ett beslut. Din egen bedömning krävs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="87" />
        <source>Din professionella bedömning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="98" />
        <source>Krävs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="112" />
        <source>Spara bedömning</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../client/ui/labels.cpp" line="19" />
        <source>Hembesök</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="20" />
        <source>Enskilt samtal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="21" />
        <source>Besök på kontoret</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="22" />
        <source>Telefon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="23" />
        <source>Video</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="24" />
        <source>Tillsammans med polis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="26" />
        <source>Ja</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="27" />
        <source>Nej</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="28" />
        <source>Vet inte</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="30" />
        <source>Inkommet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="31" />
        <source>Bedömning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="32" />
        <source>Utredning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="33" />
        <source>Beslut</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="34" />
        <source>Insats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="35" />
        <source>Uppföljning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="36" />
        <source>Avslutat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="38" />
        <source>Ingen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="39" />
        <source>Sekretessmarkering</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="40" />
        <source>Skyddad folkbokföring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="42" />
        <source>Rättelse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="43" />
        <source>Tillägg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="44" />
        <source>Klientens invändning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="46" />
        <source>Hot mot personal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="47" />
        <source>Hedersrelaterat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="48" />
        <source>Digital kontroll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="50" />
        <source>Handläggare</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="51" />
        <source>Granskare</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="52" />
        <source>Administratör</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="54" />
        <source>Aktiv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="55" />
        <source>Spärrad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="56" />
        <source>Väntar på godkännande</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../LockScreen.qml" line="22" />
        <source>Värn är låst</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../LockScreen.qml" line="30" />
        <source>Lösenfras</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../LockScreen.qml" line="49" />
        <source>Lås upp</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="13" />
        <source>Anteckningar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../Main.qml" line="13" />
        <source>Värn</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <location filename="../NeutralScreen.qml" line="17" />
        <source>Anteckningar</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NoteEditorScreen</name>
    <message>
        <location filename="../NoteEditorScreen.qml" line="15" />
        <source>Ny anteckning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="15" />
        <source>Signerad anteckning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="15" />
        <source>Utkast</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="55" />
        <source>Skriven av %1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="56" />
        <source>signerad och granskad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="56" />
        <source>signerad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="56" />
        <source>utkast</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="67" />
        <source>Skriv anteckningen här</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="80" />
        <source>Spara utkast</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="85" />
        <source>Signera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="92" />
        <source>Ta bort utkast</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="99" />
        <source>Granska och godkänn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="112" />
        <source>Tillägg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="153" />
        <source>Text till tillägget</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="157" />
        <source>Lägg till</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="170" />
        <source>Signera anteckningen?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="177" />
        <source>En signerad anteckning kan inte ändras. Rättelser görs som tillägg.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NoteRow</name>
    <message>
        <location filename="../NoteRow.qml" line="20" />
        <source>Signerad, granskad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteRow.qml" line="20" />
        <source>Signerad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NoteRow.qml" line="21" />
        <source>Utkast</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../NoteRow.qml" line="27" />
        <source>%n tillägg</source>
        <translation>
            <numerusform>%n tillägg</numerusform><numerusform>%n tillägg</numerusform></translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../../client/ui/note_rows.cpp" line="13" />
        <source>Du</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/note_rows.cpp" line="14" />
        <source>Enhet %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotesReviewScreen</name>
    <message>
        <location filename="../NotesReviewScreen.qml" line="12" />
        <source>Granskning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="33" />
        <source>Ej granskade</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="34" />
        <source>Osignerade</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="35" />
        <source>Mina</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="36" />
        <source>Ärende-id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="37" />
        <source>Från ÅÅÅÅ-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="38" />
        <source>Till ÅÅÅÅ-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="42" />
        <source>Inga anteckningar matchar.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="61" />
        <source>Tryck för att granska en anteckning, håll inne för ärendets historik.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PersonCaseScreen</name>
    <message>
        <location filename="../PersonCaseScreen.qml" line="12" />
        <source>Ärende</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="45" />
        <source>Namn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="47" />
        <source>Skydd</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="52" />
        <source>Adress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="55" />
        <source>Visas inte (skyddad person)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="58" />
        <source>Fas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="85" />
        <source>Nytt besök</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="90" />
        <source>Bedömning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="94" />
        <source>Uppgifter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="99" />
        <source>Åtkomstlogg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="104" />
        <source>Besök</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="114" />
        <source>Partner närvarande: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="122" />
        <source>Anteckningar</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PersonsScreen</name>
    <message>
        <location filename="../PersonsScreen.qml" line="10" />
        <source>Personer och ärenden</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="27" />
        <source>Sök namn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="31" />
        <location filename="../PersonsScreen.qml" line="75" />
        <source>Ny person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="54" />
        <source>Ingen adress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="84" />
        <source>Namn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="85" />
        <source>Personnummer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="101" />
        <source>Adress</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QuickHideButton</name>
    <message>
        <location filename="../QuickHideButton.qml" line="11" />
        <location filename="../QuickHideButton.qml" line="13" />
        <source>Dölj allt</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordVisitScreen</name>
    <message>
        <location filename="../RecordVisitScreen.qml" line="14" />
        <source>Nytt besök</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="43" />
        <source>Typ av besök</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="55" />
        <source>Tid (ÅÅÅÅ-MM-DD TT:MM)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="63" />
        <source>Plats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="67" />
        <source>Till exempel kontoret</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="69" />
        <source>Är partnern närvarande?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="81" />
        <source>Två personal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="82" />
        <source>Larm med</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="94" />
        <source>Frågor om våld</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="100" />
        <source>Ställ frågorna bara när ni är ensamma.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="118" />
        <source>Svar (sparas som ett utkast till anteckning)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="134" />
        <source>Spara besök</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="33" />
        <source>%n ändringar väntar</source>
        <translation>
            <numerusform>%n ändring väntar</numerusform><numerusform>%n ändringar väntar</numerusform></translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="40" />
        <source>Senast %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../SyncBar.qml" line="41" />
        <source>Aldrig synkad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../SyncBar.qml" line="52" />
        <source>Kvittera larmet</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="55" />
        <source>%n konflikter</source>
        <translation>
            <numerusform>%n konflikt</numerusform><numerusform>%n konflikter</numerusform></translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="60" />
        <source>Synka</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../SyncBar.qml" line="79" />
        <source>Ändringar som inte kunde göras</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TasksScreen</name>
    <message>
        <location filename="../TasksScreen.qml" line="11" />
        <source>Uppgifter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="31" />
        <source>Ny uppgift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="36" />
        <source>Senast ÅÅÅÅ-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="40" />
        <source>Lägg till</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="47" />
        <source>Visa klara</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="51" />
        <source>Inga uppgifter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="71" />
        <source>senast %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location filename="../TodayScreen.qml" line="10" />
        <source>Idag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="26" />
        <source>Planerade besök</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="30" />
        <source>Personer och ärenden</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="40" />
        <source>Inga planerade besök. Planera ett besök från en persons ärende.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="54" />
        <source>Utan tid</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>varn::ui::AdminController</name>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="123" />
        <source>Enheten är godkänd.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="142" />
        <source>Enheten är spärrad och enhetens nyckel är bytt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="149" />
        <source>Enhetens nyckel är bytt.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>varn::ui::InstrumentFormModel</name>
    <message>
        <location filename="../../client/ui/instrument_form_model.cpp" line="28" />
        <source>Ja</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/instrument_form_model.cpp" line="29" />
        <source>Nej</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>varn::ui::RecordsController</name>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="57" />
        <source>Har någon i din närhet slagit, knuffat eller hållit fast dig?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="58" />
        <source>Har du blivit hotad, eller har någon hotat dina barn?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="59" />
        <source>Kontrollerar någon din telefon, dina pengar eller vem du träffar?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="60" />
        <source>Är du rädd för att gå hem i dag?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="163" />
        <source>Frågor om våld ställs bara när partnern inte är närvarande.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="177" />
        <source>Frågor om våld (partnern inte närvarande):
%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="250" />
        <source>Inget formulär är laddat.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="254" />
        <source>Din egen professionella bedömning krävs.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>varn::ui::SessionController</name>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="96" />
        <source>Lösenfraserna är inte lika.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="100" />
        <source>Välj en lösenfras med minst 8 tecken.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>varn::ui::SyncController</name>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="78" />
        <source>Synkar…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="79" />
        <source>Synkad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="82" />
        <source>Väntar på godkännande</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="83" />
        <source>Inte ansluten</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="84" />
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="112" />
        <source>Enheten har spärrats av administratören och allt på den har raderats.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>