<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>usher::app::MainWindow</name>
    <message>
        <source>Usher Box Office</source>
        <translation>Usher Billetterie</translation>
    </message>
    <message>
        <source>Pick a performance</source>
        <translation>Choisissez une représentation</translation>
    </message>
    <message>
        <source>Offline: the map may be stale. Reconnecting...</source>
        <translation>Hors ligne : le plan de salle n’est peut-être plus à jour. Reconnexion…</translation>
    </message>
    <message>
        <source>&amp;Sale</source>
        <translation>&amp;Vente</translation>
    </message>
    <message>
        <source>&amp;Find performance</source>
        <translation>&amp;Chercher une représentation</translation>
    </message>
    <message>
        <source>Seat &amp;map</source>
        <translation>&amp;Plan de salle</translation>
    </message>
    <message>
        <source>&amp;Reload performances</source>
        <translation>&amp;Recharger les représentations</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Connecté : %1 (%2)</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Poste : %1</translation>
    </message>
    <message>
        <source>No shift open</source>
        <translation>Aucune session de caisse ouverte</translation>
    </message>
    <message>
        <source>The performances could not be loaded: %1</source>
        <translation>Impossible de charger les représentations : %1</translation>
    </message>
    <message>
        <source>%1 (loading...)</source>
        <translation>%1 (chargement…)</translation>
    </message>
    <message>
        <source>%1: the seat map could not be loaded: %2</source>
        <translation>%1 : impossible de charger le plan de salle : %2</translation>
    </message>
    <message>
        <source>%1: the seat map could not be read</source>
        <translation>%1 : impossible de lire le plan de salle</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Réglages</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
</context>
<context>
    <name>usher::app::ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Flèches</translation>
    </message>
    <message>
        <source>Move between seats on the map</source>
        <translation>Passer d’un siège à l’autre sur le plan</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Select or deselect the seat under the cursor</source>
        <translation>Sélectionner ou désélectionner le siège sous le curseur</translation>
    </message>
    <message>
        <source>Shift+Click</source>
        <translation>Maj+Clic</translation>
    </message>
    <message>
        <source>Select the seats of a row from the last clicked seat</source>
        <translation>Sélectionner les sièges d’un rang depuis le dernier siège cliqué</translation>
    </message>
    <message>
        <source>Zoom the map in or out</source>
        <translation>Agrandir ou réduire le plan</translation>
    </message>
    <message>
        <source>Show the whole house</source>
        <translation>Afficher toute la salle</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Vider la sélection</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>usher::app::SignInDialog</name>
    <message>
        <source>Sign in to Usher</source>
        <translation>Se connecter à Usher</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>vous@exemple.fr</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>The server address is not valid.</source>
        <translation>L’adresse du serveur n’est pas valide.</translation>
    </message>
    <message>
        <source>The user or the password is wrong.</source>
        <translation>L’utilisateur ou le mot de passe est incorrect.</translation>
    </message>
</context>
<context>
    <name>usher::core::ApiClient</name>
    <message>
        <source>The server answered %1.</source>
        <translation>Le serveur a répondu %1.</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation>Le serveur est injoignable (%1).</translation>
    </message>
    <message>
        <source>The server sent an answer this app cannot read.</source>
        <translation>Le serveur a envoyé une réponse que cette application ne sait pas lire.</translation>
    </message>
</context>
<context>
    <name>usher::sales::EventPicker</name>
    <message>
        <source>Search performances (Ctrl+F)</source>
        <translation>Chercher une représentation (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search performances</source>
        <translation>Chercher une représentation</translation>
    </message>
    <message>
        <source>Performances</source>
        <translation>Représentations</translation>
    </message>
    <message>
        <source>sold out</source>
        <translation>complet</translation>
    </message>
    <message>
        <source>%1 of %2 free</source>
        <translation>%1 sur %2 libres</translation>
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
%2 libres</translation>
    </message>
    <message>
        <source>available</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>held by you</source>
        <translation>réservé par vous</translation>
    </message>
    <message>
        <source>held by someone else</source>
        <translation>réservé par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>vendu</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>allotted</source>
        <translation>contingenté</translation>
    </message>
</context>
<context>
    <name>usher::seatmap::SeatMapLegend</name>
    <message>
        <source>Seat map legend</source>
        <translation>Légende du plan de salle</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>usher::seatmap::SeatMapModel</name>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Table %1 seat %2, %3</source>
        <translation>Table %1 siège %2, %3</translation>
    </message>
    <message>
        <source>Row %1 seat %2, %3</source>
        <translation>Rang %1 siège %2, %3</translation>
    </message>
    <message>
        <source>, selected</source>
        <translation>, sélectionné</translation>
    </message>
    <message>
        <source>Row %1, seat %2</source>
        <translation>Rang %1, siège %2</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>réservé par %1</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>Emplacement fauteuil roulant</translation>
    </message>
    <message>
        <source>Companion seat</source>
        <translation>Siège accompagnateur</translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation>Visibilité réduite</translation>
    </message>
</context>
<context>
    <name>usher::seatmap::SeatMapScene</name>
    <message>
        <source>Stage</source>
        <translation>Scène</translation>
    </message>
    <message>
        <source>%1
%2 standing</source>
        <translation>%1
%2 places debout</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Table %1</translation>
    </message>
</context>
<context>
    <name>usher::seatmap::SeatMapView</name>
    <message>
        <source>Seat map. Arrow keys move between seats, Space selects.</source>
        <translation>Plan de salle. Les flèches changent de siège, Espace sélectionne.</translation>
    </message>
    <message>
        <source>Seat map</source>
        <translation>Plan de salle</translation>
    </message>
</context>
</TS>
