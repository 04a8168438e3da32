package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// bankJSON is one line of `bank list --json` (contract: CLI.md).
type bankJSON struct {
	Account string `json:"account"`
	Label   string `json:"label"`
	IBAN    string `json:"iban"`
	BIC     string `json:"bic"`
	ICS     string `json:"ics"`
	Savings bool   `json:"savings"`
	Fund    string `json:"fund"`
	Balance string `json:"balance"`
}

func init() {
	commands["bank"] = command{
		usage: "bank add FICHIER --account 5xxxxx --label LIBELLÉ --iban IBAN [--bic BIC] [--ics ICS] [--savings] [--fund 105xxx|103xxx] | bank edit FICHIER --account 5xxxxx [--label L] [--iban I] [--bic B] [--ics ICS] [--fund F] | bank list FICHIER [--json]" +
			" | bank import FICHIER RELEVÉ [--dry-run] [--json] | bank pending FICHIER [--json] | bank assign FICHIER LIGNE --account COMPTE [--key CLÉ] | bank assign FICHIER LIGNE --entry N",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			var b ledger.BankAccount
			fs.StringVar(&b.Account, "account", "", "compte du plan comptable : 512xxx (compte courant) ou 50xxxx (livret, avec --savings)")
			fs.StringVar(&b.Label, "label", "", "libellé du compte (nom de la banque, « Livret A »…)")
			fs.StringVar(&b.IBAN, "iban", "", "IBAN du compte")
			fs.StringVar(&b.BIC, "bic", "", "BIC de la banque (8 ou 11 caractères)")
			fs.StringVar(&b.ICS, "ics", "", "identifiant créancier SEPA, pour les prélèvements")
			fs.BoolVar(&b.Savings, "savings", false, "compte d'épargne (50xxxx), sur la ligne « 50 Fonds placés » de l'annexe 1")
			fs.StringVar(&b.Fund, "fund", "", "fonds placé sur ce livret : fonds de travaux (105xxx) ou avance (103xxx)")
			asJSON := fs.Bool("json", false, "sortie JSON")
			dryRun := fs.Bool("dry-run", false, "bank import : aperçu, rien n'est écrit")
			key := fs.String("key", "", "bank assign : clé de répartition (comptes de classes 6 et 7)")
			entry := fs.Int64("entry", 0, "bank assign : numéro de l'écriture déjà passée (virement saisi à la main, règlement saisi avant le relevé) à laquelle rattacher la ligne")
			return func(pos []string, out io.Writer) error {
				if len(pos) == 0 {
					return usagef("une action (add, edit, list, import, pending, assign) et un fichier de résidence attendus")
				}
				if pos[0] != "import" && *dryRun {
					return usagef("--dry-run ne concerne que bank import")
				}
				if pos[0] != "assign" && *key != "" {
					return usagef("--key ne concerne que bank assign")
				}
				if pos[0] != "assign" && *entry != 0 {
					return usagef("--entry ne concerne que bank assign")
				}
				onlyJSON := b == (ledger.BankAccount{})
				switch pos[0] {
				case "import":
					if err := needArgs(pos, 3, "bank import : un fichier de résidence (.copro) et un relevé"); err != nil {
						return err
					}
					if !onlyJSON {
						return usagef("bank import ne prend que --dry-run et --json")
					}
					return bankImport(pos[1], pos[2], *dryRun, *asJSON, out)
				case "pending":
					if err := needArgs(pos, 2, "bank pending : un fichier de résidence (.copro)"); err != nil {
						return err
					}
					if !onlyJSON {
						return usagef("bank pending ne prend que --json")
					}
					return bankPending(pos[1], *asJSON, out)
				case "assign":
					if err := needArgs(pos, 3, "bank assign : un fichier de résidence (.copro) et le numéro de la ligne"); err != nil {
						return err
					}
					switch {
					case *asJSON:
						return usagef("--json ne concerne pas bank assign")
					case *entry < 0:
						return usagef("numéro d'écriture %d invalide", *entry)
					case *entry != 0 && (b != (ledger.BankAccount{}) || *key != ""):
						return usagef("bank assign --entry ne prend ni --account ni --key : la ligne est rattachée à l'écriture telle qu'elle a été passée")
					case *entry != 0:
						return bankTie(pos[1], pos[2], *entry, out)
					case strings.TrimSpace(b.Account) == "":
						return usagef("--account est obligatoire (ou --entry N pour une écriture déjà passée)")
					case b != (ledger.BankAccount{Account: b.Account}):
						return usagef("bank assign ne prend que --account et --key")
					}
					return bankAssign(pos[1], pos[2], b.Account, *key, out)
				case "add":
					if err := needArgs(pos, 2, "bank add : un fichier de résidence (.copro)"); err != nil {
						return err
					}
					switch {
					case *asJSON:
						return usagef("--json ne concerne pas bank add")
					case b.Account == "":
						return usagef("--account est obligatoire")
					case strings.TrimSpace(b.Label) == "":
						return usagef("--label est obligatoire")
					case strings.TrimSpace(b.IBAN) == "":
						return usagef("--iban est obligatoire")
					}
					b.Label = strings.TrimSpace(b.Label)
					return bankAdd(pos[1], b, out)
				case "edit":
					if err := needArgs(pos, 2, "bank edit : un fichier de résidence (.copro)"); err != nil {
						return err
					}
					set := map[string]bool{}
					fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
					switch {
					case *asJSON:
						return usagef("--json ne concerne pas bank edit")
					case b.Account == "":
						return usagef("--account est obligatoire")
					case set["savings"]:
						return usagef("bank edit ne change pas la nature du compte (--savings) : un livret est un compte 50xxxx")
					case len(set) == 1:
						return usagef("bank edit : indiquez ce qui change (--label, --iban, --bic, --ics ou --fund)")
					}
					return bankEdit(pos[1], b, set, out)
				case "list":
					if err := needArgs(pos, 2, "bank list : un fichier de résidence (.copro)"); err != nil {
						return err
					}
					if b != (ledger.BankAccount{}) {
						return usagef("bank list ne prend que --json")
					}
					return bankList(pos[1], *asJSON, out)
				}
				return usagef("action « %s » inconnue (add, edit, list, import, pending, assign)", pos[0])
			}
		},
	}
}

func bankAdd(file string, b ledger.BankAccount, out io.Writer) error {
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := r.AddBankAccount(b); err != nil {
		return err
	}
	kind := "Compte bancaire"
	if b.Savings || ledger.IsSavingsAccount(b.Account) {
		kind = "Compte d'épargne (fonds placés)"
	}
	fmt.Fprintf(out, "%s %s « %s » ajouté.\n", kind, b.Account, b.Label)
	return nil
}

// bankEdit changes what was given of an existing bank account: its ICS
// once the syndicat has one (direct debits), a new IBAN after a change of
// bank, the fund a livret holds.
func bankEdit(file string, b ledger.BankAccount, set map[string]bool, out io.Writer) error {
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	banks, err := r.BankAccounts()
	if err != nil {
		return err
	}
	for _, old := range banks {
		if old.Account != strings.TrimSpace(b.Account) {
			continue
		}
		var changed []string
		for _, f := range []struct {
			flag, what string
			dst        *string
			src        string
		}{{"label", "libellé", &old.Label, strings.TrimSpace(b.Label)}, {"iban", "IBAN", &old.IBAN, b.IBAN}, {"bic", "BIC", &old.BIC, b.BIC},
			{"ics", "ICS", &old.ICS, b.ICS}, {"fund", "fonds placé", &old.Fund, b.Fund}} {
			if set[f.flag] {
				*f.dst = f.src
				changed = append(changed, f.what)
			}
		}
		if err := r.SaveBankAccount(old); err != nil {
			return err
		}
		fmt.Fprintf(out, "Compte bancaire %s « %s » modifié (%s).\n", old.Account, old.Label, fr.Join(changed, "et"))
		return nil
	}
	return ledger.Errorf(ledger.NotFound, "Le compte %s n'est pas un compte bancaire de la résidence (bank list les énumère)", b.Account)
}

func bankList(file string, asJSON bool, out io.Writer) error {
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	list, err := r.BankBalances(time.Time{})
	if err != nil {
		return err
	}
	if asJSON {
		docs := make([]bankJSON, 0, len(list))
		for _, b := range list {
			docs = append(docs, bankJSON{Account: b.Account, Label: b.Label, IBAN: b.IBAN, BIC: b.BIC, ICS: b.ICS,
				Savings: b.Savings, Fund: b.Fund, Balance: b.Balance.Plain()})
		}
		return writeJSON(out, docs)
	}
	if len(list) == 0 {
		fmt.Fprintln(out, "Aucun compte bancaire : ajoutez-en un avec bank add.")
		return nil
	}
	t := newTable([]string{"Compte", "Libellé", "IBAN", "BIC", "ICS", "Épargne", "Solde"}, 6)
	for _, b := range list {
		savings := ""
		if b.Savings {
			savings = "oui"
		}
		t.add(b.Account, b.Label, b.IBAN, b.BIC, b.ICS, savings, b.Balance.String())
	}
	return t.write(out)
}
