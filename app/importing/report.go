package importing

import (
	"fmt"
	"strings"

	"tantieme/internal/fr"
)

// SkippedRow is a row left out of the import, with the reason.
type SkippedRow struct {
	Row    int
	Reason string
}

// Report says what an import created (or, in a plan, will create) and
// what it skipped.
type Report struct {
	Kind        Kind
	File        string
	Sheet       string
	Rows        int    // rows read and imported
	Owners      int    // created
	Lots        int    // created
	Shares      int    // lot × key shares written
	Keys        int    // created
	KeysUpdated int    // keys whose declared total changed
	Accounts    int    // accounts added to the chart
	Entries     int    // entries posted
	Lines       int    // their lines
	SafetyCopy  string // the archive of the residence taken just before
	BudgetLines int    // budget lines written
	Notes       []string
	Skipped     []SkippedRow
	Warnings    []*Problem
}

// String writes the report in French, as the CLI prints it.
func (r *Report) String() string {
	var b strings.Builder
	src := r.File
	if r.Sheet != "" {
		src += ", feuille « " + r.Sheet + " »"
	}
	fmt.Fprintf(&b, "Import %s depuis %s : %s.\n", r.Kind.What(), src, fr.Count(r.Rows, "ligne lue", "lignes lues"))
	var made []string
	for _, c := range []struct {
		n          int
		one, other string
	}{
		{r.Owners, "copropriétaire créé", "copropriétaires créés"},
		{r.Lots, "lot créé", "lots créés"},
		{r.Keys, "clé créée", "clés créées"},
		{r.Shares, "tantième enregistré", "tantièmes enregistrés"},
		{r.KeysUpdated, "total de clé mis à jour", "totaux de clés mis à jour"},
		{r.Accounts, "compte ajouté au plan comptable", "comptes ajoutés au plan comptable"},
		{r.Entries, "écriture passée", "écritures passées"},
		{r.Lines, "ligne d'écriture", "lignes d'écritures"},
		{r.BudgetLines, "ligne de budget enregistrée", "lignes de budget enregistrées"},
	} {
		if c.n > 0 {
			made = append(made, fr.Count(c.n, c.one, c.other))
		}
	}
	if len(made) == 0 {
		made = []string{"rien à créer"}
	}
	fmt.Fprintf(&b, "Créé : %s.\n", strings.Join(made, ", "))
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "%s\n", n)
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "Lignes ignorées :\n")
		for _, s := range SkippedRanges(r.Skipped) {
			fmt.Fprintf(&b, "  %s\n", s)
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(&b, "Avertissements :\n")
		for _, w := range r.Warnings {
			fmt.Fprintf(&b, "  %s\n", w.Error())
		}
	}
	return b.String()
}

// What names the kind as it follows « Import » or « l'aperçu »: « des
// copropriétaires ».
func (k Kind) What() string {
	switch k {
	case Owners:
		return "des copropriétaires"
	case Shares:
		return "de la grille des tantièmes"
	case Balance:
		return "de la balance"
	case Entries:
		return "des écritures"
	case Budget:
		return "du budget"
	}
	return string(k)
}

// SkippedRanges writes consecutive rows skipped for the same reason as one
// range: "lignes 30 à 45 : ligne vide".
func SkippedRanges(list []SkippedRow) []string {
	var out []string
	for i := 0; i < len(list); {
		j := i
		for j+1 < len(list) && list[j+1].Reason == list[i].Reason && list[j+1].Row == list[j].Row+1 {
			j++
		}
		if j == i {
			out = append(out, fmt.Sprintf("ligne %d : %s", list[i].Row, list[i].Reason))
		} else {
			out = append(out, fmt.Sprintf("lignes %d à %d : %s", list[i].Row, list[j].Row, list[i].Reason))
		}
		i = j + 1
	}
	return out
}
