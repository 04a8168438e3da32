package ledger

// Everyday words for the accounts of the chart. A volunteer looks for
// « ascenseur », « ménage » or « assurance », not for « Contrats de
// maintenance » or 614: every account picker (entry form, budget, invoice,
// accounts screen) searches these words beside the official labels. They
// are chart knowledge, so they live here once, beside chart_fr.txt.
//
// Words are written folded (lower case, no accents: what fr.Fold makes of
// what the user types), since ledger imports no other package of ours; a
// test checks it. An account number holds for its subdivisions: the words
// of 614 find 614100 « Contrat ascenseur » as well.
var chartWords = map[string]string{
	"102":  "provisions travaux votes",
	"103":  "avances fonds de roulement",
	"1031": "avance de tresorerie fonds de roulement",
	"105":  "fonds de travaux fonds travaux alur cotisation fonds",
	"120":  "solde travaux en attente",
	"131":  "subvention a recevoir anah",
	"401":  "fournisseur facture a payer prestataire",
	"408":  "facture non parvenue facture attendue",
	"409":  "avoir fournisseur acompte fournisseur",
	"421":  "salaire a payer gardien concierge",
	"431":  "urssaf cotisations sociales",
	"432":  "retraite prevoyance mutuelle caisse de retraite",
	"459":  "impayes douteux contentieux",
	"461":  "debiteur divers a recevoir",
	"462":  "crediteur divers a rembourser",
	"471":  "attente a classer inconnu",
	"472":  "attente a classer inconnu virement non identifie",
	"486":  "charge payee d'avance avance",
	"487":  "produit encaisse d'avance",
	"501":  "placement compte a terme",
	"502":  "placement livret epargne",
	"511":  "cheques a deposer remise de cheques",
	"512":  "banque compte courant compte bancaire",
	"514":  "banque postale ccp",
	"531":  "caisse especes liquide",
	"601":  "eau consommation d'eau compteur d'eau assainissement",
	"602":  "electricite edf courant eclairage lumiere energie",
	"603":  "chauffage gaz fioul fuel combustible energie chaudiere chauffage collectif",
	"604":  "produits d'entretien produits menagers menage ampoules petit materiel quincaillerie",
	"605":  "materiel outillage aspirateur tondeuse equipement",
	"606":  "fournitures papeterie bureau",
	"611":  "menage nettoyage proprete entretien des parties communes societe de nettoyage vitres poubelles ordures conteneurs sortie des poubelles",
	"612":  "location loyer local garage",
	"613":  "location bacs conteneurs poubelles ordures compteurs materiel loue",
	"614":  "ascenseur contrat entretien maintenance chaudiere interphone digicode porte de garage portail vmc ventilation extincteurs securite incendie desinsectisation deratisation espaces verts jardin",
	"615":  "ascenseur entretien reparation depannage plombier plomberie electricien serrurier serrurerie vitrier peinture jardin jardinier espaces verts elagage petits travaux",
	"616":  "assurance multirisque responsabilite civile prime d'assurance assureur",
	"621":  "syndic honoraires de gestion forfait",
	"6211": "syndic honoraires de gestion forfait remuneration du syndic",
	"6212": "debours frais du syndic",
	"6213": "timbres poste affranchissement courrier recommande lettre recommandee",
	"622":  "syndic honoraires",
	"6221": "syndic honoraires travaux",
	"6222": "syndic etat date mutation prestations particulieres",
	"6223": "syndic honoraires",
	"623":  "expert avocat architecte huissier commissaire de justice geometre comptable honoraires",
	"624":  "conseil syndical frais",
	"632":  "taxe de balayage impot",
	"633":  "taxe fonciere impot",
	"634":  "taxe impot ordures redevance enlevement des ordures",
	"641":  "gardien concierge employe d'immeuble personnel salaire loge",
	"642":  "gardien concierge urssaf cotisations charges sociales",
	"643":  "gardien concierge taxe sur les salaires",
	"644":  "gardien concierge medecine du travail mutuelle prevoyance",
	"661":  "emprunt pret annuite credit remboursement",
	"662":  "banque frais bancaires agios commission tenue de compte interets",
	"671":  "travaux gros travaux ravalement toiture renovation vote en assemblee",
	"672":  "travaux urgents urgence fuite",
	"673":  "diagnostic audit dpe etude amiante plomb termites bureau d'etudes plan pluriannuel",
	"674":  "travaux conseil syndical",
	"677":  "perte impaye creance irrecouvrable",
	"678":  "exceptionnel",
	"680":  "depreciation douteux",
	"701":  "appels de fonds provisions budget charges courantes",
	"702":  "appels travaux provisions travaux",
	"705":  "fonds de travaux fonds travaux alur",
	"711":  "subvention anah aide",
	"712":  "emprunt pret",
	"713":  "assurance indemnite sinistre remboursement d'assurance",
	"714":  "produits divers recette location antenne remboursement",
	"716":  "interets livret placement produits financiers",
	"718":  "produit exceptionnel",
}

// AccountWords is the everyday words that find an account, folded: those
// of the longest number of the chart the code subdivides ("614100" takes
// 614's), "" when the chart has none for it.
func AccountWords(code string) string {
	for n := min(len(code), 4); n >= 3; n-- {
		if w, ok := chartWords[code[:n]]; ok {
			return w
		}
	}
	return ""
}
