<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AccessLogScreen</name>
    <message>
        <location filename="../AccessLogScreen.qml" line="13"/>
        <source>Åtkomstlogg</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="25"/>
        <source>Inga läsningar registrerade.</source>
        <translation>No reads recorded.</translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="58"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="63"/>
        <source>Ärende %1</source>
        <translation>Case %1</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../AppShell.qml" line="15"/>
        <source>Idag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="16"/>
        <source>Mina ärenden</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="17"/>
        <source>Uppgifter</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="18"/>
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="19"/>
        <source>Åtkomstlogg</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="20"/>
        <source>Månadsgranskning</source>
        <translation>Monthly review</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="21"/>
        <source>Surfplattor</source>
        <translation>Tablets</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="22"/>
        <source>Personal</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="23"/>
        <source>Anslutning</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="24"/>
        <source>Radera allt</source>
        <translation>Delete everything</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="64"/>
        <source>Tillbaka</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="64"/>
        <source>Meny</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="70"/>
        <source>Värn</source>
        <translation>Värn</translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="78"/>
        <source>Lås</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../ConfirmDialog.qml" line="30"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CreateStoreScreen</name>
    <message>
        <location filename="../CreateStoreScreen.qml" line="25"/>
        <source>Välkommen till Värn</source>
        <translation>Welcome to Värn</translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="31"/>
        <source>Det finns inget lager på den här surfplattan. Välj en lösenfras: den låser alla anteckningar på surfplattan och kan inte återställas.</source>
        <translation>There is no store on this tablet. Choose a passphrase: it locks every note on the tablet and cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="40"/>
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="48"/>
        <source>Samma lösenfras igen</source>
        <translation>The same passphrase again</translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="64"/>
        <source>Skapa lager</source>
        <translation>Create store</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../DateField.qml" line="21"/>
        <source>välj datum</source>
        <translation>choose a date</translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="23"/>
        <source>kl. %1</source>
        <translation>at %1</translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="57"/>
        <source>Föregående månad</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="71"/>
        <source>Nästa månad</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="101"/>
        <source>Klockan</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="131"/>
        <source>Rensa</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="137"/>
        <source>I dag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="144"/>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../DevicesScreen.qml" line="48"/>
        <source>Uppdatera</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="52"/>
        <source>Hämtar…</source>
        <translation>Fetching…</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="12"/>
        <source>Surfplattor</source>
        <translation>Tablets</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="23"/>
        <source>Arbetar…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="43"/>
        <source>Enhetens surfplattor</source>
        <translation>The unit&apos;s tablets</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="52"/>
        <source>Inga surfplattor hämtade.</source>
        <translation>No tablets fetched.</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="83"/>
        <source>Den här surfplattan</source>
        <translation>This tablet</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="91"/>
        <source>aldrig sedd</source>
        <translation>never seen</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="92"/>
        <source>senast sedd %1</source>
        <translation>last seen %1</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="93"/>
        <source>radering bekräftad</source>
        <translation>wipe confirmed</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="94"/>
        <source>raderad av sin användare, spärra den</source>
        <translation>wiped by its user; revoke it</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="108"/>
        <location filename="../DevicesScreen.qml" line="254"/>
        <source>Spärra</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="122"/>
        <source>Byt enhetens nyckel</source>
        <translation>Rotate the unit&apos;s key</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="145"/>
        <source>Godkänn en ny surfplatta</source>
        <translation>Approve a new tablet</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="151"/>
        <source>Den nya surfplattan ansluter med adressen %1</source>
        <translation>The new tablet enrols with the address %1</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="154"/>
        <source>Väntar på godkännande</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="154"/>
        <source>Ingen surfplatta väntar.</source>
        <translation>No tablet is waiting.</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="166"/>
        <source>Kod %1 · begärd %2</source>
        <translation>Code %1 · requested %2</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="172"/>
        <source>Välj</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="180"/>
        <source>Skriv koden från den nya surfplattan. Läs sedan fingeravtrycket högt tillsammans och skriv det här: godkänn bara om varje siffra stämmer. Skriv till sist parkopplingskoden som den nya surfplattan visar; den skickas aldrig till servern.</source>
        <translation>Type the code from the new tablet. Then read the fingerprint aloud together and type it here: approve only if every digit matches. Finally type the pairing code the new tablet shows; it is never sent to the server.</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="201"/>
        <source>Vems surfplatta: namn</source>
        <translation>Whose tablet: name</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="207"/>
        <source>Titel (t.ex. socialsekreterare)</source>
        <translation>Title (e.g. social worker)</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="236"/>
        <source>Säkerhetskod: %1. Den nya surfplattan ska visa samma kod när den har synkat.</source>
        <translation>Safety code: %1. The new tablet should show the same code once it has synced.</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="253"/>
        <source>Spärra surfplattan?</source>
        <translation>Revoke the tablet?</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="256"/>
        <source>Surfplatta %1 (%2), fingeravtryck %3.</source>
        <translation>Tablet %1 (%2), fingerprint %3.</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="258"/>
        <source>Den kan inte längre synka och raderar allt vid nästa kontakt. Enhetens nyckel byts. Det går inte att ångra: en spärrad surfplatta måste anslutas på nytt.</source>
        <translation>It can no longer sync and deletes everything at its next contact. The unit&apos;s key is changed. This cannot be undone: a revoked tablet must be enrolled again.</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="182"/>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="187"/>
        <source>Fingeravtryck (30 siffror)</source>
        <translation>Fingerprint (30 digits)</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="194"/>
        <source>Parkopplingskod (18 tecken)</source>
        <translation>Pairing code (18 characters)</translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="227"/>
        <source>Godkänn</source>
        <translation>Approve</translation>
    </message>
</context>
<context>
    <name>EnrolmentScreen</name>
    <message>
        <location filename="../EnrolmentScreen.qml" line="11"/>
        <source>Anslutning</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="27"/>
        <source>Väntar på godkännande</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="26"/>
        <source>Surfplattan är ansluten</source>
        <translation>The tablet is enrolled</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="28"/>
        <source>Anslut surfplattan</source>
        <translation>Enrol the tablet</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="39"/>
        <source>Adressen som administratören ger dig, till exempel https://server:8443/16d01a95</source>
        <translation>The address the admin gives you, for example https://server:8443/16d01a95</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="53"/>
        <source>Enhetskod (bara för enhetens första administratör)</source>
        <translation>Unit code (only for the unit&apos;s first admin)</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="60"/>
        <source>Ansluter…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="60"/>
        <source>Anslut</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="66"/>
        <source>Fortsätt utan server</source>
        <translation>Continue without a server</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="85"/>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="87"/>
        <source>Fingeravtryck</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="96"/>
        <source>Parkopplingskod</source>
        <translation>Pairing code</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="106"/>
        <source>Läs fingeravtrycket högt för administratören, som jämför det innan surfplattan godkänns. Visa parkopplingskoden bara för administratören, här på skärmen eller som QR-kod; skicka den aldrig.</source>
        <translation>Read the fingerprint aloud to the admin, who compares it before approving the tablet. Show the pairing code only to the admin, here on the screen or as a QR code; never send it.</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="126"/>
        <source>Enhetens säkerhetskod: %1. Administratörens skärm visar samma kod; stämmer den inte, kontakta administratören innan du skriver något.</source>
        <translation>The unit&apos;s safety code: %1. The admin&apos;s screen shows the same code; if it does not match, contact the admin before you write anything.</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="134"/>
        <source>Enhetens återställningskod</source>
        <translation>The unit&apos;s recovery code</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="146"/>
        <source>Skriv ner koden på papper nu och förvara den i ett kassaskåp: den visas bara den här gången. Med den kan en ny administratörsenhet anslutas om alla administratörsenheter försvinner, och den som har koden kan ansluta en administratörsenhet till enheten.</source>
        <translation>Write the code on paper now and keep it in a safe: it is shown only this once. With it a new admin device can be enrolled if every admin device is lost, and whoever holds the code can enrol an admin device for the unit.</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="150"/>
        <source>Jag har skrivit ner koden</source>
        <translation>I have written the code down</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="109"/>
        <source>Har administratören godkänt?</source>
        <translation>Has the admin approved?</translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="119"/>
        <source>Server: %1. Roll: %2.</source>
        <translation>Server: %1. Role: %2.</translation>
    </message>
</context>
<context>
    <name>ErrorNote</name>
    <message>
        <location filename="../ErrorNote.qml" line="29"/>
        <source>Dölj detaljer</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <location filename="../ErrorNote.qml" line="29"/>
        <source>Visa detaljer</source>
        <translation>Show details</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="12"/>
        <source>Fel lösenfras.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="13"/>
        <source>Hittades inte.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="14"/>
        <source>Det går inte: uppgiften har redan ändrats eller signerats.</source>
        <translation>Not possible: the record has already changed or been signed.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="15"/>
        <source>Uppgiften är inte giltig.</source>
        <translation>The entry is not valid.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="16"/>
        <source>Inte tillåtet.</source>
        <translation>Not allowed.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="17"/>
        <source>Inte tillgängligt just nu.</source>
        <translation>Not available right now.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="18"/>
        <source>Servern svarar inte. Ändringarna ligger kvar och skickas senare.</source>
        <translation>The server does not answer. Changes are kept and sent later.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="20"/>
        <source>Servern tar inte emot fler ändringar just nu. De ligger kvar här och skickas senare; kontakta administratören.</source>
        <translation>The server takes no more changes right now. They stay here and are sent later; contact the admin.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="22"/>
        <source>Surfplattan är spärrad av administratören.</source>
        <translation>The tablet has been revoked by the admin.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="23"/>
        <source>Servern visar äldre uppgifter än surfplattan har sett. Kontakta administratören.</source>
        <translation>The server shows older data than the tablet has seen. Contact the admin.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="24"/>
        <source>Lagret är skadat.</source>
        <translation>The store is damaged.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="25"/>
        <source>Lösenfrasen är för svag.</source>
        <translation>The passphrase is too weak.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="26"/>
        <source>Kunde inte läsa eller skriva filen.</source>
        <translation>Could not read or write the file.</translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="27"/>
        <source>Något gick fel.</source>
        <translation>Something went wrong.</translation>
    </message>
</context>
<context>
    <name>InstrumentFormScreen</name>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="14"/>
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="45"/>
        <source>Inget bedömningsformulär är installerat.</source>
        <translation>No assessment form is installed.</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="73"/>
        <source>Poäng enligt formuläret</source>
        <translation>The form&apos;s score</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="80"/>
        <source>%1 poäng · %2</source>
        <translation>%1 points · %2</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="86"/>
        <source>%1 av %2 frågor besvarade</source>
        <translation>%1 of %2 questions answered</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="92"/>
        <source>Poängen är ett stöd, inte ett beslut. Din egen bedömning krävs.</source>
        <translation>The score is support, not a decision. Your own judgement is required.</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="98"/>
        <source>Din professionella bedömning</source>
        <translation>Your professional judgement</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="109"/>
        <source>Krävs</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="121"/>
        <source>Spara bedömning</source>
        <translation>Save assessment</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../client/ui/labels.cpp" line="19"/>
        <source>Hembesök</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="20"/>
        <source>Separat samtal</source>
        <translation>Separate appointment</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="21"/>
        <source>Besök på kontoret</source>
        <translation>Office visit</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="22"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="23"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="24"/>
        <source>Tillsammans med polis</source>
        <translation>Joint with police</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="26"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="27"/>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="28"/>
        <source>Vet inte</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="30"/>
        <source>Inkommet</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="31"/>
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="32"/>
        <source>Utredning</source>
        <translation>Investigation</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="33"/>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="34"/>
        <source>Insats</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="35"/>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="36"/>
        <source>Avslutat</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="38"/>
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="39"/>
        <source>Sekretessmarkering</source>
        <translation>Confidentiality marking</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="40"/>
        <source>Skyddad folkbokföring</source>
        <translation>Protected registration</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="42"/>
        <source>Rättelse</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="43"/>
        <source>Komplettering</source>
        <translation>Supplement</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="44"/>
        <source>Klientens invändning</source>
        <translation>Client&apos;s objection</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="46"/>
        <source>Hot mot personal</source>
        <translation>Threats against staff</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="47"/>
        <source>Hedersrelaterat</source>
        <translation>Honour-related</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="48"/>
        <source>Digital kontroll</source>
        <translation>Digital control</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="50"/>
        <source>Handläggare</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="51"/>
        <source>Granskare</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="52"/>
        <source>Administratör</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="54"/>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="55"/>
        <source>Spärrad</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="56"/>
        <source>Väntar på godkännande</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="58"/>
        <source>Öppnade ärendet</source>
        <translation>Opened the case</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="59"/>
        <source>Läste anteckningar i en lista</source>
        <translation>Read notes in a list</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="60"/>
        <source>Läste en anteckning</source>
        <translation>Read a note</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="61"/>
        <source>Läste ärendets bedömningar</source>
        <translation>Read the case&apos;s assessments</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="62"/>
        <source>Läste en bedömning</source>
        <translation>Read an assessment</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="63"/>
        <source>Läste säkerhetsplanen</source>
        <translation>Read the safety plan</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="64"/>
        <source>Läste placeringar</source>
        <translation>Read the placements</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="65"/>
        <source>Läste om barnen</source>
        <translation>Read about the children</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="67"/>
        <source>Skyddat boende</source>
        <translation>Sheltered housing</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="68"/>
        <source>Akutlägenhet</source>
        <translation>Emergency flat</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="69"/>
        <source>Jourhem</source>
        <translation>Emergency foster home</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="70"/>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="72"/>
        <source>Låg</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="73"/>
        <source>Medel</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="74"/>
        <source>Hög</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="76"/>
        <source>Nattetid</source>
        <translation>At night</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="77"/>
        <source>Surfplatta utan namngiven person</source>
        <translation>Device with no person named</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="78"/>
        <source>Utanför egna ärenden</source>
        <translation>Outside own cases</translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="79"/>
        <source>Skyddat ärende, inte namngiven</source>
        <translation>Restricted case, not named</translation>
    </message>
</context>
<context>
    <name>LeaseCover</name>
    <message>
        <location filename="../LeaseCover.qml" line="22"/>
        <source>Ärendena visas inte</source>
        <translation>Cases are not shown</translation>
    </message>
    <message numerus="yes">
        <location filename="../LeaseCover.qml" line="30"/>
        <source>Surfplattan har inte varit i kontakt med servern på minst %n dagar. Anslut till nätet och synka, så visas ärendena igen.</source>
        <translation>
            <numerusform>The tablet has not been in contact with the server for at least %n day. Connect to the network and sync, and the cases are shown again.</numerusform>
            <numerusform>The tablet has not been in contact with the server for at least %n days. Connect to the network and sync, and the cases are shown again.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../LeaseCover.qml" line="37"/>
        <source>Synka nu</source>
        <translation>Sync now</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../LockScreen.qml" line="30"/>
        <source>Värn är låst</source>
        <translation>Värn is locked</translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="38"/>
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="48"/>
        <source>Allt du läser i ärenden loggas med ditt namn, och enhetens chef granskar loggen varje månad.</source>
        <translation>Everything you read in cases is logged with your name, and the unit manager reviews the log every month.</translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="65"/>
        <source>Lås upp</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="85"/>
        <source>Radera allt på surfplattan</source>
        <translation>Delete everything on the tablet</translation>
    </message>
</context>
<context>
    <name>LogReviewScreen</name>
    <message>
        <location filename="../LogReviewScreen.qml" line="13"/>
        <source>Månadsgranskning</source>
        <translation>Monthly review</translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="27"/>
        <source>%1  %2: %3</source>
        <translation>%1  %2: %3</translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="35"/>
        <source>Ärende %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="75"/>
        <source>Läsningar i månaden: %1</source>
        <translation>Reads this month: %1</translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="80"/>
        <source>Avvikelser: %1</source>
        <translation>Anomalies: %1</translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="95"/>
        <source>Stickprov: %1</source>
        <translation>Sample: %1</translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="118"/>
        <source>Signerad av %1 %2: %3</source>
        <translation>Signed off by %1 %2: %3</translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="131"/>
        <source>Kommentar till granskningen (krävs)</source>
        <translation>Comment on the review (required)</translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="135"/>
        <source>Signera granskningen</source>
        <translation>Sign off the review</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="16"/>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="16"/>
        <source>Värn</source>
        <translation>Värn</translation>
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <location filename="../NeutralScreen.qml" line="18"/>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>NoteEditorScreen</name>
    <message>
        <location filename="../NoteEditorScreen.qml" line="16"/>
        <source>Ny anteckning</source>
        <translation>New note</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="16"/>
        <source>Signerad anteckning</source>
        <translation>Signed note</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="16"/>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="100"/>
        <source>Om %1</source>
        <translation>About %1</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="108"/>
        <source>Skriven av %1, %2</source>
        <translation>Written by %1, %2</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="109"/>
        <source>signerad och granskad</source>
        <translation>signed and reviewed</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="109"/>
        <source>signerad</source>
        <translation>signed</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="109"/>
        <source>utkast</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="117"/>
        <source>Hände %1 · skriven %2</source>
        <translation>Happened %1 · written %2</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="117"/>
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="126"/>
        <source>Utkastet är äldre än enhetens gräns. Signera det eller ta bort det.</source>
        <translation>This draft is older than the unit&apos;s limit. Sign it or delete it.</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="136"/>
        <source>Hände</source>
        <translation>Happened</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="143"/>
        <source>Utan val: besökets planerade tid, annars nu.</source>
        <translation>If not chosen: the visit&apos;s planned time, else now.</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="156"/>
        <source>Skriv anteckningen här</source>
        <translation>Write the note here</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="170"/>
        <source>Osparad text från förra gången är återställd.</source>
        <translation>Unsaved text from last time has been restored.</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="175"/>
        <source>Kasta osparad text</source>
        <translation>Discard unsaved text</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="185"/>
        <source>Spara utkast</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="190"/>
        <location filename="../NoteEditorScreen.qml" line="279"/>
        <source>Signera</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="197"/>
        <source>Ta bort utkast</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="204"/>
        <source>Granska och godkänn</source>
        <translation>Review and sign off</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="214"/>
        <source>Tillägg</source>
        <translation>Addendum</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="226"/>
        <source>av %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="259"/>
        <source>Text till tillägget</source>
        <translation>Text of the addendum</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="265"/>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="278"/>
        <source>Signera anteckningen?</source>
        <translation>Sign the note?</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="281"/>
        <source>Anteckningen om %1.</source>
        <translation>The note about %1.</translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="282"/>
        <source>En signerad anteckning kan inte ändras eller tas bort; rättelser görs som tillägg.</source>
        <translation>A signed note cannot be changed or deleted; corrections are made as addenda.</translation>
    </message>
</context>
<context>
    <name>NoteRow</name>
    <message>
        <location filename="../NoteRow.qml" line="47"/>
        <source>Hände %1</source>
        <translation>Happened %1</translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="51"/>
        <source>skriven %1</source>
        <translation>written %1</translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="54"/>
        <source>av %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="56"/>
        <source>Signerad, granskad</source>
        <translation>Signed, reviewed</translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="56"/>
        <source>Signerad</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="57"/>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="64"/>
        <source>Gammalt utkast, signera eller ta bort</source>
        <translation>Old draft, sign or delete</translation>
    </message>
    <message numerus="yes">
        <location filename="../NoteRow.qml" line="70"/>
        <source>%n tillägg</source>
        <translation>
            <numerusform>%n addendum</numerusform>
            <numerusform>%n addenda</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="85"/>
        <source>Ärendets historik</source>
        <translation>Case history</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../../client/ui/note_rows.cpp" line="10"/>
        <source>dig</source>
        <translation>you</translation>
    </message>
    <message>
        <location filename="../../client/ui/note_rows.cpp" line="14"/>
        <source>surfplatta %1</source>
        <translation>tablet %1</translation>
    </message>
</context>
<context>
    <name>NotesReviewScreen</name>
    <message>
        <location filename="../NotesReviewScreen.qml" line="14"/>
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="31"/>
        <source>Alla personer</source>
        <translation>All people</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="45"/>
        <source>Ej granskade</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="46"/>
        <source>Osignerade</source>
        <translation>Unsigned</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="50"/>
        <source>Gamla utkast</source>
        <translation>Old drafts</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="56"/>
        <source>Skriven av</source>
        <translation>Written by</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="59"/>
        <source>Alla som skrivit</source>
        <translation>All authors</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="65"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="70"/>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="71"/>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="75"/>
        <source>Inga anteckningar matchar.</source>
        <translation>No notes match.</translation>
    </message>
</context>
<context>
    <name>PanicDialog</name>
    <message>
        <location filename="../PanicDialog.qml" line="10"/>
        <source>Radera allt på surfplattan?</source>
        <translation>Delete everything on the tablet?</translation>
    </message>
    <message>
        <location filename="../PanicDialog.qml" line="11"/>
        <source>Radera allt nu</source>
        <translation>Delete everything now</translation>
    </message>
    <message numerus="yes">
        <location filename="../PanicDialog.qml" line="14"/>
        <source>%n ändringar har inte synkats och går förlorade om de inte hinner skickas nu.</source>
        <translation>
            <numerusform>%n change has not been synced and is lost unless it can be sent now.</numerusform>
            <numerusform>%n changes have not been synced and are lost unless they can be sent now.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../PanicDialog.qml" line="15"/>
        <source>Allt på surfplattan är synkat.</source>
        <translation>Everything on the tablet is synced.</translation>
    </message>
    <message>
        <location filename="../PanicDialog.qml" line="16"/>
        <source>Det går inte att se om något inte har synkats.</source>
        <translation>It cannot be seen whether anything is unsynced.</translation>
    </message>
    <message>
        <location filename="../PanicDialog.qml" line="17"/>
        <source>Alla anteckningar och nycklar på surfplattan raderas och kan inte återställas. Administratören ser att surfplattan har raderats av sin användare.</source>
        <translation>Every note and key on the tablet is deleted and cannot be recovered. The admin sees that the tablet was wiped by its user.</translation>
    </message>
</context>
<context>
    <name>PersonCaseScreen</name>
    <message>
        <location filename="../PersonCaseScreen.qml" line="13"/>
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="48"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="50"/>
        <source>Skydd</source>
        <translation>Protection</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="75"/>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="78"/>
        <source>Visas inte (skyddad person)</source>
        <translation>Not shown (protected person)</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="81"/>
        <source>Fas</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="97"/>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="101"/>
        <source>Ingen ansvarig</source>
        <translation>Nobody responsible</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="107"/>
        <location filename="../PersonCaseScreen.qml" line="125"/>
        <source>Ändra</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="111"/>
        <source>Åtkomst</source>
        <translation>Access</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="115"/>
        <source>Skyddat ärende: %1</source>
        <translation>Restricted case: %1</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="116"/>
        <source>Alla i enheten</source>
        <translation>Everyone in the unit</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="125"/>
        <source>Begränsa</source>
        <translation>Restrict</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="140"/>
        <source>Hot mot personal</source>
        <translation>Threats against staff</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="154"/>
        <source>Nytt besök</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="159"/>
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="163"/>
        <source>Uppgifter</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="168"/>
        <source>Åtkomstlogg</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="173"/>
        <source>Besök</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="194"/>
        <source>utan tid</source>
        <translation>no time</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="205"/>
        <source>Partner närvarande: %1</source>
        <translation>Partner present: %1</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="200"/>
        <source>registrerat %1</source>
        <translation>recorded %1</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="218"/>
        <source>Bedömningar</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="236"/>
        <source>%1 (version %2), %3</source>
        <translation>%1 (version %2), %3</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="244"/>
        <source>Poäng %1 (%2) · Bedömning: %3</source>
        <translation>Score %1 (%2) · Judgement: %3</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="250"/>
        <source>Av %1</source>
        <translation>By %1</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="256"/>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="282"/>
        <source>Ansvariga för ärendet</source>
        <translation>Responsible for the case</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="294"/>
        <source>Vem får läsa ärendet?</source>
        <translation>Who may read the case?</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="295"/>
        <source>Bara de namngivnas surfplattor kan läsa ärendet och personen. Den som tas bort kan inte läsa det som skrivs efter det.</source>
        <translation>Only the named staff&apos;s tablets can read the case and the person. Someone removed cannot read what is written after that.</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="304"/>
        <source>Skyddad folkbokföring?</source>
        <translation>Protected registration?</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="305"/>
        <source>Ändra till skyddad folkbokföring</source>
        <translation>Change to protected registration</translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="307"/>
        <source>%1 får skyddad folkbokföring. En adress som finns registrerad tas bort från alla surfplattor, och ingen adress kan registreras för personen efter det.</source>
        <translation>%1 gets protected registration. An address on record is removed from every tablet, and no address can be recorded for the person after that.</translation>
    </message>
</context>
<context>
    <name>PersonsScreen</name>
    <message>
        <location filename="../PersonsScreen.qml" line="11"/>
        <source>Personer och ärenden</source>
        <translation>People and cases</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="11"/>
        <location filename="../PersonsScreen.qml" line="33"/>
        <source>Mina ärenden</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="38"/>
        <source>Alla i enheten</source>
        <translation>All in the unit</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="47"/>
        <source>Sök namn</source>
        <translation>Search name</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="51"/>
        <location filename="../PersonsScreen.qml" line="109"/>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="82"/>
        <source>Ingen adress</source>
        <translation>No address</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="88"/>
        <source>Ansvarig: %1</source>
        <translation>Responsible: %1</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="89"/>
        <source>Ingen ansvarig</source>
        <translation>Nobody responsible</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="116"/>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="122"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="131"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="132"/>
        <source>För- och efternamn</source>
        <translation>First and last name</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="133"/>
        <source>Personnummer</source>
        <translation>Personal identity number</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="134"/>
        <source>ÅÅÅÅMMDD-NNNN</source>
        <translation>YYYYMMDD-NNNN</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="135"/>
        <location filename="../PersonsScreen.qml" line="138"/>
        <source>Skydd av personuppgifter</source>
        <translation>Protection of personal data</translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="151"/>
        <location filename="../PersonsScreen.qml" line="156"/>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>QuickHideButton</name>
    <message>
        <location filename="../QuickHideButton.qml" line="11"/>
        <location filename="../QuickHideButton.qml" line="13"/>
        <source>Dölj allt</source>
        <translation>Hide everything</translation>
    </message>
</context>
<context>
    <name>RecordVisitScreen</name>
    <message>
        <location filename="../RecordVisitScreen.qml" line="15"/>
        <source>Nytt besök</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="62"/>
        <source>Typ av besök</source>
        <translation>Kind of visit</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="76"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="83"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="89"/>
        <source>Till exempel kontoret</source>
        <translation>For example the office</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="96"/>
        <source>Personen har skyddad folkbokföring: platsen för ett hembesök registreras inte.</source>
        <translation>The person has protected registration: no place is recorded for a home visit.</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="99"/>
        <source>Är partnern närvarande?</source>
        <translation>Is the partner present?</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="125"/>
        <source>Ärendet är flaggat för hot mot personal.</source>
        <translation>The case is flagged for threats against staff.</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="126"/>
        <source>Senaste bedömningen: hög risk.</source>
        <translation>Latest assessment: high risk.</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="132"/>
        <source>Senaste bedömda risk: %1</source>
        <translation>Latest judged risk: %1</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="137"/>
        <source>Planerat: %1, %2</source>
        <translation>Planned: %1, %2</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="137"/>
        <source>två personal</source>
        <translation>two staff</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="137"/>
        <source>en personal</source>
        <translation>one staff</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="138"/>
        <source>med larm</source>
        <translation>with an alarm</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="138"/>
        <source>utan larm</source>
        <translation>without an alarm</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="145"/>
        <source>Chefens beslut om ensambesök: vem och varför</source>
        <translation>The manager&apos;s decision on a lone visit: who and why</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="149"/>
        <source>Två personal</source>
        <translation>Two staff</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="150"/>
        <source>Larm med</source>
        <translation>Alarm taken</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="162"/>
        <source>Frågor om våld</source>
        <translation>Questions about violence</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="168"/>
        <source>Ställ frågorna bara när ni är ensamma.</source>
        <translation>Ask these questions only when you are alone.</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="188"/>
        <source>Svar (sparas som ett utkast till anteckning)</source>
        <translation>Answers (saved as a draft note)</translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="45"/>
        <source>Spara besök</source>
        <translation>Save visit</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../StaffScreen.qml" line="13"/>
        <source>Personal</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="31"/>
        <source>Arbetar…</source>
        <translation>Working…</translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffScreen.qml" line="58"/>
        <source>%n surfplattor</source>
        <translation>
            <numerusform>%n tablet</numerusform>
            <numerusform>%n tablets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="65"/>
        <source>Handlägger ärenden</source>
        <translation>Works cases</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="71"/>
        <source>Granskar</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="79"/>
        <source>Avsluta</source>
        <translation>Offboard</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="96"/>
        <source>Avsluta %1?</source>
        <translation>Offboard %1?</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="97"/>
        <source>Avsluta och spärra</source>
        <translation>Offboard and revoke</translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffScreen.qml" line="99"/>
        <source>Alla hens %n surfplattor spärras och raderar allt vid nästa kontakt. Enhetens nyckel byts. Det hen har skrivit står kvar med hens namn.</source>
        <translation>
            <numerusform>Their %n tablet is revoked and wipes everything at its next contact. The unit key is replaced. What they wrote stays under their name.</numerusform>
            <numerusform>All their %n tablets are revoked and wipe everything at their next contact. The unit key is replaced. What they wrote stays under their name.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="35"/>
        <source>%n ändringar väntar</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="44"/>
        <source>Synka inom %n dagar</source>
        <translation>
            <numerusform>Sync within %n day</numerusform>
            <numerusform>Sync within %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="45"/>
        <source>Senast %1</source>
        <translation>Last %1</translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="46"/>
        <source>Aldrig synkad</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="60"/>
        <source>Kvittera larmet</source>
        <translation>Acknowledge the alarm</translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="66"/>
        <source>%n konflikter</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="71"/>
        <source>Synka</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="90"/>
        <source>Ändringar som inte kunde göras</source>
        <translation>Changes that could not be made</translation>
    </message>
</context>
<context>
    <name>TasksScreen</name>
    <message>
        <location filename="../TasksScreen.qml" line="12"/>
        <source>Uppgifter</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="32"/>
        <source>Ny uppgift</source>
        <translation>New task</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="37"/>
        <source>Senast</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="41"/>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="49"/>
        <source>Visa klara</source>
        <translation>Show done</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="53"/>
        <source>Inga uppgifter.</source>
        <translation>No tasks.</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="86"/>
        <source>klar</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="87"/>
        <source>senast %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="95"/>
        <source>Öppna igen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="95"/>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="109"/>
        <source>Uppgiften ”%1” är markerad som klar.</source>
        <translation>The task “%1” is marked done.</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="114"/>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="137"/>
        <source>Markera uppgiften som klar?</source>
        <translation>Mark the task as done?</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="138"/>
        <source>Markera som klar</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="141"/>
        <source>”%1” för %2.</source>
        <translation>“%1” for %2.</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="142"/>
        <source>”%1”.</source>
        <translation>“%1”.</translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="143"/>
        <source>En klar uppgift kan öppnas igen under ”Visa klara”.</source>
        <translation>A done task can be reopened under “Show done”.</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location filename="../TodayScreen.qml" line="11"/>
        <source>Idag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="34"/>
        <source>Planerade besök</source>
        <translation>Planned visits</translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="38"/>
        <source>Personer och ärenden</source>
        <translation>People and cases</translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="48"/>
        <source>Gamla utkast att signera: %1</source>
        <translation>Old drafts to sign: %1</translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="72"/>
        <source>Inga planerade besök. Planera ett besök från en persons ärende.</source>
        <translation>No planned visits. Plan a visit from a person&apos;s case.</translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="88"/>
        <source>Utan tid</source>
        <translation>No time set</translation>
    </message>
</context>
<context>
    <name>varn::ui::AccessLogModel</name>
    <message>
        <location filename="../../client/ui/access_log_model.cpp" line="52"/>
        <source>Du</source>
        <translation>You</translation>
    </message>
</context>
<context>
    <name>varn::ui::AdminController</name>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="178"/>
        <source>Surfplattan med fingeravtrycket %1 är godkänd som %2. Den visar enhetens säkerhetskod när den har synkat.</source>
        <translation>The tablet with fingerprint %1 is approved as %2. It shows the unit&apos;s safety code once it has synced.</translation>
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="204"/>
        <source>Surfplatta %1 är spärrad och enhetens nyckel är bytt. Den raderar allt vid nästa kontakt.</source>
        <translation>Tablet %1 is revoked and the unit&apos;s key has been changed. It deletes everything at its next contact.</translation>
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="266"/>
        <source>%1 har avslutats: alla hens surfplattor är spärrade och enhetens nyckel är bytt.</source>
        <translation>%1 is offboarded: all their tablets are revoked and the unit key is replaced.</translation>
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="273"/>
        <source>Enhetens nyckel är bytt. Nya anteckningar krypteras med den nya nyckeln.</source>
        <translation>The unit&apos;s key has been changed. New notes are encrypted with the new key.</translation>
    </message>
</context>
<context>
    <name>varn::ui::CaseDetails</name>
    <message>
        <location filename="../../client/ui/case_details.cpp" line="81"/>
        <source>Ärendet är skyddat. Bara den personal som enhetens chef har namngett kan läsa det.</source>
        <translation>The case is restricted. Only the staff the unit manager named can read it.</translation>
    </message>
</context>
<context>
    <name>varn::ui::InstrumentFormModel</name>
    <message>
        <location filename="../../client/ui/instrument_form_model.cpp" line="28"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../client/ui/instrument_form_model.cpp" line="29"/>
        <source>Nej</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>varn::ui::LogReviewController</name>
    <message>
        <location filename="../../client/ui/log_review_controller.cpp" line="30"/>
        <source>Du</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../client/ui/log_review_controller.cpp" line="111"/>
        <source>Bara en granskare eller administratör signerar granskningen.</source>
        <translation>Only a reviewer or an admin signs off the review.</translation>
    </message>
</context>
<context>
    <name>varn::ui::NoteListModel</name>
    <message>
        <location filename="../../client/ui/note_list_model.cpp" line="57"/>
        <source>Skrivna av mig</source>
        <translation>Written by me</translation>
    </message>
</context>
<context>
    <name>varn::ui::RecordsController</name>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="63"/>
        <source>Har någon i din närhet slagit, knuffat eller hållit fast dig?</source>
        <translation>Has someone close to you hit, pushed or held you down?</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="64"/>
        <source>Har du blivit hotad, eller har någon hotat dina barn?</source>
        <translation>Have you been threatened, or has someone threatened your children?</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="65"/>
        <source>Kontrollerar någon din telefon, dina pengar eller vem du träffar?</source>
        <translation>Does someone control your phone, your money or whom you meet?</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="66"/>
        <source>Är du rädd för att gå hem i dag?</source>
        <translation>Are you afraid to go home today?</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="249"/>
        <source>Frågor om våld ställs bara när partnern inte är närvarande.</source>
        <translation>Questions about violence are only asked when the partner is not present.</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="264"/>
        <source>Frågor om våld (partnern inte närvarande):
%1</source>
        <translation>Questions about violence (partner not present):
%1</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="395"/>
        <source>Inget formulär är laddat.</source>
        <translation>No form is loaded.</translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="399"/>
        <source>Din egen professionella bedömning krävs.</source>
        <translation>Your own professional judgement is required.</translation>
    </message>
</context>
<context>
    <name>varn::ui::SessionController</name>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="77"/>
        <source>Lösenfraserna är inte lika.</source>
        <translation>The passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="81"/>
        <source>Välj en lösenfras med minst 8 tecken.</source>
        <translation>Choose a passphrase of at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="169"/>
        <source>Allt på surfplattan är raderat.</source>
        <translation>Everything on the tablet has been deleted.</translation>
    </message>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="169"/>
        <source>Det gick inte att radera allt. Försök igen.</source>
        <translation>Not everything could be deleted. Try again.</translation>
    </message>
</context>
<context>
    <name>varn::ui::SyncController</name>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="81"/>
        <source>Synkar…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="83"/>
        <source>Synkad</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="83"/>
        <source>Inte skickat än</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="86"/>
        <source>Väntar på godkännande</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="87"/>
        <source>Inte ansluten</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="88"/>
        <source>Ingen kontakt med servern</source>
        <translation>No contact with the server</translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="161"/>
        <source>Surfplattan har spärrats av administratören och allt på den har raderats.</source>
        <translation>The tablet was revoked by the admin and everything on it has been deleted.</translation>
    </message>
</context>
</TS>
