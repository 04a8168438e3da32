package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// advanceJSON is one owner's advance on one account (advances --json).
type advanceJSON struct {
	Owner   string `json:"owner"`
	Name    string `json:"name"`
	Account string `json:"account"`
	Called  string `json:"called"`
	Repaid  string `json:"repaid"`
	Balance string `json:"balance"`
}

func init() {
	commands["advances"] = command{
		usage: "advances FICHIER [--owner 450xxx] [--at AAAA-MM-JJ] [--json] | --repay --owner 450xxx --date AAAA-MM-JJ [--amount X] [--account 103xxx]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			owner := fs.String("owner", "", "le copropriétaire (compte 450xxx)")
			at := fs.String("at", "", "avances à cette date (par défaut toutes)")
			asJSON := fs.Bool("json", false, "sortie JSON")
			repay := fs.Bool("repay", false, "rembourse l'avance du copropriétaire (103 au débit, 450 au crédit)")
			date := fs.String("date", "", "date du remboursement")
			amount := fs.String("amount", "", "montant remboursé (par défaut tout son solde d'avance)")
			account := fs.String("account", "", "compte d'avances remboursé quand il en a plusieurs")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *repay {
					switch {
					case *owner == "" || *date == "":
						return usagef("--repay demande --owner et --date")
					case *asJSON || *at != "":
						return usagef("--json et --at valent pour la liste des avances, pas pour --repay")
					}
					return repayAdvance(pos[0], *owner, *account, *date, *amount, out)
				}
				if *date != "" || *amount != "" || *account != "" {
					return usagef("--date, --amount et --account accompagnent --repay")
				}
				var day time.Time
				if *at != "" {
					var err error
					if day, err = ledger.ParseDate(*at); err != nil {
						return err
					}
				}
				r, err := app.OpenReadOnly(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				list, err := r.Advances(*owner, day)
				if err != nil {
					return err
				}
				if *asJSON {
					docs := make([]advanceJSON, 0, len(list))
					for _, b := range list {
						docs = append(docs, advanceJSON{Owner: b.Owner, Name: b.Name, Account: b.Account, Called: b.Called.Plain(),
							Repaid: b.Repaid.Plain(), Balance: b.Balance().Plain()})
					}
					return writeJSON(out, docs)
				}
				t := newTable([]string{"Compte", "Nom", "Avance", "Appelé", "Remboursé", "Solde"}, 3, 4, 5)
				var total ledger.Amount
				for _, b := range list {
					t.add(b.Owner, b.Name, b.Account, b.Called.String(), b.Repaid.String(), b.Balance().String())
					total += b.Balance()
				}
				t.add("", "Total", "", "", "", total.String())
				return t.write(out)
			}
		},
	}
}

func repayAdvance(file, owner, account, day, amount string, out io.Writer) error {
	d, err := ledger.ParseDate(day)
	if err != nil {
		return err
	}
	var a ledger.Amount
	if amount != "" {
		if a, err = ledger.ParseAmount(amount); err != nil {
			return err
		}
		if a <= 0 {
			return ledger.Errorf(ledger.Invalid, "--amount : le montant remboursé doit être positif")
		}
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	e, err := r.RepayAdvance(owner, account, d, a)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Avance de %s remboursée : %s au %s (pièce %s, compte %s débité).\n", owner, e.Lines[0].Debit, ledger.FrenchDate(e.Date), e.Piece, e.Lines[0].Account)
	return nil
}
