package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

func init() {
	commands["close"] = command{
		usage: "close FICHIER --year N [--preview] [--owners-at AAAA-MM-JJ]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "exercice commençant en N (par défaut l'exercice en cours)")
			preview := fs.Bool("preview", false, "montre les contrôles et la répartition sans rien enregistrer")
			ownersAt := fs.String("owners-at", "", "date des propriétaires qui reçoivent la régularisation (par défaut aujourd'hui)")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				var opt closing.Options
				if *ownersAt != "" {
					d, err := ledger.ParseDate(*ownersAt)
					if err != nil {
						return err
					}
					opt.OwnersAt = d
				}
				return runClose(pos[0], *year, *preview, opt, out)
			}
		},
	}
}

func runClose(file string, year int, preview bool, opt closing.Options, out io.Writer) error {
	open := app.Open
	if preview {
		open = app.OpenReadOnly
	}
	r, err := open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	ex, err := r.ExerciseOfYear(year)
	if err != nil {
		return err
	}
	plan, err := closing.Prepare(r, ex, opt)
	if err != nil {
		return err
	}
	if preview {
		printClosing(out, plan)
		return nil
	}
	if err := plan.Err(); err != nil {
		return err
	}
	res, err := closing.Post(r, plan)
	if err != nil {
		return err
	}
	for _, w := range plan.Warnings() {
		fmt.Fprintf(out, "Attention : %s\n", w)
	}
	fmt.Fprintf(out, "Exercice %s clôturé : %s au %s, régularisation de %s répartie entre %s ; exercice en cours : %s.\n",
		ex.Name(), fr.Count(len(res.Entries), "écriture passée", "écritures passées"), ledger.FrenchDate(ex.End),
		res.Regularisation, fr.Count(res.Owners, "copropriétaire", "copropriétaires"), res.Next.Name())
	return nil
}

// printClosing shows a closing plan: checks, what each key distributes,
// each owner's régularisation and the entries.
func printClosing(out io.Writer, p *closing.Plan) {
	fmt.Fprintf(out, "Aperçu de la clôture de l'exercice %s (rien n'est enregistré) — régularisations attribuées aux propriétaires du %s\n",
		p.Exercise.Name(), ledger.FrenchDate(p.OwnersAt))
	for _, pr := range p.Problems {
		if pr.Blocking {
			fmt.Fprintf(out, "Bloquant : %s\n", pr.Text)
		} else {
			fmt.Fprintf(out, "Attention : %s\n", pr.Text)
		}
	}
	fmt.Fprintln(out)
	t := newTable([]string{"Section", "Clé", "Tantièmes", "Charges", "Produits", "Charges nettes", "Provisions"}, 2, 3, 4, 5, 6)
	for _, s := range p.Sections {
		for _, k := range s.Keys {
			t.add(s.Label, strings.TrimSpace(k.Key+" "+k.Label), fr.Shares(k.TotalShares), k.Charges.Format(), k.Income.Format(),
				k.Net().Format(), k.Provisions.Format())
		}
	}
	t.add("Total", "", "", "", "", p.NetCharges.Format(), p.Provisions.Format())
	t.write(out)
	fmt.Fprintln(out)
	for _, w := range p.Pending {
		if len(w.Accounts) == 0 {
			continue
		}
		fmt.Fprintf(out, "Travaux %s non terminés : %s de dépenses et %s de provisions et produits portés au 120%s, repris le %s.\n",
			w.Works.Code, w.Charges, w.Income, w.Works.Code, ledger.FrenchDate(p.Next.Start))
	}
	o := newTable([]string{"Compte", "Copropriétaire", "Lots", "Quote-part", "Provisions", "Régularisation", "Solde avant", "Solde après"}, 3, 4, 5, 6, 7)
	for _, ow := range p.Owners {
		o.add(ow.Account, ow.Name, strings.Join(ow.Lots, ", "), ow.Charges.Format(), ow.Provisions.Format(), ow.Regularisation.Format(),
			ow.BalanceBefore.Format(), ow.BalanceAfter.Format())
	}
	o.add("", "Total", "", p.NetCharges.Format(), p.Provisions.Format(), p.Regularisation.Format(), "", "")
	o.write(out)
	fmt.Fprintln(out)
	e := newTable([]string{"Journal", "Date", "Écriture", "Lignes", "Montant"}, 3, 4)
	for _, en := range p.Entries {
		d, _ := en.Totals()
		e.add(en.Journal, ledger.FrenchDate(en.Date), en.Label, fmt.Sprint(len(en.Lines)), d.Format())
	}
	e.write(out)
}
