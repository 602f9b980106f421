<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>AccessLogScreen</name>
    <message>
        <location filename="../AccessLogScreen.qml" line="13"/>
        <source>Åtkomstlogg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="25"/>
        <source>Inga läsningar registrerade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="58"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AccessLogScreen.qml" line="63"/>
        <source>Ärende %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../AppShell.qml" line="15"/>
        <source>Idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="16"/>
        <source>Mina ärenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="17"/>
        <source>Uppgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="18"/>
        <source>Granskning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="19"/>
        <source>Åtkomstlogg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="20"/>
        <source>Månadsgranskning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="21"/>
        <source>Surfplattor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="22"/>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="23"/>
        <source>Anslutning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="24"/>
        <source>Radera allt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="64"/>
        <source>Tillbaka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="64"/>
        <source>Meny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="70"/>
        <source>Värn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../AppShell.qml" line="78"/>
        <source>Lås</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../ConfirmDialog.qml" line="30"/>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateStoreScreen</name>
    <message>
        <location filename="../CreateStoreScreen.qml" line="25"/>
        <source>Välkommen till Värn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="31"/>
        <source>Det finns inget lager på den här surfplattan. Välj en lösenfras: den låser alla anteckningar på surfplattan och kan inte återställas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="40"/>
        <source>Lösenfras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="48"/>
        <source>Samma lösenfras igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CreateStoreScreen.qml" line="64"/>
        <source>Skapa lager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../DateField.qml" line="21"/>
        <source>välj datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="23"/>
        <source>kl. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="57"/>
        <source>Föregående månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="71"/>
        <source>Nästa månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="101"/>
        <source>Klockan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="131"/>
        <source>Rensa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="137"/>
        <source>I dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DateField.qml" line="144"/>
        <source>Klar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../DevicesScreen.qml" line="48"/>
        <source>Uppdatera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="52"/>
        <source>Hämtar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="12"/>
        <source>Surfplattor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="23"/>
        <source>Arbetar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="43"/>
        <source>Enhetens surfplattor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="52"/>
        <source>Inga surfplattor hämtade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="83"/>
        <source>Den här surfplattan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="91"/>
        <source>aldrig sedd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="92"/>
        <source>senast sedd %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="93"/>
        <source>radering bekräftad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="94"/>
        <source>raderad av sin användare, spärra den</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="108"/>
        <location filename="../DevicesScreen.qml" line="254"/>
        <source>Spärra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="122"/>
        <source>Byt enhetens nyckel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="145"/>
        <source>Godkänn en ny surfplatta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="151"/>
        <source>Den nya surfplattan ansluter med adressen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="154"/>
        <source>Väntar på godkännande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="154"/>
        <source>Ingen surfplatta väntar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="166"/>
        <source>Kod %1 · begärd %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="172"/>
        <source>Välj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="180"/>
        <source>Skriv koden från den nya surfplattan. Läs sedan fingeravtrycket högt tillsammans och skriv det här: godkänn bara om varje siffra stämmer. Skriv till sist parkopplingskoden som den nya surfplattan visar; den skickas aldrig till servern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="201"/>
        <source>Vems surfplatta: namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="207"/>
        <source>Titel (t.ex. socialsekreterare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="236"/>
        <source>Säkerhetskod: %1. Den nya surfplattan ska visa samma kod när den har synkat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="253"/>
        <source>Spärra surfplattan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="256"/>
        <source>Surfplatta %1 (%2), fingeravtryck %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="258"/>
        <source>Den kan inte längre synka och raderar allt vid nästa kontakt. Enhetens nyckel byts. Det går inte att ångra: en spärrad surfplatta måste anslutas på nytt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="182"/>
        <source>Kod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="187"/>
        <source>Fingeravtryck (30 siffror)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="194"/>
        <source>Parkopplingskod (18 tecken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DevicesScreen.qml" line="227"/>
        <source>Godkänn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolmentScreen</name>
    <message>
        <location filename="../EnrolmentScreen.qml" line="11"/>
        <source>Anslutning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="27"/>
        <source>Väntar på godkännande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="26"/>
        <source>Surfplattan är ansluten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="28"/>
        <source>Anslut surfplattan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="39"/>
        <source>Adressen som administratören ger dig, till exempel https://server:8443/16d01a95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="53"/>
        <source>Enhetskod (bara för enhetens första administratör)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="60"/>
        <source>Ansluter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="60"/>
        <source>Anslut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="66"/>
        <source>Fortsätt utan server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="85"/>
        <source>Kod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="87"/>
        <source>Fingeravtryck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="96"/>
        <source>Parkopplingskod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="106"/>
        <source>Läs fingeravtrycket högt för administratören, som jämför det innan surfplattan godkänns. Visa parkopplingskoden bara för administratören, här på skärmen eller som QR-kod; skicka den aldrig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="126"/>
        <source>Enhetens säkerhetskod: %1. Administratörens skärm visar samma kod; stämmer den inte, kontakta administratören innan du skriver något.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="134"/>
        <source>Enhetens återställningskod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="146"/>
        <source>Skriv ner koden på papper nu och förvara den i ett kassaskåp: den visas bara den här gången. Med den kan en ny administratörsenhet anslutas om alla administratörsenheter försvinner, och den som har koden kan ansluta en administratörsenhet till enheten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="150"/>
        <source>Jag har skrivit ner koden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="109"/>
        <source>Har administratören godkänt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrolmentScreen.qml" line="119"/>
        <source>Server: %1. Roll: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorNote</name>
    <message>
        <location filename="../ErrorNote.qml" line="29"/>
        <source>Dölj detaljer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ErrorNote.qml" line="29"/>
        <source>Visa detaljer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="12"/>
        <source>Fel lösenfras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="13"/>
        <source>Hittades inte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="14"/>
        <source>Det går inte: uppgiften har redan ändrats eller signerats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="15"/>
        <source>Uppgiften är inte giltig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="16"/>
        <source>Inte tillåtet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="17"/>
        <source>Inte tillgängligt just nu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="18"/>
        <source>Servern svarar inte. Ändringarna ligger kvar och skickas senare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="20"/>
        <source>Servern tar inte emot fler ändringar just nu. De ligger kvar här och skickas senare; kontakta administratören.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="22"/>
        <source>Surfplattan är spärrad av administratören.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="23"/>
        <source>Servern visar äldre uppgifter än surfplattan har sett. Kontakta administratören.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="24"/>
        <source>Lagret är skadat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="25"/>
        <source>Lösenfrasen är för svag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="26"/>
        <source>Kunde inte läsa eller skriva filen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/error_text.cpp" line="27"/>
        <source>Något gick fel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstrumentFormScreen</name>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="14"/>
        <source>Bedömning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="45"/>
        <source>Inget bedömningsformulär är installerat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="73"/>
        <source>Poäng enligt formuläret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="80"/>
        <source>%1 poäng · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="86"/>
        <source>%1 av %2 frågor besvarade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="92"/>
        <source>Poängen är ett stöd, inte ett beslut. Din egen bedömning krävs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="98"/>
        <source>Din professionella bedömning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="109"/>
        <source>Krävs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstrumentFormScreen.qml" line="121"/>
        <source>Spara bedömning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../client/ui/labels.cpp" line="19"/>
        <source>Hembesök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="20"/>
        <source>Separat samtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="21"/>
        <source>Besök på kontoret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="22"/>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="23"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="24"/>
        <source>Tillsammans med polis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="26"/>
        <source>Ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="27"/>
        <source>Nej</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="28"/>
        <source>Vet inte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="30"/>
        <source>Inkommet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="31"/>
        <source>Bedömning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="32"/>
        <source>Utredning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="33"/>
        <source>Beslut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="34"/>
        <source>Insats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="35"/>
        <source>Uppföljning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="36"/>
        <source>Avslutat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="38"/>
        <source>Ingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="39"/>
        <source>Sekretessmarkering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="40"/>
        <source>Skyddad folkbokföring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="42"/>
        <source>Rättelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="43"/>
        <source>Komplettering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="44"/>
        <source>Klientens invändning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="46"/>
        <source>Hot mot personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="47"/>
        <source>Hedersrelaterat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="48"/>
        <source>Digital kontroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="50"/>
        <source>Handläggare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="51"/>
        <source>Granskare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="52"/>
        <source>Administratör</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="54"/>
        <source>Aktiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="55"/>
        <source>Spärrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="56"/>
        <source>Väntar på godkännande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="58"/>
        <source>Öppnade ärendet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="59"/>
        <source>Läste anteckningar i en lista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="60"/>
        <source>Läste en anteckning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="61"/>
        <source>Läste ärendets bedömningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="62"/>
        <source>Läste en bedömning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="63"/>
        <source>Läste säkerhetsplanen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="64"/>
        <source>Läste placeringar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="65"/>
        <source>Läste om barnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="67"/>
        <source>Skyddat boende</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="68"/>
        <source>Akutlägenhet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="69"/>
        <source>Jourhem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="70"/>
        <source>Annat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="72"/>
        <source>Låg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="73"/>
        <source>Medel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="74"/>
        <source>Hög</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="76"/>
        <source>Nattetid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="77"/>
        <source>Surfplatta utan namngiven person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="78"/>
        <source>Utanför egna ärenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/labels.cpp" line="79"/>
        <source>Skyddat ärende, inte namngiven</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaseCover</name>
    <message>
        <location filename="../LeaseCover.qml" line="22"/>
        <source>Ärendena visas inte</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../LeaseCover.qml" line="30"/>
        <source>Surfplattan har inte varit i kontakt med servern på minst %n dagar. Anslut till nätet och synka, så visas ärendena igen.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../LeaseCover.qml" line="37"/>
        <source>Synka nu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../LockScreen.qml" line="30"/>
        <source>Värn är låst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="38"/>
        <source>Lösenfras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="48"/>
        <source>Allt du läser i ärenden loggas med ditt namn, och enhetens chef granskar loggen varje månad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="65"/>
        <source>Lås upp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LockScreen.qml" line="85"/>
        <source>Radera allt på surfplattan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogReviewScreen</name>
    <message>
        <location filename="../LogReviewScreen.qml" line="13"/>
        <source>Månadsgranskning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="27"/>
        <source>%1  %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="35"/>
        <source>Ärende %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="75"/>
        <source>Läsningar i månaden: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="80"/>
        <source>Avvikelser: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="95"/>
        <source>Stickprov: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="118"/>
        <source>Signerad av %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="131"/>
        <source>Kommentar till granskningen (krävs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../LogReviewScreen.qml" line="135"/>
        <source>Signera granskningen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="16"/>
        <source>Anteckningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Main.qml" line="16"/>
        <source>Värn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <location filename="../NeutralScreen.qml" line="18"/>
        <source>Anteckningar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEditorScreen</name>
    <message>
        <location filename="../NoteEditorScreen.qml" line="16"/>
        <source>Ny anteckning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="16"/>
        <source>Signerad anteckning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="16"/>
        <source>Utkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="100"/>
        <source>Om %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="108"/>
        <source>Skriven av %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="109"/>
        <source>signerad och granskad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="109"/>
        <source>signerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="109"/>
        <source>utkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="117"/>
        <source>Hände %1 · skriven %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="117"/>
        <source>okänt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="126"/>
        <source>Utkastet är äldre än enhetens gräns. Signera det eller ta bort det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="136"/>
        <source>Hände</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="143"/>
        <source>Utan val: besökets planerade tid, annars nu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="156"/>
        <source>Skriv anteckningen här</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="170"/>
        <source>Osparad text från förra gången är återställd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="175"/>
        <source>Kasta osparad text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="185"/>
        <source>Spara utkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="190"/>
        <location filename="../NoteEditorScreen.qml" line="279"/>
        <source>Signera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="197"/>
        <source>Ta bort utkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="204"/>
        <source>Granska och godkänn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="214"/>
        <source>Tillägg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="226"/>
        <source>av %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="259"/>
        <source>Text till tillägget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="265"/>
        <source>Lägg till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="278"/>
        <source>Signera anteckningen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="281"/>
        <source>Anteckningen om %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteEditorScreen.qml" line="282"/>
        <source>En signerad anteckning kan inte ändras eller tas bort; rättelser görs som tillägg.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteRow</name>
    <message>
        <location filename="../NoteRow.qml" line="47"/>
        <source>Hände %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="51"/>
        <source>skriven %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="54"/>
        <source>av %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="56"/>
        <source>Signerad, granskad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="56"/>
        <source>Signerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="57"/>
        <source>Utkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="64"/>
        <source>Gammalt utkast, signera eller ta bort</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../NoteRow.qml" line="70"/>
        <source>%n tillägg</source>
        <translation>
            <numerusform>%n tillägg</numerusform>
            <numerusform>%n tillägg</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../NoteRow.qml" line="85"/>
        <source>Ärendets historik</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../../client/ui/note_rows.cpp" line="10"/>
        <source>dig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/note_rows.cpp" line="14"/>
        <source>surfplatta %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesReviewScreen</name>
    <message>
        <location filename="../NotesReviewScreen.qml" line="14"/>
        <source>Granskning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="31"/>
        <source>Alla personer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="45"/>
        <source>Ej granskade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="46"/>
        <source>Osignerade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="50"/>
        <source>Gamla utkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="56"/>
        <source>Skriven av</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="59"/>
        <source>Alla som skrivit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="65"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="70"/>
        <source>Från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="71"/>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NotesReviewScreen.qml" line="75"/>
        <source>Inga anteckningar matchar.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanicDialog</name>
    <message>
        <location filename="../PanicDialog.qml" line="10"/>
        <source>Radera allt på surfplattan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PanicDialog.qml" line="11"/>
        <source>Radera allt nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../PanicDialog.qml" line="14"/>
        <source>%n ändringar har inte synkats och går förlorade om de inte hinner skickas nu.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../PanicDialog.qml" line="15"/>
        <source>Allt på surfplattan är synkat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PanicDialog.qml" line="16"/>
        <source>Det går inte att se om något inte har synkats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PanicDialog.qml" line="17"/>
        <source>Alla anteckningar och nycklar på surfplattan raderas och kan inte återställas. Administratören ser att surfplattan har raderats av sin användare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonCaseScreen</name>
    <message>
        <location filename="../PersonCaseScreen.qml" line="13"/>
        <source>Ärende</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="48"/>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="50"/>
        <source>Skydd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="75"/>
        <source>Adress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="78"/>
        <source>Visas inte (skyddad person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="81"/>
        <source>Fas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="97"/>
        <source>Ansvarig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="101"/>
        <source>Ingen ansvarig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="107"/>
        <location filename="../PersonCaseScreen.qml" line="125"/>
        <source>Ändra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="111"/>
        <source>Åtkomst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="115"/>
        <source>Skyddat ärende: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="116"/>
        <source>Alla i enheten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="125"/>
        <source>Begränsa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="140"/>
        <source>Hot mot personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="154"/>
        <source>Nytt besök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="159"/>
        <source>Bedömning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="163"/>
        <source>Uppgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="168"/>
        <source>Åtkomstlogg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="173"/>
        <source>Besök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="194"/>
        <source>utan tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="205"/>
        <source>Partner närvarande: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="200"/>
        <source>registrerat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="218"/>
        <source>Bedömningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="236"/>
        <source>%1 (version %2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="244"/>
        <source>Poäng %1 (%2) · Bedömning: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="250"/>
        <source>Av %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="256"/>
        <source>Anteckningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="282"/>
        <source>Ansvariga för ärendet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="294"/>
        <source>Vem får läsa ärendet?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="295"/>
        <source>Bara de namngivnas surfplattor kan läsa ärendet och personen. Den som tas bort kan inte läsa det som skrivs efter det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="304"/>
        <source>Skyddad folkbokföring?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="305"/>
        <source>Ändra till skyddad folkbokföring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonCaseScreen.qml" line="307"/>
        <source>%1 får skyddad folkbokföring. En adress som finns registrerad tas bort från alla surfplattor, och ingen adress kan registreras för personen efter det.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonsScreen</name>
    <message>
        <location filename="../PersonsScreen.qml" line="11"/>
        <source>Personer och ärenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="11"/>
        <location filename="../PersonsScreen.qml" line="33"/>
        <source>Mina ärenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="38"/>
        <source>Alla i enheten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="47"/>
        <source>Sök namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="51"/>
        <location filename="../PersonsScreen.qml" line="109"/>
        <source>Ny person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="82"/>
        <source>Ingen adress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="88"/>
        <source>Ansvarig: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="89"/>
        <source>Ingen ansvarig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="116"/>
        <source>Lägg till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="122"/>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="131"/>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="132"/>
        <source>För- och efternamn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="133"/>
        <source>Personnummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="134"/>
        <source>ÅÅÅÅMMDD-NNNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="135"/>
        <location filename="../PersonsScreen.qml" line="138"/>
        <source>Skydd av personuppgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PersonsScreen.qml" line="151"/>
        <location filename="../PersonsScreen.qml" line="156"/>
        <source>Adress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickHideButton</name>
    <message>
        <location filename="../QuickHideButton.qml" line="11"/>
        <location filename="../QuickHideButton.qml" line="13"/>
        <source>Dölj allt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordVisitScreen</name>
    <message>
        <location filename="../RecordVisitScreen.qml" line="15"/>
        <source>Nytt besök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="62"/>
        <source>Typ av besök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="76"/>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="83"/>
        <source>Plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="89"/>
        <source>Till exempel kontoret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="96"/>
        <source>Personen har skyddad folkbokföring: platsen för ett hembesök registreras inte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="99"/>
        <source>Är partnern närvarande?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="125"/>
        <source>Ärendet är flaggat för hot mot personal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="126"/>
        <source>Senaste bedömningen: hög risk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="132"/>
        <source>Senaste bedömda risk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="137"/>
        <source>Planerat: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="137"/>
        <source>två personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="137"/>
        <source>en personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="138"/>
        <source>med larm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="138"/>
        <source>utan larm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="145"/>
        <source>Chefens beslut om ensambesök: vem och varför</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="149"/>
        <source>Två personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="150"/>
        <source>Larm med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="162"/>
        <source>Frågor om våld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="168"/>
        <source>Ställ frågorna bara när ni är ensamma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="188"/>
        <source>Svar (sparas som ett utkast till anteckning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../RecordVisitScreen.qml" line="45"/>
        <source>Spara besök</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../StaffScreen.qml" line="13"/>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="31"/>
        <source>Arbetar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffScreen.qml" line="58"/>
        <source>%n surfplattor</source>
        <translation>
            <numerusform>%n surfplatta</numerusform>
            <numerusform>%n surfplattor</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="65"/>
        <source>Handlägger ärenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="71"/>
        <source>Granskar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="79"/>
        <source>Avsluta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="96"/>
        <source>Avsluta %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="97"/>
        <source>Avsluta och spärra</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffScreen.qml" line="99"/>
        <source>Alla hens %n surfplattor spärras och raderar allt vid nästa kontakt. Enhetens nyckel byts. Det hen har skrivit står kvar med hens namn.</source>
        <translation>
            <numerusform>Hens %n surfplatta spärras och raderar allt vid nästa kontakt. Enhetens nyckel byts. Det hen har skrivit står kvar med hens namn.</numerusform>
            <numerusform>Alla hens %n surfplattor spärras och raderar allt vid nästa kontakt. Enhetens nyckel byts. Det hen har skrivit står kvar med hens namn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="35"/>
        <source>%n ändringar väntar</source>
        <translation>
            <numerusform>%n ändring väntar</numerusform>
            <numerusform>%n ändringar väntar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="44"/>
        <source>Synka inom %n dagar</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="45"/>
        <source>Senast %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="46"/>
        <source>Aldrig synkad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="60"/>
        <source>Kvittera larmet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBar.qml" line="66"/>
        <source>%n konflikter</source>
        <translation>
            <numerusform>%n konflikt</numerusform>
            <numerusform>%n konflikter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="71"/>
        <source>Synka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBar.qml" line="90"/>
        <source>Ändringar som inte kunde göras</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TasksScreen</name>
    <message>
        <location filename="../TasksScreen.qml" line="12"/>
        <source>Uppgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="32"/>
        <source>Ny uppgift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="37"/>
        <source>Senast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="41"/>
        <source>Lägg till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="49"/>
        <source>Visa klara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="53"/>
        <source>Inga uppgifter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="86"/>
        <source>klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="87"/>
        <source>senast %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="95"/>
        <source>Öppna igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="95"/>
        <source>Klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="109"/>
        <source>Uppgiften ”%1” är markerad som klar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="114"/>
        <source>Ångra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="137"/>
        <source>Markera uppgiften som klar?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="138"/>
        <source>Markera som klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="141"/>
        <source>”%1” för %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="142"/>
        <source>”%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TasksScreen.qml" line="143"/>
        <source>En klar uppgift kan öppnas igen under ”Visa klara”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location filename="../TodayScreen.qml" line="11"/>
        <source>Idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="34"/>
        <source>Planerade besök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="38"/>
        <source>Personer och ärenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="48"/>
        <source>Gamla utkast att signera: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="72"/>
        <source>Inga planerade besök. Planera ett besök från en persons ärende.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TodayScreen.qml" line="88"/>
        <source>Utan tid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>varn::ui::AccessLogModel</name>
    <message>
        <location filename="../../client/ui/access_log_model.cpp" line="52"/>
        <source>Du</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>varn::ui::AdminController</name>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="178"/>
        <source>Surfplattan med fingeravtrycket %1 är godkänd som %2. Den visar enhetens säkerhetskod när den har synkat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="204"/>
        <source>Surfplatta %1 är spärrad och enhetens nyckel är bytt. Den raderar allt vid nästa kontakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="266"/>
        <source>%1 har avslutats: alla hens surfplattor är spärrade och enhetens nyckel är bytt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/admin_controller.cpp" line="273"/>
        <source>Enhetens nyckel är bytt. Nya anteckningar krypteras med den nya nyckeln.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>varn::ui::CaseDetails</name>
    <message>
        <location filename="../../client/ui/case_details.cpp" line="81"/>
        <source>Ärendet är skyddat. Bara den personal som enhetens chef har namngett kan läsa det.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>varn::ui::InstrumentFormModel</name>
    <message>
        <location filename="../../client/ui/instrument_form_model.cpp" line="28"/>
        <source>Ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/instrument_form_model.cpp" line="29"/>
        <source>Nej</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>varn::ui::LogReviewController</name>
    <message>
        <location filename="../../client/ui/log_review_controller.cpp" line="30"/>
        <source>Du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/log_review_controller.cpp" line="111"/>
        <source>Bara en granskare eller administratör signerar granskningen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>varn::ui::NoteListModel</name>
    <message>
        <location filename="../../client/ui/note_list_model.cpp" line="57"/>
        <source>Skrivna av mig</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>varn::ui::RecordsController</name>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="63"/>
        <source>Har någon i din närhet slagit, knuffat eller hållit fast dig?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="64"/>
        <source>Har du blivit hotad, eller har någon hotat dina barn?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="65"/>
        <source>Kontrollerar någon din telefon, dina pengar eller vem du träffar?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="66"/>
        <source>Är du rädd för att gå hem i dag?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="249"/>
        <source>Frågor om våld ställs bara när partnern inte är närvarande.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="264"/>
        <source>Frågor om våld (partnern inte närvarande):
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="395"/>
        <source>Inget formulär är laddat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/records_controller.cpp" line="399"/>
        <source>Din egen professionella bedömning krävs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>varn::ui::SessionController</name>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="77"/>
        <source>Lösenfraserna är inte lika.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="81"/>
        <source>Välj en lösenfras med minst 8 tecken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="169"/>
        <source>Allt på surfplattan är raderat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/session_controller.cpp" line="169"/>
        <source>Det gick inte att radera allt. Försök igen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>varn::ui::SyncController</name>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="81"/>
        <source>Synkar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="83"/>
        <source>Synkad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="83"/>
        <source>Inte skickat än</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="86"/>
        <source>Väntar på godkännande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="87"/>
        <source>Inte ansluten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="88"/>
        <source>Ingen kontakt med servern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/ui/sync_controller.cpp" line="161"/>
        <source>Surfplattan har spärrats av administratören och allt på den har raderats.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
