<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DesignerText</name>
    <message>
        <source>Add rows</source>
        <translation>Ajouter des rangées</translation>
    </message>
    <message>
        <source>Add table</source>
        <translation>Ajouter une table</translation>
    </message>
    <message>
        <source>Add standing area</source>
        <translation>Ajouter une zone debout</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>Add shape</source>
        <translation>Ajouter une forme</translation>
    </message>
    <message>
        <source>Add text</source>
        <translation>Ajouter un texte</translation>
    </message>
    <message>
        <source>Move focal point</source>
        <translation>Déplacer le point focal</translation>
    </message>
    <message>
        <source>Paint category</source>
        <translation>Appliquer la catégorie</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Pivoter</translation>
    </message>
    <message>
        <source>Bend rows</source>
        <translation>Courber les rangées</translation>
    </message>
    <message>
        <source>Stretch rows</source>
        <translation>Allonger les rangées</translation>
    </message>
    <message>
        <source>Seat and row spacing</source>
        <translation>Espacement des sièges et des rangées</translation>
    </message>
</context>
<context>
    <name>SalePrintText</name>
    <message>
        <source>Order %1 · Valid for one entry; the code is checked at the door.</source>
        <translation>Commande %1 · Valable pour une entrée ; le code est contrôlé à l’entrée.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Order %1 · %2</source>
        <translation>Commande %1 · %2</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>Monnaie : %1</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Client : %1</translation>
    </message>
    <message>
        <source>Served by %1 at %2</source>
        <translation>Servi par %1 au poste %2</translation>
    </message>
</context>
<context>
    <name>ShiftReportText</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Terminal de paiement</translation>
    </message>
    <message>
        <source>Online card</source>
        <translation>Carte en ligne</translation>
    </message>
    <message>
        <source>Z report (shift closed)</source>
        <translation>Rapport Z (service clôturé)</translation>
    </message>
    <message>
        <source>X report (shift still open)</source>
        <translation>Rapport X (service encore ouvert)</translation>
    </message>
    <message>
        <source>Device: %1&lt;br&gt;Clerk: %2&lt;br&gt;Opened: %3</source>
        <translation>Poste : %1&lt;br&gt;Caissier : %2&lt;br&gt;Ouvert : %3</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Clôturé : %1</translation>
    </message>
    <message>
        <source>Orders: %1, refunds: %2</source>
        <translation>Commandes : %1, remboursements : %2</translation>
    </message>
    <message>
        <source>Opening float: %1</source>
        <translation>Fonds de caisse initial : %1</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>Moyens de paiement</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Ticket types</source>
        <translation>Types de billet</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Type de billet</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendus</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursés</translation>
    </message>
    <message>
        <source>No tickets sold yet.</source>
        <translation>Aucun billet vendu pour l’instant.</translation>
    </message>
    <message>
        <source>Shift open since %1 (%2)</source>
        <translation>Service ouvert depuis %1 (%2)</translation>
    </message>
</context>
<context>
    <name>usher::admin::AdminWindow</name>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>on sale</source>
        <translation>en vente</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Usher events</source>
        <translation>Événements Usher</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Blocks and allotments</source>
        <translation>Blocages et contingents</translation>
    </message>
    <message>
        <source>The event&apos;s seats: select some to block or allot them</source>
        <translation>Sièges de l&apos;événement : sélectionnez-en pour les bloquer ou les attribuer</translation>
    </message>
    <message>
        <source>Blocks and allotments:</source>
        <translation>Blocages et contingents :</translation>
    </message>
    <message>
        <source>Someone else changed %1 since you loaded it.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié %1 depuis que vous l&apos;avez chargé.</translation>
    </message>
    <message>
        <source>Reload theirs (drop my change)</source>
        <translation>Recharger la leur (abandonner ma modification)</translation>
    </message>
    <message>
        <source>Save mine over it</source>
        <translation>Enregistrer la mienne par-dessus</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Événements</translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation>&amp;Sièges</translation>
    </message>
    <message>
        <source>New event...</source>
        <translation>Nouvel événement...</translation>
    </message>
    <message>
        <source>Edit event...</source>
        <translation>Modifier l&apos;événement...</translation>
    </message>
    <message>
        <source>Put on sale</source>
        <translation>Mettre en vente</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Revenir au brouillon</translation>
    </message>
    <message>
        <source>Cancel event and refund every order...</source>
        <translation>Annuler l&apos;événement et rembourser toutes les commandes...</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Block selected seats...</source>
        <translation>Bloquer les sièges sélectionnés...</translation>
    </message>
    <message>
        <source>Allot selected seats...</source>
        <translation>Attribuer les sièges sélectionnés...</translation>
    </message>
    <message>
        <source>Release the chosen block or allotment</source>
        <translation>Libérer le blocage ou le contingent choisi</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, revision %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, révision %3</translation>
    </message>
    <message>
        <source>The server sent a seat map this app cannot read.</source>
        <translation>Le serveur a envoyé un plan que cette application ne sait pas lire.</translation>
    </message>
    <message numerus="yes">
        <source>Block: %1, %n seat(s)</source>
        <translation>
            <numerusform>Blocage : %1, %n siège</numerusform>
            <numerusform>Blocage : %1, %n sièges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Allotment: %1, %n seat(s)</source>
        <translation>
            <numerusform>Contingent : %1, %n siège</numerusform>
            <numerusform>Contingent : %1, %n sièges</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is saved as a draft.</source>
        <translation>%1 est enregistré comme brouillon.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %n order(s) refunded.</source>
        <translation>
            <numerusform>Annulé ; %n commande remboursée.</numerusform>
            <numerusform>Annulé ; %n commandes remboursées.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 est maintenant %2.</translation>
    </message>
    <message>
        <source>Select the seats to block on the map first.</source>
        <translation>Sélectionnez d&apos;abord sur le plan les sièges à bloquer.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) blocked.</source>
        <translation>
            <numerusform>%n siège bloqué.</numerusform>
            <numerusform>%n sièges bloqués.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the seats to allot on the map first.</source>
        <translation>Sélectionnez d&apos;abord sur le plan les sièges à attribuer.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) allotted.</source>
        <translation>
            <numerusform>%n siège attribué.</numerusform>
            <numerusform>%n sièges attribués.</numerusform>
        </translation>
    </message>
    <message>
        <source>The block&apos;s seats are on sale again.</source>
        <translation>Les sièges du blocage sont de nouveau en vente.</translation>
    </message>
    <message>
        <source>The allotment&apos;s seats are on sale again.</source>
        <translation>Les sièges du contingent sont de nouveau en vente.</translation>
    </message>
    <message>
        <source>Choose an event first.</source>
        <translation>Choisissez d&apos;abord un événement.</translation>
    </message>
    <message>
        <source>Cancel event</source>
        <translation>Annuler l&apos;événement</translation>
    </message>
    <message>
        <source>Every order of %1 is refunded. Why is it cancelled? (Every refund records it.)</source>
        <translation>Chaque commande de %1 est remboursée. Pourquoi est-il annulé ? (Chaque remboursement le note.)</translation>
    </message>
    <message>
        <source>Choose a block or an allotment in the list first.</source>
        <translation>Choisissez d&apos;abord un blocage ou un contingent dans la liste.</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Modifié entre-temps</translation>
    </message>
    <message>
        <source>Ve&amp;nues</source>
        <translation>S&amp;alles</translation>
    </message>
    <message>
        <source>Edit venue...</source>
        <translation>Modifier la salle...</translation>
    </message>
    <message>
        <source>on sale again %1</source>
        <translation>de nouveau en vente le %1</translation>
    </message>
    <message numerus="yes">
        <source>%n standing place(s)</source>
        <translation>
            <numerusform>%n place debout</numerusform>
            <numerusform>%n places debout</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::admin::AllotDialog</name>
    <message>
        <source>A box-office &amp;device:</source>
        <translation>Un &amp;poste de billetterie :</translation>
    </message>
    <message>
        <source>A sales &amp;channel:</source>
        <translation>Un &amp;canal de vente :</translation>
    </message>
    <message>
        <source>Allot seats</source>
        <translation>Attribuer des sièges</translation>
    </message>
    <message>
        <source>the device&apos;s name, as set up at the counter</source>
        <translation>le nom du poste, tel que configuré au guichet</translation>
    </message>
    <message>
        <source>for example partner:agency</source>
        <translation>par exemple partner:agence</translation>
    </message>
    <message numerus="yes">
        <source>Give %n selected seat(s) and these standing places to:</source>
        <translation>
            <numerusform>Donner %n siège sélectionné et ces places debout à :</numerusform>
            <numerusform>Donner %n sièges sélectionnés et ces places debout à :</numerusform>
        </translation>
    </message>
    <message>
        <source>Standing places in %1:</source>
        <translation>Places debout dans %1 :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>Select seats on the map or give a number of standing places.</source>
        <translation>Sélectionnez des sièges sur le plan ou indiquez un nombre de places debout.</translation>
    </message>
    <message>
        <source>Say which device or channel may sell them.</source>
        <translation>Indiquez quel poste ou quel canal peut les vendre.</translation>
    </message>
</context>
<context>
    <name>usher::admin::BlockDialog</name>
    <message>
        <source>Back on sale by themselves at:</source>
        <translation>De nouveau en vente automatiquement le :</translation>
    </message>
    <message>
        <source>Block seats</source>
        <translation>Bloquer des sièges</translation>
    </message>
    <message>
        <source>House seats</source>
        <translation>Places de la maison</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>Presse</translation>
    </message>
    <message>
        <source>Broken seat</source>
        <translation>Siège cassé</translation>
    </message>
    <message>
        <source>Colour on the map</source>
        <translation>Couleur sur le plan</translation>
    </message>
    <message numerus="yes">
        <source>Block %n selected seat(s) so that nobody can buy them.</source>
        <translation>
            <numerusform>Bloquer %n siège sélectionné pour que personne ne puisse l&apos;acheter.</numerusform>
            <numerusform>Bloquer %n sièges sélectionnés pour que personne ne puisse les acheter.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>&amp;Colour on the map:</source>
        <translation>&amp;Couleur sur le plan :</translation>
    </message>
    <message>
        <source>Say why the seats are blocked: the box office sees the reason.</source>
        <translation>Indiquez pourquoi les sièges sont bloqués : la billetterie voit le motif.</translation>
    </message>
    <message>
        <source>The release time has passed: choose a later one, or none.</source>
        <translation>L&apos;heure de libération est passée : choisissez-en une plus tardive, ou aucune.</translation>
    </message>
</context>
<context>
    <name>usher::admin::EventForm</name>
    <message>
        <source>Adult, Child</source>
        <translation>Adulte, Enfant</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Prices per category and ticket type</source>
        <translation>Prix par catégorie et type de billet</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>Caté&amp;gorie :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Salle :</translation>
    </message>
    <message>
        <source>&amp;Layout version:</source>
        <translation>&amp;Version du plan :</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Début :</translation>
    </message>
    <message>
        <source>D&amp;oors open:</source>
        <translation>&amp;Ouverture des portes :</translation>
    </message>
    <message>
        <source>Sale &amp;opens:</source>
        <translation>Début des &amp;ventes :</translation>
    </message>
    <message>
        <source>Sale &amp;closes:</source>
        <translation>Fin des ven&amp;tes :</translation>
    </message>
    <message>
        <source>Seats are &amp;held for:</source>
        <translation>Sièges &amp;retenus pendant :</translation>
    </message>
    <message>
        <source>Tickets per &amp;order:</source>
        <translation>Billets par &amp;commande :</translation>
    </message>
    <message>
        <source>Tickets per c&amp;ustomer:</source>
        <translation>Billets par c&amp;lient :</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>Dev&amp;ise :</translation>
    </message>
    <message>
        <source>Tic&amp;ket types:</source>
        <translation>Types de &amp;billet :</translation>
    </message>
    <message>
        <source>Prices (every category needs the first ticket type&apos;s price):</source>
        <translation>Prix (chaque catégorie a besoin du prix du premier type de billet) :</translation>
    </message>
    <message>
        <source>Name at least one ticket type.</source>
        <translation>Indiquez au moins un type de billet.</translation>
    </message>
    <message>
        <source>Ticket type &quot;%1&quot; is named twice.</source>
        <translation>Le type de billet « %1 » est indiqué deux fois.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price (row %2, %3).</source>
        <translation>« %1 » n&apos;est pas un prix (ligne %2, %3).</translation>
    </message>
    <message>
        <source>Give %1 a %2 price.</source>
        <translation>Donnez à %1 un prix %2.</translation>
    </message>
    <message>
        <source>Give the event a title.</source>
        <translation>Donnez un titre à l&apos;événement.</translation>
    </message>
    <message>
        <source>Choose a venue with a published layout.</source>
        <translation>Choisissez une salle avec un plan publié.</translation>
    </message>
</context>
<context>
    <name>usher::admin::NewAccountDialog</name>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>Un mot de passe doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>New staff account</source>
        <translation>Nouveau compte du personnel</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation>Premier &amp;mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-le :</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>« %1 » n&apos;est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Donnez un nom au compte.</translation>
    </message>
</context>
<context>
    <name>usher::admin::StaffWindow</name>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>caissier</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <source>Usher users and roles</source>
        <translation>Utilisateurs et rôles Usher</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <source>New account...</source>
        <translation>Nouveau compte...</translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation>Réinitialiser le mot de passe...</translation>
    </message>
    <message>
        <source>Disable or enable the account</source>
        <translation>Désactiver ou activer le compte</translation>
    </message>
    <message>
        <source>Make admin or clerk</source>
        <translation>Rendre administrateur ou caissier</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>%1 can sign in now.</source>
        <translation>%1 peut maintenant se connecter.</translation>
    </message>
    <message>
        <source>Choose an account in the list first.</source>
        <translation>Choisissez d&apos;abord un compte dans la liste.</translation>
    </message>
    <message>
        <source>%1 has a new password.</source>
        <translation>%1 a un nouveau mot de passe.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>%1 is an admin now.</source>
        <translation>%1 est maintenant administrateur.</translation>
    </message>
    <message>
        <source>%1 is a clerk now.</source>
        <translation>%1 est maintenant caissier.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>New password for %1:</source>
        <translation>Nouveau mot de passe pour %1 :</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-le :</translation>
    </message>
</context>
<context>
    <name>usher::admin::VenueDialog</name>
    <message>
        <source>Edit venue</source>
        <translation>Modifier la salle</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Salle :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Ville :</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Fuseau horaire :</translation>
    </message>
    <message>
        <source>There is no venue yet: publish a layout from the designer to create one.</source>
        <translation>Aucune salle pour l&apos;instant : publiez un plan depuis l&apos;éditeur pour en créer une.</translation>
    </message>
    <message>
        <source>Give the venue a name.</source>
        <translation>Donnez un nom à la salle.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone (for example Europe/Vienna).</source>
        <translation>« %1 » n&apos;est pas un fuseau horaire (par exemple Europe/Vienna).</translation>
    </message>
</context>
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
    <message>
        <source>&amp;Best available</source>
        <translation>&amp;Meilleures places</translation>
    </message>
    <message>
        <source>Best %1 together</source>
        <translation>Les %1 meilleures côte à côte</translation>
    </message>
    <message>
        <source>&amp;Next best seats</source>
        <translation>Places &amp;suivantes</translation>
    </message>
    <message>
        <source>&amp;Ticket types</source>
        <translation>&amp;Types de billet</translation>
    </message>
    <message>
        <source>Re&amp;move seat</source>
        <translation>&amp;Retirer la place</translation>
    </message>
    <message>
        <source>&amp;Clear basket</source>
        <translation>&amp;Vider le panier</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>&amp;Payer</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>Ser&amp;vice</translation>
    </message>
    <message>
        <source>&amp;Open shift...</source>
        <translation>&amp;Ouvrir le service…</translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation>Rapport &amp;X</translation>
    </message>
    <message>
        <source>&amp;Close shift (Z report)...</source>
        <translation>&amp;Clôturer le service (rapport Z)…</translation>
    </message>
    <message>
        <source>The seats were held too long and are back on sale.</source>
        <translation>Les places ont été réservées trop longtemps et sont de nouveau en vente.</translation>
    </message>
    <message>
        <source>Not paid: %1</source>
        <translation>Non payé : %1</translation>
    </message>
    <message>
        <source>%1: the performance could not be loaded: %2</source>
        <translation>%1 : la représentation n’a pas pu être chargée : %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>à partir de %1</translation>
    </message>
    <message>
        <source>Best %1 together: no further choice.</source>
        <translation>Les %1 meilleures côte à côte : pas d’autre choix.</translation>
    </message>
    <message>
        <source>Best %1 together: not enough seats left.</source>
        <translation>Les %1 meilleures côte à côte : plus assez de places.</translation>
    </message>
    <message>
        <source>%1 has the shift on this device. Close it before selling.</source>
        <translation>%1 a le service sur ce poste. Clôturez-le avant de vendre.</translation>
    </message>
    <message>
        <source>Open a shift (Ctrl+Shift+O) with the cash float before selling.</source>
        <translation>Ouvrez un service (Ctrl+Maj+O) avec le fonds de caisse avant de vendre.</translation>
    </message>
    <message>
        <source>Sold: order %1. Tickets: %2.</source>
        <translation>Vendu : commande %1. Billets : %2.</translation>
    </message>
    <message>
        <source>Change due: %1</source>
        <translation>Monnaie à rendre : %1</translation>
    </message>
    <message>
        <source>Shift unknown</source>
        <translation>Service inconnu</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Ouvrir le service</translation>
    </message>
    <message>
        <source>Cash in the drawer (opening float):</source>
        <translation>Espèces dans le tiroir (fonds de caisse) :</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount.</source>
        <translation>« %1 » n’est pas un montant.</translation>
    </message>
    <message>
        <source>The shift was not opened: %1</source>
        <translation>Le service n’a pas été ouvert : %1</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Rapport Z</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Rapport X</translation>
    </message>
    <message>
        <source>No shift of yours is open on this device.</source>
        <translation>Aucun service à vous n’est ouvert sur ce poste.</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Clôturer le service</translation>
    </message>
    <message>
        <source>Cash counted in the drawer:</source>
        <translation>Espèces comptées dans le tiroir :</translation>
    </message>
    <message>
        <source>Card terminal total (leave empty if unknown):</source>
        <translation>Total du terminal de paiement (vide si inconnu) :</translation>
    </message>
    <message>
        <source>Enter the amounts as numbers, e.g. 150.00.</source>
        <translation>Saisissez les montants en chiffres, p. ex. 150,00.</translation>
    </message>
    <message>
        <source>The shift was not closed: %1</source>
        <translation>Le service n’a pas été clôturé : %1</translation>
    </message>
    <message>
        <source>Print pre&amp;view of the last sale</source>
        <translation>&amp;Aperçu avant impression de la dernière vente</translation>
    </message>
    <message>
        <source>&amp;Save the last sale&apos;s tickets as PDF...</source>
        <translation>&amp;Enregistrer les billets de la dernière vente en PDF…</translation>
    </message>
    <message>
        <source>%1 · Row %2 · Seat %3</source>
        <translation>%1 · Rang %2 · Place %3</translation>
    </message>
    <message>
        <source>given %1</source>
        <translation>remis %1</translation>
    </message>
    <message>
        <source>Tickets sent to %1.</source>
        <translation>Billets envoyés à %1.</translation>
    </message>
    <message>
        <source>The tickets could not be saved in %1.</source>
        <translation>Les billets n’ont pas pu être enregistrés dans %1.</translation>
    </message>
    <message>
        <source>Tickets %1</source>
        <translation>Billets %1</translation>
    </message>
    <message>
        <source>Tickets saved as %1 in the folder %2.</source>
        <translation>Billets enregistrés sous %1 dans le dossier %2.</translation>
    </message>
    <message>
        <source>Printer %1 not found.</source>
        <translation>Imprimante %1 introuvable.</translation>
    </message>
    <message>
        <source>No sale yet.</source>
        <translation>Pas encore de vente.</translation>
    </message>
    <message>
        <source>Save tickets as PDF</source>
        <translation>Enregistrer les billets en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 n’a pas pu être écrit.</translation>
    </message>
    <message>
        <source>Ticket reprinted. %1</source>
        <translation>Billet réimprimé. %1</translation>
    </message>
    <message>
        <source>&amp;Orders: find, refund, reprint...</source>
        <translation>&amp;Commandes : rechercher, rembourser, réimprimer…</translation>
    </message>
    <message>
        <source>&amp;Standing places...</source>
        <translation>Places &amp;debout…</translation>
    </message>
    <message>
        <source>This performance has no standing places.</source>
        <translation>Cette représentation n’a pas de places debout.</translation>
    </message>
    <message>
        <source>Standing places</source>
        <translation>Places debout</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Zone :</translation>
    </message>
    <message>
        <source>Places in %1:</source>
        <translation>Places dans %1 :</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>&amp;Layout designer</source>
        <translation>&amp;Éditeur de plans de salle</translation>
    </message>
    <message>
        <source>&amp;Events, prices, holds and allotments</source>
        <translation>&amp;Événements, prix, blocages et contingents</translation>
    </message>
    <message>
        <source>&amp;Users and roles</source>
        <translation>&amp;Utilisateurs et rôles</translation>
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
    <name>usher::designer::DesignerView</name>
    <message>
        <source>Layout plan</source>
        <translation>Plan de salle</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Décaler</translation>
    </message>
</context>
<context>
    <name>usher::designer::DesignerWindow</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Usher layout designer</source>
        <translation>Éditeur de plans de salle Usher</translation>
    </message>
    <message>
        <source>Add text</source>
        <translation>Ajouter un texte</translation>
    </message>
    <message>
        <source>Text on the plan:</source>
        <translation>Texte sur le plan :</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Problems (click to select the seats):</source>
        <translation>Problèmes (cliquer pour sélectionner les sièges) :</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Select, move and turn</source>
        <translation>Sélectionner, déplacer, pivoter</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rangées</translation>
    </message>
    <message>
        <source>Bend rows</source>
        <translation>Courber les rangées</translation>
    </message>
    <message>
        <source>Stretch rows</source>
        <translation>Allonger les rangées</translation>
    </message>
    <message>
        <source>Seat and row spacing</source>
        <translation>Espacement des sièges et des rangées</translation>
    </message>
    <message>
        <source>Round table</source>
        <translation>Table ronde</translation>
    </message>
    <message>
        <source>Rectangular table</source>
        <translation>Table rectangulaire</translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation>Zone debout</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Line (aisle, wall)</source>
        <translation>Ligne (allée, mur)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation>Point focal</translation>
    </message>
    <message>
        <source>Paint price category</source>
        <translation>Peindre la catégorie de prix</translation>
    </message>
    <message>
        <source>Tool options</source>
        <translation>Options de l&apos;outil</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <source>Price category to paint</source>
        <translation>Catégorie de prix à appliquer</translation>
    </message>
    <message>
        <source>Seats per table:</source>
        <translation>Sièges par table :</translation>
    </message>
    <message>
        <source>Seats per table</source>
        <translation>Sièges par table</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>New layout</source>
        <translation>Nouveau plan</translation>
    </message>
    <message>
        <source>Open layout...</source>
        <translation>Ouvrir un plan...</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save as...</source>
        <translation>Enregistrer sous...</translation>
    </message>
    <message>
        <source>Export SVG...</source>
        <translation>Exporter en SVG...</translation>
    </message>
    <message>
        <source>Background image...</source>
        <translation>Image d&apos;arrière-plan...</translation>
    </message>
    <message>
        <source>Background lighter</source>
        <translation>Arrière-plan plus clair</translation>
    </message>
    <message>
        <source>Background darker</source>
        <translation>Arrière-plan plus foncé</translation>
    </message>
    <message>
        <source>Close designer</source>
        <translation>Fermer l&apos;éditeur</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Couper</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <source>Snap to grid and objects</source>
        <translation>Aimanter à la grille et aux objets</translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation>&amp;Sièges</translation>
    </message>
    <message>
        <source>Apply category to selection</source>
        <translation>Appliquer la catégorie à la sélection</translation>
    </message>
    <message>
        <source>Renumber seats...</source>
        <translation>Renuméroter les sièges...</translation>
    </message>
    <message>
        <source>Row labels...</source>
        <translation>Noms des rangées...</translation>
    </message>
    <message>
        <source>Wheelchair space</source>
        <translation>Emplacement fauteuil roulant</translation>
    </message>
    <message>
        <source>Pair companion seat with wheelchair space</source>
        <translation>Associer le siège accompagnateur à l&apos;emplacement fauteuil</translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation>Visibilité réduite</translation>
    </message>
    <message>
        <source>Aisle seat</source>
        <translation>Siège côté allée</translation>
    </message>
    <message>
        <source>Clear accessibility and view flags</source>
        <translation>Effacer les marques d&apos;accessibilité et de visibilité</translation>
    </message>
    <message>
        <source>Block seats...</source>
        <translation>Bloquer des sièges...</translation>
    </message>
    <message>
        <source>Unblock seats</source>
        <translation>Débloquer les sièges</translation>
    </message>
    <message>
        <source>Standing area capacity...</source>
        <translation>Capacité de la zone debout...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Fit the plan in the window</source>
        <translation>Ajuster le plan à la fenêtre</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total capacity: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Capacité totale : %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Seats: %1</source>
        <translation>Sièges : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Wheelchair spaces: %1, companion seats: %2</source>
        <translation>Emplacements fauteuil : %1, sièges accompagnateur : %2</translation>
    </message>
    <message>
        <source>Standing capacity: %1</source>
        <translation>Places debout : %1</translation>
    </message>
    <message>
        <source>Blocked seats: %1</source>
        <translation>Sièges bloqués : %1</translation>
    </message>
    <message>
        <source>No problems: ready to publish.</source>
        <translation>Aucun problème : prêt à publier.</translation>
    </message>
    <message>
        <source>Select seats or objects first.</source>
        <translation>Sélectionnez d&apos;abord des sièges ou des objets.</translation>
    </message>
    <message>
        <source>Paint category</source>
        <translation>Appliquer la catégorie</translation>
    </message>
    <message>
        <source>Seat flags</source>
        <translation>Marques des sièges</translation>
    </message>
    <message>
        <source>Block seats</source>
        <translation>Bloquer des sièges</translation>
    </message>
    <message>
        <source>Select a wheelchair space and the seat beside it.</source>
        <translation>Sélectionnez un emplacement fauteuil et le siège à côté.</translation>
    </message>
    <message>
        <source>Pair companion seat</source>
        <translation>Associer le siège accompagnateur</translation>
    </message>
    <message>
        <source>Renumber seats</source>
        <translation>Renuméroter les sièges</translation>
    </message>
    <message>
        <source>Row labels</source>
        <translation>Noms des rangées</translation>
    </message>
    <message>
        <source>Every number</source>
        <translation>Tous les numéros</translation>
    </message>
    <message>
        <source>Odd numbers</source>
        <translation>Numéros impairs</translation>
    </message>
    <message>
        <source>Even numbers</source>
        <translation>Numéros pairs</translation>
    </message>
    <message>
        <source>Left to right</source>
        <translation>De gauche à droite</translation>
    </message>
    <message>
        <source>Right to left</source>
        <translation>De droite à gauche</translation>
    </message>
    <message>
        <source>First number:</source>
        <translation>Premier numéro :</translation>
    </message>
    <message>
        <source>Numbers:</source>
        <translation>Numéros :</translation>
    </message>
    <message>
        <source>Direction (seen from the stage plan):</source>
        <translation>Sens (vu depuis la scène sur le plan) :</translation>
    </message>
    <message>
        <source>Back to front</source>
        <translation>De l&apos;arrière vers l&apos;avant</translation>
    </message>
    <message>
        <source>First row:</source>
        <translation>Première rangée :</translation>
    </message>
    <message>
        <source>Skip letters:</source>
        <translation>Lettres à sauter :</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a row label (letters A to ZZZ).</source>
        <translation>« %1 » n&apos;est pas un nom de rangée (lettres A à ZZZ).</translation>
    </message>
    <message>
        <source>Why are these seats never sold?</source>
        <translation>Pourquoi ces sièges ne sont-ils jamais vendus ?</translation>
    </message>
    <message>
        <source>Broken seat</source>
        <translation>Siège cassé</translation>
    </message>
    <message>
        <source>Select a standing area first.</source>
        <translation>Sélectionnez d&apos;abord une zone debout.</translation>
    </message>
    <message>
        <source>Standing area capacity</source>
        <translation>Capacité de la zone debout</translation>
    </message>
    <message>
        <source>People allowed in the area:</source>
        <translation>Personnes admises dans la zone :</translation>
    </message>
    <message>
        <source>Background image</source>
        <translation>Image d&apos;arrière-plan</translation>
    </message>
    <message>
        <source>Floor plans (*.svg *.png *.jpg *.jpeg)</source>
        <translation>Plans (*.svg *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Could not read %1 as an image.</source>
        <translation>Impossible de lire %1 comme image.</translation>
    </message>
    <message>
        <source>Width of the plan in metres:</source>
        <translation>Largeur du plan en mètres :</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a layout file: %2</source>
        <translation>%1 n&apos;est pas un fichier de plan : %2</translation>
    </message>
    <message>
        <source>Open layout</source>
        <translation>Ouvrir un plan</translation>
    </message>
    <message>
        <source>Usher layouts (*.json)</source>
        <translation>Plans Usher (*.json)</translation>
    </message>
    <message>
        <source>Save layout</source>
        <translation>Enregistrer le plan</translation>
    </message>
    <message>
        <source>Export SVG</source>
        <translation>Exporter en SVG</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Images SVG (*.svg)</translation>
    </message>
    <message>
        <source>Drag with the middle button</source>
        <translation>Glisser avec le bouton du milieu</translation>
    </message>
    <message>
        <source>Pan the plan</source>
        <translation>Faire défiler le plan</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>Molette</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>Zoomer autour du pointeur</translation>
    </message>
    <message>
        <source>Zoom the plan in or out</source>
        <translation>Agrandir ou réduire le plan</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Flèches</translation>
    </message>
    <message>
        <source>Nudge the selection by 10 cm</source>
        <translation>Décaler la sélection de 10 cm</translation>
    </message>
    <message>
        <source>Shift+Arrow keys</source>
        <translation>Maj+Flèches</translation>
    </message>
    <message>
        <source>Nudge the selection by 1 m</source>
        <translation>Décaler la sélection de 1 m</translation>
    </message>
    <message>
        <source>Shift+Click</source>
        <translation>Maj+Clic</translation>
    </message>
    <message>
        <source>Add the object under the pointer to the selection</source>
        <translation>Ajouter l&apos;objet sous le pointeur à la sélection</translation>
    </message>
    <message>
        <source>Ctrl+Click</source>
        <translation>Ctrl+Clic</translation>
    </message>
    <message>
        <source>Select or deselect one seat</source>
        <translation>Sélectionner ou désélectionner un siège</translation>
    </message>
    <message>
        <source>Ctrl+Drag</source>
        <translation>Ctrl+Glisser</translation>
    </message>
    <message>
        <source>Move without snapping</source>
        <translation>Déplacer sans aimantation</translation>
    </message>
    <message>
        <source>Alt+Drag</source>
        <translation>Alt+Glisser</translation>
    </message>
    <message>
        <source>Turn the selection (Shift: in 1 degree steps)</source>
        <translation>Pivoter la sélection (Maj : par pas de 1 degré)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Finish a standing area or a line</source>
        <translation>Terminer une zone debout ou une ligne</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Cancel the tool and clear the selection</source>
        <translation>Annuler l&apos;outil et vider la sélection</translation>
    </message>
    <message>
        <source>The layout has changes that are not saved. Save them?</source>
        <translation>Le plan a des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>Publish to server</source>
        <translation>Publier sur le serveur</translation>
    </message>
    <message>
        <source>Someone else published a newer layout of %1 meanwhile.</source>
        <translation>Quelqu&apos;un d&apos;autre a publié entre-temps un plan plus récent de %1.</translation>
    </message>
    <message>
        <source>Reload theirs (drop my edits)</source>
        <translation>Recharger le leur (abandonner mes modifications)</translation>
    </message>
    <message>
        <source>Publish mine over it</source>
        <translation>Publier le mien par-dessus</translation>
    </message>
    <message>
        <source>Open from server...</source>
        <translation>Ouvrir depuis le serveur...</translation>
    </message>
    <message>
        <source>Publish to server...</source>
        <translation>Publier sur le serveur...</translation>
    </message>
    <message>
        <source>Version %1 of %2 from the server.</source>
        <translation>Version %1 de %2 depuis le serveur.</translation>
    </message>
    <message numerus="yes">
        <source>Fix the %n problem(s) in the panel first: a layout with problems is not published.</source>
        <translation>
            <numerusform>Corrigez d&apos;abord le %n problème de la liste : un plan avec des problèmes n&apos;est pas publié.</numerusform>
            <numerusform>Corrigez d&apos;abord les %n problèmes de la liste : un plan avec des problèmes n&apos;est pas publié.</numerusform>
        </translation>
    </message>
    <message>
        <source>Published as version %1 of %2.</source>
        <translation>Publié comme version %1 de %2.</translation>
    </message>
    <message>
        <source>Reloaded the version on the server.</source>
        <translation>La version du serveur a été rechargée.</translation>
    </message>
    <message>
        <source>Not published: someone else published meanwhile.</source>
        <translation>Non publié : quelqu&apos;un d&apos;autre a publié entre-temps.</translation>
    </message>
    <message>
        <source>Open from server</source>
        <translation>Ouvrir depuis le serveur</translation>
    </message>
    <message>
        <source>%1 (%2, version %3)</source>
        <translation>%1 (%2, version %3)</translation>
    </message>
    <message>
        <source>No venue has a published layout yet.</source>
        <translation>Aucune salle n&apos;a encore de plan publié.</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>Salle :</translation>
    </message>
    <message>
        <source>A new venue...</source>
        <translation>Une nouvelle salle...</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Publish as the next version of:</source>
        <translation>Publier comme prochaine version de :</translation>
    </message>
    <message>
        <source>New venue</source>
        <translation>Nouvelle salle</translation>
    </message>
    <message>
        <source>Venue name:</source>
        <translation>Nom de la salle :</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Ville :</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>Layout properties and price categories...</source>
        <translation>Propriétés du plan et catégories de prix...</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>Renommer...</translation>
    </message>
    <message>
        <source>Use shape as stage</source>
        <translation>Utiliser la forme comme scène</translation>
    </message>
    <message>
        <source>Select a rectangle drawn with the shape tool (S) first.</source>
        <translation>Sélectionnez d&apos;abord un rectangle dessiné avec l&apos;outil forme (S).</translation>
    </message>
    <message>
        <source>Layout properties</source>
        <translation>Propriétés du plan</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Select one section, table, area or shape to rename.</source>
        <translation>Sélectionnez une section, une table, une zone ou une forme à renommer.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Restore draft</source>
        <translation>Restaurer le brouillon</translation>
    </message>
    <message>
        <source>A draft of %1 from %2 has changes that were never saved. Restore them?</source>
        <translation>Un brouillon de %1 du %2 contient des modifications jamais enregistrées. Les restaurer ?</translation>
    </message>
    <message>
        <source>Line up the background image</source>
        <translation>Aligner l&apos;image de fond</translation>
    </message>
    <message>
        <source>Lock background</source>
        <translation>Verrouiller le fond</translation>
    </message>
    <message>
        <source>Choose a background image first (Ctrl+Shift+I).</source>
        <translation>Choisissez d&apos;abord une image de fond (Ctrl+Maj+I).</translation>
    </message>
    <message>
        <source>The background is locked: unlock it with Ctrl+Shift+K to move it.</source>
        <translation>Le fond est verrouillé : déverrouillez-le avec Ctrl+Maj+K pour le déplacer.</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>Bend</source>
        <translation>Courber</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Étirer</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>Espacement</translation>
    </message>
    <message>
        <source>Long table</source>
        <translation>Table longue</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Debout</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Peindre</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Fond</translation>
    </message>
</context>
<context>
    <name>usher::designer::LayoutPropertiesDialog</name>
    <message numerus="yes">
        <source>The price category %1 is still used by %n seats or areas: paint them with another category first.</source>
        <translation>
            <numerusform>La catégorie de prix %1 est encore utilisée par %n siège ou zone : peignez-le d&apos;abord avec une autre catégorie.</numerusform>
            <numerusform>La catégorie de prix %1 est encore utilisée par %n sièges ou zones : peignez-les d&apos;abord avec une autre catégorie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Layout properties</source>
        <translation>Propriétés du plan</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Letters, digits and dashes; the venue&apos;s layouts on the server keep their own id.</source>
        <translation>Lettres, chiffres et tirets ; les plans de la salle sur le serveur gardent leur propre identifiant.</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>&amp;Seat size:</source>
        <translation>&amp;Taille de siège :</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Price categories</source>
        <translation>Catégories de prix</translation>
    </message>
    <message>
        <source>&amp;Add category</source>
        <translation>&amp;Ajouter une catégorie</translation>
    </message>
    <message>
        <source>&amp;Remove category</source>
        <translation>&amp;Retirer la catégorie</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Catégorie %1</translation>
    </message>
</context>
<context>
    <name>usher::designer::LayoutServer</name>
    <message>
        <source>The server sent a layout this app cannot read.</source>
        <translation>Le serveur a envoyé un plan que cette application ne sait pas lire.</translation>
    </message>
</context>
<context>
    <name>usher::sales::Basket</name>
    <message>
        <source>Taken by someone else meanwhile: %1</source>
        <translation>Prises entre-temps par quelqu’un d’autre : %1</translation>
    </message>
</context>
<context>
    <name>usher::sales::BasketPanel</name>
    <message>
        <source>Basket</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Type de billet</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Seats in the basket</source>
        <translation>Places dans le panier</translation>
    </message>
    <message>
        <source>Ticket type for %1</source>
        <translation>Type de billet pour %1</translation>
    </message>
    <message>
        <source>Total: -</source>
        <translation>Total : -</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <source>Paying...</source>
        <translation>Paiement en cours…</translation>
    </message>
    <message>
        <source>Pick seats on the map, or press Ctrl+1 to Ctrl+9.</source>
        <translation>Choisissez des places sur le plan, ou appuyez sur Ctrl+1 à Ctrl+9.</translation>
    </message>
    <message>
        <source>Seats held for %1:%2</source>
        <translation>Places réservées pour %1:%2</translation>
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
    <name>usher::sales::OrderDesk</name>
    <message>
        <source>paid</source>
        <translation>payée</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>partiellement remboursée</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>remboursé</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valable</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>entré</translation>
    </message>
    <message>
        <source>Customer request</source>
        <translation>Demande du client</translation>
    </message>
    <message>
        <source>Performance changed or cancelled</source>
        <translation>Représentation modifiée ou annulée</translation>
    </message>
    <message>
        <source>Wrong seats or ticket type sold</source>
        <translation>Mauvaises places ou mauvais type de billet vendus</translation>
    </message>
    <message>
        <source>Sold twice by mistake</source>
        <translation>Vendu deux fois par erreur</translation>
    </message>
    <message>
        <source>Other (say why in the note)</source>
        <translation>Autre (préciser dans la note)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Représentation</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendus</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Type de billet</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>&amp;Rembourser</translation>
    </message>
    <message>
        <source>Re&amp;print ticket</source>
        <translation>Ré&amp;imprimer le billet</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Order number, customer name or email, then Enter</source>
        <translation>Numéro de commande, nom ou e-mail du client, puis Entrée</translation>
    </message>
    <message>
        <source>Find an order</source>
        <translation>Rechercher une commande</translation>
    </message>
    <message>
        <source>Tickets of the order</source>
        <translation>Billets de la commande</translation>
    </message>
    <message>
        <source>Choose a reason...</source>
        <translation>Choisir un motif…</translation>
    </message>
    <message>
        <source>Refund &amp;reason:</source>
        <translation>&amp;Motif du remboursement :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>Refund the selected tickets, or all valid ones when none is selected</source>
        <translation>Rembourser les billets choisis, ou tous les billets valables si aucun n’est choisi</translation>
    </message>
    <message>
        <source>Choose the reason for the refund.</source>
        <translation>Choisissez le motif du remboursement.</translation>
    </message>
    <message>
        <source>Select the one ticket to reprint.</source>
        <translation>Choisissez le billet à réimprimer.</translation>
    </message>
    <message>
        <source>Type an order number, or part of the customer&apos;s name or email.</source>
        <translation>Saisissez un numéro de commande, ou une partie du nom ou de l’e-mail du client.</translation>
    </message>
    <message>
        <source>No order found.</source>
        <translation>Aucune commande trouvée.</translation>
    </message>
    <message>
        <source>Orders found: %1</source>
        <translation>Commandes trouvées : %1</translation>
    </message>
    <message>
        <source>Find an order, then press Enter on it.</source>
        <translation>Recherchez une commande, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Order %1 · %2 · %3</source>
        <translation>Commande %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Not refunded: %1</source>
        <translation>Non remboursé : %1</translation>
    </message>
    <message>
        <source> in cash</source>
        <translation> en espèces</translation>
    </message>
    <message>
        <source> to the card</source>
        <translation> sur la carte</translation>
    </message>
    <message>
        <source>Refunded %1 (%2). The seats are on sale again.</source>
        <translation>%1 remboursé (%2). Les places sont de nouveau en vente.</translation>
    </message>
    <message>
        <source>Not reprinted: %1</source>
        <translation>Non réimprimé : %1</translation>
    </message>
    <message>
        <source>Reprinted with a new code; the old ticket no longer opens the door.</source>
        <translation>Réimprimé avec un nouveau code ; l’ancien billet n’ouvre plus l’entrée.</translation>
    </message>
</context>
<context>
    <name>usher::sales::TenderDialog</name>
    <message>
        <source>The cash handed over does not cover what is left to pay.</source>
        <translation>Les espèces remises ne couvrent pas le reste à payer.</translation>
    </message>
    <message>
        <source>Enter the card&apos;s amount for a split payment.</source>
        <translation>Saisissez le montant de la carte pour un paiement partagé.</translation>
    </message>
    <message>
        <source>Use one cash amount and the card.</source>
        <translation>Utilisez un seul montant en espèces et la carte.</translation>
    </message>
    <message>
        <source>The card amount must not be more than %1, and alone must pay all of it.</source>
        <translation>Le montant de la carte ne doit pas dépasser %1 et doit, seul, tout payer.</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <source>Amount handed over</source>
        <translation>Montant remis</translation>
    </message>
    <message>
        <source>Cash handed over</source>
        <translation>Espèces remises</translation>
    </message>
    <message>
        <source>&amp;Cash:</source>
        <translation>&amp;Espèces :</translation>
    </message>
    <message>
        <source>Whole amount</source>
        <translation>Montant total</translation>
    </message>
    <message>
        <source>Card amount</source>
        <translation>Montant carte</translation>
    </message>
    <message>
        <source>Card &amp;amount:</source>
        <translation>&amp;Montant carte :</translation>
    </message>
    <message>
        <source>Reference on the terminal&apos;s slip</source>
        <translation>Référence sur le ticket du terminal</translation>
    </message>
    <message>
        <source>Card terminal reference</source>
        <translation>Référence du terminal de paiement</translation>
    </message>
    <message>
        <source>Card &amp;reference:</source>
        <translation>&amp;Référence carte :</translation>
    </message>
    <message>
        <source>Customer (optional, to find the order later)</source>
        <translation>Client (facultatif, pour retrouver la commande)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>Exact cash (F2)</source>
        <translation>Espèces exactes (F2)</translation>
    </message>
    <message>
        <source>All by card (F3)</source>
        <translation>Tout par carte (F3)</translation>
    </message>
    <message>
        <source>Pay (Enter)</source>
        <translation>Payer (Entrée)</translation>
    </message>
    <message>
        <source>The card amount is not an amount.</source>
        <translation>Le montant de la carte n’est pas un montant.</translation>
    </message>
    <message>
        <source>Enter the card terminal&apos;s reference.</source>
        <translation>Saisissez la référence du terminal de paiement.</translation>
    </message>
    <message>
        <source>The cash handed over is not an amount.</source>
        <translation>Les espèces remises ne sont pas un montant.</translation>
    </message>
    <message>
        <source>Enter the cash handed over, or the card&apos;s reference.</source>
        <translation>Saisissez les espèces remises ou la référence de la carte.</translation>
    </message>
    <message>
        <source>Change due: %1</source>
        <translation>Monnaie à rendre : %1</translation>
    </message>
    <message>
        <source>Paid in full by card.</source>
        <translation>Payé entièrement par carte.</translation>
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
<context>
    <name>usher::seatmap::ShortcutSheet</name>
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
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
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
</TS>
