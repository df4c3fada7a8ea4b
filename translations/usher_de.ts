<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DesignerText</name>
    <message>
        <source>Add rows</source>
        <translation>Reihen hinzufügen</translation>
    </message>
    <message>
        <source>Add table</source>
        <translation>Tisch hinzufügen</translation>
    </message>
    <message>
        <source>Add standing area</source>
        <translation>Stehbereich hinzufügen</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Linie hinzufügen</translation>
    </message>
    <message>
        <source>Add shape</source>
        <translation>Form hinzufügen</translation>
    </message>
    <message>
        <source>Add text</source>
        <translation>Text hinzufügen</translation>
    </message>
    <message>
        <source>Move focal point</source>
        <translation>Bezugspunkt verschieben</translation>
    </message>
    <message>
        <source>Paint category</source>
        <translation>Kategorie zuweisen</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>Bend rows</source>
        <translation>Reihen biegen</translation>
    </message>
    <message>
        <source>Stretch rows</source>
        <translation>Reihen verlängern</translation>
    </message>
    <message>
        <source>Seat and row spacing</source>
        <translation>Platz- und Reihenabstand</translation>
    </message>
</context>
<context>
    <name>SalePrintText</name>
    <message>
        <source>Order %1 · Valid for one entry; the code is checked at the door.</source>
        <translation>Bestellung %1 · Gilt für einen Einlass; der Code wird am Eingang geprüft.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Order %1 · %2</source>
        <translation>Bestellung %1 · %2</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Summe: %1</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>Rückgeld: %1</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <source>Served by %1 at %2</source>
        <translation>Bedient von %1 an %2</translation>
    </message>
</context>
<context>
    <name>ShiftReportText</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Kartenterminal</translation>
    </message>
    <message>
        <source>Online card</source>
        <translation>Online-Karte</translation>
    </message>
    <message>
        <source>Z report (shift closed)</source>
        <translation>Z-Bericht (Schicht geschlossen)</translation>
    </message>
    <message>
        <source>X report (shift still open)</source>
        <translation>X-Bericht (Schicht noch offen)</translation>
    </message>
    <message>
        <source>Device: %1&lt;br&gt;Clerk: %2&lt;br&gt;Opened: %3</source>
        <translation>Gerät: %1&lt;br&gt;Kassierer: %2&lt;br&gt;Geöffnet: %3</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Geschlossen: %1</translation>
    </message>
    <message>
        <source>Orders: %1, refunds: %2</source>
        <translation>Bestellungen: %1, Erstattungen: %2</translation>
    </message>
    <message>
        <source>Opening float: %1</source>
        <translation>Wechselgeld zu Beginn: %1</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>Zahlungsarten</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Ticket types</source>
        <translation>Ticketarten</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>No tickets sold yet.</source>
        <translation>Noch keine Tickets verkauft.</translation>
    </message>
    <message>
        <source>Shift open since %1 (%2)</source>
        <translation>Schicht offen seit %1 (%2)</translation>
    </message>
</context>
<context>
    <name>usher::admin::AdminWindow</name>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>on sale</source>
        <translation>im Verkauf</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>Usher events</source>
        <translation>Usher-Veranstaltungen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Spielstätte</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Blocks and allotments</source>
        <translation>Sperren und Kontingente</translation>
    </message>
    <message>
        <source>The event&apos;s seats: select some to block or allot them</source>
        <translation>Plätze der Veranstaltung: zum Sperren oder Zuteilen auswählen</translation>
    </message>
    <message>
        <source>Blocks and allotments:</source>
        <translation>Sperren und Kontingente:</translation>
    </message>
    <message>
        <source>Someone else changed %1 since you loaded it.</source>
        <translation>Jemand anderes hat %1 geändert, seit Sie es geladen haben.</translation>
    </message>
    <message>
        <source>Reload theirs (drop my change)</source>
        <translation>Deren Fassung laden (meine Änderung verwerfen)</translation>
    </message>
    <message>
        <source>Save mine over it</source>
        <translation>Meine darüber speichern</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Veranstaltungen</translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation>&amp;Plätze</translation>
    </message>
    <message>
        <source>New event...</source>
        <translation>Neue Veranstaltung...</translation>
    </message>
    <message>
        <source>Edit event...</source>
        <translation>Veranstaltung bearbeiten...</translation>
    </message>
    <message>
        <source>Put on sale</source>
        <translation>In den Verkauf geben</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Zurück zum Entwurf</translation>
    </message>
    <message>
        <source>Cancel event and refund every order...</source>
        <translation>Veranstaltung absagen und alle Bestellungen erstatten...</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Block selected seats...</source>
        <translation>Ausgewählte Plätze sperren...</translation>
    </message>
    <message>
        <source>Allot selected seats...</source>
        <translation>Ausgewählte Plätze zuteilen...</translation>
    </message>
    <message>
        <source>Release the chosen block or allotment</source>
        <translation>Gewählte Sperre oder Kontingent freigeben</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, revision %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, Revision %3</translation>
    </message>
    <message>
        <source>The server sent a seat map this app cannot read.</source>
        <translation>Der Server hat einen Saalplan geschickt, den diese App nicht lesen kann.</translation>
    </message>
    <message numerus="yes">
        <source>Block: %1, %n seat(s)</source>
        <translation>
            <numerusform>Sperre: %1, %n Platz</numerusform>
            <numerusform>Sperre: %1, %n Plätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Allotment: %1, %n seat(s)</source>
        <translation>
            <numerusform>Kontingent: %1, %n Platz</numerusform>
            <numerusform>Kontingent: %1, %n Plätze</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is saved as a draft.</source>
        <translation>%1 ist als Entwurf gespeichert.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %n order(s) refunded.</source>
        <translation>
            <numerusform>Abgesagt; %n Bestellung erstattet.</numerusform>
            <numerusform>Abgesagt; %n Bestellungen erstattet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>Select the seats to block on the map first.</source>
        <translation>Zuerst die zu sperrenden Plätze im Plan auswählen.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) blocked.</source>
        <translation>
            <numerusform>%n Platz gesperrt.</numerusform>
            <numerusform>%n Plätze gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the seats to allot on the map first.</source>
        <translation>Zuerst die zuzuteilenden Plätze im Plan auswählen.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) allotted.</source>
        <translation>
            <numerusform>%n Platz zugeteilt.</numerusform>
            <numerusform>%n Plätze zugeteilt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The block&apos;s seats are on sale again.</source>
        <translation>Die Plätze der Sperre sind wieder im Verkauf.</translation>
    </message>
    <message>
        <source>The allotment&apos;s seats are on sale again.</source>
        <translation>Die Plätze des Kontingents sind wieder im Verkauf.</translation>
    </message>
    <message>
        <source>Choose an event first.</source>
        <translation>Zuerst eine Veranstaltung wählen.</translation>
    </message>
    <message>
        <source>Cancel event</source>
        <translation>Veranstaltung absagen</translation>
    </message>
    <message>
        <source>Every order of %1 is refunded. Why is it cancelled? (Every refund records it.)</source>
        <translation>Jede Bestellung von %1 wird erstattet. Warum wird abgesagt? (Jede Erstattung vermerkt es.)</translation>
    </message>
    <message>
        <source>Choose a block or an allotment in the list first.</source>
        <translation>Zuerst eine Sperre oder ein Kontingent in der Liste wählen.</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Inzwischen geändert</translation>
    </message>
    <message>
        <source>Ve&amp;nues</source>
        <translation>S&amp;pielstätten</translation>
    </message>
    <message>
        <source>Edit venue...</source>
        <translation>Spielstätte bearbeiten...</translation>
    </message>
    <message>
        <source>on sale again %1</source>
        <translation>ab %1 wieder im Verkauf</translation>
    </message>
    <message numerus="yes">
        <source>%n standing place(s)</source>
        <translation>
            <numerusform>%n Stehplatz</numerusform>
            <numerusform>%n Stehplätze</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::admin::AllotDialog</name>
    <message>
        <source>A box-office &amp;device:</source>
        <translation>Einem Kassen&amp;gerät:</translation>
    </message>
    <message>
        <source>A sales &amp;channel:</source>
        <translation>Einem Vertriebs&amp;kanal:</translation>
    </message>
    <message>
        <source>Allot seats</source>
        <translation>Plätze zuteilen</translation>
    </message>
    <message>
        <source>the device&apos;s name, as set up at the counter</source>
        <translation>der Name des Geräts, wie an der Kasse eingerichtet</translation>
    </message>
    <message>
        <source>for example partner:agency</source>
        <translation>zum Beispiel partner:agentur</translation>
    </message>
    <message numerus="yes">
        <source>Give %n selected seat(s) and these standing places to:</source>
        <translation>
            <numerusform>%n ausgewählten Platz und diese Stehplätze geben an:</numerusform>
            <numerusform>%n ausgewählte Plätze und diese Stehplätze geben an:</numerusform>
        </translation>
    </message>
    <message>
        <source>Standing places in %1:</source>
        <translation>Stehplätze in %1:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Select seats on the map or give a number of standing places.</source>
        <translation>Plätze im Plan auswählen oder eine Anzahl Stehplätze angeben.</translation>
    </message>
    <message>
        <source>Say which device or channel may sell them.</source>
        <translation>Angeben, welches Gerät oder welcher Kanal sie verkaufen darf.</translation>
    </message>
</context>
<context>
    <name>usher::admin::BlockDialog</name>
    <message>
        <source>Back on sale by themselves at:</source>
        <translation>Von selbst wieder im Verkauf am:</translation>
    </message>
    <message>
        <source>Block seats</source>
        <translation>Plätze sperren</translation>
    </message>
    <message>
        <source>House seats</source>
        <translation>Hausplätze</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>Presse</translation>
    </message>
    <message>
        <source>Broken seat</source>
        <translation>Defekter Sitz</translation>
    </message>
    <message>
        <source>Colour on the map</source>
        <translation>Farbe im Plan</translation>
    </message>
    <message numerus="yes">
        <source>Block %n selected seat(s) so that nobody can buy them.</source>
        <translation>
            <numerusform>%n ausgewählten Platz sperren, damit niemand ihn kaufen kann.</numerusform>
            <numerusform>%n ausgewählte Plätze sperren, damit niemand sie kaufen kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Colour on the map:</source>
        <translation>&amp;Farbe im Plan:</translation>
    </message>
    <message>
        <source>Say why the seats are blocked: the box office sees the reason.</source>
        <translation>Angeben, warum die Plätze gesperrt sind: die Kasse sieht den Grund.</translation>
    </message>
    <message>
        <source>The release time has passed: choose a later one, or none.</source>
        <translation>Der Freigabezeitpunkt ist vorbei: einen späteren wählen oder keinen.</translation>
    </message>
</context>
<context>
    <name>usher::admin::EventForm</name>
    <message>
        <source>Adult, Child</source>
        <translation>Erwachsene, Kinder</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Prices per category and ticket type</source>
        <translation>Preise je Kategorie und Ticketart</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>Kate&amp;gorie:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Spielstätte:</translation>
    </message>
    <message>
        <source>&amp;Layout version:</source>
        <translation>Saalplan-&amp;Version:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>Be&amp;ginn:</translation>
    </message>
    <message>
        <source>D&amp;oors open:</source>
        <translation>&amp;Einlass:</translation>
    </message>
    <message>
        <source>Sale &amp;opens:</source>
        <translation>Verkaufs&amp;start:</translation>
    </message>
    <message>
        <source>Sale &amp;closes:</source>
        <translation>Verkaufs&amp;ende:</translation>
    </message>
    <message>
        <source>Seats are &amp;held for:</source>
        <translation>Plätze werden &amp;reserviert für:</translation>
    </message>
    <message>
        <source>Tickets per &amp;order:</source>
        <translation>Tickets pro &amp;Bestellung:</translation>
    </message>
    <message>
        <source>Tickets per c&amp;ustomer:</source>
        <translation>Tickets pro &amp;Kunde:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>Wä&amp;hrung:</translation>
    </message>
    <message>
        <source>Tic&amp;ket types:</source>
        <translation>Ticket&amp;arten:</translation>
    </message>
    <message>
        <source>Prices (every category needs the first ticket type&apos;s price):</source>
        <translation>Preise (jede Kategorie braucht den Preis der ersten Ticketart):</translation>
    </message>
    <message>
        <source>Name at least one ticket type.</source>
        <translation>Mindestens eine Ticketart nennen.</translation>
    </message>
    <message>
        <source>Ticket type &quot;%1&quot; is named twice.</source>
        <translation>Ticketart „%1“ ist doppelt genannt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price (row %2, %3).</source>
        <translation>„%1“ ist kein Preis (Zeile %2, %3).</translation>
    </message>
    <message>
        <source>Give %1 a %2 price.</source>
        <translation>%1 braucht einen Preis für %2.</translation>
    </message>
    <message>
        <source>Give the event a title.</source>
        <translation>Der Veranstaltung einen Titel geben.</translation>
    </message>
    <message>
        <source>Choose a venue with a published layout.</source>
        <translation>Eine Spielstätte mit veröffentlichtem Saalplan wählen.</translation>
    </message>
</context>
<context>
    <name>usher::admin::NewAccountDialog</name>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>Ein Passwort braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>New staff account</source>
        <translation>Neues Mitarbeiterkonto</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation>Erstes &amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Dem Konto einen Namen geben.</translation>
    </message>
</context>
<context>
    <name>usher::admin::StaffWindow</name>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Usher users and roles</source>
        <translation>Usher-Benutzer und Rollen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>New account...</source>
        <translation>Neues Konto...</translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation>Passwort zurücksetzen...</translation>
    </message>
    <message>
        <source>Disable or enable the account</source>
        <translation>Konto sperren oder freigeben</translation>
    </message>
    <message>
        <source>Make admin or clerk</source>
        <translation>Zum Admin oder Kassierer machen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>%1 can sign in now.</source>
        <translation>%1 kann sich jetzt anmelden.</translation>
    </message>
    <message>
        <source>Choose an account in the list first.</source>
        <translation>Zuerst ein Konto in der Liste wählen.</translation>
    </message>
    <message>
        <source>%1 has a new password.</source>
        <translation>%1 hat ein neues Passwort.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 kann sich nicht mehr anmelden.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 kann sich wieder anmelden.</translation>
    </message>
    <message>
        <source>%1 is an admin now.</source>
        <translation>%1 ist jetzt Admin.</translation>
    </message>
    <message>
        <source>%1 is a clerk now.</source>
        <translation>%1 ist jetzt Kassierer.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>New password for %1:</source>
        <translation>Neues Passwort für %1:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
</context>
<context>
    <name>usher::admin::VenueDialog</name>
    <message>
        <source>Edit venue</source>
        <translation>Spielstätte bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Spielstätte:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Stadt:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>There is no venue yet: publish a layout from the designer to create one.</source>
        <translation>Noch keine Spielstätte: einen Saalplan aus dem Designer veröffentlichen, um eine anzulegen.</translation>
    </message>
    <message>
        <source>Give the venue a name.</source>
        <translation>Der Spielstätte einen Namen geben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone (for example Europe/Vienna).</source>
        <translation>„%1“ ist keine Zeitzone (zum Beispiel Europe/Vienna).</translation>
    </message>
</context>
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
    <message>
        <source>&amp;Best available</source>
        <translation>&amp;Beste Plätze</translation>
    </message>
    <message>
        <source>Best %1 together</source>
        <translation>Beste %1 nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Next best seats</source>
        <translation>&amp;Nächstbeste Plätze</translation>
    </message>
    <message>
        <source>&amp;Ticket types</source>
        <translation>&amp;Ticketarten</translation>
    </message>
    <message>
        <source>Re&amp;move seat</source>
        <translation>Platz &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Clear basket</source>
        <translation>&amp;Warenkorb leeren</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>&amp;Bezahlen</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>Sc&amp;hicht</translation>
    </message>
    <message>
        <source>&amp;Open shift...</source>
        <translation>Schicht &amp;öffnen …</translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation>&amp;X-Bericht</translation>
    </message>
    <message>
        <source>&amp;Close shift (Z report)...</source>
        <translation>Schicht &amp;schließen (Z-Bericht) …</translation>
    </message>
    <message>
        <source>The seats were held too long and are back on sale.</source>
        <translation>Die Plätze waren zu lange reserviert und sind wieder im Verkauf.</translation>
    </message>
    <message>
        <source>Not paid: %1</source>
        <translation>Nicht bezahlt: %1</translation>
    </message>
    <message>
        <source>%1: the performance could not be loaded: %2</source>
        <translation>%1: Die Vorstellung konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>Best %1 together: no further choice.</source>
        <translation>Beste %1 nebeneinander: keine weitere Auswahl.</translation>
    </message>
    <message>
        <source>Best %1 together: not enough seats left.</source>
        <translation>Beste %1 nebeneinander: nicht mehr genug Plätze.</translation>
    </message>
    <message>
        <source>%1 has the shift on this device. Close it before selling.</source>
        <translation>%1 hat die Schicht an diesem Gerät. Schließen Sie sie vor dem Verkauf.</translation>
    </message>
    <message>
        <source>Open a shift (Ctrl+Shift+O) with the cash float before selling.</source>
        <translation>Öffnen Sie vor dem Verkauf eine Schicht (Strg+Umschalt+O) mit dem Wechselgeld.</translation>
    </message>
    <message>
        <source>Sold: order %1. Tickets: %2.</source>
        <translation>Verkauft: Bestellung %1. Tickets: %2.</translation>
    </message>
    <message>
        <source>Change due: %1</source>
        <translation>Rückgeld: %1</translation>
    </message>
    <message>
        <source>Shift unknown</source>
        <translation>Schicht unbekannt</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Schicht öffnen</translation>
    </message>
    <message>
        <source>Cash in the drawer (opening float):</source>
        <translation>Bargeld in der Kasse (Wechselgeld):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount.</source>
        <translation>„%1“ ist kein Betrag.</translation>
    </message>
    <message>
        <source>The shift was not opened: %1</source>
        <translation>Die Schicht wurde nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-Bericht</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-Bericht</translation>
    </message>
    <message>
        <source>No shift of yours is open on this device.</source>
        <translation>An diesem Gerät ist keine Schicht von Ihnen offen.</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Schicht schließen</translation>
    </message>
    <message>
        <source>Cash counted in the drawer:</source>
        <translation>Gezähltes Bargeld in der Kasse:</translation>
    </message>
    <message>
        <source>Card terminal total (leave empty if unknown):</source>
        <translation>Summe des Kartenterminals (leer lassen, wenn unbekannt):</translation>
    </message>
    <message>
        <source>Enter the amounts as numbers, e.g. 150.00.</source>
        <translation>Geben Sie die Beträge als Zahlen ein, z. B. 150,00.</translation>
    </message>
    <message>
        <source>The shift was not closed: %1</source>
        <translation>Die Schicht wurde nicht geschlossen: %1</translation>
    </message>
    <message>
        <source>Print pre&amp;view of the last sale</source>
        <translation>Druck&amp;vorschau des letzten Verkaufs</translation>
    </message>
    <message>
        <source>&amp;Save the last sale&apos;s tickets as PDF...</source>
        <translation>Tickets des letzten Verkaufs als PDF &amp;speichern …</translation>
    </message>
    <message>
        <source>%1 · Row %2 · Seat %3</source>
        <translation>%1 · Reihe %2 · Platz %3</translation>
    </message>
    <message>
        <source>given %1</source>
        <translation>gegeben %1</translation>
    </message>
    <message>
        <source>Tickets sent to %1.</source>
        <translation>Tickets an %1 gesendet.</translation>
    </message>
    <message>
        <source>The tickets could not be saved in %1.</source>
        <translation>Die Tickets konnten nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Tickets %1</source>
        <translation>Tickets %1</translation>
    </message>
    <message>
        <source>Tickets saved as %1 in the folder %2.</source>
        <translation>Tickets als %1 im Ordner %2 gespeichert.</translation>
    </message>
    <message>
        <source>Printer %1 not found.</source>
        <translation>Drucker %1 nicht gefunden.</translation>
    </message>
    <message>
        <source>No sale yet.</source>
        <translation>Noch kein Verkauf.</translation>
    </message>
    <message>
        <source>Save tickets as PDF</source>
        <translation>Tickets als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Ticket reprinted. %1</source>
        <translation>Ticket neu gedruckt. %1</translation>
    </message>
    <message>
        <source>&amp;Orders: find, refund, reprint...</source>
        <translation>&amp;Bestellungen: suchen, erstatten, neu drucken …</translation>
    </message>
    <message>
        <source>&amp;Standing places...</source>
        <translation>&amp;Stehplätze …</translation>
    </message>
    <message>
        <source>This performance has no standing places.</source>
        <translation>Diese Vorstellung hat keine Stehplätze.</translation>
    </message>
    <message>
        <source>Standing places</source>
        <translation>Stehplätze</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>Places in %1:</source>
        <translation>Plätze in %1:</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>&amp;Verwaltung</translation>
    </message>
    <message>
        <source>&amp;Layout designer</source>
        <translation>&amp;Saalplan-Editor</translation>
    </message>
    <message>
        <source>&amp;Events, prices, holds and allotments</source>
        <translation>&amp;Veranstaltungen, Preise, Sperren und Kontingente</translation>
    </message>
    <message>
        <source>&amp;Users and roles</source>
        <translation>&amp;Benutzer und Rollen</translation>
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
    <name>usher::designer::DesignerView</name>
    <message>
        <source>Layout plan</source>
        <translation>Saalplan</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Verschieben</translation>
    </message>
</context>
<context>
    <name>usher::designer::DesignerWindow</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Usher layout designer</source>
        <translation>Usher Saalplan-Editor</translation>
    </message>
    <message>
        <source>Add text</source>
        <translation>Text hinzufügen</translation>
    </message>
    <message>
        <source>Text on the plan:</source>
        <translation>Text im Plan:</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Problems (click to select the seats):</source>
        <translation>Probleme (Klick wählt die Plätze):</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Saalplan</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Select, move and turn</source>
        <translation>Auswählen, verschieben, drehen</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Reihen</translation>
    </message>
    <message>
        <source>Bend rows</source>
        <translation>Reihen biegen</translation>
    </message>
    <message>
        <source>Stretch rows</source>
        <translation>Reihen verlängern</translation>
    </message>
    <message>
        <source>Seat and row spacing</source>
        <translation>Platz- und Reihenabstand</translation>
    </message>
    <message>
        <source>Round table</source>
        <translation>Runder Tisch</translation>
    </message>
    <message>
        <source>Rectangular table</source>
        <translation>Rechteckiger Tisch</translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation>Stehbereich</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Line (aisle, wall)</source>
        <translation>Linie (Gang, Wand)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation>Bezugspunkt</translation>
    </message>
    <message>
        <source>Paint price category</source>
        <translation>Preiskategorie malen</translation>
    </message>
    <message>
        <source>Tool options</source>
        <translation>Werkzeugoptionen</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Price category to paint</source>
        <translation>Preiskategorie zum Malen</translation>
    </message>
    <message>
        <source>Seats per table:</source>
        <translation>Plätze pro Tisch:</translation>
    </message>
    <message>
        <source>Seats per table</source>
        <translation>Plätze pro Tisch</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>New layout</source>
        <translation>Neuer Saalplan</translation>
    </message>
    <message>
        <source>Open layout...</source>
        <translation>Saalplan öffnen...</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save as...</source>
        <translation>Speichern unter...</translation>
    </message>
    <message>
        <source>Export SVG...</source>
        <translation>Als SVG exportieren...</translation>
    </message>
    <message>
        <source>Background image...</source>
        <translation>Hintergrundbild...</translation>
    </message>
    <message>
        <source>Background lighter</source>
        <translation>Hintergrund heller</translation>
    </message>
    <message>
        <source>Background darker</source>
        <translation>Hintergrund dunkler</translation>
    </message>
    <message>
        <source>Close designer</source>
        <translation>Editor schließen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Ausschneiden</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <source>Snap to grid and objects</source>
        <translation>Am Raster und an Objekten ausrichten</translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation>&amp;Plätze</translation>
    </message>
    <message>
        <source>Apply category to selection</source>
        <translation>Kategorie auf Auswahl anwenden</translation>
    </message>
    <message>
        <source>Renumber seats...</source>
        <translation>Plätze neu nummerieren...</translation>
    </message>
    <message>
        <source>Row labels...</source>
        <translation>Reihenbezeichnungen...</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>Rollstuhlplatz</translation>
    </message>
    <message>
        <source>Pair companion seat with wheelchair space</source>
        <translation>Begleitplatz mit Rollstuhlplatz verbinden</translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation>Eingeschränkte Sicht</translation>
    </message>
    <message>
        <source>Aisle seat</source>
        <translation>Gangplatz</translation>
    </message>
    <message>
        <source>Clear accessibility and view flags</source>
        <translation>Barrierefreiheits- und Sichtmerkmale entfernen</translation>
    </message>
    <message>
        <source>Block seats...</source>
        <translation>Plätze sperren...</translation>
    </message>
    <message>
        <source>Unblock seats</source>
        <translation>Plätze freigeben</translation>
    </message>
    <message>
        <source>Standing area capacity...</source>
        <translation>Kapazität des Stehbereichs...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Fit the plan in the window</source>
        <translation>Plan ins Fenster einpassen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total capacity: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gesamtkapazität: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Seats: %1</source>
        <translation>Sitzplätze: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Wheelchair spaces: %1, companion seats: %2</source>
        <translation>Rollstuhlplätze: %1, Begleitplätze: %2</translation>
    </message>
    <message>
        <source>Standing capacity: %1</source>
        <translation>Stehplätze: %1</translation>
    </message>
    <message>
        <source>Blocked seats: %1</source>
        <translation>Gesperrte Plätze: %1</translation>
    </message>
    <message>
        <source>No problems: ready to publish.</source>
        <translation>Keine Probleme: bereit zur Veröffentlichung.</translation>
    </message>
    <message>
        <source>Select seats or objects first.</source>
        <translation>Zuerst Plätze oder Objekte auswählen.</translation>
    </message>
    <message>
        <source>Paint category</source>
        <translation>Kategorie zuweisen</translation>
    </message>
    <message>
        <source>Seat flags</source>
        <translation>Platzmerkmale</translation>
    </message>
    <message>
        <source>Block seats</source>
        <translation>Plätze sperren</translation>
    </message>
    <message>
        <source>Select a wheelchair space and the seat beside it.</source>
        <translation>Einen Rollstuhlplatz und den Platz daneben auswählen.</translation>
    </message>
    <message>
        <source>Pair companion seat</source>
        <translation>Begleitplatz verbinden</translation>
    </message>
    <message>
        <source>Renumber seats</source>
        <translation>Plätze neu nummerieren</translation>
    </message>
    <message>
        <source>Row labels</source>
        <translation>Reihenbezeichnungen</translation>
    </message>
    <message>
        <source>Every number</source>
        <translation>Alle Nummern</translation>
    </message>
    <message>
        <source>Odd numbers</source>
        <translation>Ungerade Nummern</translation>
    </message>
    <message>
        <source>Even numbers</source>
        <translation>Gerade Nummern</translation>
    </message>
    <message>
        <source>Left to right</source>
        <translation>Von links nach rechts</translation>
    </message>
    <message>
        <source>Right to left</source>
        <translation>Von rechts nach links</translation>
    </message>
    <message>
        <source>First number:</source>
        <translation>Erste Nummer:</translation>
    </message>
    <message>
        <source>Numbers:</source>
        <translation>Nummern:</translation>
    </message>
    <message>
        <source>Direction (seen from the stage plan):</source>
        <translation>Richtung (wie im Plan von der Bühne aus):</translation>
    </message>
    <message>
        <source>Back to front</source>
        <translation>Von hinten nach vorn</translation>
    </message>
    <message>
        <source>First row:</source>
        <translation>Erste Reihe:</translation>
    </message>
    <message>
        <source>Skip letters:</source>
        <translation>Buchstaben auslassen:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a row label (letters A to ZZZ).</source>
        <translation>„%1“ ist keine Reihenbezeichnung (Buchstaben A bis ZZZ).</translation>
    </message>
    <message>
        <source>Why are these seats never sold?</source>
        <translation>Warum werden diese Plätze nie verkauft?</translation>
    </message>
    <message>
        <source>Broken seat</source>
        <translation>Defekter Sitz</translation>
    </message>
    <message>
        <source>Select a standing area first.</source>
        <translation>Zuerst einen Stehbereich auswählen.</translation>
    </message>
    <message>
        <source>Standing area capacity</source>
        <translation>Kapazität des Stehbereichs</translation>
    </message>
    <message>
        <source>People allowed in the area:</source>
        <translation>Zulässige Personen im Bereich:</translation>
    </message>
    <message>
        <source>Background image</source>
        <translation>Hintergrundbild</translation>
    </message>
    <message>
        <source>Floor plans (*.svg *.png *.jpg *.jpeg)</source>
        <translation>Grundrisse (*.svg *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Could not read %1 as an image.</source>
        <translation>%1 konnte nicht als Bild gelesen werden.</translation>
    </message>
    <message>
        <source>Width of the plan in metres:</source>
        <translation>Breite des Plans in Metern:</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a layout file: %2</source>
        <translation>%1 ist keine Saalplan-Datei: %2</translation>
    </message>
    <message>
        <source>Open layout</source>
        <translation>Saalplan öffnen</translation>
    </message>
    <message>
        <source>Usher layouts (*.json)</source>
        <translation>Usher-Saalpläne (*.json)</translation>
    </message>
    <message>
        <source>Save layout</source>
        <translation>Saalplan speichern</translation>
    </message>
    <message>
        <source>Export SVG</source>
        <translation>Als SVG exportieren</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>Drag with the middle button</source>
        <translation>Mit der mittleren Taste ziehen</translation>
    </message>
    <message>
        <source>Pan the plan</source>
        <translation>Plan verschieben</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>Mausrad</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>Um den Mauszeiger zoomen</translation>
    </message>
    <message>
        <source>Zoom the plan in or out</source>
        <translation>Plan vergrößern oder verkleinern</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Nudge the selection by 10 cm</source>
        <translation>Auswahl um 10 cm verschieben</translation>
    </message>
    <message>
        <source>Shift+Arrow keys</source>
        <translation>Umschalt+Pfeiltasten</translation>
    </message>
    <message>
        <source>Nudge the selection by 1 m</source>
        <translation>Auswahl um 1 m verschieben</translation>
    </message>
    <message>
        <source>Shift+Click</source>
        <translation>Umschalt+Klick</translation>
    </message>
    <message>
        <source>Add the object under the pointer to the selection</source>
        <translation>Objekt unter dem Mauszeiger zur Auswahl hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+Click</source>
        <translation>Strg+Klick</translation>
    </message>
    <message>
        <source>Select or deselect one seat</source>
        <translation>Einen Platz aus- oder abwählen</translation>
    </message>
    <message>
        <source>Ctrl+Drag</source>
        <translation>Strg+Ziehen</translation>
    </message>
    <message>
        <source>Move without snapping</source>
        <translation>Ohne Ausrichten verschieben</translation>
    </message>
    <message>
        <source>Alt+Drag</source>
        <translation>Alt+Ziehen</translation>
    </message>
    <message>
        <source>Turn the selection (Shift: in 1 degree steps)</source>
        <translation>Auswahl drehen (Umschalt: in 1-Grad-Schritten)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Finish a standing area or a line</source>
        <translation>Stehbereich oder Linie abschließen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel the tool and clear the selection</source>
        <translation>Werkzeug abbrechen und Auswahl aufheben</translation>
    </message>
    <message>
        <source>The layout has changes that are not saved. Save them?</source>
        <translation>Der Saalplan hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Publish to server</source>
        <translation>Auf dem Server veröffentlichen</translation>
    </message>
    <message>
        <source>Someone else published a newer layout of %1 meanwhile.</source>
        <translation>Jemand anderes hat inzwischen einen neueren Saalplan von %1 veröffentlicht.</translation>
    </message>
    <message>
        <source>Reload theirs (drop my edits)</source>
        <translation>Deren Fassung laden (meine Änderungen verwerfen)</translation>
    </message>
    <message>
        <source>Publish mine over it</source>
        <translation>Meinen darüber veröffentlichen</translation>
    </message>
    <message>
        <source>Open from server...</source>
        <translation>Vom Server öffnen...</translation>
    </message>
    <message>
        <source>Publish to server...</source>
        <translation>Auf dem Server veröffentlichen...</translation>
    </message>
    <message>
        <source>Version %1 of %2 from the server.</source>
        <translation>Version %1 von %2 vom Server.</translation>
    </message>
    <message numerus="yes">
        <source>Fix the %n problem(s) in the panel first: a layout with problems is not published.</source>
        <translation>
            <numerusform>Zuerst das %n Problem in der Liste beheben: ein Saalplan mit Problemen wird nicht veröffentlicht.</numerusform>
            <numerusform>Zuerst die %n Probleme in der Liste beheben: ein Saalplan mit Problemen wird nicht veröffentlicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Published as version %1 of %2.</source>
        <translation>Als Version %1 von %2 veröffentlicht.</translation>
    </message>
    <message>
        <source>Reloaded the version on the server.</source>
        <translation>Die Version auf dem Server wurde neu geladen.</translation>
    </message>
    <message>
        <source>Not published: someone else published meanwhile.</source>
        <translation>Nicht veröffentlicht: jemand anderes hat inzwischen veröffentlicht.</translation>
    </message>
    <message>
        <source>Open from server</source>
        <translation>Vom Server öffnen</translation>
    </message>
    <message>
        <source>%1 (%2, version %3)</source>
        <translation>%1 (%2, Version %3)</translation>
    </message>
    <message>
        <source>No venue has a published layout yet.</source>
        <translation>Noch keine Spielstätte hat einen veröffentlichten Saalplan.</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>Spielstätte:</translation>
    </message>
    <message>
        <source>A new venue...</source>
        <translation>Eine neue Spielstätte...</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Publish as the next version of:</source>
        <translation>Als nächste Version veröffentlichen von:</translation>
    </message>
    <message>
        <source>New venue</source>
        <translation>Neue Spielstätte</translation>
    </message>
    <message>
        <source>Venue name:</source>
        <translation>Name der Spielstätte:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Stadt:</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Saalplan</translation>
    </message>
    <message>
        <source>Layout properties and price categories...</source>
        <translation>Saalplan-Eigenschaften und Preiskategorien...</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>Umbenennen...</translation>
    </message>
    <message>
        <source>Use shape as stage</source>
        <translation>Form als Bühne verwenden</translation>
    </message>
    <message>
        <source>Select a rectangle drawn with the shape tool (S) first.</source>
        <translation>Zuerst ein mit dem Formwerkzeug (S) gezeichnetes Rechteck auswählen.</translation>
    </message>
    <message>
        <source>Layout properties</source>
        <translation>Saalplan-Eigenschaften</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Select one section, table, area or shape to rename.</source>
        <translation>Einen Bereich, Tisch, Stehbereich oder eine Form zum Umbenennen auswählen.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Restore draft</source>
        <translation>Entwurf wiederherstellen</translation>
    </message>
    <message>
        <source>A draft of %1 from %2 has changes that were never saved. Restore them?</source>
        <translation>Ein Entwurf von %1 vom %2 enthält Änderungen, die nie gespeichert wurden. Wiederherstellen?</translation>
    </message>
    <message>
        <source>Line up the background image</source>
        <translation>Hintergrundbild ausrichten</translation>
    </message>
    <message>
        <source>Lock background</source>
        <translation>Hintergrund sperren</translation>
    </message>
    <message>
        <source>Choose a background image first (Ctrl+Shift+I).</source>
        <translation>Zuerst ein Hintergrundbild wählen (Strg+Umschalt+I).</translation>
    </message>
    <message>
        <source>The background is locked: unlock it with Ctrl+Shift+K to move it.</source>
        <translation>Der Hintergrund ist gesperrt: mit Strg+Umschalt+K entsperren, um ihn zu verschieben.</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Bend</source>
        <translation>Biegen</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Strecken</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>Abstände</translation>
    </message>
    <message>
        <source>Long table</source>
        <translation>Langer Tisch</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Stehbereich</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Malen</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
</context>
<context>
    <name>usher::designer::LayoutPropertiesDialog</name>
    <message numerus="yes">
        <source>The price category %1 is still used by %n seats or areas: paint them with another category first.</source>
        <translation>
            <numerusform>Die Preiskategorie %1 wird noch von %n Platz oder Bereich verwendet: zuerst mit einer anderen Kategorie bemalen.</numerusform>
            <numerusform>Die Preiskategorie %1 wird noch von %n Plätzen oder Bereichen verwendet: sie zuerst mit einer anderen Kategorie bemalen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Layout properties</source>
        <translation>Saalplan-Eigenschaften</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Letters, digits and dashes; the venue&apos;s layouts on the server keep their own id.</source>
        <translation>Buchstaben, Ziffern und Bindestriche; die Saalpläne der Spielstätte auf dem Server behalten ihre eigene Kennung.</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Kennung:</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>&amp;Seat size:</source>
        <translation>&amp;Sitzgröße:</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Price categories</source>
        <translation>Preiskategorien</translation>
    </message>
    <message>
        <source>&amp;Add category</source>
        <translation>Kategorie &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove category</source>
        <translation>Kategorie &amp;entfernen</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Kategorie %1</translation>
    </message>
</context>
<context>
    <name>usher::designer::LayoutServer</name>
    <message>
        <source>The server sent a layout this app cannot read.</source>
        <translation>Der Server hat einen Saalplan geschickt, den diese App nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>usher::sales::Basket</name>
    <message>
        <source>Taken by someone else meanwhile: %1</source>
        <translation>Inzwischen von jemand anderem genommen: %1</translation>
    </message>
</context>
<context>
    <name>usher::sales::BasketPanel</name>
    <message>
        <source>Basket</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Seats in the basket</source>
        <translation>Plätze im Warenkorb</translation>
    </message>
    <message>
        <source>Ticket type for %1</source>
        <translation>Ticketart für %1</translation>
    </message>
    <message>
        <source>Total: -</source>
        <translation>Summe: -</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Summe: %1</translation>
    </message>
    <message>
        <source>Paying...</source>
        <translation>Zahlung läuft …</translation>
    </message>
    <message>
        <source>Pick seats on the map, or press Ctrl+1 to Ctrl+9.</source>
        <translation>Plätze im Saalplan wählen oder Strg+1 bis Strg+9 drücken.</translation>
    </message>
    <message>
        <source>Seats held for %1:%2</source>
        <translation>Plätze reserviert für %1:%2</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
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
    <name>usher::sales::OrderDesk</name>
    <message>
        <source>paid</source>
        <translation>bezahlt</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>teilweise erstattet</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>erstattet</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>eingelassen</translation>
    </message>
    <message>
        <source>Customer request</source>
        <translation>Kundenwunsch</translation>
    </message>
    <message>
        <source>Performance changed or cancelled</source>
        <translation>Vorstellung geändert oder abgesagt</translation>
    </message>
    <message>
        <source>Wrong seats or ticket type sold</source>
        <translation>Falsche Plätze oder Ticketart verkauft</translation>
    </message>
    <message>
        <source>Sold twice by mistake</source>
        <translation>Versehentlich doppelt verkauft</translation>
    </message>
    <message>
        <source>Other (say why in the note)</source>
        <translation>Anderes (Grund in der Notiz)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>&amp;Erstatten</translation>
    </message>
    <message>
        <source>Re&amp;print ticket</source>
        <translation>Ticket neu &amp;drucken</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Order number, customer name or email, then Enter</source>
        <translation>Bestellnummer, Kundenname oder E-Mail, dann Eingabe</translation>
    </message>
    <message>
        <source>Find an order</source>
        <translation>Bestellung suchen</translation>
    </message>
    <message>
        <source>Tickets of the order</source>
        <translation>Tickets der Bestellung</translation>
    </message>
    <message>
        <source>Choose a reason...</source>
        <translation>Grund wählen …</translation>
    </message>
    <message>
        <source>Refund &amp;reason:</source>
        <translation>Erstattungs&amp;grund:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Refund the selected tickets, or all valid ones when none is selected</source>
        <translation>Die gewählten Tickets erstatten, oder alle gültigen, wenn keines gewählt ist</translation>
    </message>
    <message>
        <source>Choose the reason for the refund.</source>
        <translation>Wählen Sie den Grund für die Erstattung.</translation>
    </message>
    <message>
        <source>Select the one ticket to reprint.</source>
        <translation>Wählen Sie das eine Ticket, das neu gedruckt werden soll.</translation>
    </message>
    <message>
        <source>Type an order number, or part of the customer&apos;s name or email.</source>
        <translation>Geben Sie eine Bestellnummer oder einen Teil von Name oder E-Mail des Kunden ein.</translation>
    </message>
    <message>
        <source>No order found.</source>
        <translation>Keine Bestellung gefunden.</translation>
    </message>
    <message>
        <source>Orders found: %1</source>
        <translation>Gefundene Bestellungen: %1</translation>
    </message>
    <message>
        <source>Find an order, then press Enter on it.</source>
        <translation>Bestellung suchen, dann darauf Eingabe drücken.</translation>
    </message>
    <message>
        <source>Order %1 · %2 · %3</source>
        <translation>Bestellung %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Not refunded: %1</source>
        <translation>Nicht erstattet: %1</translation>
    </message>
    <message>
        <source> in cash</source>
        <translation> bar</translation>
    </message>
    <message>
        <source> to the card</source>
        <translation> auf die Karte</translation>
    </message>
    <message>
        <source>Refunded %1 (%2). The seats are on sale again.</source>
        <translation>%1 erstattet (%2). Die Plätze sind wieder im Verkauf.</translation>
    </message>
    <message>
        <source>Not reprinted: %1</source>
        <translation>Nicht neu gedruckt: %1</translation>
    </message>
    <message>
        <source>Reprinted with a new code; the old ticket no longer opens the door.</source>
        <translation>Mit neuem Code neu gedruckt; das alte Ticket gilt am Eingang nicht mehr.</translation>
    </message>
</context>
<context>
    <name>usher::sales::TenderDialog</name>
    <message>
        <source>The cash handed over does not cover what is left to pay.</source>
        <translation>Das übergebene Bargeld deckt den Restbetrag nicht.</translation>
    </message>
    <message>
        <source>Enter the card&apos;s amount for a split payment.</source>
        <translation>Geben Sie bei geteilter Zahlung den Kartenbetrag ein.</translation>
    </message>
    <message>
        <source>Use one cash amount and the card.</source>
        <translation>Verwenden Sie einen Barbetrag und die Karte.</translation>
    </message>
    <message>
        <source>The card amount must not be more than %1, and alone must pay all of it.</source>
        <translation>Der Kartenbetrag darf %1 nicht übersteigen und muss allein alles bezahlen.</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>Zu zahlen: %1</translation>
    </message>
    <message>
        <source>Amount handed over</source>
        <translation>Übergebener Betrag</translation>
    </message>
    <message>
        <source>Cash handed over</source>
        <translation>Übergebenes Bargeld</translation>
    </message>
    <message>
        <source>&amp;Cash:</source>
        <translation>&amp;Bar:</translation>
    </message>
    <message>
        <source>Whole amount</source>
        <translation>Gesamter Betrag</translation>
    </message>
    <message>
        <source>Card amount</source>
        <translation>Kartenbetrag</translation>
    </message>
    <message>
        <source>Card &amp;amount:</source>
        <translation>Karten&amp;betrag:</translation>
    </message>
    <message>
        <source>Reference on the terminal&apos;s slip</source>
        <translation>Referenz auf dem Terminalbeleg</translation>
    </message>
    <message>
        <source>Card terminal reference</source>
        <translation>Referenz des Kartenterminals</translation>
    </message>
    <message>
        <source>Card &amp;reference:</source>
        <translation>Karten&amp;referenz:</translation>
    </message>
    <message>
        <source>Customer (optional, to find the order later)</source>
        <translation>Kunde (optional, um die Bestellung später zu finden)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Exact cash (F2)</source>
        <translation>Passend bar (F2)</translation>
    </message>
    <message>
        <source>All by card (F3)</source>
        <translation>Alles mit Karte (F3)</translation>
    </message>
    <message>
        <source>Pay (Enter)</source>
        <translation>Bezahlen (Eingabe)</translation>
    </message>
    <message>
        <source>The card amount is not an amount.</source>
        <translation>Der Kartenbetrag ist kein Betrag.</translation>
    </message>
    <message>
        <source>Enter the card terminal&apos;s reference.</source>
        <translation>Geben Sie die Referenz des Kartenterminals ein.</translation>
    </message>
    <message>
        <source>The cash handed over is not an amount.</source>
        <translation>Das übergebene Bargeld ist kein Betrag.</translation>
    </message>
    <message>
        <source>Enter the cash handed over, or the card&apos;s reference.</source>
        <translation>Geben Sie das übergebene Bargeld oder die Kartenreferenz ein.</translation>
    </message>
    <message>
        <source>Change due: %1</source>
        <translation>Rückgeld: %1</translation>
    </message>
    <message>
        <source>Paid in full by card.</source>
        <translation>Vollständig mit Karte bezahlt.</translation>
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
<context>
    <name>usher::seatmap::ShortcutSheet</name>
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
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
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
</TS>
