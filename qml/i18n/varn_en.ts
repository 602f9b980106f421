<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AccessLogScreen</name>
    <message>
        <location filename="../AccessLogScreen.qml" line="11" />
        <source>Åtkomstlogg</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="23" />
        <source>Inga öppningar registrerade.</source>
        <translation>No openings recorded.</translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="42" />
        <source>Den här enheten</source>
        <translation>This device</translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="42" />
        <source>Enhet %1</source>
        <translation>Device %1</translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="46" />
        <source>Ärende %1</source>
        <translation>Case %1</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../AppShell.qml" line="15" />
        <source>Idag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="16" />
        <source>Personer och ärenden</source>
        <translation>People and cases</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="17" />
        <source>Uppgifter</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="18" />
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="19" />
        <source>Åtkomstlogg</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="20" />
        <source>Enheter</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="21" />
        <source>Anslutning</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="54" />
        <source>Tillbaka</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="54" />
        <source>Meny</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="60" />
        <source>Värn</source>
        <translation>Värn</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="66" />
        <source>Lås</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>CreateStoreScreen</name>
    <message>
        <location filename="../CreateStoreScreen.qml" line="24" />
        <source>Välkommen till Värn</source>
        <translation>Welcome to Värn</translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="30" />
        <source>Det finns inget lager på den här enheten. Välj en lösenfras: den låser alla anteckningar på enheten och kan inte återställas.</source>
        <translation>There is no store on this device. Choose a passphrase: it locks every note on the device and cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="38" />
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="45" />
        <source>Samma lösenfras igen</source>
        <translation>The same passphrase again</translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="61" />
        <source>Skapa lager</source>
        <translation>Create store</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../DevicesScreen.qml" line="11" />
        <source>Enheter</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="27" />
        <source>Enhetens enheter</source>
        <translation>The unit's devices</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="28" />
        <source>Uppdatera</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="32" />
        <source>Hämtar…</source>
        <translation>Fetching…</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="32" />
        <source>Inga enheter hämtade.</source>
        <translation>No devices fetched.</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="49" />
        <source>Den här enheten</source>
        <translation>This device</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="54" />
        <source>aldrig sedd</source>
        <translation>never seen</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="55" />
        <source>senast sedd %1</source>
        <translation>last seen %1</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="56" />
        <source>radering bekräftad</source>
        <translation>wipe confirmed</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="63" />
        <source>Spärra</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="70" />
        <source>Byt enhetens nyckel</source>
        <translation>Rotate the unit's key</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="82" />
        <source>Godkänn en ny enhet</source>
        <translation>Approve a new device</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="86" />
        <source>Skriv koden från den nya enheten. Läs sedan fingeravtrycket högt tillsammans och skriv det här: godkänn bara om varje siffra stämmer.</source>
        <translation>Type the code from the new device. Then read the fingerprint aloud together and type it here: approve only if every digit matches.</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="88" />
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="93" />
        <source>Fingeravtryck (30 siffror)</source>
        <translation>Fingerprint (30 digits)</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="108" />
        <source>Godkänn</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="132" />
        <source>Spärra enheten?</source>
        <translation>Revoke the device?</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="139" />
        <source>Enheten kan inte längre synka och raderar allt vid nästa kontakt. Enhetens nyckel byts.</source>
        <translation>The device can no longer sync and wipes everything at its next contact. The unit's key is rotated.</translation>
    </message>
</context>
<context>
    <name>EnrolmentScreen</name>
    <message>
        <location filename="../EnrolmentScreen.qml" line="11" />
        <source>Anslutning</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="26" />
        <source>Enheten är ansluten</source>
        <translation>The device is connected</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="27" />
        <source>Väntar på godkännande</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="28" />
        <source>Anslut enheten</source>
        <translation>Connect the device</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="47" />
        <source>Enhetskod (bara för enhetens första administratör)</source>
        <translation>Unit code (only for the unit's first admin)</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="54" />
        <source>Ansluter…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="54" />
        <source>Anslut</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="60" />
        <source>Fortsätt utan server</source>
        <translation>Continue without a server</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="79" />
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="81" />
        <source>Fingeravtryck</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="93" />
        <source>Läs fingeravtrycket högt för administratören, som jämför det innan enheten godkänns.</source>
        <translation>Read the fingerprint aloud to the admin, who compares it before approving the device.</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="96" />
        <source>Har administratören godkänt?</source>
        <translation>Has the admin approved?</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="106" />
        <source>Server: %1. Roll: %2.</source>
        <translation>Server: %1. Role: %2.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="12" />
        <source>Fel lösenfras.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="13" />
        <source>Hittades inte.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="14" />
        <source>Det går inte: uppgiften har redan ändrats eller signerats.</source>
        <translation>Not possible: the record has already changed or been signed.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="15" />
        <source>Uppgiften är inte giltig.</source>
        <translation>The entry is not valid.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="16" />
        <source>Inte tillåtet.</source>
        <translation>Not allowed.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="17" />
        <source>Inte tillgängligt just nu.</source>
        <translation>Not available right now.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="18" />
        <source>Servern svarar inte. Ändringarna ligger kvar och skickas senare.</source>
        <translation>The server does not answer. Changes are kept and sent later.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="19" />
        <source>Enheten är spärrad av administratören.</source>
        <translation>The admin has revoked this device.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="20" />
        <source>Servern visar äldre uppgifter än enheten sett. Kontakta administratören.</source>
        <translation>The server shows older data than this device has seen. Contact the admin.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="21" />
        <source>Lagret är skadat.</source>
        <translation>The store is damaged.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="22" />
        <source>Lösenfrasen är för svag.</source>
        <translation>The passphrase is too weak.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="23" />
        <source>Kunde inte läsa eller skriva filen.</source>
        <translation>Could not read or write the file.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="24" />
        <source>Något gick fel.</source>
        <translation>Something went wrong.</translation>
    </message>
</context>
<context>
    <name>InstrumentFormScreen</name>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="13" />
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="40" />
        <source>Inget bedömningsformulär är installerat.</source>
        <translation>No assessment form is installed.</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="66" />
        <source>Poäng enligt formuläret</source>
        <translation>The form's score</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="71" />
        <source>%1 poäng · %2</source>
        <translation>%1 points · %2</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="75" />
        <source>%1 av %2 frågor besvarade</source>
        <translation>%1 of %2 questions answered</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="81" />
        <source>Poängen är ett stöd, inte ett beslut. Din egen bedömning krävs.</source>
        <translation>The score is support, not a decision. Your own judgement is required.</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="87" />
        <source>Din professionella bedömning</source>
        <translation>Your professional judgement</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="98" />
        <source>Krävs</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="112" />
        <source>Spara bedömning</source>
        <translation>Save assessment</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../client/ui/labels.cpp" line="19" />
        <source>Hembesök</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="20" />
        <source>Enskilt samtal</source>
        <translation>Separate appointment</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="21" />
        <source>Besök på kontoret</source>
        <translation>Office visit</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="22" />
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="23" />
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="24" />
        <source>Tillsammans med polis</source>
        <translation>Joint with police</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="26" />
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="27" />
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="28" />
        <source>Vet inte</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="30" />
        <source>Inkommet</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="31" />
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="32" />
        <source>Utredning</source>
        <translation>Investigation</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="33" />
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="34" />
        <source>Insats</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="35" />
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="36" />
        <source>Avslutat</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="38" />
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="39" />
        <source>Sekretessmarkering</source>
        <translation>Confidentiality marking</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="40" />
        <source>Skyddad folkbokföring</source>
        <translation>Protected registration</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="42" />
        <source>Rättelse</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="43" />
        <source>Tillägg</source>
        <translation>Addendum</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="44" />
        <source>Klientens invändning</source>
        <translation>Client's objection</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="46" />
        <source>Hot mot personal</source>
        <translation>Threats against staff</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="47" />
        <source>Hedersrelaterat</source>
        <translation>Honour-related</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="48" />
        <source>Digital kontroll</source>
        <translation>Digital control</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="50" />
        <source>Handläggare</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="51" />
        <source>Granskare</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="52" />
        <source>Administratör</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="54" />
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="55" />
        <source>Spärrad</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="56" />
        <source>Väntar på godkännande</source>
        <translation>Waiting for approval</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../LockScreen.qml" line="22" />
        <source>Värn är låst</source>
        <translation>Värn is locked</translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="30" />
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="49" />
        <source>Lås upp</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="13" />
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="13" />
        <source>Värn</source>
        <translation>Värn</translation>
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <location filename="../NeutralScreen.qml" line="17" />
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>NoteEditorScreen</name>
    <message>
        <location filename="../NoteEditorScreen.qml" line="15" />
        <source>Ny anteckning</source>
        <translation>New note</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="15" />
        <source>Signerad anteckning</source>
        <translation>Signed note</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="15" />
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="55" />
        <source>Skriven av %1, %2</source>
        <translation>Written by %1, %2</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="56" />
        <source>signerad och granskad</source>
        <translation>signed and reviewed</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="56" />
        <source>signerad</source>
        <translation>signed</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="56" />
        <source>utkast</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="67" />
        <source>Skriv anteckningen här</source>
        <translation>Write the note here</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="80" />
        <source>Spara utkast</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="85" />
        <source>Signera</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="92" />
        <source>Ta bort utkast</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="99" />
        <source>Granska och godkänn</source>
        <translation>Review and sign off</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="112" />
        <source>Tillägg</source>
        <translation>Addendum</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="153" />
        <source>Text till tillägget</source>
        <translation>Text of the addendum</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="157" />
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="170" />
        <source>Signera anteckningen?</source>
        <translation>Sign the note?</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="177" />
        <source>En signerad anteckning kan inte ändras. Rättelser görs som tillägg.</source>
        <translation>A signed note cannot change. Corrections are made as addenda.</translation>
    </message>
</context>
<context>
    <name>NoteRow</name>
    <message>
        <location filename="../NoteRow.qml" line="20" />
        <source>Signerad, granskad</source>
        <translation>Signed, reviewed</translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="20" />
        <source>Signerad</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="21" />
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message numerus="yes">
        <location filename="../NoteRow.qml" line="27" />
        <source>%n tillägg</source>
        <translation>
            <numerusform>%n addendum</numerusform><numerusform>%n addenda</numerusform></translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../../client/ui/note_rows.cpp" line="13" />
        <source>Du</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../client/ui/note_rows.cpp" line="14" />
        <source>Enhet %1</source>
        <translation>Device %1</translation>
    </message>
</context>
<context>
    <name>NotesReviewScreen</name>
    <message>
        <location filename="../NotesReviewScreen.qml" line="12" />
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="33" />
        <source>Ej granskade</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="34" />
        <source>Osignerade</source>
        <translation>Unsigned</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="35" />
        <source>Mina</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="36" />
        <source>Ärende-id</source>
        <translation>Case id</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="37" />
        <source>Från ÅÅÅÅ-MM-DD</source>
        <translation>From YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="38" />
        <source>Till ÅÅÅÅ-MM-DD</source>
        <translation>To YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="42" />
        <source>Inga anteckningar matchar.</source>
        <translation>No notes match.</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="61" />
        <source>Tryck för att granska en anteckning, håll inne för ärendets historik.</source>
        <translation>Tap to review a note, hold for the case's history.</translation>
    </message>
</context>
<context>
    <name>PersonCaseScreen</name>
    <message>
        <location filename="../PersonCaseScreen.qml" line="12" />
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="45" />
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="47" />
        <source>Skydd</source>
        <translation>Protection</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="52" />
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="55" />
        <source>Visas inte (skyddad person)</source>
        <translation>Not shown (protected person)</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="58" />
        <source>Fas</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="85" />
        <source>Nytt besök</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="90" />
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="94" />
        <source>Uppgifter</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="99" />
        <source>Åtkomstlogg</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="104" />
        <source>Besök</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="114" />
        <source>Partner närvarande: %1</source>
        <translation>Partner present: %1</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="122" />
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>PersonsScreen</name>
    <message>
        <location filename="../PersonsScreen.qml" line="10" />
        <source>Personer och ärenden</source>
        <translation>People and cases</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="27" />
        <source>Sök namn</source>
        <translation>Search name</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="31" />
        <location filename="../PersonsScreen.qml" line="75" />
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="54" />
        <source>Ingen adress</source>
        <translation>No address</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="84" />
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="85" />
        <source>Personnummer</source>
        <translation>Personal identity number</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="101" />
        <source>Adress</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>QuickHideButton</name>
    <message>
        <location filename="../QuickHideButton.qml" line="11" />
        <location filename="../QuickHideButton.qml" line="13" />
        <source>Dölj allt</source>
        <translation>Hide everything</translation>
    </message>
</context>
<context>
    <name>RecordVisitScreen</name>
    <message>
        <location filename="../RecordVisitScreen.qml" line="14" />
        <source>Nytt besök</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="43" />
        <source>Typ av besök</source>
        <translation>Kind of visit</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="55" />
        <source>Tid (ÅÅÅÅ-MM-DD TT:MM)</source>
        <translation>Time (YYYY-MM-DD HH:MM)</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="63" />
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="67" />
        <source>Till exempel kontoret</source>
        <translation>For example the office</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="69" />
        <source>Är partnern närvarande?</source>
        <translation>Is the partner present?</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="81" />
        <source>Två personal</source>
        <translation>Two staff</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="82" />
        <source>Larm med</source>
        <translation>Alarm taken</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="94" />
        <source>Frågor om våld</source>
        <translation>Questions about violence</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="100" />
        <source>Ställ frågorna bara när ni är ensamma.</source>
        <translation>Ask these questions only when you are alone.</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="118" />
        <source>Svar (sparas som ett utkast till anteckning)</source>
        <translation>Answers (saved as a draft note)</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="134" />
        <source>Spara besök</source>
        <translation>Save visit</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="33" />
        <source>%n ändringar väntar</source>
        <translation>
            <numerusform>%n change waiting</numerusform><numerusform>%n changes waiting</numerusform></translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="40" />
        <source>Senast %1</source>
        <translation>Last %1</translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="41" />
        <source>Aldrig synkad</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="52" />
        <source>Kvittera larmet</source>
        <translation>Acknowledge the alarm</translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="55" />
        <source>%n konflikter</source>
        <translation>
            <numerusform>%n conflict</numerusform><numerusform>%n conflicts</numerusform></translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="60" />
        <source>Synka</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="79" />
        <source>Ändringar som inte kunde göras</source>
        <translation>Changes that could not be made</translation>
    </message>
</context>
<context>
    <name>TasksScreen</name>
    <message>
        <location filename="../TasksScreen.qml" line="11" />
        <source>Uppgifter</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="31" />
        <source>Ny uppgift</source>
        <translation>New task</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="36" />
        <source>Senast ÅÅÅÅ-MM-DD</source>
        <translation>Due YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="40" />
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="47" />
        <source>Visa klara</source>
        <translation>Show done</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="51" />
        <source>Inga uppgifter.</source>
        <translation>No tasks.</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="71" />
        <source>senast %1</source>
        <translation>due %1</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location filename="../TodayScreen.qml" line="10" />
        <source>Idag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="26" />
        <source>Planerade besök</source>
        <translation>Planned visits</translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="30" />
        <source>Personer och ärenden</source>
        <translation>People and cases</translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="40" />
        <source>Inga planerade besök. Planera ett besök från en persons ärende.</source>
        <translation>No planned visits. Plan a visit from a person's case.</translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="54" />
        <source>Utan tid</source>
        <translation>No time set</translation>
    </message>
</context>
<context>
    <name>varn::ui::AdminController</name>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="123" />
        <source>Enheten är godkänd.</source>
        <translation>The device is approved.</translation>
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="142" />
        <source>Enheten är spärrad och enhetens nyckel är bytt.</source>
        <translation>The device is revoked and the unit's key rotated.</translation>
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="149" />
        <source>Enhetens nyckel är bytt.</source>
        <translation>The unit's key is rotated.</translation>
    </message>
</context>
<context>
    <name>varn::ui::InstrumentFormModel</name>
    <message>
        <location filename="../../client/ui/instrument_form_model.cpp" line="28" />
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../client/ui/instrument_form_model.cpp" line="29" />
        <source>Nej</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>varn::ui::RecordsController</name>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="57" />
        <source>Har någon i din närhet slagit, knuffat eller hållit fast dig?</source>
        <translation>Has someone close to you hit, pushed or held you down?</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="58" />
        <source>Har du blivit hotad, eller har någon hotat dina barn?</source>
        <translation>Have you been threatened, or has someone threatened your children?</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="59" />
        <source>Kontrollerar någon din telefon, dina pengar eller vem du träffar?</source>
        <translation>Does someone control your phone, your money or whom you meet?</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="60" />
        <source>Är du rädd för att gå hem i dag?</source>
        <translation>Are you afraid to go home today?</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="163" />
        <source>Frågor om våld ställs bara när partnern inte är närvarande.</source>
        <translation>Questions about violence are only asked when the partner is not present.</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="177" />
        <source>Frågor om våld (partnern inte närvarande):
%1</source>
        <translation>Questions about violence (partner not present):
%1</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="250" />
        <source>Inget formulär är laddat.</source>
        <translation>No form is loaded.</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="254" />
        <source>Din egen professionella bedömning krävs.</source>
        <translation>Your own professional judgement is required.</translation>
    </message>
</context>
<context>
    <name>varn::ui::SessionController</name>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="96" />
        <source>Lösenfraserna är inte lika.</source>
        <translation>The passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="100" />
        <source>Välj en lösenfras med minst 8 tecken.</source>
        <translation>Choose a passphrase of at least 8 characters.</translation>
    </message>
</context>
<context>
    <name>varn::ui::SyncController</name>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="78" />
        <source>Synkar…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="79" />
        <source>Synkad</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="82" />
        <source>Väntar på godkännande</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="83" />
        <source>Inte ansluten</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="84" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="112" />
        <source>Enheten har spärrats av administratören och allt på den har raderats.</source>
        <translation>The admin revoked this device and everything on it was erased.</translation>
    </message>
</context>
</TS>