package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// recoveryJSON is an owner's recovery file.
type recoveryJSON struct {
	Owner    string             `json:"owner"`
	Name     string             `json:"name"`
	At       string             `json:"at"`
	Balance  string             `json:"balance"`
	Doubtful string             `json:"doubtful"`
	State    string             `json:"state"` // « en cours » or « soldé »
	Steps    []recoveryStepJSON `json:"steps"`
	Next     recoveryNextJSON   `json:"next"`
}

type recoveryStepJSON struct {
	Kind         string `json:"kind"` // reminder, notice, acceleration, cost, doubtful
	Date         string `json:"date"`
	Amount       string `json:"amount"`
	Label        string `json:"label"`
	LetterNumber string `json:"letter_number,omitempty"`
	Received     string `json:"received,omitempty"`
	Unclaimed    bool   `json:"unclaimed,omitempty"`
	Entry        int64  `json:"entry,omitempty"`
}

type recoveryNextJSON struct {
	Kind   string `json:"kind"` // "", notice, service, wait, acceleration, dossier
	Date   string `json:"date"`
	Reason string `json:"reason"`
}

type recoveryArgs struct {
	owner, date, amount, label, account, key, number, out string
	unclaimed, asJSON                                     bool
	year                                                  int
}

func init() {
	commands["recovery"] = command{
		usage: "recovery FICHIER [--at AAAA-MM-JJ] [--json] | recovery FICHIER notice --owner 450xxx --date D [--number N] [--out PDF] | " +
			"recovery FICHIER receipt --owner 450xxx --date D [--unclaimed] [--number N] | recovery FICHIER accelerate --owner 450xxx --date D | " +
			"recovery FICHIER cost --owner 450xxx --amount X --date D --label L [--account 6xxxxx] [--key K] | recovery FICHIER dossier --owner 450xxx --out PDF [--at D] | " +
			"recovery FICHIER doubtful --owner 450xxx --year N [--amount PROVISION]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			var a recoveryArgs
			fs.StringVar(&a.owner, "owner", "", "compte du copropriétaire (450xxx)")
			fs.StringVar(&a.date, "date", "", "date de l'étape (envoi, réception, exigibilité, frais)")
			at := fs.String("at", "", "date à laquelle lire les dossiers (par défaut la dernière écriture)")
			fs.StringVar(&a.amount, "amount", "", "montant des frais")
			fs.StringVar(&a.label, "label", "", "nature des frais (« Lettre recommandée du … »)")
			fs.StringVar(&a.account, "account", "", "compte de charges où les frais ont été payés (par défaut "+ledger.RecoveryCostAccount+")")
			fs.StringVar(&a.key, "key", "", "clé de ces charges (par défaut "+ledger.GeneralKey+")")
			fs.StringVar(&a.number, "number", "", "numéro de la lettre recommandée")
			fs.StringVar(&a.out, "out", "", "fichier PDF à écrire (par défaut dans le dossier des documents, sous-dossier "+app.FolderRecovery+")")
			fs.BoolVar(&a.unclaimed, "unclaimed", false, "la lettre est revenue « non réclamée » : --date est celle de sa première présentation")
			fs.BoolVar(&a.asJSON, "json", false, "sortie JSON")
			fs.IntVar(&a.year, "year", 0, "exercice dont la clôture passe la dette en créance douteuse")
			return func(pos []string, out io.Writer) error {
				if len(pos) == 0 {
					return usagef("un fichier de résidence (.copro) attendu")
				}
				if len(pos) == 1 {
					return listRecovery(pos[0], *at, a.asJSON, out)
				}
				if len(pos) != 2 {
					return usagef("recovery FICHIER ÉTAPE : une seule étape à la fois")
				}
				if a.owner == "" {
					return usagef("--owner est obligatoire")
				}
				if a.date == "" && pos[1] != "dossier" && pos[1] != "doubtful" {
					return usagef("--date est obligatoire")
				}
				if pos[1] == "dossier" && a.date == "" {
					a.date = *at
				}
				return recoveryStep(pos[0], pos[1], a, out)
			}
		},
	}
}

func listRecovery(file, at string, asJSON bool, out io.Writer) error {
	var day time.Time
	if at != "" {
		var err error
		if day, err = ledger.ParseDate(at); err != nil {
			return err
		}
	}
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	files, err := r.RecoveryFiles(day)
	if err != nil {
		return err
	}
	if asJSON {
		list := make([]recoveryJSON, 0, len(files))
		for _, f := range files {
			j := recoveryJSON{Owner: f.Owner, Name: f.Name, At: ledger.ISO(f.At), Balance: f.Balance.Plain(), Doubtful: f.Doubtful.Plain(),
				State: string(f.State), Steps: []recoveryStepJSON{},
				Next: recoveryNextJSON{Kind: string(f.Next.Kind), Date: ledger.ISO(f.Next.Date), Reason: f.Next.Reason}}
			for _, s := range f.Steps {
				j.Steps = append(j.Steps, recoveryStepJSON{Kind: string(s.Kind), Date: ledger.ISO(s.Date), Amount: s.Amount.Plain(), Label: s.Label,
					LetterNumber: s.LetterNumber, Received: ledger.ISO(s.Received), Unclaimed: s.Unclaimed, Entry: s.EntryID})
			}
			list = append(list, j)
		}
		return printJSON(out, list)
	}
	if len(files) == 0 {
		fmt.Fprintln(out, "Aucun dossier de recouvrement : une relance ou une mise en demeure en ouvre un (« recovery FICHIER notice --owner 450xxx --date D »).")
		return nil
	}
	for _, f := range files {
		fmt.Fprintf(out, "%s %s – %s, doit %s au %s\n", f.Owner, f.Name, f.State, f.Owed(), ledger.FrenchDate(f.At))
		for _, s := range f.Steps {
			amount := ""
			if s.Amount != 0 {
				amount = " – " + s.Amount.String()
			}
			fmt.Fprintf(out, "  %s  %s%s\n", ledger.FrenchDate(s.Date), app.RecoveryStepText(s), amount)
		}
		if f.Next.Reason != "" {
			fmt.Fprintf(out, "  Étape suivante : %s\n", f.Next.Reason)
		}
	}
	return nil
}

func recoveryStep(file, step string, a recoveryArgs, out io.Writer) error {
	var day time.Time
	if a.date != "" {
		var err error
		if day, err = ledger.ParseDate(a.date); err != nil {
			return err
		}
	}
	owner := strings.TrimSpace(a.owner)
	var amount ledger.Amount
	switch step {
	case "notice", "receipt", "accelerate", "dossier":
	case "doubtful":
		if a.year == 0 {
			return usagef("recovery doubtful : --year est obligatoire")
		}
		if a.amount != "" {
			var err error
			if amount, err = ledger.ParseAmount(a.amount); err != nil {
				return err
			}
		}
	case "cost":
		if a.amount == "" || a.label == "" {
			return usagef("recovery cost : --amount et --label sont obligatoires")
		}
		var err error
		if amount, err = ledger.ParseAmount(a.amount); err != nil {
			return err
		}
	default:
		return usagef("« %s » : notice, receipt, accelerate, cost, dossier ou doubtful attendu", step)
	}
	if step == "dossier" && a.out == "" {
		return usagef("recovery dossier : --out est obligatoire")
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	switch step {
	case "notice":
		res, err := r.SendFormalNotice(app.FormalNoticeOptions{Owner: owner, Date: day, Number: a.number, Path: a.out})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "Mise en demeure du %s enregistrée pour %s (%s dus) : %s. Envoyez-la en recommandé avec accusé de réception, puis indiquez sa réception (« recovery FICHIER receipt »).\n",
			ledger.FrenchDate(day), owner, res.Amount, res.Path)
	case "receipt":
		n, err := r.RecordFormalNoticeService(owner, day, a.unclaimed, a.number)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s Exigibilité anticipée possible à partir du %s (loi 1965 art. 19-2).\n", app.RecoveryStepText(n), ledger.FrenchDate(n.AccelerationFrom()))
	case "accelerate":
		acc, err := r.Accelerate(owner, day)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "Provisions restantes de l'exercice %s exigées de %s au %s : %s (", acc.Exercise.Name(), acc.Name, ledger.FrenchDate(day), acc.Total)
		for i, k := range acc.Keys {
			if i > 0 {
				fmt.Fprint(out, ", ")
			}
			fmt.Fprintf(out, "clé %s %s", k.Key, k.Amount)
		}
		fmt.Fprintln(out, ") ; les appels suivants du budget ne lui demandent plus rien.")
	case "cost":
		e, err := r.ChargeRecoveryCost(app.RecoveryCost{Owner: owner, Date: day, Amount: amount, Label: a.label, Account: strings.TrimSpace(a.account), Key: strings.TrimSpace(a.key)})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "Frais de recouvrement de %s portés au seul compte %s le %s (écriture n° %d, repris du compte %s).\n", amount, owner, ledger.FrenchDate(day), e.ID, e.Lines[1].Account)
	case "doubtful":
		return acceptDoubtful(r, owner, a, amount, out)
	case "dossier":
		path, err := r.WriteRecoveryDossier(owner, a.out, day)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "Dossier d'injonction de payer écrit : %s.\n", path)
	}
	return nil
}

// acceptDoubtful posts the owner's debt as doubtful at the end of
// exercise --year, with a provision of the whole debt unless --amount says
// less.
func acceptDoubtful(r *app.Residence, owner string, a recoveryArgs, provision ledger.Amount, out io.Writer) error {
	ex, err := r.ExerciseOfYear(a.year)
	if err != nil {
		return err
	}
	list, err := r.DoubtfulProposals(ex)
	if err != nil {
		return err
	}
	for _, p := range list {
		if p.Owner == owner && a.amount == "" {
			provision = p.Provision
		}
	}
	e, err := r.AcceptDoubtful(owner, ex, provision)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Dette de %s passée en créance douteuse au %s (%s au compte %s), provision de %s (écriture n° %d).\n",
		owner, ledger.FrenchDate(ex.End), e.Lines[0].Debit, e.Lines[0].Account, provision, e.ID)
	return nil
}
