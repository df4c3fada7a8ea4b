<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>usher::app::MainWindow</name>
    <message>
        <source>Usher Box Office</source>
        <translation>Usher Kasse</translation>
    </message>
    <message>
        <source>Pick a performance</source>
        <translation>Vorstellung wählen</translation>
    </message>
    <message>
        <source>Offline: the map may be stale. Reconnecting...</source>
        <translation>Offline: Der Saalplan ist eventuell nicht aktuell. Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>&amp;Sale</source>
        <translation>&amp;Verkauf</translation>
    </message>
    <message>
        <source>&amp;Find performance</source>
        <translation>Vorstellung &amp;suchen</translation>
    </message>
    <message>
        <source>Seat &amp;map</source>
        <translation>Saal&amp;plan</translation>
    </message>
    <message>
        <source>&amp;Reload performances</source>
        <translation>Vorstellungen neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Angemeldet: %1 (%2)</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>No shift open</source>
        <translation>Keine Schicht offen</translation>
    </message>
    <message>
        <source>The performances could not be loaded: %1</source>
        <translation>Die Vorstellungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 (loading...)</source>
        <translation>%1 (wird geladen …)</translation>
    </message>
    <message>
        <source>%1: the seat map could not be loaded: %2</source>
        <translation>%1: Der Saalplan konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>%1: the seat map could not be read</source>
        <translation>%1: Der Saalplan konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
</context>
<context>
    <name>usher::app::ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Move between seats on the map</source>
        <translation>Im Saalplan von Platz zu Platz gehen</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Select or deselect the seat under the cursor</source>
        <translation>Platz unter dem Cursor aus- oder abwählen</translation>
    </message>
    <message>
        <source>Shift+Click</source>
        <translation>Umschalt+Klick</translation>
    </message>
    <message>
        <source>Select the seats of a row from the last clicked seat</source>
        <translation>Plätze einer Reihe ab dem zuletzt angeklickten Platz wählen</translation>
    </message>
    <message>
        <source>Zoom the map in or out</source>
        <translation>Saalplan vergrößern oder verkleinern</translation>
    </message>
    <message>
        <source>Show the whole house</source>
        <translation>Ganzen Saal zeigen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>usher::app::SignInDialog</name>
    <message>
        <source>Sign in to Usher</source>
        <translation>Bei Usher anmelden</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>sie@beispiel.de</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>The server address is not valid.</source>
        <translation>Die Serveradresse ist ungültig.</translation>
    </message>
    <message>
        <source>The user or the password is wrong.</source>
        <translation>Benutzer oder Passwort ist falsch.</translation>
    </message>
</context>
<context>
    <name>usher::core::ApiClient</name>
    <message>
        <source>The server answered %1.</source>
        <translation>Der Server antwortete mit %1.</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation>Der Server ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>The server sent an answer this app cannot read.</source>
        <translation>Der Server hat eine Antwort gesendet, die diese App nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>usher::sales::EventPicker</name>
    <message>
        <source>Search performances (Ctrl+F)</source>
        <translation>Vorstellungen suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search performances</source>
        <translation>Vorstellungen suchen</translation>
    </message>
    <message>
        <source>Performances</source>
        <translation>Vorstellungen</translation>
    </message>
    <message>
        <source>sold out</source>
        <translation>ausverkauft</translation>
    </message>
    <message>
        <source>%1 of %2 free</source>
        <translation>%1 von %2 frei</translation>
    </message>
    <message>
        <source>%1
%2
%3, %4 · %5</source>
        <translation>%1
%2
%3, %4 · %5</translation>
    </message>
</context>
<context>
    <name>usher::seatmap</name>
    <message>
        <source>%1
%2 free</source>
        <translation>%1
%2 frei</translation>
    </message>
    <message>
        <source>available</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>held by you</source>
        <translation>von Ihnen reserviert</translation>
    </message>
    <message>
        <source>held by someone else</source>
        <translation>von jemand anderem reserviert</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>allotted</source>
        <translation>kontingentiert</translation>
    </message>
</context>
<context>
    <name>usher::seatmap::SeatMapLegend</name>
    <message>
        <source>Seat map legend</source>
        <translation>Legende des Saalplans</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>usher::seatmap::SeatMapModel</name>
    <message>
        <source>Tables</source>
        <translation>Tische</translation>
    </message>
    <message>
        <source>Table %1 seat %2, %3</source>
        <translation>Tisch %1 Platz %2, %3</translation>
    </message>
    <message>
        <source>Row %1 seat %2, %3</source>
        <translation>Reihe %1 Platz %2, %3</translation>
    </message>
    <message>
        <source>, selected</source>
        <translation>, ausgewählt</translation>
    </message>
    <message>
        <source>Row %1, seat %2</source>
        <translation>Reihe %1, Platz %2</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>reserviert von %1</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>Rollstuhlplatz</translation>
    </message>
    <message>
        <source>Companion seat</source>
        <translation>Begleitplatz</translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation>Eingeschränkte Sicht</translation>
    </message>
</context>
<context>
    <name>usher::seatmap::SeatMapScene</name>
    <message>
        <source>Stage</source>
        <translation>Bühne</translation>
    </message>
    <message>
        <source>%1
%2 standing</source>
        <translation>%1
%2 Stehplätze</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Tisch %1</translation>
    </message>
</context>
<context>
    <name>usher::seatmap::SeatMapView</name>
    <message>
        <source>Seat map. Arrow keys move between seats, Space selects.</source>
        <translation>Saalplan. Pfeiltasten wechseln den Platz, Leertaste wählt aus.</translation>
    </message>
    <message>
        <source>Seat map</source>
        <translation>Saalplan</translation>
    </message>
</context>
</TS>
