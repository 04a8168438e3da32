package registry

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// notGiven is printed for what the profile does not hold yet.
const notGiven = "Non renseigné (Paramètres › Immatriculation)"

// FicheFileName is the fiche's file name in the closing's folder.
func FicheFileName(at time.Time) string { return "Fiche synthétique au " + ledger.ISO(at) + ".pdf" }

// UpdateFileName is the register update's file name in the closing's folder.
func UpdateFileName(ex ledger.Exercise) string {
	return fr.FileName("Registre des copropriétés - mise à jour " + ex.Name() + ".pdf")
}

// WriteFiche draws the fiche synthétique up on day at, writes it at path
// and records it in the document register (binder « Règlement de
// copropriété », seen by every owner).
func WriteFiche(r *app.Residence, path string, at, printed time.Time) (FicheSynthetique, error) {
	fs, err := Fiche(r, at)
	if err != nil {
		return fs, err
	}
	pdf, err := reports.FicheSynthetiquePDF(FicheSheet(fs, printed))
	if err != nil {
		return fs, ledger.Wrap(ledger.Internal, err, "La fiche synthétique n'a pas pu être mise en page")
	}
	return fs, r.WriteDocument(pdf, app.Produced{Path: path, Kind: "fiche_synthetique", Date: at, Exercise: fs.Exercise.ID,
		Title: "Fiche synthétique de la copropriété au " + ledger.FrenchDate(at)})
}

// WriteAnnualUpdate writes the register's annual update of the exercise
// starting in year at path and records it in the document register.
func WriteAnnualUpdate(r *app.Residence, path string, year int, printed time.Time) (RegistryUpdate, error) {
	u, err := AnnualUpdate(r, year)
	if err != nil {
		return u, err
	}
	pdf, err := reports.RegistryUpdatePDF(UpdateSheet(u, printed))
	if err != nil {
		return u, ledger.Wrap(ledger.Internal, err, "La mise à jour du registre n'a pas pu être mise en page")
	}
	return u, r.WriteDocument(pdf, app.Produced{Path: path, Kind: "registre_maj", Date: ledger.Date(printed.Year(), printed.Month(), printed.Day()), Exercise: u.Exercise.ID,
		Title: "Mise à jour annuelle du registre d'immatriculation — exercice " + u.Exercise.Name()})
}

func orNotGiven(s string) string {
	if strings.TrimSpace(s) == "" {
		return notGiven
	}
	return s
}

func dateOrNotGiven(d time.Time) string {
	if d.IsZero() {
		return notGiven
	}
	return ledger.FrenchDate(d)
}

func yesNoFr(b bool) string {
	if b {
		return "Oui"
	}
	return "Non"
}

func postal(res ledger.Residence) string {
	addr := strings.Join(strings.Fields(res.Address), " ")
	town := strings.TrimSpace(res.Zip + " " + res.City)
	switch {
	case addr == "":
		return orNotGiven(town)
	case town == "":
		return addr
	}
	return addr + ", " + town
}

// siret prints the SIRET as INSEE groups it (« 732 829 320 00074 »), or
// the SIREN when only it is known.
func siret(p Profile, siren string) string {
	switch {
	case p.SIRET != "":
		return p.SIRET[:3] + " " + p.SIRET[3:6] + " " + p.SIRET[6:9] + " " + p.SIRET[9:]
	case siren != "":
		return "Pas de SIRET (SIREN " + siren[:3] + " " + siren[3:6] + " " + siren[6:] + ")"
	}
	return "Aucun"
}

// identity is the syndicat's identification, common to both documents.
func identity(res ledger.Residence, p Profile, siren string) reports.FactSection {
	return reports.FactSection{Heading: "Identification du syndicat des copropriétaires", Rows: []reports.Fact{
		{Label: "Nom d'usage", Value: orNotGiven(res.Name)},
		{Label: "Adresse", Value: postal(res)},
		{Label: "Numéro d'immatriculation au registre national", Value: orNotGiven(p.Registration)},
		{Label: "Date du règlement de copropriété", Value: dateOrNotGiven(p.RegulationDate)},
		{Label: "Numéro SIRET", Value: siret(p, siren)},
	}}
}

// financial are the figures of the books, common to both documents.
func financial(f Figures, p Profile) []reports.Fact {
	budget := f.Budget.String()
	if f.BudgetMissing {
		budget = "Aucun budget saisi pour l'exercice"
	}
	return []reports.Fact{
		{Label: "Date de clôture des comptes", Value: ledger.FrenchDate(f.Exercise.End)},
		{Label: "Budget prévisionnel voté (charges)", Value: budget},
		{Label: "Charges pour opérations courantes", Value: f.CurrentCharges.String()},
		{Label: "Charges pour travaux et opérations exceptionnelles (hors budget)", Value: f.OtherCharges.String()},
		{Label: "Dettes fournisseurs", Value: f.Suppliers.String()},
		{Label: "Sommes restant dues par les copropriétaires", Value: f.Unpaid.String()},
		{Label: "Nombre de copropriétaires débiteurs de plus de " + DebtorThreshold.String(), Value: strconv.Itoa(f.Debtors)},
		{Label: "Fonds de travaux (loi 1965 art. 14-2)", Value: f.WorksFund.String()},
		{Label: "Personnel employé par le syndicat", Value: yesNoFr(p.Staff)},
	}
}

// sources say where each figure comes from, so the syndic can check them
// against the annexes the AG was shown.
func sources(f Figures) []string {
	out := []string{
		"Budget voté et charges pour opérations courantes : annexe 3 (colonnes « budget voté » et « réalisé ») ; charges hors budget : dépenses de l'annexe 4 ; " +
			"sommes dues par les copropriétaires : somme de leurs soldes débiteurs après répartition (liste jointe à l'annexe 1, créances douteuses 459 comprises) ; " +
			"dettes fournisseurs : soldes créditeurs des comptes 401 ; fonds de travaux : solde créditeur des comptes 105, à la clôture.",
		"Lots : « habitation, bureaux ou commerces » d'après leur type ou leur désignation (appartement, local commercial, bureau…), les autres à part (caves, parkings…).",
	}
	if f.Provisional {
		out = append(out, "PROJET : l'exercice "+f.Exercise.Name()+" n'est pas clôturé ; les chiffres sont ceux de la projection de sa clôture.")
	}
	return out
}

// FicheSheet lays the fiche synthétique out as décret n° 2016-1822 lists
// its content.
func FicheSheet(fs FicheSynthetique, printed time.Time) reports.FactSheet {
	p := fs.Profile
	f := fs.Figures
	buildings := strconv.Itoa(fs.Buildings)
	if p.Buildings == 0 {
		buildings += " (d'après les bâtiments des lots)"
	}
	if fs.Buildings == 0 {
		buildings = notGiven
	}
	return reports.FactSheet{
		Residence: fs.Residence.Name,
		Title:     "Fiche synthétique de la copropriété",
		Subtitle:  "Établie le " + ledger.FrenchDate(fs.At),
		Intro: []string{fmt.Sprintf("Établie par le syndic (loi n° 65-557 du 10 juillet 1965, art. 8-2 ; décret n° 2016-1822 du 21 décembre 2016). "+
			"Les données financières sont celles du dernier exercice clos, l'exercice %s (du %s au %s).",
			f.Exercise.Name(), ledger.FrenchDate(f.Exercise.Start), ledger.FrenchDate(f.Exercise.End))},
		Sections: []reports.FactSection{
			identity(fs.Residence, p, fs.SIREN),
			{Heading: "Représentant légal", Rows: []reports.Fact{
				{Label: "Syndic", Value: orNotGiven(fs.Residence.SyndicName)},
				{Label: "Adresse du syndic", Value: orNotGiven(strings.Join(strings.Fields(fs.Residence.SyndicAddress), " "))},
				{Label: "Nature", Value: Label(SyndicKinds, p.Syndic)},
			}},
			{Heading: "Organisation juridique", Rows: []reports.Fact{
				{Label: "Syndicat principal ou secondaire", Value: Label(Structures, p.Structure)},
				{Label: "Résidence-services", Value: yesNoFr(p.ServiceResidence)},
			}},
			{Heading: "Caractéristiques techniques", Rows: []reports.Fact{
				{Label: "Nombre total de lots", Value: strconv.Itoa(f.Lots)},
				{Label: "dont lots à usage d'habitation, de bureaux ou de commerces", Value: strconv.Itoa(f.MainLots)},
				{Label: "dont autres lots (caves, parkings…)", Value: strconv.Itoa(f.OtherLots)},
				{Label: "Nombre de bâtiments", Value: buildings},
				{Label: "Période de construction", Value: choiceOrNotGiven(Periods, p.Construction)},
				{Label: "Chauffage", Value: choiceOrNotGiven(Heatings, p.Heating)},
				{Label: "Nombre d'ascenseurs", Value: strconv.Itoa(p.Lifts)},
				{Label: "Nombre de copropriétaires", Value: strconv.Itoa(f.Owners)},
			}},
			{Heading: "Caractéristiques financières — exercice " + f.Exercise.Name(), Rows: financial(f, p)},
		},
		Notes:       sources(f),
		Printed:     printed,
		Fingerprint: f.Fingerprint,
	}
}

func choiceOrNotGiven(choices []Choice, code string) string {
	if code == "" {
		return notGiven
	}
	return Label(choices, code)
}

// UpdateSheet lays the register's annual update out: when it is due, then
// the figures to declare.
func UpdateSheet(u RegistryUpdate, printed time.Time) reports.FactSheet {
	f := u.Figures
	rows := financial(f, u.Profile)
	total := reports.Fact{Label: "Total des charges de l'exercice", Value: f.Charges().String(), Strong: true}
	rows = append(rows[:4:4], append([]reports.Fact{total}, rows[4:]...)...)
	rows = append(rows,
		reports.Fact{Label: "Nombre de lots", Value: strconv.Itoa(f.Lots)},
		reports.Fact{Label: "dont lots à usage d'habitation, de bureaux ou de commerces", Value: strconv.Itoa(f.MainLots)},
		reports.Fact{Label: "Nombre de copropriétaires", Value: strconv.Itoa(f.Owners)})
	return reports.FactSheet{
		Residence: u.Residence.Name,
		Title:     "Registre des copropriétés : mise à jour annuelle",
		Subtitle:  "Exercice " + f.Exercise.Name(),
		Intro: []string{fmt.Sprintf("Données financières de l'exercice %s (du %s au %s), dont les comptes ont été approuvés par l'assemblée générale du %s. "+
			"Le syndic les déclare au registre national d'immatriculation des copropriétés dans les deux mois qui suivent cette assemblée "+
			"(code de la construction et de l'habitation, art. L.711-2 et R.711-5 ; arrêté du 10 octobre 2016).",
			f.Exercise.Name(), ledger.FrenchDate(f.Exercise.Start), ledger.FrenchDate(f.Exercise.End), ledger.FrenchDate(u.Approved))},
		Sections: []reports.FactSection{
			{Heading: "Échéance", Rows: []reports.Fact{
				{Label: "Comptes approuvés par l'assemblée générale du", Value: ledger.FrenchDate(u.Approved)},
				{Label: "Mise à jour à déclarer au plus tard le", Value: ledger.FrenchDate(u.Due), Strong: true},
			}},
			identity(u.Residence, u.Profile, u.Residence.SIREN),
			{Heading: "Données financières de l'exercice " + f.Exercise.Name(), Rows: rows},
		},
		Notes:       sources(f),
		Printed:     printed,
		Fingerprint: f.Fingerprint,
	}
}
