package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"tantieme/app"
	"tantieme/app/debits"
	"tantieme/ledger"
	"tantieme/sepa"
)

// debitsJSON is the output of `debits --json` (contract: README, issue 18).
type debitsJSON struct {
	Date     string          `json:"date"`
	Bank     string          `json:"bank"`
	File     string          `json:"file"`
	MsgID    string          `json:"msg_id"`
	Schema   string          `json:"schema"`
	Count    int             `json:"count"`
	Total    string          `json:"total"`
	Debits   []debitJSON     `json:"debits"`
	Skipped  []debitSkipJSON `json:"skipped"`
	Warnings []string        `json:"warnings"`
}

type debitJSON struct {
	Owner    string `json:"owner"`
	Name     string `json:"name"`
	Amount   string `json:"amount"`
	Sequence string `json:"sequence"`
	RUM      string `json:"rum"`
	EndToEnd string `json:"end_to_end"`
	Piece    string `json:"piece"`
}

type debitSkipJSON struct {
	Owner  string `json:"owner"`
	Reason string `json:"reason"`
}

func init() {
	commands["mandate"] = command{
		usage: "mandate FICHIER --owner 450xxx --iban IBAN [--bic BIC] --rum RUM --signed AAAA-MM-JJ [--revoke]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			owner := fs.String("owner", "", "compte du copropriétaire (450xxx)")
			iban := fs.String("iban", "", "IBAN du compte débité")
			bic := fs.String("bic", "", "BIC de sa banque (facultatif)")
			rum := fs.String("rum", "", "référence unique du mandat (RUM) ; « auto » la fait proposer")
			signed := fs.String("signed", "", "date de signature (avec --revoke : date de révocation)")
			revoke := fs.Bool("revoke", false, "révoque le mandat en vigueur du copropriétaire à la date --signed")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				switch {
				case *owner == "":
					return usagef("--owner est obligatoire")
				case *signed == "":
					return usagef("--signed est obligatoire")
				case *revoke && (*iban != "" || *bic != "" || *rum != ""):
					return usagef("--revoke ne prend que --owner et --signed")
				case !*revoke && *iban == "":
					return usagef("--iban est obligatoire")
				case !*revoke && *rum == "":
					return usagef("--rum est obligatoire (« auto » pour la faire proposer)")
				}
				d, err := ledger.ParseDate(*signed)
				if err != nil {
					return err
				}
				r, err := app.Open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				if *revoke {
					m, err := r.RevokeMandate(strings.TrimSpace(*owner), d)
					if err != nil {
						return err
					}
					fmt.Fprintf(out, "Mandat %s de %s révoqué le %s.\n", m.RUM, m.Owner, ledger.FrenchDate(d))
					return nil
				}
				m := ledger.Mandate{Owner: strings.TrimSpace(*owner), IBAN: *iban, BIC: *bic, RUM: *rum, Signed: d}
				if strings.EqualFold(m.RUM, "auto") {
					m.RUM = ""
				}
				if err := r.AddMandate(&m); err != nil {
					return err
				}
				fmt.Fprintf(out, "Mandat %s de %s enregistré : IBAN %s, signé le %s ; premier prélèvement en %s.\n",
					m.RUM, m.Owner, m.IBAN, ledger.FrenchDate(m.Signed), m.Sequence())
				return nil
			}
		},
	}
	commands["debits"] = command{
		usage: "debits FICHIER --date AAAA-MM-JJ --sepa CHEMIN [--bank 512xxx] [--version pain.008.001.02] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			date := fs.String("date", "", "date du prélèvement (échéance) : les appels échus à cette date")
			path := fs.String("sepa", "", "dossier (ou fichier .xml) où écrire le fichier pain.008")
			bank := fs.String("bank", "", "compte bancaire crédité, avec l'ICS (par défaut le compte courant qui en a un)")
			version := fs.String("version", "", "pain.008.001.08 (par défaut) ou pain.008.001.02")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				switch {
				case *date == "":
					return usagef("--date est obligatoire")
				case *path == "":
					return usagef("--sepa est obligatoire")
				}
				return runDebits(pos[0], *date, *path, *bank, sepa.Version(*version), *asJSON, out)
			}
		},
	}
	commands["debits-return"] = command{
		usage: "debits-return FICHIER --date AAAA-MM-JJ (--e2e RÉFÉRENCE | --owner 450xxx --amount MONTANT) --reason AC04|AM04|MD01|MS02… [--fee MONTANT]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			var in debits.ReturnInput
			date := fs.String("date", "", "date du rejet sur le relevé")
			fs.StringVar(&in.EndToEnd, "e2e", "", "référence de bout en bout du prélèvement rejeté")
			fs.StringVar(&in.Owner, "owner", "", "compte du copropriétaire (sans --e2e)")
			amount := fs.String("amount", "", "montant du prélèvement rejeté (sans --e2e)")
			fs.StringVar(&in.Reason, "reason", "", "code du motif de rejet (AC04, AM04, MD01, MS02…)")
			fee := fs.String("fee", "", "frais d'impayé portés au compte du copropriétaire")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *date == "" {
					return usagef("--date est obligatoire")
				}
				var err error
				if in.Date, err = ledger.ParseDate(*date); err != nil {
					return err
				}
				if *amount != "" {
					if in.Amount, err = ledger.ParseAmount(*amount); err != nil {
						return err
					}
				}
				if *fee != "" {
					if in.Fee, err = ledger.ParseAmount(*fee); err != nil {
						return err
					}
				}
				r, err := app.Open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				res, err := debits.Return(r, in)
				if err != nil {
					return err
				}
				fmt.Fprintf(out, "Prélèvement %s de %s (%s) rejeté le %s : règlement contre-passé", res.Debit.EndToEnd, res.Debit.Account, res.Debit.Amount, ledger.FrenchDate(in.Date))
				if in.Fee > 0 {
					fmt.Fprintf(out, ", frais de %s portés à son compte", in.Fee)
				}
				fmt.Fprintf(out, ". Solde : %s.\n", balanceFR(res.Bounce.Balance))
				if res.Mandate.Flagged() {
					fmt.Fprintf(out, "Attention : %d prélèvements rejetés sur le mandat %s ; vérifiez avec le copropriétaire avant de le prélever à nouveau.\n", res.Mandate.Returns, res.Mandate.RUM)
				}
				return nil
			}
		},
	}
}

func runDebits(file, date, path, bank string, v sepa.Version, asJSON bool, out io.Writer) error {
	d, err := ledger.ParseDate(date)
	if err != nil {
		return err
	}
	opt := debits.Options{Version: v, Folder: path}
	// A path that is not a folder names the file itself.
	if st, err := os.Stat(path); (err != nil || !st.IsDir()) && strings.EqualFold(filepath.Ext(path), ".xml") {
		opt.Folder, opt.Name = filepath.Dir(path), filepath.Base(path)
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	b, err := debits.Plan(r, d, strings.TrimSpace(bank))
	if err != nil {
		return err
	}
	res, err := debits.Post(r, b, opt)
	if err != nil && res.File.ID == 0 {
		return err
	}
	// err != nil here: posted and recorded, but not written; said after
	// what was posted.
	b = res.Batch
	j := debitsJSON{Date: ledger.ISO(d), Bank: b.Bank.Account, File: res.Path, MsgID: res.File.MsgID, Schema: res.File.Schema,
		Count: len(b.Lines), Total: b.Total.Plain(), Debits: []debitJSON{}, Skipped: []debitSkipJSON{}, Warnings: b.Warnings}
	if j.Warnings == nil {
		j.Warnings = []string{}
	}
	for i, l := range b.Lines {
		j.Debits = append(j.Debits, debitJSON{Owner: l.Owner.Account, Name: l.Owner.Name, Amount: l.Amount.Plain(), Sequence: l.Sequence,
			RUM: l.Mandate.RUM, EndToEnd: res.File.Payments[i].EndToEnd, Piece: res.Receipts[i].Receipt.Piece})
	}
	for _, s := range b.Skipped {
		j.Skipped = append(j.Skipped, debitSkipJSON{Owner: s.Owner.Account, Reason: s.Reason})
	}
	if asJSON {
		if perr := printJSON(out, j); perr != nil {
			return perr
		}
		return err
	}
	fmt.Fprintf(out, "Prélèvements du %s sur %s : %d copropriétaire(s), %s.\n", ledger.FrenchDate(d), b.Bank.Account, len(b.Lines), b.Total)
	for _, x := range j.Debits {
		amount, _ := ledger.ParseAmount(x.Amount)
		fmt.Fprintf(out, "  %s %-30s %14s  %s  %s  %s\n", x.Owner, x.Name, amount, x.Sequence, x.RUM, x.Piece)
	}
	for _, s := range b.Skipped {
		fmt.Fprintf(out, "Non prélevé : %s %s : %s.\n", s.Owner.Account, s.Owner.Name, s.Reason)
	}
	for _, w := range b.Warnings {
		fmt.Fprintf(out, "Attention : %s.\n", w)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Fichier %s (%s) écrit : %s\n", res.File.Schema, res.File.MsgID, res.Path)
	return nil
}
