package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"tantieme/app"
	"tantieme/ledger"
)

// chequeJSON is one cheque of `cheques --list --json`.
type chequeJSON struct {
	ID       int64  `json:"id"`
	Owner    string `json:"owner"`
	Name     string `json:"name"`
	Series   int64  `json:"series"`
	Date     string `json:"date"`
	Number   string `json:"number"`
	Amount   string `json:"amount"`
	Received bool   `json:"received"`
	Entry    int64  `json:"entry"`
}

func init() {
	commands["cheques"] = command{
		usage: "cheques FICHIER --owner 450xxx --amount MONTANT --first AAAA-MM-JJ [--number N] --count K | cheques FICHIER --list [--owner 450xxx] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			owner := fs.String("owner", "", "compte du copropriétaire (450xxx)")
			amount := fs.String("amount", "", "montant de chaque chèque")
			first := fs.String("first", "", "date du premier chèque (les suivants : le même jour des mois suivants)")
			number := fs.String("number", "", "numéro du premier chèque (0 ou rien s'il est inconnu)")
			count := fs.Int("count", 0, "nombre de chèques")
			list := fs.Bool("list", false, "liste les chèques remis d'avance")
			asJSON := fs.Bool("json", false, "sortie JSON (avec --list)")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *list {
					if *amount != "" || *first != "" || *number != "" || *count != 0 {
						return usagef("--list ne se combine qu'avec --owner et --json")
					}
					return listCheques(pos[0], strings.TrimSpace(*owner), *asJSON, out)
				}
				switch {
				case *asJSON:
					return usagef("--json ne va qu'avec --list")
				case *owner == "":
					return usagef("--owner est obligatoire")
				case *amount == "":
					return usagef("--amount est obligatoire")
				case *first == "":
					return usagef("--first est obligatoire")
				case *count == 0:
					return usagef("--count est obligatoire")
				}
				return addCheques(pos[0], *owner, *amount, *first, *number, *count, out)
			}
		},
	}
}

func addCheques(file, owner, amount, first, number string, count int, out io.Writer) error {
	a, err := ledger.ParseAmount(amount)
	if err != nil {
		return err
	}
	d, err := ledger.ParseDate(first)
	if err != nil {
		return err
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	list, err := r.AddChequeSeries(ledger.ChequeSeries{Owner: strings.TrimSpace(owner), Amount: a, First: d, Number: number, Count: count})
	if err != nil {
		return err
	}
	last := list[len(list)-1]
	fmt.Fprintf(out, "Série n° %d de %s : %s de %s, du %s au %s.\n", list[0].Series, list[0].Owner, nounFR(len(list), "chèque", "chèques"),
		a, ledger.FrenchDate(list[0].Date), ledger.FrenchDate(last.Date))
	return nil
}

func listCheques(file, owner string, asJSON bool, out io.Writer) error {
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	list, err := r.ExpectedCheques(ledger.ExpectedChequeFilter{Owner: owner})
	if err != nil {
		return err
	}
	if asJSON {
		rows := []chequeJSON{}
		for _, c := range list {
			rows = append(rows, chequeJSON{ID: c.ID, Owner: c.Owner, Name: c.OwnerName, Series: c.Series, Date: ledger.ISO(c.Date),
				Number: c.Number, Amount: c.Amount.Plain(), Received: c.Received(), Entry: c.ReceiptEntry})
		}
		return writeJSON(out, rows)
	}
	if len(list) == 0 {
		fmt.Fprintln(out, "Aucun chèque remis d'avance.")
		return nil
	}
	t := newTable([]string{"N°", "Série", "Date", "Copropriétaire", "N° de chèque", "Montant", "État"}, 5)
	for _, c := range list {
		state := "à remettre"
		if c.Received() {
			state = "encaissé (écriture " + strconv.FormatInt(c.ReceiptEntry, 10) + ")"
		}
		t.add(strconv.FormatInt(c.ID, 10), strconv.FormatInt(c.Series, 10), ledger.FrenchDate(c.Date), c.OwnerName+" ("+c.Owner+")", c.Number, c.Amount.String(), state)
	}
	return t.write(out)
}
